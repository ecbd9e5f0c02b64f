"""The sandboxed Jinja environment a template's body is compiled in.

Templates travel between offices, so their code runs only in Jinja's
:class:`~jinja2.sandbox.ImmutableSandboxedEnvironment`.  A body is rendered by
:mod:`gongwen.builder.tagrender` from its program, without Jinja; this environment renders only a
template the program cannot express, or paragraphs that are not plain dicts.

One shortcut, taken only where it gives what the sandbox gives: ``p.kind`` on a plain ``dict``
(every paragraph reaches the template as one) whose name is not an attribute of ``dict``.  The
sandbox first asks ``getattr(p, "kind")``, which for such a name always raises AttributeError (a
``dict`` has no instance attributes and no ``__getattr__``), and then returns ``p["kind"]``; the
shortcut returns ``p["kind"]`` without raising.  Every other lookup (``p.items``, ``p.__class__``,
a missing key, any other type) goes through the sandbox's own checks.
``tests/builder/test_sandbox.py`` compares the two on such lookups.
"""

from __future__ import annotations

from jinja2.sandbox import ImmutableSandboxedEnvironment

_DICT_ATTRIBUTES = frozenset(dir(dict))


class Sandbox(ImmutableSandboxedEnvironment):
    """:class:`ImmutableSandboxedEnvironment` with the plain-dict item shortcut."""

    def getattr(self, obj, attribute):
        if type(obj) is dict and type(attribute) is str and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)
