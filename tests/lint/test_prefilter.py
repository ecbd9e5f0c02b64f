"""Rules run only where their triggers occur, and that never changes what is found.

Every rule's bad and good examples, and every file of the lint corpus, are linted with
the trigger prefilter and without it (every rule on every paragraph): the findings must
be identical, place, code, message and fix alike.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen.draft.read import read_source
from gongwen.lint.context import Context
from gongwen.lint.engine import lint_source
from gongwen.lint.prefilter import Prefilter
from gongwen.lint.registry import all_rules
from gongwen.settings import LintSettings, lint_settings_from

from tests.lint_examples import source_of

CORPUS = Path(__file__).resolve().parent / "corpus"
TEXT_RULES = [r for r in all_rules(layout=False) if r.example_format in ("txt", "md", "yaml")]
TRIGGERED = [r for r in all_rules() if r.triggers]
EXAMPLES = [(r, ex) for r in TEXT_RULES for ex in (*r.bad, *r.good)]


def _seen(findings):
    return [(f.line, f.column, f.code, f.severity, f.message,
             None if f.fix is None else (f.fix.para, f.fix.start, f.fix.end, f.fix.new)) for f in findings]


def _config(r):
    return lint_settings_from(r.example_config, "<example>") if r.example_config else LintSettings()


def test_rules_declare_triggers():
    assert len(TRIGGERED) >= 20
    for r in TRIGGERED:
        assert isinstance(r.triggers, str) and r.triggers


@pytest.mark.parametrize("r,example", EXAMPLES, ids=lambda x: x.code if hasattr(x, "code") else "")
def test_examples_same_with_and_without_prefilter(r, example):
    with_filter = lint_source(source_of(example, r.example_format), _config(r))
    without = lint_source(source_of(example, r.example_format), _config(r), prefilter=False)
    assert _seen(with_filter) == _seen(without)


@pytest.mark.parametrize("r", [r for r in TRIGGERED if r in TEXT_RULES], ids=lambda r: r.code)
def test_bad_examples_hold_a_trigger(r):
    for example in r.bad:
        source = source_of(example, r.example_format)
        assert Prefilter(Context(source, _config(r))).paragraphs(r.triggers), (r.code, example)


@pytest.mark.parametrize("path", sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".docx", ".yaml")),
                         ids=lambda p: p.name)
def test_corpus_same_with_and_without_prefilter(path):
    with_filter = lint_source(read_source(str(path)))
    without = lint_source(read_source(str(path)), prefilter=False)
    assert _seen(with_filter) == _seen(without)


def test_shared_analyses_read_every_paragraph():
    """An analysis first computed while a narrowed rule runs still covers the whole source."""
    text = "各单位:\n一、总体要求\n力争25年底前完成。\n请某某同志发言。\n"
    whole = lint_source(source_of(text), prefilter=False)
    assert _seen(lint_source(source_of(text))) == _seen(whole)
    assert {f.code for f in whole} >= {"GW501", "GW611"}
