"""Real ``gongwen`` processes, bounded by a generous timeout and measured by memory, never by time.

A hang fails the test instead of hanging the run (the child is killed after
``timeout`` seconds); the child's own peak memory (``ru_maxrss`` from
``os.wait4``, not every child's so far) shows whether something was inflated.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from typing import NamedTuple, Optional, Sequence

from tests.paths import gongwen_env


class Finished(NamedTuple):
    returncode: int
    stdout: str
    stderr: str
    peak_mb: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def gongwen_command() -> list:
    """The installed ``gongwen`` script beside this Python, else ``python -m gongwen``."""
    exe = os.path.join(os.path.dirname(sys.executable), "gongwen")
    return [exe] if os.path.exists(exe) else [sys.executable, "-m", "gongwen"]


def run_measured(args: Sequence[str], *, cwd=None, timeout: float = 120,
                 env: Optional[dict] = None) -> Finished:
    """Run ``gongwen ARGS``; return its exit code, output and peak resident memory in MB."""
    proc = subprocess.Popen(gongwen_command() + [str(a) for a in args], cwd=cwd,
                            env=env if env is not None else gongwen_env(),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed = []

    def kill():
        killed.append(True)
        proc.kill()

    killer = threading.Timer(timeout, kill)
    killer.start()
    err = []
    drain = threading.Thread(target=lambda: err.append(proc.stderr.read()))
    drain.start()
    try:
        out = proc.stdout.read()
        drain.join()
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        killer.cancel()
        proc.stdout.close()
        proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert not killed, f"gongwen {' '.join(map(str, args))} still ran after {timeout} s: a hang"
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, kB on Linux
    return Finished(proc.returncode, out.decode("utf-8", "replace"), err[0].decode("utf-8", "replace"),
                    usage.ru_maxrss / scale)
