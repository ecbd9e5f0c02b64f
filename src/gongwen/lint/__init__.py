"""``gongwen lint``: the reviewer's linter for 公文 drafts.

The library API::

    from gongwen.lint import lint_paths, lint_text
    findings = lint_text("一.总体要求")        # [Finding(code='GW101', …)]

Rules live in ``rules_*.py`` (one module per family, codes GW1xx–GW7xx) and
``layout.py`` (GW8xx, .docx only); the engine is :mod:`gongwen.lint.engine`.
"""

from gongwen.lint.engine import (Finding, Fix, LintConfig, Para, Rule, Source, all_rules, find_config, get_rule, hit,
                   lint_paths, lint_source, lint_text, rule)

__all__ = ["Finding", "Fix", "LintConfig", "Para", "Rule", "Source", "all_rules", "find_config", "get_rule", "hit",
           "lint_paths", "lint_source", "lint_text", "rule"]
