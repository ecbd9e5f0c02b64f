"""The tables of a source as rows of cells, whatever it was written in (a shared analysis).

.docx: the tables of the body (a cell's paragraphs joined; a merged cell's columns left empty);
YAML content: every ``table:`` (its ``header`` and ``rows``, numbers included, which the text
view leaves out); .txt and .md: pipe tables (``| 镇 | 产量 |`` lines, the ``|---|`` line skipped).
Each cell keeps the paragraph and offset a finding on it points at.
"""

from __future__ import annotations

import re
from collections import namedtuple

from gongwen.draft.source import Para
from gongwen.lint.context import Context
from gongwen.spec import lazyre

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List


class Cell(namedtuple("Cell", "text para offset", defaults=(0,))):
    """``text``, ``para`` (a Para or None), ``offset``."""

    __slots__ = ()


class Table(namedtuple("Table", "header rows")):
    """``header`` (cells; [] when the first row is data) and ``rows`` (lists of cells)."""

    __slots__ = ()


def tables(ctx: Context) -> List[Table]:
    return ctx.shared("tables", _tables)


def _tables(ctx: Context) -> List[Table]:
    if ctx.format == "docx" and ctx.docx is not None:
        return _docx(ctx)
    if ctx.format == "yaml":
        return _yaml(ctx.yaml)
    return _pipes(ctx.paras)


def _split_header(rows: List[List[Cell]]) -> Table:
    """The first row is the header unless every cell of it is empty or a figure."""
    from gongwen.spec.tables import is_number

    if rows and any(c.text.strip() and not is_number(c.text) for c in rows[0]) and len(rows) > 1:
        return Table(rows[0], rows[1:])
    return Table([], rows)


def _docx(ctx: Context) -> List[Table]:
    from gongwen.ooxml.tables import body_tables

    if len(ctx.docx.elements) != len(ctx.paras):
        return []
    out = []
    for ref in body_tables(ctx.docx):
        rows = []
        for row in ref.rows:
            cells = []
            for cell in row:
                paras = [ctx.paras[i] for i in cell.paras]
                text = "".join(p.text[p.label_len:] for p in paras)
                cells.append(Cell(text, paras[0], paras[0].label_len) if paras else Cell("", None))
            rows.append(cells)
        if rows:
            out.append(_split_header(rows))
    return out


def _yaml(root) -> List[Table]:
    out: List[Table] = []
    stack = [root] if root is not None else []
    seen = 0
    while stack and seen < 100000:
        node = stack.pop()
        seen += 1
        if node.tag == "tag:yaml.org,2002:map":
            for key, value in node.value:
                if getattr(key, "value", None) == "table" and value.tag == "tag:yaml.org,2002:map":
                    out.append(_yaml_table(value))
                else:
                    stack.append(value)
        elif node.tag == "tag:yaml.org,2002:seq":
            stack.extend(reversed(node.value))
    return out


def _yaml_cell(node) -> Cell:
    if not hasattr(node, "start_mark") or not isinstance(node.value, str):
        return Cell("", None)
    mark = node.start_mark
    quoted = 1 if node.style in ("'", '"') else 0
    return Cell(node.value, Para(mark.line + 1, node.value, mark.column + 1 + quoted, kind="yaml:rows"))


def _yaml_table(node) -> Table:
    fields = {getattr(k, "value", None): v for k, v in node.value}
    header = fields.get("header")
    rows = fields.get("rows")
    head = [_yaml_cell(c) for c in header.value] if header is not None and header.tag.endswith("seq") else []
    body = [[_yaml_cell(c) for c in r.value] for r in (rows.value if rows is not None and rows.tag.endswith("seq")
                                                        else []) if r.tag.endswith("seq")]
    return Table(head, body)


_PIPE = lazyre.compile(r"^\s*\|.*\|\s*$")
_RULE = lazyre.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _pipes(paras: List[Para]) -> List[Table]:
    out: List[Table] = []
    rows: List[List[Cell]] = []
    for para in paras + [Para(0, "")]:
        if "|" in para.text and _PIPE.match(para.text):
            if not _RULE.match(para.text):
                rows.append(_pipe_row(para))
            continue
        if len(rows) > 1:
            out.append(_split_header(rows))
        rows = []
    return out


def _pipe_row(para: Para) -> List[Cell]:
    text = para.text
    bars = [m.start() for m in re.finditer(r"\|", text)]
    cells = []
    for a, b in zip(bars, bars[1:]):
        raw = text[a + 1:b]
        lead = len(raw) - len(raw.lstrip())
        cells.append(Cell(raw.strip(), para, a + 1 + lead))
    return cells
