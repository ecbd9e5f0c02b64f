"""``gongwen build``: content YAML, or a draft imported on the fly → .docx."""

from __future__ import annotations

import sys

import click

from gongwen.cli.chinese import missing_paths, not_found
from gongwen.content.schema import KIND_WORDS, kind_of

from gongwen.cli.buildfast import PROGRESS_THRESHOLD  # noqa: E402  (more documents than this get a progress bar)

HELP = """把 YAML 内容或现成的草稿生成符合 GB/T 9704-2012 的 .docx。

路径可以是内容文件（.yaml .yml）、草稿（.docx .txt .md，以及 .doc .wps）或文件夹。
输出到 -o 指定的文件夹（默认 out/）下的 <文件名>.docx，不写在草稿旁边，也从不覆盖草稿本身。

文件夹只查找 YAML 内容（递归查找 *.yaml、*.yml），子文件夹结构原样保留；
文件夹里的 .docx、.txt、.md 不当作草稿（可能是模板、以前的成稿或说明），
要生成一个文件夹里的草稿，请写出文件名，如 gongwen build 草稿/*.docx。

草稿边导入边排版，与 gongwen import 相同：说明判断的类型和依据，
列出导入时发现的问题（附行号），文字一字不改；类型判断不对时用 --kind 指定。
.doc 和 .wps 草稿先用 LibreOffice 转为 .docx（需要安装 LibreOffice；
也可以在 WPS、Word 中另存为 .docx）。

\b
示例：
  gongwen build content/
  gongwen build content/2023/speech.yaml -o 成稿/
  gongwen build 草稿.docx                 排版后写到 out/草稿.docx
  gongwen build 调研.md --kind 调研报告
  gongwen build 旧稿.doc 讲话.wps          需要 LibreOffice
  gongwen build content/ --template 我单位模板.docx
  gongwen build content/ --pdf --png      同时生成 PDF 和第 1 页的图片（需要 LibreOffice）

文中还有【待补充】或【核实：…】标记的文档照常生成，并在“已生成”下一行列出
尚未完成之处（各有几处、第一处在哪里）；加 --strict 则这样的文档算作失败、不生成。

退出码：0 全部成功；1 有文档失败（其余照常生成；--strict 时含尚未完成的文档）；2 用法错误。
"""


@click.command(help=HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False),
              help="输出文件夹")
@click.option("--template", default=None, metavar="模板", help="模板名（speech、report、redhead、letter）或 .docx 路径，优先于内容中的 template")
@click.option("--kind", type=click.Choice(list(KIND_WORDS)), default=None, metavar="类型",
              help="草稿的文档类型：讲话稿、调研报告、通知等（也可写 speech、report 等）；不写则自动判断。"
                   "只用于草稿，YAML 内容以其中的 kind 为准")
@click.option("--force", is_flag=True, help="覆盖被手工修改过的输出文件")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="并行进程数（大批量时用，如 -j 4）")
@click.option("--pdf", "want_pdf", is_flag=True, help="同时用 LibreOffice 生成 PDF（放在 .docx 旁边）")
@click.option("--png", "want_png", is_flag=True, help="同时生成 PDF 和第 1 页的图片（.png），便于快速查看")
@click.option("--strict", is_flag=True, help="文中还有【待补充】或【核实：…】标记的文档算作失败，不生成（退出码 1）；"
                                            "不加时照常生成，并逐份列出尚未完成之处")
def build(paths, out_dir, template, kind, force, jobs, want_pdf, want_png, strict):
    from gongwen.builder.drafts import is_draft
    from gongwen.builder.pipeline import build_pairs, collect
    from gongwen.errors import GongwenError

    missing = missing_paths(paths)
    if missing:
        raise click.UsageError(not_found(missing))
    try:
        pairs = collect(paths, out_dir)
    except GongwenError as exc:
        raise click.UsageError(str(exc)) from None
    total = len(pairs)
    if total == 0:
        raise click.UsageError("没有找到内容文件（*.yaml、*.yml）；文件夹里的草稿不会自动生成，"
                               "请写出文件名，如 gongwen build 草稿/*.docx")
    importer = None
    if kind and not any(is_draft(source) for source, _ in pairs):
        click.echo("提示：--kind 只用于草稿（.docx .txt .md）；YAML 内容的文种由其中的 kind: 决定，已忽略 --kind", err=True)
    if any(is_draft(source) for source, _ in pairs):  # the importer is loaded only for drafts
        from gongwen.api import draft_importer

        importer = draft_importer(kind_of(kind) if kind else None)

    failed = 0

    def report(result):
        nonlocal failed
        for note in result.notes:
            click.echo(note, err=True)
        for warning in result.warnings:
            click.echo(f"警告 {warning}", err=True)
        if result.ok:
            line = f"已生成 {result.target}" + (f"\n{result.summary}" if result.summary else "")
        else:
            failed += 1
            line = "\n".join(result.errors) + f"\n失败 {result.source}：未生成"
        if bar is not None and not getattr(bar, "hidden", True):
            click.echo("\r\033[K", nl=False, err=True)  # clear the bar's line first
        click.echo(line, err=not result.ok)
        if bar is not None:
            bar.update(1)

    bar = None
    if total > PROGRESS_THRESHOLD:
        with click.progressbar(length=total, label="生成中", file=sys.stderr) as bar:
            results = build_pairs(pairs, template=template, force=force, jobs=jobs, progress=report,
                                  importer=importer, strict=strict)
    else:
        results = build_pairs(pairs, template=template, force=force, jobs=jobs, progress=report, importer=importer,
                              strict=strict)
    click.echo(f"共 {total} 份：成功 {total - failed} 份" + (f"，失败 {failed} 份" if failed else ""))
    if want_pdf or want_png:
        from gongwen.cli.pdf import add_pdf

        failed += add_pdf(results, pdf=want_pdf, png=want_png)
    raise SystemExit(1 if failed else 0)
