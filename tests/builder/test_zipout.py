"""The ZIP writer of built documents writes what zipfile writes, byte for byte, and reads back."""

import io
import random
import zipfile

import pytest

from gongwen.builder.zipout import Deflated, deflated, write_zip


def _zipfile_bytes(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2012, 7, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data, compresslevel=6)
    return buf.getvalue()


def _ours(members):
    buf = io.BytesIO()
    write_zip(buf, [deflated(n, d) for n, d in members])
    return buf.getvalue()


def test_same_bytes_as_zipfile():
    rnd = random.Random(7)
    members = [("[Content_Types].xml", b"<Types/>"), ("word/document.xml", "清河县人民政府".encode() * 500),
               ("word/media/image1.png", bytes(rnd.randrange(256) for _ in range(5000))), ("empty.xml", b""),
               ("word/中文名.xml", b"<x/>")]
    assert _ours(members) == _zipfile_bytes(members)
    with zipfile.ZipFile(io.BytesIO(_ours(members))) as z:
        assert z.testzip() is None
        assert [(n, z.read(n)) for n in z.namelist()] == members


def test_a_built_document_is_what_zipfile_would_write(tmp_path):
    from gongwen.builder.pipeline import build_one
    from tests.paths import ROOT

    target = tmp_path / "speech.docx"
    assert build_one(ROOT / "content" / "speech.yaml", target).ok
    with zipfile.ZipFile(target) as z:
        members = [(n, z.read(n)) for n in z.namelist()]
    assert target.read_bytes() == _zipfile_bytes(members)


def test_template_parts_are_deflated_once():
    cache = Deflated()
    styles, body = b"<w:styles/>" * 100, b"<w:document/>"
    first = cache.member("word/styles.xml", styles, keep=True)
    assert cache.member("word/styles.xml", styles, keep=True) is first  # the same object: not again
    assert cache.member("word/styles.xml", styles[:9] + styles[9:], keep=True) is not first  # other bytes: deflated
    assert cache.member("word/document.xml", body, keep=False) is not cache.member("word/document.xml", body,
                                                                                     keep=False)


def test_refuses_what_needs_zip64():
    with pytest.raises(ValueError):
        write_zip(io.BytesIO(), [("big", 0, 1 << 32, b"")])
