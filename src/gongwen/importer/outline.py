"""Finished documents → content model: the inverse of :mod:`gongwen.builder.numbering`.

``gongwen import`` reads last year's .docx (or .txt, .md) and recovers the
structure a writer would have typed as YAML: title, speaker/author and date
lines, salutation, opening, level-1 sections, points at levels 2–4 (run-in or
standalone), ``一是`` series one paragraph per item or inline, and the closing.

Two promises shape the code:

* **Text is kept character for character.**  Only markers are removed (they
  are regenerated at build time); everything the writer wrote, typos and
  placeholders included, goes into the model unchanged.  Wherever a structure
  would not regenerate the same paragraph, the importer keeps the paragraph as
  plain text instead: :func:`_renders` checks each guess against the numberer.
* **Import always completes.**  Faults (a gap in numbering, a garbled or
  non-standard marker, a series the model cannot hold) become warnings with the
  source line, never errors.

Markers are read only through :mod:`gongwen.spec.markers`, the grammar the numberer
writes with and the linter reads with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

from gongwen.errors import ImportFailure, Place
from gongwen.spec.chars import PLACEHOLDER, XML_ILLEGAL
from gongwen.spec.markers import find_series, format_marker, format_series, parse_marker, series_at_start
from gongwen.spec.numerals import from_chinese
from gongwen.content.model import Document, Item, Point, Section, Series
from gongwen.content.schema import MAX_LEVEL

try:  # the tolerant reader of draft markers (junk inside markers, ``1）``)
    from gongwen.spec.markers import read_marker
except ImportError:  # pragma: no cover - older marker module
    read_marker = None


#: Heading keywords that map a report's level-1 parts (issue 4), tried in this order.
PART_KEYWORDS = (
    ("achievements", ("成效", "做法", "举措", "成绩", "进展", "经验")),
    ("problems", ("问题", "不足", "困难", "短板", "差距")),
    ("recommendations", ("建议", "意见", "对策", "思考", "打算")),
)
PART_NAMES = {"achievements": "成效", "problems": "问题", "recommendations": "建议"}

# Punctuation after which a run-in heading or an item lead may end (numbering._ENDS).
_ENDS = "。！？：；…"
_SENTENCE_END = "。！？"
_OPENERS = "“‘（《【〔「『(["
_CLOSERS = "”’）》】〕」』)]"
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_CN_DIGIT.update({"零": 0, "○": 0, "Ｏ": 0, "O": 0, "0": 0})
_DATE_LINE = re.compile(
    r"[（(]?\s*(?:(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    r"|(?P<cy>[〇零○ＯO一二三四五六七八九]{4})年(?P<cm>[一二三四五六七八九十]{1,2})月(?P<cd>[一二三四五六七八九十]{1,3})日)"
    r"\s*[）)]?")
_SALUTATION_WORDS = re.compile(r"同志们|各位|代表|来宾|朋友们|女士们|先生们|老师们|同学们|委员")
_ADDRESS = re.compile(r"(?:同志们|各位[^，,！!。]{0,12}|朋友们|女士们、先生们|老师们、同学们)[，,！!]")
_THANKS = re.compile(r"(?:谢谢大家|谢谢)[！!。]?")
_SPEECH_TITLE = re.compile(r"讲话|发言|致辞|讲稿|报告会|动员")
_REPORT_TITLE = re.compile(r"(?:调研|调查|考察|专题)?报告$")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_BULLET = re.compile(r"^\s{0,3}[-*+]\s+")
_MD_EMPHASIS = re.compile(r"\*\*|__")


@dataclass
class Line:
    """One source paragraph: its 1-based line (or paragraph number) and text."""

    line: int
    text: str
    where: str = "text"  # text | table | textbox (.docx)


@dataclass
class ImportWarning:
    """A fault found while importing; the import completes anyway."""

    line: int
    message: str
    path: str = ""

    def __str__(self) -> str:
        where = self.path or "<输入>"
        return f"{where}:{self.line}: {self.message}" if self.line else f"{where}: {self.message}"


@dataclass
class ImportResult:
    document: Document
    warnings: List[ImportWarning] = field(default_factory=list)
    kind_reason: str = ""  # why this kind was guessed; "" when the caller gave it
    paragraphs: List[Line] = field(default_factory=list)  # the source paragraphs, as read

    @property
    def kind_guessed(self) -> bool:
        return bool(self.kind_reason)


# --- reading ---------------------------------------------------------------------------


def import_file(path, kind: Optional[str] = None) -> ImportResult:
    """Read ``path`` (.docx, .txt, .md) with :func:`gongwen.draft.read.read_source` and import it.

    Raises :class:`gongwen.errors.GongwenError` when the file cannot be read.
    """
    from gongwen.errors import GongwenError, Place
    from gongwen.draft.read import read_source

    path = str(path)
    source = read_source(path)
    if source.format == "yaml":
        raise GongwenError("这已经是 YAML 内容，不需要导入；直接 gongwen build 即可", Place(path))
    if source.format == "md":
        lines = markdown_paragraphs([(p.line, p.text) for p in source.paras])
    else:
        lines = [Line(p.line, p.text, getattr(p, "kind", "text") or "text") for p in source.paras]
    return import_paragraphs(lines, kind=kind, path=path)


def markdown_paragraphs(raw: Sequence[Tuple[int, str]]) -> List[Line]:
    """Markdown lines → paragraphs: blank lines separate, headings and list items stand alone.

    ``#``, ``>``, list bullets and ``**`` are Markdown's, not the writer's text.
    """
    out: List[Line] = []
    current: Optional[Line] = None
    for number, text in raw:
        if not text.strip():
            current = None
            continue
        alone = bool(_MD_HEADING.match(text) or _MD_BULLET.match(text))
        text = _MD_EMPHASIS.sub("", _MD_BULLET.sub("", _MD_QUOTE.sub("", _MD_HEADING.sub("", text))))
        if current is None or alone:
            current = Line(number, text.strip())
            out.append(current)
            if alone:
                current = None
        else:  # a soft-wrapped line continues the paragraph (no space between Chinese lines)
            current.text += text.strip()
    return out


def _clean(lines: Sequence[Line], warn) -> List[Line]:
    """Strip the layout around each paragraph (indents, blanks); drop empty paragraphs."""
    out = []
    for ln in lines:
        text = ln.text.strip()
        if not text:
            continue
        if "\n" in text:
            warn(ln.line, "段落中有手动换行，已合并为一段（gongwen 不在段内换行）")
            text = "".join(part.strip() for part in text.split("\n"))
        bad = XML_ILLEGAL.findall(text)
        if bad:
            codes = "、".join(sorted({f"U+{ord(c):04X}" for c in bad}))
            warn(ln.line, f"删除了 Word 无法保存的控制字符 {codes}")
            text = XML_ILLEGAL.sub("", text).strip()
            if not text:
                continue
        if ln.where in ("table", "textbox"):
            name = "表格" if ln.where == "table" else "文本框"
            warn(ln.line, f"{name}中的文字按普通段落导入（内容模型没有{name}）")
        out.append(Line(ln.line, text, ln.where))
    return out


# --- the import itself -------------------------------------------------------------------


def import_paragraphs(lines: Sequence[Line], kind: Optional[str] = None, path: str = "") -> ImportResult:
    """Paragraphs (in order) → :class:`ImportResult`.  ``kind`` is guessed when ``None``."""
    return _Importer(lines, kind, path).run()


@dataclass
class _Box:
    """An open container while building: the opening (level 0), a section or a point."""

    level: int
    node: object  # None (opening) | Section | Point
    body: List[str]
    series_lines: List[Line] = field(default_factory=list)
    standalone: bool = False  # a point whose heading stands on its own line
    typed: int = -1  # the level its marker was typed at (-1: same as ``level``)

    def __post_init__(self):
        if self.typed < 0:
            self.typed = self.level


class _Importer:
    def __init__(self, lines: Sequence[Line], kind: Optional[str], path: str):
        self.path = path
        self.kind = kind
        self.warnings: List[ImportWarning] = []
        self.lines = _clean(lines, self.warn)
        self.level3_variant_seen = False

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ImportWarning(line, message, self.path))

    # -- overall --------------------------------------------------------------------------
    def run(self) -> ImportResult:
        if not self.lines:
            raise ImportFailure("文件中没有文字，无法导入", Place(self.path))
        doc = Document(kind="", title="")
        body = self.front(doc)
        salutation = None
        if body and _is_salutation(body[0].text):
            salutation, body = body[0], body[1:]
        body = self.signature(doc, body)
        kind, reason = (self.kind, "") if self.kind else guess_kind(
            doc.title, salutation.text if salutation else "", [_h1_text(ln.text) for ln in body if _h1(ln.text)])
        doc.kind = kind
        if salutation is not None:
            if kind == "speech":
                doc.salutation = salutation.text
            else:
                body.insert(0, salutation)
        closing: List[Line] = []
        if kind == "speech":
            body, closing = self.split_closing(body, doc.salutation)
        self.tree(doc, body)
        doc.closing = [ln.text for ln in closing]
        if kind == "report":
            self.map_parts(doc)
        self.finish(doc)
        return ImportResult(doc, self.warnings, reason, list(self.lines))

    # -- title, byline, date ----------------------------------------------------------------
    def front(self, doc: Document) -> List[Line]:
        lines = self.lines
        first = lines[0]
        i = 0
        if _looks_like_title(first.text):
            title = first.text
            if len(lines) > 2 and _title_continues(title, lines[1].text):
                self.warn(lines[1].line, "标题分成了两段，已合并为一行（折行由模板排版）")
                title += lines[1].text
                i = 1
            while title and title[-1] in "。，；：、.,;:":
                self.warn(first.line, f"标题末尾不加标点，已删去“{title[-1]}”")
                title = title[:-1].rstrip()
            doc.title = title or PLACEHOLDER
            i += 1
        else:
            doc.title = PLACEHOLDER
            self.warn(first.line, f"没有找到标题，已填入“{PLACEHOLDER}”，请补上")
        date_line = byline = None
        while i < len(lines) and i <= 3:
            text = lines[i].text
            if date_line is None and _DATE_LINE.fullmatch(text) and _date_of(text):
                date_line = lines[i]
            elif (byline is None and _looks_like_byline(text) and i + 1 < len(lines)
                  and not _is_salutation(text)):
                if text.startswith("—") or text.startswith("--"):
                    self.warn(lines[i].line, "副标题（——……）没有对应的字段，按署名行导入；如需副标题请改写标题")
                byline = lines[i]
                if date_line is not None:
                    self.warn(lines[i].line, "署名行在日期行之后：生成时署名行在前、日期行在后")
            else:
                break
            i += 1
        if byline is not None:
            doc.byline = byline.text
        if date_line is not None:
            doc.date = _date_of(date_line.text)
            wanted = f"（{doc.date}）"
            if date_line.text != wanted:
                self.warn(date_line.line, f"日期行“{date_line.text}”生成时写作“{wanted}”")
        return list(lines[i:])

    def signature(self, doc: Document, body: List[Line]) -> List[Line]:
        """An author and a date at the very end (a report's 落款) move under the title."""
        if doc.date or len(body) < 2 or not _DATE_LINE.fullmatch(body[-1].text) or not _date_of(body[-1].text):
            return body
        date_line = body[-1]
        rest = body[:-1]
        author = None
        if not doc.byline and len(rest) >= 2 and _looks_like_byline(rest[-1].text) and not _h1(rest[-1].text):
            author, rest = rest[-1], rest[:-1]
            doc.byline = author.text
        doc.date = _date_of(date_line.text)
        moved = "落款（署名和日期）" if author else "文末日期"
        self.warn((author or date_line).line, f"{moved}已移到标题下：gongwen 把署名和日期排在标题之下")
        return rest

    def split_closing(self, body: List[Line], salutation: str) -> Tuple[List[Line], List[Line]]:
        """A speech's closing: from the last ``同志们，…`` after the last section to the end."""
        last_h1 = max((i for i, ln in enumerate(body) if _h1(ln.text)), default=None)
        if last_h1 is None:
            return body, []
        stem = salutation.rstrip("：:").strip()
        start = None
        for i in range(last_h1 + 1, len(body)):
            text = body[i].text
            if parse_marker(text) is not None:
                start = None  # a heading after it: not the closing after all
                continue
            if start is None and (_ADDRESS.match(text) or (stem and text.startswith(stem)
                                                           and text[len(stem):len(stem) + 1] in "，,！!")):
                start = i
        if start is None and _THANKS.fullmatch(body[-1].text) and len(body) - 1 > last_h1:
            start = len(body) - 1
        if start is None:
            return body, []
        return body[:start], body[start:]

    # -- the body tree ------------------------------------------------------------------------
    def tree(self, doc: Document, body: List[Line]) -> None:
        self.doc = doc
        self.opening = _Box(0, None, doc.opening)
        self.stack: List[_Box] = []
        for ln in body:
            self.paragraph(ln)
        for box in self.stack:
            self.close(box)
        if not doc.sections:
            if body:
                self.warn(body[0].line, "没有找到一级标题（一、），全部文字放在一个标题为"
                                        f"“{PLACEHOLDER}”的部分里，请补上标题或调整结构")
                section = Section(heading=PLACEHOLDER, paragraphs=list(doc.opening))
                doc.opening.clear()
            else:
                self.warn(0, f"没有正文，已加上一个“{PLACEHOLDER}”部分")
                section = Section(heading=PLACEHOLDER, paragraphs=[PLACEHOLDER])
            doc.sections.append(section)

    @property
    def box(self) -> _Box:
        return self.stack[-1] if self.stack else self.opening

    def paragraph(self, ln: Line) -> None:
        marker = self.marker(ln)
        if marker is not None:
            self.heading(ln, *marker)
            return
        box = self.box
        if box.level > 0:
            mark = series_at_start(ln.text)
            if self.inline(ln, box):
                return
            if mark is not None and _series_style(mark):
                self.item(ln, mark, box)
                return
        self.text(ln, box)

    def marker(self, ln: Line):
        """``(level, number, raw, end)`` of a heading marker opening ``ln``, or None."""
        text = ln.text
        m = parse_marker(text)
        junk = False
        if m is None and read_marker is not None:
            dm = read_marker(text)
            if dm is None:
                return None
            if dm.half_bracket and dm.level == 2 and not text[dm.end:].strip():
                return None
            junk = True
            level, number, raw, end = dm.level, dm.number, dm.raw, dm.end
        elif m is None:
            return None
        else:
            level, number, raw, end = m.level, m.number, m.raw, m.end
            if read_marker is not None and read_marker(text) is None and level == 1:
                return None  # 一、二季度…: a numeral list, not a heading
        rest = text[end:]
        if level == 3 and raw.rstrip()[-1:] in "、,，" and rest[:1].isdigit():
            return None  # 3、4月份…: counting months, not a heading
        if not rest.strip() and level in (3, 4) and number is None:
            return None
        if junk:
            self.warn(ln.line, f"序号“{raw}”有乱码或缺括号，按{_level_name(level)}导入")
        return level, number, raw, end

    def heading(self, ln: Line, level: int, number: Optional[int], raw: str, end: int) -> None:
        text = ln.text[end:]
        if text[:1].isspace():
            self.warn(ln.line, "序号后的空格已删除")
        text = text.strip()
        if level == 1:
            self.close_all()
            expected = len(self.doc.sections) + 1
            self.check_number(ln, 1, expected, number, raw)
            if not text:
                self.warn(ln.line, f"只有序号“{raw}”没有标题，已填入“{PLACEHOLDER}”")
                text = PLACEHOLDER
            section = Section(heading=self.clean_heading(ln, text))
            self.doc.sections.append(section)
            self.stack.append(_Box(1, section, section.paragraphs))
            return
        if not self.stack:
            self.warn(ln.line, f"“{raw}”出现在第一个一级标题（一、）之前，层次倒置；按原文作为开头段落保留")
            self.text(ln, self.opening)
            return
        # The parent is the nearest open heading of a higher level *as typed*, so that the
        # siblings of a heading that skipped a level stay siblings.
        while self.stack[-1].typed >= level:
            self.close(self.stack.pop())
        parent = self.stack[-1]
        actual = parent.level + 1
        expected = len(parent.node.points) + 1
        if actual == level:
            self.check_number(ln, actual, expected, number, raw)
        else:
            self.warn(ln.line, f"层次跳级：{_level_name(parent.level)}下直接出现{_level_name(level)}"
                               f"“{raw}”，按{_level_name(actual)}导入（生成“{format_marker(actual, expected)}”）")
        if not text:
            self.warn(ln.line, f"只有序号“{raw}”没有标题，已填入“{PLACEHOLDER}”")
            text = PLACEHOLDER
        point = self.point(ln, text, actual)
        parent.node.points.append(point)
        self.stack.append(_Box(actual, point, point.text, standalone=not point.text, typed=level))

    def check_number(self, ln: Line, level: int, expected: int, number: Optional[int], raw: str) -> None:
        canonical = format_marker(level, expected)
        if number is None:
            self.warn(ln.line, f"序号“{raw}”无法识别，按{_level_name(level)}第{expected}项导入（生成“{canonical}”）")
        elif number != expected:
            self.warn(ln.line, f"序号不连续：此处应为“{canonical}”，原文为“{raw}”（生成时自动重排）")
        elif raw != canonical:
            if level == 3 and raw == format_marker(3, expected, "．"):
                if not self.level3_variant_seen:
                    self.level3_variant_seen = True
                    self.warn(ln.line, "原文三级序号用“1．”：gongwen 默认生成“1.”；如本单位惯用“1．”，"
                                       "请在 gongwen.yaml 中设置 level3: \"1．\"")
            else:
                self.warn(ln.line, f"序号“{raw}”写法不规范，生成时写作“{canonical}”")

    def clean_heading(self, ln: Line, text: str) -> str:
        """A heading the loader accepts: no second typed marker at its start."""
        inner = parse_marker(text)
        if inner is not None and text[inner.end:].strip():
            self.warn(ln.line, f"标题开头重复了序号“{inner.raw}”，已删去")
            text = text[inner.end:].strip()
        mark = series_at_start(text)
        if mark is not None and _series_style(mark):
            self.warn(ln.line, f"标题开头的“{mark.raw}”会被当作手写序号，已删去")
            text = text[mark.end:].strip() or PLACEHOLDER
        return text

    def point(self, ln: Line, text: str, level: int) -> Point:
        """A run-in heading (``（一）强化领导。正文``) or a standalone one."""
        text = self.clean_heading(ln, text)
        k = _first_sentence_end(text)
        if k is not None and k < len(text) - 1:
            candidate, rest = text[:k + 1], text[k + 1:].strip()
            heading = candidate
            if candidate.endswith("。") and len(candidate) > 1 and candidate[-2] not in _ENDS:
                heading = candidate[:-1]
            point = Point(heading=heading, text=[rest])
            if rest and _renders(_point_doc(point, level), format_marker(level, 1) + text):
                return point
        return Point(heading=text, run_in=False)

    def inline(self, ln: Line, box: _Box) -> bool:
        """``主要有：一是…；二是…；三是…。`` as one paragraph: an inline series."""
        text = ln.text
        marks = [m for m in find_series(text) if _series_style(m)]
        if len(marks) < 2 or len({m.style for m in marks}) > 1:
            return False
        if [m.number for m in marks] != list(range(1, len(marks) + 1)):
            return False
        ends = [m.start for m in marks[1:]] + [len(text)]
        items = [text[m.end:e].strip().rstrip("；;。").strip() for m, e in zip(marks, ends)]
        if not all(items) or any(_typed(t) for t in items):
            return False
        series = Series(items=[Item(text=t) for t in items], inline=True, style=marks[0].style,
                        lead_in=text[:marks[0].start].strip())
        if not _renders(_series_doc(series), text):
            return False
        if box.node.series is not None:
            self.demote(box, ln)
        box.node.series = series
        box.series_lines = [ln]
        return True

    def item(self, ln: Line, mark, box: _Box) -> None:
        """One paragraph of a ``一是…`` / ``第一，…`` series."""
        style = mark.style
        series = box.node.series
        if series is not None and (series.inline or series.style != style or mark.number == 1):
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
        if _typed(rest):
            self.warn(ln.line, f"“{mark.raw}”之后又有序号“{_typed(rest)}”，按原文保留")
        series.items.append(_item(rest, style))
        box.series_lines.append(ln)

    def text(self, ln: Line, box: _Box) -> None:
        if box.level > 0 and box.node.series is not None:
            self.demote(box, ln)
        box.body.append(ln.text)

    def demote(self, box: _Box, ln: Line) -> None:
        """A series followed by more text (or another series) in the same part: the model
        puts a series after all the text of its part, so keep the series as plain text."""
        first = box.series_lines[0].line if box.series_lines else ln.line
        self.warn(first, f"第{first}行起的“一是……”系列之后（第{ln.line}行）还有正文或另一系列，"
                         "内容模型中系列只能在一部分正文的最后，已按原文作为普通段落保留（序号不会自动重排）")
        box.body.extend(l.text for l in box.series_lines)
        box.node.series = None
        box.series_lines = []

    def close(self, box: _Box) -> None:
        if isinstance(box.node, Point) and box.node.run_in is False and not box.node.text:
            box.node.run_in = None

    def close_all(self) -> None:
        while self.stack:
            self.close(self.stack.pop())

    # -- report parts and the final check -------------------------------------------------------
    def map_parts(self, doc: Document) -> None:
        """Map a report's leading sections to achievements / problems / recommendations.

        The model renders the three parts first, in that order, then ``sections``:
        only a run of leading sections in that order can be mapped without moving text.
        """
        order = [name for name, _ in PART_KEYWORDS]
        next_part = 0
        for section in doc.sections:
            part = part_of(section.heading)
            if part is None or order.index(part) < next_part:
                break
            section.part = part
            next_part = order.index(part) + 1
        if not any(s.part for s in doc.sections) and any(part_of(s.heading) for s in doc.sections):
            self.warn(0, "报告的第一部分不是“成效/问题/建议”之一，为保持原文顺序，各部分都放在 sections 中")

    def finish(self, doc: Document) -> None:
        """Warn about any paragraph that would still come back different (a safety net)."""
        source = [ln.text for ln in self.lines]
        built = expected_paragraphs(doc)
        if built == source:
            return
        same = matched(source, built)
        warned = {w.line for w in self.warnings}
        for i, ln in enumerate(self.lines):
            if i not in same and ln.line not in warned:
                self.warn(ln.line, "这一段生成后的文字与原文不完全相同，请核对")


def matched(source: Sequence[str], built: Sequence[str], window: int = 64) -> set:
    """Indexes of ``source`` paragraphs found in ``built``, in order.

    difflib for ordinary documents; for very long ones a greedy walk that looks
    ``window`` paragraphs ahead (difflib is quadratic on repeated paragraphs).
    """
    if len(source) * len(built) <= 4_000_000:
        import difflib

        blocks = difflib.SequenceMatcher(None, source, built, autojunk=False).get_matching_blocks()
        return {i for b in blocks for i in range(b.a, b.a + b.size)}
    same, j = set(), 0
    for i, text in enumerate(source):
        for k in range(j, min(j + window, len(built))):
            if built[k] == text:
                same.add(i)
                j = k + 1
                break
    return same


# --- small predicates ---------------------------------------------------------------------


def _level_name(level: int) -> str:
    return {0: "开头", 1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}.get(level, f"{level}级")


def _series_style(mark) -> bool:
    """The series styles the model has: ``一是`` and ``第一，`` (with its comma)."""
    if mark.style == "一是":
        return True
    return mark.style == "第一" and bool(mark.sep) and mark.sep in "，,、：:"


def _typed(text: str) -> str:
    """A typed marker or series opener at the start of ``text`` (the loader refuses these)."""
    mark = series_at_start(text)
    if mark is not None and (mark.style == "一是" or (mark.style == "第一" and mark.sep and mark.sep in "，,、")):
        return mark.raw
    marker = parse_marker(text)
    return marker.raw if marker else ""


def _h1(text: str) -> bool:
    m = parse_marker(text)
    if m is None or m.level != 1:
        return False
    return read_marker is None or read_marker(text) is not None


def _h1_text(text: str) -> str:
    m = parse_marker(text)
    return text[m.end:].strip() if m else text


def _is_salutation(text: str) -> bool:
    if not text.endswith(("：", ":")) or len(text) > 40 or "。" in text:
        return False
    return bool(_SALUTATION_WORDS.search(text)) or len(text) <= 12


def _looks_like_title(text: str) -> bool:
    if len(text) > 80 or _is_salutation(text) or _typed(text):
        return False
    if _DATE_LINE.fullmatch(text):
        return False
    inner = text.rstrip("。")
    return not any(c in inner for c in "。；！？")


_TITLE_TAIL = re.compile(r"(?:的|上的)?(?:讲话|发言|致辞|讲话稿)$|^(?:的)?(?:调研|调查|考察|专题|情况)?报告$")


def _title_continues(first: str, second: str) -> bool:
    """Is ``second`` the rest of a title Word broke into two paragraphs?"""
    if len(second) > 30 or not _looks_like_title(second) or _is_salutation(second):
        return False
    if _TITLE_TAIL.search(first):
        return False  # the first line is a whole title already
    return bool(_TITLE_TAIL.search(second)) or first.endswith(("的", "关于", "在", "和", "与", "及", "暨"))


def _looks_like_byline(text: str) -> bool:
    if len(text) > 40 or any(c in text for c in "。；！？"):
        return False
    if text.endswith(("：", ":", "，", ",")) or _typed(text) or _DATE_LINE.fullmatch(text):
        return False
    return True


def _date_of(text: str) -> str:
    """``2023年2月16日`` from a date line (digits or Chinese numerals), "" if not a real date."""
    import datetime

    m = _DATE_LINE.fullmatch(text)
    if not m:
        return ""
    if m.group("y"):
        year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    else:
        year = int("".join(str(_CN_DIGIT[c]) for c in m.group("cy")))
        month, day = from_chinese(m.group("cm")), from_chinese(m.group("cd"))
        if month is None or day is None:
            return ""
    try:
        datetime.date(year, month, day)
    except ValueError:
        return ""
    return f"{year}年{month}月{day}日"


def _first_sentence_end(text: str) -> Optional[int]:
    """Index of the first 。！？ outside quotes and brackets."""
    depth = 0
    for i, c in enumerate(text):
        if c in _OPENERS:
            depth += 1
        elif c in _CLOSERS:
            depth = max(0, depth - 1)
        elif c in _SENTENCE_END and depth == 0:
            return i
    return None


def _item(text: str, style: str) -> Item:
    """An item, with a short first sentence as its lead (``明确思路目标。《方案》…``)."""
    k = _first_sentence_end(text)
    if k is not None and 2 <= k <= 30 and k < len(text) - 1 and text[k] == "。" and text[k - 1] not in _ENDS:
        lead, rest = text[:k], text[k + 1:].strip()
        if rest and not any(c in lead for c in "，,；;") and not _typed(rest):
            item = Item(text=rest, lead=lead)
            if _renders(_series_doc(Series(items=[item], style=style)), format_series(1, style) + text):
                return item
    return Item(text=text)


def part_of(heading: str) -> Optional[str]:
    """The report part a level-1 heading names, by its keywords (``存在的问题`` → problems)."""
    found = [(min(heading.find(w) for w in words if w in heading), name)
             for name, words in PART_KEYWORDS if any(w in heading for w in words)]
    if not found:
        return None
    # ``问题及对策``: the part whose keyword comes first in the heading wins
    return min(found)[1]


def guess_kind(title: str, salutation: str, headings: Sequence[str]) -> Tuple[str, str]:
    """``(kind, reason)``: the reason is a Chinese sentence for the user."""
    if title and title != PLACEHOLDER and _REPORT_TITLE.search(title):
        return "report", f"标题以“{_REPORT_TITLE.search(title).group(0)}”结尾"
    if salutation:
        return "speech", f"有称呼“{salutation}”"
    m = _SPEECH_TITLE.search(title or "")
    if m:
        return "speech", f"标题中有“{m.group(0)}”"
    parts = {part_of(h) for h in headings} - {None}
    if len(parts) >= 2:
        return "report", "各部分标题中有“" + "”“".join(PART_NAMES[p] for p in sorted(parts)) + "”"
    return "speech", "没有明显特征，按讲话稿处理（可用 --kind report 指定为调研报告）"


# --- checking guesses against the numberer -----------------------------------------------------


def _paragraph_text(para: dict) -> str:
    return para.get("heading", "") + para.get("lead", "") + para.get("text", "")


def expected_paragraphs(doc: Document, level3: str = ".") -> List[str]:
    """The non-empty paragraph texts ``gongwen build`` writes for ``doc``."""
    from gongwen.builder.numbering import paragraphs

    return [t for t in (_paragraph_text(p) for p in paragraphs(doc, level3=level3)) if t]


def _renders(doc: Document, wanted: str) -> bool:
    """Does the numberer turn ``doc`` (a probe built around one guess) into ``wanted``?"""
    return wanted in expected_paragraphs(doc)


def _point_doc(point: Point, level: int) -> Document:
    """A probe document in which ``point`` is the first point at ``level``.

    How a heading and its text are joined does not depend on the number, so
    one probe per paragraph costs the same wherever the point stands.
    """
    node = Point(heading="x", points=[point])
    for _ in range(level - 2):
        node = Point(heading="x", points=[node])
    return Document(kind="speech", title="x", sections=[Section(heading="x", points=node.points)])


def _series_doc(series: Series) -> Document:
    return Document(kind="speech", title="x", sections=[Section(heading="x", series=series)])
