"""Every record of the package behaves as ``dataclasses.dataclass`` makes it from the same class, with
its methods written ahead into spec/recordcode.py: the written module is current, each record uses it,
and a class changed without regenerating gets methods of its own (never stale ones)."""

from __future__ import annotations

import copy
import dataclasses
import importlib
import random

import pytest

from gongwen.spec import record, recordcode, recordgen
from tests.paths import SRC


def test_recordcode_is_current():
    written = (SRC / "gongwen" / "spec" / "recordcode.py").read_text(encoding="utf-8")
    assert written == recordgen.source(), "run: python -m gongwen.spec.recordgen --write"


def _records():
    recordgen.source()  # imports every declaring module
    out = []
    for key in sorted(recordcode.SIGNATURES):
        module, _, name = key.rpartition(".")
        while not hasattr(importlib.import_module(module), name.split(".")[0]):
            module, _, head = module.rpartition(".")
            name = f"{head}.{name}"
        obj = importlib.import_module(module)
        for part in name.split("."):
            obj = getattr(obj, part)
        out.append((key, obj))
    return out


RECORDS = _records()


def _twin(key, cls):
    """The same class declared with ``dataclasses``."""
    fields, frozen, post_init = record.DECLARED[key]
    ns = {"__annotations__": {f.name: "object" for f in fields}, "__qualname__": cls.__qualname__,
          "__module__": cls.__module__}
    for f in fields:
        kw = {"repr": f.repr, "compare": f.compare}
        if f.default_factory is not record._MISSING:
            kw["default_factory"] = f.default_factory
        elif f.default is not record._MISSING:
            kw["default"] = f.default
        ns[f.name] = dataclasses.field(**kw)
    if post_init:
        ns["__post_init__"] = cls.__post_init__
    return dataclasses.dataclass(frozen=frozen)(type(cls.__name__, (), ns)), fields


def _value(rng, depth=0):
    choice = rng.randrange(6 if depth < 2 else 3)
    if choice == 0:
        return rng.choice(["", "一", "二是", "x'y\"", "\n"])
    if choice == 1:
        return rng.choice([None, True, False, 0, 3, -1])
    if choice == 2:
        return tuple(rng.choice(["甲", "乙"]) for _ in range(rng.randrange(3)))
    if choice == 3:
        return {"a": _value(rng, depth + 1)}
    if choice == 4:
        return [_value(rng, depth + 1) for _ in range(2)]
    return RECORDS[0][1].__name__


def _made(make, *args, **kw):
    try:
        return make(*args, **kw)
    except Exception as exc:  # noqa: BLE001 - a __post_init__ refusing a value: refused alike
        return type(exc)


def _view(obj):
    """The fields of ``obj`` in order; a value compared by identity only (a fresh factory object) by its type."""
    return [(k, type(v) if type(v).__eq__ is object.__eq__ else v) for k, v in vars(obj).items()]


def _hash(obj):
    try:
        return hash(obj)
    except TypeError:
        return TypeError


@pytest.mark.parametrize("key,cls", RECORDS, ids=[k for k, _ in RECORDS])
def test_record_as_dataclass(key, cls):
    twin, fields = _twin(key, cls)
    names = [f.name for f in fields]
    assert cls.__match_args__ == twin.__match_args__ == tuple(names)
    assert cls.__init__.__globals__ is vars(recordcode)  # the written methods, not compiled at import
    frozen = record.DECLARED[key][1]
    assert (cls.__hash__ is None) == (twin.__hash__ is None) == (not frozen)
    required = [f.name for f in fields
                if f.default is record._MISSING and f.default_factory is record._MISSING]
    rng = random.Random(key)
    for _ in range(100):
        given = {n: _value(rng) for n in names if n in required or rng.random() < 0.5}
        mine, theirs = _made(cls, **copy.deepcopy(given)), _made(twin, **copy.deepcopy(given))
        if isinstance(mine, type):
            assert mine is theirs
            continue
        assert _view(mine) == _view(theirs)
        assert repr(mine) == repr(theirs)
        positional = [given[f.name] if f.name in given else f.default if f.default_factory is record._MISSING
                      else f.default_factory() for f in fields]
        assert _view(_made(cls, *copy.deepcopy(positional))) == _view(mine)
        other = _made(cls, **copy.deepcopy(given))
        assert mine == other and not mine != other and mine.__eq__(theirs) is NotImplemented
        if frozen:
            assert _hash(mine) == _hash(theirs)
            with pytest.raises(AttributeError):
                setattr(mine, names[0], "改")
        name = rng.choice(names)
        changed = _made(record.replace, mine, **{name: "改"})
        expected = _made(dataclasses.replace, theirs, **{name: "改"})
        if isinstance(changed, type):
            assert changed is expected
        else:
            assert _view(changed) == _view(expected) and (mine == changed) == (theirs == expected)
    if len(required) < len(names):
        args = {n: "" for n in required}
        a, b, t = _made(cls, **args), _made(cls, **args), _made(twin, **args)
        if not isinstance(a, type):
            assert repr(a) == repr(t)
            for f in fields:
                if f.default_factory is not record._MISSING:
                    assert getattr(a, f.name) is not getattr(b, f.name)  # made afresh for each


def test_a_changed_class_gets_methods_of_its_own():
    """A record declared under a written key but changed (a default, a field) is not given the
    written methods; its own defaults are always the class's."""
    saved = dict(record.DECLARED)
    try:
        ns = {"__annotations__": {"text": "str", "lead": "str"}, "text": "新", "lead": "",
              "__module__": "gongwen.content.model", "__qualname__": "Item"}
        changed = record.dataclass(type("Item", (), ns))
        assert changed.__init__.__globals__ is not vars(recordcode)
        assert repr(changed()) == "Item(text='新', lead='')"
        ns = {"__annotations__": {"text": "str", "lead": "str", "more": "int"}, "text": "", "lead": "",
              "more": 1, "__module__": "gongwen.content.model", "__qualname__": "Item"}
        grown = record.dataclass(type("Item", (), ns))
        assert grown("a") == grown("a", "", 1) and grown().more == 1
        same = record.dataclass(type("Item", (), {**ns, "__annotations__": {"text": "str", "lead": "str"},
                                                  "more": None}))
        assert same.__init__.__globals__ is vars(recordcode) and repr(same()) == "Item(text='', lead='')"
    finally:
        record.DECLARED.clear()
        record.DECLARED.update(saved)
