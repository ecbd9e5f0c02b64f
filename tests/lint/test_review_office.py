"""LibreOffice opens the review copies: both convert to PDF, and the comments come out with them
(as PDF annotations; in the page margin where LibreOffice can put them there)."""

import os
import re
import shutil
import subprocess

import pytest

from gongwen.builder.soffice import convert_to, find_soffice, workspace
from gongwen.draft.read import read_source
from gongwen.lint.engine import lint_source
from gongwen.lint.review import write_review

from tests.lint.review_docs import faulty_draft

REQUIRED = os.environ.get("GONGWEN_REQUIRE_PDF") == "1"
SOFFICE = find_soffice()
NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
MARGIN = 'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}'

pytestmark = pytest.mark.skipif(not SOFFICE and not REQUIRED, reason="LibreOffice (soffice) is not installed")


def _annotations(pdf: bytes):
    """The text of the PDF's annotations (LibreOffice writes them as UTF-16 hex strings)."""
    out = []
    for hexa in re.findall(rb"/Contents\s*<([0-9A-Fa-f\s]+)>", pdf):
        data = bytes.fromhex(hexa.decode().replace("\n", ""))
        out.append(data.decode("utf-16") if data[:2] in (b"\xfe\xff", b"\xff\xfe") else data.decode("latin-1"))
    return out


def _convert(files, target, outdir):
    assert SOFFICE, "GONGWEN_REQUIRE_PDF=1 but LibreOffice is not installed"
    with workspace() as (work, env):
        problem = convert_to(SOFFICE, work, env, files, target, outdir, limit=240)
    assert not problem, problem


def test_libreoffice_converts_both_copies_and_shows_the_comments(tmp_path):
    draft = faulty_draft(tmp_path / "草稿.docx")
    src = read_source(str(draft))
    found = lint_source(src)
    annotated = write_review(src, found, annotate=True, fix=True).path
    fixed = write_review(src, found, annotate=False, fix=True).path
    out = tmp_path / "pdf"
    out.mkdir()
    _convert([annotated, fixed], NOTES, out)
    pdfs = {p.name: p.read_bytes() for p in out.glob("*.pdf")}
    assert set(pdfs) == {"草稿.annotated.pdf", "草稿.fixed.pdf"}
    notes = _annotations(pdfs["草稿.annotated.pdf"])
    assert sum(n.startswith(("GW", "报送时间")) for n in notes) == len(found) + 1
    assert any("已作修订：“,”改为“，”" in n for n in notes)
    assert not [n for n in _annotations(pdfs["草稿.fixed.pdf"]) if n.startswith("GW")]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is not installed")
def test_comments_in_the_margin(tmp_path):
    draft = faulty_draft(tmp_path / "草稿.docx", numbered=False, table=False, marks=False)
    src = read_source(str(draft))
    annotated = write_review(src, lint_source(src), annotate=True).path
    out = tmp_path / "pdf"
    out.mkdir()
    _convert([annotated], MARGIN, out)
    text = subprocess.run(["pdftotext", str(out / "草稿.annotated.pdf"), "-"], capture_output=True, text=True,
                          timeout=60).stdout
    if "GW401" not in text:
        version = subprocess.run([SOFFICE, "--version"], capture_output=True, text=True, timeout=60).stdout
        found = re.search(r"(\d+)\.(\d+)", version)
        if found and (int(found.group(1)), int(found.group(2))) < (7, 6):
            pytest.skip(f"this LibreOffice ({found.group(0)}) cannot export comments in the margin")
    assert "GW401" in text and "半角" in text
