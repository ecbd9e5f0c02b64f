"""The bounded YAML composer of the base layer, and plain data from it within bounds (settings)."""

from __future__ import annotations

import pytest
import yaml

from gongwen.errors import ContentErrors, GongwenError
from gongwen.yamlsafe import MAX_NESTING, compose, compose_content, plain

BOUNDS = dict(max_nodes=1000, max_depth=6, max_chars=10_000)


def as_plain(text: str):
    return plain(compose(text), "s.yaml", **BOUNDS)


def test_plain_data_and_places():
    data, places = as_plain("faces:\n  body: 仿宋\nlint:\n  ignore: [GW4, ~]\nlevel3: 1.\nstrict: yes\n")
    assert data == {"faces": {"body": "仿宋"}, "lint": {"ignore": ["GW4", None]}, "level3": "1.", "strict": "yes"}
    assert (places["faces.body"].line, places["faces.body"].column) == (2, 9)
    assert places["lint.ignore[1]"].key == "lint.ignore[1]"
    assert as_plain("") == (None, {})


def test_an_alias_bomb_stops_at_the_node_bound():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    with pytest.raises(GongwenError) as info:
        as_plain("\n".join(lines))
    assert "1000 项" in info.value.message and info.value.place.path == "s.yaml"


def test_aliases_count_their_characters_each_time():
    text = "a: &a \"" + "字" * 4000 + "\"\nb: [*a, *a]\n"
    with pytest.raises(GongwenError, match="10000 个字符"):
        as_plain(text)


@pytest.mark.parametrize("text,words", [
    ("a: {b: {c: {d: {e: {f: {g: 1}}}}}}\n", "嵌套过深"),
    ("a: !!python/object/apply:os.system [echo]\n", "不支持的 YAML 标签"),
    ("a: 1\na: 2\n", "键 a 重复"),
    ("? [a]\n: 1\n", "键只能是文字"),
    ("<<: {a: 1}\n", "不能用 << 合并"),
    ("? !!python/name:os.system a\n: 1\n", "带标签"),
])
def test_faults_name_their_place(text, words):
    with pytest.raises(GongwenError) as info:
        as_plain(text)
    assert words in info.value.message and info.value.place.line is not None


def test_deep_nesting_is_refused_while_composing():
    for text in ("a: " + "[" * 5000 + "]" * 5000, "a:\n" + "- " * 5000 + "x\n"):
        with pytest.raises(yaml.YAMLError):
            compose(text)
    with pytest.raises(ContentErrors) as info:
        compose_content("a: " + "[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1), "c.yaml", "GW710")
    assert info.value.errors[0].code == "GW710" and "嵌套过深" in info.value.errors[0].message


def test_a_file_of_too_many_nodes_is_refused_while_it_is_parsed():
    import yaml

    from gongwen import yamlsafe

    text = "items:\n" + "".join(f"  - a{i}\n" for i in range(yamlsafe.MAX_NODES + 10))
    with pytest.raises(yaml.YAMLError) as info:
        yamlsafe.compose(text)
    assert "too many nodes" in str(info.value)
    assert "个节点" in yamlsafe._yaml_problem(info.value)
