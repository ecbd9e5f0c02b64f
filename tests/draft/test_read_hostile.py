"""Hostile and broken .docx files through ``gongwen lint``, end to end.

External entities and DTDs are never resolved (a ``SYSTEM "file://…"``
entity must not bring a local file's text into any output); a zip bomb is
refused with exit 2 quickly and without being read into memory; truncated
zips, a zip without ``word/document.xml`` and random bytes named .docx give
exit 2 with a message and no traceback.

tests/ooxml/test_package.py checks the package reader itself; these go through
the command (click's CliRunner, and real processes where memory matters), in
every output format and with ``--fix``/``--diff``, so no path around the reader
leaks.  No assertion is about speed: the bomb runs in a subprocess with a
generous timeout (tests/processes.py), and its memory is read from the child's
``ru_maxrss``.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from gongwen.cli import main

from tests.paths import ROOT
from tests.processes import run_measured

SECRET = "绝密SECRET-9f27c1"
FORMATS = ["text", "json", "github", "sarif"]


# --- building .docx files -----------------------------------------------------------


@pytest.fixture(scope="module")
def good_docx(tmp_path_factory) -> Path:
    """A real gongwen-built .docx (the speech example)."""
    from gongwen.builder.pipeline import build_one

    folder = tmp_path_factory.mktemp("good")
    result = build_one(ROOT / "content" / "speech.yaml", folder / "speech.docx")
    assert result.ok, result.errors
    return folder / "speech.docx"


def parts_of(path: Path) -> dict:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def write_zip(path: Path, parts: dict) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def raw_zip(entries) -> bytes:
    """A zip from already-compressed members: ``(name, method, data, crc, size)``.

    zipfile cannot write a member whose compressed bytes we made ourselves,
    nor one whose header lies about its size; this can.
    """
    out = io.BytesIO()
    central = []
    for name, method, data, crc, size in entries:
        offset = out.tell()
        fname = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size,
                              len(fname), 0))
        out.write(fname)
        out.write(data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc,
                                   len(data), size, len(fname), 0, 0, 0, 0, 0, offset) + fname)
    start = out.tell()
    for c in central:
        out.write(c)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start,
                          start, 0))
    return out.getvalue()


def deflated(data: bytes):
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def member(name: str, data: bytes):
    return (name, 8, deflated(data), zlib.crc32(data), len(data))


#: 2 GiB of zeros as raw deflate: a 1 MiB block, full-flushed, repeats byte for byte.
BOMB_SIZE = 2 << 30
BOMB_CRC = 0x4DBDF21C  # zlib.crc32 of 2 GiB of zeros (computed once; checking it costs seconds)


def bomb_stream(size: int = BOMB_SIZE) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(bytes(1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
    return block * (size >> 20) + c.flush(zlib.Z_FINISH)


def bomb_docx(path: Path, good: Path, *, part="word/document.xml", declared: int = BOMB_SIZE,
              crc: int = BOMB_CRC) -> Path:
    entries = [member(n, d) for n, d in parts_of(good).items() if n != part]
    entries.append((part, 8, bomb_stream(), crc, declared))
    path.write_bytes(raw_zip(entries))
    return path


# --- running the command ------------------------------------------------------------


def lint(*args):
    result = CliRunner().invoke(main, ["lint", *map(str, args)], catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def assert_unreadable(result, path: Path, *words):
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert path.name in result.output, result.output
    for word in words:
        assert word in result.output, result.output


def run_lint(*args, timeout: int = 120):
    """``gongwen lint`` as a real process: (returncode, stdout+stderr, its own peak RSS in MB)."""
    done = run_measured(["lint", *args], timeout=timeout)
    return done.returncode, done.output, done.peak_mb


# --- external entities and DTDs -------------------------------------------------------


def entity_doctype(uri: str) -> bytes:
    return f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{uri}">]>'.encode()


def inject(xml: bytes, doctype: bytes, reference: bytes = b"&xxe;") -> bytes:
    """Put ``doctype`` after the XML declaration and ``reference`` into the first text."""
    head, sep, rest = xml.partition(b"?>")
    if not sep:
        head, rest = b"", xml
    else:
        head += sep
    if b"<w:t>" in rest:
        rest = rest.replace(b"<w:t>", b"<w:t>" + reference, 1)
    elif b'<w:t xml:space="preserve">' in rest:
        rest = rest.replace(b'<w:t xml:space="preserve">', b'<w:t xml:space="preserve">' + reference, 1)
    else:  # no text in this part: put it in an attribute-free comment-safe spot, after the root's start
        end = rest.index(b">", rest.index(b"<", 1)) + 1 if rest.startswith(b"\n") else rest.index(b">") + 1
        rest = rest[:end] + reference + rest[end:]
    return head + doctype + rest


@pytest.fixture
def secret_file(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def no_leak(result, folder: Path):
    assert SECRET not in result.output
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in (".docx", ".txt", ".json", ".sarif"):
            data = path.read_bytes()
            if path.suffix == ".docx" and data[:2] == b"PK":
                with zipfile.ZipFile(path) as zf:
                    assert not any(SECRET.encode() in zf.read(n) for n in zf.namelist()), path
            elif path.name != "secret.txt":
                assert SECRET.encode() not in data, path


PARTS = ["word/document.xml", "word/styles.xml", "word/settings.xml", "word/_rels/document.xml.rels",
         "_rels/.rels", "word/footer1.xml"]


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_external_entity_never_brings_a_file_into_output(tmp_path, good_docx, secret_file, part, fmt):
    parts = parts_of(good_docx)
    assert part in parts, f"the example has no {part}: update PARTS"
    parts[part] = inject(parts[part], entity_doctype(secret_file.as_uri()))
    bad = write_zip(tmp_path / "xxe.docx", parts)
    result = lint("--format", fmt, bad)
    no_leak(result, tmp_path)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "xxe.docx" in result.output


def test_etc_hostname_entity_never_reaches_output(tmp_path, good_docx):
    hostname = Path("/etc/hostname")
    if not hostname.is_file() or not hostname.read_text().strip():
        pytest.skip("no /etc/hostname here")
    name = hostname.read_text().strip()
    parts = parts_of(good_docx)
    parts["word/document.xml"] = inject(parts["word/document.xml"], entity_doctype("file:///etc/hostname"))
    bad = write_zip(tmp_path / "host.docx", parts)
    for args in (["--format", "json"], ["--format", "sarif"], ["--fix"], ["--diff"], []):
        result = lint(*args, bad)
        assert_unreadable(result, bad)
        assert name not in result.output.replace(str(bad), "")
    assert not (tmp_path / "host.fixed.docx").exists()


@pytest.mark.parametrize("doctype", [
    pytest.param(lambda uri: f'<!DOCTYPE w:document SYSTEM "{uri}">'.encode(), id="external-dtd"),
    pytest.param(lambda uri: f'<!DOCTYPE w:document [<!ENTITY % p SYSTEM "{uri}"> %p;]>'.encode(),
                 id="parameter-entity"),
    pytest.param(lambda uri: b"<!--" + b"x" * 6000 + b"-->" + entity_doctype(uri), id="doctype-after-6kB"),
    pytest.param(lambda uri: b'<!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
                 b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">'
                 b'<!ENTITY xxe "&d;&d;&d;&d;&d;&d;&d;&d;">]>', id="billion-laughs"),
])
def test_dtd_variants_are_refused(tmp_path, good_docx, secret_file, doctype):
    parts = parts_of(good_docx)
    parts["word/document.xml"] = inject(parts["word/document.xml"], doctype(secret_file.as_uri()))
    bad = write_zip(tmp_path / "dtd.docx", parts)
    result = lint("--format", "json", bad)
    no_leak(result, tmp_path)
    assert_unreadable(result, bad)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_document_with_entity_is_refused(tmp_path, good_docx, secret_file, encoding):
    parts = parts_of(good_docx)
    xml = inject(parts["word/document.xml"], entity_doctype(secret_file.as_uri())).decode("utf-8")
    xml = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    parts["word/document.xml"] = ("\ufeff" + xml).encode(encoding)
    bad = write_zip(tmp_path / "u16.docx", parts)
    result = lint(bad)
    no_leak(result, tmp_path)
    assert_unreadable(result, bad)


def test_fix_on_a_docx_with_an_entity_writes_nothing(tmp_path, good_docx, secret_file):
    parts = parts_of(good_docx)
    parts["word/document.xml"] = inject(parts["word/document.xml"], entity_doctype(secret_file.as_uri()))
    bad = write_zip(tmp_path / "fixme.docx", parts)
    before = bad.read_bytes()
    result = lint("--fix", bad)
    assert_unreadable(result, bad)
    assert bad.read_bytes() == before
    assert not (tmp_path / "fixme.fixed.docx").exists()
    no_leak(result, tmp_path)


# --- zip bombs -------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_zip_bomb_refused_in_a_real_process_without_inflating(tmp_path, good_docx, part):
    bad = bomb_docx(tmp_path / "bomb.docx", good_docx, part=part)
    assert bad.stat().st_size < 4 * 1024 * 1024  # 2 MB on disk, 2 GiB inflated
    code, out, rss = run_lint(bad)
    assert code == 2, out
    assert "Traceback" not in out and "bomb.docx" in out
    assert rss < 400, f"peak memory {rss:.0f} MB: the bomb was inflated"


@pytest.mark.slow
def test_zip_bomb_lying_about_its_size(tmp_path, good_docx):
    # The header says 40 kB; the data inflates to 2 GiB.
    bad = bomb_docx(tmp_path / "liar.docx", good_docx, declared=40_000)
    code, out, rss = run_lint(bad)
    assert code == 2, out
    assert "Traceback" not in out and "liar.docx" in out
    assert rss < 400, f"peak memory {rss:.0f} MB"


def test_zip_bomb_through_clirunner_every_format(tmp_path, good_docx):
    bad = bomb_docx(tmp_path / "bomb.docx", good_docx)
    for fmt in FORMATS:
        assert_unreadable(lint("--format", fmt, bad), bad)
    assert_unreadable(lint("--fix", bad), bad)
    assert not (tmp_path / "bomb.fixed.docx").exists()


def test_too_many_members(tmp_path, good_docx):
    entries = [member(n, d) for n, d in parts_of(good_docx).items()]
    empty = ("", 0, b"", 0, 0)
    entries += [(f"media/x{i}.bin",) + empty[1:] for i in range(12_000)]
    bad = tmp_path / "many.docx"
    bad.write_bytes(raw_zip(entries))
    assert_unreadable(lint(bad), bad)


# --- broken files ----------------------------------------------------------------------


@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.5, 0.9, 0.99])
def test_truncated_zip(tmp_path, good_docx, fraction):
    data = good_docx.read_bytes()
    bad = tmp_path / "cut.docx"
    bad.write_bytes(data[: int(len(data) * fraction)])
    assert_unreadable(lint(bad), bad)


@pytest.mark.parametrize("cut", [1, 22, 100])
def test_zip_missing_its_last_bytes(tmp_path, good_docx, cut):
    data = good_docx.read_bytes()
    bad = tmp_path / "tail.docx"
    bad.write_bytes(data[:-cut])
    assert_unreadable(lint(bad), bad)


def test_zip_without_document_xml(tmp_path, good_docx):
    parts = parts_of(good_docx)
    del parts["word/document.xml"]
    bad = write_zip(tmp_path / "nodoc.docx", parts)
    assert_unreadable(lint(bad), bad, "document.xml")


def test_empty_zip(tmp_path):
    bad = write_zip(tmp_path / "empty.docx", {})
    assert_unreadable(lint(bad), bad)


@pytest.mark.parametrize("seed", range(8))
def test_random_bytes_named_docx(tmp_path, seed):
    rng = random.Random(seed)
    bad = tmp_path / "noise.docx"
    size = rng.choice((0, 1, 4, 100, 5000, 100_000))
    prefix = rng.choice((b"", b"PK\x03\x04", b"PK\x05\x06", b"%PDF-1.7\n", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))
    bad.write_bytes(prefix + bytes(rng.randrange(256) for _ in range(size)))
    assert_unreadable(lint(bad), bad)


@pytest.mark.slow
def test_random_bytes_in_a_real_process(tmp_path):
    bad = tmp_path / "noise.docx"
    bad.write_bytes(random.Random(7).randbytes(50_000))
    code, out, _ = run_lint(bad)
    assert code == 2 and "noise.docx" in out and "Traceback" not in out, out


@pytest.mark.parametrize("xml", [b"", b"not xml", b"<?xml version='1.0'?><a>", b"<root/>",
                                 b"<w:document xmlns:w='urn:x'/>", b"\xff\xfe\x00\x00garbage"])
def test_document_xml_that_is_not_a_word_document(tmp_path, good_docx, xml):
    parts = parts_of(good_docx)
    parts["word/document.xml"] = xml
    bad = write_zip(tmp_path / "notword.docx", parts)
    assert_unreadable(lint(bad), bad)


def test_bad_crc(tmp_path, good_docx):
    entries = [member(n, d) for n, d in parts_of(good_docx).items()]
    entries = [(n, m, d, (c ^ 0xFFFF) if n == "word/document.xml" else c, s) for n, m, d, c, s in entries]
    bad = tmp_path / "crc.docx"
    bad.write_bytes(raw_zip(entries))
    assert_unreadable(lint(bad), bad)


@pytest.mark.parametrize("method", [1, 6, 97, 98, 99])  # shrink, implode, WavPack, PPMd, AES
def test_unsupported_compression_method(tmp_path, good_docx, method):
    entries = [member(n, d) for n, d in parts_of(good_docx).items()]
    entries = [(n, method if n == "word/document.xml" else m, d, c, s) for n, m, d, c, s in entries]
    bad = tmp_path / "method.docx"
    bad.write_bytes(raw_zip(entries))
    assert_unreadable(lint(bad), bad)


def test_encrypted_member(tmp_path, good_docx):
    data = bytearray(good_docx.read_bytes())
    # Set the "encrypted" flag on every header (local and central).
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (i := data.find(sig, start)) >= 0:
            data[i + flag_at] |= 1
            start = i + 4
    bad = tmp_path / "locked.docx"
    bad.write_bytes(bytes(data))
    assert_unreadable(lint(bad), bad)


def test_a_folder_named_docx(tmp_path):
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    result = lint(folder)
    assert result.exit_code in (0, 2) and "Traceback" not in result.output


def test_deeply_nested_xml(tmp_path, good_docx):
    parts = parts_of(good_docx)
    xml = parts["word/document.xml"].decode("utf-8")
    for depth, name in ((200, "ins"), (100_000, "ins"), (200, "sdtContent")):
        nested = f"<w:{name}>" * depth + "<w:r><w:t>深</w:t></w:r>" + f"</w:{name}>" * depth
        parts["word/document.xml"] = xml.replace("<w:body>", f"<w:body><w:p>{nested}</w:p>", 1).encode()
        bad = write_zip(tmp_path / f"deep{depth}{name}.docx", parts)
        result = lint(bad)
        assert result.exit_code in (0, 1, 2), result.output
        assert "Traceback" not in result.output


def test_one_bad_file_does_not_stop_the_others(tmp_path, good_docx):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    text = tmp_path / "draft.txt"
    text.write_text("一.总体要求\n", encoding="utf-8")
    result = lint(bad, good_docx, text)
    assert result.exit_code == 2
    assert "bad.docx" in result.output and "draft.txt" in result.output  # the text file was still linted
