"""A title in lines, as GB/T 9704 7.3.1 wants it: 回行时词意完整，排列对称，长短适宜，间距恰当，
标题排列应当使用梯形或菱形.

Every kind's title and every 附件 title goes through :func:`shape`.  A title that fits one line
stays whole; a longer one breaks only between words into the fewest lines that hold it, shorter
lines above (正梯形) or the middle line longest (菱形), never with 的/和/与/及 or a closing mark
at a line's start, never inside a short 《》 or （）, a number or an organisation's name.

Words come from :mod:`gongwen.builder.titlewords` (a list of the words titles are made of,
segmented by fewest pieces): cheaper to load than a general segmenter and more careful with
titles, since characters no word covers stay together.  Only the build path imports this module.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from typing import Dict, List, Optional, Sequence, Tuple

from gongwen.builder import titlewords as W
from gongwen.spec.chars import is_wide

#: Characters of 二号 (22 pt) a line of the 156 mm text block holds: 442 pt / 22 pt.
PER_LINE = 20.0
#: Widths of Latin characters in the title face, in character cells, and the room Word and
#: LibreOffice put between Chinese and Latin text (autoSpaceDE/DN, a quarter of a cell): measured
#: on LibreOffice's PDF, a line of 20 cells by this count never wraps.
_DIGIT, _UPPER, _OTHER, _AUTOSPACE = 0.5, 0.72, 0.5, 0.25
#: What a cell of imbalance between the longest and shortest line costs against a better break.
_BALANCE = 0.2

_NUMBER = re.compile(r"[0-9A-Za-z０-９%％]+(?:[.．·—\-－~～～][0-9A-Za-z０-９]+)*"
                     r"(?:年度|年|月份|月|日|号|期|批|次|届|个|项|条|万|亿|元|%|％)?")
_ORDINAL = re.compile(r"第[一二三四五六七八九十百千零〇两0-9]+(?:次|批|届|章|条|期|轮|号|季度|部分)?")
_COUNT = re.compile(r"[一二三四五六七八九十两]+(?:年|个|项|批|季度)")
#: Place-name endings: ``县`` before an organisation word belongs to it (``市财政局``).
_PLACE_ENDS = frozenset("县市区省镇乡州旗")
_ORGS = frozenset(W._ORGANISATIONS.split())

WORD, FUNC, ATOM, OTHER, OPEN, CLOSE, SPACE = "word", "func", "atom", "other", "open", "close", "space"
Token = Tuple[str, str]


def width(text: str) -> float:
    """Width of ``text`` set in the title face, in character cells of its size."""
    out = 0.0
    previous, last = None, ""  # was the character before wide (Chinese)? and which was it
    for c in text:
        wide = is_wide(c)
        if wide:
            out += 1
        elif c.isdigit():
            out += _DIGIT
        elif c.isupper():
            out += _UPPER
        else:
            out += _OTHER
        if previous and c.isascii() and c.isalnum() and last != "—":
            out += _AUTOSPACE
        elif previous is False and wide and last.isalnum() and c != "—":
            out += _AUTOSPACE
        previous, last = wide, c
    return out


def _pairs(text: str, per_line: float) -> Dict[int, int]:
    """Start → end (exclusive) of each pair of marks whose whole fits a line: kept in one piece."""
    spans: Dict[int, int] = {}
    i = 0
    while i < len(text):
        close = W.PAIRS.get(text[i])
        if close:
            depth, k = 0, i
            while k < len(text):
                depth += (text[k] == text[i]) - (text[k] == close)
                if depth == 0:
                    break
                k += 1
            if k < len(text) and width(text[i:k + 1]) <= per_line * 0.75:
                spans[i] = k + 1
                i = k + 1
                continue
        i += 1
    return spans


def tokens(text: str, per_line: float = PER_LINE) -> List[Token]:
    """``text`` in pieces: words, joining words, numbers and short pairs (atoms), marks, and
    characters no word covers; the fewest pieces, unknown characters counted twice."""
    spans = _pairs(text, per_line)
    n = len(text)
    best: List[Optional[Tuple[int, int, str]]] = [None] * (n + 1)  # cost, previous start, kind
    best[0] = (0, -1, "")
    for i in range(n):
        if best[i] is None:
            continue
        cost = best[i][0]
        options: List[Tuple[int, int, str]] = []
        if i in spans:
            options.append((spans[i], 1, ATOM))
        else:
            c = text[i]
            for pattern in (_NUMBER, _ORDINAL, _COUNT):
                m = pattern.match(text, i)
                if m and m.end() > i:
                    options.append((m.end(), 1, ATOM))
            for k in range(min(n, i + W.LONGEST), i + 1, -1):
                if text[i:k] in W.WORDS:
                    options.append((k, 1, WORD))
            if c in W.NO_LINE_END:
                options.append((i + 1, 1, OPEN))
            elif c in "　 ":
                options.append((i + 1, 1, SPACE))
            elif c in W.NO_LINE_START and not c.isalnum() or unicodedata.category(c).startswith("P"):
                options.append((i + 1, 1, CLOSE))
            elif c in W.FUNCTION_CHARS:
                options.append((i + 1, 1, FUNC))
            else:
                options.append((i + 1, 2, OTHER))
        for end, step, kind in options:
            if any(inside < end < spans[inside] for inside in spans if inside < end):
                continue  # never end inside a kept pair
            candidate = (cost + step, i, kind)
            if best[end] is None or candidate[0] < best[end][0]:
                best[end] = candidate
    out: List[Token] = []
    end = n
    while end > 0:
        _, start, kind = best[end]
        out.append((text[start:end], kind))
        end = start
    return out[::-1]


def _quality(prev: Token, nxt: Token) -> Optional[float]:
    """How good a line break between two pieces is (higher is better); None: never."""
    (a, ka), (b, kb) = prev, nxt
    if ka == OPEN or kb in (CLOSE, SPACE) or (ka == OTHER and kb == OTHER):
        return None
    if len(b) == 1 and b in W.NO_LINE_START:
        return None
    if a == "中共" or (ka == OTHER and len(a) == 1 and a in W.PREFIX_CHARS):
        return None
    if a[-1] in _PLACE_ENDS and b in _ORGS:
        return None  # 清河县 | 人民政府: one name
    if kb == OTHER and len(b) == 1 and not (b in _PLACE_ENDS or b in W.PREFIX_CHARS):
        return None  # a character no word covers belongs to the word before it (农业农村局)
    if ka == SPACE or a[-1] in "、，":
        return 3.0
    if b == "关于":
        return 2.0
    if a == "关于" or b in ("印发", "转发", "批转"):
        return 1.5
    if ka == FUNC:
        return 0.8
    if ka == OTHER or kb == OTHER:
        return 0.5
    return 1.0


def _breaks(pieces: Sequence[Token]) -> Dict[int, float]:
    """Character offset → quality of a break there."""
    out: Dict[int, float] = {}
    offset = 0
    for i in range(1, len(pieces)):
        offset += len(pieces[i - 1][0])
        q = _quality(pieces[i - 1], pieces[i])
        if q is not None:
            out[offset] = q
    return out


def shape_ok(widths: Sequence[float], slack: float = 0.5) -> bool:
    """正梯形 (each line no longer than the one below) or 菱形 (the middle longest): widths rise to
    a peak and fall after it; two lines never fall; the last line is not the only longest of 3+."""
    if len(widths) < 2:
        return True
    peak = max(range(len(widths)), key=lambda i: (widths[i], i))
    rising = all(widths[i] <= widths[i + 1] + slack for i in range(peak))
    falling = all(widths[i] + slack >= widths[i + 1] for i in range(peak, len(widths) - 1))
    if len(widths) == 2:
        return widths[0] <= widths[1] + slack
    return rising and falling and (peak > 0 or max(widths) - min(widths) <= slack)


def _best(text: str, breaks: Dict[int, float], count: int, per_line: float) -> Optional[List[str]]:
    points = sorted(breaks)
    best: Optional[Tuple[float, Tuple[int, ...]]] = None
    for cut in itertools.combinations(points, count - 1):
        edges = (0,) + cut + (len(text),)
        lines = [text[edges[k]:edges[k + 1]].rstrip("　 ") for k in range(count)]
        widths = [width(line) for line in lines]
        if max(widths) > per_line or not shape_ok(widths):
            continue
        score = sum(breaks[c] for c in cut) - _BALANCE * (max(widths) - min(widths))
        if best is None or score > best[0]:
            best = (score, cut)
    if best is None:
        return None
    edges = (0,) + best[1] + (len(text),)
    return [text[edges[k]:edges[k + 1]].rstrip("　 ") for k in range(count)]


def shape(title: str, per_line: float = PER_LINE) -> List[str]:
    """``title`` in lines (one line when it fits)."""
    title = title.strip()
    total = width(title)
    if total <= per_line:
        return [title]
    fewest = int(-(-total // per_line))
    breaks = _breaks(tokens(title, per_line))
    for count in range(fewest, fewest + 2):
        if len(breaks) >= count - 1:
            found = _best(title, breaks, count, per_line)
            if found:
                return found
    # No word boundary gives the shape: break between any two characters a line may part.
    loose = {i: 0.0 for i in range(1, len(title)) if title[i] not in W.NO_LINE_START
             and title[i - 1] not in W.NO_LINE_END}
    loose.update(breaks)
    for count in range(fewest, fewest + 3):
        found = _best(title, loose, count, per_line) if count <= 4 else None
        if found:
            return found
    lines, rest = [], title
    while width(rest) > per_line:
        k = max(i for i in range(1, len(rest)) if width(rest[:i]) <= per_line)
        lines.append(rest[:k])
        rest = rest[k:]
    return lines + [rest]


def lines(title: str, given: Sequence[str] = ()) -> List[str]:
    """The lines of a title: as the writer set them (``given``), or shaped."""
    return [line for line in given if line] or shape(title)
