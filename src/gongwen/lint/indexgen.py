"""Writes :mod:`gongwen.lint.ruleindex` from the registry: ``python -m gongwen.lint.indexgen``.

Every module under :mod:`gongwen.lint.rules` is imported (walked, so a new module is never
missed) and each rule is listed under the module that registers it, with its formats and
triggers.  ``tests/lint/test_ruleindex.py`` fails when the committed index differs from
what this prints, so the index is never stale.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

HEADER = '''"""The rule index: which module registers which rules, for which formats, with which triggers.

Generated from the registry by ``python -m gongwen.lint.indexgen`` (do not edit;
tests/lint/test_ruleindex.py fails when it is stale).  Linting a text, the engine
imports only the rule modules holding a rule that applies to its format and can fire
in it (no triggers, or one of its trigger characters in the text): importing every
rule module costs more than linting a short text.  The layout family (.docx only)
is not listed: a .docx loads every family.
"""

#: (module, ((code, formats, triggers or None), ...)), modules in import order.
MODULES = (
'''


def rule_modules():
    """Every module under gongwen.lint.rules outside the layout family, imported, in name order."""
    import gongwen.lint.rules as package

    names = sorted(m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
                   if not m.ispkg and ".layout" not in m.name)
    for name in names:
        importlib.import_module(name)
    return names


def render_index() -> str:
    from gongwen.lint.registry import LAYOUT, _REGISTRY, all_rules

    rule_modules()
    all_rules(layout=False)
    by_module = {}
    for code in sorted(_REGISTRY):
        r = _REGISTRY[code]
        if r.family != LAYOUT:
            by_module.setdefault(r.check.__module__, []).append(r)
    lines = [HEADER]
    for module in sorted(by_module):
        lines.append(f"    ({module!r}, (\n")
        for r in by_module[module]:
            lines.append(f"        ({r.code!r}, {' '.join(r.formats)!r}, {r.triggers!r}),\n")
        lines.append("    )),\n")
    lines.append(")\n")
    return "".join(lines)


INDEX_PATH = Path(__file__).with_name("ruleindex.py")

if __name__ == "__main__":  # pragma: no cover
    text = render_index()
    if sys.argv[1:] == ["--write"]:
        INDEX_PATH.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
