"""docs/rules.md is generated from the registry and must not drift from it."""

from __future__ import annotations

from gongwen.lint.registry import all_rules
from gongwen.lint.output import rules_markdown

from tests.paths import ROOT

DOC = ROOT / "docs" / "rules.md"


def test_rules_doc_is_up_to_date():
    expected = rules_markdown(all_rules())
    assert DOC.read_text(encoding="utf-8") == expected, \
        "docs/rules.md is stale: regenerate it with `gongwen rule --docs > docs/rules.md`"
