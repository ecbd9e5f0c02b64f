"""Numbers the layout computes for one paragraph (a height, a frame's position, an indent),
carried through the template as text and written into the paragraph's properties after Jinja.

A template must open in Word, whose parser refuses a property that is not a number
(``w:line="{{ p.height }}"`` makes the file unreadable).  So the example paragraphs of the
red-header kinds hold valid default numbers, and a hidden run ``{{ p.geometry }}`` carries
``gw:height=1984;size=72`` for each paragraph; :func:`apply` writes those values where
:data:`TARGETS` says and removes the run.  Only the layout writes ``geometry`` and every value
is checked against its field's form, so no text of a writer ever reaches a property.
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

from gongwen.ooxml.names import W, W_NS

PREFIX = "gw:"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_NS = {"w": W_NS, "wp": _WP, "a": _A}
_NUMBER = re.compile(r"-?\d{1,9}")
_WORD = re.compile(r"[A-Za-z]{1,24}")

#: field → (XPath from the paragraph, attribute or None for the element's text); a default for the
#: template's example paragraph; the form a value must have.
TARGETS: Dict[str, Tuple[Tuple[str, str], ...]] = {
    "height": (("w:pPr/w:spacing", "line"), ("w:pPr/w:framePr", "h")),
    "size": (("w:r/w:rPr/w:sz", "val"), ("w:r/w:rPr/w:szCs", "val")),
    "gap": (("w:pPr/w:pBdr/w:bottom", "space"),),
    "y": (("w:pPr/w:framePr", "y"), (".//wp:positionV/wp:posOffset", "")),
    "h": (("w:pPr/w:framePr", "h"),),
    "left": (("w:pPr/w:ind", "left"),),
    "hanging": (("w:pPr/w:ind", "hanging"),),
    "right": (("w:pPr/w:ind", "right"),),
    "side": (("w:pPr/w:ind", "left"), ("w:pPr/w:ind", "right")),
    "align": (("w:pPr/w:jc", "val"),),
    "style": (("w:pPr/w:pBdr/w:bottom", "val"),),
    "weight": ((".//a:ln", "w"),),
    "id": ((".//wp:docPr", "id"),),
}
DEFAULTS = {"height": "579", "size": "32", "gap": "6", "y": "0", "h": "579", "left": "0", "hanging": "0",
            "right": "0", "side": "0", "align": "center", "style": "single", "weight": "12700", "id": "9000"}
_WORDS = {"align": {"center", "distribute", "left", "right", "both"},
          "style": {"single", "thickThinSmallGap", "thinThickSmallGap"}}


def placeholder(field: str) -> str:
    """What an example paragraph holds where ``field`` goes: the field's default."""
    return DEFAULTS[field]


def encode(para: Dict[str, str]) -> str:
    """``gw:height=1984;size=72`` for the fields of ``para`` that go into its properties, or ""."""
    found = [f"{k}={para[k]}" for k in TARGETS if k in para]
    return PREFIX + ";".join(found) if found else ""


def _decode(text: str) -> List[Tuple[str, str]]:
    out = []
    for item in text[len(PREFIX):].split(";"):
        key, _, value = item.partition("=")
        if key in _WORDS and value in _WORDS[key]:
            out.append((key, value))
        elif key in TARGETS and key not in _WORDS and _NUMBER.fullmatch(value):
            out.append((key, value))
        else:
            raise ValueError(f"geometry {item!r}")
    return out


#: Schema order of the children of ``w:pPr`` and ``w:rPr`` that :func:`_ensure` may create, with
#: their neighbours: a new element goes before the first sibling that must follow it.
_PPR_ORDER = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
              "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
              "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
              "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split()
_RPR_ORDER = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
              "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
              "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath").split()
#: Elements created when an office cleared them from the example paragraph (Ctrl+Q, Ctrl+Space in
#: Word): the number still reaches the paragraph.  Frames, borders and drawings are structure the
#: office removed on purpose and are not re-created.
_CREATED = {"w:pPr/w:spacing": {"lineRule": "exact"}, "w:pPr/w:ind": {}, "w:pPr/w:jc": {},
            "w:r/w:rPr/w:sz": {}, "w:r/w:rPr/w:szCs": {}}


def _child(parent, name: str, order, attrs=None):
    """``parent``'s child ``w:name``, created in schema order when missing."""
    from lxml import etree

    el = parent.find(W + name)
    if el is not None:
        return el

    el = etree.Element(W + name, {W + k: v for k, v in (attrs or {}).items()})
    rank = order.index(name)
    for i, sibling in enumerate(parent):
        local = sibling.tag[len(W):] if sibling.tag.startswith(W) else ""
        if local in order and order.index(local) > rank:
            parent.insert(i, el)
            return el
    parent.append(el)
    return el


def _ensure(para, path: str) -> None:
    """Create the element ``path`` of :data:`_CREATED` where the paragraph lacks it."""
    if path not in _CREATED:
        return
    from lxml import etree

    name = path.rsplit(":", 1)[1]
    if path.startswith("w:pPr/"):
        ppr = para.find("w:pPr", _NS)
        if ppr is None:
            ppr = etree.Element(W + "pPr")
            para.insert(0, ppr)
        _child(ppr, name, _PPR_ORDER, _CREATED[path])
        return
    for r in para.iterfind("w:r", _NS):
        if r.find("w:t", _NS) is not None or r.find("w:tab", _NS) is not None:
            rpr = r.find("w:rPr", _NS)
            if rpr is None:
                rpr = etree.Element(W + "rPr")
                r.insert(0, rpr)
            _child(rpr, name, _RPR_ORDER)


def apply(body: str, paragraphs: Optional[List[Dict]] = None, path: str = "") -> str:
    """The rendered ``document.xml`` with every paragraph's geometry written in place, and every
    table of ``paragraphs`` grown from the template's example (:mod:`gongwen.builder.tablexml`)."""
    if PREFIX not in body:
        return body
    from lxml import etree

    from gongwen.builder import tablexml

    head, _, rest = body.partition("?>") if body.startswith("<?xml") else ("", "", body)
    root = etree.fromstring(rest.encode("utf-8"), etree.XMLParser(resolve_entities=False, huge_tree=True))
    tablexml.expand(root, paragraphs or [], path)
    for t in list(root.iterfind(".//w:r/w:t", _NS)):  # runs are removed on the way
        text = t.text or ""
        run = t.getparent()
        if not text.startswith(PREFIX) or run.find("w:rPr/w:vanish", _NS) is None:
            continue
        para = run.getparent()
        para.remove(run)
        for key, value in _decode(text):
            for path, attr in TARGETS[key]:
                _ensure(para, path)
                for el in para.iterfind(path, _NS):
                    if attr:
                        el.set(W + attr if el.tag.startswith(W) else attr, value)
                    else:
                        el.text = value
    xml = etree.tostring(root, encoding="unicode")
    return (head + "?>" if head else "") + xml
