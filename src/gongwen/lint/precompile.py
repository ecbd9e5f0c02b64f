"""Writes :data:`gongwen.spec.precompiled.STORE`: ``python -m gongwen.lint.precompile --write``.

Every module of the layers the linter stands on (spec, ooxml, settings, content, draft, lint)
is imported (walked, so a new module is never missed) and each :mod:`gongwen.spec.lazyre`
pattern found is compiled as ``re.compile`` would compile it; its code is stored with the
Python and engine it is valid for (:func:`gongwen.spec.precompiled.key`).  The store is
deterministic: the same patterns give the same bytes.  ``tests/spec/test_precompiled.py``
fails when the committed store differs from what this writes.
"""

from __future__ import annotations

import importlib
import marshal
import pkgutil
import sys
import zlib
from array import array

#: Packages and modules walked for patterns (the lint path and what it stands on).
ROOTS = ("gongwen.spec", "gongwen.ooxml", "gongwen.content", "gongwen.draft", "gongwen.lint", "gongwen.settings",
         "gongwen.lintsettings", "gongwen.settingvalues", "gongwen.textio", "gongwen.trust", "gongwen.errors", "gongwen.yamlhints",
         "gongwen.yamlsafe", "gongwen.atomic")


def _held(value, depth: int = 0):
    """The lazy patterns a module-level value holds (itself, or in a tuple, list or dict)."""
    from gongwen.spec.lazyre import LazyPattern

    if isinstance(value, LazyPattern):
        yield value
    elif depth < 3 and isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _held(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _held(item, depth + 1)


def patterns() -> list:
    """``(pattern, flags)`` of every lazy pattern the walked modules hold at module level, sorted."""
    found = set()
    for root in ROOTS:
        module = importlib.import_module(root)
        names = [root]
        if hasattr(module, "__path__"):
            names += [info.name for info in pkgutil.walk_packages(module.__path__, root + ".")]
        for name in names:
            for value in list(vars(importlib.import_module(name)).values()):
                found.update((p.pattern, int(p.flags)) for p in _held(value))
    return sorted(found)


def entry(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile``, the code as bytes."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (flags | parsed.state.flags, parsed.state.groups - 1, groupindex, tuple(indexgroup),
            array("I", code).tobytes())


def render() -> bytes:
    from gongwen.spec.precompiled import key

    table = {(p, f): entry(p, f) for p, f in patterns()}
    return zlib.compress(marshal.dumps((key(), table), 2), 9)  # version 2: no references, same bytes each run


if __name__ == "__main__":  # pragma: no cover
    from gongwen.spec.precompiled import STORE

    data = render()
    if sys.argv[1:] == ["--write"]:
        with open(STORE, "wb") as f:
            f.write(data)
    print(f"{len(patterns())} patterns, {len(data):,} bytes")
