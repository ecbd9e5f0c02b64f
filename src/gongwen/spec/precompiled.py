"""Regular expressions built from code compiled ahead of time.

``re.compile`` parses a pattern and optimises its character classes in Python: 0.1–4 ms a
pattern, a class spanning the CJK block (``[\\u4e00-\\u9fff]``) ≈ 0.5 ms each time it occurs.
A long text needs some 100 of the package's patterns: 30–60 ms of every such lint went to the
compiler.  ``precompiled.bin`` (written by ``python -m gongwen.lint.precompile --write``) holds
what the compiler makes of each :mod:`gongwen.spec.lazyre` pattern of the package, for the
Python that wrote it; :func:`compiled` builds the pattern from it (``_sre.compile``, which
validates the code), the same object ``re.compile`` returns.  A pattern not stored, a store
written by another Python, or a missing or unreadable store: ``None``, and the caller compiles.
The store ships inside the package, as its code does; tests/spec/test_precompiled.py fails when
it no longer matches what the compiler makes.
"""

from __future__ import annotations

import os
import sys

STORE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "precompiled.bin")  # no pathlib: start-up
_table = None  # {(pattern, flags): (flags, groups, groupindex, indexgroup, code as bytes)}


def key() -> tuple:
    """What the stored code is valid for: the Python, its regular-expression engine, the machine."""
    import _sre

    return (tuple(sys.version_info[:2]), _sre.MAGIC, _sre.CODESIZE, sys.byteorder)


def _load() -> dict:
    global _table
    import marshal
    import zlib

    try:
        with open(STORE, "rb") as f:
            head, table = marshal.loads(zlib.decompress(f.read()))
    except (OSError, ValueError, EOFError, TypeError, zlib.error):
        head, table = None, {}
    _table = table if head == key() and isinstance(table, dict) else {}
    return _table


def compiled(pattern: str, flags: int = 0):
    """``re.compile(pattern, flags)`` from the stored code, or ``None`` when it is not stored."""
    entry = (_table if _table is not None else _load()).get((pattern, int(flags)))
    if entry is None:
        return None
    import _sre

    final, groups, groupindex, indexgroup, code = entry
    try:
        return _sre.compile(pattern, final, memoryview(code).cast("I").tolist(), groups, groupindex, indexgroup)
    except (RuntimeError, TypeError, ValueError):  # not valid code for this engine: compile it
        return None
