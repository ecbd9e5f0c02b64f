"""Writing into a read-only folder, onto a full disk, under a name too long: a Chinese sentence
naming the file, exit 2 (build: the document fails, exit 1), the original untouched, nothing left.

The read-only folder is tried as another user (root writes anywhere); the full disk
is a 64 kB tmpfs where one can be mounted (the test skips cleanly where it cannot),
and, everywhere, a disk that fills at the last moment (``fsync`` failing in process).
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from gongwen import batchwrite
from gongwen.cli import main

from tests.limited import no_traceback, open_folder, run_limited  # noqa: F401 - open_folder is a fixture
from tests.paths import CONTENT, IMPORT_FIXTURES

DRAFT = "一、总体情况\n" + "我们要加强管理,提高效率.\n" * 400  # 14 kB, 800 fixes
NOBODY = 65534
ENGLISH = ("Permission denied", "No space left", "File name too long", "Read-only file system", "Errno")


def commands(folder: Path, draft: Path):
    """(name, arguments, the exit code when the write fails, the file that must not appear)."""
    return [
        ("lint --fix", ["lint", "--fix", draft], 2, None),
        ("import -o", ["import", IMPORT_FIXTURES / "speech.txt", "-o", folder / "imported.yaml"], 2,
         folder / "imported.yaml"),
        ("new -o", ["new", "speech", "--from", IMPORT_FIXTURES / "speech.yaml", "-o", folder / "new.yaml"], 2,
         folder / "new.yaml"),
        ("build", ["build", CONTENT / "speech.yaml", "-o", folder], 1, folder / "speech.docx"),
    ]


def check_refused(ran, name: str, code: int, reason: str, missing, folder: Path) -> None:
    no_traceback(ran)
    assert ran.returncode == code, (name, ran.output)
    assert reason in ran.stderr, (name, ran.stderr)
    assert not any(text in ran.output for text in ENGLISH), (name, ran.output)
    assert missing is None or not missing.exists(), name
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")], name


def test_read_only_folder(open_folder):
    folder = open_folder / "只读"
    folder.mkdir()
    draft = folder / "讲话.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    for path in (folder, draft):
        os.chown(path, NOBODY, NOBODY)
    os.chmod(folder, 0o555)
    for name, args, code, missing in commands(folder, draft):
        ran = run_limited(args, user=NOBODY, cwd=open_folder)
        check_refused(ran, name, code, "没有写入权限", missing, folder)
        assert str(folder) in ran.stderr, (name, ran.stderr)  # the folder that cannot be written
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert "1 个文件无法写入" in run_limited(["lint", "--fix", draft], user=NOBODY).stderr


@pytest.fixture
def full_disk(open_folder):
    """A 64 kB file system, nearly full (skips where tmpfs cannot be mounted)."""
    folder = open_folder / "满"
    folder.mkdir()
    mount = shutil.which("mount")
    if not mount or os.geteuid() != 0 or subprocess.run(
            [mount, "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True)


def test_full_disk(full_disk):
    draft = full_disk / "讲话.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    filler = full_disk / "filler"
    with open(filler, "wb", buffering=0) as fh:  # fill the rest
        try:
            while True:
                fh.write(b"\0" * 1024)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    for name, args, code, missing in commands(full_disk, draft):
        ran = run_limited(args)
        check_refused(ran, name, code, "磁盘已满", missing, full_disk)
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_disk_full_at_the_last_moment(tmp_path, monkeypatch):
    """``fsync`` fails (a network or thin-provisioned disk reports ENOSPC only then)."""
    draft = tmp_path / "讲话.txt"
    draft.write_text(DRAFT, encoding="utf-8")

    def no_room(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def no_room_syncfs():  # a batch of builds syncs its file system at once (gongwen.batchwrite)
        def syncfs(folder):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return syncfs

    monkeypatch.setattr(os, "fsync", no_room)
    monkeypatch.setattr(batchwrite, "_syncfs", no_room_syncfs)
    for name, args, code, missing in commands(tmp_path, draft):
        ran = CliRunner().invoke(main, [str(a) for a in args])
        assert not isinstance(ran.exception, OSError), (name, ran.exception)
        assert ran.exit_code == code, (name, ran.output)
        assert "磁盘已满" in ran.stderr and not any(text in ran.output for text in ENGLISH), (name, ran.output)
        assert missing is None or not missing.exists(), name
        assert sorted(p.name for p in tmp_path.iterdir()) == ["讲话.txt"], name
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_name_too_long(tmp_path):
    long = tmp_path / ("很长的名字" * 20 + ".yaml")  # 305 bytes
    for args in (["new", "speech", "-o", long], ["import", IMPORT_FIXTURES / "speech.txt", "-o", long]):
        ran = run_limited(args)
        no_traceback(ran)
        assert ran.returncode == 2 and f"{long}: 无法写入（文件名太长" in ran.stderr, ran.output
    assert list(tmp_path.iterdir()) == []
