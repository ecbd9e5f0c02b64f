"""More YAML mistakes of list and bracket writing: a list entry without the space after its dash
or with a full-width dash, and a ``[`` or ``{`` never closed — each named at its own place."""

from __future__ import annotations

import pytest

from gongwen.content.loader import loads
from gongwen.errors import ContentErrors

HEAD = "kind: 通知\ntitle: 关于做好森林防火工作的通知\n"


def first_error(text: str):
    with pytest.raises(ContentErrors) as caught:
        loads(HEAD + text, "t.yaml")
    error = caught.value.errors[0]
    return (error.place.line, error.place.column), error.message


@pytest.mark.parametrize("text, where, words", [
    ("recipients: [各乡镇人民政府, 县政府各部门\nopening:\n  - 现将有关事项通知如下。\n", (3, 13),
     ["方括号“[”没有配对", "补上“]”"]),
    ("opening: {\n  - 现将有关事项通知如下。\n", (3, 10), ["花括号“{”没有配对"]),
    ("opening:\n  - 一是严防道路交通事故。\n  -二是严防森林火灾。\nclosing: 特此通知。\n", (5, 3),
     ["“-”后面缺少半角空格", "“- 二是严防森林火灾……”"]),
    ("opening:\n  - 一是严防道路交通事故。\n  － 二是严防森林火灾。\nclosing: 特此通知。\n", (5, 3),
     ["全角的“－”"]),
])
def test_list_and_bracket_mistakes(text, where, words):
    place, message = first_error(text)
    assert place == where, message
    assert all(w in message for w in words), message
    assert "解析器原文" not in message
