"""The package reader's defences: broken zips, DTDs and external entities, zip bombs.

Each file is read through ``read_source`` (the path every command takes) and
must be refused with a ReadError naming it.  No assertion is about time: a bomb
is caught by what is inflated (bytes served, peak memory), not by how long it took.
"""

from __future__ import annotations

import collections
import io
import random
import struct
import tracemalloc
import zipfile

import pytest

from gongwen.draft.read import read_source
from gongwen.errors import ReadError
from gongwen.ooxml import package as docxsafe

from tests.tinydocx import W_NS, make_docx, p


@pytest.fixture
def inflated(monkeypatch):
    """Bytes inflated per member, counted as they leave zipfile (a member opened but not
    read counts 0; a member never opened is absent)."""
    counts = collections.Counter()
    real_open = zipfile.ZipFile.open

    def counting_open(self, name, mode="r", *args, **kwargs):
        stream = real_open(self, name, mode, *args, **kwargs)
        if mode != "r":
            return stream
        member = name.filename if isinstance(name, zipfile.ZipInfo) else name
        counts[member] += 0
        read = stream.read

        def counted(n=-1):
            data = read(n)
            counts[member] += len(data)
            return data

        stream.read = counted
        return stream

    monkeypatch.setattr(zipfile.ZipFile, "open", counting_open)
    return counts


def _refused(tmp_path, data, name="坏.docx"):
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(ReadError) as info:
        read_source(str(f))
    assert name in str(info.value)
    return str(info.value)


def test_random_bytes_named_docx(tmp_path):
    rnd = random.Random(1)
    assert "zip" in _refused(tmp_path, bytes(rnd.getrandbits(8) for _ in range(5000)))


def test_truncated_zip(tmp_path):
    data = make_docx("".join(p(f"第{i}段内容较长一些") for i in range(2000)))
    for cut in (len(data) // 2, len(data) - 30, 100):
        _refused(tmp_path, data[:cut])


def test_zip_without_document(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/styles.xml", "<x/>")
    assert "word/document.xml" in _refused(tmp_path, buf.getvalue())


def test_malformed_xml_and_wrong_root(tmp_path):
    _refused(tmp_path, make_docx(document="<w:document><w:body>"))
    _refused(tmp_path, make_docx(document="<html/>"))


def test_bad_crc(tmp_path):
    data = bytearray(make_docx(p("正文")))
    i = data.find(b"PK\x01\x02")
    data[i + 16] ^= 0xFF  # CRC-32 in the central directory
    _refused(tmp_path, bytes(data))


SECRET = "TOP-SECRET-7f3a"


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "word/numbering.xml"])
def test_external_entities_never_resolved(tmp_path, part):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)

    def hostile(root, inner):
        return (f'<?xml version="1.0"?><!DOCTYPE {root} [<!ENTITY xxe SYSTEM "file://{secret}">]>'
                f"<{root} {W_NS}>{inner}</{root}>")

    parts = {"word/document.xml": f"<w:document {W_NS}><w:body>{p('正文')}</w:body></w:document>",
             "word/styles.xml": f"<w:styles {W_NS}/>", "word/numbering.xml": f"<w:numbering {W_NS}/>"}
    parts[part] = {
        "word/document.xml": hostile("w:document", "<w:body>" + p("&xxe;") + "</w:body>"),
        "word/styles.xml": hostile("w:styles", '<w:style w:styleId="a"><w:name w:val="&xxe;"/></w:style>'),
        "word/numbering.xml": hostile("w:numbering", '<w:abstractNum w:abstractNumId="&xxe;"/>'),
    }[part]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    message = _refused(tmp_path, buf.getvalue())
    assert SECRET not in message
    assert "DTD" in message


def test_doctype_far_from_the_start_and_billion_laughs(tmp_path):
    laughs = '<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    doc = ('<?xml version="1.0"?>' + "<!-- " + " " * 6000 + " -->"
           + f"<!DOCTYPE w:document [{laughs}]><w:document {W_NS}><w:body>{p('&i;')}</w:body></w:document>")
    assert "DTD" in _refused(tmp_path, make_docx(document=doc))


def _patch_declared_size(data: bytes, size: int) -> bytes:
    """Make every header of the (single-member) zip claim ``size`` uncompressed bytes."""
    data = bytearray(data)
    i = data.find(b"PK\x03\x04")
    struct.pack_into("<I", data, i + 22, size)
    i = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, i + 24, size)
    return bytes(data)


def _zeros_member(total: int) -> bytes:
    buf = io.BytesIO()
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w", force_zip64=False) as out:
            for _ in range(total >> 20):
                out.write(chunk)
    return buf.getvalue()


def test_zip_bomb_refused_from_its_headers(tmp_path, inflated):
    data = _patch_declared_size(make_docx(p("正文")), 3_000_000_000)
    message = _refused(tmp_path, data)
    assert "压缩炸弹" in message
    assert "word/document.xml" not in inflated  # refused before anything was inflated


def test_zip_bomb_refused_by_ratio_and_by_size(tmp_path, monkeypatch):
    data = _zeros_member(48 << 20)  # 48 MB of zeros in about 50 KB
    assert len(data) < 200_000
    assert "压缩" in _refused(tmp_path, data)  # ratio ~1000:1
    monkeypatch.setattr(docxsafe, "MAX_RATIO", 10**6)
    monkeypatch.setattr(docxsafe, "MAX_MEMBER_SIZE", 16 << 20)
    assert "压缩炸弹" in _refused(tmp_path, data)  # over the per-member limit


def test_member_lying_about_its_size_is_cut_off(tmp_path, inflated):
    data = _patch_declared_size(_zeros_member(48 << 20), 1000)
    tracemalloc.start()
    try:
        _refused(tmp_path, data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert inflated["word/document.xml"] < 8 << 20  # never inflates the 48 MB
    assert peak < 8 << 20  # nor holds them


def test_streaming_limit_when_inflating(tmp_path, monkeypatch):
    """A member that inflates past its limit is abandoned mid-stream, even when the
    zip implementation would keep going (CPython already stops at the declared size)."""
    f = tmp_path / "b.docx"
    f.write_bytes(make_docx(p("正文")))
    monkeypatch.setattr(docxsafe, "MAX_MEMBER_SIZE", 4 << 20)
    served = []

    class Endless(io.RawIOBase):
        def readable(self):
            return True

        def read(self, n=-1):
            served.append(n)
            return b"\0" * (n if n and n > 0 else 1 << 20)

    z = docxsafe.open_docx(str(f))
    monkeypatch.setattr(z.zip, "open", lambda info: Endless())
    with pytest.raises(ReadError) as info:
        z.read("word/document.xml")
    z.close()
    assert "压缩炸弹" in str(info.value)
    assert sum(served) <= (4 << 20) + docxsafe.CHUNK
