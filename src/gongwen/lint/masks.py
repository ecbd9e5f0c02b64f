"""Masks: each paragraph's text with the non-text replaced, same length, so positions still point
into the original line.

* :data:`SYNTAX` (``\\x01``) replaces Markdown syntax and suppression comments; neighbour
  look-ups skip it, as if it were not there (``**重点**,`` sees ``点`` before the comma);
* :data:`OPAQUE` (``\\x02``) replaces literal material (URLs, e-mail addresses, code, file
  extensions, ``{{ vars }}``); it counts as a non-Chinese character.

Every pattern here runs in linear time on any input (hostile drafts are linted too).
"""

from __future__ import annotations

import re

from gongwen.spec import lazyre

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Optional, Tuple

SYNTAX = "\x01"
OPAQUE = "\x02"


def _mask(chars: List[str], start: int, end: int, ch: str) -> None:
    for i in range(start, end):
        chars[i] = ch


# --- masks for every format --------------------------------------------------

_URL_RE = lazyre.compile(r"(?:https?|ftp|file)://[^\s，。；、“”‘’（）《》<>\"'【】]+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s，。；、“”（）《》<>\"'【】]*")
# E-mail: a scan starts only where a name starts (a left boundary), not at every letter of it,
# so a long run of letters is read once; ``_left_matches`` also tries right where the previous
# match ended, as the pattern without the boundary did.
_EMAIL_AT_RE = lazyre.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_EMAIL_RE = lazyre.compile(r"(?<![A-Za-z0-9._%+-])" + _EMAIL_AT_RE.pattern)
# A domain: ``(?<![A-Za-z0-9.])`` + one of these, tried only where it can find something new (see
# _domain_spans): the bare pattern restarted after every "-" of a long name.
_DOMAIN_RE = lazyre.compile(
    r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:gov|com|org|net|edu)(?:\.cn)?\b|[A-Za-z0-9-]+\.cn\b")
_DOMAIN_CN_RE = lazyre.compile(r"[A-Za-z0-9-]+\.cn\b")
_NAME_RUN_RE = lazyre.compile(r"[A-Za-z0-9-]+")
_FILE_EXT_RE = lazyre.compile(
    r"\.(?:docx?|xlsx?|pptx?|pdf|txt|md|ya?ml|wps|et|dps|ofd|zip|rar|7z|jpe?g|png|gif|csv|json|xml|html?|py)(?![A-Za-z0-9])",
    re.I)
# Suppression comments: ``<!--\s*gongwen:.*?-->`` (found with str.find, see _comment_spans) or
# ``#\s*gongwen:\s*(?:disable|enable).*$`` (this prefix, then the rest of the text).
_SUPPRESS_HEAD_RE = lazyre.compile(r"\s*gongwen:")
_SUPPRESS_HASH_RE = lazyre.compile(r"#\s*gongwen:\s*(?:disable|enable)")
_TEMPLATE_VAR_RE = lazyre.compile(r"\{\{[^{}]*\}\}")


class _Find:
    """``text.find(sub, i)`` for non-decreasing ``i``, reusing the last answer while it still holds:
    repeated look-ups for the same closer cost one pass over the text in all."""

    __slots__ = ("text", "sub", "start", "found")

    def __init__(self, text: str, sub: str):
        self.text, self.sub, self.start, self.found = text, sub, -1, -1

    def __call__(self, i: int) -> int:
        if self.start < 0 or i < self.start or (0 <= self.found < i):
            self.start, self.found = i, self.text.find(self.sub, i)
        return self.found


class _Search:
    """``regex.search(text, i)`` for non-decreasing ``i``, reusing the last match while it still holds."""

    __slots__ = ("regex", "text", "start", "match", "done")

    def __init__(self, regex, text: str):
        self.regex, self.text, self.start, self.match = regex, text, -1, None

    def __call__(self, i: int):
        m = self.match
        if self.start < 0 or i < self.start or (m is not None and m.start() < i):
            self.start, self.match = i, self.regex.search(self.text, i)
        return self.match


def _comment_spans(text: str, head=None, other=None, rest_of_text: bool = False):
    """The spans ``re.finditer`` gives for ``<!--HEAD.*?-->|OTHER`` (``HEAD`` a regex matched
    after ``<!--``, or nothing), in linear time.

    ``<!--.*?-->`` rescans the rest of the text from every ``<!--`` when no ``-->`` follows: here
    each closer is found with ``str.find`` once.  With ``rest_of_text``, a match of ``other``
    goes on with ``.*$`` (the rest of the text when no line break but a final one follows).
    """
    n = len(text)
    opener, closer, newline = _Find(text, "<!--"), _Find(text, "-->"), _Find(text, "\n")
    others = _Search(other, text) if other is not None else None
    comment: Optional[Tuple[int, int]] = None  # the next comment match at or after pos
    comments_left = "<!--" in text
    pos = 0
    while pos <= n:
        if comments_left and (comment is None or comment[0] < pos):
            comment = None
            c = opener(pos)
            while c >= 0:
                h = c + 4
                if head is not None:
                    m = head.match(text, h)
                    h = m.end() if m else -1
                if h >= 0:
                    close = closer(h)
                    if close < 0:
                        break  # no closer after this opener: none after any later one either
                    nl = newline(h)
                    if nl < 0 or nl > close:  # '.' does not match a line break
                        comment = (c, close + 3)
                        break
                c = opener(c + 1)
            comments_left = comment is not None
        found = None
        if others is not None:
            i = pos
            while True:
                m = others(i)
                if m is None or (comment is not None and m.start() > comment[0]):
                    break
                end = m.end()
                if rest_of_text:
                    nl = newline(end)
                    if 0 <= nl < n - 1:  # '.*$' cannot pass this line break
                        i = m.start() + 1
                        continue
                    end = n if nl < 0 else nl
                found = (m.start(), end)
                break
        if found is None:
            found = comment
        if found is None:
            return
        yield found
        pos = found[1] if found[1] > found[0] else found[1] + 1


def _left_matches(regex, at_regex, text: str):
    """``finditer`` of ``at_regex`` in linear time, given ``regex``: the same with a left boundary.

    A match of ``at_regex`` starting inside a run of name characters would also start at the
    run's first character, so only run starts are tried (``regex``), and the spot where the
    previous match ended (``at_regex``), which may be inside a run.
    """
    pos = 0
    while True:
        m = at_regex.match(text, pos) if pos else None
        if m is None:
            m = regex.search(text, pos)
        if m is None:
            return
        yield m.start(), m.end()
        pos = m.end() if m.end() > m.start() else m.end() + 1


def _domain_spans(text: str):
    """``finditer`` of ``(?<![A-Za-z0-9.])`` + ``_DOMAIN_RE``, in linear time.

    Names are runs of ``[A-Za-z0-9-]``; a *chain* is runs joined by single dots.  In a run the
    pattern may start at the run's start (unless a dot comes before it) or after any "-"; only
    the first such start can find anything the later ones would not.  Its first alternative
    finds something from a run only if a later run of the chain holds the suffix
    (``gov``, ``com``…), so once it has been tried in a chain, the later starts there only need
    the second one (``….cn``): the chain is read once, not once per "-".
    """
    pos = 0
    last_end = -2  # where the last run ended; a run one dot after it is in the same chain
    full = True  # is the first alternative still worth trying in this chain?
    for run in _NAME_RUN_RE.finditer(text):
        s, e = run.span()
        if s != last_end + 1 or text[last_end] != ".":
            full = True  # a new chain
        last_end = e
        if e <= pos:
            continue  # inside the last match
        t = max(s, pos)
        # The lookbehind allows a start after anything but a letter, digit or dot: at the start
        # of a run unless a dot comes before it, inside a run only after a "-".
        if (t == s and t > 0 and text[t - 1] == ".") or (t > s and text[t - 1] != "-"):
            t = text.find("-", t, e) + 1  # the first start in this run is after its next "-"
            if t <= 0 or t >= e:
                continue
        m = (_DOMAIN_RE if full else _DOMAIN_CN_RE).match(text, t)
        full = False
        if m is not None:
            yield m.start(), m.end()
            pos = m.end()


def mask_common(text: str, chars: List[str], fmt: str) -> None:
    if "." not in text and "@" not in text and "gongwen" not in text and "{" not in text:
        return
    if "gongwen" in text:
        for a, b in _comment_spans(text, _SUPPRESS_HEAD_RE, _SUPPRESS_HASH_RE, rest_of_text=True):
            _mask(chars, a, b, SYNTAX)
    for m in _URL_RE.finditer(text):
        _mask(chars, m.start(), m.end(), OPAQUE)
    if "@" in text:
        for a, b in _left_matches(_EMAIL_RE, _EMAIL_AT_RE, text):
            _mask(chars, a, b, OPAQUE)
    for a, b in _domain_spans(text):
        _mask(chars, a, b, OPAQUE)
    for m in _FILE_EXT_RE.finditer(text):
        _mask(chars, m.start(), m.end(), OPAQUE)
    if fmt == "yaml":
        for m in _TEMPLATE_VAR_RE.finditer(text):
            _mask(chars, m.start(), m.end(), OPAQUE)


# --- Markdown ----------------------------------------------------------------

_MD_LEAD_RE = lazyre.compile(r"^(?P<lead>[ \t]{0,3}(?:>[ \t]?)*[ \t]*)(?P<mark>#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?)?")
_MD_HEADING_TAIL_RE = lazyre.compile(r"(?<![ \t])[ \t]+#+[ \t]*$")  # a scan starts only where blanks start
_MD_RULE_RE = lazyre.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# Each optional '|' carries its own blanks: no two [ \t]* meet (they would backtrack quadratically).
_MD_TABLE_SEP_RE = lazyre.compile(r"^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*(?:\|[ \t]*)?$")
_MD_REFDEF_RE = lazyre.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$")
_MD_BACKTICKS_RE = lazyre.compile(r"`+")
# ``(!?\[)([^\]\n]*)`` + this tail, see _link_spans.  The optional "(…)" carries the rest of the
# address with it: two adjacent [^()\s]* would backtrack quadratically when no ")" closes.
_MD_LINK_TAIL_RE = lazyre.compile(r"(\]\()([^()\s]*(?:\([^()\s]*\)[^()\s]*)?(?:[ \t]+\"[^\"]*\")?)(\))")
_MD_AUTOLINK_RE = lazyre.compile(r"<(?:https?|ftp|mailto):[^<>\s]+>|<[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+>")
# HTML: ``<!--.*?-->`` (found with str.find, see _comment_spans) or a tag.
_MD_TAG_RE = lazyre.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_MD_ENTITY_RE = lazyre.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6});")
_MD_STRONG_RE = lazyre.compile(r"(\*\*|__)(?=\S)(.{1,120}?)(?<=\S)\1")
_MD_EM_RE = lazyre.compile(r"(?<![*\\])\*(?![*\s])([^*，]{1,30}?)(?<![\s\\])\*(?!\*)|(?<![_\w])_(?![_\s])([^_]{1,30}?)(?<!\s)_(?![_\w])")
_MD_STRIKE_RE = lazyre.compile(r"~~(?=\S)(.{1,120}?)(?<=\S)~~")
_MD_ESCAPE_RE = lazyre.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|>~<])")


def _code_spans(text: str):
    """The spans ``(`+)(.+?)\\1`` finds, found by scanning the runs of backticks (linear time).

    At a run of *r* backticks the pattern tries *k* = *r*, *r*-1, … 1 opening backticks and
    ends at the first *k* backticks after at least one other character: inside the same run
    when 2*k*+1 <= *r*, else at the start of the first later run of at least *k*.  So the
    largest *k* that a later run allows wins if it is above (*r*-1)//2, else *k* = (*r*-1)//2.
    A match may end inside a run; the rest of that run opens the next try.  ``.`` stops at a
    line break, so each line is paired on its own.
    """
    if "`" not in text:
        return
    line_start = 0
    while line_start <= len(text):
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = len(text)
        runs = [(m.start(), m.end()) for m in _MD_BACKTICKS_RE.finditer(text, line_start, line_end)]
        longest_after = [0] * (len(runs) + 1)  # longest run after run i
        for i in range(len(runs) - 1, 0, -1):
            longest_after[i - 1] = max(longest_after[i], runs[i][1] - runs[i][0])
        pos, i = line_start, 0
        while i < len(runs):
            s, e = runs[i]
            p = max(s, pos)
            if p >= e:
                i += 1
                continue
            r = e - p
            k, half = min(r, longest_after[i]), (r - 1) // 2
            if k > half:
                j = i + 1
                while runs[j][1] - runs[j][0] < k:
                    j += 1
                pos, i = runs[j][0] + k, j
                yield p, pos
            elif half:
                yield p, p + 2 * half + 1
                pos = p + 2 * half + 1
            else:
                break  # no backtick after this run: nothing more on this line
        line_start = line_end + 1


def _link_spans(text: str):
    """The spans (whole, ``[`` or ``![``, label, ``](``, address, ``)``) that
    ``(!?\\[)([^\\]\\n]*)`` + ``_MD_LINK_TAIL_RE`` finds, in linear time.

    Every ``[`` before the same ``]`` (with no line break between) reads the same tail, so only
    the first is tried: the pattern rescanned the line from each ``[`` of ``[[[[…``.
    """
    closing, newline = _Find(text, "]"), _Find(text, "\n")
    pos = 0
    while True:
        p = text.find("[", pos)
        if p < 0:
            return
        c = closing(p + 1)
        if c < 0:
            return  # no "]" after this "[", nor after any later one
        nl = newline(p + 1)
        if 0 <= nl < c:
            pos = nl + 1  # the label may not hold a line break: every "[" before it fails
            continue
        m = _MD_LINK_TAIL_RE.match(text, c)
        if m is None:
            pos = c + 1
            continue
        start = p - 1 if p > pos and text[p - 1] == "!" else p
        yield (start, m.end()), (start, p + 1), (p + 1, c), m.span(1), m.span(2), m.span(3)
        pos = m.end()


def md_masks(lines: List[str]) -> List[str]:
    out: List[str] = []
    fence: Optional[str] = None
    front = bool(lines) and lines[0].strip() == "---"
    comment = False
    for n, text in enumerate(lines):
        chars = list(text)
        stripped = text.strip()
        if front:
            out.append(OPAQUE * len(text))
            if n > 0 and stripped in ("---", "..."):
                front = False
            continue
        if fence is not None:
            out.append(OPAQUE * len(text))
            if stripped.startswith(fence):
                fence = None
            continue
        if stripped.startswith("```") or stripped.startswith("~~~"):
            fence = stripped[:3]
            out.append(OPAQUE * len(text))
            continue
        if comment:
            end = text.find("-->")
            if end < 0:
                out.append(SYNTAX * len(text))
                continue
            _mask(chars, 0, end + 3, SYNTAX)
            comment = False
        if _MD_RULE_RE.match(text) or _MD_TABLE_SEP_RE.match(text) or _MD_REFDEF_RE.match(text):
            out.append(SYNTAX * len(text))
            continue
        if text.startswith("    ") or text.startswith("\t"):
            # Indented code only after a blank line; a writer's indented paragraph is text.
            if n > 0 and not lines[n - 1].strip() and text.lstrip()[:1] in ("$", "`", "{", "<"):
                out.append(OPAQUE * len(text))
                continue
        m = _MD_LEAD_RE.match(text)
        if m:
            _mask(chars, 0, m.end(), SYNTAX)
            if m.group("mark") and m.group("mark").startswith("#"):
                tail = _MD_HEADING_TAIL_RE.search(text)
                if tail:
                    _mask(chars, tail.start(), tail.end(), SYNTAX)
        if "<" in text:
            for a, b in _comment_spans(text, other=_MD_TAG_RE):
                _mask(chars, a, b, SYNTAX)
        for regex, kind in ((_MD_AUTOLINK_RE, OPAQUE), (_MD_ENTITY_RE, SYNTAX)):
            for mm in regex.finditer(text):
                _mask(chars, mm.start(), mm.end(), kind)
        start = text.find("<!--")
        if start >= 0 and text.find("-->", start) < 0:
            _mask(chars, start, len(text), SYNTAX)
            comment = True
        for a, b in _code_spans(text):
            _mask(chars, a, b, OPAQUE)
        for _, opener, label, middle, address, closer in _link_spans(text):
            _mask(chars, *opener, SYNTAX)
            if opener[1] - opener[0] == 2:  # "![": an image's description is not text
                _mask(chars, *label, OPAQUE)
            _mask(chars, *middle, SYNTAX)
            _mask(chars, *address, OPAQUE)
            _mask(chars, *closer, SYNTAX)
        masked = "".join(chars)
        for regex in (_MD_STRONG_RE, _MD_STRIKE_RE):
            for mm in regex.finditer(masked):
                d = len(mm.group(1)) if regex is _MD_STRONG_RE else 2
                _mask(chars, mm.start(), mm.start() + d, SYNTAX)
                _mask(chars, mm.end() - d, mm.end(), SYNTAX)
        masked = "".join(chars)
        for mm in _MD_EM_RE.finditer(masked):
            _mask(chars, mm.start(), mm.start() + 1, SYNTAX)
            _mask(chars, mm.end() - 1, mm.end(), SYNTAX)
        for mm in _MD_ESCAPE_RE.finditer(text):
            if chars[mm.start()] == "\\":
                chars[mm.start()] = SYNTAX
        out.append("".join(chars))
    return out
