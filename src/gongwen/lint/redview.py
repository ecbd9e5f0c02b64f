"""Where the red-header elements of a .docx are: the 版头, the 落款, the 附件 pages and the 版记.

Read once per source (:func:`red_of`) for the rules GW816–GW825.  What a
paragraph is comes from :mod:`gongwen.draft.roles`, read here over every
paragraph as if tables and text boxes were running text: offices set joint
issuers, a 发文字号 beside its 签发人, or the 版记 in a table, and the
发文机关标志 in a text box.  A document is a red-header document
(``is_redhead``) when its first lines hold a 发文字号 or a red (or ``…文件``)
发文机关标志; speeches and reports are not, and the 版头, 落款 and 附件 rules
look no further.  The 版记 is read in any document: ``抄送：`` and
``……印发`` lines at its end.

No lxml at module level.
"""

from __future__ import annotations

import re

from gongwen.spec import lazyre

from gongwen.draft import roles as R
from gongwen.lint.context import Context
from gongwen.lint.drawnlines import (Line, drawn_lines, has_picture, para_borders, red_hex, row_lines,
                                     table_borders, cell_borders)
from gongwen.lint.layoutview import layout_of
from gongwen.lint.textview import SYNTAX, docx_looks, masked
from gongwen.ooxml.names import R_ID, W
from gongwen.ooxml.styles import runs, solid_count, to_int
from gongwen.spec import dates
from gongwen.spec.chars import BLANKS
from gongwen.spec.gbt9704 import A4, MARGINS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Optional, Tuple

# The 版记's lines as draft.roles reads them (its patterns are module-private there).
CC_RE = R.CC_RE
PRINTED_RE = R.PRINTED_RE
#: ``主送：`` moved to the 版记 when it would keep page 1 free of body text.
TO_RE = lazyre.compile(r"主\s*送\s*[：:]")
SIGNER_RE = lazyre.compile(r"签\s*发\s*人\s*[：:]")
_NO_TEXT_PAGE = re.compile(r"[（(]此页无正文[）)]")
#: How many non-empty paragraphs at the top may belong to the 版头.
HEAD_REACH = 12


class RedView:
    """The red-header elements of one .docx, by paragraph index (``ctx.paras``)."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.parts = ctx.docx
        lay = layout_of(ctx)
        self.res = lay.res
        mar = lay.sections[0]["pgMar"] if lay.sections else None
        top = None if mar is None else to_int(mar.get(W + "top"))
        self.top_margin = abs(top) if top is not None else MARGINS["top"]  # of page 1, in twips
        self.grid = lay.sections[0]["grid"] if lay.sections else None
        sect = lay.sections[-1] if lay.sections else None
        size, mar = (None, None) if sect is None else (sect["pgSz"], sect["pgMar"])
        self.text_width = A4[0] - MARGINS["left"] - MARGINS["right"]  # of the last page, in twips
        self.text_height = A4[1] - MARGINS["top"] - MARGINS["bottom"]
        if size is not None and mar is not None and to_int(size.get(W + "w")) and to_int(size.get(W + "h")):
            self.text_width = (to_int(size.get(W + "w")) - abs(to_int(mar.get(W + "left"), 0))
                               - abs(to_int(mar.get(W + "right"), 0)) - to_int(mar.get(W + "gutter"), 0))
            self.text_height = (to_int(size.get(W + "h")) - abs(to_int(mar.get(W + "top"), 0))
                                - abs(to_int(mar.get(W + "bottom"), 0)))
        self.texts = [p.text.strip(BLANKS) for p in ctx.paras]
        self.n = min(len(ctx.paras), len(self.parts.elements))
        self.where = self.parts.where
        self.number: Optional[int] = None  # the 发文字号 line
        self.signers: List[int] = []  # lines with 签发人
        self.issuers: List[int] = []  # lines of the 发文机关标志
        self.title: Optional[int] = None
        self.head: range = range(0)  # the 版头 and the line after it (where the separator is)
        self.record: List[int] = []  # the 版记's lines, at the end of the document
        self.stray_record: Optional[int] = None  # a 版记 line with text after it
        self.labels: List[int] = []  # 附件N labels
        self.signature: Optional[int] = None
        self.date: Optional[int] = None
        self.swapped = False  # the 署名 under the 成文日期
        first = [i for i in range(self.n) if self.texts[i]][:HEAD_REACH]
        maybe_head = any(R.DOC_NUMBER_RE.search(self.texts[i]) or self.texts[i].endswith("文件")
                         or self.is_red(i) for i in first)
        self.roles = self._flat_roles() if maybe_head else []
        self.is_redhead = maybe_head and self._head(first)
        self._record()
        if self.is_redhead:
            self._closing()

    # --- roles over every paragraph -------------------------------------------------

    def _flat_roles(self) -> List[R.Role]:
        looks = docx_looks(self.ctx)
        lines = []
        for i, mtext in enumerate(masked(self.ctx)[:self.n]):
            align, red, look = looks[i] if i < len(looks) else (None, False, None)
            lines.append(R.Line(mtext.replace(SYNTAX, ""), "body", align, red, look))
        return R.assign(lines)

    # --- the 版头 ---------------------------------------------------------------------

    def _head(self, first: List[int]) -> bool:
        texts, roles = self.texts, self.roles
        for i in first:
            text = texts[i]
            if SIGNER_RE.search(text):
                self.signers.append(i)
            m = R.DOC_NUMBER_RE.search(text)
            if self.number is None and m and len(text) <= 60 and not text.startswith("关于") \
                    and re.fullmatch(r"[^\s，。；：、《》“”]{0,15}", text[:m.start()]):
                self.number = i
        front = (R.COPY_NUMBER, R.SECRECY, R.URGENCY, R.SIGNER, R.DOC_NUMBER)
        issuers = [i for i in first if roles[i].kind == R.ISSUER
                   and (self.number is None or i < self.number)]
        marked = [i for i in issuers if self.is_red(i) or texts[i].endswith("文件")]
        if self.number is None and not marked:
            return False
        if not issuers and self.number is not None:
            # a black 标志 the recogniser read as the title: the lines above the 发文字号
            issuers = [i for i in first if i < self.number and roles[i].kind not in front]
        self.issuers = issuers
        last = max(issuers + [self.number if self.number is not None else -1] + self.signers)
        self.title = next((i for i in range(last + 1, self.n) if roles[i].kind == R.TITLE), None)
        end = self.title + 1 if self.title is not None else \
            next((i for i in range(last + 1, self.n) if texts[i]), self.n - 1) + 1
        self.head = range(0, end)
        labels_from = self.title if self.title is not None else last
        self.labels = [i for i in range(labels_from + 1, self.n)
                       if roles[i].kind == R.ATTACHMENT_LABEL and self.where[i] == "body"]
        return True

    def is_red(self, i: int) -> bool:
        """Is most of the text of paragraph ``i`` red?"""
        el = self.parts.elements[i]
        style = self.res.para(el)[0]
        red = black = 0
        for r, text in runs(el):
            n = solid_count(text)
            if n:
                if red_hex(self.res.run(style, r).get("color")):
                    red += n
                else:
                    black += n
        return red > black

    @property
    def is_minutes(self) -> bool:
        return any(self.texts[i].endswith("纪要") for i in self.issuers)

    @property
    def is_filed(self) -> bool:
        """A ``…文件`` 标志 (the 文件格式)."""
        return any(self.texts[i].endswith("文件") for i in self.issuers)

    def head_lines(self) -> Tuple[List[Tuple[int, Line]], bool]:
        """The lines drawn in the 版头 (paragraph index, line), and whether something there
        cannot be read (a picture, a shape in the page header)."""
        out: List[Tuple[int, Line]] = []
        unknown = False
        tables = []
        for i in self.head:
            el = self.parts.elements[i]
            for side, line in para_borders(self.parts, el).items():
                if side in ("top", "bottom", "between"):
                    out.append((i, line))
            out += [(i, line) for line in drawn_lines(el)]
            unknown = unknown or has_picture(el)
            tbl = _ancestor(el, W + "tbl")
            if tbl is not None and all(t is not tbl for t in tables):
                tables.append(tbl)
                out += [(i, line) for side, line in table_borders(self.parts, tbl).items()
                        if side in ("top", "bottom", "insideH")]
                for tc in tbl.iter(W + "tc"):
                    out += [(i, line) for side, line in cell_borders(tc).items()
                            if line is not None and side in ("top", "bottom")]
        for root in self._first_headers():
            for p in root.iter(W + "p"):
                out += [(-1, line) for line in drawn_lines(p)]
                out += [(-1, line) for line in para_borders(self.parts, p).values()]
                unknown = unknown or has_picture(p)
        return out, unknown

    def _first_headers(self) -> list:
        """The page headers page 1 may show."""
        sects = self.parts.section_properties()
        if not sects:
            return []
        sect = sects[0]
        refs = {ref.get(W + "type") or "default": ref.get(R_ID) for ref in sect.iterfind(W + "headerReference")}
        title_pg = sect.find(W + "titlePg") is not None
        rid = refs.get("first") if title_pg else refs.get("default")
        root = self.parts.headers.get(rid) if rid else None
        return [root] if root is not None else []

    # --- the 版记 -------------------------------------------------------------------------

    def record_kind(self, i: int) -> Optional[str]:
        """``cc``, ``printed`` or ``to`` for a line of the 版记, else None."""
        text = self.texts[i]
        if CC_RE.match(text):
            return "cc"
        if PRINTED_RE.match(text):
            return "printed"
        if TO_RE.match(text):
            return "to"
        return None

    def _record(self) -> None:
        kinds = {}
        for i in range(self.n):
            text = self.texts[i]
            if text[:1] in "抄主分" or "印发" in text:
                kind = self.record_kind(i)
                if kind:
                    kinds[i] = kind
        if not kinds:
            return
        tables = {_ancestor(self.parts.elements[i], W + "tbl") for i in kinds} - {None}
        trail = []
        for i in range(self.n - 1, -1, -1):
            if not self.texts[i]:
                continue
            if i in kinds or _ancestor(self.parts.elements[i], W + "tbl") in tables:
                trail.append(i)
                continue
            break
        self.record = sorted(trail)
        if not any(kinds.get(i) in ("cc", "printed") for i in self.record):
            self.record = []
        rest = [i for i in kinds if i not in self.record and kinds[i] != "to"]
        if rest and self.is_redhead and rest[-1] > (self.title or 0):
            self.stray_record = rest[-1]

    # --- the 落款 -------------------------------------------------------------------------

    def _closing(self) -> None:
        end = self.labels[0] if self.labels else (self.record[0] if self.record else self.n)
        if self.stray_record is not None:
            end = min(end, self.stray_record)
        found = []
        for i in range(end - 1, (self.title or 0), -1):
            text = self.texts[i]
            if not text or (self.roles[i].kind == R.NOTE and not found) or _NO_TEXT_PAGE.fullmatch(text):
                continue
            if self.where[i] != "body":
                break
            found.append(i)
            if len(found) == 2:
                break
        if len(found) < 2:
            return
        last, before = found
        if dates.date_line(self.texts[last]) and self._byline(before):
            self.signature, self.date = before, last
        elif dates.date_line(self.texts[before]) and self._byline(last):
            self.signature, self.date, self.swapped = last, before, True
        elif dates.date_line(self.texts[last]):
            self.date = last

    def _byline(self, i: int) -> bool:
        text = self.texts[i]
        return (R.looks_like_byline(text) and R.heading_marker(text) is None and not dates.date_line(text)
                and "：" not in text and ":" not in text)  # ``请假：王立新`` is a list, not a 署名


def _ancestor(el, tag):
    el = el.getparent()
    while el is not None and el.tag != tag:
        el = el.getparent()
    return el


def red_of(ctx: Context) -> Optional[RedView]:
    """The red-header analysis of a .docx (None for other formats)."""
    if ctx.docx is None:
        return None
    return ctx.shared("redview", RedView)


def table_of(el):
    """The table paragraph ``el`` sits in, or None."""
    return _ancestor(el, W + "tbl")


def row_of(el):
    return _ancestor(el, W + "tr")


__all__ = ["RedView", "red_of", "table_of", "row_of", "row_lines", "CC_RE", "PRINTED_RE"]
