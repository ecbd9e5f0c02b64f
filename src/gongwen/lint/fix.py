"""Safe fixes for text files (.txt, .md, .yaml), applied in place.

A fix replaces a span of one paragraph (:class:`~gongwen.lint.engine.Fix`).
Here each is turned into a span of the file, checked against the file (the
text there must be exactly what the rule saw, or the fix is skipped), and the
non-overlapping ones are applied; then the file is linted again, because one
fix can uncover another (``（一）、`` → ``（一）``), for a few rounds.
A YAML file is parsed again after each round: fixes that would change its
structure are not kept.  The file is written back in the encoding it was read
in (UTF-8 with or without BOM, GB18030), and every line keeps its own ending
(LF, CRLF or a lone CR): only the reported spans change, byte for byte.  A
file whose bytes do not come back from the decoded text (UTF-8 with encoded
surrogates, read with U+FFFD) is not rewritten: :class:`FixRefused`.  The file
is replaced atomically and stays the same file (:mod:`gongwen.atomic`): through a
symbolic link its target is fixed, owner, mode and hard links are kept, and a
read-only file is refused (:class:`gongwen.atomic.WriteError`).
"""

from __future__ import annotations

import difflib
import re
from typing import List, Optional, Tuple

from gongwen.errors import ReadError
from gongwen.lint.engine import lint_source
from gongwen.lint.findings import Finding
from gongwen.lint.fixlines import whole_line
from gongwen.settings import LintSettings
from gongwen.draft.source import Source, source_from_text
from gongwen.spec.record import dataclass, field

MAX_ROUNDS = 8
BOM = b"\xef\xbb\xbf"
#: Line ends as the readers split lines (textio.split_lines, draft.source.source_from_text).
_LINE_END_RE = re.compile(r"\r\n|\r|\n")


class FixRefused(ReadError):
    """A file ``--fix`` will not rewrite: writing it back would change bytes no finding reports.

    ``gongwen lint`` reports it like an unreadable file (exit 2), the file untouched.
    """


@dataclass
class TextFile:
    """A text file as read for fixing: its decoded text (line ends as in the file) and how to
    write it back."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    exact: bool = True  # do ``text`` and ``encoding`` give back the file's bytes?

    @classmethod
    def read(cls, path: str) -> "TextFile":
        from gongwen.textio import decode_text_as

        with open(path, "rb") as fh:
            data = fh.read()
        text, encoding = decode_text_as(data, path)  # the encoding the linter read, decided once
        bom = data.startswith(BOM)
        try:
            exact = (BOM if bom else b"") + text.encode(encoding) == data
        except UnicodeEncodeError:
            exact = False
        return cls(path, text, encoding, bom, exact)

    def write(self, text: str) -> None:
        if not self.exact:
            raise FixRefused(self.path, "文件中有按原编码读入后不能原样写回的字节（如 UTF-8 编码的代理项），"
                                        "为免改动未报告的内容，未做修正，文件未改动；请先另存为规范的 UTF-8 编码")
        data = text.encode(self.encoding)
        if self.bom:
            data = BOM + data
        from gongwen import atomic

        with atomic.replace(self.path) as fh:
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
        def lines(text):
            return _LINE_END_RE.sub("\n", text).splitlines(keepends=True)

        return "".join(difflib.unified_diff(
            lines(self.original), lines(self.fixed), fromfile=f"{path}（原文）", tofile=f"{path}（修正后）"))


def make_source(text: str, path: str, fmt: str) -> Source:
    """The Source of ``text`` read as ``fmt`` (as the reader would read that file)."""
    if fmt == "yaml":
        from gongwen.draft.yamlsource import yaml_source

        return yaml_source(text, path)
    return source_from_text(text, path, fmt)


def _line_starts(text: str) -> List[int]:
    """Where each line of ``text`` starts, lines ending in LF, CRLF or a lone CR as the readers
    split them."""
    return [0] + [m.end() for m in _LINE_END_RE.finditer(text)]


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
    from gongwen.draft.yamlsource import yaml_source

    try:
        src = yaml_source(text, "<check>")
    except Exception:  # noqa: BLE001 - any parse failure means "do not keep this fix"
        return None
    return [(p.key, p.kind) for p in src.paras]


def fix_text(text: str, path: str, fmt: str, config: Optional[LintSettings] = None) -> FixResult:
    """Apply every safe fix to ``text`` (a whole file, any line ends) until none is left.

    Line ends are kept as they are: a fix never spans one.
    """
    config = config or LintSettings()
    result = FixResult(text, text)
    shape = _yaml_shape(text) if fmt == "yaml" else None
    for _ in range(MAX_ROUNDS):
        source = make_source(result.fixed, path, fmt)
        findings = [f for f in lint_source(source, config) if f.fix is not None]
        starts = _line_starts(result.fixed)
        edits = []
        for f in findings:
            span = _span(f, starts, result.fixed)
            if span is not None and fmt in ("txt", "md"):
                span = whole_line(result.fixed, span[0], span[1], f.fix.new)  # no empty line left behind
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
            result.applied.append((f, f.para.text[f.fix.start:f.fix.end], f.fix.new))
        result.fixed = new
    return result


def fix_file(path: str, fmt: str, config: Optional[LintSettings] = None, write: bool = True) -> FixResult:
    """Fix ``path`` in place (``write=False``: only compute the result, for ``--diff``).

    Raises :class:`FixRefused` (the file untouched) when there is something to fix in a file
    whose bytes would not come back as they were.
    """
    tf = TextFile.read(path)
    result = fix_text(tf.text, path, fmt, config)
    if write and result.changed:
        tf.write(result.fixed)
    return result
