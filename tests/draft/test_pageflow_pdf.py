"""The page estimate against LibreOffice: every page of the content examples, a 26-page speech and a
long survey report, converted to PDF (the preview's private copy, marks not hanging) and read back
page by page with ``pdftotext -layout``.  A page agrees when its lines of body text are, in order,
the lines the estimate puts on it (framed 版头/版记 text and page numbers are not body text; a 标志
that reads like the 署名 is told apart by its place, first on page 1)."""

import re
import subprocess

import pytest
import yaml

from gongwen.builder import pdf
from gongwen.builder.pipeline import build_one
from gongwen.draft.pageflow import estimate
from gongwen.ooxml.parts import load_parts
from tests.builder.test_pdf import needs_poppler, needs_soffice
from tests.builder.test_pdf_marks import long_speech
from tests.draft.longreport import long_report
from tests.paths import ROOT

REQUIRED = __import__("os").environ.get("GONGWEN_REQUIRE_PDF") == "1"


def _norm(s):
    return re.sub(r"\s+", "", s)


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    if pdf.find_soffice() is None and not REQUIRED:
        pytest.skip("LibreOffice (soffice) is not installed")
    tmp = tmp_path_factory.mktemp("pages")
    (tmp / "long.yaml").write_text(yaml.safe_dump(long_speech(), allow_unicode=True), encoding="utf-8")
    (tmp / "longreport.yaml").write_text(yaml.safe_dump(long_report(), allow_unicode=True), encoding="utf-8")
    sources = sorted((ROOT / "content").glob("*.yaml")) + [tmp / "long.yaml", tmp / "longreport.yaml"]
    built = [build_one(s, tmp / "out" / (s.stem + ".docx")) for s in sources]
    assert all(b.ok for b in built), [b.errors for b in built if not b.ok]
    results = pdf.convert([b.target for b in built])
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    return results


def _framed(docx):
    """Texts of the framed paragraphs (版头 标志, 版记), placed on the page outside the flow."""
    from gongwen.draft.pageflow import _chain_el
    from gongwen.ooxml.names import W
    from gongwen.ooxml.styles import Resolver, runs

    parts = load_parts(docx)
    res = Resolver(parts)
    out = set()
    for p in parts.body.iter(W + "p"):
        sid, _ = res.para(p)
        if _chain_el(res, p.find(W + "pPr"), sid, "framePr") is not None:
            out.add(_norm("".join(t for _, t in runs(p))))
    return out


def _pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    out = []
    for n in range(1, int(re.search(r"Pages:\s+(\d+)", info).group(1)) + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"],
                              capture_output=True, text=True, check=True).stdout
        out.append([_norm(line) for line in text.splitlines() if _norm(line)])
    return out


@needs_soffice
@needs_poppler
def test_the_estimate_breaks_every_page_where_libreoffice_does(converted):
    agree, total, wrong = 0, 0, []
    for result in converted:
        est = estimate(load_parts(result.docx), hanging=False)
        assert est.reliable, (result.docx, est.reason)
        mine = {}
        for placed in est.placed:
            for line, page in zip(placed.block.lines, placed.pages):
                if _norm(line):
                    mine.setdefault(page, []).append(_norm(line))
        body = {line for lines in mine.values() for line in lines}
        framed = _framed(result.docx)
        pages = _pdf_pages(result.pdf)
        last = max(p for placed in est.placed for p in placed.pages)
        if est.stopped is None:
            assert len(pages) == last, result.docx
        else:  # a table ends the estimate: the pages before it are compared
            pages = pages[:est.stopped - 1]
        for n, lines in enumerate(pages, 1):
            total += 1
            got = [x for x in lines if x in body]
            if got == mine.get(n, []) or (n == 1 and got and got[0] in framed and got[1:] == mine.get(n, [])):
                agree += 1
            else:
                wrong.append((result.docx, n))
    print(f"pages whose breaks match LibreOffice: {agree}/{total}")
    assert not wrong, wrong
    assert total >= 100


@needs_soffice
@needs_poppler
def test_the_long_documents_are_long(converted):
    assert len(_pdf_pages(converted[-1].pdf)) >= 25 and len(_pdf_pages(converted[-2].pdf)) >= 25
