"""The tables of a .docx body as grids of cells, each cell naming the paragraphs it holds.

One walk for every reader of tables (the importer reads them back into content, lint checks their
合计 rows): ``parts.elements`` (filled by :func:`gongwen.ooxml.text.paragraph_texts`) gives each
paragraph its index, so a cell is a list of paragraph indexes.  A merged cell keeps its paragraphs
in its first column; the columns it spans (``w:gridSpan``) and the cells that continue a vertical
merge (``w:vMerge``) come as cells with no paragraphs and ``merged`` set.
"""

from __future__ import annotations

from typing import List, NamedTuple

from gongwen.ooxml.names import W

#: Most columns one cell may span (Word's limit is 63).
MAX_SPAN = 63


class CellRef(NamedTuple):
    paras: List[int]  # indexes into parts.elements, nested tables' paragraphs included
    merged: bool = False  # a column of a merged cell after its first, or a vertical merge's continuation


class TableRef(NamedTuple):
    rows: List[List[CellRef]]
    nested: bool  # inside another table's cell (its text is that cell's too)


def body_tables(parts) -> List[TableRef]:
    """Every table of the body, in document order."""
    if parts.body is None:
        return []
    index = {el: i for i, el in enumerate(parts.elements)}
    out = []
    for tbl in parts.body.iter(W + "tbl"):
        rows = []
        for tr in tbl.iterfind(W + "tr"):
            row: List[CellRef] = []
            for tc in tr.iterfind(W + "tc"):
                vmerge = tc.find(f"{W}tcPr/{W}vMerge")
                continued = vmerge is not None and vmerge.get(W + "val") in (None, "continue")
                row.append(CellRef([] if continued else [index[p] for p in tc.iter(W + "p") if p in index],
                                   continued))
                span = tc.find(f"{W}tcPr/{W}gridSpan")
                width = span.get(W + "val", "1") if span is not None else "1"
                row.extend([CellRef([], True)] * (min(int(width), MAX_SPAN) - 1 if width.isdigit() else 0))
            rows.append(row)
        out.append(TableRef(rows, _nested(tbl)))
    return out


def _nested(tbl) -> bool:
    parent = tbl.getparent()
    while parent is not None:
        if parent.tag == W + "tbl":
            return True
        parent = parent.getparent()
    return False
