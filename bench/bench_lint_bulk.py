"""Lint long texts in process, repeating and not: per-run time, per-rule time, and a dump of the
findings to compare before/after a change.

    python bench/bench_lint_bulk.py [--size 1000000] [--repeat 3] [--rules] [--dump FILE]

Two texts of ``--size`` UTF-8 bytes: ``repeat`` is the speech seed repeated (as bench_goals.py's
lint figures); ``vary`` draws the paragraphs of the seed, the lint corpus's .txt documents and the
content examples, and rewrites the CJK characters of every copy through a rotating substitution
(structure, markers, digits and punctuation kept), so no paragraph text repeats across copies.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from gongwen.settings import LintSettings  # noqa: E402

from gongwen.lint.engine import lint_source  # noqa: E402

from gongwen.draft.source import source_from_text  # noqa: E402

SEED = ROOT.parent / "shared" / "examples" / "speech-seed.txt"
if not SEED.exists():
    SEED = Path("/work/shared/examples/speech-seed.txt")
#: Characters rewritten per copy: common content characters only (no markers, ordinals, units).
POOL = ("发展建设管理服务企业经济社会推进加强安全农业城市乡村教育科技创新生产质量环境保护资金项目"
        "市场政策改革开放文化卫生健康交通水利能源工业商贸旅游人才就业医疗养老住房土地资源生态")


def base_text() -> str:
    return SEED.read_text(encoding="utf-8")


def vary_base() -> list:
    from gongwen.draft.yamlsource import yaml_source

    paras = base_text().splitlines()
    for f in sorted((ROOT / "tests" / "lint" / "corpus").glob("*.txt")):
        raw = f.read_bytes()
        try:
            paras += raw.decode("utf-8-sig").splitlines()
        except UnicodeDecodeError:  # the corpus holds GB 18030 documents too
            paras += raw.decode("gb18030").splitlines()
    for f in sorted((ROOT / "content").glob("*.yaml")):
        paras += [p.text for p in yaml_source(f.read_text(encoding="utf-8"), str(f)).paras]
    return paras


def texts(size: int) -> dict:
    base = base_text()
    base += "" if base.endswith("\n") else "\n"
    repeat = base * (size // len(base.encode("utf-8")) + 1)
    paras = vary_base()
    out, total, k = [], 0, 0
    n = len(POOL)
    while total < size:
        shift = 1 + k % (n - 1)
        table = str.maketrans({c: POOL[(i * (k // (n - 1) + 1) + shift) % n] for i, c in enumerate(POOL)})
        block = "\n".join(paras).translate(table) + "\n"
        out.append(block)
        total += len(block.encode("utf-8"))
        k += 1
    return {"repeat": repeat, "vary": "".join(out)}


def per_rule(source) -> list:
    from gongwen.lint import engine
    from gongwen.lint.context import Context

    config = LintSettings()
    rules = engine.rules_to_run(source, config)
    ctx = Context(source, config)
    times = {}
    real = engine.run_rules

    def timed(ctx, rules, prefilter=True):
        for r in rules:
            t0 = time.process_time()
            found = list(real(ctx, [r], prefilter))
            times[r.code] = time.process_time() - t0
            yield from found

    engine.run_rules = timed
    try:
        lint_source(source, config, rules)
    finally:
        engine.run_rules = real
    return sorted(times.items(), key=lambda kv: -kv[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rules", action="store_true", help="print the time of each rule")
    parser.add_argument("--dump", help="write every finding of both texts to this file")
    parser.add_argument("--write", help="write the texts as FILE-repeat.txt and FILE-vary.txt")
    args = parser.parse_args()
    dump = []
    for name, text in texts(args.size).items():
        if args.write:
            Path(f"{args.write}-{name}.txt").write_text(text, encoding="utf-8")
        best = None
        for _ in range(args.repeat):
            t0 = time.process_time()  # CPU time: steadier than the wall clock on a shared machine
            source = source_from_text(text, f"{name}.txt")
            findings = lint_source(source, LintSettings())
            elapsed = time.process_time() - t0
            best = elapsed if best is None else min(best, elapsed)
        distinct = len({p.text for p in source.paras})
        print(f"{name}: {len(text.encode('utf-8')):,} bytes, {len(source.paras):,} paragraphs "
              f"({distinct:,} distinct), {len(findings):,} findings, best {best * 1000:.0f} ms CPU")
        if args.rules:
            for code, t in per_rule(source)[:25]:
                print(f"  {code} {t * 1000:7.1f} ms")
        if args.dump:
            dump += [f"{name} {f.line}:{f.column} {f.code} {f.severity} {f.message} "
                     f"{(f.fix.start, f.fix.end, f.fix.new) if f.fix else ''}" for f in findings]
    if args.dump:
        Path(args.dump).write_text("\n".join(dump) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
