"""Bounded YAML composition: YAML is composed (never constructed), and nothing can blow up.

Everything gongwen reads as YAML goes through here: content (``content/``),
drafts (``draft/``) and an office's settings (:mod:`gongwen.settings`).

* No tag can build a Python object: the text is *composed* into nodes, which
  also keep every line and column for messages.
* Nesting is bounded as nodes open (:data:`MAX_NESTING`): PyYAML composes
  recursively, and libyaml's C composer segfaults near 50 000 levels.
* Aliases cannot expand a file beyond :data:`MAX_NODES` nodes or
  :data:`MAX_CHARS` characters, nor nest beyond :data:`MAX_DEPTH` (a "billion
  laughs" file composes small but walks forever): whoever walks the nodes
  counts against these (:mod:`gongwen.content.shapes`; :func:`plain` for
  settings, with bounds of its own).
* libyaml is used when present (eight times faster), with its places and
  styles made the same as PyYAML's.

A YAML fault becomes a Chinese message with its place (:func:`syntax_problem`),
or a :class:`~gongwen.errors.ContentError` under the caller's lint code
(:func:`syntax_error`).
"""

from __future__ import annotations

import sys
from typing import Dict, Tuple

from gongwen.errors import ContentError, ContentErrors, GongwenError, Place

#: PyYAML's pure-Python reader compiles this when ``yaml`` is imported (``Reader.NON_PRINTABLE``,
#: 6–10 ms: a class of every code point); gongwen reads through libyaml, which never uses it.
_NON_PRINTABLE = "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]"


class _OnFirstUse:
    """PyYAML's reader pattern, compiled when the reader first checks a text (a text libyaml
    cannot take: not UTF-8), then the compiled pattern's own methods."""

    pattern, flags = _NON_PRINTABLE, 0

    def __getattr__(self, name):
        import re

        compiled = re.compile(_NON_PRINTABLE)
        if isinstance(compiled, _OnFirstUse):  # never: the stand-in leaves re's cache with the import
            raise AttributeError(name)
        for method in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def _import_yaml():
    """``yaml``, imported with :class:`_OnFirstUse` standing in for the reader's pattern: ``re``'s
    cache answers ``re.compile`` of that very pattern while PyYAML is imported, and only then."""
    if "yaml" in sys.modules:
        import yaml

        return yaml
    import re

    cache, key = getattr(re, "_cache", None), (str, _NON_PRINTABLE, 0)
    seeded = isinstance(cache, dict) and key not in cache
    if seeded:
        cache[key] = _OnFirstUse()
    try:
        import yaml
    finally:
        if seeded and isinstance(cache.get(key), _OnFirstUse):
            del cache[key]
    return yaml


yaml = _import_yaml()
from gongwen.yamlhints import diagnose

#: Upper bound on nodes visited: aliases may not expand a file beyond this.
MAX_NODES = 200_000
#: Upper bound on the text of one file after aliases are expanded (characters).
MAX_CHARS = 20_000_000
#: Deepest nesting walked (aliases included).
MAX_DEPTH = 40
#: Nesting the composer accepts (checked as nodes open).
MAX_NESTING = 100


class SafeComposer(yaml.SafeLoader):
    """PyYAML's safe loader, refusing nesting deeper than :data:`MAX_NESTING`."""

    _depth = 0
    _nodes = 0

    def compose_node(self, parent, index):
        self._depth += 1
        self._nodes += 1
        try:
            if self._depth > MAX_NESTING:
                raise yaml.composer.ComposerError(None, None, "nesting too deep",
                                                  self.peek_event().start_mark)
            if self._nodes > MAX_NODES:
                raise yaml.composer.ComposerError(None, None, "too many nodes", self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_NODE_EVENTS = (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)


#: A text with at most this many characters that can open a collection (``- ? : [ {``) cannot
#: nest deeper than that: libyaml's recursive composer may run on it before any check.
SAFE_OPENERS = 10_000


def compose(text: str):
    """Compose YAML safely: no tags constructed, nesting bounded; raises ``yaml.YAMLError``.

    libyaml's composer recurses in C, so the nesting is first checked on its
    event stream, which is iterative — unless the text cannot nest deep enough to
    harm it (:data:`SAFE_OPENERS`): then it is composed at once and the tree
    checked; a tree that shares nodes (aliases), breaks a bound or does not
    compose at all is composed again the checked way, which raises what it always
    raised.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None or not _encodable(text):
        # libyaml takes UTF-8 only; PyYAML's reader reports a lone surrogate with its place.
        return yaml.compose(text, Loader=SafeComposer)
    if sum(map(text.count, "-?:[{")) <= SAFE_OPENERS:
        try:
            root = yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            root = False
        if root is None or (root is not False and _plain_tree(root)):
            return root
    try:
        depth = nodes = 0
        for event in yaml.parse(text, Loader=fast):
            if isinstance(event, _NODE_EVENTS):
                nodes += 1
                if nodes > MAX_NODES:  # written nodes: aliases are counted when the tree is walked
                    raise yaml.composer.ComposerError(None, None, "too many nodes", event.start_mark)
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_NESTING:
                    raise yaml.composer.ComposerError(None, None, "nesting too deep", event.start_mark)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        root = yaml.compose(text, Loader=fast)
    except yaml.reader.ReaderError as exc:  # libyaml counts UTF-8 bytes; places are in characters
        exc.position = len(text.encode("utf-8")[:exc.position].decode("utf-8", "ignore"))
        raise
    _plain_style_as_none(root)
    return root


def compose_content(text: str, path: str, code: str = ""):
    """:func:`compose`, with a YAML fault raised as :class:`ContentErrors` naming its place
    (``code``: the lint code it is reported under)."""
    try:
        return compose(text)
    except yaml.YAMLError as exc:
        raise ContentErrors([syntax_error(exc, text, path, code)]) from None


def syntax_problem(exc: yaml.YAMLError, text: str, path: str) -> Tuple[str, Place]:
    """The Chinese message and the place of a YAML fault found composing ``text``."""
    if isinstance(exc, yaml.MarkedYAMLError):
        hint = _hint(exc, text)
        if hint is not None:
            return f"YAML 语法错误：{hint.message}", Place(path, hint.line, hint.column)
        mark = exc.problem_mark or exc.context_mark
        place = Place(path, mark.line + 1, mark.column + 1) if mark else Place(path)
        return f"YAML 语法错误：{_yaml_problem(exc)}", place
    if isinstance(exc, yaml.reader.ReaderError):
        line, col = _line_col(text, exc.position)
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return f"YAML 中不允许的字符 U+{char:04X}", Place(path, line, col)
    return f"YAML 错误：{exc}", Place(path)


def syntax_error(exc: yaml.YAMLError, text: str, path: str, code: str = "") -> ContentError:
    """The ContentError (lint code ``code``) for a YAML fault found composing ``text``."""
    message, place = syntax_problem(exc, text, path)
    return ContentError(message, place, code)


_NULL = "tag:yaml.org,2002:null"
#: Tags :func:`plain` reads: scalars (as written), lists, mappings; never an object.
_PLAIN_TAGS = {_NULL, "tag:yaml.org,2002:str", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
               "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:seq",
               "tag:yaml.org,2002:map"}


def plain(root, path: str, *, max_nodes: int, max_depth: int, max_chars: int):
    """Composed YAML as plain data, and the place of every value by its key path.

    Mappings become dicts with text keys, lists lists, every scalar the text
    it was written as (``yes`` stays ``"yes"``) and null None; the places map
    ``faces.body`` or ``lint.ignore[0]`` to a :class:`Place` naming the line.
    Aliases count each time they are used, so a "billion laughs" file stops at
    ``max_nodes`` nodes or ``max_chars`` characters; nesting stops at
    ``max_depth``.  A fault (a bound, a tag, a key twice) raises
    :class:`GongwenError` naming its place.
    """
    places: Dict[str, Place] = {}
    budget = {"nodes": max_nodes, "chars": max_chars}

    def fault(node, key: str, message: str):
        mark = node.start_mark
        return GongwenError(message, Place(path, mark.line + 1, mark.column + 1, key))

    def walk(node, key: str, depth: int):
        budget["nodes"] -= 1
        if budget["nodes"] < 0:
            raise fault(node, key, f"内容过大（别名 * 展开后超过 {max_nodes} 项），已拒绝")
        if depth > max_depth:
            raise fault(node, key, f"嵌套过深（超过 {max_depth} 层），已拒绝")
        if node.tag not in _PLAIN_TAGS:
            raise fault(node, key, f"不支持的 YAML 标签 {_shown(node.tag)}：只能是文字、列表和键值")
        mark = node.start_mark
        places[key] = Place(path, mark.line + 1, mark.column + 1, key)
        if isinstance(node, yaml.ScalarNode):
            budget["chars"] -= len(node.value)
            if budget["chars"] < 0:
                raise fault(node, key, f"内容过大（别名 * 展开后超过 {max_chars} 个字符），已拒绝")
            return None if node.tag == _NULL else node.value
        if isinstance(node, yaml.SequenceNode):
            return [walk(child, f"{key}[{i}]", depth + 1) for i, child in enumerate(node.value)]
        out: Dict[str, object] = {}
        for knode, vnode in node.value:
            if not isinstance(knode, yaml.ScalarNode) or knode.tag not in _PLAIN_TAGS:
                raise fault(knode, key, "键只能是文字（不能是列表、键值或带标签的值，也不能用 << 合并）")
            name, where = knode.value, f"{key}.{_shown(knode.value)}" if key else _shown(knode.value)
            if name in out:
                raise fault(knode, where, f"键 {_shown(name)} 重复：后一个会覆盖前一个，请合并或删除")
            out[name] = walk(vnode, where, depth + 1)
        return out

    return (None if root is None else walk(root, "", 0)), places


def _shown(text: str, limit: int = 40) -> str:
    """``text`` for a message or a key path: what cannot be shown as ``U+XXXX``, and shortened
    (as :func:`gongwen.settingvalues.shown`; this module stays free of settings)."""
    out = "".join(c if c.isprintable() else f"U+{ord(c):04X}" for c in text[:limit])
    return out + ("…" if len(text) > limit else "")


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _plain_tree(root) -> bool:
    """Does ``root`` share no node and stay within :data:`MAX_NODES` nodes and :data:`MAX_NESTING`
    levels, as the checked composition demands?  Plain scalars' style made PyYAML's on the way."""
    stack, seen, nodes = [(root, 1)], set(), 0
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            return False  # an alias: the checked way counts what it writes
        seen.add(id(node))
        nodes += 1
        if nodes > MAX_NODES:
            return False
        if isinstance(node, yaml.ScalarNode):
            if node.style == "":
                node.style = None
            continue
        if depth > MAX_NESTING:
            return False
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        else:
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
    return True


def _plain_style_as_none(root) -> None:
    """libyaml marks a plain scalar with style "" where PyYAML uses None; use one."""
    stack, seen = [root] if root is not None else [], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.style == "":
                node.style = None
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        else:
            for key, value in node.value:
                stack.append(key)
                stack.append(value)


def _hint(exc: yaml.MarkedYAMLError, text: str):
    """The writer's mistake behind ``exc`` (:mod:`gongwen.yamlhints`), or None."""
    def at(mark):
        return (mark.line, mark.column) if mark is not None else None

    try:
        return diagnose(text, exc.problem or "", exc.context or "", at(exc.problem_mark), at(exc.context_mark))
    except (IndexError, ValueError):  # a mark outside the text (it never should be): no hint
        return None


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    problem = " ".join(p.strip() for p in (exc.context, exc.problem) if p)
    known = {
        "expected a single document in the stream": "一个文件只能有一份内容（发现了多个 --- 文档）",
        "found character '\\t' that cannot start any token": "不能用 Tab 缩进，请用空格",
        "found a tab character that violates indentation": "不能用 Tab 缩进，请用空格",
        "mapping values are not allowed here": "此处不能出现冒号，请给含冒号的文字加引号",
        "found undefined alias": "使用了未定义的别名（*）",
        "found duplicate anchor": "锚点（&）重复",
        "nesting too deep": f"嵌套过深（超过 {MAX_NESTING} 层），已拒绝",
        "too many nodes": f"内容过大（超过 {MAX_NODES} 个节点），已拒绝",
        "exceeded maximum nesting depth": f"嵌套过深（超过 {MAX_NESTING} 层），已拒绝",  # libyaml's own bound
    }
    for english, chinese in known.items():
        if english in problem:
            return chinese
    words = (exc.problem or problem).strip()
    for english, chinese in _KINDS_OF_FAULT:
        if english in problem:
            return f"{chinese}（解析器原文：{words}）"
    return f"写法有误，请检查这一处及上一行的缩进、冒号、引号和括号（解析器原文：{words}）"


#: What else the YAML parser may say, by its words, in Chinese (the place comes with the message).
_KINDS_OF_FAULT = (
    ("quoted scalar", "引号里的文字有误（引号没有配对，或有无效的转义 \\）"),
    ("block collection", "列表或键值的缩进不一致"),
    ("block mapping", "键值的缩进不一致，或缺少冒号"),
    ("flow sequence", "方括号 [ ] 没有配对"),
    ("flow mapping", "花括号 { } 没有配对"),
    ("simple key", "一个键没有写完（缺少冒号），或键太长"),
    ("anchor", "锚点（&）写法有误"),
    ("alias", "别名（*）写法有误"),
    ("tag", "不支持 ! 开头的标签"),
    ("special characters are not allowed", "文件中有不允许的控制字符"),
    ("directive", "不支持 % 开头的指令"),
)


def _line_col(text: str, position: int):
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1
