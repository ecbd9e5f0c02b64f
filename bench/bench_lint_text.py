"""Lint about 1 MB of Chinese text in-process and print characters per second.

    python bench/bench_lint_text.py [--size 1000000] [--repeat 3]

The text is a real speech (the shared seed, or the example content when the
seed is absent) repeated, with faults left in, so every rule does real work.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from gongwen.settings import LintSettings

from gongwen.lint.registry import all_rules

from gongwen.lint.engine import lint_source

from gongwen.draft.source import source_from_text


def corpus(size: int) -> str:
    seed = ROOT.parent / "shared" / "examples" / "speech-seed.txt"
    if seed.exists():
        base = seed.read_text(encoding="utf-8")
    else:
        from gongwen.draft.yamlsource import yaml_source

        base = "\n".join(p.text for f in sorted((ROOT / "content").glob("*.yaml"))
                         for p in yaml_source(f.read_text(encoding="utf-8"), str(f)).paras) + "\n"
    out = []
    total = 0
    while total < size:
        out.append(base)
        total += len(base)
    return "".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of text (default 1 000 000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    args = parser.parse_args()
    text = corpus(args.size)
    rules = [r for r in all_rules(layout=False)]
    best = None
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        source = source_from_text(text, "bench.txt")
        findings = lint_source(source, LintSettings())
        elapsed = time.perf_counter() - t0
        best = elapsed if best is None else min(best, elapsed)
    print(f"文本 {len(text):,} 字符，{len(source.paras):,} 段，{len(rules)} 条文本规则，{len(findings):,} 处问题")
    print(f"用时 {best:.2f} 秒（{args.repeat} 次取最好）：{len(text) / best:,.0f} 字符/秒")


if __name__ == "__main__":
    main()
