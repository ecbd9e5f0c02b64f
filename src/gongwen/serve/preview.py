"""Content → what the browser draws: the paragraphs :mod:`gongwen.builder.layout` lays out, each
with its faces, sizes and indents from the template kinds, put on pages by the grid estimate of
:mod:`gongwen.builder.pages` (the one the 版记 placement uses), and the findings of the linter.

Pagination is decided here, not in the browser: the page a paragraph lands on is the same estimate
the build uses to put the 版记 on an even page, and a paragraph that runs over a page is split at
the line the grid says.  The browser only sets type (22 lines of 28 characters, by the CSS the page
computes from :mod:`gongwen.spec.gbt9704`).  No LibreOffice, no .docx: a few milliseconds.
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional

from gongwen.builder.pages import FLOATING, NEW_PAGE, PAGE_FLOW, TITLE_PER_LINE, cells, height
from gongwen.spec.gbt9704 import (BODY_SIZE, CHAR_SPACING, CHARS_PER_LINE, LINE_PITCH, LINES_PER_PAGE, MARGINS,
                                  A4, RED)

Para = Dict[str, object]
TEXT_FIELDS = ("heading", "lead", "label", "text", "names", "date")


def spec() -> dict:
    """The numbers the page's CSS is made of (points and millimetres)."""
    mm = 25.4 / 1440
    return {"page_w_mm": A4[0] * mm, "page_h_mm": A4[1] * mm,
            "margins_mm": {k: round(v * mm, 2) for k, v in MARGINS.items()},
            "body_pt": BODY_SIZE / 2, "line_pt": LINE_PITCH / 20, "spacing_pt": CHAR_SPACING / 20,
            "lines": LINES_PER_PAGE, "chars": CHARS_PER_LINE, "red": "#" + RED}


def _kinds() -> dict:
    from gongwen.builder.redhead import all_kinds

    return {k.name: k for k in all_kinds()}


_KINDS: Optional[dict] = None


def _number(value, para: dict, default: float = 0) -> float:
    """A kind's number, or the paragraph's own where the kind names a field (``{{ p.size }}``)."""
    if isinstance(value, str) and "p." in value:
        value = para.get(value.split("p.")[1].split()[0].rstrip("}"), default)
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def styled(para: dict) -> Para:
    """One laid-out paragraph as the browser draws it."""
    global _KINDS
    _KINDS = _KINDS or _kinds()
    kind = _KINDS.get(para["kind"])
    out: Para = {"k": para["kind"]}
    if kind is None:
        out["runs"] = [{"role": "body", "text": str(para.get("text", ""))}]
        return out
    runs = []
    for role, field in kind.runs:
        text = "\t" if field == "TAB" else str(para.get(field.split(".", 1)[1], ""))
        if text:
            runs.append({"role": role, "text": text})
    out["runs"] = runs
    align = kind.align if "p." not in kind.align else str(para.get("align", "center"))
    out["align"] = {"both": "justify"}.get(align, align)
    out["size"] = _number(kind.size, para, BODY_SIZE) / 2
    out["line"] = (None if kind.rule == "auto" else _number(kind.line, para, LINE_PITCH) / 20)
    out["indent"] = (kind.indent if not kind.ind else 0) / 20
    fixed = dict(re.findall(r'w:(left|right|hanging)="(\d+)"', kind.ind))  # a kind's own indents
    for side in ("left", "right", "hanging"):
        if side in para or side in fixed:
            out[side] = _number(para.get(side, fixed.get(side)), para) / 20
    if "side" in para:
        out["left"] = out["right"] = _number(para["side"], para) / 20
    if kind.color != "000000":
        out["color"] = "#" + kind.color
    if para["kind"] == "table":
        out.update(cells=para.get("cells", []), head=int(para.get("head", 0) or 0),
                   colalign=para.get("align", []), widths=para.get("widths", []))
    return out


def _split(para: dict, budget: float) -> Optional[List[dict]]:
    """``para`` cut after ``budget`` character cells (its text fields in order), or None."""
    pieces, used = [], 0.0
    first, second = dict(para), {"kind": para["kind"], "continued": "1"}
    for key in ("left", "right"):
        if key in para:
            second[key] = para[key]
    cut_done = False
    for field in TEXT_FIELDS:
        text = str(para.get(field, ""))
        if not text:
            continue
        if cut_done:
            second[field] = text
            first[field] = ""
            continue
        width = cells(text)
        if used + width <= budget:
            used += width
            continue
        n, w = 0, used
        while n < len(text) and w + cells(text[n]) <= budget:
            w += cells(text[n])
            n += 1
        first[field], second[field] = text[:n], text[n:]
        cut_done = True
        pieces.append(field)
    return [first, second] if cut_done else None


def paginate(paras: List[dict]) -> List[List[dict]]:
    """The paragraphs on pages: as :func:`gongwen.builder.pages.last_page` counts them, a paragraph
    that does not fit split at the grid line where the page ends."""
    pages: List[List[dict]] = [[]]
    used = 0
    todo = list(paras)
    while todo:
        para = todo.pop(0)
        if para["kind"] in NEW_PAGE and (used or len(pages) > 1):
            pages.append([])
            used = 0
        h = height(para) if para["kind"] not in FLOATING else 0
        if used + h > PAGE_FLOW:
            lines_left = (PAGE_FLOW - used) // LINE_PITCH
            if h // LINE_PITCH > 1 and lines_left > 0 and para["kind"] not in ("table",):
                per_line = TITLE_PER_LINE if para["kind"] in ("title", "attachtitle") else CHARS_PER_LINE
                indent = 0 if para.get("continued") else 2
                parts = _split(para, lines_left * per_line - indent)
                if parts:
                    pages[-1].append(parts[0])
                    pages.append([])
                    used = 0
                    todo.insert(0, parts[1])
                    continue
            pages.append([])
            used = 0
        pages[-1].append(para)
        used += h
    return pages


def preview(text: str, path: str) -> dict:
    """``{"pages": [[para…]…], "error": …}`` for ``text`` (a content file at ``path``)."""
    from gongwen.builder import layout
    from gongwen.builder.pipeline import load_document
    from gongwen.errors import ContentErrors, GongwenError

    try:
        doc, house = load_document(path, text.encode("utf-8"))
        paras = layout.paragraphs(doc, level3=house.level3)
    except ContentErrors as exc:
        return {"pages": [], "error": "；".join(str(e) for e in exc.errors[:3])}
    except GongwenError as exc:
        return {"pages": [], "error": str(exc)}
    pages = paginate(paras)
    return {"pages": [[_with_continued(p) for p in page] for page in pages], "error": ""}


def _with_continued(para: dict) -> Para:
    out = styled(para)
    if para.get("continued"):
        out["indent"] = 0
        out["continued"] = True
    return out


def findings(text: str, path: str) -> List[dict]:
    """The linter's findings for the content (loader faults included), as the page lists them."""
    from gongwen.lint.engine import lint_source
    from gongwen.lint.files import settings_for
    from gongwen.draft.yamlsource import yaml_source

    source = yaml_source(text, path)
    out = []
    for f in lint_source(source, settings_for(path)):
        out.append({"line": f.line, "column": f.column, "code": f.code, "severity": f.severity,
                    "message": f.message, "length": _length(f)})
    return out


def _length(f) -> int:
    if f.fix is not None:
        return max(1, f.fix.end - f.fix.start)
    return 1

