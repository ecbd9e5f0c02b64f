"""Where ink is on a PDF page: rows of red or dark pixels, measured in millimetres from the paper's top.

Pages are rendered with poppler's ``pdftoppm`` (installed with LibreOffice's test set-up) into a
binary PPM, read here without any imaging library.  Positions are of ink, not of font boxes,
so they mean what a ruler on the printed page would say.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import List, Tuple

DPI = 200
MM_PER_PX = 25.4 / DPI


@dataclass
class Page:
    width: int
    height: int
    pixels: bytes  # RGB, row by row

    def rgb(self, x: int, y: int) -> Tuple[int, int, int]:
        i = (y * self.width + x) * 3
        return self.pixels[i], self.pixels[i + 1], self.pixels[i + 2]

    def rows(self, test) -> List[Tuple[int, int]]:
        """(row, count of pixels passing ``test``) for every row with any."""
        out = []
        w = self.width
        for y in range(self.height):
            base = y * w * 3
            row = self.pixels[base: base + w * 3]
            n = sum(1 for x in range(0, w * 3, 3) if test(row[x], row[x + 1], row[x + 2]))
            if n:
                out.append((y, n))
        return out


def red(r: int, g: int, b: int) -> bool:
    return r > 170 and g < 110 and b < 110


def dark(r: int, g: int, b: int) -> bool:
    return r < 110 and g < 110 and b < 110


def render(pdf: Path, page: int) -> Page:
    data = subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(DPI), str(pdf)],
                          check=True, capture_output=True, timeout=120).stdout
    # P6\n<w> <h>\n255\n<data>
    parts = data.split(b"\n", 3)
    width, height = (int(v) for v in parts[1].split())
    return Page(width, height, parts[3])


def mm(px: float) -> float:
    return px * MM_PER_PX


def lines(page: Page, test, min_mm: float) -> List[float]:
    """Rows (mm from the top) holding a run of at least ``min_mm`` of ink: drawn lines, merged when
    adjacent (a line a few pixels thick is one line, reported at its middle)."""
    need = min_mm / MM_PER_PX
    rows = [y for y, n in page.rows(test) if n >= need]
    out: List[List[int]] = []
    for y in rows:
        if out and y - out[-1][-1] <= 2:
            out[-1].append(y)
        else:
            out.append([y])
    return [mm(sum(group) / len(group)) for group in out]


def ink_top(page: Page, test, below_mm: float = 0, above_mm: float = 1e9) -> float:
    """The first row (mm) with ink of ``test`` between the two bounds."""
    for y, _ in page.rows(test):
        if below_mm <= mm(y) <= above_mm:
            return mm(y)
    raise AssertionError("no ink there")


def ink_bottom(page: Page, test, below_mm: float, above_mm: float) -> float:
    found = [mm(y) for y, _ in page.rows(test) if below_mm <= mm(y) <= above_mm]
    if not found:
        raise AssertionError("no ink there")
    return found[-1]


def page_count(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True, timeout=60).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))
