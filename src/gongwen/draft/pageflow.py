"""Where the pages of a .docx break, estimated on the GB/T 9704 grid, and the widows it leaves.

Reads the document's paragraphs with their effective formatting (style chain, direct formatting)
into :class:`~gongwen.draft.pagelines.Block` s and lays them out with
:func:`~gongwen.draft.pagelines.paginate`.  The estimate is trusted only for a document set on the
grid as gongwen writes it: A4, the standard margins, every line of text at an exact line height
(gongwen: exactly 28.95 pt, 22 lines to a page).  Anything else — line spacing that follows the
font, multiple sections of different pages, pictures in the text — and :func:`estimate` says so
(``reason``) and callers stay silent: a wrong warning is worse than none.  A table ends the
estimate (its rows' heights depend on the cell text and the row layout): pages after the first
table are not estimated.

A *widow* here is what secretaries object to: the last line of a paragraph, one or two
characters long, alone at the top of a page (GB/T 9704 wants full pages of 22 lines, so widow
control stays off; see ``docs/templates.md``).
"""

from __future__ import annotations

from typing import List, Optional

from gongwen.draft.pagelines import Block, Placed, break_lines, paginate, text_widths
from gongwen.ooxml.names import W
from gongwen.ooxml.styles import Resolver, is_on, runs, to_int
from gongwen.spec.gbt9704 import A4, BODY_SIZE, MARGINS
from gongwen.spec.record import dataclass, field

#: How far page size and margins may be from the standard and still count as on the grid (twips).
_TOLERANCE = 20
#: The longest last line reported as a widow (characters).
WIDOW_CHARS = 2
_P, _TBL, _SDT, _SECTPR = W + "p", W + "tbl", W + "sdt", W + "sectPr"


@dataclass
class Widow:
    """A paragraph's last line of one or two characters alone at the top of ``page``."""

    page: int
    line: str  # the lone line's text
    start: str  # the paragraph's beginning, to find it
    index: int  # the paragraph's 0-based index among the body paragraphs the reader numbers
    word: bool = False  # Word's layout (hanging marks) has it too


@dataclass
class Estimate:
    placed: List[Placed] = field(default_factory=list)
    reason: str = ""  # why the estimate is not trusted ("" when it is)
    stopped: Optional[int] = None  # the page where a table ended the estimate

    @property
    def reliable(self) -> bool:
        return not self.reason


def _chain_el(res: Resolver, ppr, sid, tag: str, memo: Optional[dict] = None):
    """The element ``tag`` of a paragraph's properties as Word resolves it (direct, style chain,
    document defaults); ``memo`` keeps what the styles give per style (they do not change)."""
    if ppr is not None:
        el = ppr.find(W + tag)
        if el is not None:
            return el
    key = (sid, tag)
    if memo is not None and key in memo:
        return memo[key]
    found = _styled_el(res, sid, tag)
    if memo is not None:
        memo[key] = found
    return found


def _styled_el(res: Resolver, sid, tag: str):
    for st in res.parts.style_chain(sid):
        sp = st.find(W + "pPr")
        el = None if sp is None else sp.find(W + tag)
        if el is not None:
            return el
    dd = res.parts.doc_defaults("pPr")
    return None if dd is None else dd.find(W + tag)


def _attr(res, ppr, sid, tag: str, attr: str, default=None, memo: Optional[dict] = None):
    """An attribute of ``tag`` resolved attribute by attribute (w:spacing's before and line may come
    from different levels)."""
    if ppr is not None:
        el = ppr.find(W + tag)
        if el is not None and el.get(W + attr) is not None:
            return el.get(W + attr)
    key = (sid, tag, attr, default)
    if memo is not None and key in memo:
        return memo[key]
    found = _styled_attr(res, sid, tag, attr, default)
    if memo is not None:
        memo[key] = found
    return found


def _styled_attr(res, sid, tag: str, attr: str, default):
    for st in res.parts.style_chain(sid):
        sp = st.find(W + "pPr")
        el = None if sp is None else sp.find(W + tag)
        if el is not None and el.get(W + attr) is not None:
            return el.get(W + attr)
    dd = res.parts.doc_defaults("pPr")
    el = None if dd is None else dd.find(W + tag)
    return default if el is None else el.get(W + attr, default)


def _geometry(parts) -> str:
    """Why the sections are not on the standard page ("" when they are)."""
    sects = parts.section_properties()
    if not sects:
        return "没有页面设置"
    for sect in sects:
        size, mar = sect.find(W + "pgSz"), sect.find(W + "pgMar")
        if size is None or mar is None:
            return "页面设置不完整"
        if abs((to_int(size.get(W + "w"), 0)) - A4[0]) > _TOLERANCE or \
                abs(to_int(size.get(W + "h"), 0) - A4[1]) > _TOLERANCE:
            return "纸张不是 A4 纵向"
        for side, want in MARGINS.items():
            if abs(to_int(mar.get(W + side), -9999) - want) > _TOLERANCE:
                return "页边距不是 GB/T 9704 的"
    return ""


class _Reader:
    """Reads paragraphs into blocks.  What the styles give is kept (``memo``, the Resolver's caches)
    for as long as the styles and numbering parts are the same objects (:func:`agreed_widows`'s
    ``shared``); what a paragraph measures is kept for one document (``measured``), so its two
    layouts (marks hanging or not) measure each paragraph once."""

    def __init__(self, parts):
        self.parts = parts
        self.res = Resolver(parts)
        self.width = A4[0] - MARGINS["left"] - MARGINS["right"]
        self.memo: dict = {}  # what the styles give, per style (_chain_el, _attr)
        self.measured: dict = {}  # id(w:p) → (w:p, what _measure found), for the current document

    def use(self, parts) -> "_Reader":
        """This reader for another document with the same styles and numbering parts."""
        self.parts = self.res.parts = parts
        self.measured = {}
        return self

    def block(self, p, index: int, hanging: Optional[bool]) -> Optional[Block]:
        """The block of paragraph ``p`` (None: it takes no room, a frame); raises ValueError when the
        paragraph is off the grid.  ``hanging`` as :func:`estimate` takes it."""
        held = self.measured.get(id(p))
        if held is None or held[0] is not p:
            # p is kept with what it measured: lxml gives a live element the same proxy, and a
            # proxy kept alive keeps its id from being reused for another paragraph
            held = self.measured[id(p)] = (p, self._measure(p, index))
        m = held[1]
        if isinstance(m, Block) or m is None:
            return m
        s, widths, gaps, first, room, overflow, fields = m
        hang = hanging if hanging is not None else (overflow is None or is_on(overflow))
        lines = break_lines(s, widths, room - first, room, hang, gaps) if s else [""]
        return Block(lines=lines, **fields)

    def _measure(self, p, index: int):
        res, memo = self.res, self.memo
        sid, props = res.para(p)
        ppr = p.find(W + "pPr")
        pbb = _chain_el(res, ppr, sid, "pageBreakBefore", memo)
        if _chain_el(res, ppr, sid, "framePr", memo) is not None:  # placed on the page, out of the flow
            if pbb is not None and is_on(pbb):
                return Block(height=0, page_break_before=True, key=index)
            return None
        if p.find(".//" + W + "drawing") is not None or p.find(".//" + W + "pict") is not None:
            if p.find(".//" + W + "inline") is not None:
                raise ValueError("正文中有嵌入的图片")
        rule_, line = props.get("line", ("auto", 240))
        if rule_ != "exact":
            raise ValueError("有段落的行距不是固定值")
        text, widths, gaps = [], [], []
        base = res.run_base(sid, None)
        page_break = False
        for r, t in runs(p):
            rp = res.run(sid, r)
            size, spacing = rp.get("sz") or BODY_SIZE, rp.get("spacing") or 0
            for el in r:
                if el.tag == W + "br" and el.get(W + "type") == "page":
                    page_break = True
                elif el.tag == W + "tab":
                    text.append("\t")
                    widths.append(size * 10 * 2)
                    gaps.append(0)
            widths.extend(text_widths(t, size, spacing, text[-1] if text else "", gaps))
            text.extend(t)
        size = base.get("sz") or BODY_SIZE
        first_kind, first = props.get("first", ("twips", 0))
        if first_kind == "chars":
            first = first * size * 10 // 100
        left_kind, left = props.get("left", ("left", 0))
        if left_kind.endswith("Chars"):
            left = left * size * 10 // 100
        right = to_int(_attr(res, ppr, sid, "ind", "right", memo=memo)
                       or _attr(res, ppr, sid, "ind", "end", memo=memo), 0)
        room = self.width - left - right
        overflow = _chain_el(res, ppr, sid, "overflowPunct", memo)
        keep = _chain_el(res, ppr, sid, "keepNext", memo)
        fields = dict(pitch=line,
                      before=to_int(_attr(res, ppr, sid, "spacing", "before", memo=memo), 0),
                      after=to_int(_attr(res, ppr, sid, "spacing", "after", memo=memo), 0),
                      keep_next=keep is not None and is_on(keep),
                      page_break_before=pbb is not None and is_on(pbb),
                      page_break_after=page_break or (ppr is not None and ppr.find(_SECTPR) is not None),
                      key=index)
        return "".join(text), widths, gaps, first, room, overflow, fields


def estimate(parts, hanging: Optional[bool] = None, reader: Optional[_Reader] = None) -> Estimate:
    """Pages of the body of ``parts`` (a :class:`~gongwen.ooxml.parts.DocxParts`).

    ``hanging``: lay out closing marks at the line end as Word does (True: they hang), as
    LibreOffice's preview does (False: carried over with the character before), or as the
    document's ``w:overflowPunct`` says (None: Word's reading).  ``reader``: one already used on
    ``parts`` (its measurements kept), from :func:`agreed_widows`.
    """
    out = Estimate()
    if parts.body is None:
        out.reason = "没有正文"
        return out
    out.reason = _geometry(parts)
    if out.reason:
        return out
    reader = reader or _Reader(parts)
    index = {id(el): i for i, el in enumerate(parts.elements)} if parts.elements else {}
    blocks: List[Block] = []
    count = 0
    for el in parts.body:
        if el.tag == _TBL:
            placed = paginate(blocks, _flow())
            out.placed = placed
            out.stopped = (placed[-1].pages[-1] if placed else 1)
            return out
        if el.tag != _P:
            continue
        try:
            b = reader.block(el, index.get(id(el), count), hanging)
        except ValueError as exc:
            out.reason = str(exc)
            return out
        count += 1
        if b is not None:
            blocks.append(b)
    out.placed = paginate(blocks, _flow())
    return out


def _flow() -> int:
    return A4[1] - MARGINS["top"] - MARGINS["bottom"]


def widows(est: Estimate, paras=None) -> List[Widow]:
    """The widows of a trusted estimate (``paras``: the Source's paragraphs, for the start text)."""
    if not est.reliable:
        return []
    found = []
    for p in est.placed:
        lines, pages = p.block.lines, p.pages
        if len(lines) < 2 or pages[-1] == pages[-2]:
            continue
        last = lines[-1].strip()
        if 0 < len(last) <= WIDOW_CHARS:
            start = "".join(lines)[:12]
            found.append(Widow(page=pages[-1], line=last, start=start, index=p.block.key))
    return found


def agreed_widows(parts, shared: Optional[dict] = None) -> List[Widow]:
    """Widows of LibreOffice's layout (no hanging marks: the ``--pdf`` preview, the layout measured
    against LibreOffice), each with ``word`` set when Word's layout (marks hang as
    ``w:overflowPunct`` says) has the same widow on the same page.

    ``shared``: a dict kept by the caller across documents whose styles and numbering parts are the
    same parsed objects (a template's, :mod:`gongwen.builder.widowcheck`): what the styles give is
    resolved once for all of them."""
    reader = None
    if shared is not None:
        key = (id(parts.styles), id(parts.numbering))
        held = shared.get(key)
        if held is None or held[0] is not parts.styles or held[1] is not parts.numbering:
            held = shared[key] = (parts.styles, parts.numbering, _Reader(parts))
        reader = held[2].use(parts)
    else:
        reader = _Reader(parts)
    preview = widows(estimate(parts, hanging=False, reader=reader))
    if not preview:
        return []
    word = {(w.index, w.page) for w in widows(estimate(parts, reader=reader))}
    for w in preview:
        w.word = (w.index, w.page) in word
    return preview


def widow_message(w: Widow) -> str:
    """The warning ``gongwen lint`` (GW826) and ``gongwen build`` give for a widow."""
    where = "" if getattr(w, "word", False) else "（PDF 预览中；Word 允许句末标点溢出边界，可能不同）"
    return (f"第 {w.page} 页页首只有“{w.line}”一行{where}，是上一页“{w.start}……”一段的最后一行；"
            "删改一两个字使该段少占一行，或加字使其多出一整行")
