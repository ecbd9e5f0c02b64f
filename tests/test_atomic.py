"""Builds killed at any moment leave the previous file or the complete new one.

Issue 5 ("Nothing lost"): a real ``gongwen build`` process, writing over an
existing output, is killed with SIGKILL at random moments — and, to be sure
the dangerous moment is hit, right after its temporary file appears.  After
every kill the output must be whole (zipfile opens it, ``testzip()`` finds no
bad member, python-docx opens it) and byte-for-byte equal to either the old
or the new build.  Temporary files named ``.<name>.*.tmp`` may be left by
SIGKILL (nothing can clean up after it); any other stray file fails the test.
The count of leftovers is printed (``pytest -s``) for the report.

The random moments come from a seeded generator, so a failure can be replayed.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest

from tests.paths import ROOT

EXAMPLE = ROOT / "content" / "speech.yaml"
KILLS_AT_RANDOM = 12
KILLS_IN_WRITE = 12
SEED = int(os.environ.get("GONGWEN_KILL_SEED", "9704"))

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals")


def env():
    return dict(os.environ, PYTHONPATH=str(ROOT / "src"), PYTHONIOENCODING="utf-8")


def start_build(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "gongwen", "build", *map(str, args)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env(),
                            start_new_session=True)


def build_now(*args) -> None:
    proc = start_build(*args)
    assert proc.wait(timeout=300) == 0


def kill_group(proc: subprocess.Popen, sig=signal.SIGKILL) -> None:
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass
    proc.wait(timeout=60)


def whole(path: Path) -> bytes:
    """The bytes of ``path`` after checking it is a complete .docx."""
    data = path.read_bytes()
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None, f"{path}: a damaged member"
        assert "word/document.xml" in zf.namelist()
    docx.Document(str(path))
    return data


def leftovers(folder: Path, allowed_names) -> list:
    """Files in ``folder`` other than the outputs; fails on anything but gongwen's dot-temp files."""
    extra = [p for p in folder.rglob("*") if p.is_file() and p.name not in allowed_names]
    strays = [p for p in extra if not (p.name.startswith(".") and p.name.endswith(".tmp"))]
    assert not strays, f"files left behind that are not temporary: {strays}"
    return extra


@pytest.fixture
def versions(tmp_path):
    """A content file, its old and new content, and the bytes gongwen builds from each."""
    work = tmp_path / "work"
    work.mkdir()
    old_text = EXAMPLE.read_text(encoding="utf-8")
    assert old_text.rstrip().splitlines()[-1].startswith("  - ")  # ends in the closing list
    new_text = old_text.replace("title: ", "title: 修改后的", 1).rstrip("\n") + "\n  - 新增的结束语。\n"
    refs = {}
    for name, text in (("old", old_text), ("new", new_text)):
        folder = tmp_path / f"ref-{name}"
        folder.mkdir()
        (folder / "speech.yaml").write_text(text, encoding="utf-8")
        build_now(folder / "speech.yaml", "-o", folder / "out")
        refs[name] = whole(folder / "out" / "speech.docx")
    assert refs["old"] != refs["new"]
    source = work / "speech.yaml"
    source.write_text(new_text, encoding="utf-8")
    return source, refs


def reset(target: Path, old: bytes, source: Path) -> None:
    """Put the old output back, newer than the content (gongwen's own, so it may be replaced)."""
    for stray in target.parent.glob(".*.tmp"):
        stray.unlink()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(old)
    now = time.time()
    os.utime(source, (now - 10, now - 10))


def check(target: Path, refs) -> str:
    data = whole(target)
    assert data in (refs["old"], refs["new"]), "the output is neither the old nor the new build"
    return "old" if data == refs["old"] else "new"


def wait_for_tmp(folder: Path, proc: subprocess.Popen, limit: float = 30.0) -> bool:
    """Spin until a temporary output file appears in ``folder`` (or the build ends)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if any(n.startswith(".") and n.endswith(".tmp") for n in os.listdir(folder)):
                return True
        except FileNotFoundError:
            pass
        if proc.poll() is not None:
            return False
        time.sleep(0)
    return False


def test_killed_at_random_moments(tmp_path, versions):
    source, refs = versions
    out = tmp_path / "out"
    target = out / "speech.docx"
    # How long does a whole build take here?  Kill anywhere in 0 … 1.3× that.
    reset(target, refs["old"], source)
    started = time.monotonic()
    build_now(source, "-o", out)
    duration = time.monotonic() - started
    assert check(target, refs) == "new"
    rng = random.Random(SEED)
    seen, temp_left = [], 0
    for _ in range(KILLS_AT_RANDOM):
        reset(target, refs["old"], source)
        proc = start_build(source, "-o", out)
        time.sleep(rng.uniform(0, duration * 1.3))
        kill_group(proc)
        seen.append(check(target, refs))
        temp_left += len(leftovers(out, {"speech.docx"}))
    print(f"\nSIGKILL at random: outputs {seen.count('old')} old / {seen.count('new')} new; "
          f"{temp_left} dot-temp files left over {KILLS_AT_RANDOM} kills")


def test_killed_while_writing(tmp_path, versions):
    source, refs = versions
    out = tmp_path / "out"
    target = out / "speech.docx"
    rng = random.Random(SEED + 1)
    seen, temp_left, hit = [], 0, 0
    for _ in range(KILLS_IN_WRITE):
        reset(target, refs["old"], source)
        proc = start_build(source, "-o", out)
        if wait_for_tmp(out, proc):
            hit += 1
            time.sleep(rng.choice((0, 0, 0.0005, 0.001, 0.002, 0.004)))
        kill_group(proc)
        seen.append(check(target, refs))
        temp_left += len(leftovers(out, {"speech.docx"}))
    print(f"\nSIGKILL while writing ({hit} of {KILLS_IN_WRITE} caught the temp file): outputs "
          f"{seen.count('old')} old / {seen.count('new')} new; {temp_left} dot-temp files left")
    assert hit, "never caught a build while it was writing"


def test_killed_batch_with_jobs(tmp_path, versions):
    """A parallel batch (``-j 2``) killed as a whole: each output is old or new, never half."""
    source, refs = versions
    content = tmp_path / "batch"
    content.mkdir()
    names = [f"doc{i}" for i in range(8)]
    for name in names:
        shutil.copyfile(source, content / f"{name}.yaml")
    out = tmp_path / "out"
    jobs = ["-j", "2"] if "--jobs" in subprocess.run(
        [sys.executable, "-m", "gongwen", "build", "--help"], capture_output=True, text=True,
        env=env()).stdout else []
    rng = random.Random(SEED + 2)
    temp_left = 0
    for _ in range(5):
        for name in names:
            reset(out / f"{name}.docx", refs["old"], content / f"{name}.yaml")
        proc = start_build(content, "-o", out, *jobs)
        time.sleep(rng.uniform(0.05, 1.0))
        kill_group(proc)
        for name in names:
            check(out / f"{name}.docx", refs)
        temp_left += len(leftovers(out, {f"{n}.docx" for n in names}))
    print(f"\nbatch {' '.join(jobs) or '(no -j)'} killed 5 times: {temp_left} dot-temp files left")


def test_interrupt_leaves_no_temporary_file(tmp_path, versions):
    """Ctrl-C (SIGINT) is an exception in Python: the temporary file is removed."""
    source, refs = versions
    out = tmp_path / "out"
    target = out / "speech.docx"
    caught = 0
    for delay in (0, 0.0005, 0.001, 0.002):
        reset(target, refs["old"], source)
        proc = start_build(source, "-o", out)
        if wait_for_tmp(out, proc):
            caught += 1
            time.sleep(delay)
        try:
            os.killpg(proc.pid, signal.SIGINT)
        except ProcessLookupError:
            pass  # the build finished first: its file must still be whole
        proc.wait(timeout=60)
        check(target, refs)
        assert leftovers(out, {"speech.docx"}) == [], "Ctrl-C left a temporary file"
    assert caught


def test_output_has_ordinary_permissions(tmp_path):
    out = tmp_path / "out"
    build_now(EXAMPLE, "-o", out)
    umask = os.umask(0)
    os.umask(umask)
    mode = (out / "speech.docx").stat().st_mode & 0o777
    assert mode == 0o666 & ~umask, oct(mode)
