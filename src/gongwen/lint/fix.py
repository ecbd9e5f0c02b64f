"""Safe fixes for text files (.txt, .md, .yaml), applied in place.

A fix replaces a span of one paragraph (:class:`~gongwen.lint.core.Fix`).
Here each is turned into a span of the file, checked against the file (the
text there must be exactly what the rule saw, or the fix is skipped), and the
non-overlapping ones are applied; then the file is linted again, because one
fix can uncover another (``（一）、`` → ``（一）``), for a few rounds.
A YAML file is parsed again after each round: fixes that would change its
structure are not kept.  Encoding (UTF-8 with or without BOM, GB18030) and line
endings are kept; the file is replaced atomically.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from .core import Finding, LintConfig, Source, lint_source, source_from_text

MAX_ROUNDS = 8


@dataclass
class TextFile:
    """A text file as read for fixing: its text with ``\\n`` line ends, and how to write it back."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"

    @classmethod
    def read(cls, path: str) -> "TextFile":
        from ..reader import decode_text

        with open(path, "rb") as fh:
            data = fh.read()
        text = decode_text(data, path)
        bom = data.startswith(b"\xef\xbb\xbf")
        try:
            data.decode("utf-8-sig")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "gb18030"
        newline = "\r\n" if "\r\n" in text else "\n"
        return cls(path, text.replace("\r\n", "\n").replace("\r", "\n"), encoding, bom, newline)

    def write(self, text: str) -> None:
        data = text.replace("\n", self.newline).encode(self.encoding)
        if self.bom:
            data = b"\xef\xbb\xbf" + data
        from .. import atomic

        with atomic.replace(self.path, mode_of=self.path) as fh:
            fh.write(data)


@dataclass
class FixResult:
    original: str
    fixed: str
    applied: List[Tuple[Finding, str, str]] = field(default_factory=list)  # (finding, old, new)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self, path: str) -> str:
        return "".join(difflib.unified_diff(
            self.original.splitlines(keepends=True), self.fixed.splitlines(keepends=True),
            fromfile=f"{path}（原文）", tofile=f"{path}（修正后）"))


def make_source(text: str, path: str, fmt: str) -> Source:
    if fmt == "yaml":
        from .yaml_source import yaml_source

        return yaml_source(text, path)
    return source_from_text(text, path, fmt)


def _line_starts(text: str) -> List[int]:
    starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            starts.append(i + 1)
    return starts


def _span(f: Finding, starts: List[int], text: str) -> Optional[Tuple[int, int]]:
    """The span of the file ``f.fix`` replaces, or None when it cannot be placed safely."""
    para, fix = f.para, f.fix
    if para is None or fix is None:
        return None
    line, column = para.position(fix.start)
    if not 1 <= line <= len(starts):
        return None
    a = starts[line - 1] + column - 1
    if fix.end > fix.start:
        line2, column2 = para.position(fix.end - 1)
        if not 1 <= line2 <= len(starts):
            return None
        b = starts[line2 - 1] + column2
    else:
        b = a
    if text[a:b] != para.text[fix.start:fix.end]:
        return None
    return a, b


def _yaml_shape(text: str):
    from .yaml_source import yaml_source

    try:
        src = yaml_source(text, "<check>")
    except Exception:  # noqa: BLE001 - any parse failure means "do not keep this fix"
        return None
    return [(p.key, p.kind) for p in src.paras]


def fix_text(text: str, path: str, fmt: str, config: Optional[LintConfig] = None) -> FixResult:
    """Apply every safe fix to ``text`` (a whole file, ``\\n`` line ends) until none is left."""
    config = config or LintConfig()
    result = FixResult(text, text)
    shape = _yaml_shape(text) if fmt == "yaml" else None
    for _ in range(MAX_ROUNDS):
        source = make_source(result.fixed, path, fmt)
        findings = [f for f in lint_source(source, config) if f.fix is not None]
        starts = _line_starts(result.fixed)
        edits = []
        for f in findings:
            span = _span(f, starts, result.fixed)
            if span is not None:
                edits.append((span, f))
        edits.sort(key=lambda e: (e[0][0], e[0][1], e[1].code))
        chosen = []
        end = -1
        for (a, b), f in edits:
            if a < end or (a == end and chosen and chosen[-1][0][0] == a == b):
                continue
            chosen.append(((a, b), f))
            end = max(end, b)
        if not chosen:
            break
        new = result.fixed
        for (a, b), f in reversed(chosen):
            new = new[:a] + f.fix.new + new[b:]
        if shape is not None and _yaml_shape(new) != shape:
            # Some fix changed the YAML's structure: keep only those that leave it alone.
            kept = []
            for (a, b), f in chosen:
                trial = result.fixed[:a] + f.fix.new + result.fixed[b:]
                if _yaml_shape(trial) == shape:
                    kept.append(((a, b), f))
            if not kept:
                break
            chosen = kept
            new = result.fixed
            for (a, b), f in reversed(chosen):
                new = new[:a] + f.fix.new + new[b:]
            if _yaml_shape(new) != shape:
                break
        for (a, b), f in chosen:
            result.applied.append((f, result.fixed[a:b], f.fix.new))
        result.fixed = new
    return result


def fix_file(path: str, fmt: str, config: Optional[LintConfig] = None, write: bool = True) -> FixResult:
    """Fix ``path`` in place (``write=False``: only compute the result, for ``--diff``)."""
    tf = TextFile.read(path)
    result = fix_text(tf.text, path, fmt, config)
    if write and result.changed:
        tf.write(result.fixed)
    return result
