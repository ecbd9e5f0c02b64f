"""Every rule has examples, every example is run: bad ones give the rule's code, good ones are clean."""

from __future__ import annotations

import re

import pytest

from gongwen.lint.registry import CONTENT_FORMAT, FAMILIES, all_rules, get_rule

from gongwen.settings import LintSettings, lint_settings_from

from gongwen.lint.engine import lint_source

from tests.lint_examples import source_of

TEXT_RULES = all_rules(layout=False)
RUNNABLE = [r for r in TEXT_RULES if r.example_format in ("txt", "md", "yaml")]
CODE_FAMILY = {"0": "kind", "1": "marker", "2": "structure", "3": "series", "4": "punctuation", "5": "number",
               "6": "leftover", "7": "content", "8": "layout", "9": "cycle"}  # GW9xx: the annual cycle


def _config(r):
    return lint_settings_from(r.example_config, "<example>") if r.example_config else LintSettings()


def test_enough_text_rules_in_every_family():
    assert len(TEXT_RULES) >= 35
    families = {r.family for r in TEXT_RULES}
    assert families == set(FAMILIES) - {"layout"}


@pytest.mark.parametrize("r", TEXT_RULES, ids=lambda r: r.code)
def test_rule_is_documented(r):
    assert re.match(r"^GW[0-79]\d\d$", r.code)
    assert CODE_FAMILY[r.code[2]] == r.family, "codes are grouped by family"
    assert re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", r.name)
    assert r.severity in ("error", "warning")
    assert re.search(r"[\u4e00-\u9fff]", r.message), "the message is Chinese"
    # office practice, a standard, or what gongwen build refuses in YAML content
    assert r.source in ("practice", CONTENT_FORMAT) or re.search(r"GB/T \d+|条例", r.source)
    assert r.bad and r.good, f"{r.code} needs at least one bad and one good example"
    assert r.example_format in ("txt", "md", "yaml")


def test_names_and_codes_are_unique():
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)


def test_practice_rules_only_are_warnings_by_choice():
    # a standard's requirement is never a mere warning except where the standard itself hedges
    # (GW001 主送 “原则上” one body; GW002, GW015 name the standard's rule but read bodies and kinds by words)
    hedged = {"GW408", "GW416", "GW001", "GW002", "GW015"}
    for r in TEXT_RULES:
        if r.severity == "warning":
            assert r.is_practice or r.code in hedged, r.code


EXAMPLES = [(r, i, ex) for r in RUNNABLE for i, ex in enumerate(r.bad)]
GOOD = [(r, i, ex) for r in RUNNABLE for i, ex in enumerate(r.good)]


@pytest.mark.parametrize("r,i,example", EXAMPLES, ids=lambda x: x.code if hasattr(x, "code") else str(x)[:0])
def test_bad_example_is_found(r, i, example):
    findings = lint_source(source_of(example, r.example_format), _config(r))
    assert r.code in [f.code for f in findings], f"{r.code} bad[{i}] not found: {example!r}"


@pytest.mark.parametrize("r,i,example", GOOD, ids=lambda x: x.code if hasattr(x, "code") else str(x)[:0])
def test_good_example_is_clean(r, i, example):
    # not just this rule: a good example is clean under every text rule
    findings = lint_source(source_of(example, r.example_format), _config(r))
    assert [(f.code, f.message) for f in findings] == [], f"{r.code} good[{i}]: {example!r}"


@pytest.mark.parametrize("r", [r for r in RUNNABLE if r.fixable], ids=lambda r: r.code)
def test_fixable_rule_fixes_its_bad_examples(r):
    from gongwen.lint.fix import fix_text

    for example in r.bad:
        result = fix_text(example, "<example>", r.example_format, _config(r))
        assert result.applied, f"{r.code}: no fix applied to {example!r}"
        after = lint_source(source_of(result.fixed, r.example_format), _config(r))
        assert r.code not in [f.code for f in after], f"{r.code}: {example!r} → {result.fixed!r}"


def test_get_rule():
    assert get_rule("gw101").name == "level1-separator"
    assert get_rule("GW999") is None
