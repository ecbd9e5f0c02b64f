#!/usr/bin/env python3
"""A template body's render per document: the program (builder/tagrender.py) against Jinja.

    python bench/bench_tagrender.py          # every content/*.yaml, best of 200 each

Each example is laid out once; ``Template._body`` is timed best-of-N with the
program and with every body forced through Jinja's sandbox (as before the
program), in the same process, and the outputs are compared.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from gongwen.builder import layout, render, tagrender  # noqa: E402
from gongwen.builder.pipeline import load_document, read_content  # noqa: E402
from gongwen.builder.templates import resolve_template  # noqa: E402
from gongwen.content.schema import TEMPLATE_OF  # noqa: E402

N = int(os.environ.get("BENCH_N", "200"))


def best(fn, n=N) -> float:
    low = float("inf")
    for _ in range(n):
        start = time.perf_counter()
        fn()
        low = min(low, time.perf_counter() - start)
    return low * 1000


def main() -> None:
    totals = [0.0, 0.0]
    examples = sorted((ROOT / "content").glob("*.yaml"))
    for example in examples:
        doc, house = load_document(example, read_content(example))
        tpl = render.load_template(resolve_template(doc.template or TEMPLATE_OF[doc.kind], example),
                                   house.face_map, house.page_numbers)
        paragraphs = layout.paragraphs(doc, level3=house.level3)
        ours = best(lambda: tpl._body(paragraphs))
        limit = tpl.budget(paragraphs)
        theirs = best(lambda: tpl._jinja_body(paragraphs, limit, time.monotonic()))
        assert tpl._body(paragraphs) == tpl._jinja_body(paragraphs, limit, time.monotonic()), example
        totals[0] += ours
        totals[1] += theirs
        print(f"{example.name:20s} {len(paragraphs):4d} paragraphs  program {ours:.3f} ms  Jinja {theirs:.3f} ms")
    n = len(examples)
    print(f"mean per document: program {totals[0] / n:.3f} ms, Jinja {totals[1] / n:.3f} ms "
          f"({tagrender.__name__} vs the sandbox)")


if __name__ == "__main__":
    main()
