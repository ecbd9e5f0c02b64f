"""Fixing: safe fixes applied until stable, everything else left byte for byte.

``gongwen lint --fix`` on a file full of odd bytes changes the reported spans
and nothing else: line endings, BOM and encoding are kept.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen.cli import main
from gongwen.lint.fix import fix_text

from tests.strategies import any_lines


def lint(*args):
    """``gongwen lint ARGS`` through click: no exception escapes, no traceback is printed."""
    result = CliRunner().invoke(main, ["lint", *map(str, args)], catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def test_fix_iterates_until_stable():
    # (一）、 needs two fixes that overlap: brackets, then the stray 、
    result = fix_text("一、总体要求\n(一）、加强领导\n", "x.txt", "txt")
    assert result.fixed == "一、总体要求\n（一）加强领导\n"
    assert {f.code for f, _, _ in result.applied} == {"GW102", "GW103"}


def test_fix_leaves_what_is_not_safe():
    result = fix_text("有*万人,共XX个。\n", "x.txt", "txt")
    assert result.fixed == "有*万人，共XX个。\n"


def test_fix_preserves_other_lines_exactly():
    text = "第一行没有问题。\n\n  缩进的行,有问题。\n最后一行\n"
    assert fix_text(text, "x.txt", "txt").fixed == "第一行没有问题。\n\n  缩进的行，有问题。\n最后一行\n"


def test_diff_output():
    result = fix_text("完成,取得。\n", "x.txt", "txt")
    d = result.diff("x.txt")
    assert "-完成,取得。" in d and "+完成，取得。" in d


# --- byte for byte ------------------------------------------------------------------------

FIXED_HEAD = ("一.总体要求".encode(), "一、总体要求".encode())


@pytest.mark.parametrize("middle,newline", [
    pytest.param(b"\x00", b"\n", id="nul"),
    pytest.param(b"\x0b\x0c\x1c", b"\n", id="controls"),
    pytest.param("\u0085".encode(), b"\n", id="nel"),
    pytest.param("\ue000".encode(), b"\n", id="private-use"),
    pytest.param(b"", b"\r\n", id="crlf"),
    pytest.param(b"", b"\n", id="lf"),
    pytest.param(b"\xed\xa0\x80", b"\n", id="wtf8-surrogate"),
    pytest.param(b"\r", b"\n", id="lone-cr"),
])
def test_fix_changes_only_what_it_reports(tmp_path, middle, newline):
    original = FIXED_HEAD[0] + middle + "尾".encode() + newline + "第二行".encode() + newline
    path = tmp_path / "draft.txt"
    path.write_bytes(original)
    result = lint("--fix", "--select", "GW101", path)
    if result.exit_code == 2:  # refusing to fix a file that cannot be written back as read is fine
        assert path.read_bytes() == original and "draft.txt" in result.output
    else:
        assert result.exit_code in (0, 1), result.output
        assert path.read_bytes() == original.replace(*FIXED_HEAD, 1)


def test_fix_keeps_mixed_line_endings(tmp_path):
    original = FIXED_HEAD[0] + b"\r\n" + "第二行\n第三行\r\n".encode()
    path = tmp_path / "mixed.txt"
    path.write_bytes(original)
    lint("--fix", "--select", "GW101", path)
    assert path.read_bytes() == original.replace(*FIXED_HEAD, 1)


def test_fix_keeps_bom_and_gb18030(tmp_path):
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + FIXED_HEAD[0] + b"\r\n")
    lint("--fix", "--select", "GW101", bom)
    assert bom.read_bytes() == b"\xef\xbb\xbf" + FIXED_HEAD[1] + b"\r\n"
    gb = tmp_path / "gb.txt"
    gb.write_bytes("一.总体要求\n二、工作任务\n".encode("gb18030"))
    lint("--fix", "--select", "GW101", gb)
    assert gb.read_bytes() == "一、总体要求\n二、工作任务\n".encode("gb18030")


@settings(max_examples=80)
@given(any_lines, st.sampled_from(["txt", "md"]))
def test_fixing_arbitrary_text_never_raises_and_only_touches_reported_spans(text, fmt):
    result = fix_text(text, "<hypothesis>", fmt)
    if not result.applied:
        assert result.fixed == result.original
    for finding, old, new in result.applied:
        assert old != new and finding.fix is not None
