"""Formatting resolved the way Word resolves it, and the runs Word shows in a paragraph.

A run's properties come from its direct formatting, then its character style
and that style's ``basedOn`` chain, then the paragraph style chain, then
``docDefaults``.  A paragraph's come from itself, then the numbering level it
uses (indents), then its style chain, then ``docDefaults``.  Properties are
plain dicts:

- run: ``eastAsia`` / ``ascii`` / ``hAnsi`` → ``("name", face)`` or
  ``("theme", theme font)``; ``sz`` (half-points); ``spacing`` (twentieths of a
  point); ``color`` (hex);
- paragraph: ``jc``; ``first`` → ``("chars" | "twips", first-line indent,
  negative when hanging)``; ``left`` → ``(attribute, value)``; ``line`` →
  ``(lineRule, line)``; ``snap`` (snap to the document grid).

No lxml at module level: this module only reads elements the reader made.
"""

from __future__ import annotations


from gongwen.ooxml.names import VAL, W
from gongwen.spec import lazyre
from gongwen.spec.chars import EAST_ASIAN_CLASS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, Iterable, Optional, Tuple


def to_int(value, default=None):
    """An integer attribute value (``"640"``, ``"28.5"``), or ``default`` when absent or unreadable."""
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        try:
            return int(float(value))
        except ValueError:
            return default


def is_on(el) -> bool:
    """A ``w:ST_OnOff`` element: present and not switched off."""
    return el is not None and el.get(VAL, "1") not in ("0", "false", "off")


# --- properties one element sets itself ------------------------------------------

_FONT_SLOTS = ("eastAsia", "ascii", "hAnsi")
_FONT_ATTRS = tuple((slot, W + slot + "Theme", W + slot) for slot in _FONT_SLOTS)
_RFONTS, _SZ, _SPACING, _COLOR = W + "rFonts", W + "sz", W + "spacing", W + "color"


def _rpr_props(rpr) -> dict:
    """The run properties ``rpr`` sets itself (fonts per slot, size, spacing)."""
    out = {}
    if rpr is None:
        return out
    for el in rpr:
        tag = el.tag
        if tag == _RFONTS:
            for slot, theme_attr, name_attr in _FONT_ATTRS:
                theme = el.get(theme_attr)
                if theme:
                    out[slot] = ("theme", theme)
                else:
                    name = el.get(name_attr)
                    if name:
                        out[slot] = ("name", name)
        elif tag == _COLOR:
            if el.get(VAL):
                out["color"] = el.get(VAL)
        elif tag == _SZ or tag == _SPACING:
            value = to_int(el.get(VAL))
            if value is not None:
                out["sz" if tag == _SZ else "spacing"] = value
    return out


def _ppr_props(ppr) -> dict:
    """The paragraph properties ``ppr`` sets itself (alignment, indents, line spacing, grid)."""
    out = {}
    if ppr is None:
        return out
    jc = ppr.find(W + "jc")
    if jc is not None and jc.get(VAL):
        out["jc"] = jc.get(VAL)
    ind = ppr.find(W + "ind")
    if ind is not None:
        first = None
        for attr, kind in (("firstLineChars", "chars"), ("hangingChars", "-chars"),
                           ("firstLine", "twips"), ("hanging", "-twips")):
            v = to_int(ind.get(W + attr))
            if v is not None:
                if kind.endswith("chars") and v == 0 and (ind.get(W + "firstLine") or ind.get(W + "hanging")):
                    continue  # firstLineChars="0" next to a twips value: the twips count
                first = (kind.lstrip("-"), -v if kind.startswith("-") else v)
                break
        if first is not None:
            out["first"] = first
        for attr in ("left", "start", "leftChars", "startChars"):
            v = to_int(ind.get(W + attr))
            if v is not None:
                out.setdefault("left", (attr, v))
    spacing = ppr.find(W + "spacing")
    if spacing is not None and spacing.get(W + "line") is not None:
        out["line"] = (spacing.get(W + "lineRule") or "auto", to_int(spacing.get(W + "line"), 240))
    snap = ppr.find(W + "snapToGrid")
    if snap is not None:
        out["snap"] = is_on(snap)
    return out


# --- the resolver -------------------------------------------------------------------


class Resolver:
    """Effective run and paragraph properties of one document (style results cached).

    ``parts`` is a :class:`~gongwen.ooxml.parts.DocxParts`.
    """

    def __init__(self, parts):
        self.parts = parts
        self._run_base: Dict[tuple, dict] = {}
        self._para_base: Dict[Optional[str], dict] = {}
        self.default_rpr = _rpr_props(parts.doc_defaults("rPr"))
        self.default_ppr = _ppr_props(parts.doc_defaults("pPr"))
        self.numbering_ppr: Dict[tuple, dict] = {}

    def _chain_props(self, sid, kind, what, fn) -> dict:
        out: dict = {}
        for st in reversed(self.parts.style_chain(sid, kind)):
            out.update(fn(st.find(W + what)))
        return out

    def run_base(self, pstyle, rstyle) -> dict:
        """Run properties from docDefaults and the styles alone (no direct formatting)."""
        key = (pstyle, rstyle)
        if key not in self._run_base:
            props = dict(self.default_rpr)
            props.update(self._chain_props(pstyle, "paragraph", "rPr", _rpr_props))
            if rstyle or self.parts.default_style("character"):
                props.update(self._chain_props(rstyle, "character", "rPr", _rpr_props))
            self._run_base[key] = props
        return self._run_base[key]

    def run(self, pstyle, r) -> dict:
        """Effective properties of run ``r`` in a paragraph of style ``pstyle``."""
        rpr = r.find(W + "rPr")
        rstyle = None
        if rpr is not None:
            el = rpr.find(W + "rStyle")
            rstyle = None if el is None else el.get(VAL)
        props = dict(self.run_base(pstyle, rstyle))
        props.update(_rpr_props(rpr))
        return props

    def para(self, p) -> Tuple[Optional[str], dict]:
        """``(style id, effective paragraph properties)`` of ``p``."""
        ppr = p.find(W + "pPr")
        sid = None
        if ppr is not None:
            el = ppr.find(W + "pStyle")
            sid = None if el is None else el.get(VAL)
        if sid not in self._para_base:
            props = dict(self.default_ppr)
            props.update(self._chain_props(sid, "paragraph", "pPr", _ppr_props))
            self._para_base[sid] = props
        props = dict(self._para_base[sid])
        props.update(self._numbering_ppr(ppr))
        props.update(_ppr_props(ppr))
        return sid if self.parts.style(sid) is not None else self.parts.default_style(), props

    def _numbering_ppr(self, ppr) -> dict:
        """Indents of the numbering level a paragraph uses (between its style and itself)."""
        numpr = None if ppr is None else ppr.find(W + "numPr")
        if numpr is None or self.parts.numbering is None:
            return {}
        num = numpr.find(W + "numId")
        ilvl = numpr.find(W + "ilvl")
        key = (None if num is None else num.get(VAL), "0" if ilvl is None else ilvl.get(VAL))
        if key not in self.numbering_ppr:
            props = {}
            root = self.parts.numbering
            for n in root.iterfind(W + "num"):
                if n.get(W + "numId") == key[0]:
                    absid = n.find(W + "abstractNumId")
                    for a in root.iterfind(W + "abstractNum"):
                        if absid is not None and a.get(W + "abstractNumId") == absid.get(VAL):
                            for lvl in a.iterfind(W + "lvl"):
                                if lvl.get(W + "ilvl") == key[1]:
                                    props = _ppr_props(lvl.find(W + "pPr"))
                    break
            self.numbering_ppr[key] = props
        return self.numbering_ppr[key]

    def is_red(self, style, p) -> bool:
        """Is the first text of paragraph ``p`` red (the 版头's 发文机关标志 and its rule are red)?"""
        for r, text in runs(p):
            if text.strip():
                color = (self.run(style, r).get("color") or "").lower()
                if len(color) == 6:
                    try:
                        red, green, blue = (int(color[k:k + 2], 16) for k in (0, 2, 4))
                    except ValueError:
                        return False
                    return red >= 0xB0 and green <= 0x60 and blue <= 0x60
                return False
        return False

    def size_of(self, style, p) -> Optional[int]:
        """The font size (half-points) of the first text of paragraph ``p``."""
        for r, text in runs(p):
            if text.strip():
                return self.run(style, r).get("sz")
        return self.run_base(style, None).get("sz")

    def style_name(self, sid) -> str:
        """The name a writer sees for style ``sid`` (its id when it has none)."""
        st = self.parts.style(sid)
        if st is None:
            return sid or "默认"
        name = st.find(W + "name")
        return (name.get(VAL) if name is not None else None) or sid


# --- runs and their characters --------------------------------------------------------

RUN, TEXT, TAB = W + "r", W + "t", W + "tab"
#: Containers of runs inside a paragraph whose runs Word shows (walked into).
RUN_CONTAINERS = frozenset(W + t for t in ("hyperlink", "smartTag", "customXml", "ins", "moveTo", "sdt",
                                           "sdtContent", "fldSimple", "bdo", "dir"))


def runs(p) -> Iterable[tuple]:
    """``(run, text)`` for the runs Word shows in paragraph ``p`` (deleted text left out)."""
    stack = [iter(p)]
    while stack:
        for el in stack[-1]:
            tag = el.tag
            if tag == RUN:
                text = "".join(t.text or "" for t in el.iterfind(TEXT))
                yield el, text
            elif tag in RUN_CONTAINERS:
                stack.append(iter(el))
                break
        else:
            stack.pop()


_EAST_ASIAN = lazyre.compile("[" + EAST_ASIAN_CLASS + "]")  # a large class: 3 ms to compile


def cjk_count(text: str) -> int:
    """How many characters of ``text`` are drawn with the East Asian font (ideographs, CJK marks)."""
    return len(text) - len(_EAST_ASIAN.sub("", text)) if text else 0


def solid_count(text: str) -> int:
    """How many characters of ``text`` are not blanks."""
    return len("".join(text.split())) if text else 0
