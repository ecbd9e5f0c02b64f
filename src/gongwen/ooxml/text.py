"""The text Word shows in each paragraph of a .docx, in document order.

Every ``w:p`` of the body, table cells and text boxes included, empty ones
counted, so paragraph N of a .docx made from a text file has the ``line`` N of
that file.  Text is what Word shows: runs in hyperlinks, insertions, content
controls and fields, without deleted text or field codes.

A document of more than :data:`~gongwen.textio.MAX_PARAGRAPHS` paragraphs is
refused as it is read (a :class:`~gongwen.errors.ReadError` naming the file):
a few hundred kilobytes of empty ``<w:p/>`` would otherwise cost gigabytes.
"""

from __future__ import annotations

from gongwen.ooxml.names import MC, W
from gongwen.ooxml.numbering import Numbering
from gongwen.textio import MAX_PARAGRAPHS, check_paragraphs

P, R, T, TAB, PTAB, BR, CR = (W + t for t in ("p", "r", "t", "tab", "ptab", "br", "cr"))
NOBREAKHYPHEN, TXBX, TBL = W + "noBreakHyphen", W + "txbxContent", W + "tbl"
ALT, CHOICE = MC + "AlternateContent", MC + "Choice"
TYPE = W + "type"
#: Containers of paragraphs, walked into (block level).
_BLOCK = {W + t for t in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "txbxContent", "ins", "moveTo")}
#: Containers of runs inside a paragraph, walked into.
_INLINE = {W + t for t in ("hyperlink", "smartTag", "customXml", "ins", "moveTo", "sdt", "sdtContent",
                            "fldSimple", "bdo", "dir", "ruby", "rubyBase")}
#: Run children that hold text boxes (paragraphs of their own).
_OBJECTS = {W + "drawing", W + "pict", W + "object", ALT}


def paragraph_texts(parts):
    """``(text, label_len, where)`` for every paragraph, in document order.

    Fills ``parts.elements`` and ``parts.where`` in the same order.
    """
    numbering = Numbering(parts)
    out = []
    if parts.body is not None:
        _walk_blocks(parts.body, "body", parts, numbering, out)
    return out


def _walk_blocks(container, where, parts, numbering, out) -> None:
    for el in container:
        tag = el.tag
        if tag == P:
            _paragraph(el, where, parts, numbering, out)
        elif tag in _BLOCK:
            _walk_blocks(el, "table" if tag == TBL else where, parts, numbering, out)
        elif tag == ALT:
            choice = el.find(CHOICE)
            if choice is not None:
                _walk_blocks(choice, where, parts, numbering, out)


def _paragraph(p, where, parts, numbering, out) -> None:
    slot = len(out)
    if slot >= MAX_PARAGRAPHS:
        check_paragraphs(slot + 1, parts.path)
    out.append(None)
    parts.elements.append(p)
    parts.where.append(where)
    buf, boxes = [], []
    _inline(p, buf, boxes)
    text = "".join(buf)
    label = numbering.label(p)
    out[slot] = (label + text, len(label), where)
    for box in boxes:
        _walk_blocks(box, "textbox", parts, numbering, out)


def _inline(el, buf, boxes, nodes=None, every=False) -> None:
    """Append the shown text of ``el`` to ``buf`` (text boxes to ``boxes``).

    With ``nodes``, also append for each piece the ``w:t`` element it came
    from (``None`` for a tab or break, unless ``every``: then the element of
    every piece), so a fix can be mapped back onto runs.
    """
    for c in el:
        tag = c.tag
        if tag == R:
            for x in c:
                xt = x.tag
                piece = None
                if xt == T:
                    if x.text:
                        piece = x.text
                elif xt == TAB or xt == PTAB:
                    piece = "\t"
                elif xt == BR:
                    if x.get(TYPE) in (None, "textWrapping"):
                        piece = "\n"
                elif xt == CR:
                    piece = "\n"
                elif xt == NOBREAKHYPHEN:
                    piece = "-"
                elif xt in _OBJECTS:
                    _text_boxes(x, boxes)
                if piece is not None:
                    buf.append(piece)
                    if nodes is not None:
                        nodes.append(x if xt == T or every else None)
        elif tag in _INLINE:
            _inline(c, buf, boxes, nodes, every)
        elif tag == ALT:
            choice = c.find(CHOICE)
            if choice is not None:
                _inline(choice, buf, boxes, nodes, every)
        # w:del, w:moveFrom (deleted text), w:pPr, bookmarks, math: not shown text


def text_nodes(p):
    """``(pieces, nodes)`` of paragraph ``p``: its shown text in pieces and, for each,
    the ``w:t`` element holding it (``None`` for tabs and breaks)."""
    buf, nodes = [], []
    _inline(p, buf, [], nodes)
    return buf, nodes


def shown_pieces(p):
    """``(pieces, elements)`` of paragraph ``p``: its shown text in pieces and the run child
    (``w:t``, ``w:tab``, ``w:br`` …) each comes from."""
    buf, nodes = [], []
    _inline(p, buf, [], nodes, True)
    return buf, nodes


def _text_boxes(obj, boxes) -> None:
    """Outermost ``w:txbxContent`` under ``obj``, skipping ``mc:Fallback`` copies."""
    if obj.tag == ALT:
        obj = obj.find(CHOICE)
        if obj is None:
            return
    for box in obj.iter(TXBX):
        anc = box.getparent()
        nested = False
        while anc is not None and anc is not obj:
            if anc.tag == TXBX or anc.tag == MC + "Fallback":
                nested = True
                break
            anc = anc.getparent()
        if not nested:
            boxes.append(box)
