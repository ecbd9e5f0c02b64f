"""After Jinja: grow each rendered example table into the document's table.

The template's ``table`` kind is an example table (:mod:`gongwen.builder.tablemaker`) whose header
cell holds a hidden run ``gw:table`` (:data:`gongwen.builder.tables.MARKER`).  For the N-th table
paragraph of the layout, the N-th such run is found; its table keeps its own properties, and its
rows are rebuilt from the layout's cells: the header row from the example's first row (its row
properties carry ``w:tblHeader``, repeated on every page), body rows from its second, each cell
with the example cell's properties and the layout's width, each paragraph with the example
paragraph's properties (so its style) and each run with the example run's properties.  A body
cell's paragraph is aligned as its column (figures right).  Text is set as element text, never
parsed: no writer's character can become markup.
"""

from __future__ import annotations

import copy
from typing import Dict, List, Optional

from gongwen.builder.tables import MARKER
from gongwen.errors import Place, TemplateError
from gongwen.ooxml.names import W, W_NS, XML_SPACE

_NS = {"w": W_NS}


def expand(root, paragraphs: List[Dict], path: str = "") -> None:
    """Rebuild, in ``root`` (the rendered body), every table of ``paragraphs``."""
    tables = [p for p in paragraphs if p.get("kind") == "table"]
    if not tables:
        return
    markers = [t for t in root.iterfind(".//w:tbl//w:r/w:t", _NS)
               if t.text == MARKER and t.getparent().find("w:rPr/w:vanish", _NS) is not None]
    if len(markers) != len(tables):
        raise TemplateError("模板的表格示例不完整：表头单元格里应有隐藏的 {{ p.table }}，"
                            "请从 gongwen templates copy 得到的模板中复制表格示例", Place(path))
    for t, para in zip(markers, tables):
        run = t.getparent()
        row = _up(run, "tr")
        table = _up(row, "tbl")
        run.getparent().remove(run)
        if table is not None and row is not None:
            _rebuild(table, row, para)


def _up(el, name: str):
    """The nearest ancestor ``w:name`` of ``el``, or None."""
    while el is not None and el.tag != W + name:
        el = el.getparent()
    return el


class _Example:
    """One example row: its row properties, its first cell's properties, the cell's paragraph
    properties and the properties of the paragraph's first text run."""

    def __init__(self, row):
        self.tr_pr = row.find("w:trPr", _NS)
        cell = row.find("w:tc", _NS)
        self.tc_pr = cell.find("w:tcPr", _NS) if cell is not None else None
        para = cell.find("w:p", _NS) if cell is not None else None
        self.p_pr = para.find("w:pPr", _NS) if para is not None else None
        self.r_pr = None
        for run in (para.iterfind("w:r", _NS) if para is not None else ()):
            if run.find("w:t", _NS) is not None:
                self.r_pr = run.find("w:rPr", _NS)
                break

    def row(self, cells: List[str], widths: List[int], align: Optional[List[str]]):
        from lxml import etree

        tr = etree.Element(W + "tr")
        if self.tr_pr is not None:
            tr.append(copy.deepcopy(self.tr_pr))
        for c, (text, width) in enumerate(zip(cells, widths)):
            tc = etree.SubElement(tr, W + "tc")
            tc_pr = copy.deepcopy(self.tc_pr) if self.tc_pr is not None else etree.Element(W + "tcPr")
            tc.append(tc_pr)
            tc_w = tc_pr.find("w:tcW", _NS)
            if tc_w is None:
                tc_w = etree.Element(W + "tcW")
                tc_pr.insert(0, tc_w)
            tc_w.set(W + "w", str(width))
            tc_w.set(W + "type", "dxa")
            for line in text.split("\n"):
                tc.append(self.paragraph(line, align[c] if align else None))
        return tr

    def paragraph(self, text: str, align: Optional[str]):
        from lxml import etree

        p = etree.Element(W + "p")
        p_pr = copy.deepcopy(self.p_pr) if self.p_pr is not None else None
        if align is not None:
            if p_pr is None:
                p_pr = etree.Element(W + "pPr")
            jc = p_pr.find("w:jc", _NS)
            if jc is None:
                jc = etree.Element(W + "jc")
                before = [p_pr.find(f"w:{n}", _NS) for n in ("textDirection", "textAlignment", "outlineLvl", "rPr",
                                                             "sectPr", "pPrChange")]
                anchor = next((b for b in before if b is not None), None)
                if anchor is not None:
                    anchor.addprevious(jc)
                else:
                    p_pr.append(jc)
            jc.set(W + "val", align)
        if p_pr is not None:
            p.append(p_pr)
        if text:
            r = etree.SubElement(p, W + "r")
            if self.r_pr is not None:
                r.append(copy.deepcopy(self.r_pr))
            t = etree.SubElement(r, W + "t")
            t.text = text
            if text != text.strip():
                t.set(XML_SPACE, "preserve")
        return p


def _rebuild(table, head_row, para: Dict) -> None:
    from lxml import etree

    rows = table.findall("w:tr", _NS)
    body_row = rows[rows.index(head_row) + 1] if rows.index(head_row) + 1 < len(rows) else head_row
    head, body = _Example(head_row), _Example(body_row)
    if body_row is head_row and body.tr_pr is not None:  # a one-row example: body rows do not repeat
        body.tr_pr = copy.deepcopy(body.tr_pr)
        for el in body.tr_pr.findall("w:tblHeader", _NS):
            body.tr_pr.remove(el)
    widths = [int(w) for w in para["widths"]]
    for row in rows:
        table.remove(row)
    grid = table.find("w:tblGrid", _NS)
    if grid is None:  # an office's example table may lack it (and its tblPr): the grid comes first then
        grid = etree.Element(W + "tblGrid")
        tbl_pr = table.find("w:tblPr", _NS)
        if tbl_pr is not None:
            tbl_pr.addnext(grid)
        else:
            table.insert(0, grid)
    for col in list(grid):
        grid.remove(col)
    for width in widths:
        etree.SubElement(grid, W + "gridCol").set(W + "w", str(width))
    tbl_w = table.find("w:tblPr/w:tblW", _NS)
    if tbl_w is not None:
        tbl_w.set(W + "w", str(sum(widths)))
        tbl_w.set(W + "type", "dxa")
    cells = para["cells"]
    start = int(para["head"])
    if start:
        table.append(head.row(cells[0], widths, None))
    for cells_of_row in cells[start:]:
        table.append(body.row(cells_of_row, widths, para["align"]))
