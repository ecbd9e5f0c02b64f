#!/usr/bin/env python3
"""gongwen lint on the corpus of tests/lint/corpus (documents of every kind, .txt and .docx, faults
seeded line by line in faults.yaml): recall of the seeded fault lines, per family and per kind,
and the findings on lines without a fault.  A measure, not a speed benchmark;
tests/lint/test_corpus.py asserts recall ≥ 0.95 and no false error.

    .venv/bin/python bench/lint_corpus.py            # figures, misses, false errors
    .venv/bin/python bench/lint_corpus.py --warnings # and every warning on a clean line
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.lint.corpus import score as corpus  # noqa: E402


def table(title, groups):
    print(f"\n{title}")
    for name, (hit, seeded) in groups.items():
        print(f"  {name:<16} {hit:>3}/{seeded:<3} {hit / seeded:6.2f}")


def main(argv) -> int:
    result = corpus.score()
    manifest = corpus.load_manifest()
    clean = sum(not v for v in manifest.values())
    hit = sum(s.hit for s in result.seeds)
    errors = Counter(code for _, _, code, _ in result.false_errors)
    warnings = Counter(code for _, _, code, _ in result.false_warnings)
    print(f"corpus: {len(manifest)} documents ({sum(n.endswith('.docx') for n in manifest)} .docx, {clean} clean), "
          f"{len(result.seeds)} seeded fault lines")
    ok_recall = result.recall >= 0.95
    ok_errors = not result.false_errors
    print(f"{'recall of seeded fault lines':<44} {hit}/{len(result.seeds)} = {result.recall:.2f}  target ≥ 0.95 "
          f"{'PASS' if ok_recall else 'MISS'}")
    print(f"{'errors on lines without a fault':<44} {len(result.false_errors):>3}  target 0 "
          f"{'PASS' if ok_errors else 'MISS'}  {dict(sorted(errors.items()))}")
    print(f"{'warnings on lines without a fault':<44} {len(result.false_warnings):>3}  {dict(sorted(warnings.items()))}")
    table("recall per family (expected code)", result.by(lambda s: corpus.family_label(s.code)))
    table("recall per kind", result.by(lambda s: corpus.kind_of(s.file)))
    if result.misses:
        print("\nmisses (file:line expected — what [findings on the line])")
        for s in result.misses:
            print(f"  {s.file}:{s.line} {s.code} — {s.what} {s.found or ''}")
    if result.false_errors:
        print("\nfalse errors (file:line code message)")
        for name, line, code, message in result.false_errors:
            print(f"  {name}:{line} {code} {message}")
    if "--warnings" in argv and result.false_warnings:
        print("\nwarnings on lines without a fault")
        for name, line, code, message in result.false_warnings:
            print(f"  {name}:{line} {code} {message}")
    for problem in result.problems:
        print(f"unreadable: {problem}")
    return 0 if ok_recall and ok_errors and not result.problems else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
