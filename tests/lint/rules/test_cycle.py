"""GW901: years behind the document's own year (a copy of last year's text not yet updated)."""

from __future__ import annotations

import pytest

from gongwen.draft.source import source_from_text
from gongwen.draft.yamlsource import yaml_source
from gongwen.lint.engine import lint_source
from gongwen.lint.registry import get_rule
from gongwen.settings import LintSettings, lint_settings_from


@pytest.fixture
def gw901():
    return get_rule("GW901")


def gw901_findings(rule, source, **settings):
    config = lint_settings_from(settings, "<t>") if settings else LintSettings()
    return [(f.line, f.message) for f in lint_source(source, config, rules=[rule])]


def test_gw901_examples(gw901):
    for example in gw901.bad:
        assert gw901_findings(gw901, source_from_text(example)), example
    for example in gw901.good:
        assert gw901_findings(gw901, source_from_text(example)) == [], example


def test_gw901_reads_the_year_from_yaml_and_skips_past_and_marked_years(gw901):
    text = ("kind: speech\ntitle: 在全县2022年安全生产工作会议上的讲话\ndate: 2023-02-16\n"
            "opening:\n  - 2022年以来，比2021年增长，截至2022年底，2021—2023年，【核实：2022年】，"
            "《2022年工作要点》，2015年。\n  - 研究了2021年的工作重点。\n"
            "sections:\n  - heading: 甲\n    paragraphs: [正文。]\n")
    found = gw901_findings(gw901, yaml_source(text, "s.yaml"))
    assert [line for line, _ in found] == [2, 6]
    assert "2023年" in found[0][1]
    by_vars = text.replace("date: 2023-02-16\n", "vars:\n  year: 2023\n")
    assert len(gw901_findings(gw901, yaml_source(by_vars, "s.yaml"))) == 2


def test_gw901_reads_a_report_signature_and_leaves_undated_text_alone(gw901):
    signed = "关于某事的调研报告\n一、下步打算\n2022年要加快重点项目建设。\n县总工会调研组\n2023年9月20日"
    assert [line for line, _ in gw901_findings(gw901, source_from_text(signed))] == [3]
    assert gw901_findings(gw901, source_from_text("讲话\n研究了2022年的工作重点。")) == []


def test_gw901_gives_way_to_gw607(gw901):
    text = "讲话\n（2023年2月16日）\n刚才，我们研究了2022年的工作重点。\n2022年全县还要做好三件事。"
    assert [line for line, _ in gw901_findings(gw901, source_from_text(text), year=2023)] == [4]
    assert [line for line, _ in gw901_findings(gw901, source_from_text(text))] == [3, 4]
