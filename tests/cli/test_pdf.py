"""PDF previews from the command line: ``gongwen build --pdf/--png`` and what it prints.

A stand-in ``soffice`` (tests/soffice_stub.py) takes LibreOffice's place.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from gongwen.builder import pdf
from gongwen.builder.pipeline import build_one
from gongwen.cli import main
from gongwen.cli.pdf import add_pdf

from tests.paths import ROOT
from tests.soffice_stub import stand_in_soffice


@pytest.fixture
def fake(tmp_path, monkeypatch):
    return stand_in_soffice(tmp_path, monkeypatch)


class Built:
    def __init__(self, target, ok=True):
        self.target, self.ok = str(target), ok


def test_without_libreoffice_a_chinese_message_says_how_to_install(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("GONGWEN_SOFFICE", str(tmp_path / "no-such-soffice"))
    assert pdf.find_soffice() is None
    with pytest.raises(pdf.PdfUnavailable) as info:
        pdf.convert([tmp_path / "a.docx"])
    assert "apt-get install libreoffice-writer-nogui fonts-noto-cjk" in info.value.message
    assert ".docx 已照常生成" in info.value.message

    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK")
    assert add_pdf([Built(docx), Built(tmp_path / "b.docx", ok=False)], pdf=True) == 1
    err = capsys.readouterr().err
    assert "未找到 LibreOffice" in err and "apt-get install" in err and "Traceback" not in err
    assert docx.read_bytes() == b"PK"


def test_add_pdf_does_nothing_unless_asked(tmp_path):
    assert add_pdf([Built(tmp_path / "a.docx")], pdf=False, png=False) == 0


def test_cli_prints_pdfs_and_substitutions(fake, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(pdf, "font_plan", lambda faces=(): ((("仿宋_GB2312", "Noto Serif CJK SC", False),), ()))
    built = build_one(ROOT / "content" / "speech.yaml", tmp_path / "speech.docx")
    assert add_pdf([built], pdf=True, png=True) == 0
    out = capsys.readouterr().out
    assert "PDF 预览使用了替代字体（.docx 中仍是原字体名）：仿宋_GB2312 → Noto Serif CJK SC" in out
    assert f"已生成 {tmp_path / 'speech.pdf'}、{tmp_path / 'speech.png'}" in out


def test_build_pdf_png_from_the_cli(fake, tmp_path):
    result = CliRunner().invoke(main, ["build", str(ROOT / "content" / "speech.yaml"), "-o", str(tmp_path),
                                       "--pdf", "--png"])
    assert result.exit_code == 0, result.output
    assert f"已生成 {tmp_path / 'speech.pdf'}、{tmp_path / 'speech.png'}" in result.output
    assert (tmp_path / "speech.pdf").is_file() and (tmp_path / "speech.png").is_file()


def test_build_pdf_without_libreoffice_still_builds_the_docx(tmp_path, monkeypatch):
    monkeypatch.setenv("GONGWEN_SOFFICE", str(tmp_path / "no-such-soffice"))
    result = CliRunner().invoke(main, ["build", str(ROOT / "content" / "speech.yaml"), "-o", str(tmp_path),
                                       "--pdf"])
    assert result.exit_code == 1
    assert "apt-get install libreoffice-writer-nogui fonts-noto-cjk" in result.output
    assert "Traceback" not in result.output
    assert (tmp_path / "speech.docx").is_file() and not (tmp_path / "speech.pdf").exists()
