"""Which paragraphs each rule can fire in: its ``triggers`` looked up in the masked text.

Most rules look for something rare (a half-width comma, ``〔``, ``某某``), yet every
rule used to walk every paragraph.  A rule declares the characters one of which a
paragraph must hold (``@rule(..., triggers=",;:?!")``); before running it the engine
asks :meth:`Prefilter.paragraphs`: ``None`` (no triggers: every paragraph), ``[]`` (no
trigger anywhere in the source: the rule is not run at all) or the indices of the
paragraphs holding one.  The source is scanned once per trigger character (a C-level
search of the joined text, then of the paragraphs that can hold it), and the answer
is kept per character set, so rules sharing triggers share the scan.

The filter must never change what is found: tests run every rule's examples and the
lint corpus with and without it (tests/lint/test_prefilter.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Dict, List, Optional

from gongwen.lint.context import Context
from gongwen.lint.textview import masked


class Prefilter:
    __slots__ = ("_texts", "_joined", "_starts", "_by_chars")

    def __init__(self, ctx: Context):
        self._texts = masked(ctx)
        self._joined: Optional[str] = None
        self._starts: Optional[List[int]] = None
        self._by_chars: Dict[str, List[int]] = {}

    def paragraphs(self, triggers: Optional[str]) -> Optional[List[int]]:
        if not triggers:
            return None
        found = self._by_chars.get(triggers)
        if found is None:
            if self._joined is None:
                self._joined = "\n".join(self._texts)
            joined = self._joined
            counts = [(c, joined.count(c)) for c in triggers]
            present = [c for c, n in counts if n]
            if not present:
                found = []
            elif sum(n for _, n in counts) * 4 < len(self._texts):
                found = self._sparse(present)
            elif len(present) == 1:
                c = present[0]
                found = [i for i, t in enumerate(self._texts) if c in t]
            else:  # a character class: one search per paragraph, not one per character
                holds = re.compile("[" + re.escape("".join(present)) + "]").search
                found = [i for i, t in enumerate(self._texts) if holds(t)]
            self._by_chars[triggers] = found
        return found

    def _sparse(self, present: List[str]) -> List[int]:
        """The paragraphs holding one of ``present`` when they are few: found in the joined
        text and placed by their start offsets, not one search per paragraph."""
        if self._starts is None:
            starts, pos = [], 0
            for t in self._texts:
                starts.append(pos)
                pos += len(t) + 1
            self._starts = starts
        starts, joined = self._starts, self._joined
        search = re.compile("[" + re.escape("".join(present)) + "]").search
        found: List[int] = []
        m = search(joined)
        while m is not None:
            i = bisect_right(starts, m.start()) - 1
            found.append(i)
            if i + 1 >= len(starts):
                break
            m = search(joined, starts[i + 1])
        return found
