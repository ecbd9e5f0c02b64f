"""Files and folders to lint: which files a folder holds, reading each, and the settings for each
(the nearest gongwen.yaml | gongwen.yml | setup.cfg, as build finds them)."""

from __future__ import annotations

import os

from gongwen.draft.read import read_source
from gongwen.draft.source import Source
from gongwen.errors import GongwenError, ReadError
from gongwen.lint.engine import lint_source
from gongwen.lint.findings import Finding
from gongwen.settings import NAMES, LintOverrides, LintSettings, load
from gongwen.spec.record import dataclass, field
from gongwen.textio import STDIN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator, List, Optional, Sequence, Tuple

LINTABLE = (".docx", ".txt", ".md", ".markdown", ".yaml", ".yml")
_SKIP_NAMES = NAMES + (".pre-commit-hooks.yaml", ".pre-commit-config.yaml")


def expand_paths(paths: Sequence[str]) -> List[Tuple[str, bool, Optional[GongwenError]]]:
    """Files to lint, in order: ``(path, explicit, problem)``; folders are searched recursively for
    .docx/.txt/.md/.yaml files (hidden ones, Word lock files, ``*.fixed.docx`` and ``*.annotated.docx`` skipped).

    A folder that cannot be listed (no permission, say) is not skipped silently: it comes as
    ``(folder, False, ReadError)``, in its place, so it is reported as a file that could not be
    read.  ``problem`` is ``None`` for every file (reading it may still fail).
    """
    out: List[Tuple[str, bool, Optional[GongwenError]]] = []
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            failed: List[OSError] = []
            for folder, dirs, files in os.walk(path, onerror=failed.append):
                for exc in failed:  # os.walk reports a folder it cannot list just before going on
                    out.append((exc.filename or folder, False, unreadable_folder(exc)))
                failed.clear()
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("__pycache__", "node_modules"))
                for name in sorted(files):
                    low = name.lower()
                    if (name.startswith((".", "~$")) or low.endswith((".fixed.docx", ".annotated.docx")) or name in _SKIP_NAMES
                            or not low.endswith(LINTABLE)):
                        continue
                    out.append((os.path.join(folder, name), False, None))
            for exc in failed:
                out.append((exc.filename or path, False, unreadable_folder(exc)))
        else:
            out.append((path, True, None))
    return out


def unreadable_folder(exc: OSError) -> ReadError:
    """The error for a folder ``os.walk`` could not list."""
    why = "没有读取权限" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
    return ReadError(exc.filename or "", f"无法打开这个文件夹（{why}），其中的文件都没有检查")


def settings_for(path: str, overrides: Optional[LintOverrides] = None) -> LintSettings:
    """The lint settings for ``path``: its settings file's, then ``overrides`` (the command line)."""
    base = load(os.getcwd() if path == STDIN else os.path.dirname(os.path.abspath(path)) or None).lint
    return overrides.apply(base) if overrides is not None else base


def is_content(source: Source) -> bool:
    """YAML that is gongwen content (other YAML in a folder is not linted)."""
    if source.format != "yaml":
        return True
    from gongwen.draft.yamlsource import is_content as yaml_is_content

    return yaml_is_content(source)


def sources(paths: Sequence[str]) -> Iterator[Tuple[str, bool, object]]:
    """``(path, explicit, Source or GongwenError)`` for every file under ``paths``."""
    for path, explicit, problem in expand_paths(paths):
        if problem is not None:
            yield path, explicit, problem
            continue
        try:
            yield path, explicit, read_source(path)
        except GongwenError as exc:
            yield path, explicit, exc


@dataclass
class CheckResult:
    """What :func:`check` found: findings, the files it could not read, how many it linted."""

    findings: List[Finding] = field(default_factory=list)
    problems: List[GongwenError] = field(default_factory=list)  # one per file that could not be read
    files: int = 0

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)


def check(paths: Sequence[str], settings: Optional[LintSettings] = None,
          overrides: Optional[LintOverrides] = None) -> CheckResult:
    """Lint files and folders.  ``settings`` (when given) applies to every file; otherwise each
    file is linted with the settings found for it, then ``overrides``."""
    result = CheckResult()
    for path, _, source in sources(paths):
        if isinstance(source, GongwenError):
            result.problems.append(source)
        elif is_content(source):
            result.files += 1
            result.findings.extend(lint_source(source, settings or settings_for(path, overrides)))
    return result


def lint_paths(paths: Sequence[str], settings: Optional[LintSettings] = None,
               overrides: Optional[LintOverrides] = None):
    """``(findings, problems)`` of :func:`check`: problems are the ``GongwenError`` of files
    that could not be read."""
    result = check(paths, settings, overrides)
    return result.findings, result.problems
