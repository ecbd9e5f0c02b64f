"""Which paragraphs each rule can fire in: its ``triggers`` looked up in the masked text.

Most rules look for something rare (a half-width comma, ``〔``, ``某某``), yet every
rule used to walk every paragraph.  A rule declares the characters one of which a
paragraph must hold (``@rule(..., triggers=",;:?!")``); before running it the engine
asks :meth:`Prefilter.paragraphs`: ``None`` (no triggers: every paragraph), ``[]`` (no
trigger anywhere in the source: the rule is not run at all) or the indices of the
paragraphs holding one.  The source is scanned once per trigger character, with string
searches (a regular-expression character class costs a pattern step per character of
the text, ten times more): the joined text first, then the paragraphs that can hold it
(a rare character is found in the joined text and placed by the paragraphs' offsets).
The answer is kept per character and per character set, so rules share the scans.

The filter must never change what is found: tests run every rule's examples and the
lint corpus with and without it (tests/lint/test_prefilter.py).
"""

from __future__ import annotations

from bisect import bisect_right

from gongwen.lint.context import Context
from gongwen.lint.textview import masked

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, List, Optional


class Prefilter:
    __slots__ = ("_texts", "_joined", "_starts", "_by_chars", "_by_char")

    def __init__(self, ctx: Context):
        self._texts = masked(ctx)
        self._joined: Optional[str] = None
        self._starts: Optional[List[int]] = None
        self._by_chars: Dict[str, List[int]] = {}
        self._by_char: Dict[str, List[int]] = {}

    def paragraphs(self, triggers: Optional[str]) -> Optional[List[int]]:
        if not triggers:
            return None
        found = self._by_chars.get(triggers)
        if found is None:
            if self._joined is None:
                self._joined = "\n".join(self._texts)
            present = [c for c in dict.fromkeys(triggers) if c in self._joined]
            if not present:
                found = []
            elif len(present) == 1:
                found = self._holding(present[0])
            else:
                found = sorted(set().union(*(self._holding(c) for c in present)))
            self._by_chars[triggers] = found
        return found

    def _holding(self, c: str) -> List[int]:
        """The paragraphs holding ``c`` (which the joined text holds), in order.  String searches,
        not a character class: a class costs a pattern step per character of the text."""
        found = self._by_char.get(c)
        if found is not None:
            return found
        joined, texts = self._joined, self._texts
        if joined.count(c) * 4 >= len(texts):  # in many paragraphs: test each
            found = [i for i, t in enumerate(texts) if c in t]
        else:  # in few: find them in the joined text, placed by the paragraphs' start offsets
            if self._starts is None:
                starts, pos = [], 0
                for t in texts:
                    starts.append(pos)
                    pos += len(t) + 1
                self._starts = starts
            starts, found = self._starts, []
            at = joined.find(c)
            while at >= 0:
                i = bisect_right(starts, at) - 1
                found.append(i)
                at = joined.find(c, starts[i + 1]) if i + 1 < len(starts) else -1
        self._by_char[c] = found
        return found
