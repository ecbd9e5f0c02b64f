"""The source of the methods of a content-model record (``__init__``, ``__repr__``, ``__eq__``),
as ``@dataclass`` writes them: what :mod:`gongwen.content.modelgen` writes into
:mod:`gongwen.content.modelcode`, and what :mod:`gongwen.content.model` compiles for a class
that module does not hold yet."""

from __future__ import annotations

HEADER = '''"""The methods of the content model's records, as ``@dataclass`` writes them.

Written by ``python -m gongwen.content.modelgen --write`` from :mod:`gongwen.content.model`; do not
edit.  Kept as a module so that they are compiled once with the package, not on every import.
"""

# A record class made by default (``Head()``) is put here by gongwen.content.model as it is defined.
_NEW = object()  # an argument not given: the field's default is made afresh
'''


def _factory(make) -> str:
    if make is list:
        return "[]"
    if make is dict:
        return "{}"
    return make.__name__ + "()"


def _wrapped(head: str, items, tail: str) -> str:
    """``head`` + ``items`` joined by commas + ``tail``, in lines of at most 100 characters."""
    pieces: list = []
    for item in items:
        if pieces and len(head) + len(pieces[-1]) + len(item) > 96:
            pieces[-1] += ","
            pieces.append(item)
        else:
            pieces[-1:] = [f"{pieces[-1]}, {item}" if pieces else item]
    return head + ("\n" + " " * len(head)).join(pieces) + tail


def class_source(cls) -> str:
    """The three methods of record ``cls`` (named ``Name__init__``, ``Name__repr__``, ``Name__eq__``)."""
    name, spec = cls.__name__, cls.__record__
    params, body = [], []
    for field, kind, value in spec:
        if kind == "required":
            params.append(field)
            body.append(f"    self.{field} = {field}")
        elif kind == "default":
            params.append(f"{field}={value!r}")
            body.append(f"    self.{field} = {field}")
        else:
            params.append(f"{field}=_NEW")
            body.append(f"    self.{field} = {_factory(value)} if {field} is _NEW else {field}")
    names = [field for field, _, _ in spec]
    shown = "".join(f"\n            + \"{', ' if i else ''}{n}=\" + repr(self.{n})" for i, n in enumerate(names))
    lines = [_wrapped(f"def {name}__init__(self, ", params, "):"), *(body or ["    pass"]), "", "",
             f"def {name}__repr__(self):",
             f"    return (self.__class__.__qualname__ + \"(\"{shown}\n            + \")\")", "", "",
             f"def {name}__eq__(self, other):",
             "    if other.__class__ is self.__class__:",
             _wrapped("        return ((", [f"self.{n}" for n in names], ",) =="),
             _wrapped("                (", [f"other.{n}" for n in names], ",))"),
             "    return NotImplemented", ""]
    return "\n".join(lines)
