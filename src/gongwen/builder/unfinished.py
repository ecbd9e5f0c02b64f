"""What a document still has to be finished: ``【待补充…】`` placeholders and ``【核实：…】`` marks.

``gongwen new`` writes ``【待补充：…】`` where text is still to be written, ``gongwen import``
writes ``【待补充】`` where it found nothing, and ``gongwen new --from`` wraps last year's figures
in ``【核实：…】``.  All of them build (so a writer sees the layout early), and so a finished-looking
.docx may still carry them.  :func:`find` counts each kind of mark in a document and names the
first place, so that ``gongwen build`` says so after the document's 已生成 line and ``--strict``
refuses it.

YAML content is searched in its composed nodes (every string scalar, in file order), so each
place is ``file:line:col`` with the key path as the loader reports it; a draft built on the fly
is searched in the content model the importer made of it (key path only: the marks there are the
importer's own placeholders, or the draft's text).
"""

from __future__ import annotations

import re
from typing import Iterator, List, Optional, Tuple

from gongwen.errors import Place
from gongwen.spec import record
from gongwen.spec.record import dataclass

#: The kinds of mark, in the order they are reported: (name shown, pattern).
KINDS: Tuple[Tuple[str, "re.Pattern[str]"], ...] = (
    ("【待补充】", re.compile(r"【待补充[^【】]{0,40}】")),
    ("【核实】", re.compile(r"【核实：[^【】]*】")),
)


@dataclass
class Unfinished:
    """One kind of mark left in a document: how many, and where the first one is."""

    mark: str  # "【待补充】" or "【核实】"
    count: int
    first: Place



def summary(path: str, found: List[Unfinished]) -> str:
    """One line: ``content/通知.yaml:12:7: 尚未完成：【待补充】2 处（第12行起，title），【核实】22 处（第5行起，
    opening[1]）`` — the line opens with the first mark's place (``file:line:col``, for an editor to jump
    to), and each kind names the line and key path of its first mark."""
    parts = []
    for u in found:
        where = [f"第{u.first.line}行起"] if u.first.line else []
        where += [u.first.named] if u.first.named else []
        parts.append(f"{u.mark}{u.count} 处" + (f"（{'，'.join(where)}）" if where else ""))
    first = min((u.first for u in found), key=lambda p: (p.line or 0, p.column or 0))
    head = str(Place(path, first.line, first.column)) if first.line else path
    return f"{head}: 尚未完成：" + "，".join(parts)


def find_in_yaml(text: str, path: str) -> List[Unfinished]:
    """The marks in YAML content ``text`` (already validated by the loader), in file order."""
    from gongwen.yamlsafe import compose

    if "【" not in text:
        return []
    root = compose(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    lines = re.split("[\n\x85\u2028\u2029]", text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    from gongwen.content.keypaths import numbering_of

    return _named(_tally(_yaml_hits(root, "", lines, path, set())), numbering_of(root))


def find_in_model(doc, path: str) -> List[Unfinished]:
    """The marks in a content model (a draft imported on the fly), with key paths and no lines."""
    from gongwen.content.keypaths import numbering_of_document

    return _named(_tally(_model_hits(doc, "", path, set())), numbering_of_document(doc))


def _named(found: List[Unfinished], numbering) -> List[Unfinished]:
    """``found`` with each first place named in the writer's terms (``第二部分（一）的标题``)."""
    from gongwen.content.keypaths import writer_path

    return [record.replace(u, first=record.replace(u.first, label=writer_path(u.first.key, numbering)))
            for u in found]


def _tally(hits: Iterator[Tuple[int, Place]]) -> List[Unfinished]:
    counts = {}
    for kind, place in hits:
        if kind in counts:
            counts[kind].count += 1
        else:
            counts[kind] = Unfinished(KINDS[kind][0], 1, place)
    return [counts[k] for k in sorted(counts)]


def _scan(text: str) -> Iterator[Tuple[int, int]]:
    """(kind index, offset) of each mark in ``text``, in order."""
    found = [(m.start(), i) for i, (_, pattern) in enumerate(KINDS) for m in pattern.finditer(text)]
    for offset, kind in sorted(found):
        yield kind, offset


def _yaml_hits(node, key: str, lines: List[str], path: str, seen: set) -> Iterator[Tuple[int, Place]]:
    from gongwen.draft.yamlsource import scalar_paras

    if id(node) in seen:  # an alias (``*a``) is the node its anchor made: counted once
        return
    seen.add(id(node))
    tag = getattr(node, "tag", "")
    if tag == "tag:yaml.org,2002:map":
        for knode, vnode in node.value:
            name = getattr(knode, "value", "")
            if isinstance(name, str):
                yield from _yaml_hits(vnode, f"{key}.{name}" if key else name, lines, path, seen)
    elif tag == "tag:yaml.org,2002:seq":
        for i, item in enumerate(node.value):
            yield from _yaml_hits(item, f"{key}[{i}]", lines, path, seen)
    elif isinstance(getattr(node, "value", None), str) and "【" in node.value:
        for para in scalar_paras(node, key, "yaml", lines):
            for kind, offset in _scan(para.text):
                line, column = para.position(offset)
                yield kind, Place(path, line, column, key)


def _model_hits(value, key: str, path: str, seen: set) -> Iterator[Tuple[int, Place]]:
    if isinstance(value, str):
        for kind, _ in _scan(value):
            yield kind, Place(path, key=key)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _model_hits(item, f"{key}[{i}]", path, seen)
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _model_hits(item, f"{key}.{name}" if key else str(name), path, seen)
    elif type(value).__module__ == "gongwen.content.model" and id(value) not in seen:  # a model record
        seen.add(id(value))
        for name in type(value).__match_args__:
            if name in ("warnings", "path"):
                continue
            yield from _model_hits(getattr(value, name), f"{key}.{name}" if key else name, path, seen)


def strict_error(path: str, found: List[Unfinished]) -> Optional[str]:
    """The error ``--strict`` gives for a document with marks left, or None."""
    if not found:
        return None
    return summary(path, found) + "；按 --strict 要求，未生成：请补全内容、核实数字并删去标记后重新生成"
