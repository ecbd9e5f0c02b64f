"""click's own words reach the user in Chinese: usage lines, usage errors, option help."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from gongwen.cli import main


@pytest.mark.parametrize("args,words", [
    (["build"], ["用法：", "缺少参数", "--help"]),
    (["lint", "--format", "xml", "x.txt"], ["--format", "的值不对", "不在可选值中", "text、json"]),
    (["lint", "--select", "GW9999", "x.txt"], ["没有以 GW9999 开头的规则"]),
    (["frobnicate"], ["没有 frobnicate 这个命令"]),
    (["build", "-j", "abc", "x.yaml"], ["“abc”不是数字"]),
])
def test_usage_errors_are_chinese_and_exit_2(args, words):
    result = CliRunner().invoke(main, args, prog_name="gongwen")
    assert result.exit_code == 2
    text = result.output
    assert all(w in text for w in words), text
    assert "Usage:" not in text and "Error:" not in text and "Try " not in text


@pytest.mark.parametrize("command", ["build", "lint", "rule", "import", "new", "templates"])
def test_command_help_is_chinese(command):
    text = CliRunner().invoke(main, [command, "--help"], prog_name="gongwen").output
    assert "用法：" in text and "显示帮助并退出" in text
    assert "Show this message" not in text and "Usage:" not in text and "[default:" not in text
