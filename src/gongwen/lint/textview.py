"""What the text rules look at: paragraph text with the non-text masked out.

Rules must not mistake Markdown syntax, URLs, e-mail addresses, file names or
inline code for faults, and their positions must still point into the
original line.  So each paragraph gets a *masked* copy of the same length:

* ``SYNTAX`` (``\\x01``) replaces Markdown syntax and suppression comments;
  neighbour look-ups skip it, as if it were not there (``**重点**,`` sees
  ``点`` before the comma);
* ``OPAQUE`` (``\\x02``) replaces literal material (URLs, code, file
  extensions); it counts as a non-Chinese character.

Everything is computed once per source and cached on it.
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from ..markers import DraftMarker, read_marker
from .core import Para, Source

SYNTAX = "\x01"
OPAQUE = "\x02"

_CJK_RANGES = (
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F), (0x3007, 0x3007),
)
#: Full-width punctuation used in Chinese text.
CN_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕…—～·「」『』"
CN_CLOSERS = "，。、；：？！”’）》〉】〕」』"


def is_cjk(ch: str) -> bool:
    if not ch:
        return False
    o = ord(ch)
    return any(a <= o <= b for a, b in _CJK_RANGES)


def is_cn(ch: str) -> bool:
    """A Chinese character or a full-width Chinese punctuation mark."""
    return is_cjk(ch) or (bool(ch) and ch in CN_PUNCT)


def prev_char(s: str, i: int, skip: str = SYNTAX) -> str:
    """The character before index ``i``, skipping masked syntax ('' at the start)."""
    i -= 1
    while i >= 0 and s[i] in skip:
        i -= 1
    return s[i] if i >= 0 else ""


def next_char(s: str, i: int, skip: str = SYNTAX) -> str:
    """The character at or after index ``i``, skipping masked syntax ('' at the end)."""
    while i < len(s) and s[i] in skip:
        i += 1
    return s[i] if i < len(s) else ""


def _mask(chars: List[str], start: int, end: int, ch: str) -> None:
    for i in range(start, end):
        chars[i] = ch


# --- masks for every format --------------------------------------------------

_URL_RE = re.compile(r"(?:https?|ftp|file)://[^\s，。；、“”‘’（）《》<>\"'【】]+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s，。；、“”（）《》<>\"'【】]*")
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_DOMAIN_RE = re.compile(r"(?<![A-Za-z0-9.])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:gov|com|org|net|edu)(?:\.cn)?\b|(?<![A-Za-z0-9.])[A-Za-z0-9-]+\.cn\b")
_FILE_EXT_RE = re.compile(
    r"\.(?:docx?|xlsx?|pptx?|pdf|txt|md|ya?ml|wps|et|dps|ofd|zip|rar|7z|jpe?g|png|gif|csv|json|xml|html?|py)(?![A-Za-z0-9])",
    re.I)
_SUPPRESS_RE = re.compile(r"<!--\s*gongwen:.*?-->|#\s*gongwen:\s*(?:disable|enable).*$")
_TEMPLATE_VAR_RE = re.compile(r"\{\{[^{}]*\}\}")


def _mask_common(text: str, chars: List[str], fmt: str) -> None:
    if "." not in text and "@" not in text and "gongwen" not in text and "{" not in text:
        return
    for m in _SUPPRESS_RE.finditer(text):
        _mask(chars, m.start(), m.end(), SYNTAX)
    for regex in (_URL_RE, _EMAIL_RE, _DOMAIN_RE, _FILE_EXT_RE):
        for m in regex.finditer(text):
            _mask(chars, m.start(), m.end(), OPAQUE)
    if fmt == "yaml":
        for m in _TEMPLATE_VAR_RE.finditer(text):
            _mask(chars, m.start(), m.end(), OPAQUE)


# --- Markdown ----------------------------------------------------------------

_MD_LEAD_RE = re.compile(r"^(?P<lead>[ \t]{0,3}(?:>[ \t]?)*[ \t]*)(?P<mark>#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?)?")
_MD_HEADING_TAIL_RE = re.compile(r"[ \t]+#+[ \t]*$")
_MD_RULE_RE = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_MD_TABLE_SEP_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_MD_REFDEF_RE = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$")
_MD_CODE_RE = re.compile(r"(`+)(.+?)\1")
_MD_IMAGE_LINK_RE = re.compile(r"(!?\[)([^\]\n]*)(\]\()([^()\s]*(?:\([^()\s]*\))?[^()\s]*(?:[ \t]+\"[^\"]*\")?)(\))")
_MD_AUTOLINK_RE = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]+>|<[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+>")
_MD_HTML_RE = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_MD_ENTITY_RE = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6});")
_MD_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)(.{1,120}?)(?<=\S)\1")
_MD_EM_RE = re.compile(r"(?<![*\\])\*(?![*\s])([^*，]{1,30}?)(?<![\s\\])\*(?!\*)|(?<![_\w])_(?![_\s])([^_]{1,30}?)(?<!\s)_(?![_\w])")
_MD_STRIKE_RE = re.compile(r"~~(?=\S)(.{1,120}?)(?<=\S)~~")
_MD_ESCAPE_RE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|>~<])")


def _md_masks(lines: List[str]) -> List[str]:
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
        for regex, kind in ((_MD_HTML_RE, SYNTAX), (_MD_AUTOLINK_RE, OPAQUE), (_MD_ENTITY_RE, SYNTAX)):
            for mm in regex.finditer(text):
                _mask(chars, mm.start(), mm.end(), kind)
        start = text.find("<!--")
        if start >= 0 and text.find("-->", start) < 0:
            _mask(chars, start, len(text), SYNTAX)
            comment = True
        for mm in _MD_CODE_RE.finditer(text):
            _mask(chars, mm.start(), mm.end(), OPAQUE)
        for mm in _MD_IMAGE_LINK_RE.finditer(text):
            _mask(chars, mm.start(1), mm.end(1), SYNTAX)
            if mm.group(1) == "![":
                _mask(chars, mm.start(2), mm.end(2), OPAQUE)
            _mask(chars, mm.start(3), mm.end(3), SYNTAX)
            _mask(chars, mm.start(4), mm.end(4), OPAQUE)
            _mask(chars, mm.start(5), mm.end(5), SYNTAX)
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


# --- per-source cache --------------------------------------------------------


def masked(source: Source) -> List[str]:
    """The masked text of every paragraph of ``source`` (same lengths, same order)."""
    cache = source.__dict__.setdefault("_gw_cache", {})
    if "masked" in cache:
        return cache["masked"]
    texts = [p.text for p in source.paras]
    if source.format == "md":
        base = _md_masks_by_line(source)
    else:
        base = texts
    out = []
    for para, text, pre in zip(source.paras, texts, base):
        if "." not in text and "@" not in text and "gongwen" not in text and "{" not in text:
            out.append(pre)
            continue
        chars = list(pre)
        _mask_common(text, chars, source.format)
        out.append("".join(chars))
    cache["masked"] = out
    return out


def _md_masks_by_line(source: Source) -> List[str]:
    # Markdown state (fences, front matter) runs across lines: feed the lines in file order,
    # with the gaps (lines the reader left out) as blank lines.
    paras = source.paras
    if not paras:
        return []
    if all(p.line == i for i, p in enumerate(paras, 1)):
        return _md_masks([p.text for p in paras])
    lines = [""] * max(p.line for p in paras)
    for p in paras:
        lines[p.line - 1] = p.text
    masks = _md_masks(lines)
    return [masks[p.line - 1] if len(masks[p.line - 1]) == len(p.text) else p.text for p in paras]


def body_start(mtext: str) -> int:
    """Index of the first character that is neither blank nor masked syntax."""
    i = 0
    while i < len(mtext) and mtext[i] in " \t\u3000\u00a0" + SYNTAX:
        i += 1
    return i


class Heading:
    """A paragraph that opens with a heading marker."""

    __slots__ = ("index", "para", "marker", "start", "end")

    def __init__(self, index: int, para: Para, marker: DraftMarker, offset: int):
        self.index = index
        self.para = para
        self.marker = marker
        self.start = marker.start + offset  # index of the marker in para.text
        self.end = marker.end + offset  # index where the heading text starts

    @property
    def level(self) -> int:
        return self.marker.level

    @property
    def number(self) -> Optional[int]:
        return self.marker.number


def paragraph_marker(para: Para, mtext: str) -> Optional[Tuple[DraftMarker, int]]:
    """The marker opening a paragraph, read from its masked text, and the offset of the part read.

    Masked syntax inside the marker (``**一、**``) is skipped; the marker's
    ``start``/``end`` are then relative to ``offset`` in the original text.
    """
    offset = body_start(mtext)
    if offset >= len(mtext) or mtext[offset] == OPAQUE:
        return None
    view = mtext[offset:offset + 80]
    if SYNTAX not in view:
        marker = read_marker(view)
        return (marker, offset) if marker is not None else None
    keep = [i for i, c in enumerate(view) if c != SYNTAX]
    marker = read_marker("".join(view[i] for i in keep))
    if marker is None or marker.end == 0:
        return None
    start, end = keep[marker.start], keep[marker.end - 1] + 1
    return DraftMarker(marker.level, marker.number, para.text[offset + start:offset + end], start, end,
                       marker.junk, marker.half_bracket), offset


_ATTACHMENT_RE = re.compile(r"^[ \t\u3000]*附\s*件[：:]")


def headings(source: Source) -> List[Heading]:
    """Every heading paragraph of ``source`` in order (YAML content has none: its markers are generated).

    The list of an attachment note (``附件：1. 方案`` and the ``2. …`` lines under
    it) is not part of the outline.
    """
    cache = source.__dict__.setdefault("_gw_cache", {})
    if "headings" in cache:
        return cache["headings"]
    out: List[Heading] = []
    if source.format != "yaml":
        in_attachments = False
        for i, (para, mtext) in enumerate(zip(source.paras, masked(source))):
            if para.kind not in ("text", "heading"):
                continue  # table cells and text boxes are not part of the outline
            if _ATTACHMENT_RE.match(mtext):
                in_attachments = True
                continue
            found = paragraph_marker(para, mtext)
            if found is None:
                if mtext.strip(" \t\u3000" + SYNTAX):
                    in_attachments = False
                continue
            marker, offset = found
            if in_attachments and marker.level == 3:
                continue
            in_attachments = False
            out.append(Heading(i, para, marker, offset))
    cache["headings"] = out
    return out


def heading_at(source: Source) -> dict:
    """``{paragraph index: Heading}``."""
    cache = source.__dict__.setdefault("_gw_cache", {})
    if "heading_at" not in cache:
        cache["heading_at"] = {h.index: h for h in headings(source)}
    return cache["heading_at"]


def items(source: Source):
    """``(index, para, masked text)`` for every paragraph."""
    return zip(range(len(source.paras)), source.paras, masked(source))
