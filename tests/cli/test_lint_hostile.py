"""``gongwen lint`` on broken and hostile .docx files, as a user runs it: exit 2, a message
naming the file, no traceback, no leaked file text, the other files still linted.

Each run is a real process with a generous timeout (a hang fails instead of
hanging) whose peak memory shows that nothing was inflated; no assertion is
about time (tests/processes.py).
"""

import io
import struct
import zipfile

import pytest

from gongwen.lint.docxexample import example_docx

from tests.processes import run_measured

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
SECRET = "TOP-SECRET-91c2"


def gongwen(*args, cwd=None):
    return run_measured(args, cwd=cwd)


def zip_of(parts) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def bomb_headers() -> bytes:
    """A small zip whose document part claims to inflate to 3 GB."""
    data = bytearray(zip_of({"word/document.xml": f"<w:document {W_NS}><w:body/></w:document>"}))
    struct.pack_into("<I", data, data.find(b"PK\x03\x04") + 22, 3_000_000_000)
    struct.pack_into("<I", data, data.find(b"PK\x01\x02") + 24, 3_000_000_000)
    return bytes(data)


@pytest.fixture
def files(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    xxe = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
           f"<w:document {W_NS}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
    good = example_docx("")
    made = {
        "random.docx": bytes((i * 7919 + 13) % 256 for i in range(4000)),
        "truncated.docx": good[: len(good) // 2],
        "nodocument.docx": zip_of({"word/styles.xml": "<x/>"}),
        "xxe.docx": zip_of({"word/document.xml": xxe}),
        "bomb.docx": bomb_headers(),
        "good.docx": good,
    }
    for name, data in made.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


@pytest.mark.parametrize("name", ["random.docx", "truncated.docx", "nodocument.docx", "xxe.docx", "bomb.docx"])
def test_unreadable_docx_exits_2_with_a_message(files, name):
    result = gongwen("lint", name, cwd=files)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.peak_mb < 400, f"peak memory {result.peak_mb:.0f} MB: the file was inflated"
    out = result.stdout + result.stderr
    assert name in out
    assert "Traceback" not in out
    assert SECRET not in out


def test_other_files_are_still_linted(files):
    result = gongwen("lint", "--format", "json", "bomb.docx", "good.docx", "xxe.docx", cwd=files)
    assert result.returncode == 2
    assert SECRET not in result.stdout + result.stderr
    assert "bomb.docx" in result.stderr and "xxe.docx" in result.stderr


def test_fix_never_touches_the_original(files):
    path = files / "good.docx"
    before = path.read_bytes()
    gongwen("lint", "--fix", "good.docx", cwd=files)
    assert path.read_bytes() == before
