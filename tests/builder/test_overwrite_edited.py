"""A rebuild never overwrites an output someone edited, tried as a writer would.

The writer builds, opens the .docx in an editor, changes it, saves it (Word, WPS
and LibreOffice keep gongwen's custom document property when they save), then
builds again: the build refuses, names the file and says how to keep the edits
(``gongwen import`` it back) or drop them (``--force``).  An output nobody
touched is rebuilt without a word.  Each build is a real process with a memory
limit and a timeout (tests/limited.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import zipfile

import docx
import pytest

from tests.limited import no_traceback, run_limited
from tests.paths import CONTENT


@pytest.fixture
def built(tmp_path):
    """(content file, its output) after a first build."""
    source = tmp_path / "speech.yaml"
    shutil.copyfile(CONTENT / "speech.yaml", source)
    ran = run_limited(["build", source, "-o", tmp_path / "out"])
    assert ran.returncode == 0, ran.output
    return source, tmp_path / "out" / "speech.docx"


def rebuild(source, *extra):
    return run_limited(["build", source, "-o", source.parent / "out", *extra])


def assert_refused(ran, target, kept: bytes) -> None:
    no_traceback(ran)
    assert ran.returncode == 1, ran.output
    assert f"{target}: 输出文件" in ran.stderr and "未覆盖" in ran.stderr, ran.stderr
    assert f"gongwen import {target}" in ran.stderr and "--force" in ran.stderr, ran.stderr
    assert target.read_bytes() == kept


def test_untouched_output_is_rebuilt_silently(built):
    source, target = built
    first = target.read_bytes()
    ran = rebuild(source)
    assert ran.returncode == 0 and ran.stderr == "", ran.output
    assert f"已生成 {target}" in ran.stdout
    assert target.read_bytes() == first  # same content, same bytes
    with zipfile.ZipFile(target) as z:
        value = z.read("docProps/custom.xml").decode("utf-8")
    assert 'name="gongwen"' in value and len(value.split("<vt:lpwstr>")[1].split()) == 3


def test_output_edited_with_python_docx_is_kept(built):
    """Open, change a paragraph, save: the property stays, the edit must too."""
    source, target = built
    document = docx.Document(str(target))
    paragraph = next(p for p in document.paragraphs if len(p.text) > 20)
    paragraph.runs[0].text = "这是领导亲自改过的一句话。" + paragraph.runs[0].text
    document.save(str(target))
    with zipfile.ZipFile(target) as z:
        assert b'name="gongwen"' in z.read("docProps/custom.xml")  # python-docx kept it
    edited = target.read_bytes()
    ran = rebuild(source)
    assert_refused(ran, target, edited)
    assert "被改动过" in ran.stderr
    # The writer edits the content too (it is now newer than the output): still refused.
    now = time.time()
    os.utime(source, (now + 60, now + 60))
    assert_refused(rebuild(source), target, edited)
    # --force drops the edits; the output is gongwen's again and rebuilt freely after.
    assert rebuild(source, "--force").returncode == 0
    assert "这是领导亲自改过的一句话" not in "".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert rebuild(source).returncode == 0


def test_output_of_an_older_gongwen_is_not_taken_for_untouched(built):
    """An output whose property records no digest (an older gongwen) cannot be checked."""
    source, target = built
    with zipfile.ZipFile(target) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    value = parts["docProps/custom.xml"].decode("utf-8")
    version, source_digest, _ = value.split("<vt:lpwstr>")[1].split("</vt:lpwstr>")[0].split()
    parts["docProps/custom.xml"] = value.replace(value.split("<vt:lpwstr>")[1].split("</vt:lpwstr>")[0],
                                                 f"{version} {source_digest}").encode("utf-8")
    parts["word/document.xml"] = parts["word/document.xml"].replace("同志们".encode(), "各位同志".encode(), 1)
    with zipfile.ZipFile(target, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    old = target.read_bytes()
    ran = rebuild(source)
    assert_refused(ran, target, old)
    assert "旧版 gongwen" in ran.stderr


def test_a_document_that_is_not_gongwens_is_kept(built, tmp_path):
    source, target = built
    other = docx.Document()
    other.add_paragraph("别人的文件")
    other.save(str(target))
    os.utime(target, (1, 1))  # older than the content: no matter
    kept = target.read_bytes()
    ran = rebuild(source)
    assert_refused(ran, target, kept)
    assert "不是 gongwen 生成的" in ran.stderr


def soffice():
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(soffice() is None, reason="needs LibreOffice")
def test_output_saved_by_libreoffice_is_kept(built, tmp_path):
    """Open and save in LibreOffice (headless, into another folder, copied back)."""
    source, target = built
    saved = tmp_path / "saved"
    profile = tmp_path / "profile"
    subprocess.run([soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", "docx", "--outdir", str(saved), str(target)],
                   check=True, capture_output=True, timeout=240, start_new_session=True)
    with zipfile.ZipFile(saved / "speech.docx") as z:
        assert b'name="gongwen"' in z.read("docProps/custom.xml")  # LibreOffice kept the property
    shutil.copyfile(saved / "speech.docx", target)
    kept = target.read_bytes()
    ran = rebuild(source)
    assert_refused(ran, target, kept)
    assert "被改动过" in ran.stderr
