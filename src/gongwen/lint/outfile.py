"""``gongwen lint --output FILE``: the report written to a file, atomically, never over something else.

A file that exists is replaced only when it holds what this format writes (an earlier report of the
same kind, or nothing): a draft, one of the files being checked, a folder or a page of someone
else's is refused with a :class:`~gongwen.atomic.WriteError` saying why, and left as it was.
"""

from __future__ import annotations

import os
import re
from typing import Iterable, Sequence, Tuple

from gongwen.atomic import WriteError, replace
from gongwen.draft.source import Source
from gongwen.errors import GongwenError
from gongwen.lint.findings import Finding
from gongwen.lint.registry import Rule

FORMAT_NAMES = {"text": "文本", "json": "JSON", "github": "GitHub 注释", "sarif": "SARIF", "html": "网页（HTML）"}
#: How much of an existing file is read to tell what it is.
HEAD_BYTES = 64 * 1024

_TEXT_LINE = re.compile(rb"^.*:[0-9]+:[0-9]+: GW[0-9]{3} ")
_GITHUB_LINE = re.compile(rb"^::(error|warning) ")


def render(reports: Sequence[Tuple[Source, Sequence[Finding]]], fmt: str, rules: Iterable[Rule] = ()) -> str:
    """The report in ``fmt`` (text, json, github, sarif or html), as ``gongwen lint`` prints it."""
    if fmt == "html":
        from gongwen.lint.htmlreport import render_page

        return render_page(reports)
    from gongwen.lint.output import format_findings

    return format_findings([f for _, fs in reports for f in fs], fmt, rules)


def _ours(fmt: str, head: bytes) -> bool:
    """Does ``head`` (the start of an existing file) look like a report this format writes?"""
    body = head.lstrip(b"\xef\xbb\xbf").strip()
    if not body:
        return True
    if fmt == "html":
        return body[:15].lower() == b"<!doctype html>" and b'<meta name="generator" content="gongwen' in body
    if fmt == "json":
        return body.startswith(b"[") and (body == b"[]" or b'"code": "GW' in body)
    if fmt == "sarif":
        return body.startswith(b"{") and b'"version": "2.1.0"' in body and b'"name": "gongwen"' in body
    pattern = _TEXT_LINE if fmt == "text" else _GITHUB_LINE
    lines = body.split(b"\n")
    if len(head) == HEAD_BYTES:
        lines = lines[:-1]  # cut short
    return all(pattern.match(line) for line in lines if line)


def check_target(path: str, fmt: str, inputs: Iterable[str] = ()) -> None:
    """Refuse (:class:`WriteError`) a target that is not ours to replace."""
    try:
        st = os.stat(path)
    except OSError:
        return  # nothing there (or nothing reachable): the write itself says what is wrong
    if os.path.isdir(path):
        raise WriteError(path, "这是一个文件夹，未写入；请给出报告的文件名")
    for other in inputs:
        try:
            if os.path.samefile(path, other):
                raise WriteError(path, "这是被检查的文件之一，未覆盖；请给报告另起一个文件名")
        except OSError:
            continue
    if not os.path.isfile(path):
        return  # a device or pipe: atomic.replace refuses it in its own words
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError:
        return
    if st.st_size and not _ours(fmt, head):
        raise WriteError(path, f"文件已存在，且不是 gongwen lint 以{FORMAT_NAMES.get(fmt, fmt)}格式写出的报告，"
                               "未覆盖；请换一个文件名，或先删除它")


def write_report(path: str, reports: Sequence[Tuple[Source, Sequence[Finding]]], fmt: str,
                 rules: Iterable[Rule] = (), inputs: Iterable[str] = ()) -> None:
    """Write the report to ``path`` atomically (a :class:`WriteError` when it cannot or must not)."""
    inputs = list(inputs) + [s.path for s, _ in reports if s.path != "-"]
    check_target(path, fmt, inputs)
    data = render(reports, fmt, rules).encode("utf-8")
    with replace(path) as fh:
        fh.write(data)


def reread(source: Source) -> Source:
    """``source`` read again from its file (after ``--fix`` rewrote it in place), for a report that
    shows the text the remaining findings point into; ``source`` itself when that cannot be done."""
    if source.path == "-" or source.format == "docx":
        return source
    from gongwen.draft.read import read_source

    try:
        return read_source(source.path)
    except GongwenError:
        return source
