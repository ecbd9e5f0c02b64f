"""``gongwen build --pdf/--png``: the PDF step after the .docx files are built.

Kept apart from cli_build so that a build without ``--pdf`` never imports it.
"""

from __future__ import annotations

from typing import Iterable

import click


def add_pdf(results: Iterable, pdf: bool = False, png: bool = False) -> int:
    """Convert every successfully built .docx in ``results`` (api.BuildResult) to PDF.

    ``png`` implies ``pdf`` and adds a picture of page 1 beside each PDF.
    Prints one line per PDF, the font substitutions made, and a summary; returns
    how many documents did not get what was asked for (0 when all did), so the
    caller can exit 1.  Without LibreOffice it prints how to install it: the
    .docx files stay built.  Ctrl-C stops LibreOffice and exits 130.
    """
    if not (pdf or png):
        return 0
    docs = [r.target for r in results if getattr(r, "ok", False)]
    if not docs:
        return 0
    from gongwen.builder.pdf import PdfUnavailable, convert, substitutions

    click.echo(f"正在用 LibreOffice 生成 PDF（{len(docs)} 份）……", err=True)
    try:
        converted = convert(docs, png=png)
    except PdfUnavailable as exc:
        click.echo(exc.message, err=True)
        return len(docs)
    except KeyboardInterrupt:  # convert() has stopped LibreOffice and removed its work folder
        click.echo("已中断：LibreOffice 已停止，临时文件已删除；尚未完成的 PDF 没有生成（.docx 已生成）", err=True)
        raise SystemExit(130) from None
    subs = substitutions(converted)
    if subs:
        click.echo("PDF 预览使用了替代字体（.docx 中仍是原字体名）：" + "；".join(f"{a} → {b}" for a, b in subs))
    failed = 0
    for result in converted:
        if result.ok:
            click.echo(f"已生成 {result.pdf}" + (f"、{result.png}" if result.png else ""))
        if result.error:
            click.echo(result.error, err=True)
        if not result.ok or (png and not result.png):
            failed += 1
    if failed:
        click.echo(f"PDF：成功 {len(converted) - failed} 份，失败 {failed} 份", err=True)
    return failed
