"""Every example in content/ loads with no fault and no warning, and there is one of every kind."""

from __future__ import annotations

import pytest

from gongwen.content import schema
from gongwen.content.loader import load
from tests.paths import CONTENT

EXAMPLES = sorted(CONTENT.glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_loads_without_warnings(path):
    doc = load(path)
    assert doc.warnings == []
    assert doc.title


def test_one_example_of_every_kind_named_after_it():
    kinds = {path.stem: load(path).kind for path in EXAMPLES}
    assert {kind: kind for kind in schema.KINDS} == {stem: kind for stem, kind in kinds.items()
                                                     if stem in schema.KINDS}


def test_the_examples_use_every_key_of_their_kinds():
    """Between them, the examples show every key a writer can use (but the settings ``template`` and
    ``vars``, shown in the README, and a report's ``author``: the example ends with its 落款 instead)."""
    import yaml

    used = set()

    def walk(node):
        if isinstance(node, dict):
            used.update(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in EXAMPLES:
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert sorted(schema.all_keys() - used - {"template", "vars", "author"}) == []


def readme_kind_examples():
    """The YAML blocks of the README's section 公文文种, each with the content file it points to."""
    import re

    readme = (CONTENT.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## 公文文种\n"):]
    section = section[:section.index("\n## ", 1)]
    return re.findall(r"（`(content/[a-z_]+\.yaml)`）[^\n]*\n\n```yaml\n(.*?)```", section, re.S)


def test_the_readme_shows_a_short_example_of_every_kind_that_loads():
    from gongwen.content.loader import loads

    examples = readme_kind_examples()
    kinds = []
    for path, text in examples:
        doc = loads(text, "README.md")
        assert doc.warnings == [], path
        assert path == f"content/{doc.kind}.yaml"
        kinds.append(doc.kind)
    assert sorted(kinds) == sorted(schema.KINDS)
