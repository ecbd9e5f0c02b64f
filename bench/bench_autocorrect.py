#!/usr/bin/env python3
"""Lint of 1 MB of Chinese text: ``gongwen lint`` against autocorrect-py.

autocorrect (https://github.com/huacnlee/autocorrect) is a Rust linter for
CJK text (spacing and punctuation); autocorrect-py is its Python binding.
It is installed **only here**, into a throwaway venv
(``$GONGWEN_BENCH_TOOLS/autocorrect-venv``, default under /tmp) — it is not a
project dependency.  The wheel has no command-line tool, so its side is
``python -c "autocorrect_py.lint_for(text, path)"``.

Both get the same file: the shared speech seed (or the example content),
repeated to 1 MB (UTF-8 bytes), as a .txt.  Two figures, both measured
interleaved in one run:

* whole process (what a person or a pre-commit hook waits for):
  ``gongwen lint bench.txt`` vs ``python -c "import autocorrect_py; …lint_for…"``;
* in process, interpreter start-up and imports excluded: the first
  ``lint_source(read_source(path))`` vs the first ``autocorrect_py.lint_for(text, path)``
  of a fresh process (best of several processes each).

Target: gongwen takes no more time than autocorrect-py (≤ 1.0×).
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

from common import (CONTENT, GONGWEN, PYTHON, ROOT, Scratch, compile_all, figure, heading, info, interleave, load_note,
                    ratio, rounds)

TARGET = 1.0
SIZE = 1_000_000  # bytes of UTF-8
TOOLS = Path(os.environ.get("GONGWEN_BENCH_TOOLS", "/tmp/gongwen-bench-tools"))
VENV = TOOLS / "autocorrect-venv"
VENV_PY = VENV / "bin" / "python"
SEED = ROOT.parent / "shared" / "examples" / "speech-seed.txt"

AUTOCORRECT_CLI = ("import sys, autocorrect_py as ac; "
                   "ac.lint_for(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1])")
#: One call per process: autocorrect's parser refuses to run again in the same process on this
#: text ("call limit reached"), so both sides time their first call after import (lazy set-up included).
AUTOCORRECT_INPROC = """
import sys, time, autocorrect_py as ac
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
t = time.perf_counter()
result = ac.lint_for(text, path)
print(time.perf_counter() - t, len(result.lines))
"""
GONGWEN_INPROC = """
import sys, time
from gongwen.draft.read import read_source
from gongwen.lint.engine import lint_source
path = sys.argv[1]
t = time.perf_counter()
found = len(lint_source(read_source(path)))
print(time.perf_counter() - t, found)
"""


def ensure_autocorrect() -> Path:
    if VENV_PY.exists() and subprocess.run([str(VENV_PY), "-c", "import autocorrect_py"],
                                           capture_output=True).returncode == 0:
        return VENV_PY
    info(f"installing autocorrect-py into {VENV} (bench only, not a project dependency)")
    venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    subprocess.run([str(VENV_PY), "-m", "pip", "install", "-q", "--disable-pip-version-check", "autocorrect-py"],
                   check=True)
    return VENV_PY


def base_text() -> str:
    if SEED.exists():
        return SEED.read_text(encoding="utf-8")
    sys.path.insert(0, str(ROOT / "src"))
    from gongwen.draft.yamlsource import yaml_source

    return "\n".join(p.text for f in sorted(CONTENT.glob("*.yaml"))
                     for p in yaml_source(f.read_text(encoding="utf-8"), str(f)).paras) + "\n"


def make_text(folder: Path) -> Path:
    base = base_text()
    if not base.endswith("\n"):
        base += "\n"
    unit = len(base.encode("utf-8"))
    path = folder / "bench.txt"
    path.write_text(base * (SIZE // unit + 1), encoding="utf-8")
    return path


def inprocess(python: str, script: str, path: Path) -> tuple:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run([python, "-c", script, str(path)], capture_output=True, text=True,
                         check=True, env=env).stdout.split()
    return float(out[0]), int(out[1])


def main() -> int:
    heading("lint 1 MB of text: gongwen lint vs autocorrect-py (Rust)")
    info(load_note())
    try:
        ac_python = str(ensure_autocorrect())
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"autocorrect-py could not be installed ({exc}); no figure", flush=True)
        return 1
    with Scratch() as tmp:
        path = make_text(tmp)
        chars = len(path.read_text(encoding="utf-8"))
        info(f"{path.stat().st_size:,} bytes, {chars:,} characters, "
             f"{path.read_text(encoding='utf-8').count(chr(10)):,} lines")
        compile_all()
        cases = {
            "autocorrect-py lint_for (whole process)": [ac_python, "-c", AUTOCORRECT_CLI, str(path)],
            "gongwen lint (whole process)": [GONGWEN, "lint", str(path)],
        }
        t = interleave(cases, rounds(10), warmup=1, ok_codes=(0, 1))
        for timing in t.values():
            info(timing.describe())
        r = ratio(t["gongwen lint (whole process)"], t["autocorrect-py lint_for (whole process)"])
        ok = figure("lint 1 MB: gongwen / autocorrect-py", r.paired_median, TARGET, detail=str(r))

        g_best, g_found, a_best, a_found = 1e9, 0, 1e9, 0
        for _ in range(rounds(6)):  # alternate, so both see the same load
            g, g_found = inprocess(PYTHON, GONGWEN_INPROC, path)
            a, a_found = inprocess(ac_python, AUTOCORRECT_INPROC, path)
            g_best, a_best = min(g_best, g), min(a_best, a)
        info(f"in process, start-up and imports excluded: gongwen {g_best * 1000:.0f} ms ({g_found:,} findings, "
             f"{chars / g_best / 1e6:.2f} M chars/s); autocorrect-py {a_best * 1000:.0f} ms "
             f"({a_found:,} lines reported, {chars / a_best / 1e6:.2f} M chars/s); "
             f"ratio {g_best / a_best:.2f}× (informative: the target is on the whole process)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
