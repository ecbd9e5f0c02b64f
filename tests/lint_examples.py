"""Helpers shared by the lint tests: run text (or YAML) through the linter without files."""

from __future__ import annotations

from gongwen.settings import LintSettings, lint_settings_from

from gongwen.lint.engine import lint_source

from gongwen.draft.source import source_from_text
from gongwen.draft.yamlsource import yaml_source


def source_of(text: str, fmt: str = "txt", path: str = "<example>"):
    if fmt == "yaml":
        return yaml_source(text, path)
    return source_from_text(text, path, fmt)


def lint(text: str, fmt: str = "txt", select=None, **settings):
    """Findings for ``text``; ``select`` narrows the rules, ``settings`` are house settings."""
    config = lint_settings_from(settings, "<test>") if settings else LintSettings()
    if select is not None:
        config.select = [select] if isinstance(select, str) else list(select)
    return lint_source(source_of(text, fmt), config)


def codes(text: str, fmt: str = "txt", select=None, **settings):
    return [f.code for f in lint(text, fmt, select, **settings)]


def where(text: str, fmt: str = "txt", select=None, **settings):
    """``[(line, column, code)]``."""
    return [(f.line, f.column, f.code) for f in lint(text, fmt, select, **settings)]
