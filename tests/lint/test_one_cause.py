"""One cause, one finding; no fix where a word may be missing; a deleted line leaves no blank line;
an empty replacement reads 删除“…”."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from gongwen.cli import main
from gongwen.draft.read import read_source
from gongwen.lint.docxfix import write_fixed_copy
from gongwen.lint.engine import lint_source, lint_text
from gongwen.lint.fix import fix_text
from gongwen.lint.fixlines import whole_line
from gongwen.lint.output import change
from gongwen.lint.precedence import outranks

from tests.paths import gongwen_env
from tests.tinydocx import make_docx, p

SPEECH = """\
kind: 讲话稿
title: 在全县安全生产工作会议上的讲话
sections:
  - heading: 总体要求
    items:
      - 加强组织领导
      - 五是明确工作责任
      - 强化督促检查
"""


def codes(findings):
    return [(f.line, f.code) for f in findings]


# --- one cause, one finding -------------------------------------------------------------------


def test_typed_series_opener_in_yaml_items_is_one_finding():
    found = lint_text(SPEECH, fmt="yaml")
    assert codes(found) == [(7, "GW702")]
    assert found[0].fix is not None and found[0].fix.new == ""


@pytest.mark.parametrize("item,owner", [("一是，加强组织领导", "GW702"), ("第二、明确工作责任", "GW702")])
def test_typed_opener_with_its_punctuation_is_one_finding(item, owner):
    text = SPEECH.replace("五是明确工作责任", item)
    assert [c for _, c in codes(lint_text(text, fmt="yaml"))] == [owner]


def test_lone_opener_starting_late_in_prose_is_one_finding():
    found = lint_text("关于开展安全检查的通知\n\n各乡镇：\n\n加强领导，五是明确责任。\n")
    series = [f for f in found if f.code.startswith("GW3")]
    assert [f.code for f in series] == ["GW302"]
    assert "只有一个“五是”" in series[0].message and "删去“五是”" in series[0].message
    # a lone 一是 is still GW301, a gap inside a series still GW302
    assert [f.code for f in lint_text("加强学习，一是提高认识。") if f.code.startswith("GW3")] == ["GW301"]
    assert [f.code for f in lint_text("一是加强领导，三是强化保障。") if f.code.startswith("GW3")] == ["GW302"]


def test_space_after_a_heading_marker_is_the_marker_rules():
    found = lint_text("关于开展安全检查的通知\n\n各乡镇：\n\n一、 总体要求\n\n加强领导。\n")
    assert [f.code for f in found if f.line == 5 and f.code in ("GW110", "GW413")] == ["GW110"]
    # a stray space elsewhere is still GW413
    assert any(f.code == "GW413" for f in lint_text("推进产业 工人队伍建设。"))


def test_different_causes_at_one_place_both_speak():
    text = "关于开展安全检查的通知\n\n各乡镇：\n\n一、总体要求\n\n二、工作安排\n\n1、开展检查\n"
    at = {f.code for f in lint_text(text) if f.line == 9}
    assert {"GW104", "GW206"} <= at  # the form of “1、”, and the level it skips


def test_outranks_table():
    assert outranks("GW702", "GW301") and outranks("GW701", "GW104") and outranks("GW110", "GW413")
    assert not outranks("GW413", "GW110") and not outranks("GW702", "GW404")


def test_fix_of_the_owner_is_the_one_applied():
    result = fix_text(SPEECH.replace("五是明确工作责任", "一是，加强组织领导"), "s.yaml", "yaml")
    assert "      - 加强组织领导\n      - 加强组织领导\n" in result.fixed
    assert [f.code for f, _, _ in result.applied] == ["GW702"]


# --- GW404: no fix where a word may be missing --------------------------------------------------


@pytest.mark.parametrize("text,fixed", [
    ("开通微博、、、抖音账号。", None),
    ("开通微博、、抖音账号。", None),
    ("加强领导，，，明确责任。", None),
    ("加强领导，，明确责任。", "加强领导，明确责任。"),
    ("会议结束。。", "会议结束。"),
    ("主要任务：：", "主要任务："),
    ("一、、总体要求", "一、总体要求"),  # the separator of a heading marker, doubled
])
def test_doubled_marks(text, fixed):
    (f,) = [f for f in lint_text(text) if f.code == "GW404"]
    if fixed is None:
        assert f.fix is None and "可能漏掉了词语" in f.message
        assert fix_text(text, "t.txt", "txt").fixed == text
    else:
        assert f.fix is not None
        assert fix_text(text, "t.txt", "txt").fixed == fixed


# --- a deletion that empties a line -------------------------------------------------------------


@pytest.mark.parametrize("text,fixed", [
    ("关于开展检查的通知\n\n现将有关事项通知如下。\n\n##paidend##\n", "关于开展检查的通知\n\n现将有关事项通知如下。\n"),
    ("关于开展检查的通知\n现将有关事项通知如下。\n##paidend##", "关于开展检查的通知\n现将有关事项通知如下。"),
    ("关于开展检查的通知\r\n现将有关事项通知如下。\r\n##paidend##\r\n", "关于开展检查的通知\r\n现将有关事项通知如下。\r\n"),
    ("关于开展检查的通知\n\n##paidbegin##\n\n现将有关事项通知如下。\n", "关于开展检查的通知\n\n现将有关事项通知如下。\n"),
    ("关于开展检查的通知\n##paidbegin##\n现将有关事项通知如下。\n", "关于开展检查的通知\n现将有关事项通知如下。\n"),
    ("关于开展检查的通知\n现将有关事项##paidend##通知如下。\n", "关于开展检查的通知\n现将有关事项通知如下。\n"),
])
def test_web_residue_line_goes_cleanly(text, fixed):
    for fmt in ("txt", "md"):
        result = fix_text(text, "t." + fmt, fmt)
        assert result.fixed == fixed, fmt
        assert [old for _, old, _ in result.applied] == [next(w for w in ("##paidend##", "##paidbegin##") if w in text)]


def test_whole_line_keeps_other_text():
    text = "甲\n乙##x##\n丙\n"
    a = text.index("##x##")
    assert whole_line(text, a, a + 5, "") == (a, a + 5)
    assert whole_line(text, a, a + 5, "，") == (a, a + 5)


def test_docx_paragraph_emptied_by_a_fix_is_removed(tmp_path):
    path = tmp_path / "草稿.docx"
    path.write_bytes(make_docx(p("关于开展检查的通知") + p("现将有关事项通知如下。") + p("##paidend##")))
    src = read_source(str(path))
    findings = [f for f in lint_source(src) if f.code == "GW604"]
    for f in findings:
        f.fix.para = src.paras.index(f.para)
    out = write_fixed_copy(src, findings)
    assert [q.text for q in read_source(out).paras] == ["关于开展检查的通知", "现将有关事项通知如下。"]


# --- an empty replacement reads 删除 ------------------------------------------------------------


def test_change_words():
    assert change("（三）", "") == "删除“（三）”"
    assert change("", "。") == "插入“。”"
    assert change("，，", "，") == "“，，”→“，”"
    assert change("\u200b", "") == "删除“\\u200b”"


def test_cli_shows_deletions_as_such(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(SPEECH.replace("heading: 总体要求", "heading: （三）总体要求"), encoding="utf-8")
    run = CliRunner().invoke(main, ["lint", "--fix", str(path)], catch_exceptions=False)
    assert "GW701 已修正：删除“（三）”" in run.output and "→“”" not in run.output
    assert "GW702 已修正：删除“五是”" in run.output


def test_real_process_fix_of_residue(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("关于开展检查的通知\n\n现将有关事项通知如下。\n\n##paidend##\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "gongwen", "lint", "--fix", str(path)], capture_output=True,
                          text=True, encoding="utf-8", env=gongwen_env())
    assert "删除“##paidend##”" in done.stdout + done.stderr
    assert path.read_text(encoding="utf-8") == "关于开展检查的通知\n\n现将有关事项通知如下。\n"


# --- other fixes that could have lost a word, found while looking ----------------------------


@pytest.mark.parametrize("text,fixable", [
    ("出席：张三 李四 王五 赵六", False),   # a list of names: deleting spaces runs them together
    ("参加人员：王明 李华", False),
    ("推进产业 工人队伍建设。", True),      # a space inside a word
    ("在 2022 年召开。", True),
])
def test_space_separated_names_are_not_run_together(text, fixable):
    found = [f for f in lint_text(text) if f.code == "GW413"]
    assert found and all((f.fix is not None) == fixable for f in found)
    if not fixable:
        assert "顿号" in found[0].message and fix_text(text, "t.txt", "txt").fixed == text


def test_web_breaks_and_spaces_keep_words_apart():
    (br,) = [f for f in lint_text("第一段<br>第二段") if f.code == "GW604"]
    assert br.fix is None and "原为换行" in br.message
    assert fix_text("会议结束。<br>下一步", "t.txt", "txt").fixed == "会议结束。下一步"
    assert fix_text("John&nbsp;Smith 来访。", "t.txt", "txt").fixed == "John Smith 来访。"
    assert fix_text("加强领导&nbsp;明确责任", "t.txt", "txt").fixed == "加强领导明确责任"
