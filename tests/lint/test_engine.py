"""The engine: settings applied to findings, fixes kept out of Word labels, tables kept out of
the outline; whatever the text, it never raises (hypothesis; more in test_engine_properties.py)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen.draft.source import Para, Source, source_from_text
from gongwen.errors import GongwenError
from gongwen.lint import lint_text
from gongwen.lint.engine import lint_source
from gongwen.settings import LintSettings

from tests.lint_examples import where
from tests.strategies import GRAMMAR, HOSTILE, any_char, any_lines


def test_severity_override_applies_to_practice_rules_only():
    cfg = LintSettings(severity={"GW413": "error", "GW401": "warning", "GW6": "warning"})
    found = {f.code: f.severity for f in lint_source(source_from_text("推进产业 工人,队伍有*人。"), cfg)}
    assert found == {"GW413": "error", "GW401": "error", "GW601": "warning"}


def test_fixes_never_touch_a_word_numbering_label():
    # docx paragraphs carry the rendered w:numPr label; a fix inside it cannot be applied
    para = Para(1, "一.总体要求", label_len=2)
    source = Source("x.docx", [para], "docx")
    found = lint_source(source, LintSettings(select=["GW101"]))
    assert [f.code for f in found] == ["GW101"]
    assert found[0].fix is None


def test_where_helper_positions_are_one_based():
    assert where("完成,取得。") == [(1, 3, "GW401")]


def test_table_cells_are_not_part_of_the_outline():
    paras = [Para(1, "一、总体要求"), Para(2, "1、序号", kind="table"), Para(3, "二、工作任务"),
             Para(4, "这是表格里的一段长文字，写的是短语而不是句子，所以没有句号", kind="table")]
    found = lint_source(Source("x.docx", paras, "docx"), LintSettings(ignore=["GW8"]))
    assert found == []


@settings(max_examples=120)
@given(any_lines, st.sampled_from(["txt", "md"]))
def test_linter_never_raises_on_arbitrary_text(text, fmt):
    for f in lint_text(text, fmt=fmt):
        assert f.line >= 1 and f.column >= 1 and f.code.startswith("GW")


#: Characters YAML counts as line breaks besides \n (yaml_source splits lines on them too).
YAML_BREAKS = "\x85\u2028\u2029"


@settings(max_examples=60)
@given(st.lists(st.text(alphabet=st.sampled_from(GRAMMAR + HOSTILE + "加强领导测试"), max_size=40), max_size=8))
def test_linter_never_raises_on_arbitrary_yaml_content(paragraphs):
    text = "kind: speech\ntitle: 标题\nsections:\n  - heading: 部分\n    paragraphs:\n" + "".join(
        f"      - {json.dumps(p, ensure_ascii=False)}\n" for p in paragraphs if p.strip())
    lint_text(text, fmt="yaml")


@settings(max_examples=60)
@given(st.text(alphabet=any_char, max_size=400))
def test_linter_on_arbitrary_yaml_text_raises_only_gongwen_errors(text):
    try:
        lint_text(text, fmt="yaml")
    except GongwenError:
        pass


@pytest.mark.parametrize("brk", list(YAML_BREAKS))
def test_yaml_line_breaks_inside_quoted_paragraphs(brk):
    text = ("kind: speech\ntitle: 标题\nsections:\n  - heading: 部分\n    paragraphs:\n"
            f'      - "0{brk}"\n      - "0{brk}"\n      - "一.总体要求"\n')
    lint_text(text, fmt="yaml")


def test_lint_api_on_text_yaml_refuses_reports_a_gongwen_error():
    with pytest.raises(GongwenError):
        lint_text("repos: 标\x1f题\n", fmt="yaml")
    # YAML meant as content: the fault is a finding with its place, as gongwen build reports it
    found = lint_text("kind: speech\ntitle: 标\x1f题\n", fmt="yaml")
    assert [(f.line, f.column, f.code) for f in found] == [(2, 9, "GW710")]
