"""``gongwen lint --annotate`` and tracked ``--fix`` of a .docx: the CLI side of :mod:`gongwen.lint.review`."""

from __future__ import annotations

from typing import Optional

from gongwen.cli.echo import echo
from gongwen.lint.output import change

from gongwen.atomic import WriteError
from gongwen.spec.record import dataclass


class NotDocx(WriteError):
    """``--annotate`` on a text file: refused (Word comments live in a .docx only)."""


@dataclass
class ReviewOptions:
    """``--annotate``, ``--author``, ``--no-track-changes``, ``--output-dir``."""

    annotate: bool = False
    author: str = "gongwen"
    track: bool = True
    output_dir: Optional[str] = None

    def wanted(self, source, fix: bool) -> bool:
        """Does this source go through :func:`review`?  (A .txt with ``--annotate`` is refused there.)"""
        if self.annotate:
            return True
        return fix and source.format == "docx" and (self.track or self.output_dir is not None)


def review(source, found, config, fix: bool, diff: bool, options: ReviewOptions, out):
    """Write the review copy of one .docx; return the findings that remain and how many fixes were made."""
    from gongwen.lint.review import write_review

    if source.format != "docx":
        raise NotDocx(source.path, "--annotate 只能给 .docx 加 Word 批注；文本文件请用 --format html "
                                      "生成标出问题的网页（可加 --output 文件名）")
    if diff and not fix:
        for f in found:
            if f.fix is not None and f.para is not None:
                old = f.para.text[f.fix.start:f.fix.end]
                echo(f"{f.path}:{f.line}:{f.column}: {f.code} 可修正：{change(old, f.fix.new)}",
                           file=out)
    if options.output_dir is not None:
        import os

        try:
            os.makedirs(options.output_dir, exist_ok=True)
        except OSError as exc:
            raise WriteError(options.output_dir, f"无法建立输出文件夹（{exc.strerror or exc}）") from None
    result = write_review(source, found, config, annotate=options.annotate, fix=fix, track=options.track,
                          author=options.author or "gongwen", output_dir=options.output_dir)
    for f, old, new in sorted(result.applied, key=lambda a: (a[0].line, a[0].column, a[0].code)):
        echo(f"{f.path}:{f.line}:{f.column}: {f.code} 已修正：{change(old, new)}", file=out)
    what = []
    if options.annotate:
        what.append(f"{result.comments} 条批注")
    if fix:
        what.append(f"{len(result.applied)} 处{'修订' if options.track else '修正'}")
    kind = "批注副本" if options.annotate else "修正后的副本"
    echo(f"{source.path}: {kind}已写到 {result.path}（{'，'.join(what)}；原文件未改动）", err=True)
    done = {id(f) for f, _, _ in result.applied}
    return [f for f in found if id(f) not in done], len(result.applied)
