#!/usr/bin/env python3
"""Start-up: ``gongwen --version`` and ``gongwen --help`` against ``python -c pass``.

Target: at most 4× ``python -c pass``; both must stay free of
python-docx, lxml, docxtpl and jinja2 (checked here too, by ``-X importtime``).
"""

from __future__ import annotations

import subprocess
import sys

from common import GONGWEN, PYTHON, figure, heading, info, interleave, load_note, ratio, rounds

TARGET = 4.0
HEAVY = ("docx", "lxml", "docxtpl", "jinja2", "yaml")


def heavy_imports(args) -> list:
    """Top-level packages among HEAVY that ``gongwen ARGS`` imports."""
    proc = subprocess.run([PYTHON, "-X", "importtime", GONGWEN, *args], capture_output=True, text=True)
    found = set()
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        name = line.rsplit("|", 1)[-1].strip().split(".")[0]
        if name in HEAVY:
            found.add(name)
    return sorted(found)


def main() -> int:
    heading("start-up: gongwen --version / --help vs python -c pass")
    info(load_note())
    cases = {
        "python -c pass": [PYTHON, "-c", "pass"],
        "gongwen --version": [GONGWEN, "--version"],
        "gongwen --help": [GONGWEN, "--help"],
    }
    t = interleave(cases, rounds(40), warmup=3)
    for name in cases:
        info(t[name].describe())
    ok = True
    for name in ("gongwen --version", "gongwen --help"):
        r = ratio(t[name], t["python -c pass"])
        ok &= figure(f"{name} / python -c pass", r.paired_median, TARGET, detail=str(r))
        heavy = heavy_imports(name.split()[1:])
        info("heavy imports: " + (", ".join(heavy) if heavy else "none"))
        ok &= not heavy
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
