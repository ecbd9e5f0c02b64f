"""What a value in an office's settings may be: settings are data, never markup or code.

Settings come from shared folders and other offices, and their values end up
inside the XML of every document built (face names in ``w:rFonts``, the
author in the byline, ``org`` in the text), so each is checked before use:

* a face name is a font name: letters (Chinese, Latin, any script), digits,
  spaces and ``_ - . , + ( ) （ ）`` — ``仿宋_GB2312``, ``Times New Roman``,
  ``方正小标宋_GBK`` — at most :data:`MAX_FACE_LENGTH` characters; no braces,
  ``%``, ``< > & "`` or control characters;
* ``author`` and ``org`` are one line of text of at most
  :data:`MAX_TEXT_LENGTH` characters, with no control or invisible formatting
  characters (line breaks, tabs, bidirectional overrides) and no braces;
* a rule code is letters then digits (``GW413``, ``GW4``); a year has four digits.

Each check answers None (fine) or a Chinese phrase saying what is wrong.
"""

from __future__ import annotations

import re
import unicodedata

from gongwen.spec import lazyre

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable, Optional

#: Longest face name accepted (characters): Windows keeps 31, fontconfig's names run longer.
MAX_FACE_LENGTH = 64
#: Longest author or org accepted (characters): a joint 调研组 of several offices fits easily.
MAX_TEXT_LENGTH = 100
#: Punctuation a real font name uses, besides letters, digits and marks.
FACE_PUNCTUATION = " _-.,+()（）·・"
#: Rule codes and prefixes: ``GW``, ``GW4``, ``GW413``.
CODE = lazyre.compile(r"[A-Z]{1,8}[0-9]{0,6}")
#: Categories never allowed in one-line text: controls, format characters (bidi overrides,
#: zero-width), surrogates, line and paragraph separators.
_BAD_TEXT_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}
_NONCHARACTERS = {"\ufffe", "\uffff"}


def shown(value, limit: int = 40) -> str:
    """``value`` for a message: characters that cannot be shown as ``U+XXXX``, and shortened."""
    text = str(value)
    out = "".join(c if c.isprintable() else f"U+{ord(c):04X}" for c in text[:limit])
    return out + ("…" if len(text) > limit else "")


def _listed(chars: Iterable[str]) -> str:
    seen = list(dict.fromkeys(chars))
    names = [f"“{c}”" if c.isprintable() and not c.isspace() else f"U+{ord(c):04X}" for c in seen[:5]]
    return "、".join(names) + ("等" if len(seen) > 5 else "")


def face_problem(value) -> Optional[str]:
    """What is wrong with ``value`` as a face (font) name, or None."""
    if not isinstance(value, str):
        return "应为字体名（一段文字），如 仿宋_GB2312"
    value = value.strip()
    if not value:
        return "字体名不能为空"
    if len(value) > MAX_FACE_LENGTH:
        return f"字体名过长（{len(value)} 个字符，最多 {MAX_FACE_LENGTH} 个）"
    bad = [c for c in value if not (unicodedata.category(c)[0] in "LMN" or c in FACE_PUNCTUATION)]
    if bad:
        return (f"字体名中不能有 {_listed(bad)}：字体名只由文字、数字、空格和 _ - . , + ( ) 组成，"
                "如 仿宋_GB2312、Times New Roman")
    return None


def text_problem(value) -> Optional[str]:
    """What is wrong with ``value`` as one line of text (author, org), or None (empty is fine)."""
    if value is None:
        return None
    if not isinstance(value, str):
        return "应为一行文字"
    if len(value) > MAX_TEXT_LENGTH:
        return f"文字过长（{len(value)} 个字符，最多 {MAX_TEXT_LENGTH} 个）"
    bad = [c for c in value if unicodedata.category(c) in _BAD_TEXT_CATEGORIES or c in _NONCHARACTERS]
    if bad:
        return f"不能含有控制字符或不可见的格式字符（{_listed(bad)}），应为一行文字"
    if "{" in value or "}" in value:
        return "不能含有花括号 { }：设置是文字，不是模板"
    return None


def code_problem(code: str) -> Optional[str]:
    """What is wrong with ``code`` (upper-cased) as a rule code or prefix, or None."""
    if CODE.fullmatch(code):
        return None
    return f"规则代码 {shown(code)} 无效，应如 GW413 或 GW4"


def year_problem(value) -> Optional[str]:
    """What is wrong with ``value`` as a year, or None."""
    text = str(value).strip()
    if re.fullmatch(r"[0-9]{4}", text):
        return None
    return "year 应为四位年份数字，如 2024"
