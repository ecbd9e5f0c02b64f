"""Numbers as 公文 write them: Chinese numerals to and from integers, full-width digits.

Pure Python, no imports beyond the standard library: everything above uses it.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional


DIGITS = "零一二三四五六七八九"
_DIGIT_VALUE = {c: i for i, c in enumerate(DIGITS)}
_DIGIT_VALUE.update({"〇": 0, "两": 2})
_UNITS = {"十": 10, "百": 100, "千": 1000}

#: Characters that may make up a Chinese numeral (canonical or not).
NUMERAL_CHARS = "零〇一二两三四五六七八九十百千"
#: Full-width digits and their ASCII values, as ``str.translate`` tables both ways.
FULLWIDTH_DIGITS = "０１２３４５６７８９"
FULLWIDTH_TO_ASCII = str.maketrans(FULLWIDTH_DIGITS, "0123456789")
ASCII_TO_FULLWIDTH = str.maketrans("0123456789", FULLWIDTH_DIGITS)
#: Digits as they may be written in a year (``二〇二三``, ``二○二三`` and the letter O typed for 〇).
YEAR_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
YEAR_DIGITS.update({"零": 0, "○": 0, "Ｏ": 0, "O": 0, "o": 0, "0": 0})



def to_chinese(n: int) -> str:
    """Write ``n`` (1..9999) as GB/T 15835 numbers it in headings.

    >>> [to_chinese(i) for i in (1, 10, 11, 20, 21, 100, 101, 110, 199)]
    ['一', '十', '十一', '二十', '二十一', '一百', '一百零一', '一百一十', '一百九十九']
    """
    if not 1 <= n <= 9999:
        raise ValueError(f"marker number out of range: {n}")
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n - 10] if n > 10 else "")
    out = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // unit % 10
        if digit:
            if zero and out:
                out.append("零")
            out.append(DIGITS[digit] + name)
            zero = False
        elif out:
            zero = True
    return "".join(out)


def from_chinese(text: str) -> Optional[int]:
    """Read a Chinese numeral; ``None`` when it is not one.

    Lenient on purpose (``一十一`` and ``两`` read as numbers) so that a reviewer
    can be told what the canonical form is: compare with :func:`to_chinese`.
    """
    if not text or any(c not in _DIGIT_VALUE and c not in _UNITS for c in text):
        return None
    if all(c in _DIGIT_VALUE for c in text):
        if len(text) == 1:
            return _DIGIT_VALUE[text] or None
        return None  # 一一, 二〇: not a heading numeral
    total, digit = 0, None
    last_unit = 10**9
    for c in text:
        if c in _DIGIT_VALUE:
            if digit is not None and _DIGIT_VALUE[c] and _DIGIT_VALUE[digit]:
                return None  # two digits in a row: 一二十
            digit = c
        else:
            unit = _UNITS[c]
            if unit >= last_unit:
                return None  # 十百, 十十
            total += (_DIGIT_VALUE[digit] if digit is not None else 1) * unit
            if digit is not None and _DIGIT_VALUE[digit] == 0:
                return None
            digit, last_unit = None, unit
    if digit is not None:
        total += _DIGIT_VALUE[digit]
    return total or None


def is_canonical_chinese(text: str) -> bool:
    n = from_chinese(text)
    return n is not None and to_chinese(n) == text
