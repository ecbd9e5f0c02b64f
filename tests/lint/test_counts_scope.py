"""GW009's count of the headings after an announcement (kept index lists, bisected) equals the
walk from the announcement to the end of its scope, at every first heading of the lint corpus,
every rule example and a long generated report."""

from __future__ import annotations

from pathlib import Path

from gongwen.draft import roles as R
from gongwen.draft.read import read_source
from gongwen.draft.source import source_from_text
from gongwen.lint.context import Context
from gongwen.lint.registry import all_rules
from gongwen.lint.rules.kind.counts import _ends_scope, _scope_count
from gongwen.lint.textview import roles

from tests.lint_examples import source_of

CORPUS = Path(__file__).resolve().parent / "corpus"


def _walk(kinds, start, kind, level):
    n = 0
    for j in range(start, len(kinds)):
        if _ends_scope(kinds[j], level):
            break
        if kinds[j].kind == kind and kinds[j].level == level:
            n += 1
    return n


def _sources():
    for p in sorted(CORPUS.iterdir()):
        if p.suffix in (".txt", ".md", ".docx", ".yaml"):
            yield read_source(str(p))
    for r in all_rules(layout=False):
        if r.example_format in ("txt", "md"):
            for ex in (*r.bad, *r.good):
                yield source_of(ex, r.example_format)
    text = "".join(f"{'一二三四五六七八九'[i % 9]}、第{i}部分\n（一）甲项工作。\n（二）乙项工作。\n正文说明三个方面：\n"
                   for i in range(60))
    yield source_from_text(text, "long.txt")


def test_scope_count_equals_the_walk():
    checked = 0
    for source in _sources():
        ctx = Context(source)
        kinds = roles(ctx)
        for i, k in enumerate(kinds):
            if k.kind in (R.HEADING, R.ARTICLE_POINT):
                assert _scope_count(ctx, i, k.kind, k.level) == _walk(kinds, i, k.kind, k.level), (source.path, i)
                checked += 1
    assert checked > 100
