"""Finished documents → content model: the inverse of :mod:`gongwen.builder.layout`.

``gongwen import`` reads last year's .docx (or .txt, .md) and recovers the
structure a writer would have typed as YAML: title, subtitle, speaker/author and
date lines, salutation, opening, level-1 sections, points at levels 2–4 (run-in or
standalone), ``一是`` series one paragraph per item or inline and the paragraphs
after them (:mod:`gongwen.importer.series`), the closing and a report's 落款.  The
kind comes from the title's last words and what was found (:mod:`gongwen.importer.kinds`);
a red-header document's 版头, 主送, articles, 附件 and 版记 are read by
:mod:`gongwen.importer.family`.  What each paragraph is comes from
:mod:`gongwen.draft.roles`, the recogniser the linter uses too (with a .docx's looks:
:mod:`gongwen.draft.looks`); this module builds the tree.

Two promises shape the code:

* **Text is kept character for character.**  Only markers are removed (they
  are regenerated at build time); everything the writer wrote, typos and
  placeholders included, goes into the model unchanged.  Wherever a structure
  would not regenerate the same paragraph, the importer keeps the paragraph as
  plain text instead: :func:`gongwen.importer.probe.renders` checks each guess.
* **Import always completes.**  Faults (a gap in numbering, a garbled or
  non-standard marker, a series the model cannot hold) become warnings with the
  source line, never errors.
"""

from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

from gongwen.content.model import Document, Point, Section
from gongwen.content.schema import FORMS
from gongwen.draft import roles as R
from gongwen.errors import GongwenError, ImportFailure, Place
from gongwen.importer import family, frame
from gongwen.importer.kinds import FAMILY_SIGNS, PART_KEYWORDS, family_kind, guess_kind, part_of
from gongwen.importer.probe import expected_paragraphs, matched, point_doc, renders, same_text
from gongwen.importer.read import ImportResult, ImportWarning, Line, clean, markdown_paragraphs
from gongwen.importer.series import Box, SeriesImport, series_style
from gongwen.spec.chars import HEADING_END, PLACEHOLDER
from gongwen.spec.markers import format_marker, parse_marker, series_at_start



def import_file(path, kind: Optional[str] = None) -> ImportResult:
    """Read ``path`` (.docx, .txt, .md) with :func:`gongwen.draft.read.read_source` and import it.

    Raises :class:`gongwen.errors.GongwenError` when the file cannot be read.
    """
    from gongwen.draft.read import read_source

    path = str(path)
    source = read_source(path)
    if source.format == "yaml":
        raise GongwenError("这已经是 YAML 内容，不需要导入；直接 gongwen build 即可", Place(path))
    if source.format == "md":
        lines = markdown_paragraphs([(p.line, p.text) for p in source.paras])
    else:
        from gongwen.draft.looks import docx_looks

        from gongwen.importer.tables import collapse

        lines = [Line(p.line, p.text, p.kind, *look) for p, look in zip(source.paras, docx_looks(source))]
        early: List[ImportWarning] = []
        lines = collapse(source, lines, lambda line, message: early.append(ImportWarning(line, message, path)))
        result = import_paragraphs(lines, kind=kind, path=path)
        result.warnings[:0] = early
        return result
    return import_paragraphs(lines, kind=kind, path=path)


def import_paragraphs(lines: Sequence[Line], kind: Optional[str] = None, path: str = "") -> ImportResult:
    """Paragraphs (in order) → :class:`ImportResult`.  ``kind`` is guessed when ``None``."""
    return _Importer(lines, kind, path).run()


class _Importer(SeriesImport):
    def __init__(self, lines: Sequence[Line], kind: Optional[str], path: str):
        self.path = path
        self.kind = kind
        self.warnings: List[ImportWarning] = []
        self.lines = clean(lines, self.warn)
        self.level3_variant_seen = False
        #: Lines whose marker was already warned about as garbled: not warned again as non-standard.
        self.garbled_lines: set = set()
        found = R.assign([R.Line(ln.text, where="table" if ln.table is not None else "body", align=ln.align,
                                 red=ln.red, look=ln.look) for ln in self.lines])
        self.roles = {id(ln): role for ln, role in zip(self.lines, found)}

    def role(self, ln: Line) -> R.Role:
        return self.roles[id(ln)]

    def rest_of(self, ln: Line, text: str) -> Line:
        """The part ``text`` of ``ln`` left when the importer took the start of it, as body text."""
        rest = Line(ln.line, text, ln.where)
        self.roles[id(rest)] = R.Role(R.BODY)
        return rest

    def warn_again(self, line: int, canonical: str) -> None:
        """Add what the garbled marker of ``line`` becomes to the warning already given for it."""
        for w in reversed(self.warnings):
            if w.line == line and "有乱码或缺括号" in w.message:
                w.message += f"，生成时写作“{canonical}”"
                return

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ImportWarning(line, message, self.path))

    # -- overall --------------------------------------------------------------------------
    def run(self) -> ImportResult:
        if not self.lines:
            raise ImportFailure("文件中没有文字，无法导入", Place(self.path))
        kind, reason = self.kind, ""
        if not kind:
            kind, reason = self.guess()
        doc = family.document(self, kind) if kind in FORMS else self.speech_or_report(kind)
        self.finish(doc)
        return ImportResult(doc, self.warnings, reason, list(self.lines))

    def guess(self) -> Tuple[str, str]:
        """The kind, from the title's last words and what the recogniser found, with its reason."""
        roles = [self.role(ln) for ln in self.lines]
        title = "".join(ln.text for ln, r in zip(self.lines, roles) if r.kind == R.TITLE).rstrip("。，；：、.,;:")
        signs = [r.kind for r in roles if r.kind in FAMILY_SIGNS]
        found = family_kind(title or PLACEHOLDER, signs)
        if found:
            return found
        opening = next((ln for ln, r in zip(self.lines, roles) if r.kind not in R.FRONT_MATTER + (
            R.TITLE, R.BYLINE, R.SUBTITLE, R.DATE_LINE)), None)
        salutation = opening.text if opening is not None and self.role(opening).kind in (
            R.SALUTATION, R.RECIPIENT) else ""
        return guess_kind(title or PLACEHOLDER, salutation,
                          [ln.text[r.marker.end:].strip() for ln, r in zip(self.lines, roles)
                           if r.kind == R.HEADING and r.level == 1])

    def speech_or_report(self, kind: str) -> Document:
        doc = Document(kind=kind, title="")
        body = frame.front(self, doc)
        salutation = None
        if body and self.role(body[0]).kind in (R.SALUTATION, R.RECIPIENT):
            salutation, body = body[0], body[1:]
        body = frame.signature(self, doc, body)
        if salutation is not None:
            if kind == "speech":
                doc.salutation = salutation.text
            else:
                body.insert(0, salutation)
        closing: List[Line] = []
        if kind == "speech":
            body, closing = frame.split_closing(self, body, doc.salutation)
        elif kind == "report":
            body, closing = family.split_closing(self, body, kind)
        self.tree(doc, body)
        doc.closing = [ln.text for ln in closing]
        if kind == "report":
            self.map_parts(doc)
        return doc

    # -- the body tree ------------------------------------------------------------------------
    def tree(self, doc, body: List[Line], placeholder: bool = True) -> None:
        """Sections and points from ``body`` into ``doc`` (a Document or a Body: its ``opening``
        and ``sections``); ``placeholder``: a body without sections gets one (speech, report)."""
        self.doc = doc
        self.opening = Box(0, None, doc.opening)
        self.stack: List[Box] = []
        for ln in body:
            self.paragraph(ln)
        for box in self.stack:
            self.close(box)
        if not doc.sections and placeholder:
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
    def box(self) -> Box:
        return self.stack[-1] if self.stack else self.opening

    def paragraph(self, ln: Line) -> None:
        if self.role(ln).kind in (R.TABLE_CAPTION, R.TABLE_NOTE):
            return  # read into its table (importer.tables)
        if ln.table is not None:
            self.text(ln, self.box)
            return
        marker = self.marker(ln)
        if marker is not None:
            self.heading(ln, *marker)
            return
        box = self.box
        if box.level > 0:
            mark = series_at_start(ln.text)
            if self.inline(ln, box):
                return
            if mark is not None and series_style(mark):
                self.item(ln, mark, box)
                return
        self.text(ln, box)

    def marker(self, ln: Line):
        """``(level, number, raw, end)`` of the heading marker opening ``ln``, or None."""
        role = self.role(ln)
        if role.kind != R.HEADING:
            return None
        m = role.marker
        if (m.junk or m.half_bracket) and ln.line not in self.garbled_lines:
            self.garbled_lines.add(ln.line)
            self.warn(ln.line, f"序号“{m.raw}”有乱码或缺括号，按{_level_name(m.level)}导入")
        return m.level, m.number, m.raw, m.end

    def is_h1(self, ln: Line) -> bool:
        role = self.role(ln)
        return role.kind == R.HEADING and role.level == 1

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
            self.stack.append(Box(1, section, section.paragraphs))
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
        self.stack.append(Box(actual, point, point.text, standalone=not point.text, typed=level))

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
            elif ln.line in self.garbled_lines:  # one marker, one warning: said above, with the level
                self.warn_again(ln.line, canonical)
            else:
                self.warn(ln.line, f"序号“{raw}”写法不规范，生成时写作“{canonical}”")

    def clean_heading(self, ln: Line, text: str) -> str:
        """A heading the loader accepts: no second typed marker at its start."""
        inner = parse_marker(text)
        if inner is not None and text[inner.end:].strip():
            self.warn(ln.line, f"标题开头重复了序号“{inner.raw}”，已删去")
            text = text[inner.end:].strip()
        mark = series_at_start(text)
        if mark is not None and series_style(mark):
            self.warn(ln.line, f"标题开头的“{mark.raw}”会被当作手写序号，已删去")
            text = text[mark.end:].strip() or PLACEHOLDER
        return text

    def point(self, ln: Line, text: str, level: int) -> Point:
        """A run-in heading (``（一）强化领导。正文``) or a standalone one."""
        text = self.clean_heading(ln, text)
        k = R.first_sentence_end(text)
        if k is not None and k < len(text) - 1:
            candidate, rest = text[:k + 1], text[k + 1:].strip()
            heading = candidate
            if candidate.endswith("。") and len(candidate) > 1 and candidate[-2] not in HEADING_END:
                heading = candidate[:-1]
            point = Point(heading=heading, text=[rest])
            if rest and renders(point_doc(point, level), format_marker(level, 1) + text):
                return point
        return Point(heading=text, run_in=False)

    def close(self, box: Box) -> None:
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
        source = [same_text(ln.text) for ln in self.lines]
        built = [same_text(t) for t in expected_paragraphs(doc)]
        if built == source:
            return
        same = matched(source, built)
        warned = {w.line for w in self.warnings}
        for i, ln in enumerate(self.lines):
            if i in same or ln.line in warned:
                continue
            if any(source[i] in b for b in built):
                continue  # it comes back whole, moved (a byline) or joined (a wrapped title): warned already
            self.warn(ln.line, "这一段生成后的文字与原文不完全相同，请核对" + _difference(source[i], built))


def _difference(text: str, built: List[str]) -> str:
    """``（原文“各单位:”，生成后为“各单位：”）``: the first difference from the nearest built paragraph."""
    import difflib

    near = difflib.get_close_matches(text, built[:5000], n=1, cutoff=0.6)
    if not near:
        return ""
    ops = [op for op in difflib.SequenceMatcher(None, text, near[0], autojunk=False).get_opcodes() if op[0] != "equal"]
    if not ops:
        return ""
    _, a1, a2, b1, b2 = ops[0]
    lo, hi = max(a1 - 4, 0), a2 + 4
    old, new = text[lo:hi], near[0][max(b1 - (a1 - lo), 0):b2 + (hi - a2)]
    return f"（原文“{old}”，生成后为“{new}”）" if len(old) <= 40 and len(new) <= 40 else ""


def _level_name(level: int) -> str:
    return {0: "开头", 1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}.get(level, f"{level}级")


