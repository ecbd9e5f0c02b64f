"""yamlsafe.compose composes a text that cannot nest deeply at once and checks the tree: the same
tree (tags, values, styles, places) or the same error as the event-stream check first, on every
content example, each cut short, and on texts built to meet each bound."""

from __future__ import annotations

import random

import pytest
import yaml

from gongwen import yamlsafe
from tests.paths import ROOT


def _checked(text):
    saved = yamlsafe.SAFE_OPENERS
    yamlsafe.SAFE_OPENERS = -1
    try:
        return _outcome(text)
    finally:
        yamlsafe.SAFE_OPENERS = saved


def _outcome(text):
    try:
        root = yamlsafe.compose(text)
    except yaml.YAMLError as exc:
        return type(exc).__name__, str(exc), getattr(exc, "position", None)
    return _tree(root)


def _tree(node, seen=None):
    seen = set() if seen is None else seen
    if node is None:
        return None
    if id(node) in seen:
        return ("alias", id(node) in seen)
    seen.add(id(node))
    marks = (node.start_mark.line, node.start_mark.column, node.end_mark.line, node.end_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, node.style, marks)
    if isinstance(node, yaml.SequenceNode):
        return ("seq", node.tag, node.flow_style, marks, [_tree(c, seen) for c in node.value])
    return ("map", node.tag, node.flow_style, marks, [(_tree(k, seen), _tree(v, seen)) for k, v in node.value])


def _texts():
    examples = sorted((ROOT / "content").glob("*.yaml")) + sorted((ROOT / "examples").glob("**/*.yaml"))
    rng = random.Random(16)
    for path in examples:
        text = path.read_text(encoding="utf-8")
        yield text
        for _ in range(4):
            yield text[:rng.randrange(len(text) + 1)]
    yield ""
    yield "# only a comment\n"
    yield "a: &x [1, 2]\nb: *x\n"
    yield "a: *x\n"
    yield "a: 1\n---\nb: 2\n"
    yield "a: 1\na: 2\n"
    yield "a: !!python/object:os.system x\n"
    yield "a: \"\\x01\"\nb: \u0001\n"
    yield "a: [1, 2\n"
    yield "a:\tb\n"
    for depth in (99, 100, 101, 150):
        yield "[" * depth + "]" * depth
        yield "".join(" " * (2 * i) + f"k{i}:\n" for i in range(depth)) + " " * (2 * depth) + "v\n"
        yield "- " * depth + "x\n"
    yield "[" * 120 + "\n}\n"  # too deep, then a syntax error: the bound is what is reported
    yield "x: [" + "1, " * (yamlsafe.MAX_NODES + 5) + "1]\n"  # too many nodes, not too many openers
    yield "- a\n" * 20_000  # more openers than SAFE_OPENERS: the checked way only


@pytest.mark.parametrize("text", list(_texts()), ids=lambda t: str(len(t)))
def test_the_same_tree_or_error_as_the_checked_way(text):
    assert _outcome(text) == _checked(text)
