"""Model → numbered paragraphs: the only place that decides markers and order.

Each paragraph is a small dict with a ``kind`` (one example paragraph of that
kind exists in the template) and its text pieces, markers already in place.
Numbering restarts under each parent; writers never type a number.
"""

from __future__ import annotations

from typing import Dict, List

from gongwen.builder import tables, titles
from gongwen.spec.markers import format_marker, format_series
from gongwen.content.model import Document, Point, Section, Series

Para = Dict[str, str]

#: Punctuation that may end a run-in heading or an item lead as typed.
_ENDS = "。！？：；…"


def paragraphs(doc: Document, level3: str = ".") -> List[Para]:
    """A speech or a report as a flat list of paragraphs, in reading order (the red-header family:
    :func:`gongwen.builder.layout.paragraphs`, which calls this for those two kinds)."""
    out: List[Para] = [{"kind": "title", "text": line} for line in titles.lines(doc.title, doc.title_lines)]
    if doc.subtitle:
        out.append({"kind": "subtitle", "text": "——" + doc.subtitle})
    if doc.byline:
        out.append({"kind": "byline", "text": doc.byline})
    if doc.date and not doc.signature:
        out.append({"kind": "date", "text": f"（{doc.date}）"})
    out.append({"kind": "blank", "text": ""})
    if doc.salutation:
        out.append({"kind": "salutation", "text": doc.salutation})
    out.extend(body_paragraphs(doc.opening))
    for n, section in enumerate(doc.sections, 1):
        out.extend(section_paragraphs(section, n, level3))
    out.extend({"kind": "closing", "text": t} for t in doc.closing)
    return out


def body_paragraphs(blocks) -> List[Para]:
    """Body paragraphs, and the paragraphs of each table among them."""
    out: List[Para] = []
    for block in blocks:
        if isinstance(block, str):
            out.append({"kind": "body", "text": block})
        else:
            out.extend(tables.paragraphs(block))
    return out


def section_paragraphs(section: Section, n: int, level3: str) -> List[Para]:
    """Section ``n`` (``一、``) with everything under it."""
    out = [{"kind": "h1", "text": format_marker(1, n) + section.heading}]
    out.extend(body_paragraphs(section.paragraphs))
    out.extend(_series(section.series))
    out.extend(body_paragraphs(section.after))
    for i, point in enumerate(section.points, 1):
        out.extend(_point(point, 2, i, level3))
    return out


def _point(point: Point, level: int, n: int, level3: str) -> List[Para]:
    marker = format_marker(level, n, level3)
    if point.is_run_in:
        out = [{"kind": f"runin{level}", "heading": marker + _closed(point.heading),
                "text": point.text[0]}]
        out.extend(body_paragraphs(point.text[1:]))
    else:
        out = [{"kind": f"h{level}", "text": marker + point.heading}]
        out.extend(body_paragraphs(point.text))
    out.extend(_series(point.series))
    out.extend(body_paragraphs(point.after))
    for i, child in enumerate(point.points, 1):
        out.extend(_point(child, level + 1, i, level3))
    return out


def _series(series: Series) -> List[Para]:
    if not series:
        return []
    if series.inline:
        parts = []
        for i, item in enumerate(series.items, 1):
            text = item.text if not item.lead else (
                item.lead + ("" if not item.text or item.lead[-1] in _ENDS + "，" else "，") + item.text)
            parts.append(format_series(i, series.style) + text.rstrip("；;。"))
        return [{"kind": "body", "text": series.lead_in + "；".join(parts) + "。"}]
    out = []
    for i, item in enumerate(series.items, 1):
        opener = format_series(i, series.style)
        if item.lead:
            lead = opener + (_closed(item.lead) if item.text else item.lead)
            out.append({"kind": "item", "lead": lead, "text": item.text})
        else:
            out.append({"kind": "item", "lead": opener, "text": item.text})
    return out


def _closed(heading: str) -> str:
    """A run-in heading ends with 。 (GB/T 9704 practice) unless it ends with a mark already."""
    return heading if heading and heading[-1] in _ENDS else heading + "。"
