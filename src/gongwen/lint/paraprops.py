"""Paragraph properties the red-header rules read, resolved through the style chain as Word
resolves them: frames (``w:framePr``), indents, spacing, tab stops, and whether a paragraph
starts a new page (a page break before it, ``w:pageBreakBefore``, a section break).

No lxml at module level: only elements the reader made are touched.
"""

from __future__ import annotations

from gongwen.ooxml.names import VAL, W
from gongwen.ooxml.styles import is_on, to_int

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, List, Optional


def _style_chain(parts, sid, kind):
    """Style ``sid`` and its ancestors, the farthest first (the order to apply them in)."""
    return list(reversed(parts.style_chain(sid, kind)))


def para_style(el) -> Optional[str]:
    ppr = el.find(W + "pPr")
    ps = None if ppr is None else ppr.find(W + "pStyle")
    return None if ps is None else ps.get(VAL)


# --- paragraph properties through the style chain ---------------------------------------


def ppr_child(parts, el, tag: str):
    """``w:tag`` of the paragraph's own ``w:pPr``, else of its style chain's (nearest first)."""
    ppr = el.find(W + "pPr")
    own = None if ppr is None else ppr.find(W + tag)
    if own is not None:
        return own
    for st in reversed(_style_chain(parts, para_style(el), "paragraph")):
        spr = st.find(W + "pPr")
        found = None if spr is None else spr.find(W + tag)
        if found is not None:
            return found
    return None


def frame(parts, el) -> Optional[dict]:
    """The ``w:framePr`` attributes of a paragraph (``vAnchor``, ``yAlign``, ``y`` …), or None."""
    fp = ppr_child(parts, el, "framePr")
    return None if fp is None else {k[len(W):]: v for k, v in fp.attrib.items() if k.startswith(W)}


def merged_attrs(parts, el, tag: str) -> Dict[str, int]:
    """The ``w:`` attributes of ``w:pPr/w:tag`` as Word resolves them: document defaults, then
    the style chain, then the paragraph's own, attribute by attribute (``w:ind``, ``w:spacing``)."""
    holders = [parts.doc_defaults("pPr")]
    holders += [st.find(W + "pPr") for st in _style_chain(parts, para_style(el), "paragraph")]
    holders.append(el.find(W + "pPr"))
    out: Dict[str, int] = {}
    for ppr in holders:
        found = None if ppr is None else ppr.find(W + tag)
        if found is not None:
            out.update({k[len(W):]: to_int(v, 0) if k != W + "lineRule" else v
                        for k, v in found.attrib.items() if k.startswith(W)})
    return out


def indents(parts, el) -> Dict[str, int]:
    """The ``w:ind`` attributes of a paragraph, its own over its style chain's."""
    return merged_attrs(parts, el, "ind")


def edges(ind: Dict[str, int], char: int) -> tuple:
    """``(first line start, wrapped lines start, right indent)`` in twips, a character of
    ``char`` twips standing for 100 in the ``…Chars`` attributes."""
    def pick(chars, twips):
        for name in chars:
            if ind.get(name):
                return ind[name] * char / 100
        for name in twips:
            if name in ind:
                return ind[name]
        return 0
    left = pick(("leftChars", "startChars"), ("left", "start"))
    right = pick(("rightChars", "endChars"), ("right", "end"))
    first = pick(("firstLineChars",), ("firstLine",)) - pick(("hangingChars",), ("hanging",))
    return left + first, left, right


def right_tabs(parts, el) -> List[int]:
    """Positions (twips from the margin) of the right-aligned tab stops of a paragraph."""
    stops: Dict[int, str] = {}
    holders = [st.find(W + "pPr") for st in _style_chain(parts, para_style(el), "paragraph")]
    holders.append(el.find(W + "pPr"))
    for ppr in holders:
        tabs = None if ppr is None else ppr.find(W + "tabs")
        for tab in tabs if tabs is not None else ():
            pos = to_int(tab.get(W + "pos"))
            if pos is not None:
                stops[pos] = tab.get(VAL) or ""
    return sorted(p for p, kind in stops.items() if kind in ("right", "end"))


# --- page breaks --------------------------------------------------------------------------

_TXBX = W + "txbxContent"
#: Markup between paragraphs that takes no room.
_BETWEEN = {W + t for t in ("bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd", "commentRangeStart",
                             "commentRangeEnd")}


def _breaks_and_text(p) -> List[str]:
    """``"b"`` for each page break and ``"t"`` for each piece of text of ``p``, in order."""
    out = []
    for x in p.iter(W + "t", W + "br"):
        anc = x.getparent()
        while anc is not None and anc is not p and anc.tag != _TXBX:
            anc = anc.getparent()
        if anc is not p:
            continue  # inside a text box
        if x.tag == W + "br":
            if x.get(W + "type") == "page":
                out.append("b")
        elif x.text and x.text.strip():
            out.append("t")
    return out


def starts_page(parts, p) -> bool:
    """Does paragraph ``p`` start a new page: ``w:pageBreakBefore``, a page break before its text,
    or, with only empty paragraphs between, a page break after the text before it or a section
    break (any but ``continuous``)?"""
    if is_on(ppr_child(parts, p, "pageBreakBefore")):
        return True
    marks = _breaks_and_text(p)
    if marks and marks[0] == "b":
        return True
    prev = p.getprevious()
    while prev is not None:
        if prev.tag != W + "p":
            if prev.tag in _BETWEEN:
                prev = prev.getprevious()
                continue
            return False  # a table, or a section's end
        ppr = prev.find(W + "pPr")
        sect = None if ppr is None else ppr.find(W + "sectPr")
        if sect is not None:
            kind = _own_section(p).find(W + "type")  # how the section of ``p`` starts
            return kind is None or kind.get(VAL) != "continuous"
        marks = _breaks_and_text(prev)
        if "b" in marks[marks.index("t") + 1 if "t" in marks else 0:] or (
                "t" not in marks and is_on(ppr_child(parts, prev, "pageBreakBefore"))):
            return True
        if "t" in marks:
            return False
        prev = prev.getprevious()
    return False


def _own_section(p):
    """The ``w:sectPr`` of the section paragraph ``p`` belongs to: stored at the section's end."""
    el = p
    while el is not None:
        if el.tag == W + "sectPr":
            return el
        if el.tag == W + "p":
            ppr = el.find(W + "pPr")
            sect = None if ppr is None else ppr.find(W + "sectPr")
            if sect is not None:
                return sect
        el = el.getnext()
    return p  # no section properties: read as a page break (Word's default section type)
