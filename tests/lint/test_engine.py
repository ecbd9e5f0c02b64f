"""The engine: settings applied to findings, fixes kept out of Word labels, tables kept out of the outline."""

from __future__ import annotations

from gongwen.draft.source import Para, Source, source_from_text
from gongwen.lint.engine import lint_source
from gongwen.settings import LintSettings

from tests.lint_examples import where


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
