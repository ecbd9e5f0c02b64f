"""What a .docx draws besides text, read for the red-header rules: lines and where things sit.

A line across the page is made in one of four ways, and offices use all of them:

* a paragraph border (``w:pBdr``: ``top``, ``bottom``, ``between``), from the paragraph or its style;
* a table border (``w:tblBorders`` of the table or its style, ``w:tcBorders`` of a cell);
* a DrawingML shape (``wps:wsp``: a ``line`` or a very flat rectangle, ``a:ln`` with an ``a:srgbClr``);
* a VML shape (``v:line``, or a flat ``v:rect``/``v:shape``, with ``strokecolor``).

Colours are judged red as :meth:`Resolver.is_red` judges text.
Border widths are eighths of a point (``w:sz="8"`` = 1 pt ≈ 0.35 mm).

No lxml at module level: only elements the reader made are touched.
"""

from __future__ import annotations

import re

from gongwen.spec import lazyre
from typing import Dict, List, NamedTuple, Optional

from gongwen.lint.paraprops import _style_chain, para_style
from gongwen.ooxml.names import VAL, W
from gongwen.ooxml.styles import to_int

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
V = "{urn:schemas-microsoft-com:vml}"
O = "{urn:schemas-microsoft-com:office:office}"
EMU_PER_TWIP = 635

_NO_LINE = ("none", "nil")
#: Border styles drawn as two lines (the 信函格式's red double line).
_DOUBLE = lazyre.compile(r"double|thinThick|thickThin|triple", re.I)
_VML_NAMES = {"red": "FF0000", "black": "000000", "windowtext": "000000", "maroon": "800000"}


class Line(NamedTuple):
    """One line drawn: its width in eighths of a point (None when unknown), whether it is red
    (None when its colour cannot be read) and whether it is a double line."""

    sz: Optional[int]
    red: Optional[bool]
    double: bool = False


def red_hex(value: Optional[str]) -> Optional[bool]:
    """Is a ``RRGGBB`` colour red?  ``auto`` and a missing colour are black (False); None when unreadable."""
    if not value or value.lower() == "auto":
        return False
    value = value.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    if len(value) != 6:
        return None
    try:
        red, green, blue = (int(value[k:k + 2], 16) for k in (0, 2, 4))
    except ValueError:
        return None
    return red >= 0xB0 and green <= 0x60 and blue <= 0x60


def _vml_red(value: Optional[str]) -> Optional[bool]:
    if value is None:
        return False  # VML strokes default to black
    word = value.strip().split(" ")[0].lower()
    return red_hex(_VML_NAMES.get(word, word))


# --- borders -----------------------------------------------------------------------------


def border_line(el) -> Optional[Line]:
    """The line one border element (``w:top`` …) draws, or None for none."""
    if el is None or (el.get(VAL) or "none") in _NO_LINE:
        return None
    color = el.get(W + "color")
    red = red_hex(color) if color or not el.get(W + "themeColor") else None
    return Line(to_int(el.get(W + "sz"), 2), red, bool(_DOUBLE.search(el.get(VAL) or "")))


def _sides(holder, out: Dict[str, object]) -> None:
    if holder is not None:
        for side in holder:
            out[side.tag[len(W):]] = side


def para_borders(parts, el) -> Dict[str, Line]:
    """``{side: Line}`` of a paragraph's borders (``top``, ``bottom``, ``between`` …), the
    paragraph's own over its style chain's, side by side."""
    found: Dict[str, object] = {}
    for st in _style_chain(parts, para_style(el), "paragraph"):
        ppr = st.find(W + "pPr")
        _sides(None if ppr is None else ppr.find(W + "pBdr"), found)
    ppr = el.find(W + "pPr")
    _sides(None if ppr is None else ppr.find(W + "pBdr"), found)
    return {side: line for side, line in ((s, border_line(b)) for s, b in found.items()) if line is not None}


def table_borders(parts, tbl) -> Dict[str, Line]:
    """``{side: Line}`` of a table's own borders over its table style's."""
    found: Dict[str, object] = {}
    tblpr = tbl.find(W + "tblPr")
    style = None if tblpr is None else tblpr.find(W + "tblStyle")
    for st in _style_chain(parts, None if style is None else style.get(VAL), "table"):
        pr = st.find(W + "tblPr")
        _sides(None if pr is None else pr.find(W + "tblBorders"), found)
    _sides(None if tblpr is None else tblpr.find(W + "tblBorders"), found)
    return {side: line for side, line in ((s, border_line(b)) for s, b in found.items()) if line is not None}


def cell_borders(tc) -> Dict[str, Optional[Line]]:
    """``{side: Line or None}`` a cell sets itself (None: the cell switches that side off)."""
    tcpr = tc.find(W + "tcPr")
    holder = None if tcpr is None else tcpr.find(W + "tcBorders")
    out: Dict[str, Optional[Line]] = {}
    for side in holder if holder is not None else ():
        out[side.tag[len(W):]] = border_line(side)
    return out


def row_lines(parts, tbl, rows: list) -> List[List[Line]]:
    """The horizontal lines of ``rows`` of table ``tbl``: ``len(rows) + 1`` slots, above the first
    row, between rows, below the last; in each slot the heavier of the cell's and the table's."""
    table = table_borders(parts, tbl)
    all_rows = [r for r in tbl.iterfind(W + "tr")]
    slots: List[List[Line]] = []
    for k in range(len(rows) + 1):
        above = rows[k - 1] if k else None
        below = rows[k] if k < len(rows) else None
        candidates: List[Optional[Line]] = []
        for row, side in ((above, "bottom"), (below, "top")):
            if row is None:
                continue
            tc = row.find(W + "tc")
            own = cell_borders(tc) if tc is not None else {}
            if side in own:
                candidates.append(own[side])
                continue
            edge = (side == "top" and all_rows and row is all_rows[0]) or \
                (side == "bottom" and all_rows and row is all_rows[-1])
            candidates.append(table.get(side if edge else "insideH"))
        lines = [c for c in candidates if c is not None]
        slots.append([max(lines, key=lambda ln: ln.sz or 0)] if lines else [])
    return slots


# --- drawn shapes and pictures -----------------------------------------------------------


def _a_color(holder) -> Optional[bool]:
    """Red or not of an ``a:solidFill`` holder; None when not an sRGB colour."""
    fill = None if holder is None else holder.find(A + "solidFill")
    if fill is None:
        return None
    rgb = fill.find(A + "srgbClr")
    return red_hex(rgb.get("val")) if rgb is not None else None


def _drawing_lines(el, placed=None) -> List[Line]:
    """Lines drawn with DrawingML in ``el``; with ``placed`` (a list), also ``(relativeFrom, offset)``
    of each line's anchor there (``(None, 0)`` when its place is not read)."""
    out = []
    for sp in el.iter(WPS + "wsp"):
        before = len(out)
        sppr = sp.find(WPS + "spPr")
        if sppr is None:
            continue
        geom = sppr.find(A + "prstGeom")
        is_line = geom is not None and geom.get("prst") in ("line", "straightConnector1")
        ext = sppr.find(A + "xfrm/" + A + "ext")
        flat = ext is not None and to_int(ext.get("cy"), 1) <= 36000 and to_int(ext.get("cx"), 0) >= 1800000
        ln = sppr.find(A + "ln")
        if is_line:
            if ln is None:
                out.append(Line(None, None))  # the theme's line: colour unknown
            elif ln.find(A + "noFill") is None:
                width = to_int(ln.get("w"))
                out.append(Line(None if width is None else round(width / 1587.5), _a_color(ln),
                                (ln.get("cmpd") or "sng") != "sng"))
        elif flat:  # a bar as thin as a line: its fill (or its outline) is the colour
            fill = _a_color(sppr)
            out.append(Line(None, fill if fill is not None else (None if ln is None else _a_color(ln))))
        if placed is not None and len(out) > before:
            placed.append(_place(sp))
    return out


def _place(sp) -> tuple:
    anchor = sp.getparent()
    while anchor is not None and anchor.tag != WP + "anchor":
        anchor = anchor.getparent()
    pos = None if anchor is None else anchor.find(WP + "positionV")
    offset = None if pos is None else pos.find(WP + "posOffset")
    if offset is None:
        return None, 0
    return pos.get("relativeFrom"), to_int(offset.text, 0)


def placed_lines(el) -> Optional[List[tuple]]:
    """``(relativeFrom, offset in EMU, Line)`` of each DrawingML line in ``el``; None when a line
    is drawn otherwise (VML), or a picture may hold one."""
    if _vml_lines(el) or has_picture(el):
        return None
    places: list = []
    lines = _drawing_lines(el, places)
    return [(rel, off, line) for (rel, off), line in zip(places, lines)]


_HEIGHT = lazyre.compile(r"(?:^|;)\s*height\s*:\s*([0-9.]+)\s*(pt|px|in|mm|cm)?", re.I)


def _vml_lines(el) -> List[Line]:
    out = []
    for shape in el.iter(V + "line", V + "rect", V + "shape"):
        if shape.tag != V + "line":
            m = _HEIGHT.search(shape.get("style") or "")
            flat = m is not None and float(m.group(1)) * {"pt": 1, "px": 0.75, "in": 72, "mm": 2.835,
                                                             "cm": 28.35}.get((m.group(2) or "pt").lower(), 1) <= 3
            if not (flat or shape.get(O + "connectortype") == "straight"):
                continue
            if flat and shape.get("filled", "t") not in ("f", "false"):
                out.append(Line(None, _vml_red(shape.get("fillcolor") or "white")))
                continue
        if shape.get("stroked", "t") in ("f", "false"):
            continue
        stroke = shape.find(V + "stroke")
        color = shape.get("strokecolor")
        style = ""
        if stroke is not None:
            color = stroke.get("color") or color
            style = stroke.get("linestyle") or ""
        out.append(Line(None, _vml_red(color), bool(_DOUBLE.search(style))))
    return out


def drawn_lines(el) -> List[Line]:
    """Lines drawn as shapes anchored in paragraph ``el`` (DrawingML and VML)."""
    return _drawing_lines(el) + _vml_lines(el)


def has_picture(el) -> bool:
    """Does paragraph ``el`` hold a picture (its colours cannot be read)?"""
    return next(el.iter(PIC + "pic", V + "imagedata"), None) is not None
