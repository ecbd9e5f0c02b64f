"""Dates as 公文 write them: ``2023年2月16日`` (GB/T 9704 7.3.5.2: Arabic digits, no leading zero),
also read from ``2023-02-16``, ``二〇二三年二月十六日`` and the bracketed date line of a speech.

Pure Python; ``datetime`` checks that a date exists (no 4月31日).
"""

from __future__ import annotations

from gongwen.spec import lazyre
from gongwen.spec.numerals import YEAR_DIGITS, from_chinese

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime
    from typing import Optional

#: The year digits of a date in Chinese numerals (〇 also typed as ○, O or 零).
CN_YEAR_DIGIT = "[〇零○OoＯ一二三四五六七八九]"
#: A date in Arabic digits, ``2023年2月16日`` (blanks between the parts tolerated).
ARABIC = r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
#: A date in Chinese numerals, ``二〇二三年二月十六日``.
CHINESE = (rf"(?P<cy>{CN_YEAR_DIGIT}{{4}})年(?P<cm>[一二三四五六七八九十]{{1,2}})月"
           r"(?P<cd>[一二三四五六七八九十]{1,3})日")
#: A paragraph that is only a date, bracketed or not: ``（2023年2月16日）``.
DATE_LINE = lazyre.compile(rf"[（(]?\s*(?:{ARABIC}|{CHINESE})\s*[）)]?")
ISO = lazyre.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
CN_WRITTEN = lazyre.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def make(year: int, month: int, day: int) -> Optional[datetime.date]:
    """The date, or None when it does not exist (2023年2月30日)."""
    import datetime

    try:
        return datetime.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def written(d: datetime.date) -> str:
    """``2023年2月16日``: the form a 公文 writes."""
    return f"{d.year}年{d.month}月{d.day}日"


def chinese_year(text: str) -> Optional[int]:
    """``二〇二三`` → 2023 (four year digits), else None."""
    if len(text) != 4 or any(c not in YEAR_DIGITS for c in text):
        return None
    return int("".join(str(YEAR_DIGITS[c]) for c in text))


def date_line(text: str) -> Optional[datetime.date]:
    """The date a date line holds (digits or Chinese numerals, bracketed or not), or None."""
    if "日" not in text:  # both forms end with it
        return None
    m = DATE_LINE.fullmatch(text.strip())
    if not m:
        return None
    if m.group("y"):
        return make(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    year, month, day = chinese_year(m.group("cy")), from_chinese(m.group("cm")), from_chinese(m.group("cd"))
    if year is None or month is None or day is None:
        return None
    return make(year, month, day)


def parse(raw: str) -> Optional[datetime.date]:
    """A content file's ``date:`` value, ``2023-02-16`` or ``2023年2月16日``; None when it is
    neither or does not exist."""
    m = ISO.fullmatch(raw) or CN_WRITTEN.fullmatch(raw)
    if not m:
        return None
    return make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
