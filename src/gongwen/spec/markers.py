"""The marker grammar: how hierarchy markers and series look, in one place.

GB/T 9704-2012 7.3.3 and GB/T 15834-2011 B.3 fix four heading levels::

    level 1  一、      level 2  （一）      level 3  1.      level 4  （1）

and in-text series ``一是……二是……`` or ``第一，……第二，……``.  The numberer writes
markers with :func:`format_marker` / :func:`format_series`; the linter and the
importer read them with :func:`parse_marker` / :func:`find_series`.  Reading is
tolerant (it recognises the faulty forms found in drafts: ``(一)``, ``1、``,
``一.``, full-width digits) and says whether what it read is canonical, so a
single grammar serves both the writer and the reviewer.

This module is pure Python with no third-party imports: the linter of a
``.txt`` file must start fast.
"""

from __future__ import annotations


from gongwen.spec import lazyre
from gongwen.spec.chars import BLANKS
from gongwen.spec.numerals import FULLWIDTH_TO_ASCII, NUMERAL_CHARS, from_chinese, to_chinese
from gongwen.spec.record import dataclass

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator, List, Optional

# --- heading markers -------------------------------------------------------

LEVELS = (1, 2, 3, 4)
#: Level-3 marker variants an office profile may choose.
LEVEL3_VARIANTS = (".", "．")


def format_marker(level: int, n: int, level3: str = ".") -> str:
    """The canonical marker for item ``n`` at heading ``level``.

    >>> [format_marker(lv, 12) for lv in LEVELS]
    ['十二、', '（十二）', '12.', '（12）']
    """
    if level == 1:
        return to_chinese(n) + "、"
    if level == 2:
        return "（" + to_chinese(n) + "）"
    if level == 3:
        if n < 1:
            raise ValueError(f"marker number out of range: {n}")
        return f"{n}{level3}"
    if level == 4:
        if n < 1:
            raise ValueError(f"marker number out of range: {n}")
        return f"（{n}）"
    raise ValueError(f"no heading level {level}")


_NUM_CN = f"[{NUMERAL_CHARS}]+"
_NUM_AR = "[0-9０-９]+"
_OPEN = "[（(]"
_CLOSE = "[）)]"
_AFTER = "[、.．,，:：;；]"

# Tolerant patterns, tried in order at the start of a paragraph.  Each group
# ``num`` is the number, ``sep`` the punctuation that follows (if any).
_MARKER_PATTERNS = (
    (2, lazyre.compile(rf"{_OPEN}[ \u3000]*(?P<num>{_NUM_CN})[ \u3000]*{_CLOSE}(?P<sep>[ \u3000]*{_AFTER})?")),
    (4, lazyre.compile(rf"{_OPEN}[ \u3000]*(?P<num>{_NUM_AR})[ \u3000]*{_CLOSE}(?P<sep>[ \u3000]*{_AFTER})?")),
    (1, lazyre.compile(rf"(?P<num>{_NUM_CN}(?:[ \u3000]{{1,2}}{_NUM_CN})?)(?P<sep>[ \u3000]*[、.．,，])")),
    # ``1.8万`` is a decimal, not a marker: the separator must not sit between digits.
    (3, lazyre.compile(rf"(?P<num>{_NUM_AR})(?P<sep>[ \u3000]*[.．、,，](?![0-9０-９]))")),
)
#: The characters a marker can open with (every pattern above starts with one of them): a text
#: opening with another is not read against the patterns at all.
_MARKER_FIRST = frozenset("（(" + NUMERAL_CHARS + "0123456789０１２３４５６７８９")


@dataclass(frozen=True)
class Marker:
    """A heading marker read from the start of a paragraph.

    ``number`` is ``None`` when the numeral is unreadable (``二二、``).
    ``canonical`` is the form GB/T 9704 wants for this level and number;
    ``raw == canonical`` means the marker is right as typed (``1．`` for a
    level-3 house variant is judged by the caller).
    """

    level: int
    number: Optional[int]
    raw: str
    end: int  # index in the paragraph where the heading text starts

    @property
    def canonical(self) -> Optional[str]:
        if self.number is None:
            return None
        return format_marker(self.level, self.number)

    @property
    def is_canonical(self) -> bool:
        return self.raw == self.canonical


def _number(level: int, num: str) -> Optional[int]:
    num = num.replace(" ", "").replace("\u3000", "")
    if level in (3, 4):
        value = int(num.translate(FULLWIDTH_TO_ASCII))
        return value or None
    return from_chinese(num)


def parse_marker(text: str) -> Optional[Marker]:
    """Read the heading marker that opens ``text``, if any.

    Series openers (``一是``, ``第一，``) are not heading markers and give ``None``;
    so do ``一些``, ``十分`` and other words that merely start with a numeral.
    """
    if not text or text[0] not in _MARKER_FIRST:
        return None
    for level, pattern in _MARKER_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        if level in (3, 4):
            digits = m.group("num").translate(FULLWIDTH_TO_ASCII)
            if len(digits) > 3:
                continue  # a year or an amount: 2022. is not a marker
        raw = m.group(0)
        sep = (m.group("sep") or "").strip(" \u3000")
        if level == 1 and sep in (",", "，") and _number(1, m.group("num")) is None:
            continue
        if level == 3 and sep in (",", "，"):
            continue  # 1，2，3 is counting, not a marker
        return Marker(level, _number(level, m.group("num")), raw, m.end())
    return None


def strip_marker(text: str) -> str:
    """``text`` without its opening heading marker (if it has one)."""
    marker = parse_marker(text)
    return text[marker.end:] if marker else text


# --- series: 一是 / 第一， ----------------------------------------------------

SERIES_STYLES = ("一是", "第一")
_SERIES_BOUNDARY = "(?:^|(?<=[，。；：、！？,;:!?“”\"'（）()]))"
_SERIES_RE = lazyre.compile(
    rf"{_SERIES_BOUNDARY}(?:(?P<shi>[一二三四五六七八九十百零]{{1,5}})是(?P<shi_sep>[，,：:、]?)"
    rf"|第(?P<di>[一二三四五六七八九十百零]{{1,5}})(?P<di_sep>[，,、：:。.]?)(?![次届个位条项批年章节部款名])"
    rf"|(?P<word>首先|其次|再次|最后|其一|其二|其三|其四|其五)(?P<word_sep>[，,、：:]?))"
)
_SERIES_CHARS = frozenset("是第首其再最")
_WORD_ORDER = {"首先": 1, "其次": 2, "再次": 3, "最后": None,
               "其一": 1, "其二": 2, "其三": 3, "其四": 4, "其五": 5}


def format_series(n: int, style: str = "一是") -> str:
    """The opener of item ``n`` in a series: ``三是`` or ``第三，``."""
    if style == "一是":
        return to_chinese(n) + "是"
    if style == "第一":
        return "第" + to_chinese(n) + "，"
    raise ValueError(f"unknown series style: {style}")


@dataclass(frozen=True)
class SeriesMark:
    """One series opener found in a paragraph (``二是``, ``第三，``, ``其次``)."""

    style: str  # 一是 | 第一 | 首先 | 其一
    number: Optional[int]  # None for 最后 or an unreadable numeral
    raw: str
    sep: str  # punctuation typed right after the opener
    start: int
    end: int


def find_series(text: str) -> Iterator[SeriesMark]:
    """Every series opener in ``text``, in order.

    Only openers at the start of the text or right after punctuation count,
    so ``统一是关键`` and ``第一次`` are not read as series.
    """
    if _SERIES_CHARS.isdisjoint(text):  # every opener holds one of them
        return
    for m in _SERIES_RE.finditer(text):
        if m.group("shi"):
            yield SeriesMark("一是", from_chinese(m.group("shi")), m.group(0), m.group("shi_sep"),
                             m.start(), m.end())
        elif m.group("di"):
            yield SeriesMark("第一", from_chinese(m.group("di")), m.group(0), m.group("di_sep"),
                             m.start(), m.end())
        else:
            word = m.group("word")
            style = "其一" if word.startswith("其") and word != "其次" else "首先"
            yield SeriesMark(style, _WORD_ORDER[word], m.group(0), m.group("word_sep"),
                             m.start(), m.end())


def series_at_start(text: str) -> Optional[SeriesMark]:
    """The series opener that begins ``text``, if any."""
    for mark in find_series(text):
        return mark if mark.start == 0 else None
    return None


def numbers_in_order(numbers: List[Optional[int]]) -> bool:
    """True when ``numbers`` run 1, 2, 3, … without gap or repeat."""
    return numbers == list(range(1, len(numbers) + 1))


# --- reading drafts: markers as reviewers meet them --------------------------

#: Junk that copy/paste leaves inside markers: ``##paidbegin##``, HTML tags and
#: entities, zero-width characters.
MARKER_JUNK_RE = lazyre.compile(r"##[A-Za-z0-9_\-]{0,30}##|<[A-Za-z/][^<>]{0,30}>|&[a-zA-Z]{2,8};|&#\d{1,6};"
                            r"|[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
#: A character every piece of junk holds (a text without one has none).
_JUNK_CHARS = frozenset("#<&\u200b\u200c\u200d\u2060\ufeff\u00ad")
# ``一、二季度``, ``一、二级``, ``三、四月份``: a numeral list, not a level-1 marker.
_ENUMERATION_AFTER = lazyre.compile(rf"[{NUMERAL_CHARS}]+(?:[、，,]|季度|季|级|类|等|档|批|线|期|号|产业|月|年|成|倍)")
# ``1）`` ``一）``: a bracketed marker that lost its opening bracket.
_HALF_BRACKET_RE = lazyre.compile(rf"(?P<num>{_NUM_AR}|[一二三四五六七八九十百零]{{1,5}})(?P<close>[）)])")


@dataclass(frozen=True)
class DraftMarker:
    """A heading marker found at the start of a draft paragraph, faults and all.

    ``start``/``end`` index the paragraph text: ``text[start:end]`` is the
    marker as typed (junk included) and the heading text starts at ``end``.
    ``junk`` lists the junk removed to read it (``##paidbegin##``).
    ``half_bracket`` is true for ``1）`` / ``一）`` (read as level 4 / level 2).
    """

    level: int
    number: Optional[int]
    raw: str
    start: int
    end: int
    junk: tuple = ()
    half_bracket: bool = False

    @property
    def canonical(self) -> Optional[str]:
        if self.number is None:
            return None
        return format_marker(self.level, self.number)


def read_marker(text: str) -> Optional[DraftMarker]:
    """Read the heading marker opening a draft paragraph (tolerant, for linting).

    Unlike :func:`parse_marker` it skips leading blanks, sees through junk
    (``（##paidbegin##三）``), reads ``1）`` / ``一）`` with a missing opening
    bracket, and refuses numeral lists such as ``一、二季度``.

    >>> read_marker("　　（##x##三）加强").raw
    '（##x##三）'
    >>> read_marker("一、二季度经济平稳") is None
    True
    """
    start = 0
    while start < len(text) and text[start] in BLANKS:
        start += 1
    head = text[start:start + 60]
    junk: List[str] = []
    keep: List[int] = []  # index in ``head`` of each kept character
    if not _JUNK_CHARS.isdisjoint(head) and MARKER_JUNK_RE.search(head):
        pieces, pos = [], 0
        for m in MARKER_JUNK_RE.finditer(head):
            pieces.append((pos, head[pos:m.start()]))
            junk.append(m.group(0))
            pos = m.end()
        pieces.append((pos, head[pos:]))
        clean = ""
        for base, piece in pieces:
            clean += piece
            keep.extend(range(base, base + len(piece)))
    else:
        clean = head
        keep = list(range(len(head)))
    marker = parse_marker(clean)
    half = False
    if marker is None:
        m = _HALF_BRACKET_RE.match(clean) if clean and clean[0] in _MARKER_FIRST else None
        if not m:
            return None
        num = m.group("num")
        level = 4 if num[0] in "0123456789０１２３４５６７８９" else 2
        if level == 4 and len(num) > 2:
            return None
        marker = Marker(level, _number(level, num), m.group(0), m.end())
        half = True
    if marker.level == 1 and _ENUMERATION_AFTER.match(clean, marker.end):
        return None
    if not marker.end:
        return None
    end_in_head = keep[marker.end - 1] + 1 if marker.end <= len(keep) else len(head)
    used_junk = tuple(j for j in junk if head.find(j) < end_in_head)
    return DraftMarker(marker.level, marker.number, text[start:start + end_in_head], start,
                       start + end_in_head, used_junk, half)
