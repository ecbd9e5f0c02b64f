"""``gongwen import``: a finished document (.docx .txt .md) → content YAML."""

from __future__ import annotations

import os
from pathlib import Path

import click

from gongwen.cli.chinese import missing_paths, not_found
from gongwen.content.schema import KIND_WORDS, kind_of

EXIT_UNWRITABLE = 2  # as lint: the command could not do its work

HELP = """把已有的公文（.docx .txt .md）转成 YAML 内容，之后用 gongwen build 重新生成。

识别标题、副标题、署名行和日期行、称呼、开头、各级标题（一、（一）1.（1））、
段首标题、“一是……二是……”（每项一段或写在一段内）及其后的段落、结束语和文末落款；
红头公文还识别版头（份号、密级、紧急程度、发文机关标志、发文字号、签发人）、主送机关、
批复和复函所引的来文（《……》（……）收悉）、条款（第一章、第一条、（一））、附件说明、
署名、成文日期、附注、附件页（附件1、标题、正文）、纪要的出席/请假/列席名单和版记（抄送、印发）。
序号从文字中去掉（生成时自动编排），其余文字一字不改，错别字和占位符也原样保留。
发现的问题（序号不连续、序号乱码、写法不规范、附件与附件说明不符等）作为警告列出，附行号，导入照常完成。

不指定 --kind 时自动判断文种并说明判断依据：标题以“通知”“请示”“批复”“函”“复函”“纪要”
“意见”“方案”“办法”“规定”“细则”结尾的按该文种；以“报告”结尾、有版头或主送机关的是（工作）报告，
以“调研报告”结尾的是调研报告；有“同志们：”一类称呼的是讲话稿。
调研报告中标题含“成效/做法/举措”“问题/不足”“建议/意见/对策”的部分
分别对应 achievements、problems、recommendations，其余部分放在 sections。

不加 -o 时把 YAML 输出到屏幕（可用 > 重定向）；-o 指定的文件已存在时不覆盖，除非加 --force。

\b
示例：
  gongwen import 去年讲话.docx -o content/2023/speech.yaml
  gongwen import 关于做好防汛工作的通知.docx -o content/通知.yaml
  gongwen import 调研报告.txt --kind 调研报告 -o content/report.yaml
  gongwen import 讲话.md > speech.yaml

退出码：0 成功（有警告也是 0）；1 文件无法读取或输出文件已存在；2 用法错误，或输出文件无法写入
（没有写入权限、磁盘已满等，不会留下不完整的文件）。
"""


def write_text_file(path: Path, text: str, force: bool) -> None:
    """Write ``text`` to ``path`` atomically; refuse to replace an existing file without ``force``."""
    if os.path.lexists(path) and not force:  # os.path: a name too long is reported when written
        raise click.ClickException(f"{path} 已存在，未覆盖；确需覆盖请加 --force")
    if os.path.isdir(path):
        raise click.ClickException(f"{path} 是一个文件夹，请给出文件名，如 {path / 'speech.yaml'}")
    from gongwen import atomic

    try:
        with atomic.replace(path) as fh:
            fh.write(text.encode("utf-8"))
    except atomic.WriteError as exc:  # a read-only folder, a full disk, …: nothing was written
        click.echo(str(exc), err=True)
        raise click.exceptions.Exit(EXIT_UNWRITABLE) from None


@click.command("import", help=HELP)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--kind", type=click.Choice(list(KIND_WORDS)), default=None, metavar="文种",
              help="文种，中文或英文名（通知 或 notice、讲话稿 或 speech……）；不写则自动判断")
@click.option("-o", "--out", type=click.Path(dir_okay=False), default=None,
              help="写入的 YAML 文件（不写则输出到屏幕）")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件")
def import_(file, kind, out, force):
    from gongwen.content.dumper import dump
    from gongwen.errors import GongwenError
    from gongwen.importer import import_file

    if missing_paths([file]):
        raise click.ClickException(not_found([file]))  # exit 1: the file cannot be read
    if out and os.path.lexists(out) and not force:
        raise click.ClickException(f"{out} 已存在，未覆盖；确需覆盖请加 --force")
    try:
        result = import_file(file, kind=kind_of(kind) if kind else None)
    except GongwenError as exc:
        raise click.ClickException(str(exc)) from None
    doc = result.document
    if result.kind_guessed:
        click.echo(result.kind_note, err=True)
    for warning in result.warnings:
        click.echo(f"警告 {warning}", err=True)
    header = [f"由 gongwen import 从 {Path(file).name} 导入。序号已去掉，gongwen build 时自动编排。"]
    if result.warnings:
        header.append(f"导入时有 {len(result.warnings)} 处警告（见命令输出），请对照原文核对。")
    text = dump(doc, header="\n".join(header))
    summary = f"{len(result.paragraphs)} 段，{_structure(doc)}，{len(result.warnings)} 处警告"
    if out:
        write_text_file(Path(out), text, force)
        click.echo(f"已导入 {file} → {out}（{summary}）", err=True)
        click.echo(f"下一步：gongwen build {out}", err=True)
    else:
        click.echo(text, nl=False)
        click.echo(f"已导入 {file}（{summary}）", err=True)


def _structure(doc) -> str:
    """``3 个部分``, ``4 章 11 条``, ``6 条``, and the attachments: what the body was read as."""
    articles = len(doc.articles) + sum(len(c.articles) for c in doc.chapters)
    if doc.chapters:
        out = f"{len(doc.chapters)} 章 {articles} 条"
    elif articles:
        out = f"{articles} 条"
    else:
        out = f"{len(doc.sections)} 个部分"
    return out + (f"，{len(doc.attachments)} 个附件" if doc.attachments else "")
