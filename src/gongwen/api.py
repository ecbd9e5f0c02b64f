"""The library API: what the command line calls, and what a library user calls.

    import gongwen
    gongwen.build("content/", "out/")             # [BuildResult(source, target, ok, errors, warnings, notes)]
    gongwen.build("草稿.docx")                     # a draft (.docx .txt .md .doc .wps), imported on the fly
    gongwen.build("content/", strict=True)        # 【待补充】/【核实】 left: an error (result.unfinished)
    gongwen.check(["草稿.docx"])                   # CheckResult(findings, problems, files)
    gongwen.import_document("去年讲话.docx")        # ImportResult(document, warnings, …)
    gongwen.start_from("content/2023/speech.yaml")  # NewDocument(text, marked, …)
    gongwen.load("content/speech.yaml")           # the validated content model

None of these needs click; each imports what it needs when it is called.
"""

from __future__ import annotations

import functools
import os
from typing import Callable, List, Optional, Sequence, Union

from gongwen.builder.pipeline import BuildResult
from gongwen.lint.files import CheckResult, check as check_files
from gongwen.settings import LintOverrides

PathLike = Union[str, "os.PathLike[str]"]


def build(paths: Union[PathLike, Sequence[PathLike]], out_dir: PathLike = "out", *,
          template: Optional[str] = None, force: bool = False, jobs: int = 1,
          progress: Optional[Callable[[BuildResult], None]] = None, kind: Optional[str] = None,
          strict: bool = False) -> List[BuildResult]:
    """Build YAML content (files, or folders searched for it) and drafts named one by one (.docx .txt
    .md, .doc .wps through LibreOffice: imported on the fly, ``kind`` as ``gongwen import --kind``)
    into ``out_dir``; one result per document, the draft's kind and why in ``notes``.

    Each result lists what is unfinished (``unfinished``: 【待补充】 and 【核实】 marks, each with its
    count and first place; ``summary``: the line ``gongwen build`` prints); ``strict`` makes a
    document with marks left an error (not built)."""
    from gongwen.builder import pipeline

    return pipeline.build(paths, out_dir, template=template, force=force, jobs=jobs, progress=progress,
                          importer=draft_importer(kind), strict=strict)


def draft_importer(kind: Optional[str] = None):
    """The importer ``gongwen build`` hands the builder for drafts (:data:`gongwen.builder.drafts.Importer`);
    ``kind`` may be written in Chinese (``讲话稿``) or ASCII (``speech``)."""
    from gongwen.content.schema import KIND_CHOICES, kind_of
    from gongwen.errors import GongwenError

    if kind is not None and kind_of(kind) is None:
        raise GongwenError(f"没有这种文档类型：{kind}；可选：{KIND_CHOICES}")
    return functools.partial(import_draft, kind=kind_of(kind) if kind is not None else None)


def import_draft(path: PathLike, shown: PathLike = "", kind: Optional[str] = None):
    """``(Document, note)``: a draft imported for ``gongwen build``, its warnings (with line numbers,
    naming ``shown``, the draft, when ``path`` is a copy made of it) in ``Document.warnings``."""
    from gongwen.importer import import_file

    path = os.fspath(path)
    result = import_file(path, kind=kind)
    shown = os.fspath(shown) or path
    for warning in result.warnings:
        if warning.path == path:
            warning.path = shown
    result.document.warnings.extend(str(w) for w in result.warnings)
    return result.document, kind_note(result)


def kind_note(result) -> str:
    """The sentence ``gongwen build`` prints about a draft: the kind it was laid out as, and why.

    The hook for the importer's own explanation: when :class:`~gongwen.importer.ImportResult`
    carries a fuller sentence on why it chose the kind, this is the one place to print it.
    """
    from gongwen.content.schema import KIND_NAMES

    kind = result.document.kind
    name = f"{KIND_NAMES.get(kind, kind)}（{kind}）"
    if result.kind_reason:
        return f"按{name}排版，依据：{result.kind_reason}"
    return f"按{name}排版（类型已指定）"


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


def load(path: PathLike, kind: Optional[str] = None):
    """The content model of one YAML file as ``gongwen build`` sees it: validated, ``{{ vars }}``
    substituted (with the office's ``org``); raises ContentErrors with every fault.  A draft
    (.docx .txt .md .doc .wps) is imported as ``gongwen build`` imports it (warnings in ``.warnings``)."""
    from gongwen.builder.drafts import is_draft
    from gongwen.builder.pipeline import load_document, load_draft

    if is_draft(path):
        return load_draft(path, importer=draft_importer(kind))[0]
    return load_document(path)[0]


__all__ = ["BuildResult", "CheckResult", "build", "check", "draft_importer", "import_document", "load",
           "start_from"]
