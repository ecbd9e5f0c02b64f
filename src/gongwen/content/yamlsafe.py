"""Bounded YAML composition: content is composed (never constructed), and nothing can blow up.

* No tag can build a Python object: the text is *composed* into nodes, which
  also keep every line and column for messages.
* Nesting is bounded as nodes open (:data:`MAX_NESTING`): PyYAML composes
  recursively, and libyaml's C composer segfaults near 50 000 levels.
* Aliases cannot expand a file beyond :data:`MAX_NODES` nodes or
  :data:`MAX_CHARS` characters, nor nest beyond :data:`MAX_DEPTH` (a "billion
  laughs" file composes small but walks forever): whoever walks the nodes
  counts against these (:mod:`gongwen.content.shapes`).
* libyaml is used when present (eight times faster), with its places and
  styles made the same as PyYAML's.

A YAML fault becomes a :class:`~gongwen.errors.ContentError` with its place
and a Chinese message (:func:`syntax_error`).
"""

from __future__ import annotations

import yaml

from gongwen.content.faults import YAML_SYNTAX
from gongwen.errors import ContentError, ContentErrors, Place

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

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > MAX_NESTING:
                raise yaml.composer.ComposerError(None, None, "nesting too deep",
                                                  self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def compose(text: str):
    """Compose YAML safely: no tags constructed, nesting bounded; raises ``yaml.YAMLError``.

    libyaml's composer recurses in C, so the nesting is first checked on its
    event stream, which is iterative.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None or not _encodable(text):
        # libyaml takes UTF-8 only; PyYAML's reader reports a lone surrogate with its place.
        return yaml.compose(text, Loader=SafeComposer)
    try:
        depth = 0
        for event in yaml.parse(text, Loader=fast):
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


def compose_content(text: str, path: str):
    """:func:`compose`, with a YAML fault raised as :class:`ContentErrors` naming its place."""
    try:
        return compose(text)
    except yaml.YAMLError as exc:
        raise ContentErrors([syntax_error(exc, text, path)]) from None


def syntax_error(exc: yaml.YAMLError, text: str, path: str) -> ContentError:
    """The ContentError (code GW710) for a YAML fault found composing ``text``."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        place = Place(path, mark.line + 1, mark.column + 1) if mark else Place(path)
        return ContentError(f"YAML 语法错误：{_yaml_problem(exc)}", place, YAML_SYNTAX)
    if isinstance(exc, yaml.reader.ReaderError):
        line, col = _line_col(text, exc.position)
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return ContentError(f"YAML 中不允许的字符 U+{char:04X}", Place(path, line, col), YAML_SYNTAX)
    return ContentError(f"YAML 错误：{exc}", Place(path), YAML_SYNTAX)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
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


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    problem = " ".join(p.strip() for p in (exc.context, exc.problem) if p)
    known = {
        "expected a single document in the stream": "一个文件只能有一份内容（发现了多个 --- 文档）",
        "found character '\\t' that cannot start any token": "不能用 Tab 缩进，请用空格",
        "mapping values are not allowed here": "此处不能出现冒号，请给含冒号的文字加引号",
        "found undefined alias": "使用了未定义的别名（*）",
        "found duplicate anchor": "锚点（&）重复",
        "nesting too deep": f"嵌套过深（超过 {MAX_NESTING} 层），已拒绝",
    }
    for english, chinese in known.items():
        if english in problem:
            return chinese
    return problem


def _line_col(text: str, position: int):
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1
