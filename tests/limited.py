"""A real ``gongwen`` process with a memory limit, a timeout and, optionally, another user.

Used by the tests of writing files (read-only files, full disks, other owners), where the
command runs as a writer would run it: a child process, its exit code and its messages.
"""

from __future__ import annotations

import os
import resource
import subprocess
from typing import NamedTuple, Optional, Sequence

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


def run_limited(args: Sequence, *, cwd=None, timeout: float = 120, user: Optional[int] = None,
                group: Optional[int] = None, env: Optional[dict] = None) -> Ran:
    """Run ``gongwen ARGS`` bounded in memory and time; as ``user``/``group`` when given (root only)."""

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        if group is not None:
            os.setgroups([])
            os.setgid(group)
        if user is not None:
            os.setuid(user)

    proc = subprocess.run(gongwen_command() + [str(a) for a in args], cwd=cwd, preexec_fn=limit,
                          env=env if env is not None else gongwen_env(), stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=timeout)
    return Ran(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


def no_traceback(ran: Ran) -> None:
    assert "Traceback" not in ran.output and "Error:" not in ran.stderr.replace("错误", ""), ran.output
