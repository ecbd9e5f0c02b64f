"""``@dataclass`` for plain records, without importing :mod:`dataclasses`: the one way gongwen
declares a record.

Importing :mod:`dataclasses` imports :mod:`inspect` (with ``ast``, ``dis``, ``tokenize``): ≈ 10 ms,
more than linting a short file.  Records use only the plain part of it, which this module gives:
fields from the class's annotations, in order; defaults, ``field(default=…, default_factory=…,
repr=False, compare=False)``; a generated ``__init__`` (calling ``__post_init__()`` when the class
has one), ``__repr__`` and ``__eq__`` (the same as :mod:`dataclasses` writes); ``frozen=True``
(read-only, hashable).  Nothing else: no ordering, ``ClassVar``, inheritance of fields, nor
:func:`dataclasses.fields` — a record copies with :func:`replace` here.

The methods of the package's records are written ahead into :mod:`gongwen.spec.recordcode` (by
``python -m gongwen.spec.recordgen --write``) and compiled with the package, keyed by
``module.qualname``; they are used only when the signature stored with them equals the one
computed from the class as it is decorated (:func:`signature`), so a class edited without
regenerating gets its methods compiled here instead, never stale ones.  Default values are bound
from the class at decoration, never taken from the written code.  ``tests/spec/test_record*.py``
compare records with :mod:`dataclasses` on the same classes and keep the written module current.
"""

_MISSING = object()

#: ``module.qualname`` → (fields, frozen, post_init) of every record declared so far (for recordgen).
DECLARED: dict = {}

_code = None  # gongwen.spec.recordcode's namespace, once imported


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


_Function = type(_frozen_delattr)

#: Factories written as literals (their names are part of the signature, so this is never stale).
_LITERALS = {list: "[]", dict: "{}"}


def signature(fields, frozen: bool, post_init: bool) -> str:
    """What the written methods of a record depend on: each field's name, kind, default (as
    ``repr``) or factory (by qualified name), repr/compare flags; frozen; ``__post_init__``."""
    parts = ["frozen" if frozen else "plain", "post_init" if post_init else ""]
    for f in fields:
        if f.default_factory is not _MISSING:
            make = f.default_factory
            kind = f"factory={getattr(make, '__module__', '')}.{getattr(make, '__qualname__', repr(make))}"
        elif f.default is not _MISSING:
            kind = f"default={f.default!r}"
        else:
            kind = "required"
        parts.append(f"{f.name}:{kind}:{'r' if f.repr else '-'}{'c' if f.compare else '-'}")
    return "|".join(parts)


def prefix(key: str) -> str:
    """The name the written methods of record ``module.qualname`` start with."""
    return key.replace(".", "_")


def source(pre: str, fields, frozen: bool, post_init: bool) -> str:
    """The methods of a record, one line each: ``{pre}__init__``, ``__repr__``, ``__eq__`` (and
    ``__hash__`` when frozen), as :mod:`dataclasses` writes them.  A default is bound to
    ``__init__.__defaults__`` from the class; a factory other than ``list``/``dict`` is looked up as
    the global ``_f_{pre}_{field}``, which the decorator sets."""
    params, body = [], []
    seen_default = False
    for f in fields:
        n = f.name
        if f.default_factory is not _MISSING:
            make = _LITERALS.get(f.default_factory) or f"_f_{pre}_{n}()"
            value, seen_default = f"{make} if {n} is _MISSING else {n}", True
        else:
            value = n
            if f.default is not _MISSING:
                seen_default = True
            elif seen_default:
                raise TypeError(f"non-default argument {n!r} follows default argument")
        required = f.default is _MISSING and f.default_factory is _MISSING
        params.append(n if required else f"{n}=_MISSING")
        body.append(f"_setattr(self, {n!r}, {value})" if frozen else f"self.{n} = {value}")
    if post_init:
        body.append("self.__post_init__()")
    shown = [f.name for f in fields if f.repr]
    compared = [f.name for f in fields if f.compare]
    key = "(" + "".join(f"self.{n}, " for n in compared).rstrip() + ")"
    other = "(" + "".join(f"other.{n}, " for n in compared).rstrip() + ")"
    text = " + ', ".join(f"{n}=' + repr(self.{n})" for n in shown)
    lines = [f"def {pre}__init__(self{''.join(', ' + p for p in params)}): {'; '.join(body) or 'pass'}",
             f"def {pre}__repr__(self): return self.__class__.__qualname__ + '("
             + (f"{text} + ')'" if shown else ")'"),
             f"def {pre}__eq__(self, other): return {key} == {other} "
             "if other.__class__ is self.__class__ else NotImplemented"]
    if frozen:
        lines.append(f"def {pre}__hash__(self): return hash({key})")
    return "\n".join(lines) + "\n"


def _written(key: str, sig: str):
    """recordcode's namespace when it holds the methods of ``key`` for signature ``sig``, else None."""
    global _code
    if _code is None:
        try:
            from gongwen.spec import recordcode
        except ImportError:  # not written yet
            _code = {}
        else:
            _code = vars(recordcode)
    return _code if _code and _code["SIGNATURES"].get(key) == sig else None


def _make(cls, frozen: bool):
    fields = _fields(cls)
    post_init = hasattr(cls, "__post_init__")
    key = f"{cls.__module__}.{cls.__qualname__}"
    DECLARED[key] = (fields, frozen, post_init)
    pre = prefix(key)
    sig = signature(fields, frozen, post_init)
    code = _written(key, sig)
    if code is None:  # a class not written ahead, or changed since: compile its methods now
        code = {"_MISSING": _MISSING, "_setattr": object.__setattr__}
        exec(source(pre, fields, frozen, post_init), code)  # noqa: S102 - written from the class's own field names
    for f in fields:
        if f.default_factory is not _MISSING and f.default_factory not in _LITERALS:
            code[f"_f_{pre}_{f.name}"] = f.default_factory
        if f.default is not _MISSING:
            setattr(cls, f.name, f.default)
        elif f.name in cls.__dict__:
            delattr(cls, f.name)
    missing = code["_MISSING"]  # recordcode's own: it imports nothing
    defaults = tuple(f.default if f.default_factory is _MISSING else missing for f in fields
                     if f.default is not _MISSING or f.default_factory is not _MISSING)
    for name in ("__init__", "__repr__", "__eq__", "__hash__"):
        fn = code.get(pre + name)
        if fn is not None:  # a copy: the written function itself is never changed
            fn = _Function(fn.__code__, fn.__globals__, name, (defaults or None) if name == "__init__" else None)
            fn.__qualname__ = f"{cls.__qualname__}.{name}"
            setattr(cls, name, fn)
    if not frozen:
        cls.__hash__ = None
    else:
        cls.__setattr__ = _frozen_setattr
        cls.__delattr__ = _frozen_delattr
    cls.__match_args__ = cls.__record_fields__ = tuple(f.name for f in fields)
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
