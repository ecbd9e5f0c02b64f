#!/usr/bin/env python3
"""The speed goals of round two, each against a peer measured in the same run.

    python bench/bench_goals.py                 # every figure
    python bench/bench_goals.py lint1 help one  # only some (names below)
    BENCH_BATCH=200 python bench/bench_goals.py batch   # the batch figure at 2,000 vs 200 documents

| name    | figure                                                           | goal   |
|---------|------------------------------------------------------------------|--------|
| lint1   | ``gongwen lint`` of 1 MB of Chinese text ÷ autocorrect-py (Rust)  | ≤ 0.8× |
| lint10  | the same at 10 MB                                                 | ≤ 0.8× |
| help    | ``gongwen lint --help`` ÷ ``python -c pass``                      | ≤ 2×   |
| one     | ``gongwen lint`` of a one-line .txt ÷ ``python -c pass``          | ≤ 3×   |
| docx    | ``gongwen lint`` of an 18-page .docx ÷ ``python -c "import docx; docx.Document(f)"`` | ≤ 1.0× |
| pandoc  | ``gongwen build speech.yaml`` ÷ ``pandoc speech.md -o speech.docx`` | ≤ 1.0× |
| batch   | per-document cost at 10,000 ÷ at 1,000 documents in one folder    | ≤ 1.1×, ≤ 2 ms CPU per document |
| jobs    | ``build -j 2`` ÷ ``build -j 1`` at 10 documents                   | ≤ 1.0× |

Every time figure is the median of paired ratios of interleaved whole-process
runs (common.py); the peak resident set of each side (``os.wait4``) is printed
beside it.  A figure whose peer is missing (autocorrect-py not installable,
no pandoc) is skipped with a line saying so: ``apt-get install -y pandoc``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from common import (CONTENT, GONGWEN, PYTHON, ROOT, Scratch, compile_all, figure, heading, info, interleave,
                    load_note, ratio, rounds, run_process)

PASS_CMD = [PYTHON, "-c", "pass"]


def show(t) -> None:
    for timing in t.values():
        info(timing.describe())


def rss_note(t, measured: str, peer: str) -> str:
    a, b = t[measured].rss_max, t[peer].rss_max
    return f"max RSS {a / 1024:.0f} MB vs {b / 1024:.0f} MB"


def compare(label: str, measured: str, peer: str, cases: dict, n: int, target: float, **kw) -> bool:
    t = interleave(cases, n, warmup=kw.pop("warmup", 1), **kw)
    show(t)
    r = ratio(t[measured], t[peer])
    return figure(label, r.paired_median, target, detail=f"{r}; {rss_note(t, measured, peer)}")


# --- lint vs autocorrect-py ------------------------------------------------------

def lint_text(tmp: Path, size: int, n: int) -> bool:
    import bench_autocorrect as ac

    heading(f"lint {size // 1_000_000} MB of Chinese text: gongwen lint vs autocorrect-py (Rust)")
    info(load_note())
    try:
        ac_python = str(ac.ensure_autocorrect())
    except (subprocess.CalledProcessError, OSError) as exc:
        info(f"SKIP: autocorrect-py could not be installed ({exc})")
        return True
    base = ac.base_text()
    base += "" if base.endswith("\n") else "\n"
    path = tmp / f"bench{size // 1_000_000}mb.txt"
    path.write_text(base * (size // len(base.encode("utf-8")) + 1), encoding="utf-8")
    info(f"{path.stat().st_size:,} bytes")
    peer, measured = "autocorrect-py lint_for", "gongwen lint"
    cases = {peer: [ac_python, "-c", ac.AUTOCORRECT_CLI, str(path)], measured: [GONGWEN, "lint", str(path)]}
    return compare(f"lint {size // 1_000_000} MB text / autocorrect-py", measured, peer, cases, n, 0.8,
                   ok_codes=(0, 1))


# --- start-up ----------------------------------------------------------------------

def lint_help(tmp: Path) -> bool:
    heading("gongwen lint --help vs python -c pass")
    info(load_note())
    cases = {"python -c pass": PASS_CMD, "gongwen lint --help": [GONGWEN, "lint", "--help"]}
    return compare("gongwen lint --help / python -c pass", "gongwen lint --help", "python -c pass", cases,
                   rounds(30), 2.0, warmup=3)


def lint_one_line(tmp: Path) -> bool:
    heading("lint a one-line .txt vs python -c pass")
    info(load_note())
    path = tmp / "one.txt"
    path.write_text("清河县人民政府关于做好2026年春季农业生产工作的通知\n", encoding="utf-8")
    cases = {"python -c pass": PASS_CMD, "gongwen lint one.txt": [GONGWEN, "lint", str(path)]}
    return compare("lint one-line .txt / python -c pass", "gongwen lint one.txt", "python -c pass", cases,
                   rounds(30), 3.0, warmup=3, ok_codes=(0, 1))


def lint_docx(tmp: Path) -> bool:
    import bench_lint_docx

    heading("lint an 18-page .docx vs opening it with python-docx")
    info(load_note())
    path = bench_lint_docx.make_document(tmp)
    peer, measured = "python-docx open", "gongwen lint 18-page .docx"
    cases = {peer: [PYTHON, "-c", "import sys, docx; docx.Document(sys.argv[1])", str(path)],
             measured: [GONGWEN, "lint", str(path)]}
    return compare("lint 18-page .docx / python-docx open", measured, peer, cases, rounds(20), 1.0,
                   warmup=2, ok_codes=(0, 1))


# --- build -------------------------------------------------------------------------

def speech_markdown(path: Path) -> None:
    """content/speech.yaml as Markdown: its title, headings and paragraphs."""
    sys.path.insert(0, str(ROOT / "src"))
    from gongwen.draft.yamlsource import yaml_source

    src = CONTENT / "speech.yaml"
    paras = yaml_source(src.read_text(encoding="utf-8"), str(src)).paras
    lines = []
    for i, p in enumerate(paras):
        text = p.text.strip()
        if text:
            lines.append(("# " if i == 0 else "") + text)
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")


def build_vs_pandoc(tmp: Path) -> bool:
    heading("build one document: gongwen build vs pandoc")
    info(load_note())
    pandoc = shutil.which("pandoc")
    if not pandoc:
        info("SKIP: pandoc not installed (apt-get install -y pandoc)")
        return True
    md = tmp / "speech.md"
    speech_markdown(md)
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    info(f"{version}; {md.stat().st_size:,} bytes of Markdown")
    peer, measured = "pandoc speech.md -o speech.docx", "gongwen build speech.yaml"
    cases = {peer: [pandoc, str(md), "-o", str(tmp / "pandoc.docx")],
             measured: [GONGWEN, "build", str(CONTENT / "speech.yaml"), "-o", str(tmp / "out-one")]}
    return compare("build one document / pandoc", measured, peer, cases, rounds(20), 1.0, warmup=2)


def make_batch(folder: Path, n: int) -> Path:
    content = folder / "content"
    content.mkdir(parents=True)
    sources = [(CONTENT / name).read_bytes() for name in ("speech.yaml", "report.yaml")]
    for i in range(n):
        (content / f"doc-{i:05d}.yaml").write_bytes(sources[i % 2])
    return content


def batch(tmp: Path) -> bool:
    small = int(os.environ.get("BENCH_BATCH", "1000"))
    big = small * 10
    heading(f"batch: per-document cost at {big:,} vs {small:,} documents in one folder (-j 1)")
    info(load_note())
    one = make_batch(tmp / "b1", 1)
    costs = {}
    for n in (small, big):
        content = make_batch(tmp / f"b{n}", n)
        out = tmp / f"out{n}"
        runs = []
        for _ in range(2):  # first into an empty folder, then over its own outputs
            shutil.rmtree(out, ignore_errors=True)
            r1 = run_process([GONGWEN, "build", str(one), "-o", str(tmp / "out-b1"), "-j", "1"])
            rn = run_process([GONGWEN, "build", str(content), "-o", str(out), "-j", "1"])
            runs.append(((rn.wall - r1.wall) / (n - 1), (rn.cpu - r1.cpu) / (n - 1), rn.rss))
        wall, cpu, rss = min(runs)
        costs[n] = (wall, cpu)
        info(f"{n:,} documents: {wall * 1000:.2f} ms wall, {cpu * 1000:.2f} ms CPU per extra document; "
             f"max RSS {rss / 1024:.0f} MB")
        shutil.rmtree(content.parent, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
    growth = costs[big][0] / costs[small][0]
    ok = figure(f"batch: per-document wall at {big:,} / at {small:,}", growth, 1.1)
    ok &= figure(f"batch: CPU per document at {big:,}", costs[big][1] * 1000, 2.0, unit="ms")
    return ok


def jobs(tmp: Path) -> bool:
    heading("-j 2 vs -j 1 at 10 documents")
    info(load_note())
    content = make_batch(tmp / "b10", 10)
    cases = {f"-j {j}": [GONGWEN, "build", str(content), "-o", str(tmp / f"out-j{j}"), "-j", str(j)]
             for j in (1, 2)}
    return compare("build 10 documents: -j 2 / -j 1", "-j 2", "-j 1", cases, rounds(15), 1.0)


FIGURES = {
    "lint1": lambda tmp: lint_text(tmp, 1_000_000, rounds(10)),
    "lint10": lambda tmp: lint_text(tmp, 10_000_000, rounds(3)),
    "help": lint_help,
    "one": lint_one_line,
    "docx": lint_docx,
    "pandoc": build_vs_pandoc,
    "batch": batch,
    "jobs": jobs,
}


def main(argv) -> int:
    wanted = [a for a in argv if not a.startswith("-")] or list(FIGURES)
    compile_all()
    ok = True
    with Scratch() as tmp:
        for name in wanted:
            ok &= FIGURES[name](tmp)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
