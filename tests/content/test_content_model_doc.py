"""docs/content-model.md describes the schema's tables: every key of every node, every kind."""

from __future__ import annotations

import re
from typing import Dict, List

import pytest

from gongwen.content import schema
from tests.paths import ROOT

DOC = (ROOT / "docs" / "content-model.md").read_text(encoding="utf-8")

#: Each key table of the document (after its ``<!-- keys: name -->`` line) and the schema tuple it shows.
TABLES: Dict[str, tuple] = {
    "common": schema.COMMON_KEYS,
    "speech": schema.NODE_KEYS["speech"],
    "report": schema.NODE_KEYS["report"],
    "family": schema.FAMILY_KEYS,
    **{name: schema.NODE_KEYS[name] for name in ("section", "point", "item", "attachment", "chapter",
                                                 "article", "reply_to", "doc_number", "entry", "table")},
}


def table_after(marker: str) -> List[List[str]]:
    """The rows (cells stripped) of the Markdown table right after ``<!-- keys: marker -->``."""
    found = re.search(rf"<!-- keys: {re.escape(marker)} -->\n((?:\|.*\|\n)+)", DOC)
    assert found, f"no key table marked {marker!r} in docs/content-model.md"
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in found.group(1).splitlines()]
    return rows[2:]  # after the header and the |---| line


def first_column_keys(marker: str) -> List[str]:
    keys = []
    for row in table_after(marker):
        cell = re.fullmatch(r"`([a-z_]+)`", row[0])
        assert cell, f"{marker}: the first cell of every row is one key in backticks, not {row[0]!r}"
        keys.append(cell.group(1))
    return keys


@pytest.mark.parametrize("marker", sorted(TABLES))
def test_each_key_table_lists_the_schema_keys_in_order(marker):
    assert first_column_keys(marker) == list(TABLES[marker])


def test_every_node_of_the_schema_has_its_table():
    shown = {tuple(keys) for keys in TABLES.values()}
    for node, keys in schema.NODE_KEYS.items():
        assert tuple(keys) in shown, f"the keys of {node} are not a table of docs/content-model.md"
    assert set(re.findall(r"<!-- keys: ([a-z_]+) -->", DOC)) == set(TABLES)


def test_every_family_kind_shares_the_family_table():
    """The family has one table; a kind given keys of its own needs a table of its own here."""
    for kind in schema.FAMILY:
        assert schema.NODE_KEYS[kind] == schema.FAMILY_KEYS, kind


def test_every_key_is_documented():
    documented = set(re.findall(r"`([a-z_]+)`", DOC))
    assert sorted(schema.all_keys() - documented) == []


def test_the_kinds_table_names_every_kind_in_order_with_its_template():
    rows = table_after_heading("## Kinds")
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (schema.KIND_NAMES[k], f"`{k}`", f"`{schema.TEMPLATE_OF[k]}`") for k in schema.KINDS]


def test_every_kind_is_named_in_chinese():
    for kind, name in schema.KIND_NAMES.items():
        assert name in DOC and f"`{kind}`" in DOC, kind


def test_the_kinds_table_says_what_each_form_decides():
    decided = {r[1].strip("`"): r[3] for r in table_after_heading("## Kinds")}
    for kind, form in schema.FORMS.items():
        says = decided[kind]
        assert ("上行文" in says) == form.upward, kind
        assert ("one 主送" in says) == form.one_recipient, kind
        assert ("articles" in says) == form.articles, kind
        assert ("reply_to" in says) == form.reply, kind
        assert {"file": "文件格式", "letter": "信函格式", "minutes": "纪要格式"}[form.layout] in says \
            or (form.layout == "file" and form.upward), kind


def table_after_heading(heading: str) -> List[List[str]]:
    start = DOC.index(heading + "\n")
    found = re.search(r"((?:\|.*\|\n)+)", DOC[start:])
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in found.group(1).splitlines()]
    return rows[2:]
