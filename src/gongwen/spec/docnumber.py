"""The 发文字号 (GB/T 9704 7.2.5): ``清政办发〔2024〕12号`` — issuer code, the year in full inside
六角括号 〔〕, the serial without 第 and without leading zeros, then 号.

One pattern reads the forms people type (``[2024]``, ``（2024）``, ``第01号``); :func:`formatted`
writes the one form the standard allows. Pure Python.
"""

from __future__ import annotations


from gongwen.spec import lazyre

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

#: A 发文字号 as typed: brackets of any kind, 第 and leading zeros tolerated (one ``\s*`` per gap).
PATTERN = lazyre.compile(
    r"(?P<org>[\u4e00-\u9fff]{1,8}[发函字办令电呈])(?P<b1>\s*[\[［【﹝〖(（〔<〈{]\s*)(?P<year>(?:19|20)\d\d)"
    r"(?P<b2>\s*[\]］】﹞〗)）〕>〉}])(?P<di>\s*(?:第\s*)?)(?P<num>0*\d{1,4})(?P<hao>\s*号)")
#: A whole field that is one 发文字号: any issuer code (上行文 codes need not end in 发, as in 清水〔2025〕9号).
WHOLE = lazyre.compile(
    r"(?P<org>[\u4e00-\u9fff]{1,12})\s*[\[［【﹝〖(（〔<〈{]\s*(?P<year>(?:19|20)\d\d)\s*[\]］】﹞〗)）〕>〉}]"
    r"\s*(?:第\s*)?(?P<num>0*\d{1,5})\s*号")
#: The issuer code alone (``清政办发``): Chinese characters, no brackets or digits.
CODE = lazyre.compile(r"[\u4e00-\u9fff]{1,12}")


def written(code: str, year: int, serial: int) -> str:
    """``清政办发〔2024〕12号``."""
    return f"{code}〔{year}〕{serial}号"


def formatted(text: str) -> Optional[str]:
    """``text`` (a whole 发文字号 as typed) in the standard's form; None when it is not one."""
    m = WHOLE.fullmatch(text.strip())
    if not m:
        return None
    return written(m.group("org"), int(m.group("year")), int(m.group("num")))
