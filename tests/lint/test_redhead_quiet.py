"""No false alarms: documents without a 版头 (speeches, reports) give no finding from the
red-header rules (GW816–GW825), whoever made them."""

import glob
import os

import docx
import pytest

from gongwen import api
from gongwen.draft.read import read_source
from gongwen.lint.docxexample import example_source
from gongwen.lint.engine import lint_source
from gongwen.lint.registry import all_rules

from tests.lint.redhead_docs import body, docx as make_docx, label, p, title
from tests.paths import ROOT

RED = [r for r in all_rules() if "GW816" <= r.code <= "GW825"]


def red_findings(path):
    return [(f.line, f.code, f.message) for f in lint_source(read_source(str(path)), rules=RED)]


def _docx_on_disk():
    files = []
    for pattern in ("templates/*.docx", "src/gongwen/templates/*.docx", "tests/fixtures/**/*.docx", "out/*.docx",
                    "../shared/examples/*.docx"):
        files += glob.glob(os.path.join(ROOT, pattern), recursive=True)
    return sorted(f for f in files if not f.endswith(".fixed.docx"))


def test_the_red_header_rules_are_registered():
    assert [r.code for r in RED] == [f"GW8{n}" for n in range(16, 26)]


@pytest.mark.parametrize("path", _docx_on_disk(), ids=os.path.basename)
def test_templates_fixtures_and_output_on_disk_give_no_red_header_finding(path):
    assert red_findings(path) == []


def test_built_speeches_and_reports_give_no_red_header_finding(tmp_path):
    contents = [c for c in sorted(glob.glob(os.path.join(ROOT, "content", "**", "*.yaml"), recursive=True))
                if api.load(c).kind in ("speech", "report")]
    assert contents
    results = api.build(contents, str(tmp_path))
    assert results and all(r.ok for r in results), [r.errors for r in results]
    for r in results:
        assert red_findings(r.target) == [], r.target


def test_a_report_with_an_appendix_and_a_closing_is_not_a_red_header_document(tmp_path):
    """A report's author line over its title, an 附件 on the same page and a 落款 set flush
    left are the writer's affair: no 版头, no red-header finding."""
    data = make_docx(p("县总工会调研组", "center") + title("关于全县产业工人队伍建设情况的调研报告")
                     + body("为摸清全县产业工人队伍现状，县总工会组成调研组，深入十二家企业开展调研。")
                     + p("县总工会调研组") + p("2024年3月5日") + label("附件1", brk="none")
                     + body("调研企业名单：清河县纺织集团、清河县机械厂等十二家企业。"))
    path = tmp_path / "report.docx"
    path.write_bytes(data)
    assert red_findings(path) == []


def test_a_plain_document_made_with_python_docx_gives_no_red_header_finding(tmp_path):
    d = docx.Document()
    for text in ("在全县2024年安全生产工作会议上的讲话", "县长　周文博", "（2024年2月16日）", "同志们：",
                 "今天召开全县安全生产工作会议，主要任务是总结去年工作，部署今年任务。", "附件", "县政府办公室",
                 "2024年2月16日"):
        d.add_paragraph(text)
    path = tmp_path / "speech.docx"
    d.save(str(path))
    assert red_findings(path) == []


def test_the_example_page_and_its_closing_alone_are_quiet():
    src = example_source("close: align=left;attach: break=none")
    assert lint_source(src, rules=RED) == []
