"""click's errors reach the writer in Chinese: error first, did-you-mean, then usage and where help is."""

from __future__ import annotations

import gettext

import click
import pytest
from click.testing import CliRunner

from gongwen.cli import COMMANDS, main

from tests.processes import run_measured

ENGLISH = ("Error", "Usage", "Try ", "Invalid", "Missing", "No such", "is not", "does not", "Did you mean",
           "Got unexpected", "requires", "OPTIONS", "'")


def run(*args, **kwargs):
    return CliRunner().invoke(main, list(args), prog_name="gongwen", **kwargs)


def english_in(text: str) -> list:
    return [w for w in ENGLISH if w in text]


@pytest.mark.parametrize("args,first", [
    (["bulid"], "错误：没有 bulid 这个命令，是不是要用 build？"),
    (["xyzzy"], "错误：没有 xyzzy 这个命令。可用的命令：" + "、".join(COMMANDS) + "。"),
    (["templates", "chek"], "错误：没有 chek 这个命令，是不是要用 check？"),
    (["lint", "--foramt", "json", "a.txt"], "错误：没有 --foramt 这个选项，是不是要用 --format？"),
    (["build", "--jbos", "2", "a.yaml"], "错误：没有 --jbos 这个选项，是不是要用 --jobs？"),
    (["--verison"], "错误：没有 --verison 这个选项，是不是要用 --version？"),
    (["build"], "错误：缺少参数：路径。"),
    (["templates", "copy"], "错误：缺少参数：模板名。"),
    (["lint", "--format", "xml", "a.txt"],
     "错误：--format 的值不对：“xml”不在可选值中，可选：text、json、github、sarif、html。"),
    (["new", "公告"], "错误：文种的值不对：“公告”不在可选值中，可选：speech、"),
    (["build", "-j", "abc", "a.yaml"], "错误：-j/--jobs 的值不对：“abc”不是数字。"),
    (["new", "通知", "--year", "3500"], "错误：--year 的值不对：3500 超出了允许的范围 1900–2999。"),
    (["lint", "--year"], "错误：选项 --year 后面要写一个值。"),
    (["import", "a.docx", "b.docx"], "错误：多余的参数：b.docx"),
    (["lint", "nonexist.docx"], "错误：找不到这个文件或文件夹：nonexist.docx"),
    (["build", "nonexist.yaml"], "错误：找不到这个文件或文件夹：nonexist.yaml"),
    (["lint", "甲.docx", "乙.txt"], "错误：找不到这些文件或文件夹：甲.docx、乙.txt"),
])
def test_usage_errors_in_chinese(args, first, tmp_path):
    result = run(*args)
    assert result.exit_code == 2, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(first), result.output
    assert lines[1].startswith("用法：gongwen"), result.output
    assert lines[2].startswith("运行“gongwen") and lines[2].endswith("--help”查看帮助。"), result.output
    assert not english_in(result.output), result.output
    assert "检查了 0 个文件" not in result.output and "未发现问题" not in result.output


def test_import_of_a_missing_file_names_it_and_exits_1():
    result = run("import", "去年讲话.docx")
    assert result.exit_code == 1
    assert result.output == "错误：找不到这个文件或文件夹：去年讲话.docx\n"


def test_lint_with_some_files_missing_checks_the_rest(tmp_path):
    good = tmp_path / "通知.txt"
    good.write_text("关于做好防汛工作的通知\n", encoding="utf-8")
    result = run("lint", str(good), str(tmp_path / "没有.docx"))
    assert result.exit_code == 2
    assert "没有.docx" in result.output and "检查了 1 个文件" in result.output


def test_every_registered_command_speaks_chinese_without_work_of_its_own(monkeypatch):
    monkeypatch.setitem(COMMANDS, "probe", (__name__, "probe", "试验命令"))
    text = run("probe", "--help", terminal_width=80).output
    assert text.startswith("用法：gongwen probe [选项] 文件 [文字]\n")
    assert "--count 数字" in text and "--into 文件夹" in text and "（默认：3）" in text and "显示帮助并退出" in text
    assert "probe    试验命令" in run("--help").output or "probe" in run("--help").output
    bad = run("probe", "a.txt", "--count", "三")
    assert bad.exit_code == 2 and bad.output.startswith("错误：--count 的值不对：“三”不是数字。\n")
    assert run("probe", "--cuont", "2", "a.txt").output.startswith("错误：没有 --cuont 这个选项，是不是要用 --count？")
    assert run("probe").output.startswith("错误：缺少参数：文件。")


@click.command(help="试验：一个只用 click 写的命令。")
@click.argument("source", type=click.Path(dir_okay=False))
@click.argument("note", required=False)
@click.option("--count", type=int, default=3, show_default=True, help="次数")
@click.option("--into", type=click.Path(file_okay=False), help="输出文件夹")
def probe(source, note, count, into):
    click.echo(f"{source} {count}")


def test_click_is_left_as_it_was_after_a_command():
    run("bulid")
    assert click.exceptions._ is gettext.gettext and click.core._ is gettext.gettext
    with pytest.raises(click.UsageError) as caught:
        click.Command("x").make_context("x", ["--nope"])
    assert "No such option" in caught.value.format_message()


@pytest.mark.parametrize("args,code,first", [
    (["bulid"], 2, "错误：没有 bulid 这个命令，是不是要用 build？"),
    (["lint", "nonexist.docx"], 2, "错误：找不到这个文件或文件夹：nonexist.docx"),
    (["lint", "--foramt", "json", "a.txt"], 2, "错误：没有 --foramt 这个选项，是不是要用 --format？"),
])
def test_through_the_real_command(args, code, first, tmp_path):
    done = run_measured(args, cwd=tmp_path)
    assert done.returncode == code
    assert done.stdout == "" and done.stderr.splitlines()[0] == first, done.stderr
    assert not english_in(done.stderr), done.stderr
