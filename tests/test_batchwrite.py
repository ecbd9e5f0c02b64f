"""Atomic writes synced together (``gongwen.batchwrite``): old or new for every file, never half.

The same promise as ``tests/test_atomic.py``, for writes whose sync and rename wait
for the end of a batch: nothing is in place before the batch ends, everything is
after it, an exception (Ctrl-C at any instruction among them) leaves every target
old and no temporary file, a failing rename or sync is that file's error.
"""

from __future__ import annotations

import collections
import errno
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from gongwen import atomic, batchwrite
from gongwen.builder import pipeline
from tests.paths import ROOT
from tests.stepping import interrupted_at, open_descriptors, quiet_process

OLD, NEW = b"old " * 500, b"new " * 900


def leftovers(folder: Path, targets) -> list:
    return sorted(p.name for p in folder.iterdir() if p.name not in targets)


def write(targets, data=NEW) -> None:
    for target in targets:
        with atomic.replace(target) as fh:
            fh.write(data)


def test_nothing_in_place_before_the_end_everything_after(tmp_path):
    targets = [tmp_path / f"{i}.docx" for i in range(5)]
    targets[0].write_bytes(OLD)
    with batchwrite.batch() as done:
        write(targets)
        assert targets[0].read_bytes() == OLD and not any(t.exists() for t in targets[1:])
        assert len(leftovers(tmp_path, {t.name for t in targets})) == 5  # the waiting temporary files
    assert done.failed == {}
    assert [t.read_bytes() for t in targets] == [NEW] * 5
    assert leftovers(tmp_path, {t.name for t in targets}) == []
    umask = os.umask(0)
    os.umask(umask)
    assert targets[1].stat().st_mode & 0o777 == 0o666 & ~umask  # as a single write gives it


def test_an_exception_keeps_every_old_file(tmp_path):
    targets = [tmp_path / f"{i}.docx" for i in range(3)]
    for target in targets:
        target.write_bytes(OLD)
    with pytest.raises(KeyboardInterrupt):
        with batchwrite.batch():
            write(targets)
            raise KeyboardInterrupt
    assert [t.read_bytes() for t in targets] == [OLD] * 3
    assert leftovers(tmp_path, {t.name for t in targets}) == []
    assert atomic.deferred is None


def test_a_failed_rename_is_that_file_s_error(tmp_path):
    good, bad = tmp_path / "a.docx", tmp_path / "b.docx"
    with batchwrite.batch() as done:
        write([good, bad])
        bad.mkdir()  # a folder took the name meanwhile: the rename fails
        (bad / "x").write_bytes(b"")
    assert good.read_bytes() == NEW
    assert list(done.failed) == [str(bad)]
    assert "无法写入" in str(done.failed[str(bad)]) and "未生成文件" in str(done.failed[str(bad)])
    assert leftovers(tmp_path, {"a.docx", "b.docx"}) == []


@pytest.mark.parametrize("how", ["syncfs", "fsync"])
def test_a_failed_sync_touches_no_target(tmp_path, monkeypatch, how):
    """A disk that reports ENOSPC only when synced (thin-provisioned, network): all old, all named."""
    def no_room(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(batchwrite, "_syncfs", (lambda: no_room) if how == "syncfs" else (lambda: None))
    monkeypatch.setattr(os, "fsync", no_room)
    targets = [tmp_path / f"{i}.docx" for i in range(3)]
    targets[0].write_bytes(OLD)
    with batchwrite.batch() as done:
        write(targets)
    assert sorted(done.failed) == sorted(map(str, targets))
    assert all("磁盘已满" in str(e) for e in done.failed.values())
    assert "原文件未改动" in str(done.failed[str(targets[0])])
    assert targets[0].read_bytes() == OLD and not targets[1].exists()
    assert leftovers(tmp_path, {t.name for t in targets}) == []


def test_a_batch_inside_a_batch_joins_it(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    with batchwrite.batch():
        write([a])
        with batchwrite.batch():
            write([b])
        assert not b.exists()
    assert a.read_bytes() == b.read_bytes() == NEW


def test_a_file_with_other_links_is_written_into_at_once(tmp_path):
    """Not renamed (that would split the links): copied into, synced, at once, as without a batch."""
    target, link = tmp_path / "a.docx", tmp_path / "link.docx"
    target.write_bytes(OLD)
    os.link(target, link)
    with batchwrite.batch():
        write([target])
        assert link.read_bytes() == NEW
    assert target.read_bytes() == NEW and os.path.samefile(target, link)


def batch_interrupted_at(step: int, targets) -> bool | None:
    """A batch of writes over ``targets`` with SIGINT raised just before its ``step``-th bytecode
    instruction (:func:`tests.stepping.interrupted_at`)."""
    def batch() -> None:
        with batchwrite.batch():
            write(targets)

    return interrupted_at(step, batch)


def test_interrupt_at_every_step_of_a_batch(tmp_path):
    """Ctrl-C before any instruction of a batch of two writes: each target old or new, nothing left,
    no descriptor leaked, the module's batch state cleared."""
    shm = Path("/dev/shm")
    base = Path(tempfile.mkdtemp(prefix="gongwen-batch-", dir=shm)) if shm.is_dir() and os.access(shm, os.W_OK) \
        else tmp_path  # tmpfs where there is one: a sync costs nothing there
    folder = base / "out"
    folder.mkdir()
    targets = [folder / "a.docx", folder / "b.docx"]
    batchwrite._syncfs()  # its import happens once, not inside the stepping
    outcomes = collections.Counter()
    try:
        with quiet_process():
            for step in range(1, 200_000):
                for target in targets:
                    target.write_bytes(OLD)
                before = open_descriptors()
                interrupted = batch_interrupted_at(step, targets)
                if interrupted is None:
                    break
                assert leftovers(folder, {"a.docx", "b.docx"}) == [], f"SIGINT before instruction {step}"
                assert open_descriptors() - before == set(), f"SIGINT before instruction {step} leaked a descriptor"
                assert atomic.deferred is None
                data = [t.read_bytes() for t in targets]
                assert all(d in (OLD, NEW) for d in data), f"SIGINT before instruction {step}"
                outcomes[tuple("new" if d == NEW else "old" for d in data)] += 1
    finally:
        if base != tmp_path:
            shutil.rmtree(base, ignore_errors=True)
    print(f"\nSIGINT before each of {sum(outcomes.values())} instructions of a batch: {dict(outcomes)}")
    assert outcomes[("old", "old")] > 100 and outcomes[("new", "new")] >= 1, outcomes


def test_a_build_reports_a_document_once_it_is_in_place(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    for i in range(batchwrite.SIZE + 3):  # two batches
        shutil.copyfile(ROOT / "content" / "speech.yaml", content / f"s{i:02d}.yaml")
    seen = []

    def progress(result):
        assert result.ok, result.errors
        with open(result.target, "rb") as fh:
            assert fh.read(2) == b"PK"  # whole: in place when reported
        seen.append(Path(result.target).name)

    results = pipeline.build([content], tmp_path / "out", progress=progress)
    assert len(seen) == len(results) == batchwrite.SIZE + 3
    assert leftovers(tmp_path / "out", set(seen)) == []
