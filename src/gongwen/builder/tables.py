"""A table of the content (:class:`~gongwen.content.model.Table`) → paragraphs of the layout:
its caption (表题) on the grid, the table itself, its notes (注、资料来源) under it.

The table paragraph carries what :mod:`gongwen.builder.tablexml` needs to grow the template's
example table after Jinja: the cells (header row first), each column's alignment and width.
Widths are decided here, in twips, within the text block (156 mm): a column gets the width of
its longest cell line, a column of long text shares what the short ones leave, and the table
fills the text block.  ``flow`` is the table's estimated height, for the page count
(:mod:`gongwen.builder.pages`): cells are single-spaced, so a table leaves the 22-line grid.
"""

from __future__ import annotations

import math
from typing import Dict, List

from gongwen.builder.tablemaker import CELL_MARGIN, CELL_PAD
from gongwen.content.model import Table
from gongwen.spec.chars import is_wide
from gongwen.spec.gbt9704 import TABLE_SIZE, TEXT_WIDTH
from gongwen.spec.tables import alignments

#: What the table kind's hidden run says; :mod:`gongwen.builder.tablexml` looks for it.
MARKER = "gw:table"
#: Twips a wide character of a cell takes (四号, 14 pt); a single-spaced line of it (LibreOffice
#: and Word give 仿宋 about 1.3 times its size).
CELL_CHAR = TABLE_SIZE * 10
CELL_LINE = round(TABLE_SIZE * 10 * 1.3)
#: Narrowest column: two characters and the cell's margins.
MIN_COLUMN = 2 * CELL_CHAR + 2 * CELL_MARGIN


def paragraphs(table: Table) -> List[Dict]:
    """The caption, the table and its notes, as paragraphs of the layout."""
    out: List[Dict] = []
    if table.caption:
        out.append({"kind": "tablecaption", "text": table.caption})
    rows = ([list(table.header)] if table.header else []) + [list(r) for r in table.rows]
    columns = table.columns
    rows = [r + [""] * (columns - len(r)) for r in rows]
    widths = column_widths(rows, columns)
    out.append({"kind": "table", "table": MARKER, "cells": rows, "head": 1 if table.header else 0,
                "shown": text_of(table),
                "align": alignments(table.header, table.rows, table.align), "widths": widths,
                "flow": str(flow(rows, widths))})
    out.extend({"kind": "tablenote", "text": note} for note in table.notes)
    return out


def text_of(table: Table) -> str:
    """The table's cells as one line of text (a tab between cells), as the importer compares it."""
    rows = ([table.header] if table.header else []) + table.rows
    return "\t".join(cell.replace("\n", "") for row in rows for cell in row if cell)


def separated(paras: List[Dict]) -> List[Dict]:
    """``paras`` with an empty note after a table that another table, or the end, follows: Word
    joins two tables that touch, and a table may not end the document."""
    out: List[Dict] = []
    for i, para in enumerate(paras):
        out.append(para)
        if para["kind"] == "table" and (i + 1 == len(paras) or paras[i + 1]["kind"] == "table"):
            out.append({"kind": "tablenote", "text": ""})
    return out


def _width(text: str) -> int:
    """Twips the longest line of ``text`` takes in a cell."""
    return max((sum(CELL_CHAR if is_wide(c) else CELL_CHAR // 2 for c in line) for line in text.split("\n")),
               default=0)


def column_widths(rows: List[List[str]], columns: int) -> List[int]:
    """Each column's width in twips, adding up to the text block's width."""
    if columns == 0:
        return []
    natural = [max([MIN_COLUMN] + [_width(r[c]) + 2 * CELL_MARGIN + CELL_CHAR // 2 for r in rows])
               for c in range(columns)]
    fair = TEXT_WIDTH // columns
    if sum(natural) > TEXT_WIDTH:  # long text wraps: short columns keep their width, long ones share the rest
        short = [c for c in range(columns) if natural[c] <= fair]
        left = TEXT_WIDTH - sum(natural[c] for c in short)
        long_total = sum(natural[c] for c in range(columns) if c not in short) or 1
        natural = [natural[c] if c in short else max(MIN_COLUMN, natural[c] * left // long_total)
                   for c in range(columns)]
    scale = TEXT_WIDTH / sum(natural)
    widths = [int(w * scale) for w in natural]
    widths[-1] += TEXT_WIDTH - sum(widths)
    return widths


def flow(rows: List[List[str]], widths: List[int]) -> int:
    """Twips the table takes on the page: each row as high as its tallest cell."""
    total = 0
    for row in rows:
        lines = 1
        for text, width in zip(row, widths):
            room = max(width - 2 * CELL_MARGIN, CELL_CHAR)
            lines = max(lines, sum(max(1, math.ceil(_width(line) / room)) for line in text.split("\n")))
        total += lines * CELL_LINE + 2 * CELL_PAD + 20
    return total
