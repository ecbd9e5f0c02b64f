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

from gongwen.lint.context import Context
from gongwen.lint.textview import masked

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, List, Optional


class Prefilter:
    __slots__ = ("_texts", "_joined", "_by_chars")

    def __init__(self, ctx: Context):
        self._texts = masked(ctx)
        self._joined: Optional[str] = None
        self._by_chars: Dict[str, List[int]] = {}

    def paragraphs(self, triggers: Optional[str]) -> Optional[List[int]]:
        if not triggers:
            return None
        found = self._by_chars.get(triggers)
        if found is None:
            if self._joined is None:
                self._joined = "\n".join(self._texts)
            present = [c for c in triggers if c in self._joined]
            if not present:
                found = []
            elif len(present) == 1:
                c = present[0]
                found = [i for i, t in enumerate(self._texts) if c in t]
            else:  # a character class: one search per paragraph, not one per character
                holds = re.compile("[" + re.escape("".join(present)) + "]").search
                found = [i for i, t in enumerate(self._texts) if holds(t)]
            self._by_chars[triggers] = found
        return found
