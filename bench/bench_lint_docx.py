#!/usr/bin/env python3
"""``gongwen lint`` of an 18-page .docx, whole process, against opening it with python-docx.

The document is made here: content/speech.yaml with its sections written
twice, built by ``gongwen build`` (18 pages in LibreOffice; the page count is
checked with ``soffice`` + ``pdfinfo`` when both are installed).  The baseline
is ``python -c "import docx; docx.Document(f)"`` on the same file; the target
is ≤ 1.3× (an earlier target was ≤ 1.6×).

Before timing, ``src/gongwen`` is byte-compiled: an installed package has its
``.pyc`` files (pip writes them), and so does python-docx here; a checkout run
with ``PYTHONDONTWRITEBYTECODE`` would otherwise recompile gongwen on every
run and measure the compiler.

``--profile`` prints where one lint spends its time instead: ``-X importtime``
(largest imports) and cProfile of the in-process work.
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from common import (CONTENT, GONGWEN, PYTHON, ROOT, Scratch, compile_all, figure, heading, info, interleave, load_note,
                    ratio, rounds)

TARGET = 1.3
TARGET_ISSUE3 = 1.6
PAGES = 18


LIBRARY = ("import sys; from gongwen.draft.read import read_source; from gongwen.lint.engine import lint_source; "
           "sys.exit(1 if lint_source(read_source(sys.argv[1])) else 0)")


def lint_command(path: Path) -> list:
    """``gongwen lint FILE`` when the lint command is there, else the same work via the library."""
    if (ROOT / "src" / "gongwen" / "lint" / "cli.py").exists():
        return [GONGWEN, "lint", str(path)]
    return [PYTHON, "-c", LIBRARY, str(path)]


def make_document(folder: Path) -> Path:
    """An 18-page speech: content/speech.yaml with its sections twice, built by gongwen."""
    import yaml

    data = yaml.safe_load((CONTENT / "speech.yaml").read_text(encoding="utf-8"))
    data["sections"] = [copy.deepcopy(s) for _ in range(2) for s in data["sections"]]
    content = folder / "speech18.yaml"
    content.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    subprocess.run([GONGWEN, "build", str(content), "-o", str(folder)], check=True,
                   stdout=subprocess.DEVNULL)
    return folder / "speech18.docx"


def count_pages(path: Path) -> str:
    soffice, pdfinfo = shutil.which("soffice"), shutil.which("pdfinfo")
    if not (soffice and pdfinfo):
        return "not checked (needs soffice and pdfinfo)"
    out = path.parent / "pdf"
    env = dict(os.environ, HOME=str(path.parent))  # a private LibreOffice profile
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(path)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, timeout=180, check=False)
    pdf = out / (path.stem + ".pdf")
    if not pdf.exists():
        return "not checked (conversion failed)"
    text = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True).stdout
    for line in text.splitlines():
        if line.startswith("Pages:"):
            return f"{line.split()[1]} pages in LibreOffice"
    return "unknown"


def in_process(path: Path) -> None:
    """Where the time goes inside one lint (after imports), for the record."""
    sys.path.insert(0, str(ROOT / "src"))
    from gongwen.lint.engine import lint_source, rules_for
    from gongwen.draft.read import read_source

    source = read_source(str(path))
    rules = rules_for(source)
    layout = [r for r in rules if r.code.startswith("GW8")]
    text = [r for r in rules if not r.code.startswith("GW8")]
    best = {"read": 1e9, "layout rules": 1e9, "text rules": 1e9}
    for _ in range(10):
        t0 = time.perf_counter()
        source = read_source(str(path))
        t1 = time.perf_counter()
        lint_source(source, rules=layout)
        t2 = time.perf_counter()
        lint_source(source, rules=text)
        t3 = time.perf_counter()
        for name, value in (("read", t1 - t0), ("layout rules", t2 - t1), ("text rules", t3 - t2)):
            best[name] = min(best[name], value)
    chars = sum(len(p.text) for p in source.paras)
    info("in process (best of 10): " + ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in best.items())
         + f"; {len(source.paras)} paragraphs, {chars} characters")


def profile(path: Path) -> None:
    heading("profile: imports of one lint (-X importtime, largest cumulative)")
    cmd = lint_command(path)
    if cmd[0] == GONGWEN:
        cmd = [PYTHON, "-X", "importtime", GONGWEN] + cmd[1:]
    else:
        cmd = [PYTHON, "-X", "importtime"] + cmd[1:]
    err = subprocess.run(cmd, capture_output=True, text=True).stderr
    rows = []
    for line in err.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cum, name = line[len("import time:"):].split("|")
            if cum.strip().isdigit():
                rows.append((int(cum), name.rstrip()))
    for cum, name in sorted(rows, reverse=True)[:20]:
        info(f"{cum / 1000:7.1f} ms  {name}")
    heading("profile: in-process work (cProfile, top 25 by own time)")
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT / "src"))
    from gongwen.lint.engine import lint_source
    from gongwen.draft.read import read_source

    lint_source(read_source(str(path)))  # imports and caches out of the way
    prof = cProfile.Profile()
    prof.enable()
    lint_source(read_source(str(path)))
    prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(25)


def main() -> int:
    compile_all()
    with Scratch() as tmp:
        path = make_document(tmp)
        if "--profile" in sys.argv:
            profile(path)
            return 0
        heading(f"lint an {PAGES}-page .docx, whole process, vs opening it with python-docx")
        info(f"{path.name}: {path.stat().st_size // 1024} KB, {count_pages(path)}")
        info(load_note())
        cases = {
            'python -c "import docx; docx.Document(f)"': [PYTHON, "-c", "import sys, docx; docx.Document(sys.argv[1])",
                                                         str(path)],
            "gongwen lint f": lint_command(path),
            "library only (read_source + lint_source)": [PYTHON, "-c", LIBRARY, str(path)],
        }
        t = interleave(cases, rounds(30), warmup=2, ok_codes=(0, 1))
        for timing in t.values():
            info(timing.describe())
        base, lint, library = (t[name] for name in cases)
        r = ratio(lint, base)
        ok = figure(f"lint {PAGES}-page .docx / python-docx open", r.paired_median, TARGET, detail=str(r))
        info(f"(earlier target ≤ {TARGET_ISSUE3:.1f}×: {'PASS' if r.paired_median <= TARGET_ISSUE3 else 'MISS'})")
        info(f"the same work without the command line (no click, no output): {ratio(library, base)}")
        in_process(path)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
