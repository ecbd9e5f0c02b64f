"""The package reader refuses what readers would disagree on or what would cost far more than a
real document: a name listed twice, more markup than :data:`MAX_TAGS`."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from gongwen.errors import ReadError
from gongwen.ooxml import package
from gongwen.ooxml.package import MAX_TAGS, open_docx, parse_xml

from tests.capped import assert_refused, run_capped
from tests.tinydocx import W_NS, make_docx, p

DOCUMENT = f"<w:document {W_NS}><w:body>{{}}</w:body></w:document>"


def zip_of(entries) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if isinstance(data, str):
                data = data.encode("utf-8")
            z.writestr(zipfile.ZipInfo(name), data)
    return buf.getvalue()


def two_bodies(first: str = "第一份正文。", last: str = "最后一份正文。") -> bytes:
    """Word and LibreOffice show the last ``word/document.xml``; a first-entry reader, the first."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name it is asked to write
        return zip_of([("word/document.xml", DOCUMENT.format(p(first))),
                       ("word/document.xml", DOCUMENT.format(p(last)))])


@pytest.mark.parametrize("names", [
    ("word/document.xml", "word/document.xml"),
    ("/word/document.xml", "word/document.xml"),
    ("word/document.xml", "Word/Document.xml"),  # part names compare without case
    ("word/styles.xml", "word/styles.xml"),
])
def test_a_name_listed_twice_is_refused(names):
    import warnings

    entries = [("word/document.xml", DOCUMENT.format(p("正文。")))] if names[0] != "word/document.xml" else []
    entries += [(name, DOCUMENT.format(p(f"第{i}份"))) for i, name in enumerate(names)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = zip_of(entries)
    with pytest.raises(ReadError) as info:
        open_docx("twice.docx", io.BytesIO(data))
    assert "同名" in info.value.message and str(info.value).startswith("twice.docx")


def test_lint_refuses_two_document_parts_and_fix_writes_nothing(tmp_path):
    draft = tmp_path / "两份正文.docx"
    draft.write_bytes(two_bodies("正文,有半角逗号。", "正文,也有半角逗号。"))
    other = tmp_path / "其他.txt"
    other.write_text("另一份草稿,有半角逗号。\n", encoding="utf-8")
    ran = run_capped(["lint", "--fix", str(tmp_path)], timeout=60)
    assert_refused(ran, 2, "两份正文.docx", "同名")
    assert "其他.txt" in ran.output  # the rest of the batch is still linted (and fixed)
    assert not (tmp_path / "两份正文.fixed.docx").exists()


def test_markup_is_counted_before_parsing():
    small = f"<w:document {W_NS}><w:body>".encode() + b"<w:p/>" * 10 + b"</w:body></w:document>"
    assert parse_xml(small, "x.docx", "word/document.xml") is not None
    over = b"<r>" + b"<a/>" * MAX_TAGS + b"</r>"
    with pytest.raises(ReadError) as info:
        parse_xml(over, "x.docx", "word/document.xml")
    assert str(MAX_TAGS) in info.value.message


def test_markup_budget_spans_the_parts_of_one_package(monkeypatch):
    monkeypatch.setattr(package, "MAX_TAGS", 1000)
    styles = "<w:styles %s>%s</w:styles>" % (W_NS, "<w:style/>" * 600)
    data = make_docx(p("正文。") * 10, extra={"word/styles.xml": styles})
    with open_docx("x.docx", io.BytesIO(data)) as z:
        z.xml("word/document.xml")
        z.xml("word/styles.xml")  # 600 + the body: within 1000
    doubled = make_docx(p("正文。") * 10, extra={"word/styles.xml": styles, "word/numbering.xml": styles})
    with open_docx("x.docx", io.BytesIO(doubled)) as z:
        z.xml("word/document.xml")
        z.xml("word/styles.xml")
        with pytest.raises(ReadError):
            z.xml("word/numbering.xml")  # another 600: over the package's budget


@pytest.mark.slow
def test_ten_million_empty_paragraphs_are_refused_within_bounds(tmp_path):
    # Nearly 64 MB of "<w:p/>", a line break after some at random so that it compresses no more
    # than real XML does (the package's ratio limit lets it through): 7.9 GB and two minutes before.
    eight = [b"".join(b"<w:p/>\n" if bits >> i & 1 else b"<w:p/>" for i in range(8)) for bits in range(256)]
    body = b"".join(eight[b] for b in os.urandom(9_600_000 // 8))
    draft = tmp_path / "空段.docx"
    with zipfile.ZipFile(draft, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f"<w:document {W_NS}><w:body>".encode() + body
                   + b"</w:body></w:document>")
    del body
    assert draft.stat().st_size < 4_000_000
    (tmp_path / "正常.txt").write_text("正常的草稿。\n", encoding="utf-8")
    ran = run_capped(["lint", str(tmp_path)], timeout=120)
    assert_refused(ran, 2, "空段.docx", "拒绝读取", "检查了 1 个文件")
