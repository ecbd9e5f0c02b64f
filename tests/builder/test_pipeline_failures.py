"""A batch survives its documents: an unexpected error fails that document only (one process or
many), and nothing that cannot be read is skipped silently — a FIFO named ``*.yaml`` or a folder
that cannot be listed is a named failure (exit 1), never a hang or a silent exit 0."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gongwen.builder.pipeline import build, collect

from tests.capped import assert_refused, run_capped
from tests.limited import refuse_listing
from tests.paths import ROOT

SPEECH = (ROOT / "content" / "speech.yaml").read_text(encoding="utf-8")
SMALL = "kind: speech\ntitle: {title}\nsections:\n  - heading: 一\n    paragraphs: 正文。\n"


def batch(folder: Path, *titles: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, title in enumerate(titles):
        (folder / f"{i}.yaml").write_text(SMALL.format(title=title), encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_unexpected_error_fails_its_document_and_the_batch_goes_on(tmp_path, monkeypatch, jobs):
    from gongwen.builder import layout

    real = layout.paragraphs

    def broken(doc, **kw):
        if doc.title == "坏":
            raise ValueError("marker number out of range: 10000")
        return real(doc, **kw)

    monkeypatch.setattr(layout, "paragraphs", broken)
    folder = batch(tmp_path / "c", "好甲", "坏", "好乙")
    results = build(folder, tmp_path / "out", jobs=jobs)
    assert [r.ok for r in results] == [True, False, True]
    [message] = results[1].errors
    assert message.startswith(str(folder / "1.yaml")) and "ValueError" in message and "10000" in message
    assert "Traceback" not in message


def test_a_memory_error_is_one_document_s_failure(tmp_path, monkeypatch):
    from gongwen.builder import layout

    def exhausted(doc, **kw):
        raise MemoryError

    monkeypatch.setattr(layout, "paragraphs", exhausted)
    [result] = build(batch(tmp_path / "c", "甲"), tmp_path / "out")
    assert not result.ok and "内存不足" in result.errors[0] and "MemoryError" not in result.errors[0]


def test_a_fifo_in_a_folder_is_a_named_failure_not_a_hang(tmp_path):
    folder = batch(tmp_path / "c", "甲")
    os.mkfifo(folder / "x.yaml")
    out = tmp_path / "out"
    ran = run_capped(["build", str(folder), "-o", str(out)], timeout=60)
    assert_refused(ran, 1, "x.yaml", "FIFO", "成功 1 份")
    assert (out / "0.docx").exists()
    ran = run_capped(["build", str(folder / "x.yaml"), "-o", str(out)], timeout=60)
    assert_refused(ran, 1, "x.yaml", "FIFO")


def test_a_folder_that_cannot_be_listed_is_a_named_failure(tmp_path, monkeypatch):
    folder = batch(tmp_path / "c", "甲")
    batch(folder / "锁住", "乙")
    batch(folder / ".git", "丙")  # hidden folders, hidden files and settings are still skipped
    (folder / "gongwen.yaml").write_text("# settings\n", encoding="utf-8")
    (folder / ".hidden.yaml").write_text(SPEECH, encoding="utf-8")
    refuse_listing(monkeypatch, folder / "锁住")
    pairs = collect([folder], tmp_path / "out")
    assert [p for p, _ in pairs] == [folder / "0.yaml", folder / "锁住"]
    results = build(folder, tmp_path / "out")
    assert [r.ok for r in results] == [True, False]
    assert results[1].errors == [f"{folder / '锁住'}: 无法打开这个文件夹（没有读取权限），其中的内容文件都没有生成"]


def test_a_top_folder_that_cannot_be_listed_is_a_failure_not_an_empty_batch(tmp_path, monkeypatch):
    folder = batch(tmp_path / "c", "甲")
    refuse_listing(monkeypatch, folder)
    [result] = build(folder, tmp_path / "out")
    assert not result.ok and "没有读取权限" in result.errors[0]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any folder")
def test_a_folder_without_permission_fails_the_build(tmp_path):
    folder = batch(tmp_path / "c", "甲")
    locked = batch(folder / "locked", "乙")
    locked.chmod(0)
    try:
        ran = run_capped(["build", str(folder), "-o", str(tmp_path / "out")], timeout=60)
    finally:
        locked.chmod(0o755)
    assert_refused(ran, 1, "locked", "没有读取权限", "成功 1 份")
