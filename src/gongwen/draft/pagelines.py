"""Lines and pages of a document on the GB/T 9704 grid, estimated from its paragraphs.

Pure Python: the builder (``builder/pages.py``, where the 版记 goes) and the linter (GW826, a
paragraph's last line of one or two characters alone at the top of a page) both count lines here,
so the two never disagree.

The model is the one gongwen's output and an ordinary GB/T 9704 draft follow: every line of text
is one line of the 28.95 pt grid (exact line spacing), 22 to a page; a line holds as many
characters as fit in the text block less the paragraph's indents, a Chinese character or
full-width mark at the run's size plus its letter spacing (三号 with −0.25 pt: 28 to a line), a
Latin letter or digit at its width in Times New Roman.  Lines break as LibreOffice and Word break
Chinese text:

* a closing mark (，。、；：？！”’）》…) never begins a line; an opening mark (“‘（《) never ends
  one; a run of Latin letters and digits (``2023``, ``86.5%``, ``GDP``) is not split;
* at the line end a closing mark that does not fit either *hangs* past the margin (Word, with
  "允许标点溢出边界", ``w:overflowPunct`` on, its default) or is carried to the next line with
  the character before it (LibreOffice's preview, which gongwen converts with hanging off).

:func:`paginate` then fills pages: a paragraph starts a new page after a page break; a
``keepNext`` paragraph moves with the first line of the next one; spacing before is dropped at
the top of a page, as both programs do.
"""

from __future__ import annotations

import re
from typing import List, Optional, Sequence

from gongwen.spec.chars import is_cjk, is_wide
from gongwen.spec.record import dataclass, field

#: Marks that cannot begin a line (the Chinese forbidden-at-start set of Word and LibreOffice).
NO_START = frozenset("，。、；：？！”’）》〉】〕」』…—～·%‰℃,.;:?!)]}")
#: Marks that cannot end a line.
NO_END = frozenset("“‘（《〈【〔「『([{")
#: Closing marks Word lets hang past the line end (允许标点溢出边界).
HANGING = frozenset("，。、；：？！”’）》〉】〕」』,.;:?!)")

#: Advance widths of Times New Roman (Liberation Serif has the same metrics), in 1/1000 em.
_TIMES = dict(zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    (250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
     500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921,
     722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556,
     611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333,
     444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
     278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541)))


def char_width(ch: str, size: int, spacing: int = 0) -> float:
    """Advance of ``ch`` in twips at ``size`` half-points with ``spacing`` twips of letter spacing."""
    em = size * 10
    if is_wide(ch):
        return em + spacing
    return em * _TIMES.get(ch, 500) / 1000 + spacing


#: Space LibreOffice adds between an ideograph and a Latin letter or digit ("中文与西文之间的间距",
#: Word's ``w:autoSpaceDE``/``w:autoSpaceDN``): 3.45 pt at 三号, measured on 630 line ends.
AUTOSPACE = 69
#: What LibreOffice keeps free at the end of a line (twips): a line of 28 三号 characters (8820 twips)
#: fits the 8845 of the text block, one that needs more than 8831 does not (measured as above).
LINE_SLACK = 14


def autospaced(prev: str, ch: str) -> bool:
    """Does LibreOffice put its ideograph/Latin space between ``prev`` and ``ch``?  Only between an
    ideograph and an ASCII letter or digit (not around ``%``, ``.`` or full-width marks)."""
    return bool(prev) and ((is_cjk(prev) and ch.isascii() and ch.isalnum())
                           or (prev.isascii() and prev.isalnum() and is_cjk(ch)))


def text_widths(text: str, size: int, spacing: int = 0, prev: str = "", gaps=None) -> list:
    """Advance of each character of ``text``, with the ideograph/Latin space counted on the second
    character of each such pair (``prev``: the character before ``text``); the spaces alone are
    appended to ``gaps`` when given (a line that starts after such a pair has none)."""
    known = _KNOWN.get((size, spacing))
    if known is None:
        known = _KNOWN[(size, spacing)] = ({}, {})
    width, kinds = known
    for ch in set(text).difference(width):
        width[ch], kinds[ch] = char_width(ch, size, spacing), _kind(ch)
    kind = _kind(prev) if prev else 0
    if kind != 2 and not _ASCII_ALNUM.search(text):  # no ideograph/Latin pair: no space anywhere
        if gaps is not None:
            gaps.extend([0] * len(text))
        return list(map(width.__getitem__, text))
    space = AUTOSPACE * size / 32
    out = []
    for ch in text:
        k = kinds[ch]
        gap = space if kind + k == 3 else 0  # an ideograph (1) beside an ASCII letter or digit (2)
        out.append(width[ch] + gap)
        if gaps is not None:
            gaps.append(gap)
        kind = k
    return out


#: (size, spacing) → (character → advance, character → kind): text_widths walks every character.
_KNOWN: dict = {}
_ASCII_ALNUM = re.compile("[0-9A-Za-z]")


def _kind(ch: str) -> int:
    """1 an ideograph, 2 an ASCII letter or digit, 0 anything else (what :func:`autospaced` asks)."""
    return 1 if is_cjk(ch) else 2 if ch.isascii() and ch.isalnum() else 0


def cells(text: str) -> float:
    """Width of ``text`` in character cells: wide characters 1, the rest ½ (a rough count)."""
    return sum(1.0 if is_wide(c) else 0.5 for c in text)


def _is_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".%-_/'")


def break_lines(text: str, widths: Sequence[int], first: int, rest: int, hanging: bool = True,
                gaps: Optional[Sequence[int]] = None) -> List[str]:
    """``text`` broken into lines: the first line ``first`` twips wide, the others ``rest``
    (``gaps``: the part of each width that is ideograph/Latin space, dropped at a line start)."""
    out: List[str] = []
    start, n = 0, len(text)
    while start < n:
        room = (first if not out else rest) - LINE_SLACK
        used, i = -(gaps[start] if gaps else 0), start
        while i < n and used + widths[i] <= room:
            used += widths[i]
            i += 1
        if i >= n:
            out.append(text[start:])
            break
        end = i
        if hanging and text[end] in HANGING and end > start and (end + 1 >= n or text[end + 1] not in NO_START):
            end += 1  # the mark hangs past the margin
        else:
            while end > start + 1 and (text[end] in NO_START or text[end - 1] in NO_END):
                end -= 1
            if _is_word(text[end]) and _is_word(text[end - 1]):
                w = end
                while w > start and _is_word(text[w - 1]):
                    w -= 1
                if w > start:
                    end = w
        if end <= start:
            end = start + 1
        out.append(text[start:end])
        start = end
    return out or [""]


@dataclass
class Block:
    """One paragraph, or an opaque block (a table, a picture) of known height."""

    lines: List[str] = field(default_factory=list)  # its lines of text (empty paragraph: one empty line)
    pitch: int = 579  # twips a line takes
    before: int = 0  # spacing before and after, twips
    after: int = 0
    keep_next: bool = False
    page_break_before: bool = False
    page_break_after: bool = False  # a w:br type="page" or a section break ends it
    height: Optional[int] = None  # an opaque block: its height, placed whole
    key: object = None  # what the caller needs to find the paragraph again


@dataclass
class Placed:
    """Where a block's lines landed: ``pages[k]`` is the page (1-based) of line ``k``."""

    block: Block
    pages: List[int]


def paginate(blocks: Sequence[Block], flow: int) -> List[Placed]:
    """Lay ``blocks`` on pages ``flow`` twips high (exact-height lines, no widow control)."""
    placed: List[Placed] = []
    page, used = 1, 0
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.page_break_before and (used or placed):
            if used:
                page, used = page + 1, 0
        if b.keep_next and used:
            need = _kept_height(blocks, i)
            if used + need > flow and need <= flow:
                page, used = page + 1, 0
        before = b.before if used else 0
        if b.height is not None:
            if used + before + b.height > flow and used:
                page, used, before = page + 1, 0, 0
            placed.append(Placed(b, [page]))
            used += before + b.height + b.after
        else:
            used += before
            pages = []
            for _ in b.lines or [""]:
                if used + b.pitch > flow and used:
                    page, used = page + 1, 0
                pages.append(page)
                used += b.pitch
            used += b.after
            placed.append(Placed(b, pages))
        if used >= flow:
            page, used = page + 1, 0
        if b.page_break_after:
            page, used = page + 1, 0
        i += 1
    return placed


def _kept_height(blocks: Sequence[Block], i: int) -> int:
    """Height of a chain of keep-with-next blocks from ``i`` and the first line of the one after."""
    need = 0
    while i < len(blocks):
        b = blocks[i]
        if b.height is not None:
            need += b.before + b.height
        elif not b.keep_next:
            return need + b.before + b.pitch
        else:
            need += b.before + b.pitch * max(1, len(b.lines)) + b.after
        if not b.keep_next:
            return need
        i += 1
    return need

