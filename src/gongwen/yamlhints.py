"""The mistakes Chinese writers make in YAML, found where they are and explained with the fix.

When the YAML parser refuses a text, its own words ("could not find expected ':'",
"mapping values are not allowed here") are English, and its place is often where
it gave up, lines after the mistake: a full-width colon after ``salutation`` is
reported on the next line, an unclosed quote at the end of the file.  Here the
text is scanned (only the lines up to the parser's mark, at most
:data:`WINDOW` of them) for what writers actually do wrong:

* a full-width colon after a key (``salutation：同志们：``), or no space after ``:``;
* an indent made of full-width spaces (U+3000) or of Tabs;
* a quote opened and never closed (the place is the opening quote);
* ``: `` inside Chinese text (YAML reads it as a key), Chinese quotes “” taken for YAML's;
* a line indented differently from its siblings (the expected column is named).

:func:`diagnose` gives the Chinese message and the 1-based line and column, or
None when nothing specific is found (the caller then falls back on a general
message).  Pure text scanning: nothing is parsed or run.
"""

from __future__ import annotations

import re
from typing import List, NamedTuple, Optional, Tuple

from gongwen.spec import lazyre

#: Lines scanned before the parser's mark (the mistake is near it, or the parser stops at once).
WINDOW = 6
#: Lines walked back to find the siblings of a line indented wrongly.
SIBLING_LINES = 200
#: Longest line looked at (characters): a longer one is cut, not scanned whole.
MAX_LINE = 2000

_KEY = r"[A-Za-z_][A-Za-z0-9_]*"
#: gongwen's keys are lower case: ``GDP：增长`` in a list is text, ``heading：`` a mistake.
_OWN_KEY = r"[a-z_][a-z0-9_]*"
#: ``  - key：`` : a key, then a full-width colon.
_FULL_COLON = re.compile(rf"^(?P<lead>[ ]*(?:-[ ]+)?)(?P<key>{_OWN_KEY})[ \t]*：")
#: ``key:value`` : a key, a colon and no blank after it (a full-width space counts as none).
_TIGHT_COLON = re.compile(rf"^(?P<lead>[ ]*(?:-[ ]+)?)(?P<key>{_OWN_KEY}):(?P<next>[^ \t\n/])")
#: A key line: its indent, an optional ``- ``, the key and its colon.
_KEY_LINE = re.compile(r"^(?P<indent>[ ]*)(?P<dash>-[ ]+)?(?P<key>[^\s#:'\"\-][^:#]*?)[ ]*:(?=[ \t]|$)")
#: An entry line of a list: its indent and the ``-``.
_DASH_LINE = re.compile(r"^(?P<indent>[ ]*)-(?=[ \t]|$)")
#: Where a value starts on a line: after ``key: `` or ``- ``.
#: A list entry written ``-严防……`` (no space) or ``－ 严防……`` / ``— 严防……`` (a full-width dash).
_BAD_DASH = re.compile(r"^(?P<indent>[ ]*)(?:(?P<dash>[－—])|(?P<tight>-)(?=[^\s\-0-9.]))")
_VALUE_START = re.compile(rf"^[ ]*(?:-[ ]+)*(?:{_KEY}:[ ]+)?")
_CJK = lazyre.compile("[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2018-\u201d]")  # 3 ms to compile
_FULL_QUOTES = "“”‘’＂＇"


class Hint(NamedTuple):
    """A mistake found: the Chinese message (with the fix) and its 1-based line and column."""

    message: str
    line: int
    column: int


def diagnose(text: str, problem: str, context: str, problem_mark: Optional[Tuple[int, int]],
             context_mark: Optional[Tuple[int, int]]) -> Optional[Hint]:
    """The writer's mistake behind a parser error, or None.

    ``problem`` and ``context`` are the parser's words, the marks its 0-based
    ``(line, column)``.
    """
    if problem_mark is None:
        return None
    last = problem_mark[0]
    first = min(last, context_mark[0] if context_mark else last)
    lines = [line[:MAX_LINE] for line in text.split("\n", last + 1)[:last + 1]]
    while len(lines) <= last:
        lines.append("")
    if "quoted scalar" in context and context_mark is not None:
        return _quote_fault(lines, problem, context_mark)
    if "flow" in context and context_mark is not None and context_mark[0] < len(lines):
        n, col = _opening_bracket(lines, *context_mark)
        bracket = lines[n][col:col + 1]
        if bracket and bracket in "[{":
            name, close = ("方括号", "]") if bracket == "[" else ("花括号", "}")
            return Hint(f"{name}“{bracket}”没有配对：从这里开始的{'列表' if bracket == '[' else '键值'}一直没有“{close}”结束。"
                        f"请在这一项的末尾补上“{close}”；或者不用{name}，改为每项一行、以“- ”开头", n + 1, col + 1)
    start = max(0, first - WINDOW)
    for n in range(last, start - 1, -1):  # the nearest mistake to where the parser stopped
        hint = _line_fault(lines, n)
        if hint:
            return hint
    if "mapping values are not allowed" in problem:
        return _stray_colon(lines, problem_mark)
    if any(words in problem for words in ("expected '-' indicator", "expected key", "expected <block end>")):
        return _indent_fault(lines, last)
    return None


def _line_fault(lines: List[str], n: int) -> Optional[Hint]:
    """A mistake that shows on line ``n`` alone (0-based)."""
    line = lines[n]
    blank = len(line) - len(line.lstrip(" \t\u3000"))
    lead = line[:blank]
    if "\u3000" in lead:
        col = lead.index("\u3000")
        return Hint("行首用了全角空格（U+3000）缩进：YAML 只认半角空格。请删去行首的全角空格，"
                    f"改用半角空格缩进{_expected(lines, n, blank)}", n + 1, col + 1)
    if "\t" in lead:
        col = lead.index("\t")
        return Hint(f"行首用了 Tab 缩进：YAML 不允许用 Tab 缩进。请把 Tab 换成半角空格{_expected(lines, n, blank)}",
                    n + 1, col + 1)
    m = _BAD_DASH.match(line)
    if m and _in_list(lines, n, len(m.group("indent"))):
        dash = m.group("dash") or "-"
        rest = line[len(m.group("indent")) + 1:].lstrip(" \u3000")[:8]
        what = f"用了全角的“{dash}”" if dash != "-" else "的“-”后面缺少半角空格"
        return Hint(f"列表项{what}：YAML 读不出这一项。请写成“- {rest}……”（半角“-”，后面加一个空格）",
                    n + 1, len(m.group("indent")) + 1)
    m = _FULL_COLON.match(line)
    if m and _entry_alone(lines, n, m):
        m = None  # ``- note：以上`` is a list entry (text), unless a key follows under it
    if m:
        key = m.group("key")
        return Hint(f"键 {key} 后面用了全角冒号“：”：YAML 只认半角冒号。请把“{key}：”改为“{key}: ”"
                    "（半角冒号，后面加一个空格）", n + 1, m.end())
    m = _TIGHT_COLON.match(line)
    if m and not line[m.end("key"):].startswith("://") and not _entry_alone(lines, n, m):
        key, full = m.group("key"), m.group("next") == "\u3000"
        now, fix = ("全角空格", "把全角空格换成半角空格") if full else ("紧接文字", f"把“{key}:”改为“{key}: ”")
        return Hint(f"键 {key} 的冒号后面缺少半角空格（现在是{now}），YAML 读不出这个键：请{fix}",
                    n + 1, m.end("key") + 1)
    opened = _unclosed_quote(line)
    if opened is not None and n + 1 < len(lines) and _KEY_LINE.match(lines[n + 1]):
        return _unclosed(line, n, opened)
    return None


def _opening_bracket(lines: List[str], n: int, col: int) -> Tuple[int, int]:
    """Where the flow collection the parser was in opens: at ``(n, col)``, or the last ``[``/``{``
    left open on a line at or above it."""
    if lines[n][col:col + 1] in ("[", "{"):
        return n, col
    for k in range(n, max(n - WINDOW, 0) - 1, -1):
        line = lines[k] if k != n else lines[k][:col]
        for c in range(len(line) - 1, -1, -1):
            if line[c] in "[{" and line.count("]" if line[c] == "[" else "}", c) == 0:
                return k, c
    return n, col


def _in_list(lines: List[str], n: int, indent: int) -> bool:
    """Is there a proper list entry (``- ``) at ``indent`` next to line ``n``?"""
    for k in (n - 1, n + 1, n - 2):
        if 0 <= k < len(lines):
            m = _DASH_LINE.match(lines[k])
            if m and len(m.group("indent")) == indent:
                return True
    return False


def _entry_alone(lines: List[str], n: int, m: "re.Match") -> bool:
    """Is line ``n`` a list entry (``- key…``) with no key line under it: text, whatever it says?"""
    if "-" not in m.group("lead"):
        return False
    below = lines[n + 1] if n + 1 < len(lines) else ""
    key = _KEY_LINE.match(below)
    return not (key and not key.group("dash") and len(key.group("indent")) >= len(m.group("lead")))


def _quote_fault(lines: List[str], problem: str, mark: Tuple[int, int]) -> Hint:
    """The parser was inside a quoted text: unclosed, or with a bad escape."""
    n, col = mark
    line = lines[n] if n < len(lines) else ""
    quote = line[col] if col < len(line) else '"'
    if "escape" in problem:
        return Hint("双引号里的反斜杠“\\”是转义符，这里的写法 YAML 不认：请改用单引号 '…' 括住这段文字，"
                    "或把“\\”写成“\\\\”", n + 1, col + 1)
    return _unclosed(line, n, col, quote)


def _unclosed(line: str, n: int, col: int, quote: str = "") -> Hint:
    quote = quote or line[col]
    tail = line[col + 1:]
    closing = "”" if quote == '"' else "’"
    wrong = f"这一行里的 {closing} 是中文引号，不能结束英文引号 {quote}；" if closing in tail else ""
    return Hint(f"引号没有配对：从这里开始的 {quote} 一直没有结束的 {quote}，后面的内容都被当成了这段文字。"
                f"{wrong}请在这段文字末尾补上 {quote}，或删去开头的 {quote}", n + 1, col + 1)


def _unclosed_quote(line: str) -> Optional[int]:
    """Column of a quote that opens a value on ``line`` and is not closed on it, or None."""
    start = _VALUE_START.match(line).end()
    if start >= len(line) or line[start] not in "\"'":
        return None
    quote = line[start]
    body = line[start + 1:]
    if quote == '"':
        body = re.sub(r"\\.", "", body)
        return None if '"' in body else start
    return None if "'" in body.replace("''", "") else start


def _stray_colon(lines: List[str], mark: Tuple[int, int]) -> Optional[Hint]:
    """``mapping values are not allowed``: a ``: `` inside text, or a key line indented wrongly."""
    n, col = mark
    line = lines[n]
    m = _KEY_LINE.match(line)
    if m and m.end() - 1 == col:
        return _indent_fault(lines, n)
    value = _VALUE_START.match(line).end()
    key = _KEY_LINE.match(line)
    name = key.group("key") if key and key.end() <= value else ""
    shown = line[value:value + 12] + ("…" if len(line) > value + 12 else "")
    if value < len(line) and line[value] in _FULL_QUOTES:
        return Hint(f"中文引号“”不是 YAML 的引号，文字中的半角冒号加空格“: ”仍被当成了键的冒号：请在外面再加英文单引号"
                    f"（{name + ': ' if name else '- '}'{shown}'），或把冒号改为全角“：”", n + 1, col + 1)
    if _CJK.search(line[value:]) or name:
        return Hint("文字中的半角冒号加空格“: ”被 YAML 当成了键的冒号：请给整段文字加上英文引号"
                    f"（{name + ': ' if name else '- '}'{shown}'），或把这个冒号改为全角“：”", n + 1, col + 1)
    return None


def _indent_fault(lines: List[str], n: int) -> Optional[Hint]:
    """Line ``n`` is indented differently from its siblings: name the column it should start at."""
    line = lines[n]
    indent = len(line) - len(line.lstrip(" "))
    sibling = _sibling(lines, n, indent)
    if sibling is None:
        return None
    column, where, name = sibling
    m = _KEY_LINE.match(line)
    what = f"“{m.group('key')}”" if m and not m.group("dash") else "这一行"
    other = f"上面第 {where + 1} 行的“{name}”" if name else f"上面第 {where + 1} 行的列表项“-”"
    return Hint(f"缩进不对：{what}应从第 {column + 1} 列开始，与{other}对齐（现在从第 {indent + 1} 列开始）；"
                "同一层的键或列表项必须对齐", n + 1, indent + 1)


def _expected(lines: List[str], n: int, blank: int) -> str:
    """``，从第 N 列开始（与第 … 行的 … 对齐）`` for a line indented with Tabs or full-width
    spaces, when a line near it starts where that indent looks to end in an editor (a Tab
    as 1, 2, 4 or 8 columns, a full-width space as 1 or 2), or ""."""
    lead = lines[n][:blank]
    widths = set()
    for tab in (1, 2, 4, 8):
        for full in (1, 2):
            widths.add(lead.count(" ") + tab * lead.count("\t") + full * lead.count("\u3000"))
    dash = bool(_DASH_LINE.match(lines[n][blank:]))
    near = list(range(n + 1, min(len(lines), n + 1 + WINDOW))) + list(range(n - 1, max(-1, n - 1 - SIBLING_LINES), -1))
    for k in near:
        for column, name in _columns(lines[k], dash):
            if column in widths:
                other = f"“{name}”" if name else "列表项“-”"
                return f"，从第 {column + 1} 列开始（与第 {k + 1} 行的{other}对齐）"
    return ""


def _sibling(lines: List[str], n: int, indent: int) -> Optional[Tuple[int, int, str]]:
    """``(column, line, key)`` of the line above that line ``n`` should align with: among the
    key columns (or, for a list entry, the ``-`` columns) of the lines above, the one nearest
    to ``indent``, from the nearest lines first; None when ``indent`` is already one of them."""
    dash = bool(_DASH_LINE.match(lines[n].lstrip(" ")))
    best: Optional[Tuple[int, int, str]] = None
    for k in range(n - 1, max(-1, n - 1 - SIBLING_LINES), -1):
        above = lines[k]
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        for column, name in _columns(above, dash):
            if column == indent:
                return None
            if best is None or abs(column - indent) < abs(best[0] - indent):
                best = (column, k, name)
        if len(above) - len(above.lstrip(" ")) == 0:
            break  # a top-level line: nothing above belongs to this block
    return best


def _columns(line: str, dash: bool) -> List[Tuple[int, str]]:
    """Where a sibling of a list entry (``dash``) or of a key could start on ``line``."""
    if not line.strip() or line.lstrip().startswith("#") or line[:1] in "\t\u3000":
        return []
    m = _KEY_LINE.match(line)
    d = _DASH_LINE.match(line)
    if dash:
        return [(len(d.group("indent")), "")] if d else []
    if not m:
        return []
    return [(m.start("key"), m.group("key").strip())]


def colon_in_text(node) -> str:
    """The message for text that YAML read as a key and its value because of a ``: `` in it
    (``- 今年以来，形势平稳: 事故下降``), or "" when ``node`` (a composed node) is not such a mapping."""
    pairs = getattr(node, "value", None)
    if (getattr(node, "id", "") != "mapping" or getattr(node, "flow_style", False) or not isinstance(pairs, list)
            or len(pairs) != 1):
        return ""
    knode = pairs[0][0]
    key = getattr(knode, "value", None)
    if getattr(knode, "id", "") != "scalar" or not _CJK.search(key) or knode.style not in (None, ""):
        return ""
    return (f"文字“…{key[-8:]}: …”中的半角冒号加空格“: ”被 YAML 当成了键的冒号，这一段被读成了键值："
            "请给整段文字加上英文引号（- '……: ……'），或把这个冒号改为全角“：”")
