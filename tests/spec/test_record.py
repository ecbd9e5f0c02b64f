"""``gongwen.spec.record.dataclass`` behaves as ``dataclasses.dataclass`` on the records that use it."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from gongwen.errors import Place
from gongwen.lint.findings import Finding, Fix
from gongwen.lintsettings import LintOverrides, LintSettings
from gongwen.spec import record
from gongwen.spec.markers import DraftMarker, Marker


def _pair(frozen: bool = False):
    def body(ns):
        ns["__annotations__"] = {"a": "int", "b": "str", "c": "list", "d": "object"}
        ns["b"] = "x"
        return ns

    def make(dc, fld):
        ns = body({})
        ns["c"] = fld(default_factory=lambda: [1])
        ns["d"] = fld(default=None, repr=False, compare=False)
        cls = type("R", (), ns)
        cls.__qualname__ = "R"
        return dc(frozen=frozen)(cls)

    return make(dataclasses.dataclass, dataclasses.field), make(record.dataclass, record.field)


def _hash(obj):
    try:
        return hash(obj)
    except TypeError as exc:  # a list field: unhashable either way
        return str(exc)


@pytest.mark.parametrize("frozen", [False, True])
def test_same_behaviour_as_dataclasses(frozen):
    std, ours = _pair(frozen)
    for args, kw in [((1,), {}), ((1, "y"), {}), ((2,), {"c": [3], "d": 5}), ((), {"a": 4, "b": "z"})]:
        a, b = std(*args, **kw), ours(*args, **kw)
        assert repr(a) == repr(b)
        assert (a.a, a.b, a.c, a.d) == (b.a, b.b, b.c, b.d)
        assert (a == std(*args, **kw)) and (b == ours(*args, **kw))
        assert (a == std(*args, **{**kw, "d": "other"})) == (b == ours(*args, **{**kw, "d": "other"}))
        assert (a == std(9)) == (b == ours(9))
        assert b.__eq__(a) is NotImplemented
        if frozen:
            assert _hash(a) == _hash(b) == _hash(ours(*args, **kw))
            with pytest.raises(AttributeError):
                b.a = 7
        else:
            assert type(a).__hash__ is None and type(b).__hash__ is None
    assert std(1).c is not std(1).c and ours(1).c is not ours(1).c  # a fresh default each time
    with pytest.raises(TypeError):
        ours()
    assert std.__match_args__ == ours.__match_args__


def test_records_of_the_lint_path():
    f = Finding(path="a.txt", line=2, column=3, code="GW401", fix=Fix(0, 1, "，"))
    assert repr(f).startswith("Finding(path='a.txt', line=2, column=3, code='GW401'")
    assert ", para=" not in repr(f).split("fix=")[0] and "offset=0" in repr(f)  # para: repr=False
    assert f == copy.deepcopy(f) and f == pickle.loads(pickle.dumps(f))
    assert Place("a", 1) == Place("a", 1) and Place("a", 1) != Place("a", 2)
    assert record.replace(Place("a", 1), label="x") == Place("a", 1, label="x")
    m = Marker(1, 1, "一、", 2)
    assert hash(m) == hash(Marker(1, 1, "一、", 2)) and {m: 1}[Marker(1, 1, "一、", 2)] == 1
    with pytest.raises(AttributeError):
        m.level = 2
    assert DraftMarker(1, 1, "一、", 0, 2).junk == ()
    base = LintSettings(ignore=["GW4"], problems=["p"])
    out = LintOverrides(select=["GW5"], ignore=["GW6"], strict=True).apply(base)
    assert (out.select, out.ignore, out.strict, out.problems) == (["GW5"], ["GW4", "GW6"], True, ["p"])
    assert out.problems is not base.problems and base.select == ["GW"]
