"""``gongwen lint`` of a folder names what it cannot read instead of skipping it: a sub-folder
that cannot be listed is reported as unreadable (exit 2) while the other files are linted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from gongwen.cli import main
from gongwen.lint.files import expand_paths, lint_paths

from tests.capped import assert_refused, run_capped
from tests.limited import refuse_listing


@pytest.fixture
def drafts(tmp_path) -> Path:
    for rel in ("a.txt", "m锁住/b.txt", "z/c.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("正文,半角逗号。\n", encoding="utf-8")
    return tmp_path


def test_an_unlistable_folder_is_reported_in_its_place(drafts, monkeypatch):
    refuse_listing(monkeypatch, drafts / "m锁住")
    got = expand_paths([str(drafts)])
    assert [(Path(p).relative_to(drafts).as_posix(), e is not None) for p, _, e in got] == [
        ("a.txt", False), ("m锁住", True), ("z/c.txt", False)]  # in its place among the files
    findings, problems = lint_paths([str(drafts)])
    assert {Path(f.path).name for f in findings} == {"a.txt", "c.txt"}
    assert [str(p) for p in problems] == [f"{drafts / 'm锁住'}: 无法打开这个文件夹（没有读取权限），其中的文件都没有检查"]


def test_lint_exits_2_naming_the_folder(drafts, monkeypatch):
    refuse_listing(monkeypatch, drafts / "m锁住")
    result = CliRunner().invoke(main, ["lint", str(drafts)])
    assert result.exit_code == 2, result.output
    assert "m锁住" in result.output and "没有读取权限" in result.output and "检查了 2 个文件" in result.output


def test_an_unlistable_top_folder_is_not_a_clean_run(drafts, monkeypatch):
    refuse_listing(monkeypatch, drafts)
    result = CliRunner().invoke(main, ["lint", str(drafts)])
    assert result.exit_code == 2 and "没有读取权限" in result.output


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any folder")
def test_a_folder_without_permission_fails_the_lint(drafts):
    (drafts / "m锁住").chmod(0)
    try:
        ran = run_capped(["lint", str(drafts)], timeout=60)
    finally:
        (drafts / "m锁住").chmod(0o755)
    assert_refused(ran, 2, "m锁住", "没有读取权限")
