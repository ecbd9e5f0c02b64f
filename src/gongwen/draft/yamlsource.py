"""YAML content as paragraphs whose positions point into the YAML file.

``yaml.compose`` gives every scalar its start and end marks, so each text
field can be checked in place: a finding at offset *k* of a paragraph maps to
the exact line and column of the YAML file for plain, quoted and block
scalars.  Multi-line plain and folded scalars carry per-line ``segments``; a
quoted scalar with escapes cannot be mapped character by character, so its
findings point at the scalar's start and its fixes are not applied in place.

The composed tree is kept on the source (``source.yaml``) for the
content rules (typed markers in headings, one-item series, …).
"""

from __future__ import annotations

import bisect
import re

from gongwen.content.schema import ITEMS_KEY, KIND_WORDS, kind_of
from gongwen.content.schema import NESTED_KEYS as _CONTENT_NESTED
from gongwen.content.schema import TEXT_KEYS as _CONTENT_TEXT
from gongwen.draft.source import Para, Source
from gongwen.errors import ReadError
from gongwen.textio import check_paragraphs

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Optional, Tuple

#: Keys whose string values are text a reader sees.  ``paragraphs``/``text``/``opening``… may
#: be one string (a paragraph per line) or a list of strings; ``items`` entries may be strings.
TEXT_KEYS = _CONTENT_TEXT | {ITEMS_KEY}
#: Keys holding nested content (mappings or lists of them); ``items`` entries may be mappings.
NESTED_KEYS = _CONTENT_NESTED | {ITEMS_KEY}
#: A top-level ``title:`` line, or ``kind:`` with a known kind: YAML that is meant as content.
_CONTENT_LINE = re.compile(r"^(?:title\s*:|kind\s*:\s*[\"']?(?:%s)(?![\w]))" % "|".join(KIND_WORDS), re.M)


def yaml_source(text: str, path: str = "<yaml>") -> Source:
    """Parse YAML content into a Source (format ``yaml``).

    YAML the parser refuses is still a Source when it is meant as content (a
    top-level ``title:`` or ``kind: speech|report`` line): one with no paragraphs
    and no node tree, whose syntax error the content rules report with its
    place, as ``gongwen build`` does.  Other YAML the parser refuses raises
    :class:`~gongwen.errors.GongwenError` naming the place.
    """
    import yaml

    from gongwen.errors import GongwenError
    from gongwen.yamlsafe import compose, syntax_problem

    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        root = compose(text)  # nesting bounded: libyaml's composer would segfault on deep input
    except yaml.YAMLError as exc:
        if looks_like_content(text):
            return Source(path, [], "yaml", text=text, yaml=None)
        message, place = syntax_problem(exc, text, path)  # in Chinese, at the writer's mistake
        raise GongwenError(f"{message}；无法检查", place) from None
    src = Source(path, [], "yaml", text=text, yaml=root)
    if root is not None:
        # YAML breaks lines at U+0085, U+2028 and U+2029 too; its marks count them.
        _walk(root, "", None, re.split("[\n\x85\u2028\u2029]", text), src.paras, _Budget(path))
    return src


def looks_like_content(text: str) -> bool:
    """Is this YAML text (maybe broken) meant as gongwen content?"""
    return bool(_CONTENT_LINE.search(text))


def is_content(source: Source) -> bool:
    """Does this YAML look like gongwen content (a mapping with ``kind`` or ``title``)?

    YAML that could not be parsed is content when :func:`looks_like_content`.
    """
    root = source.yaml
    if root is None:
        return bool(source.text) and looks_like_content(source.text)
    if root.tag != "tag:yaml.org,2002:map":
        return False
    fields = dict(mapping_items(root))
    kind = fields.get("kind")
    if kind is not None and kind.tag == "tag:yaml.org,2002:str" and kind_of(kind.value) is not None:
        return True
    return bool(set(fields) & {"kind", "title"}) and bool(set(fields) & (TEXT_KEYS | NESTED_KEYS))


def mapping_items(node):
    """``(key, value node)`` of a mapping node with string keys."""
    if node is None or node.tag != "tag:yaml.org,2002:map":
        return []
    return [(k.value, v) for k, v in node.value if isinstance(getattr(k, "value", None), str)]


class _Budget:
    """What one walk may cost.  Each alias (``*a``) walks its anchored node again, so a small
    file could walk forever: nodes, characters and paragraphs are counted as they are visited,
    within the loader's bounds and :data:`~gongwen.textio.MAX_PARAGRAPHS`."""

    def __init__(self, path: str):
        from gongwen.content.shapes import MAX_CHARS, MAX_NODES

        self.path, self.nodes, self.chars = path, MAX_NODES, MAX_CHARS

    def visit(self, node, out: List[Para]) -> None:
        self.nodes -= 1
        if isinstance(node.value, str):
            self.chars -= len(node.value)
        if self.nodes < 0 or self.chars < 0:
            raise ReadError(self.path, "内容过大（别名 * 展开后超出限制），拒绝读取")
        check_paragraphs(len(out), self.path)


def _walk(node, key: str, last: Optional[str], lines: List[str], out: List[Para], budget: _Budget) -> None:
    budget.visit(node, out)
    tag = node.tag
    if tag == "tag:yaml.org,2002:map":
        for k, v in mapping_items(node):
            sub = f"{key}.{k}" if key else k
            if k in TEXT_KEYS or k in NESTED_KEYS:
                _walk(v, sub, k, lines, out, budget)
    elif tag == "tag:yaml.org,2002:seq":
        for i, item in enumerate(node.value):
            _walk(item, f"{key}[{i}]", last, lines, out, budget)
    elif tag == "tag:yaml.org,2002:str" and (last in TEXT_KEYS or (last in NESTED_KEYS and key.endswith("]"))):
        # text, or an entry written as a string in a list that may also hold mappings: an article
        # (``articles: [为了……]``), a point of an article, an attachment named by its title
        out.extend(scalar_paras(node, key, "yaml:" + last, lines))


def scalar_paras(node, key: str, kind: str, lines: List[str]) -> List[Para]:
    """The paragraphs (one per line of the value) of a string scalar, with file positions."""
    value = node.value
    start = node.start_mark
    mapped = _map_scalar(node, lines)
    starts = [o for o, _, _ in mapped] if mapped is not None else []  # in order: found by bisection
    paras: List[Para] = []
    offset = 0
    for part in value.split("\n"):
        if mapped is not None:
            lo, hi = bisect.bisect_left(starts, offset), bisect.bisect_right(starts, offset + len(part))
            segs = [(o - offset, ln, col) for o, ln, col in mapped[lo:hi]]
            # the segment in force at the start of this paragraph
            last = bisect.bisect_right(starts, offset) - 1
            if last >= 0 and (not segs or segs[0][0] != 0):
                o, ln, col = mapped[last]
                segs.insert(0, (0, ln, col + offset - o))
            if part.strip():
                line, column = segs[0][1], segs[0][2]
                paras.append(Para(line, part, column, kind=kind, key=key,
                                  segments=tuple(segs) if len(segs) > 1 else ()))
        elif part.strip():
            paras.append(Para(start.line + 1, part, start.column + 1, kind=kind, key=key, exact=False))
        offset += len(part) + 1
    return paras


def _map_scalar(node, lines: List[str]) -> Optional[List[Tuple[int, int, int]]]:
    """Segments ``(value offset, line, column)`` (1-based) covering the whole value, or None when
    the value cannot be mapped character by character (escapes)."""
    style = node.style
    s, e = node.start_mark, node.end_mark
    value = node.value
    if style in ("|", ">"):
        return _map_block(node, lines)
    if style == '"':
        raw = _slice(lines, s, e)
        if "\\" in raw:
            return None
        body_start = (s.line, s.column + 1)
    elif style == "'":
        raw = _slice(lines, s, e)
        if "''" in raw:
            return None
        body_start = (s.line, s.column + 1)
    else:
        body_start = (s.line, s.column)
    if s.line == e.line:
        segs = [(0, body_start[0] + 1, body_start[1] + 1)]
        line = lines[body_start[0]]
        if line[body_start[1]:body_start[1] + len(value)] != value:
            return None
        return segs
    # multi-line flow scalar: lines fold into one with spaces, blank lines into newlines
    segs: List[Tuple[int, int, int]] = []
    rebuilt = ""
    pending_blank = 0
    quoted = 1 if style in ('"', "'") else 0
    for ln in range(body_start[0], e.line + 1):
        text = lines[ln]
        stop = e.column - quoted if ln == e.line else len(text)
        col = body_start[1] if ln == body_start[0] else len(text) - len(text.lstrip(" \t"))
        piece = text[col:stop].rstrip(" \t")
        if ln != body_start[0] and not piece:
            pending_blank += 1
            continue
        if segs or rebuilt:
            rebuilt += "\n" * pending_blank if pending_blank else " "
        pending_blank = 0
        segs.append((len(rebuilt), ln + 1, col + 1))
        rebuilt += piece
    if rebuilt != value:
        return None
    return segs


def _map_block(node, lines: List[str]) -> Optional[List[Tuple[int, int, int]]]:
    """Literal (``|``) and folded (``>``) block scalars."""
    s, e = node.start_mark, node.end_mark
    value = node.value
    first = s.line + 1  # content starts on the line after the indicator
    content = [(ln, lines[ln]) for ln in range(first, min(e.line + 1, len(lines)))]
    indent = None
    for _, text in content:
        if text.strip():
            indent = len(text) - len(text.lstrip(" "))
            break
    if indent is None:
        return [] if not value else None
    segs: List[Tuple[int, int, int]] = []
    rebuilt = ""
    folded = node.style == ">"
    prev_content = False
    blanks = 0
    for ln, text in content:
        if not text.strip():
            blanks += 1
            continue
        if len(text) - len(text.lstrip(" ")) < indent:
            break  # the next key: the block has ended
        piece = text[indent:]
        if rebuilt or segs or blanks:
            if folded and prev_content and not piece.startswith((" ", "\t")):
                rebuilt += "\n" * blanks if blanks else " "
            else:
                rebuilt += "\n" * (blanks + (1 if prev_content else 0))
        blanks = 0
        segs.append((len(rebuilt), ln + 1, indent + 1))
        rebuilt += piece
        prev_content = True
    if rebuilt.rstrip("\n") != value.rstrip("\n"):
        return None
    return segs


def _slice(lines: List[str], s, e) -> str:
    if s.line == e.line:
        return lines[s.line][s.column:e.column]
    out = [lines[s.line][s.column:]]
    out.extend(lines[s.line + 1:e.line])
    out.append(lines[e.line][:e.column])
    return "\n".join(out)


def key_node(root, keypath: str):
    """The value node at ``keypath`` (``sections[0].points[1].heading``), or None."""
    node = root
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", keypath):
        if part.startswith("["):
            if node is None or node.tag != "tag:yaml.org,2002:seq":
                return None
            i = int(part[1:-1])
            node = node.value[i] if i < len(node.value) else None
        else:
            node = dict(mapping_items(node)).get(part)
        if node is None:
            return None
    return node
