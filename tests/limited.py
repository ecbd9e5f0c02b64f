"""A real ``gongwen`` process with a memory limit, a timeout and, optionally, another user.

Used by the tests of writing files (read-only files, full disks, other owners), where the
command runs as a writer would run it: a child process, its exit code and its messages.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Iterator, NamedTuple, Optional, Sequence

import pytest

from tests.paths import gongwen_env
from tests.processes import gongwen_command

MEMORY_LIMIT = 1024 * 1024 * 1024  # address space, bytes: far above what these commands need


class Ran(NamedTuple):
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def as_user_prefix(user: int, group: int) -> list:
    """A command prefix running the rest as ``user``/``group`` with no other groups and no
    capabilities.  ``setpriv`` changes user as late as it can, so the interpreter is found even
    where it lies in a folder only root may enter; ``os.setuid`` in ``preexec_fn`` cannot."""
    setpriv = shutil.which("setpriv")
    if not setpriv or not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("running as another user needs root and setpriv (util-linux)")
    return [setpriv, f"--reuid={user}", f"--regid={group}", "--clear-groups"]


def run_limited(args: Sequence, *, cwd=None, timeout: float = 120, user: Optional[int] = None,
                group: Optional[int] = None, env: Optional[dict] = None, memory: int = MEMORY_LIMIT) -> Ran:
    """Run ``gongwen ARGS`` with at most ``memory`` bytes of address space and ``timeout`` seconds
    (a hang fails the test); as ``user``/``group`` when given (root only)."""

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    prefix = [] if user is None else as_user_prefix(user, user if group is None else group)
    try:
        proc = subprocess.run(prefix + gongwen_command() + [str(a) for a in args], cwd=cwd, preexec_fn=limit,
                              env=env if env is not None else gongwen_env(), stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"gongwen {' '.join(map(str, args))} still ran after {timeout} s: a hang") from None
    return Ran(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


def no_traceback(ran: Ran) -> None:
    assert "Traceback" not in ran.output and "Error:" not in ran.stderr.replace("错误", ""), ran.output


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A fresh folder every user may enter (pytest's own tmp_path lies in a folder only root may)."""
    folder = Path(tempfile.mkdtemp(prefix="gongwen-test-"))
    os.chmod(folder, 0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                os.chmod(path, 0o755)
        shutil.rmtree(folder, ignore_errors=True)


def refuse_listing(monkeypatch, forbidden: Path) -> None:
    """``os.scandir`` of ``forbidden`` fails as a folder without permission does (tests run as root)."""
    real = os.scandir

    def scandir(path="."):
        if os.path.abspath(os.fspath(path)) == str(forbidden):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
