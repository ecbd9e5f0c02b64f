"""How many pages a built document takes, estimated from its paragraphs.

The red-header family needs it for one decision: the 版记 goes at the bottom of the last page,
which must be an even page (GB/T 9704 7.4.1, 7.5).  Everything gongwen writes sits on the
28.95 pt grid with exact line heights, 28 characters of 三号 to a line, so a paragraph's height
is its line count times the pitch: a Chinese character or full-width mark takes one cell, a
Latin letter or digit half of one.  The layout keeps a line of room to spare
(:mod:`gongwen.builder.layout`), and the PDF test measures where the 版记 really lands.
"""

from __future__ import annotations

import math
from typing import Dict, Iterable, Tuple

from gongwen.builder.kinds import KINDS
from gongwen.draft.pagelines import cells  # noqa: F401  (one count of cells, shared with the widow estimate)
from gongwen.spec.gbt9704 import BODY_CHAR, CHARS_PER_LINE, LINE_PITCH, TEXT_HEIGHT, TEXT_WIDTH, TITLE_SIZE

#: Grid lines per page, as twips: the flow of one page.
PAGE_FLOW = TEXT_HEIGHT
#: Kinds that take no room in the flow (frames placed on the page), and kinds that start a page.
FLOATING = frozenset({"record", "printed", "lettermark", "letterline"})
NEW_PAGE = frozenset({"attachlabel", "pagebreak"})
#: Kinds whose height is given (``height``), or fixed.
FIXED = {"endnumbered": 20, "endunnumbered": 20, "recordline": 20}
#: Characters a line of each size holds.
TITLE_PER_LINE = TEXT_WIDTH // (TITLE_SIZE * 10)
_INDENT_CELLS = {k.name: (k.indent / BODY_CHAR if not k.ind else 0) for k in KINDS}


def height(para: Dict[str, str]) -> int:
    """Twips of flow ``para`` takes."""
    kind = para["kind"]
    if kind in FLOATING:
        return 0
    if kind in FIXED:
        return FIXED[kind]
    if "height" in para:
        return int(para["height"])
    if "flow" in para:  # a table: estimated by gongwen.builder.tables
        return int(para["flow"])
    text = "".join(para.get(k, "") for k in ("heading", "lead", "label", "text", "names"))
    if not text:
        return LINE_PITCH
    per_line = TITLE_PER_LINE if kind in ("title", "attachtitle") else CHARS_PER_LINE
    first = _INDENT_CELLS.get(kind, 2.0 if kind in ("article", "note") else 0.0)
    if "hanging" in para:  # wrapped lines start at ``left``; the first line at left - hanging
        first = (int(para["left"]) - int(para["hanging"])) / BODY_CHAR
        rest = per_line - int(para["left"]) / BODY_CHAR
        width = cells(text) + first
        lines = 1 if width <= per_line else 1 + math.ceil((width - per_line) / max(rest, 1))
        return lines * LINE_PITCH
    return max(1, math.ceil((cells(text) + first) / per_line)) * LINE_PITCH


def last_page(paras: Iterable[Dict[str, str]]) -> Tuple[int, int]:
    """(the page the flow ends on, twips of that page already used)."""
    page, used = 1, 0
    for para in paras:
        if para["kind"] in NEW_PAGE and (used or page > 1):
            page, used = page + 1, 0
        h = height(para)
        if used + h > PAGE_FLOW:
            lines_left = (PAGE_FLOW - used) // LINE_PITCH
            h_lines = h // LINE_PITCH
            if h_lines > 1 and lines_left > 0:  # a paragraph breaks across the page
                rest = h - lines_left * LINE_PITCH
                page += 1 + rest // PAGE_FLOW
                used = rest % PAGE_FLOW
                continue
            page, used = page + 1, 0
        used += h
    return page, used
