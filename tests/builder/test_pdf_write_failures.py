"""A PDF that cannot be written where it belongs is that document's error, never a traceback."""

from __future__ import annotations

from pathlib import Path

from gongwen.builder import pdf


def test_a_pdf_that_cannot_be_placed_is_reported(tmp_path, monkeypatch):
    produced = tmp_path / "made.pdf"
    produced.write_bytes(b"%PDF-1.4 whole")
    target = tmp_path / "out" / "doc.pdf"
    target.parent.mkdir()

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf.shutil, "copyfileobj", no_space)
    reason = pdf._place(produced, target)
    assert "doc.pdf" in reason and "磁盘已满" in reason and not target.exists()
    assert list(target.parent.iterdir()) == []


def test_a_placed_pdf_is_whole(tmp_path):
    produced = tmp_path / "made.pdf"
    produced.write_bytes(b"%PDF-1.4 whole")
    target = tmp_path / "doc.pdf"
    assert pdf._place(produced, target) == "" and target.read_bytes() == produced.read_bytes()
