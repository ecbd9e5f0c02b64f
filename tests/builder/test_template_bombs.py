"""Zip bombs and oversized members in a template: refused with a Chinese sentence, never inflated.

Templates travel between offices, so ``templates check``, ``build --template`` and
``templates list`` read them through the bounded package reader like drafts.  The
command-line cases run as real processes with an address-space limit far below
what the bombs inflate to (2 GiB), and a timeout, so a reader that inflated a
bomb would fail with MemoryError or hang instead of passing.
"""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from gongwen.builder import render, templatecheck
from gongwen.errors import TemplateError

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "templates" / "speech.docx"
GIB2 = 2 << 30
GIB2_ZEROS_CRC = 0x4DBDF21C  # zlib.crc32 of 2 GiB of zeros
MEMORY_LIMIT = 768 << 20  # address space of each command: far below one bomb
TIMEOUT = 120

CONTENT = """\
kind: speech
title: 讲话
sections:
  - heading: 一个部分
    paragraphs: [正文。]
"""


def zeros_deflated(size: int) -> bytes:
    """``size`` zero bytes as raw deflate, made from one repeated 1 MiB block (cheap to build)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(bytes(1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
    return block * (size >> 20) + c.flush(zlib.Z_FINISH)


def raw_zip(entries) -> bytes:
    """A zip of ``(name, deflated data, crc, declared size)``: zipfile cannot write a member whose
    compressed bytes we made ourselves, nor one whose header lies about its size."""
    out = io.BytesIO()
    central = []
    for name, data, crc, size in entries:
        offset = out.tell()
        fname = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(fname), 0))
        out.write(fname + data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                                   len(fname), 0, 0, 0, 0, 0, offset) + fname)
    start = out.tell()
    for entry in central:
        out.write(entry)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0))
    return out.getvalue()


def speech_members() -> dict:
    with zipfile.ZipFile(SPEECH) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def deflated(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def hostile_template(path: Path, how: str) -> Path:
    """The speech template with one hostile member (see ``CASES``)."""
    members = speech_members()
    entries = {name: (deflated(data), zlib.crc32(data), len(data)) for name, data in members.items()}
    if how == "xml-bomb":  # the body claims, truthfully, to inflate to 2 GiB
        entries["word/document.xml"] = (zeros_deflated(GIB2), GIB2_ZEROS_CRC, GIB2)
    elif how == "media-bomb":  # a picture of 2 GiB: not XML, so only the template's own budget sees it
        entries["word/media/image1.png"] = (zeros_deflated(GIB2), GIB2_ZEROS_CRC, GIB2)
    elif how == "lying-size":  # the styles claim their real size but inflate to 2 GiB
        entries["word/styles.xml"] = (zeros_deflated(GIB2), entries["word/styles.xml"][1],
                                      entries["word/styles.xml"][2])
    elif how == "ratio":  # 40 MB of zeros: under every size limit, but compressed a thousandfold
        size = 40 << 20
        entries["word/document.xml"] = (zeros_deflated(size), zlib.crc32(bytes(size)), size)
    else:  # pragma: no cover
        raise ValueError(how)
    path.write_bytes(raw_zip([(name, *entry) for name, entry in entries.items()]))
    return path


#: how → words the message must contain
CASES = {
    "xml-bomb": ("模板无法打开", "疑似压缩炸弹"),
    "media-bomb": ("模板过大", "50 MB"),
    "lying-size": ("模板无法打开", "word/styles.xml", "已损坏"),
    "ratio": ("模板无法打开", "压缩比异常", "疑似压缩炸弹"),
}


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bombs")
    return {how: hostile_template(folder / f"{how}.docx", how) for how in CASES}


# --- in process: refused before anything big is inflated ------------------------------


@pytest.mark.parametrize("how", CASES)
def test_template_check_refuses_with_a_sentence(templates, how):
    problems = templatecheck.inspect(str(templates[how]))
    assert len(problems) == 1 and problems[0].error, problems
    for word in CASES[how]:
        assert word in problems[0].message, problems[0].message


@pytest.mark.parametrize("how", CASES)
def test_loading_for_render_refuses_the_same_way(templates, how):
    with pytest.raises(TemplateError) as info:
        render.load_template(str(templates[how]))
    assert info.value.place.path == str(templates[how])
    for word in CASES[how]:
        assert word in info.value.message, info.value.message


def test_too_many_members_are_refused(tmp_path):
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in speech_members().items():
            zf.writestr(name, data)
        for i in range(10001):
            zf.writestr(f"word/media/{i}.bin", b"")
    problems = templatecheck.check(str(path))
    assert problems and problems[0].startswith("模板无法打开：压缩包内有"), problems


# --- real processes with a memory limit --------------------------------------------------


def run(*args, cwd: Path):
    """``gongwen *args`` as a process limited to MEMORY_LIMIT of address space: (code, output)."""
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PYTHONIOENCODING="utf-8")
    done = subprocess.run([sys.executable, "-m", "gongwen", *map(str, args)], cwd=cwd, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=TIMEOUT, preexec_fn=limit)
    return done.returncode, done.stdout.decode("utf-8", "replace")


def assert_refused(code: int, output: str, template: Path, how: str):
    assert code == 1, output
    assert "Traceback" not in output and "MemoryError" not in output, output
    assert template.name in output, output
    for word in CASES[how]:
        assert word in output, output


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS bounds memory on Linux")
@pytest.mark.parametrize("how", CASES)
def test_commands_refuse_a_hostile_template_within_bounded_memory(tmp_path, templates, how):
    template = templates[how]
    code, output = run("templates", "check", template, cwd=tmp_path)
    assert_refused(code, output, template, how)

    (tmp_path / "doc.yaml").write_text(CONTENT, encoding="utf-8")
    code, output = run("build", "doc.yaml", "-o", "out", "--template", template, cwd=tmp_path)
    assert_refused(code, output, template, how)
    assert "模板有问题" in output
    assert not (tmp_path / "out" / "doc.docx").exists()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS bounds memory on Linux")
def test_templates_list_survives_hostile_office_templates(tmp_path, templates):
    folder = tmp_path / "templates"
    folder.mkdir()
    for how, path in templates.items():
        (folder / path.name).write_bytes(path.read_bytes())
    code, output = run("templates", "list", cwd=tmp_path)
    assert code == 0, output
    assert "Traceback" not in output and "MemoryError" not in output, output
    for how in CASES:
        assert how in output, output
