"""Build reports what a document still lacks (【待补充】, 【核实：…】), and ``--strict`` refuses it."""

from __future__ import annotations

import subprocess
import sys

import docx
import pytest
from click.testing import CliRunner

import gongwen
from gongwen.builder import unfinished
from gongwen.builder.pipeline import build_one
from gongwen.cli import main

from tests.paths import gongwen_env

NOTICE = """\
kind: 通知
title: 关于做好2025年防汛工作的通知
issuer: 清河县人民政府办公室
doc_number: 清政办发〔2025〕7号
recipients: [各乡镇人民政府, 县直各单位]
opening:
  - 为做好今年防汛工作，现将有关事项通知如下。
sections:
  - heading: 压实防汛责任
    paragraphs:
      - 去年全县共转移群众【核实：1.2万人】，
        投入资金【核实：3860万元】。
  - heading: "【待补充】"
    paragraphs:
      - 各乡镇于【核实：5月31日】前报送【待补充：报送材料】。
signature: 清河县人民政府办公室
date: 2025-05-06
"""

FINISHED = """\
kind: 讲话稿
title: 在全县防汛工作会议上的讲话
sections:
  - heading: 提高认识
    paragraphs: 防汛工作事关群众安全。
"""


@pytest.fixture
def notice(tmp_path):
    path = tmp_path / "防汛通知.yaml"
    path.write_text(NOTICE, encoding="utf-8")
    return path


def test_counts_and_first_places_in_yaml(notice):
    found = unfinished.find_in_yaml(notice.read_text(encoding="utf-8"), str(notice))
    assert [(u.mark, u.count) for u in found] == [("【待补充】", 2), ("【核实】", 3)]
    todo, verify = found
    assert (todo.first.line, todo.first.column, todo.first.key) == (13, 15, "sections[1].heading")
    # the column of the mark itself, inside its line
    assert (verify.first.line, verify.first.column, verify.first.key) == (
        11, 18, "sections[0].paragraphs[0]")
    line = unfinished.summary(str(notice), found)
    assert line == (f"{notice}:11:18: 尚未完成：【待补充】2 处（第13行起，第二部分的标题），"
                    "【核实】3 处（第11行起，第一部分的第1段）")


def test_second_line_of_a_folded_scalar():
    text = "kind: 讲话稿\ntitle: 讲话\nsections:\n  - heading: 甲\n    paragraphs: 今年全县\n      投入【核实：3860万元】。\n"
    (found,) = unfinished.find_in_yaml(text, "a.yaml")
    assert (found.first.line, found.first.column) == (6, 9)


def test_comments_and_finished_text_are_not_counted(tmp_path):
    text = "# 把每个【待补充】换成实际内容\n" + FINISHED
    assert unfinished.find_in_yaml(text, "a.yaml") == []


def test_alias_counted_once():
    text = ("kind: 讲话稿\ntitle: 讲话\nsections:\n  - heading: &h 【待补充：标题】\n    paragraphs: 甲。\n"
            "  - heading: *h\n    paragraphs: 乙。\n")
    (found,) = unfinished.find_in_yaml(text, "a.yaml")
    assert found.count == 1 and found.first.line == 4


def test_build_one_reports_and_builds(notice, tmp_path):
    result = build_one(notice, tmp_path / "out.docx")
    assert result.ok and (tmp_path / "out.docx").exists()
    assert result.summary.startswith(f"{notice}:11:18: 尚未完成：【待补充】2 处")
    # the marks are in the built document, as written
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "out.docx")).paragraphs)
    assert "【核实：1.2万人】" in text


def test_strict_refuses_without_writing(notice, tmp_path):
    result = build_one(notice, tmp_path / "out.docx", strict=True)
    assert not result.ok and not (tmp_path / "out.docx").exists()
    assert "按 --strict 要求，未生成" in result.errors[0] and "【核实】3 处" in result.errors[0]


def test_api_returns_it_and_finished_documents_say_nothing(notice, tmp_path):
    done = tmp_path / "讲话.yaml"
    done.write_text(FINISHED, encoding="utf-8")
    results = gongwen.build([notice, done], tmp_path / "out")
    assert [r.ok for r in results] == [True, True]
    assert [(u.mark, u.count) for u in results[0].unfinished] == [("【待补充】", 2), ("【核实】", 3)]
    assert results[1].unfinished == [] and results[1].summary == ""
    strict = gongwen.build([notice, done], tmp_path / "strict", strict=True)
    assert [r.ok for r in strict] == [False, True]


def test_parallel_build_carries_it(notice, tmp_path):
    done = tmp_path / "讲话.yaml"
    done.write_text(FINISHED, encoding="utf-8")
    results = gongwen.build([notice, done], tmp_path / "out", jobs=2, strict=True)
    assert [r.ok for r in results] == [False, True] and results[0].unfinished[1].count == 3


def test_draft_placeholders_from_import(tmp_path):
    draft = tmp_path / "草稿.txt"
    draft.write_text("关于开展安全检查的通知\n\n各乡镇：\n\n一、\n\n检查于6月底前完成。\n", encoding="utf-8")
    (result,) = gongwen.build(draft, tmp_path / "out")
    assert result.ok
    assert result.unfinished and result.unfinished[0].mark == "【待补充】"
    assert result.summary.startswith(f"{draft}: 尚未完成：【待补充】")


def test_cli_prints_after_built_line_and_strict_fails(notice, tmp_path):
    done = tmp_path / "讲话.yaml"
    done.write_text(FINISHED, encoding="utf-8")
    out = tmp_path / "out"
    run = CliRunner().invoke(main, ["build", str(notice), str(done), "-o", str(out)], catch_exceptions=False)
    assert run.exit_code == 0, run.output
    lines = run.output.splitlines()
    i = lines.index(f"已生成 {out / '防汛通知.docx'}")
    assert lines[i + 1].startswith(f"{notice}:11:18: 尚未完成：【待补充】2 处（第13行起")
    assert not any("尚未完成" in line and "讲话" in line for line in lines)
    strict = CliRunner().invoke(main, ["build", str(notice), str(done), "-o", str(tmp_path / "s"), "--strict"],
                                catch_exceptions=False)
    assert strict.exit_code == 1
    assert "按 --strict 要求，未生成" in strict.output and f"失败 {notice}：未生成" in strict.output
    assert not (tmp_path / "s" / "防汛通知.docx").exists() and (tmp_path / "s" / "讲话.docx").exists()
    helptext = CliRunner().invoke(main, ["build", "--help"]).output
    assert "--strict" in helptext and "【待补充】" in helptext


def test_real_process_strict(notice, tmp_path):
    done = subprocess.run([sys.executable, "-m", "gongwen", "build", str(notice), "-o", str(tmp_path / "out"),
                           "--strict"], capture_output=True, text=True, encoding="utf-8", env=gongwen_env())
    assert done.returncode == 1
    assert "尚未完成：【待补充】2 处" in done.stderr + done.stdout
    assert not (tmp_path / "out" / "防汛通知.docx").exists()
