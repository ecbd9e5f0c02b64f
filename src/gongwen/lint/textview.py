"""What the text rules look at: each paragraph's masked text (:mod:`gongwen.lint.masks`), its role
(:mod:`gongwen.draft.roles`) and the outline of headings.

Everything is computed once per source and kept in the lint context (:meth:`Context.shared`).
"""

from __future__ import annotations

import re

from gongwen.draft.looks import docx_looks as looks_of
from gongwen.draft.roles import (ARTICLE_POINT, BLANK, BODY, HEADING, TABLE, TABLE_CAPTION, TABLE_NOTE, TITLE, Line,
                                 Role, assign)
from gongwen.draft.source import Para
from gongwen.lint.context import Context
from gongwen.lint.masks import OPAQUE, SYNTAX, mask_common, md_masks  # noqa: F401 (rules import OPAQUE from here)
from gongwen.spec import lazyre
from gongwen.spec.chars import BLANKS, is_cn
from gongwen.spec.markers import DraftMarker

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, List, Optional, Tuple


def prev_char(s: str, i: int, skip: str = SYNTAX) -> str:
    """The character before index ``i``, skipping masked syntax ('' at the start)."""
    i -= 1
    while i >= 0 and s[i] in skip:
        i -= 1
    return s[i] if i >= 0 else ""


def next_char(s: str, i: int, skip: str = SYNTAX) -> str:
    """The character at or after index ``i``, skipping masked syntax ('' at the end)."""
    while i < len(s) and s[i] in skip:
        i += 1
    return s[i] if i < len(s) else ""


# --- shared analyses --------------------------------------------------------


def masked(ctx: Context) -> List[str]:
    """The masked text of every paragraph of ``ctx`` (same lengths, same order)."""
    return ctx.shared("masked", _masked)


def _masked(ctx: Context) -> List[str]:
    texts = [p.text for p in ctx.paras]
    if ctx.format == "md":
        base = _md_masks_by_line(ctx)
    else:
        base = texts
    out = []
    for para, text, pre in zip(ctx.paras, texts, base):
        if "." not in text and "@" not in text and "gongwen" not in text and "{" not in text:
            out.append(pre)
            continue
        chars = list(pre)
        mask_common(text, chars, ctx.format)
        out.append("".join(chars))
    return out


def _md_masks_by_line(ctx: Context) -> List[str]:
    # Markdown state (fences, front matter) runs across lines: feed the lines in file order,
    # with the gaps (lines the reader left out) as blank lines.
    paras = ctx.paras
    if not paras:
        return []
    if all(p.line == i for i, p in enumerate(paras, 1)):
        return md_masks([p.text for p in paras])
    lines = [""] * max(p.line for p in paras)
    for p in paras:
        lines[p.line - 1] = p.text
    masks = md_masks(lines)
    return [masks[p.line - 1] if len(masks[p.line - 1]) == len(p.text) else p.text for p in paras]


def body_start(mtext: str) -> int:
    """Index of the first character that is neither blank nor masked syntax."""
    i = 0
    while i < len(mtext) and mtext[i] in " \t\u3000\u00a0" + SYNTAX:
        i += 1
    return i


class Heading:
    """A paragraph that opens with a heading marker (``item``: an item, not a heading standing
    over text: :attr:`gongwen.draft.roles.Role.item`)."""

    __slots__ = ("index", "para", "marker", "start", "end", "item")

    def __init__(self, index: int, para: Para, marker: DraftMarker, offset: int, item: bool = False):
        self.index = index
        self.para = para
        self.marker = marker
        self.item = item
        self.start = marker.start + offset  # index of the marker in para.text
        self.end = marker.end + offset  # index where the heading text starts

    @property
    def level(self) -> int:
        return self.marker.level

    @property
    def number(self) -> Optional[int]:
        return self.marker.number


#: YAML content: the roles its keys give (everything else is body text).
_YAML_ROLES = {"yaml:title": TITLE, "yaml:header": TABLE, "yaml:rows": TABLE, "yaml:caption": TABLE_CAPTION,
               "yaml:notes": TABLE_NOTE}


def roles(ctx: Context) -> List[Role]:
    """The role of every paragraph (:mod:`gongwen.draft.roles`), read from its visible text:
    masked syntax taken out, so ``**一、总体要求**`` is a heading.  Heading markers point into
    ``para.text``.  YAML content: its title is the ``title`` key, everything else is body."""
    return ctx.shared("roles", _roles)


def _roles(ctx: Context) -> List[Role]:
    if ctx.format == "yaml":
        return [Role(_YAML_ROLES.get(p.kind, BODY)) for p in ctx.paras]
    looks = docx_looks(ctx) if ctx.docx is not None else None
    lines, keeps = [], []
    for i, (para, mtext) in enumerate(zip(ctx.paras, masked(ctx))):
        keep = None
        if SYNTAX in mtext:
            keep = [k for k, c in enumerate(mtext) if c != SYNTAX]
            mtext = "".join(mtext[k] for k in keep)
        where = para.kind if para.kind in ("table", "textbox") else "body"
        align, red, look = looks[i] if looks and i < len(looks) else (None, False, None)
        lines.append(Line(mtext, where, align, red, look))
        keeps.append(keep)
    out = assign(lines)
    for role, keep, para in zip(out, keeps, ctx.paras):
        if role.marker is not None and keep is not None:
            m = role.marker
            start, end = keep[m.start], keep[m.end - 1] + 1
            role.marker = DraftMarker(m.level, m.number, para.text[start:end], start, end, m.junk, m.half_bracket)
            role.heading_end = keep[role.heading_end - 1] + 1 if role.heading_end else 0
    return out


def wrapped(ctx: Context) -> List[Tuple[int, int]]:
    """``(first, last)`` paragraph indexes of each element set over several paragraphs: a title
    set in lines, a 主送 or an attachment's name wrapped (:attr:`gongwen.draft.roles.Role.wraps`)."""
    return ctx.shared("wrapped", _wrapped)


def _wrapped(ctx: Context) -> List[Tuple[int, int]]:
    out: List[Tuple[int, int]] = []
    above = None  # the last paragraph that is not blank
    for i, role in enumerate(roles(ctx)):
        if role.wraps and above is not None:
            if out and out[-1][1] == above:
                out[-1] = (out[-1][0], i)
            else:
                out.append((above, i))
        if role.kind != BLANK:
            above = i
    return out


def resolver(ctx: Context):
    """The formatting resolver of a .docx (:class:`gongwen.ooxml.styles.Resolver`), one per source."""
    from gongwen.ooxml.styles import Resolver

    return ctx.shared("resolver", lambda c: Resolver(c.docx))


def docx_looks(ctx: Context) -> List[Tuple[Optional[str], bool, object]]:
    """``(alignment, red, (style, size))`` of each paragraph of a .docx, as Word shows it
    (:func:`gongwen.draft.looks.docx_looks`, with the linter's resolver)."""
    return looks_of(ctx.source, resolver(ctx))


def headings(ctx: Context) -> List[Heading]:
    """Every heading paragraph of ``ctx`` in order (YAML content has none: its markers are generated),
    and the points of articles (``第三条`` / ``（一）``), numbered like headings.

    The list of an attachment note (``附件：1. 方案`` and the ``2. …`` lines under
    it) is not part of the outline.
    """
    return ctx.shared("headings", _headings)


def _headings(ctx: Context) -> List[Heading]:
    if ctx.format == "yaml":
        return []  # YAML content has no typed markers: they are generated
    out: List[Heading] = []
    for i, role in enumerate(roles(ctx)):
        if role.kind in (HEADING, ARTICLE_POINT):
            out.append(Heading(i, ctx.paras[i], role.marker, 0, role.item))
    return out


def marker_spans(ctx: Context) -> Dict[int, Tuple[int, int]]:
    """``{paragraph index: (start, end)}`` of heading markers: the marker rules own them, the
    punctuation rules leave them alone."""
    return ctx.shared("marker_spans", lambda c: {i: (h.start, h.end) for i, h in heading_at(c).items()})


def heading_at(ctx: Context) -> dict:
    """``{paragraph index: Heading}``."""
    return ctx.shared("heading_at", lambda c: {h.index: h for h in headings(c)})


def items(ctx: Context):
    """``(index, para, masked text)`` for every paragraph (the running rule's trigger paragraphs
    only, when the engine has narrowed them: ``ctx.only``)."""
    texts = masked(ctx)
    only = ctx.only
    if only is None:
        return zip(range(len(ctx.paras)), ctx.paras, texts)
    paras = ctx.paras
    return ((i, paras[i], texts[i]) for i in only)


# --- analyses two families share ----------------------------------------------------------------

_BLANK_SYNTAX = BLANKS + SYNTAX
_AS_FOLLOWS = lazyre.compile(r"(如下|以下|下列|如次)[:]$")


def recipient_colons(ctx: Context) -> Dict[int, int]:
    """``{paragraph index: offset}`` of the half-width colon ending a 主送/称谓 line
    (``各单位:``, ``同志们:``): GW506 fixes it, GW401 leaves it to GW506.

    Such a line is short, has no sentence inside, and is among the first eight non-empty
    paragraphs; ``如下:`` is not one.
    """
    return ctx.shared("recipient_colons", _recipient_colons)


def _recipient_colons(ctx: Context) -> Dict[int, int]:
    out, rank = {}, 0
    for i, _, mtext in items(ctx):
        if rank >= 8:
            break
        if not mtext.strip(_BLANK_SYNTAX):
            continue
        rank += 1
        text = mtext.rstrip(_BLANK_SYNTAX)
        if (text.endswith(":") and len(text) <= 80 and not re.search("[。；！？;!?]", text)
                and is_cn(prev_char(text, len(text) - 1)) and not _AS_FOLLOWS.search(text)):
            out[i] = len(text) - 1
    return out


#: ``2023年的工作重点``: a year in a phrase naming that year's plans.
STALE_YEAR_RE = lazyre.compile(r"((?:19|20)\d\d)年(?:的)?(?:(?:全年|全市|全县|全省|全区)?(?:工作)?(?:重点|要点|计划|任务|目标)"
                           r"|工作(?:重点|要点|计划|安排|部署))")


def stale_years(ctx: Context) -> List[Tuple[Para, "re.Match"]]:
    """``(paragraph, match)`` for each ``2023年的工作重点`` naming the year before the office's
    ``year`` setting (GW607 reports them; GW901 gives way there).  Empty without the setting."""
    return ctx.shared("stale_years", _stale_years)


def _stale_years(ctx: Context) -> List[Tuple[Para, "re.Match"]]:
    year = ctx.settings.year
    if not year:
        return []
    return [(para, m) for _, para, mtext in items(ctx) for m in STALE_YEAR_RE.finditer(mtext)
            if int(m.group(1)) == year - 1]
