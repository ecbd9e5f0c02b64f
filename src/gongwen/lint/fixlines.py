"""A fix that empties a line takes the line with it.

Deleting ``##paidend##`` (GW604), a line of web-page buttons or a typed indent that was all a line
held must not leave a blank line behind — at the end of a file, or between paragraphs of Markdown
(a blank line there would become two).  :func:`whole_line` widens the span of such a deletion in
a text file (.txt, .md) to the line and its line end; at the end of the file the line end before
it goes instead, so that the file ends as it did (with a line end or without).  YAML is left to
the structure check of :mod:`gongwen.lint.fix`.
"""

from __future__ import annotations

import re
from typing import Tuple

from gongwen.spec.chars import BLANKS

_LINE_END = re.compile(r"\r\n|\r|\n")


def _line_of(text: str, a: int, b: int) -> Tuple[int, int, int]:
    """(start, end without its line end, end with it) of the line holding ``text[a:b]``."""
    start = max(text.rfind("\n", 0, a), text.rfind("\r", 0, a)) + 1
    m = _LINE_END.search(text, b)
    return (start, m.start(), m.end()) if m else (start, len(text), len(text))


#: Line ends and blanks ending a string: what precedes a last line.
_TAIL = re.compile(r"(?:\r\n|\r|\n)[%s]*$" % re.escape(BLANKS))


def _blank(s: str) -> bool:
    return not s.strip(BLANKS + "\r\n")


def whole_line(text: str, a: int, b: int, new: str) -> Tuple[int, int]:
    """The span to replace so that deleting ``text[a:b]`` leaves no empty line: ``(a, b)`` itself
    unless the deletion empties its line."""
    if new or a == b:
        return a, b
    start, end, after = _line_of(text, a, b)
    if not (_blank(text[start:a]) and _blank(text[b:end])) or (start == 0 and after == len(text)):
        return a, b  # text stays on the line, or the line is the whole file
    if after == len(text) or _blank(text[after:]):
        # the last line with text: it goes with the line ends (and blank lines) before it, so that
        # the file ends as it did, with its own final line end or without one
        cut = start
        while cut > 0:
            m = _TAIL.search(text, 0, cut)
            if not m:
                break
            cut = m.start()
        return cut, end
    # a line between others: the line and its line end; and one blank line around it when it
    # stood between two (Markdown's paragraph breaks), so that one break is left
    prev_start = max(text.rfind("\n", 0, max(start - 1, 0)), text.rfind("\r", 0, max(start - 1, 0))) + 1
    prev_blank = start > 0 and _blank(text[prev_start:start])
    n_start, n_end, n_after = _line_of(text, after, after)
    if prev_blank and _blank(text[n_start:n_end]) and n_after > n_start:
        return start, n_after
    return start, after
