"""Files and folders to lint: which files a folder holds, reading each, and the settings for each
(the nearest gongwen.yaml | gongwen.yml | setup.cfg, as build finds them)."""

from __future__ import annotations

import os
from typing import Iterator, List, Optional, Sequence, Tuple

from gongwen.draft.read import read_source
from gongwen.draft.source import Source
from gongwen.errors import GongwenError
from gongwen.lint.engine import lint_source
from gongwen.lint.findings import Finding
from gongwen.settings import NAMES, LintOverrides, LintSettings, load
from gongwen.textio import STDIN

LINTABLE = (".docx", ".txt", ".md", ".markdown", ".yaml", ".yml")
_SKIP_NAMES = NAMES + (".pre-commit-hooks.yaml", ".pre-commit-config.yaml")


def expand_paths(paths: Sequence[str]) -> List[Tuple[str, bool]]:
    """Files to lint, in order: ``(path, explicit)``; folders are searched recursively for
    .docx/.txt/.md/.yaml files (hidden ones, Word lock files and ``*.fixed.docx`` skipped)."""
    out: List[Tuple[str, bool]] = []
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("__pycache__", "node_modules"))
                for name in sorted(files):
                    low = name.lower()
                    if (name.startswith((".", "~$")) or low.endswith(".fixed.docx") or name in _SKIP_NAMES
                            or not low.endswith(LINTABLE)):
                        continue
                    out.append((os.path.join(folder, name), False))
        else:
            out.append((path, True))
    return out


def settings_for(path: str, overrides: Optional[LintOverrides] = None) -> LintSettings:
    """The lint settings for ``path``: its settings file's, then ``overrides`` (the command line)."""
    base = load(os.getcwd() if path == STDIN else os.path.dirname(os.path.abspath(path)) or None).lint
    return overrides.apply(base) if overrides is not None else base


def is_content(source: Source) -> bool:
    """YAML that is gongwen content (other YAML in a folder is not linted)."""
    from gongwen.draft.yamlsource import is_content as yaml_is_content

    return source.format != "yaml" or yaml_is_content(source)


def sources(paths: Sequence[str]) -> Iterator[Tuple[str, bool, object]]:
    """``(path, explicit, Source or GongwenError)`` for every file under ``paths``."""
    for path, explicit in expand_paths(paths):
        try:
            yield path, explicit, read_source(path)
        except GongwenError as exc:
            yield path, explicit, exc


def lint_paths(paths: Sequence[str], settings: Optional[LintSettings] = None,
               overrides: Optional[LintOverrides] = None):
    """Lint files and folders: ``(findings, problems)`` where problems are the ``GongwenError``
    of files that could not be read.  ``settings`` (when given) applies to every file; otherwise
    each file is linted with the settings found for it, then ``overrides``."""
    findings: List[Finding] = []
    problems: List[GongwenError] = []
    for path, _, source in sources(paths):
        if isinstance(source, GongwenError):
            problems.append(source)
        elif is_content(source):
            findings.extend(lint_source(source, settings or settings_for(path, overrides)))
    return findings, problems
