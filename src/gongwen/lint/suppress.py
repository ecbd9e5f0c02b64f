"""Inline suppression: ``gongwen: disable=GW201`` comments in .txt, .md and YAML."""

from __future__ import annotations

from gongwen.draft.source import Source
from gongwen.settings import split_codes
from gongwen.spec import lazyre
from gongwen.spec.record import dataclass, field

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, List, Sequence, Tuple


#: ``gongwen: disable=GW201,GW4`` / ``gongwen: enable=…`` / ``gongwen: disable`` (all rules),
#: inside ``<!-- … -->`` (Markdown, text) or after ``#`` (YAML, text).
#: The codes are words separated by blanks, so no two runs of blanks can trade characters
#: (``\s*…[\s]*?\s*`` backtracked cubically on a long run of spaces); ``codes`` is None for
#: ``disable=`` with nothing after it.
SUPPRESS_RE = lazyre.compile(
    r"(?:<!--\s*|#\s*)gongwen:\s*(?P<verb>disable|enable)"
    r"(?:\s*=(?:\s*(?P<codes>[A-Za-z0-9,]+(?:\s+[A-Za-z0-9,]+)*))?)?\s*(?:-->|$)"
)


@dataclass
class Suppressions:
    """Which codes are switched off on which lines.

    A directive sharing its line with text applies to that line only; a
    directive alone on its line applies from there on, until ``enable``.
    """

    line_only: Dict[int, List[str]] = field(default_factory=dict)
    ranges: List[Tuple[int, int, List[str]]] = field(default_factory=list)  # (from, to, prefixes)

    def suppressed(self, line: int, code: str) -> bool:
        def match(prefixes):
            return not prefixes or any(code.startswith(p) for p in prefixes)

        if line in self.line_only and match(self.line_only[line]):
            return True
        return any(a <= line <= b and match(p) for a, b, p in self.ranges)


def parse_suppressions(lines: Sequence[str]) -> Suppressions:
    """Read suppression directives from the raw lines of a file (1-based)."""
    sup = Suppressions()
    open_: Dict[Tuple[str, ...], int] = {}
    for number, text in enumerate(lines, 1):
        if "gongwen:" not in text:
            continue
        for m in SUPPRESS_RE.finditer(text):
            codes = tuple(split_codes(m.group("codes")))
            alone = not text[: m.start()].strip() and not text[m.end():].strip()
            if not alone:
                if m.group("verb") == "disable":
                    sup.line_only.setdefault(number, []).extend(codes)
                    if not codes:
                        sup.line_only[number] = []
                continue
            if m.group("verb") == "disable":
                open_.setdefault(codes, number)
            else:
                for key in list(open_):
                    if not codes or key == codes or set(key) <= set(codes):
                        sup.ranges.append((open_.pop(key), number, list(key)))
    for key, start in open_.items():
        sup.ranges.append((start, 10**9, list(key)))
    return sup


def source_suppressions(source: Source) -> Suppressions:
    if source.format == "docx":
        return Suppressions()
    if source.text is not None:
        lines = source.text.replace("\r\n", "\n").split("\n")
    else:
        lines = []
        for p in source.paras:
            while len(lines) < p.line:
                lines.append("")
            lines[p.line - 1] = p.text
    return parse_suppressions(lines)
