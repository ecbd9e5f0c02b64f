"""A real ``gongwen`` process under a memory limit and a timeout, for hostile inputs.

The child's address space is capped (``RLIMIT_AS``) so a defence that broke
ends in a MemoryError (a traceback, a non-zero exit) instead of taking the
machine; a hang is killed after ``timeout`` seconds and fails the test.
"""

from __future__ import annotations

from typing import Optional, Sequence

from tests.limited import Ran, run_limited

#: Enough for Python, lxml and a real document; far below what the hostile inputs took.
MEMORY_MB = 1024


def run_capped(args: Sequence[str], *, memory_mb: int = MEMORY_MB, timeout: float = 120,
               cwd=None, env: Optional[dict] = None) -> Ran:
    """Run ``gongwen ARGS`` with at most ``memory_mb`` of address space and ``timeout`` seconds."""
    return run_limited(args, memory=memory_mb * 1024 * 1024, timeout=timeout, cwd=cwd, env=env)


def assert_refused(ran: Ran, code: int, *words: str) -> None:
    """Exit ``code``, no traceback, and every word in the output."""
    assert ran.returncode == code, ran.output[-3000:]
    assert "Traceback" not in ran.output and "MemoryError" not in ran.output, ran.output[-3000:]
    for word in words:
        assert word in ran.output, (word, ran.output[-3000:])
