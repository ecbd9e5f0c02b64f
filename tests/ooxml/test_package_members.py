"""The bounded package reader's API for whole packages: listing, sizes, limits, streaming.

Templates and gongwen's own outputs are read through ``ooxml.package`` like drafts
are, so what they need (every member in order, raw bytes under a lower budget,
chunks to copy a package, the two kinds of refused XML) is checked here.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from gongwen.errors import ReadError
from gongwen.ooxml import package
from gongwen.ooxml.names import W, W_NS

DOCUMENT = f'<w:document xmlns:w="{W_NS}"><w:body><w:p/></w:body></w:document>'.encode()


def zip_bytes(members) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return buf.getvalue()


def opened(members, **kwargs) -> package.SafeZip:
    return package.open_docx("t.docx", io.BytesIO(zip_bytes(members)), **kwargs)


def test_members_in_zip_order_without_leading_slash():
    data = zip_bytes([("[Content_Types].xml", b"<Types/>"), ("/word/document.xml", DOCUMENT),
                      ("word/media/a.png", b"png")])
    with package.open_docx("t.docx", io.BytesIO(data)) as z:
        assert z.members() == ["[Content_Types].xml", "word/document.xml", "word/media/a.png"]
        assert [i.filename for i in z.infos()] == ["[Content_Types].xml", "/word/document.xml",
                                                   "word/media/a.png"]
        assert z.read("word/document.xml") == DOCUMENT


def test_sizes_are_the_declared_ones():
    with opened([("word/document.xml", DOCUMENT), ("word/media/a.png", b"x" * 1000)]) as z:
        assert z.size("word/document.xml") == len(DOCUMENT)
        assert z.size("/word/media/a.png") == 1000
        assert z.size("word/missing.xml") is None
        assert z.declared_size() == len(DOCUMENT) + 1000


def test_read_with_a_limit_refuses_a_bigger_member():
    with opened([("docProps/custom.xml", b"x" * 5000)]) as z:
        with pytest.raises(ReadError) as info:
            z.read("docProps/custom.xml", limit=4000)
        assert "拒绝读取" in info.value.message
        assert z.read("docProps/custom.xml", limit=5000) == b"x" * 5000


def test_a_lower_total_budget_counts_every_member_read():
    members = [("word/document.xml", DOCUMENT), ("word/media/a.bin", bytes(3000)), ("word/media/b.bin", bytes(3000))]
    with opened(members, max_total=5000) as z:
        assert z.max_total == 5000
        z.read("word/media/a.bin")
        with pytest.raises(ReadError) as info:
            z.read("word/media/b.bin")
    assert "疑似压缩炸弹" in info.value.message


def test_budget_never_rises_above_the_reader_limit():
    with opened([("word/document.xml", DOCUMENT)], max_total=10 * package.MAX_TOTAL_SIZE) as z:
        assert z.max_total == package.MAX_TOTAL_SIZE


def test_declared_xml_over_the_budget_is_refused_on_opening():
    with pytest.raises(ReadError) as info:
        opened([("word/document.xml", DOCUMENT), ("word/styles.xml", b" " * 4000)], max_total=2000)
    assert "解压后超过" in info.value.message and "拒绝读取" in info.value.message


def test_chunks_stream_a_member_for_copying(monkeypatch):
    monkeypatch.setattr(package, "CHUNK", 1000)
    with opened([("word/media/a.bin", bytes(2500))]) as z:
        assert [len(c) for c in z.chunks("word/media/a.bin")] == [1000, 1000, 500]
        info = z.infos()[0]
        assert b"".join(z.chunks(info)) == bytes(2500)
        with pytest.raises(ReadError):
            list(z.chunks("word/missing.bin"))


def test_chunks_of_a_damaged_member_are_a_read_error(tmp_path):
    good = zip_bytes([("word/document.xml", DOCUMENT * 50)])
    offset = good.index(b"word/document.xml") + len("word/document.xml")
    broken = bytearray(good)
    for i in range(offset + 5, offset + 40):
        broken[i] ^= 0xFF
    path = tmp_path / "broken.docx"
    path.write_bytes(bytes(broken))
    with package.open_docx(str(path)) as z:
        with pytest.raises(ReadError) as info:
            list(z.chunks("word/document.xml"))
    assert "word/document.xml" in info.value.message and "Traceback" not in str(info.value)


@pytest.mark.parametrize("data", [
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x "y">]><w:document/>',
    b"<!ENTITY x SYSTEM 'file:///etc/passwd'>",
    '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a><a/>'.encode("utf-16-le"),
])
def test_declarations_are_refused_as_their_own_kind(data):
    assert package.declares_dtd(data)
    with pytest.raises(package.DeclarationRefused) as info:
        package.parse_xml(data, "t.docx", "word/document.xml")
    assert isinstance(info.value, ReadError) and info.value.part == "word/document.xml"
    assert "DTD" in info.value.message


def test_malformed_xml_keeps_the_parser_words():
    assert not package.declares_dtd(DOCUMENT)
    with pytest.raises(package.MalformedXml) as info:
        package.parse_xml(b"<w:document><unclosed></w:document>", "t.docx", "word/document.xml")
    assert info.value.detail and info.value.detail in info.value.message
    assert package.parse_xml(DOCUMENT, "t.docx", "word/document.xml").tag == W + "document"
