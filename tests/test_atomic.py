"""Atomic writes (``gongwen.atomic``): the previous file or the complete new one, never half.

* **Ctrl-C at every step, in process.**  ``atomic.replace`` is run once per
  bytecode instruction it executes (with everything it calls: tempfile, os,
  contextlib), and SIGINT is raised just before that instruction, the way a
  Ctrl-C lands between two statements.  After each run no temporary file is
  left, no descriptor is leaked and the target holds the old or the new bytes.
  The k-th instruction is the same in every run: nothing depends on timing.
* **Real builds stopped while writing.**  A ``gongwen build`` child pauses at a
  synchronisation point (after its n-th write to the temporary file, or just
  before the rename) and says so on a pipe; only then is it sent SIGINT
  (nothing may be left) or SIGKILL (a ``.gongwen-*.tmp`` may be left: nothing
  can clean up after SIGKILL).  Deterministic too.
* **Real builds killed at random moments** (SIGKILL after a seeded random
  delay, also a parallel batch).

After every stop the output must be whole (zipfile opens it, ``testzip()``
finds no bad member, python-docx opens it) and byte-for-byte equal to either
the old or the new build; any stray file other than gongwen's dot-temp files
fails the test.  The count of leftovers is printed (``pytest -s``).  The real
processes are ``slow`` (``make quick`` leaves them out).
"""

from __future__ import annotations

import collections
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Optional

import docx
import pytest

from gongwen import atomic

from tests.paths import ROOT
from tests.stepping import interrupted_at, open_descriptors, quiet_process

EXAMPLE = ROOT / "content" / "speech.yaml"
KILLS_AT_RANDOM = 12
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


#: A ``gongwen build`` that stops at a synchronisation point inside the atomic write, says
#: ``paused`` on the pipe it was given, and waits there for the parent's signal.
#: argv: pipe fd, where (``write:N`` — after the N-th write to the temporary file — or
#: ``rename`` — written and synced, not yet renamed), target, then gongwen's arguments.
PAUSING_BUILD = r"""
import contextlib, os, sys, time
from gongwen import atomic
from gongwen.entry import main

ready, where, target = int(sys.argv[1]), sys.argv[2], os.path.abspath(sys.argv[3])


def pause():
    os.write(ready, b"paused\n")
    while True:  # short sleeps: a signal is handled between two of them at the latest
        time.sleep(0.05)


class Pausing:
    def __init__(self, fh):
        self._fh, self._writes = fh, 0

    def write(self, data):
        n = self._fh.write(data)
        self._writes += 1
        if where == "write:%d" % self._writes:
            self._fh.flush()
            pause()
        return n

    def __getattr__(self, name):
        return getattr(self._fh, name)


replace = atomic.replace


@contextlib.contextmanager
def pausing_replace(path, *args, **kwargs):
    with replace(path, *args, **kwargs) as fh:
        yield Pausing(fh) if os.path.abspath(path) == target else fh


rename = os.replace


def pausing_rename(src, dst):
    if where == "rename" and os.path.abspath(dst) == target:
        pause()
    rename(src, dst)


atomic.replace, os.replace = pausing_replace, pausing_rename
sys.exit(main(sys.argv[4:]))
"""


def start_paused_build(source: Path, out: Path, where: str):
    """A build of ``source`` into ``out`` stopped at ``where``; (process, whether it paused)."""
    target = out / (source.stem + ".docx")
    read_end, write_end = os.pipe()
    try:
        proc = subprocess.Popen([sys.executable, "-c", PAUSING_BUILD, str(write_end), where, str(target),
                                 "build", str(source), "-o", str(out)],
                                pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env=env(), start_new_session=True)
    finally:
        os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        # A generous limit: the child either pauses or ends (closing the pipe) long before.
        ready, _, _ = select.select([pipe], [], [], 300)
        assert ready, f"the build neither paused at {where} nor ended"
        paused = pipe.readline() == b"paused\n"
    return proc, paused


@pytest.mark.slow
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


#: Where a real build is stopped: after its first write, after a few, deep into the file,
#: and with everything written and synced but the rename not yet done.
PAUSE_POINTS = ["write:1", "write:2", "write:10", "write:30", "rename"]  # a document is ~40 writes


@pytest.mark.slow
def test_killed_or_interrupted_while_writing(tmp_path, versions):
    source, refs = versions
    out = tmp_path / "out"
    target = out / "speech.docx"
    temp_left = 0
    for where in PAUSE_POINTS:
        for sig in (signal.SIGKILL, signal.SIGINT):
            reset(target, refs["old"], source)
            proc, paused = start_paused_build(source, out, where)
            assert paused, f"the build ended before {where}"
            assert (target.read_bytes(), len(leftovers(out, {"speech.docx"}))) == (refs["old"], 1)
            kill_group(proc, sig)
            assert check(target, refs) == "old", (where, sig)
            left = leftovers(out, {"speech.docx"})
            if sig == signal.SIGINT:
                assert left == [], f"Ctrl-C at {where} left {left}"
                assert proc.returncode != 0
            temp_left += len(left)
    print(f"\nSIGKILL/SIGINT at {len(PAUSE_POINTS)} points while writing: the old output every time; "
          f"{temp_left} dot-temp files left (by SIGKILL only)")


@pytest.mark.slow
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


def write_interrupted_at(step: int, target: Path, data: bytes) -> Optional[bool]:
    """Write ``data`` over ``target`` through ``atomic.replace`` with SIGINT raised just before its
    ``step``-th bytecode instruction (:func:`tests.stepping.interrupted_at`)."""
    def write() -> None:
        with atomic.replace(target) as fh:
            fh.write(data)

    return interrupted_at(step, write)


@pytest.fixture
def memory_folder(tmp_path):
    """A folder in memory (tmpfs) where there is one: fsync costs nothing there, and this test
    writes a file per instruction."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="gongwen-atomic-", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_interrupt_at_every_step_leaves_no_temporary_file(memory_folder):
    """Ctrl-C before any instruction of an atomic write: no leftover, no leak, old or new bytes."""
    folder = memory_folder / "out"
    folder.mkdir()
    target = folder / "speech.docx"
    old, new = b"old " * 1000, b"new " * 2000
    outcomes = collections.Counter()
    with quiet_process():
        for step in range(1, 100_000):
            target.write_bytes(old)
            before = open_descriptors()
            interrupted = write_interrupted_at(step, target, new)
            if interrupted is None:
                break  # past the last instruction: every step has been tried
            stray = [p.name for p in folder.iterdir() if p != target]
            assert stray == [], f"SIGINT before instruction {step} left {stray}"
            assert open_descriptors() - before == set(), f"SIGINT before instruction {step} leaked a descriptor"
            data = target.read_bytes()
            assert data in (old, new), f"SIGINT before instruction {step}: the target is neither"
            outcomes["old" if data == old else "new", interrupted] += 1
    assert not outcomes["new", False] and not outcomes["old", False], "a signal that raised nothing"
    print(f"\nSIGINT before each of {sum(outcomes.values())} instructions: the old file kept "
          f"{outcomes['old', True]} times, the new one in place {outcomes['new', True]} times, nothing left")
    assert outcomes["old", True] > 100, outcomes  # the signal landed all through the write


def test_output_has_ordinary_permissions(tmp_path):
    out = tmp_path / "out"
    build_now(EXAMPLE, "-o", out)
    umask = os.umask(0)
    os.umask(umask)
    mode = (out / "speech.docx").stat().st_mode & 0o777
    assert mode == 0o666 & ~umask, oct(mode)


def test_stale_temporary_files_of_killed_builds_are_swept(tmp_path):
    """A build killed while writing leaves .gongwen-*.tmp; the next write removes old ones only."""
    old = tmp_path / ".gongwen-abcdefgh.tmp"
    fresh = tmp_path / ".gongwen-ijklmnop.tmp"
    old.write_bytes(b"half")
    fresh.write_bytes(b"half")
    past = time.time() - atomic.STALE_SECONDS - 10
    os.utime(old, (past, past))
    with atomic.replace(tmp_path / "speech.docx") as fh:
        fh.write(b"whole")
    assert (tmp_path / "speech.docx").read_bytes() == b"whole"
    assert not old.exists() and fresh.exists()
