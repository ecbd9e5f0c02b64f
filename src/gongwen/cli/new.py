"""``gongwen new``: a skeleton to fill in, or this year's content from last year's."""

from __future__ import annotations

import os
from pathlib import Path

import click

from gongwen.content.schema import KIND_WORDS, kind_of

HELP = """新建内容 YAML：空白骨架，或从去年的内容开始。

文种写中文或英文名都可以：讲话稿（speech）、调研报告（report）、通知（notice）、
请示（request）、报告（work_report）、函（letter）、纪要（minutes）、意见（opinion）、
方案（plan）、办法（measures）、规定（provisions）、细则（rules）、批复（approval）、复函（reply_letter）。

不加 --from：生成该文种的完整骨架，每个键都在（可选的键写成注释），待写的地方是“【待补充】”。
公文骨架列出版头（发文机关、发文字号……）、主送、正文、附件、署名、附注和版记；
办法、规定、细则的正文是条款（第一条……），纪要有出席、请假、列席名单。
骨架可以直接 gongwen build 看版式；gongwen lint 会列出还没填的“【待补充】”。
发文机关、署名和印发机关取本单位 gongwen.yaml 中的 org。

加 --from：复制去年的内容（YAML；也可以是 .docx .txt .md，先自动导入），
把 date、印发日期和 vars.year 改到新的一年，发文字号的年份改为新的一年，
并把正文中属于去年的数字和日期（如“2023年”“今年”“3月”“86.5万元”“17.4%”）
标成“【核实：2023年】”，逐一核实或更新后删去标记；名称（“7·12”）、文号、条款序号、电话和制度规定的时限
（24小时值班、3个工作日内）不标。gongwen build 逐份列出剩下的标记，gongwen lint 也会列出（GW603）
和早于文档年份的年份（GW901）。原文件的注释和排版保留不变；
去年的 YAML 可以是 UTF-8（带不带 BOM 均可）或 GB18030 编码，新内容一律按 UTF-8 写出。

--year 指定新的年份（默认：不加 --from 为今年，加 --from 为去年的下一年）。
不加 -o 时输出到屏幕；-o 指定的文件已存在时不覆盖，除非加 --force。

\b
示例：
  gongwen new 通知 -o content/2024/通知.yaml
  gongwen new 讲话稿 -o content/2024/speech.yaml
  gongwen new report --year 2024 -o content/2024/report.yaml
  gongwen new 请示 --from 去年请示.docx -o content/2024/请示.yaml
  gongwen new speech --from content/2023/speech.yaml -o content/2024/speech.yaml

退出码：0 成功；1 无法读取去年的内容或输出文件已存在；2 用法错误，或输出文件无法写入
（没有写入权限、磁盘已满等，不会留下不完整的文件）。
"""


@click.command("new", help=HELP)
@click.argument("kind", type=click.Choice(list(KIND_WORDS)), metavar="文种")
@click.option("-o", "--out", type=click.Path(dir_okay=False), default=None,
              help="写入的 YAML 文件（不写则输出到屏幕）")
@click.option("--from", "from_", type=click.Path(dir_okay=False), default=None,
              help="去年的内容（.yaml，或 .docx .txt .md）")
@click.option("--year", type=click.IntRange(1900, 2999), default=None, metavar="年份", help="新的年份，如 2024")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件")
def new(kind, out, from_, year, force):
    kind = kind_of(kind)
    from gongwen.cli.importer import write_text_file
    from gongwen.errors import GongwenError
    from gongwen.importer.newdoc import from_last
    from gongwen.importer.skeletons import skeleton

    if out and os.path.lexists(out) and not force:
        raise click.ClickException(f"{out} 已存在，未覆盖；确需覆盖请加 --force")
    notes = []
    try:
        if from_:
            made = from_last(from_, year=year, kind=kind)
            text = made.text
            if made.old_year:
                notes.append(f"从 {made.old_year} 年的内容新建 {made.new_year} 年的内容")
            notes.extend(made.notes)
        else:
            text = skeleton(kind, year=year, org=_office_org(out))
            notes.append("已生成骨架：把每个“【待补充】”换成实际内容（gongwen lint 会列出还没填的地方）")
    except GongwenError as exc:
        raise click.ClickException(str(exc)) from None
    if out:
        from gongwen.content.jsonschema import SCHEMA_FILE, with_modeline, write_beside

        write_text_file(Path(out), with_modeline(text, after_header=bool(from_)), force)
        if write_beside(Path(out).resolve().parent):
            notes.append(f"已在同一文件夹写出 {SCHEMA_FILE}：VS Code 的 YAML 扩展据此补全键名")
        notes.append(f"已写入 {out}；生成：gongwen build {out}")
    else:
        click.echo(text, nl=False)
    for note in notes:
        click.echo(note, err=True)


def _office_org(out) -> str:
    """The office's name from its settings (gongwen.yaml ``org``), for the skeleton's vars."""
    from gongwen import settings

    return settings.load(Path(out).resolve().parent if out else None).house.org
