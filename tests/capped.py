"""A real ``gongwen`` process under a memory limit and a timeout, for hostile inputs.

The child's address space is capped (``RLIMIT_AS``) so a defence that broke
ends in a MemoryError (a traceback, a non-zero exit) instead of taking the
machine; a hang is killed after ``timeout`` seconds and fails the test.
"""

from __future__ import annotations

import resource
import subprocess
from typing import NamedTuple, Optional, Sequence

from tests.paths import gongwen_env
from tests.processes import gongwen_command

#: Enough for Python, lxml and a real document; far below what the hostile inputs took.
MEMORY_MB = 1024


class Ran(NamedTuple):
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_capped(args: Sequence[str], *, memory_mb: int = MEMORY_MB, timeout: float = 120,
               cwd=None, env: Optional[dict] = None) -> Ran:
    """Run ``gongwen ARGS`` with at most ``memory_mb`` of address space and ``timeout`` seconds."""
    limit = memory_mb * 1024 * 1024

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    try:
        proc = subprocess.run(gongwen_command() + [str(a) for a in args], cwd=cwd, preexec_fn=cap,
                              env=env if env is not None else gongwen_env(), stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"gongwen {' '.join(map(str, args))} still ran after {timeout} s: a hang") from None
    return Ran(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


def assert_refused(ran: Ran, code: int, *words: str) -> None:
    """Exit ``code``, no traceback, and every word in the output."""
    assert ran.returncode == code, ran.output[-3000:]
    assert "Traceback" not in ran.output and "MemoryError" not in ran.output, ran.output[-3000:]
    for word in words:
        assert word in ran.output, (word, ran.output[-3000:])
