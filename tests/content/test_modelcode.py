"""The content model's records (content/model.py) behave as ``@dataclass`` makes them, with their
methods written once into content/modelcode.py: the written module is current, and each record
inits, shows and compares as the dataclass declared from the same source does."""

from __future__ import annotations

import copy
import dataclasses
import random
import sys
import types

from gongwen.content import model, modelcode, modelgen
from tests.paths import SRC


def test_modelcode_is_current():
    written = (SRC / "gongwen" / "content" / "modelcode.py").read_text(encoding="utf-8")
    assert written == modelgen.source(), "run: python -m gongwen.content.modelgen --write"


def _reference():
    """content/model.py with the real ``dataclasses`` decorator."""
    source = (SRC / "gongwen" / "content" / "model.py").read_text(encoding="utf-8")
    head, classes = source.split("\n@dataclass\nclass Item", 1)
    start = head.index("from gongwen.content import modelcode")
    head = head[:start] + "from dataclasses import dataclass, field\nfrom gongwen.content.schema import SERIES_STYLES\n"
    module = types.ModuleType("reference_model")
    sys.modules[module.__name__] = module  # dataclasses looks the module up
    try:
        exec(compile(head + "\n@dataclass\nclass Item" + classes, "reference_model", "exec"), vars(module))
    finally:
        del sys.modules[module.__name__]
    return module


def _value(rng, depth=0):
    choice = rng.randrange(6 if depth < 2 else 3)
    if choice == 0:
        return rng.choice(["", "一", "二是", "x'y\"", "\n"])
    if choice == 1:
        return rng.choice([None, True, False, 0, 3])
    if choice == 2:
        return [rng.choice(["甲", "乙"]) for _ in range(rng.randrange(3))]
    if choice == 3:
        return {"a": _value(rng, depth + 1)}
    if choice == 4:
        return [_value(rng, depth + 1) for _ in range(2)]
    return model.Item(text="嵌", lead="套")


def test_records_init_show_and_compare_as_dataclasses():
    ref = _reference()
    rng = random.Random(16)
    assert [cls.__name__ for cls in model.RECORDS] == \
        [name for name, obj in vars(ref).items() if dataclasses.is_dataclass(obj)]
    for cls in model.RECORDS:
        twin = getattr(ref, cls.__name__)
        fields = dataclasses.fields(twin)
        assert cls.__match_args__ == twin.__match_args__ == tuple(f.name for f in fields)
        assert cls.__hash__ is None and twin.__hash__ is None
        required = [f.name for f in fields
                    if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
        for _ in range(200):
            given = {f.name: _value(rng) for f in fields if f.name in required or rng.random() < 0.5}
            mine, theirs = cls(**copy.deepcopy(given)), twin(**copy.deepcopy(given))
            assert list(vars(mine)) == list(vars(theirs))
            assert repr(mine) == repr(theirs)  # the same values (a default record: the twin's own class)
            assert [type(v).__name__ for v in vars(mine).values()] == \
                [type(v).__name__ for v in vars(theirs).values()]
            positional = [given.get(f.name, getattr(mine, f.name)) for f in fields]
            assert vars(cls(*positional)) == vars(mine)
            other = cls(**copy.deepcopy(given))
            assert mine == other and not mine != other
            name = rng.choice(cls.__match_args__)
            setattr(other, name, "改")
            assert (mine == other) == (getattr(mine, name) == "改")
            assert model.replace(mine, **{name: "改"}) == other
            assert mine.__eq__(theirs) is NotImplemented
        a, b = cls(**{n: "" for n in required}), cls(**{n: "" for n in required})
        for f in fields:
            if f.default_factory is not dataclasses.MISSING:
                assert repr(getattr(a, f.name)) == repr(f.default_factory())
                assert getattr(a, f.name) is not getattr(b, f.name)  # made afresh for each


def test_a_stale_modelcode_is_written_on_import():
    """A field added without running modelgen still works: that class's methods are written then."""
    saved = dict(vars(modelcode))
    del vars(modelcode)["Reply__init__"]
    try:
        @model.dataclass
        class Reply:
            title: str
            number: str = ""

        assert repr(Reply("题")) == \
            "test_a_stale_modelcode_is_written_on_import.<locals>.Reply(title='题', number='')"
        assert Reply("题") == Reply("题", "")
        model.RECORDS.remove(Reply)
    finally:
        vars(modelcode).clear()
        vars(modelcode).update(saved)
