"""Tables of an old .docx → :class:`~gongwen.content.model.Table` (``- table:`` in the content).

The reader gives every paragraph of a table cell as a paragraph of its own (``where == "table"``);
here the paragraphs of each table of the body become one :class:`~gongwen.importer.read.Line`
that carries the table: the first row as header, the others as rows, a cell's paragraphs as its
lines.  A merged cell (``w:gridSpan``, ``w:vMerge``) keeps its text in its first column and leaves
the others empty, with a warning.  The caption above the table (``表1　……``) and the notes under
it (``注：`` ``资料来源：``) are what the recogniser calls them (:mod:`gongwen.draft.roles`): they
go into the table, and the importer skips their own lines.  A column whose cells are aligned
otherwise than gongwen would align them by their content keeps its alignment (``align``).
"""

from __future__ import annotations

from typing import Dict, List, Optional

from gongwen.builder.tables import text_of
from gongwen.content.model import Table
from gongwen.draft import roles as R
from gongwen.importer.read import Line
from gongwen.spec.tables import alignments


def collapse(source, lines: List[Line], warn) -> List[Line]:
    """``lines`` (one per paragraph of ``source``, a .docx) with each table of the body as one line."""
    from gongwen.ooxml.tables import body_tables

    parts = source.docx
    if parts is None or not any(ln.where == "table" for ln in lines) or len(lines) != len(parts.elements):
        return lines
    found = R.assign([R.Line(ln.text, where=ln.where if ln.where == "table" else "body", align=ln.align,
                             red=ln.red, look=ln.look) for ln in lines])
    out: List[Line] = []
    taken = set()
    for ref in body_tables(parts):
        if ref.nested:
            continue  # a table in a cell: its text is part of that cell
        members = [i for row in ref.rows for cell in row for i in cell.paras]
        if not members:
            continue
        first, last = min(members), max(members)
        table = _table(_cells(ref, lines, warn), lines)
        caption = first - 1
        if caption >= 0 and found[caption].kind == R.TABLE_CAPTION:
            table.caption = lines[caption].text.strip()
        note = last + 1
        while note < len(lines) and found[note].kind == R.TABLE_NOTE:
            table.notes.append(lines[note].text.strip())
            note += 1
        taken.update(range(first, last + 1))
        out.append((first, Line(lines[first].line, text_of(table), "table", table=table)))
    starts = dict(out)
    result = []
    for i, ln in enumerate(lines):
        if i in starts:
            result.append(starts[i])
        elif i not in taken:
            result.append(ln)
    return result


def _cells(ref, lines: List[Line], warn) -> List[List[tuple]]:
    """Rows of ``(text, paragraph indexes)`` (:func:`gongwen.ooxml.tables.body_tables`); a merged
    cell is warned about once."""
    rows = [[("\n".join(lines[i].text.strip() for i in cell.paras if lines[i].text.strip()), cell.paras)
             for cell in row] for row in ref.rows]
    if any(cell.merged for row in ref.rows for cell in row):
        first = next((p[0] for row in rows for _, p in row if p), None)
        warn(lines[first].line if first is not None else 0,
             "表格中有合并单元格：内容模型的表格不合并单元格，合并的文字放在第一格，其余为空格")
    return rows


def _table(rows: List[List[tuple]], lines: List[Line]) -> Table:
    texts = [[text for text, _ in row] for row in rows]
    header, body = (texts[0], texts[1:]) if len(texts) > 1 else ([], texts)
    columns = max(len(r) for r in texts) if texts else 0
    body = [r + [""] * (columns - len(r)) for r in body]
    table = Table(rows=body, header=header)
    seen = _seen_alignments(rows[1:] if header else rows, lines, columns)
    if seen != alignments(header, body) and all(a is not None for a in seen):
        table.align = seen
    return table


def _seen_alignments(rows: List[List[tuple]], lines: List[Line], columns: int) -> List[Optional[str]]:
    """Each column's alignment as most of its non-empty cells show it (``None``: nothing to go by)."""
    out: List[Optional[str]] = []
    for c in range(columns):
        votes: Dict[str, int] = {}
        for row in rows:
            if c < len(row) and row[c][0]:
                align = lines[row[c][1][0]].align or "left"
                votes[align] = votes.get(align, 0) + 1
        out.append(max(votes, key=votes.get) if votes else None)
    return out
