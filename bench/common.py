"""Timing helpers for gongwen's benches: whole processes, many rounds, interleaved.

Every figure is a *ratio* against a baseline measured in the same run, because
the machine is shared and absolute times drift.  The cases of one comparison
are run in the same loop, one after the other, the order rotated every round,
so that a burst of load from another process hits measured and baseline runs
alike.  Each round gives a paired ratio (measured ÷ baseline of that round);
the figure is the **median of the paired ratios**, and the ratio of the
minimum times is shown beside it (the best case on a quiet machine).

Each child process is reaped with ``os.wait4`` so its CPU time (user + system)
is recorded too: CPU time is much less sensitive to other processes than wall
time, and a large gap between the two says the machine was busy.

A bench prints figure lines through :func:`figure`; ``bench/run`` collects
every line carrying ``PASS`` or ``MISS`` into its summary.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Union

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
GONGWEN = str(VENV_BIN / "gongwen") if (VENV_BIN / "gongwen").exists() else shutil.which("gongwen") or "gongwen"
CONTENT = ROOT / "content"

#: Multiply every round count by this (``BENCH_SCALE=0.3 bench/run`` for a quick look).
SCALE = float(os.environ.get("BENCH_SCALE", "1"))

Command = Union[Sequence[str], Callable[[], None]]


def compile_all(*more: str) -> None:
    """Byte-compile gongwen and every package of the interpreters measured, as an install would.

    Where ``PYTHONDONTWRITEBYTECODE`` is set nothing is compiled on its own, and every
    whole-process run would time the compiler (python-docx, jinja2 and PyYAML uncompiled
    cost 100 ms and more per start).
    """
    for python in (PYTHON, *more):
        prefix = subprocess.run([python, "-c", "import sys; print(sys.prefix)"], capture_output=True,
                                text=True).stdout.strip()
        paths = [str(ROOT / "src" / "gongwen")] + ([prefix + "/lib"] if prefix and prefix != "/usr" else [])
        subprocess.run([python, "-m", "compileall", "-q", *paths], check=False, stdout=subprocess.DEVNULL)


def rounds(n: int) -> int:
    return max(3, int(round(n * SCALE)))


# --- one run -------------------------------------------------------------------


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # seconds, user + system of the child (and its children)
    rss: int = 0  # kB, the child's peak resident set (os.wait4's ru_maxrss); 0 in process


def run_process(cmd: Sequence[str], cwd: Optional[str] = None, env: Optional[dict] = None,
                ok_codes=(0,), stdin_data: Optional[bytes] = None) -> Run:
    """Run ``cmd`` to completion; its wall time and CPU time. Output is discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(list(cmd), cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE,
                            stdin=subprocess.PIPE if stdin_data is not None else subprocess.DEVNULL)
    if stdin_data is not None:
        proc.stdin.write(stdin_data)
        proc.stdin.close()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    if proc.returncode not in ok_codes:
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {proc.returncode}:\n"
                           f"{err.decode('utf-8', 'replace')[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def run_callable(fn: Callable[[], None]) -> Run:
    start_cpu = time.process_time()
    start = time.perf_counter()
    fn()
    return Run(time.perf_counter() - start, time.process_time() - start_cpu)


def run(cmd: Command, **kw) -> Run:
    return run_callable(cmd) if callable(cmd) else run_process(cmd, **kw)


# --- many runs, interleaved ----------------------------------------------------


@dataclass
class Timing:
    name: str
    runs: List[Run] = field(default_factory=list)

    @property
    def walls(self) -> List[float]:
        return [r.wall for r in self.runs]

    @property
    def cpus(self) -> List[float]:
        return [r.cpu for r in self.runs]

    @property
    def min(self) -> float:
        return min(self.walls)

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpus)

    @property
    def rss_max(self) -> int:
        return max((r.rss for r in self.runs), default=0)

    def describe(self) -> str:
        rss = f", max RSS {self.rss_max / 1024:.0f} MB" if self.rss_max else ""
        return (f"{self.name}: min {ms(self.min)}, median {ms(self.median)}, "
                f"cpu median {ms(self.cpu_median)}{rss} ({len(self.runs)} runs)")


def interleave(cases: Dict[str, Command], n_rounds: int, warmup: int = 1,
               before_each: Optional[Callable[[str], None]] = None, **kw) -> Dict[str, Timing]:
    """Run every case once per round, rotating the order each round.

    ``warmup`` rounds are run first and discarded (page cache, .pyc files).
    ``before_each(name)`` runs untimed before each timed run (e.g. to restore a file).
    """
    names = list(cases)
    out = {name: Timing(name) for name in names}
    for i in range(warmup + n_rounds):
        shift = i % len(names)
        for name in names[shift:] + names[:shift]:
            if before_each:
                before_each(name)
            r = run(cases[name], **kw)
            if i >= warmup:
                out[name].runs.append(r)
    return out


@dataclass
class Ratio:
    paired_median: float  # median over rounds of (measured / baseline), wall time
    of_minimums: float  # min(measured) / min(baseline), wall time
    cpu: float  # median(measured cpu) / median(baseline cpu)

    def __str__(self) -> str:
        return (f"{self.paired_median:.2f}× (paired median; min/min {self.of_minimums:.2f}×, "
                f"cpu {self.cpu:.2f}×)")


def ratio(measured: Timing, baseline: Timing) -> Ratio:
    paired = [m.wall / b.wall for m, b in zip(measured.runs, baseline.runs)]
    return Ratio(statistics.median(paired), measured.min / baseline.min,
                 measured.cpu_median / baseline.cpu_median)


# --- reporting -----------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def figure(label: str, value: float, target: float, unit: str = "×", detail: str = "",
           note: str = "") -> bool:
    """Print one figure against its target (``value ≤ target`` passes)."""
    ok = value <= target
    digits = 2
    while value != target and round(value, digits) == round(target, digits) and digits < 6:
        digits += 1  # a figure within rounding of its target shows enough digits to tell (1.3004×)
    shown = f"{value:.{digits}f}{unit}" if unit == "×" else f"{value:.1f} {unit}"
    shown_target = f"{target:.2f}{unit}" if unit == "×" else f"{target:g} {unit}"
    line = f"{label:<44} {shown:>9}  target ≤ {shown_target:<8} {'PASS' if ok else 'MISS'}"
    print(line + (f"   [{note}]" if note else ""), flush=True)
    if detail:
        print(f"    {detail}", flush=True)
    return ok


def info(text: str) -> None:
    print(f"    {text}", flush=True)


def heading(text: str) -> None:
    print(f"\n== {text} ==", flush=True)


def load_note() -> str:
    """One line on how busy the machine was (others share it)."""
    try:
        one, five, _ = os.getloadavg()
        return f"load average {one:.2f} / {five:.2f} on {os.cpu_count()} cores"
    except OSError:  # pragma: no cover
        return ""


class Scratch:
    """A temporary folder removed on exit."""

    def __enter__(self) -> Path:
        self.path = Path(tempfile.mkdtemp(prefix="gongwen-bench-"))
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)
