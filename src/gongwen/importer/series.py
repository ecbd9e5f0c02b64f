"""The ``一是…二是…`` series of an imported part: one paragraph per item, or inline, and the
paragraphs after it (``after``).  Mixed into the importer (:mod:`gongwen.importer.outline`):
``self`` has ``warn``; a ``box`` is the open section or point with its ``body`` paragraphs.
"""

from __future__ import annotations

from typing import List

from gongwen.content.model import Document, Item, Section, Series
from gongwen.draft import roles as R
from gongwen.importer.probe import item_of, renders, series_doc
from gongwen.importer.read import Line
from gongwen.spec.chars import PLACEHOLDER
from gongwen.spec.markers import find_series, format_series, series_at_start
from gongwen.spec.record import dataclass, field


@dataclass
class Box:
    """An open container while building: the opening (level 0), a section or a point."""

    level: int
    node: object  # None (opening) | Section | Point
    body: List[str]
    series_lines: List[Line] = field(default_factory=list)
    after_lines: List[Line] = field(default_factory=list)  # paragraphs after the series (``after``)
    standalone: bool = False  # a point whose heading stands on its own line
    typed: int = -1  # the level its marker was typed at (-1: same as ``level``)

    def __post_init__(self):
        if self.typed < 0:
            self.typed = self.level


def series_style(mark) -> bool:
    """The series styles the model has: ``一是`` and ``第一，`` (with its comma)."""
    if mark.style == "一是":
        return True
    return mark.style == "第一" and bool(mark.sep) and mark.sep in "，,、：:"


def series_at(ln: Line) -> bool:
    """Does ``ln`` open with a series opener the model has?"""
    mark = series_at_start(ln.text)
    return mark is not None and series_style(mark)


def after_comes_back(series: Series, text: str) -> bool:
    """Does the numberer write ``text`` back as a paragraph after ``series`` (``after``)?"""
    probe = Document(kind="speech", title="x", sections=[Section(heading="x", series=series, after=[text])])
    return renders(probe, text)


class SeriesImport:
    """Series, inline series and the paragraphs after them, for :class:`~gongwen.importer.outline._Importer`."""

    def inline(self, ln: Line, box: Box) -> bool:
        """``主要有：一是…；二是…；三是…。`` as one paragraph: an inline series."""
        text = ln.text
        marks = [m for m in find_series(text) if series_style(m)]
        if len(marks) < 2 or len({m.style for m in marks}) > 1:
            return False
        if [m.number for m in marks] != list(range(1, len(marks) + 1)):
            return False
        ends = [m.start for m in marks[1:]] + [len(text)]
        items = [text[m.end:e].strip().rstrip("；;。").strip() for m, e in zip(marks, ends)]
        if not all(items) or any(R.typed_marker(t) for t in items):
            return False
        series = Series(items=[Item(text=t) for t in items], inline=True, style=marks[0].style,
                        lead_in=text[:marks[0].start].strip())
        if not renders(series_doc(series), text):
            return False
        if box.node.series is not None:
            self.demote(box, ln)
        box.node.series = series
        box.series_lines = [ln]
        return True

    def item(self, ln: Line, mark, box: Box) -> None:
        """One paragraph of a ``一是…`` / ``第一，…`` series.  A paragraph that holds the next items too
        (``一是……。二是……。``: not the ``；`` of an inline series) is kept as a paragraph."""
        style = mark.style
        later = [m for m in find_series(ln.text) if m.start > mark.start and m.style == style and series_style(m)]
        if later:
            self.warn(ln.line, f"这一段里有“{mark.raw}……{later[0].raw}……”几项，但各项之间不是用“；”分隔，"
                               "内容模型无法表达，按原文作为段落保留（序号不会自动重排）；"
                               "可改为每项一段，或各项之间用“；”")
            self.text(ln, box)
            return
        series = box.node.series
        if series is not None and (series.inline or series.style != style or mark.number == 1 or box.after_lines):
            self.demote(box, ln)
            series = None
        if series is None:
            series = box.node.series = Series(style=style)
            box.series_lines = []
        n = len(series.items) + 1
        canonical = format_series(n, style)
        if mark.number != n:
            what = "无法识别" if mark.number is None else "不连续"
            self.warn(ln.line, f"系列序号{what}：此处应为“{canonical}”，原文为“{mark.raw}”（生成时自动重排）")
        elif mark.raw != canonical:
            self.warn(ln.line, f"“{mark.raw}”写法不规范，生成时写作“{canonical}”")
        rest = ln.text[mark.end:].strip()
        if not rest:
            self.warn(ln.line, f"“{mark.raw}”后没有内容，已填入“{PLACEHOLDER}”")
            rest = PLACEHOLDER
        if R.typed_marker(rest):
            self.warn(ln.line, f"“{mark.raw}”之后又有序号“{R.typed_marker(rest)}”，按原文保留")
        series.items.append(item_of(rest, style))
        box.series_lines.append(ln)

    def text(self, ln: Line, box: Box) -> None:
        """A paragraph of running text; after a series it goes to ``after`` when the numberer
        writes it back there, else the series is kept as plain text."""
        block = ln.table if ln.table is not None else ln.text
        if box.level > 0 and box.node.series is not None:
            if ln.table is not None or after_comes_back(box.node.series, ln.text):
                box.after_lines.append(ln)
                box.node.after.append(block)
                return
            self.demote(box, ln)
        box.body.append(block)

    def demote(self, box: Box, ln: Line) -> None:
        """A series followed by another series (or by text the model cannot put after it) in the
        same part: the model has one series a part, so keep the series as plain text."""
        first = box.series_lines[0].line if box.series_lines else ln.line
        why = ("内容模型中一部分只有一个系列" if box.after_lines or series_at(ln)
               else "内容模型中系列只能在一部分正文的最后")
        self.warn(first, f"第{first}行起的“一是……”系列之后（第{ln.line}行）还有正文或另一系列，"
                         f"{why}，已按原文作为普通段落保留（序号不会自动重排）")
        box.body.extend(line.text if line.table is None else line.table for line in box.series_lines + box.after_lines)
        box.node.series = None
        box.node.after.clear()
        box.series_lines = []
        box.after_lines = []
