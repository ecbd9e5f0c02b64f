"""Suppression comments: ``# gongwen: disable=…`` / ``enable=…``, per line, per block, per file."""

from __future__ import annotations

from gongwen.lint.suppress import parse_suppressions

from tests.lint_examples import codes, where


def test_suppressions():
    sup = parse_suppressions([
        "text # gongwen: disable=GW401",
        "<!-- gongwen: disable=GW2,GW301 -->",
        "x",
        "<!-- gongwen: enable=GW2,GW301 -->",
        "# gongwen: disable",
        "y",
    ])
    assert sup.suppressed(1, "GW401") and not sup.suppressed(1, "GW402")
    assert sup.suppressed(3, "GW201") and sup.suppressed(3, "GW301") and not sup.suppressed(3, "GW302")
    assert not sup.suppressed(4 + 0, "GW101")
    assert not sup.suppressed(3, "GW101")
    assert sup.suppressed(6, "GW101") and sup.suppressed(6, "GW999")


def test_suppression_for_the_whole_file():
    assert codes("# gongwen: disable=GW401\n完成,取得。\n其他,内容。\n") == []


def test_suppression_comment_in_markdown():
    text = "一、总体要求\n<!-- gongwen: disable=GW201 -->\n三、保障措施\n"
    assert codes(text, "md") == []
    same_line = "加强领导,明确责任。 <!-- gongwen: disable=GW401 -->\n加强领导,明确责任。\n"
    assert where(same_line, "md") == [(2, 5, "GW401")]
