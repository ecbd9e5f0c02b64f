"""``gongwen lint --output FILE`` for every format: the same report as on standard output, written
atomically, and never over something that is not an earlier report of the same kind."""

import os

import pytest
from click.testing import CliRunner

from gongwen.cli import main

DRAFT = "关于做好防汛工作的通知\n\n各乡镇人民政府：\n一.总体要求\n要做好工作,确保安全。\n"
FORMATS = ["text", "json", "github", "sarif", "html"]


def _lint(*args):
    return CliRunner().invoke(main, ["lint", *map(str, args)], catch_exceptions=False)


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "草稿.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_holds_what_stdout_would(fmt, draft, tmp_path):
    printed = _lint("--format", fmt, draft)
    out = tmp_path / f"报告.{fmt}"
    written = _lint("--format", fmt, "--output", out, draft)
    assert written.exit_code == printed.exit_code == 1
    report = out.read_text(encoding="utf-8")
    assert "GW101" in report and "GW401" in report
    if fmt != "text":  # text output also carries the summary (on stderr, mixed in by CliRunner)
        assert report == printed.stdout
        assert written.stdout == ""
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".gongwen-")]  # no temporary file left
    again = _lint("--format", fmt, "--output", out, draft)  # an earlier report of the kind is replaced
    assert again.exit_code == 1 and out.read_text(encoding="utf-8") == report


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_never_replaces_a_draft(fmt, draft, tmp_path):
    result = _lint("--format", fmt, "-o", draft, draft)
    assert result.exit_code == 2
    assert "被检查的文件" in result.output
    assert draft.read_text(encoding="utf-8") == DRAFT
    other = tmp_path / "另一份.txt"
    other.write_text("清河县人民政府关于表彰先进集体的决定\n", encoding="utf-8")
    result = _lint("--format", fmt, "-o", other, draft)
    assert result.exit_code == 2 and "未覆盖" in result.output
    assert other.read_text(encoding="utf-8") == "清河县人民政府关于表彰先进集体的决定\n"


def test_output_never_replaces_another_kind_of_file(draft, tmp_path):
    page = tmp_path / "首页.html"
    page.write_text("<!DOCTYPE html><title>单位首页</title>", encoding="utf-8")
    docx = tmp_path / "报告.docx"
    docx.write_bytes(b"PK\x03\x04" + bytes(100))
    json_report = tmp_path / "r.json"
    assert _lint("--format", "json", "-o", json_report, draft).exit_code == 1
    for target, fmt in [(page, "html"), (docx, "html"), (docx, "text"), (json_report, "html"),
                        (json_report, "sarif"), (tmp_path, "html")]:
        before = target.read_bytes() if target.is_file() else None
        result = _lint("--format", fmt, "-o", target, draft)
        assert result.exit_code == 2, (target, fmt)
        assert ("未覆盖" in result.output) or ("文件夹" in result.output)
        if before is not None:
            assert target.read_bytes() == before


def test_output_into_a_new_folder_and_an_empty_file(draft, tmp_path):
    out = tmp_path / "报告" / "本周.html"
    assert _lint("--format", "html", "-o", out, draft).exit_code == 1
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    empty = tmp_path / "空.html"
    empty.write_bytes(b"")
    assert _lint("--format", "html", "-o", empty, draft).exit_code == 1
    assert empty.stat().st_size > 0


def test_html_after_fix_shows_the_fixed_text(draft, tmp_path):
    out = tmp_path / "修正后.html"
    result = _lint("--format", "html", "--fix", "-o", out, draft)
    page = out.read_text(encoding="utf-8")
    assert "一、总体要求" in page and "要做好工作，确保安全" in page
    assert result.exit_code in (0, 1)
