"""Patterns built from the stored code are the patterns ``re.compile`` builds, and the store
is current (regenerate with ``python -m gongwen.lint.precompile --write``)."""

from __future__ import annotations

import marshal
import re
import zlib

import pytest

from gongwen.spec import lazyre, precompiled


def _stored():
    with open(precompiled.STORE, "rb") as f:
        head, table = marshal.loads(zlib.decompress(f.read()))
    return head, table


def test_store_written_by_this_python_or_ignored():
    head, _ = _stored()
    if head != precompiled.key():
        pytest.skip("store written by another Python: patterns are compiled as usual")


def test_store_is_current():
    from gongwen.lint.precompile import render

    head, _ = _stored()
    if head != precompiled.key():
        pytest.skip("store written by another Python")
    with open(precompiled.STORE, "rb") as f:
        assert render() == f.read(), "run: python -m gongwen.lint.precompile --write"


def test_every_stored_pattern_as_re_compiles_it():
    head, table = _stored()
    if head != precompiled.key():
        pytest.skip("store written by another Python")
    assert len(table) >= 100
    for (pattern, flags) in table:
        built = precompiled.compiled(pattern, flags)
        plain = re.compile(pattern, flags)
        assert built is not None
        assert built == plain  # same pattern, flags and code
        assert (built.pattern, built.flags, built.groups, dict(built.groupindex)) == \
               (plain.pattern, plain.flags, plain.groups, dict(plain.groupindex))


def test_lazy_patterns_match_alike():
    p = lazyre.compile(r"(?P<num>[\u4e00-\u9fff]{1,3})(?P<unit>个|项)")
    text = "抓好三个方面、四项工作"
    assert [m.groupdict() for m in p.finditer(text)] == \
           [m.groupdict() for m in re.finditer(r"(?P<num>[\u4e00-\u9fff]{1,3})(?P<unit>个|项)", text)]


def test_unknown_pattern_or_foreign_store_compiles_as_usual(monkeypatch):
    assert precompiled.compiled("not stored (?P<x>y)") is None
    monkeypatch.setattr(precompiled, "_table", None)
    monkeypatch.setattr(precompiled, "key", lambda: ("another python",))
    assert precompiled._load() == {}
    monkeypatch.setattr(precompiled, "_table", {("x", 0): (32, 0, {}, (None,), b"\xff\xff\xff\xff")})
    assert precompiled.compiled("x") is None  # invalid code is refused by the engine
    monkeypatch.setattr(precompiled, "_table", None)
    monkeypatch.setattr(precompiled, "STORE", precompiled.STORE + ".missing")
    assert precompiled._load() == {}
