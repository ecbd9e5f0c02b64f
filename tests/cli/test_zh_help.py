"""Every help page is Chinese: headings, placeholders, defaults, and wrapping without stray spaces."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from gongwen import entry
from gongwen.cli import COMMANDS, main
from gongwen.cli.zhwrap import fill, join_lines, width, wrap_text
from gongwen.spec.chars import is_wide

ENGLISH = ("Usage:", "Options:", "Commands:", "Arguments:", "Show this message", "Show the version",
           "[default:", "default:", "(required)", "[required]", "Error", "<=x")
PLACEHOLDER = re.compile(r"\b(TEXT|DIRECTORY|FILENAME|FILE|INTEGER|FLOAT|RANGE|BOOLEAN|PATHS?|OPTIONS|COMMAND|ARGS"
                         r"|CODE|NAME|DEST|KIND|DIR)\b")


def pages():
    """(command path, click command) for every command and sub-command of ``gongwen``."""
    out = []
    ctx = click.Context(main, info_name="gongwen")
    for name in main.list_commands(ctx):
        cmd = main.get_command(ctx, name)
        out.append(([name], cmd))
        if isinstance(cmd, click.Group):
            out.extend(([name, sub], cmd.commands[sub]) for sub in cmd.commands)
    return out


def sources(cmd: click.Command) -> str:
    """All the help text written for a command, as written."""
    parts = [cmd.help or "", cmd.epilog or "", cmd.short_help or ""]
    parts += [getattr(p, "help", None) or "" for p in cmd.params]
    return "\n".join(parts) + "\n" + "\n".join(h for _, _, h in COMMANDS.values())


def stray_spaces(text: str, source: str) -> list:
    """Spaces between two wide characters in ``text`` that the source does not have."""
    return [m.group(0) for m in re.finditer(r"(.) (.)", text)
            if is_wide(m.group(1)) and is_wide(m.group(2)) and m.group(0) not in source]


def help_of(path):
    result = CliRunner().invoke(main, [*path, "--help"], prog_name="gongwen", terminal_width=80)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("path,cmd", pages(), ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_help_page_is_chinese(path, cmd):
    text = help_of(path)
    assert text.startswith(f"用法：gongwen {' '.join(path)} [选项]"), text
    assert "选项：\n" in text and "显示帮助并退出" in text
    assert not [w for w in ENGLISH if w in text], text
    assert not PLACEHOLDER.findall(text), PLACEHOLDER.findall(text)
    body = text.split("\n", 1)[1]  # the usage line parts its placeholders with spaces
    assert not stray_spaces(body, sources(cmd)), stray_spaces(body, sources(cmd))


def test_group_help_and_fast_path_agree():
    text = CliRunner().invoke(main, ["--help"], prog_name="gongwen", terminal_width=80).output
    assert entry.HELP == text
    assert text.startswith("用法：gongwen [选项] 命令 [参数]...\n")
    assert "\n选项：\n" in text and "\n命令：\n" in text
    assert not [w for w in ENGLISH if w in text] and not PLACEHOLDER.findall(text)


def test_placeholders_defaults_and_ranges_in_chinese():
    build = help_of(["build"])
    assert "-o, --out 文件夹" in build and "（默认：out）" in build
    assert "-j, --jobs 数字" in build and "（默认：1；范围 1–64）" in build
    assert "--template 模板" in build
    assert "gongwen new [选项] 文种" in help_of(["new"]) and "（范围 1900–2999）" in help_of(["new"])
    assert "gongwen import [选项] 文件" in help_of(["import"])
    assert "gongwen templates copy [选项] 模板名 目标" in help_of(["templates", "copy"])


def test_option_table_lines_fit_the_width():
    for path, _ in pages():
        table = help_of(path).split("选项：\n", 1)[1]
        for line in table.splitlines():
            if "[text|json" not in line:  # a choice list click shows whole
                assert width(line) <= 80, line  # CliRunner's terminal_width


def test_join_lines_adds_no_space_between_chinese():
    assert join_lines(["生成符合", "标准的公文。"]) == "生成符合标准的公文。"
    assert join_lines(["写出文件名，", "如 gongwen build"]) == "写出文件名，如 gongwen build"
    assert join_lines(["gongwen lint", "会列出"]) == "gongwen lint 会列出"
    assert join_lines(["disable=GW201", "（与文字同行）"]) == "disable=GW201（与文字同行）"


def test_fill_wraps_by_display_width_and_keeps_marks_and_names():
    text = "检查公文草稿的序号、层次、标点、数字日期、草稿残留和版式，另存为 名称.fixed.docx，改动以修订标出。"
    for limit in range(12, 40):
        lines = fill(text, limit).splitlines()
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for line in lines:
            assert line[0] not in "，。、）", (limit, line)
            assert width(line) <= limit or " " not in line and len(line) < 20, (limit, line)
        assert any("名称.fixed.docx" in line for line in lines), lines


def test_wrap_text_keeps_marked_blocks_and_paragraphs():
    text = "第一段第一行\n第一段第二行\n\n\b\n示例：\n  gongwen build content/"
    assert wrap_text(text, 40, "  ", "  ", preserve_paragraphs=True) == (
        "  第一段第一行第一段第二行\n\n  示例：\n    gongwen build content/")
