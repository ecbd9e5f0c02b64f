"""The library API: what the command line calls, and what a library user calls.

    import gongwen
    gongwen.build("content/", "out/")             # [BuildResult(source, target, ok, errors, warnings)]
    gongwen.check(["草稿.docx"])                   # CheckResult(findings, problems, files)
    gongwen.import_document("去年讲话.docx")        # ImportResult(document, warnings, …)
    gongwen.start_from("content/2023/speech.yaml")  # NewDocument(text, marked, …)
    gongwen.load("content/speech.yaml")           # the validated content model

None of these needs click; each imports what it needs when it is called.
"""

from __future__ import annotations

import os
from typing import Optional, Sequence, Union

from gongwen.builder.pipeline import BuildResult, build
from gongwen.lint.files import CheckResult, check as check_files
from gongwen.settings import LintOverrides

PathLike = Union[str, "os.PathLike[str]"]


def check(paths: Union[PathLike, Sequence[PathLike]], *, select: Optional[Sequence[str]] = None,
          ignore: Sequence[str] = (), year: Optional[int] = None) -> CheckResult:
    """Lint files and folders (.docx .txt .md and YAML content), each with its own settings file."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    extra = LintOverrides(select=list(select) if select else None, ignore=list(ignore), year=year)
    return check_files([os.fspath(p) for p in paths], overrides=extra)


def import_document(path: PathLike, kind: Optional[str] = None):
    """Read an old document (.docx .txt .md) into the content model; raises a GongwenError."""
    from gongwen.importer import import_file

    return import_file(os.fspath(path), kind=kind)


def start_from(path: PathLike, year: Optional[int] = None, kind: Optional[str] = None):
    """Next year's content from last year's (YAML or an old document), figures marked 【核实：…】."""
    from gongwen.importer.newdoc import from_last

    return from_last(path, year=year, kind=kind)


def load(path: PathLike):
    """The content model of one YAML file as ``gongwen build`` sees it: validated, ``{{ vars }}``
    substituted (with the office's ``org``); raises ContentErrors with every fault."""
    from gongwen.builder.pipeline import load_document

    return load_document(path)[0]


__all__ = ["BuildResult", "CheckResult", "build", "check", "import_document", "load", "start_from"]
