#!/usr/bin/env python3
"""``gongwen build``: one document, a batch of 40, and 1000 in parallel.

* one example (content/speech.yaml), whole process, against the floor set by
  gongwen's own dependencies: ``python -c "import docx, docxtpl, jinja2, click,
  yaml, lxml"`` (target ≤ 1.2×; an earlier target was ≤ 1.5×);
* 40 documents in one call: the cost of each extra document,
  ``(T40 − T1) / 39``, against one whole-process build ``T1`` (target ≤ 0.2×);
* 1000 documents with ``-j 2`` (when ``build`` has ``-j``): wall time
  (target: well under a minute — the figure is held to 30 s).

``--profile`` instead profiles one in-process batch with pyinstrument,
installed with ``pip install --target`` into a throwaway folder (never a
project dependency), and prints where the time goes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from common import (CONTENT, GONGWEN, PYTHON, Scratch, figure, heading, info, interleave, load_note,
                    ms, ratio, rounds, run_process)

FLOOR = [PYTHON, "-c", "import docx, docxtpl, jinja2, click, yaml, lxml"]
TARGET_ONE = 1.2
TARGET_ONE_ISSUE2 = 1.5
TARGET_EXTRA = 0.2
TARGET_1000 = 30.0  # seconds: "well under a minute"
EXAMPLE = CONTENT / "speech.yaml"


def has_jobs_option() -> bool:
    out = subprocess.run([GONGWEN, "build", "--help"], capture_output=True, text=True).stdout
    return "-j" in out.split() or "--jobs" in out


def make_batch(folder: Path, n: int, sources=(EXAMPLE,)) -> Path:
    """``folder/content`` holding ``n`` content files (copies of ``sources`` in turn)."""
    content = folder / "content"
    content.mkdir(parents=True)
    for i in range(n):
        src = sources[i % len(sources)]
        shutil.copyfile(src, content / f"{src.stem}-{i:04d}.yaml")
    return content


def bench_one(tmp: Path) -> bool:
    heading("build one example, whole process, vs the import floor")
    info(load_note())
    out = tmp / "out-one"
    cases = {
        "floor (import docx, docxtpl, jinja2, click, yaml, lxml)": FLOOR,
        "gongwen build content/speech.yaml": [GONGWEN, "build", str(EXAMPLE), "-o", str(out)],
    }
    t = interleave(cases, rounds(30), warmup=2)
    for timing in t.values():
        info(timing.describe())
    floor, build = t[list(cases)[0]], t[list(cases)[1]]
    r = ratio(build, floor)
    ok = figure("build speech.yaml / import floor", r.paired_median, TARGET_ONE, detail=str(r))
    info(f"(earlier target ≤ {TARGET_ONE_ISSUE2:.1f}×: {'PASS' if r.paired_median <= TARGET_ONE_ISSUE2 else 'MISS'})")
    return ok


def bench_batch(tmp: Path) -> bool:
    heading("batch: 40 documents in one call vs one whole-process build")
    info(load_note())
    content = make_batch(tmp / "batch40", 40, (CONTENT / "speech.yaml", CONTENT / "report.yaml"))
    single = tmp / "single" / "content"
    single.mkdir(parents=True)
    shutil.copyfile(EXAMPLE, single / "speech.yaml")
    cases = {
        "1 document": [GONGWEN, "build", str(single), "-o", str(tmp / "out1")],
        "40 documents": [GONGWEN, "build", str(content), "-o", str(tmp / "out40")],
    }
    t = interleave(cases, rounds(12), warmup=1)
    for timing in t.values():
        info(timing.describe())
    one, forty = t["1 document"], t["40 documents"]
    paired = sorted((f.wall - o.wall) / 39 / o.wall for f, o in zip(forty.runs, one.runs))
    extra = paired[len(paired) // 2]
    per_doc = (forty.median - one.median) / 39
    ok = figure("batch: each extra document / one build", extra, TARGET_EXTRA,
                detail=f"{ms(per_doc)} per extra document (median), one build {ms(one.median)}; "
                       f"min/min {(forty.min - one.min) / 39 / one.min:.2f}×")
    return ok


def bench_thousand(tmp: Path) -> bool:
    jobs = has_jobs_option()
    heading("1000 documents" + (" with -j 2" if jobs else " (build has no -j yet: one process)"))
    info(load_note())
    content = make_batch(tmp / "batch1000", 1000, (CONTENT / "speech.yaml", CONTENT / "report.yaml"))
    cmd = [GONGWEN, "build", str(content), "-o", str(tmp / "out1000")] + (["-j", "2"] if jobs else [])
    # Twice: the first writes new files, the second rebuilds over gongwen's own outputs.
    runs = [run_process(cmd) for _ in range(2)]
    best = min(r.wall for r in runs)
    built = sum(1 for _ in (tmp / "out1000").rglob("*.docx"))
    ok = figure("1000 documents" + (" -j 2" if jobs else " (no -j)"), best, TARGET_1000, unit="s",
                detail=f"runs {', '.join(ms(r.wall) for r in runs)}; cpu {', '.join(ms(r.cpu) for r in runs)};"
                       f" {built} files written",
                note="" if jobs else "-j not in build yet")
    return ok and built == 1000


# --- profile ---------------------------------------------------------------------

TOOLS = Path(os.environ.get("GONGWEN_BENCH_TOOLS", "/tmp/gongwen-bench-tools"))


def ensure_pyinstrument() -> Path:
    if not (TOOLS / "pyinstrument").is_dir():
        info(f"installing pyinstrument into {TOOLS} (bench only, not a project dependency)")
        subprocess.run([PYTHON, "-m", "pip", "install", "-q", "--target", str(TOOLS), "pyinstrument"],
                       check=True)
    return TOOLS


def stages(tmp: Path, n: int = 40) -> None:
    """In-process time of each stage of ``builder.pipeline.build_one``, per document, after warm-up."""
    sys.path.insert(0, str(CONTENT.parent / "src"))
    from gongwen import settings
    from gongwen.builder import numbering, render
    from gongwen.builder.templates import resolve_template
    from gongwen.content import loader

    heading(f"stages of one build, in process, mean of {n} documents after one warm-up")
    sources = [CONTENT / "speech.yaml", CONTENT / "report.yaml"]
    totals = dict.fromkeys(("read", "yaml compose + validate", "profile", "template (cached)",
                            "numbering", "render (jinja)", "write (zip + fsync + rename)"), 0.0)
    out = tmp / "out-stages"
    for i in range(n + 1):
        source = sources[i % 2]
        clock = [time.perf_counter()]

        def lap(name):
            now = time.perf_counter()
            if i:
                totals[name] += now - clock[0]
            clock[0] = now

        data = source.read_bytes(); lap("read")
        doc = loader.load(source); lap("yaml compose + validate")
        house = settings.house(source); lap("profile")
        tpl = render.load_template(resolve_template(doc.kind, source), house.face_map,
                                   house.page_numbers); lap("template (cached)")
        paras = numbering.paragraphs(doc, level3=house.level3); lap("numbering")
        parts = tpl.render(paras, doc.title, render.digest(data)); lap("render (jinja)")
        render.write_docx(parts, tpl.order, out / f"{source.stem}-{i}.docx"); lap("write (zip + fsync + rename)")
    whole = sum(totals.values())
    for name, seconds in totals.items():
        info(f"{name:<32} {seconds / n * 1000:6.2f} ms  {seconds / whole:5.0%}")
    info(f"{'total':<32} {whole / n * 1000:6.2f} ms")
    import yaml

    text = sources[0].read_text(encoding="utf-8")
    for name in ("SafeLoader", "CSafeLoader"):
        loader_cls = getattr(yaml, name, None)
        if loader_cls is None:
            info(f"yaml.{name}: not available (PyYAML built without libyaml)")
            continue
        start = time.perf_counter()
        for _ in range(20):
            yaml.compose(text, Loader=loader_cls)
        info(f"yaml.compose(speech.yaml, Loader={name}): {(time.perf_counter() - start) / 20 * 1000:.2f} ms")


def import_costs(top: int = 12) -> None:
    """The costliest imports of a whole-process build (``-X importtime``, cumulative µs)."""
    heading(f"imports of a whole-process build: the {top} costliest top-level modules (cumulative)")
    proc = subprocess.run([PYTHON, "-X", "importtime", GONGWEN, "build", str(EXAMPLE), "-o",
                           "/tmp/gongwen-bench-importtime"], capture_output=True, text=True)
    rows = []
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and line.startswith("import time:") and not parts[2].startswith("  "):
            try:
                rows.append((int(parts[1]), parts[2].strip()))
            except ValueError:
                pass
    for micro, name in sorted(rows, reverse=True)[:top]:
        info(f"{name:<28} {micro / 1000:6.1f} ms")
    shutil.rmtree("/tmp/gongwen-bench-importtime", ignore_errors=True)


def profile(tmp: Path, n: int = 40) -> None:
    """Profile a whole-process build of one document and a batch, and time each stage."""
    tools = ensure_pyinstrument()
    content = make_batch(tmp / "profile", n, (CONTENT / "speech.yaml", CONTENT / "report.yaml"))
    env = dict(os.environ, PYTHONPATH=str(tools))
    for label, target in (("one document", str(CONTENT / "speech.yaml")), (f"{n} documents", str(content))):
        heading(f"profile: build {label} (pyinstrument, whole process incl. imports)")
        report = tmp / "profile.txt"
        subprocess.run([PYTHON, "-m", "pyinstrument", "-i", "0.0005", "-o", str(report),
                        GONGWEN, "build", target, "-o", str(tmp / "out-profile")],
                       env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        lines = report.read_text(encoding="utf-8", errors="replace").splitlines()
        keep = int(os.environ.get("BENCH_PROFILE_LINES", "60"))
        print("\n".join(lines[:keep]))
    import_costs()
    stages(tmp, n)


def main(argv) -> int:
    with Scratch() as tmp:
        if "--profile" in argv:
            profile(tmp)
            return 0
        ok = bench_one(tmp)
        ok &= bench_batch(tmp)
        if "--no-1000" not in argv:
            ok &= bench_thousand(tmp)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
