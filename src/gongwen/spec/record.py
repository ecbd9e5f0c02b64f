"""``@dataclass`` for plain records, without importing :mod:`dataclasses`.

Importing :mod:`dataclasses` imports :mod:`inspect` (with ``ast``, ``dis``,
``tokenize``): ≈ 10 ms, more than linting a short file.  The records on the
lint path (findings, paragraphs, settings, markers, places) use only the plain
part of it, which this module gives: fields from the class's annotations, in
order; defaults, ``field(default=…, default_factory=…, repr=False,
compare=False)``; a generated ``__init__``, ``__repr__`` and ``__eq__`` (the
same as :mod:`dataclasses` writes); ``frozen=True`` (read-only, hashable).
Nothing else: no ordering, ``__post_init__``, ``ClassVar``, inheritance of
fields, nor :func:`dataclasses.replace` / :func:`dataclasses.fields` — a record
that needs one copies with :func:`replace` here.  ``tests/spec/test_record.py``
compares it with :mod:`dataclasses` on the same classes.
"""

_MISSING = object()


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen record (as :class:`dataclasses.FrozenInstanceError`)."""


class Field:
    __slots__ = ("name", "default", "default_factory", "repr", "compare")

    def __init__(self, default=_MISSING, default_factory=_MISSING, repr=True, compare=True):  # noqa: A002
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare


def field(*, default=_MISSING, default_factory=_MISSING, repr=True, compare=True) -> Field:  # noqa: A002
    return Field(default, default_factory, repr, compare)


def _fields(cls) -> list:
    out = []
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if "ClassVar" in str(annotation) or "InitVar" in str(annotation):
            raise TypeError(f"{cls.__name__}.{name}: ClassVar/InitVar are not supported by gongwen.spec.record")
        value = cls.__dict__.get(name, _MISSING)
        f = value if isinstance(value, Field) else Field(default=value)
        f.name = name
        out.append(f)
    return out


def _frozen_setattr(self, name, value):
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self, name):
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _make(cls, frozen: bool):
    fields = _fields(cls)
    env = {"_MISSING": _MISSING, "_setattr": object.__setattr__}
    params, body = [], []
    for f in fields:
        n = f.name
        if f.default_factory is not _MISSING:
            env[f"_f_{n}"] = f.default_factory
            params.append(f"{n}=_MISSING")
            value = f"_f_{n}() if {n} is _MISSING else {n}"
        elif f.default is not _MISSING:
            env[f"_d_{n}"] = f.default
            params.append(f"{n}=_d_{n}")
            value = n
        else:
            if params and params[-1].count("="):
                raise TypeError(f"non-default argument {n!r} follows default argument")
            params.append(n)
            value = n
        body.append(f"  _setattr(self, {n!r}, {value})" if frozen else f"  self.{n} = {value}")
        if f.default is not _MISSING:
            setattr(cls, n, f.default)
        elif n in cls.__dict__:
            delattr(cls, n)
    shown = [f.name for f in fields if f.repr]
    compared = [f.name for f in fields if f.compare]
    key = "(" + "".join(f"self.{n}," for n in compared) + ")"
    other = "(" + "".join(f"other.{n}," for n in compared) + ")"
    src = [f"def __init__(self, {', '.join(params)}):", *(body or ["  pass"]),
           "def __repr__(self):",
           "  return self.__class__.__qualname__ + '(' + "
           + (" + ', ' + ".join(f"'{n}=' + repr(self.{n})" for n in shown) or "''") + " + ')'",
           "def __eq__(self, other):",
           f"  if other.__class__ is self.__class__: return {key} == {other}",
           "  return NotImplemented"]
    if frozen:
        src += ["def __hash__(self):", f"  return hash({key})"]
    exec("\n".join(src), env)  # noqa: S102 - code written here from the class's own field names
    for name in ("__init__", "__repr__", "__eq__", "__hash__"):
        if name in env:
            fn = env[name]
            fn.__qualname__ = f"{cls.__qualname__}.{name}"
            setattr(cls, name, fn)
    if not frozen:
        cls.__hash__ = None
    else:
        cls.__setattr__ = _frozen_setattr
        cls.__delattr__ = _frozen_delattr
    cls.__match_args__ = tuple(f.name for f in fields)
    cls.__record_fields__ = tuple(f.name for f in fields)
    return cls


def dataclass(cls=None, *, frozen: bool = False):
    """``@dataclass`` or ``@dataclass(frozen=True)``: see the module's notes."""
    if cls is None:
        return lambda c: _make(c, frozen)
    return _make(cls, frozen)


def replace(obj, **changes):
    """A copy of the record ``obj`` with ``changes`` (as :func:`dataclasses.replace`)."""
    for name in obj.__record_fields__:
        if name not in changes:
            changes[name] = getattr(obj, name)
    return obj.__class__(**changes)
