"""Regular expressions compiled on first use.

``re.compile`` at import costs 0.1–2 ms a pattern; rule modules hold dozens and a
short lint uses few of them.  ``lazyre.compile(p)`` returns a stand-in that
compiles on its first method call and then binds the compiled pattern's
methods on itself, so later calls cost what a plain pattern's do.  ``pattern``
and ``flags`` are answered without compiling (patterns built from patterns).
"""

from __future__ import annotations

import re

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> "re.Pattern":
        c = self.__dict__.get("_compiled")
        if c is None:
            from gongwen.spec.precompiled import compiled

            c = compiled(self.pattern, self.flags) or re.compile(self.pattern, self.flags)
            self.__dict__["_compiled"] = c
            for name in _METHODS:
                self.__dict__[name] = getattr(c, name)
        return c

    def __getattr__(self, name):  # only for what is not bound yet
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazyre.compile({self.pattern!r})"


def compile(pattern: str, flags: int = 0) -> LazyPattern:  # noqa: A001 - mirrors re.compile
    return LazyPattern(pattern, flags)
