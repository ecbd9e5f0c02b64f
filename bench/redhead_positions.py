#!/usr/bin/env python3
"""Where the red-header elements land on the page: every family example in content/ built,
rendered by LibreOffice and measured from the ink (tests/pdfink.py), in millimetres from the
paper's top.  A measure, not a speed benchmark; tests/builder/test_redhead_pdf.py asserts the
same figures within 1 mm.

    .venv/bin/python bench/redhead_positions.py

GB/T 9704: 标志 top 72 mm (37 + 35; 信函 30 mm), separator 4 mm under the 发文字号, 信函 double
line 4 mm under the 标志 and the bottom pair at 277 mm, the 版记's last line at 262 mm on an even page.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from gongwen.builder import pdf  # noqa: E402
from gongwen.builder.pipeline import build_one  # noqa: E402
from gongwen.content.loader import load  # noqa: E402
from gongwen.content.schema import FORMS  # noqa: E402
from tests import pdfink  # noqa: E402


def main() -> int:
    if pdf.find_soffice() is None:
        print("LibreOffice (soffice) is not installed: nothing to measure")
        return 1
    with tempfile.TemporaryDirectory() as work:
        sources = [p for p in sorted((ROOT / "content").glob("*.yaml")) if load(p).kind in FORMS]
        built = []
        for source in sources:
            assert build_one(source, Path(work) / f"{source.stem}.docx").ok
            built.append(Path(work) / f"{source.stem}.docx")
        pdf.convert(built, work)
        for source in sources:
            print(measure(Path(work) / f"{source.stem}.pdf", FORMS[load(source).kind].layout == "letter"))
    return 0


def measure(path: Path, letter: bool) -> str:
    first, pages = pdfink.render(path, 1), pdfink.page_count(path)
    red = pdfink.lines(first, pdfink.red, 100)
    top = pdfink.ink_top(first, pdfink.red)
    line = f"{path.stem:13s} pages {pages:2d}  标志 top {top:6.2f} mm  "
    if letter:
        under = red[0] - pdfink.ink_bottom(first, pdfink.red, top, red[0] - 0.5)
        return line + f"double line {under:.2f} mm under the 标志, bottom pair at {(red[-1] + red[-2]) / 2:.1f} mm"
    gap = red[0] - pdfink.ink_bottom(first, pdfink.dark, red[0] - 15, red[0] - 0.5)
    rules = pdfink.lines(pdfink.render(path, pages), pdfink.dark, 120)
    return line + f"separator {gap:.2f} mm under the 发文字号  版记 last line {rules[-1]:.2f} mm"


if __name__ == "__main__":
    sys.exit(main())
