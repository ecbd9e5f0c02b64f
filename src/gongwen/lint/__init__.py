"""``gongwen lint``: the reviewer's linter for 公文 drafts.

    from gongwen.lint import lint_text
    findings = lint_text("一.总体要求")        # [Finding(code='GW101', …)]

The engine (:mod:`gongwen.lint.engine`) runs the rules of the registry
(:mod:`gongwen.lint.registry`, one module per family in :mod:`gongwen.lint.rules`)
on a draft read by :mod:`gongwen.draft.read`; :func:`gongwen.check` is the
library entry point for files and folders.
"""

from gongwen.lint.engine import lint_source, lint_text
from gongwen.lint.files import lint_paths
from gongwen.lint.findings import Finding, Fix
from gongwen.lint.registry import Rule, all_rules, get_rule

__all__ = ["Finding", "Fix", "Rule", "all_rules", "get_rule", "lint_paths", "lint_source", "lint_text"]
