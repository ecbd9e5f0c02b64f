"""``gongwen templates``: list, copy and check .docx templates.

Built-in templates live in the package (``src/gongwen/templates/``); an office
keeps its own in a ``templates/`` folder beside its ``gongwen.yaml`` (or in the
current folder's ``templates/``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import click

from gongwen.builder.templates import all_templates, title_of
from gongwen.trust import untrusted

HELP = """列出、复制、检查 .docx 模板。

不带子命令时列出全部模板：内置模板，以及本单位模板
（gongwen.yaml 旁边的 templates/ 文件夹，或当前文件夹下的 templates/）。

\b
示例：
  gongwen templates                              列出全部模板
  gongwen templates copy speech templates/       复制内置讲话稿模板，供本单位修改
  gongwen templates check templates/speech.docx  检查改过的模板
  gongwen build content/ --template templates/speech.docx
"""

COPY_HELP = """复制模板到目标位置，供本单位在 Word 中修改样式。

模板名是内置模板名（speech、report 或本单位模板名）或 .docx 路径；
目标是文件夹（复制为 目标/模板名.docx）或新文件名（以 .docx 结尾）。
从不覆盖已有文件。

\b
示例：
  gongwen templates copy speech templates/
  gongwen templates copy report templates/县总工会调研报告.docx
"""

CHECK_HELP = """检查模板：未知变量、缺少的段落类型、被 Word 拆开的标签、损坏的或不支持的标签；
链接到外部的图片、附加模板、宏等（生成时从成稿中去掉）。

每个问题都指明是第几段、段落里的文字。有错误时退出码为 1；
只有“提醒”时为 0。

\b
示例：
  gongwen templates check templates/speech.docx
  gongwen templates check speech report
"""


def resolve(name: str) -> Path:
    """A template name or .docx path → the file (as ``build --template`` resolves it)."""
    from gongwen.builder.templates import all_templates, resolve_template
    from gongwen.errors import GongwenError

    if os.path.isfile(name):
        return Path(name)
    try:
        return Path(resolve_template(name))
    except GongwenError:
        for tname, _, path in all_templates():
            if tname == name:
                return path
        known = "、".join(dict.fromkeys(n for n, _, _ in all_templates()))
        raise click.UsageError(f"找不到模板 {name}（可用：{known}；也可以写 .docx 文件的路径）") from None


@click.group("templates", invoke_without_command=True, help=HELP)
@click.pass_context
def templates(ctx):
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_)


@templates.command("list", help="列出内置模板和本单位模板。\n\n\b\n示例：\n  gongwen templates list")
def list_():
    found = all_templates()
    chosen = {}
    for name, _, path in found:
        try:
            chosen.setdefault(name, resolve(name).resolve())
        except click.UsageError:
            pass
    width = max((len(n) for n, _, _ in found), default=4)
    shown_office = False
    for group in ("内置", "本单位"):
        rows = [(n, p) for n, g, p in found if g == group]
        if not rows:
            continue
        shown_office = shown_office or group == "本单位"
        folders = sorted({str(p.parent) for _, p in rows})
        click.echo(f"{group}模板（{'、'.join(folders)}）：")
        for name, path in rows:
            note = title_of(path)
            why = untrusted(path) if group == "本单位" else None
            if why:
                note += f"（不会使用：{why}）"
            elif chosen.get(name) not in (None, path.resolve()):
                note += f"（同名：按名字 {name} 选用的是 {chosen[name]}；要用这一个请写路径）"
            click.echo(f"  {name.ljust(width)}  {note}".rstrip())
    if not shown_office:
        click.echo("没有本单位模板。可以复制一份内置模板来改：gongwen templates copy speech templates/")
    click.echo("选用：内容中写 template: 名字或路径，或 gongwen build --template 名字或路径")


@templates.command("copy", help=COPY_HELP)
@click.argument("name", metavar="模板名")
@click.argument("dest", type=click.Path(), metavar="目标")
def copy(name, dest):
    source = resolve(name)
    dest_path = Path(dest)
    if dest.lower().endswith(".docx"):
        target = dest_path
    else:
        target = dest_path / (source.stem + ".docx")
    if target.exists():
        click.echo(f"{target}: 已存在，未覆盖（gongwen 从不覆盖模板文件；请换个名字或先移走原文件）", err=True)
        raise SystemExit(1)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(source, "rb") as src, open(target, "xb") as out:  # "x": never overwrite
            shutil.copyfileobj(src, out)
    except FileExistsError:
        click.echo(f"{target}: 已存在，未覆盖", err=True)
        raise SystemExit(1)
    except OSError as exc:
        click.echo(f"{target}: 无法写入：{exc.strerror or exc}", err=True)
        raise SystemExit(1)
    click.echo(f"已复制 {source} → {target}")
    click.echo("下一步：用 Word 打开它修改，两种办法都可以：\n"
               "  · 改样式（开始 → 样式，右键“一级标题”“正文”等 → 修改）：这一类段落全部跟着变；\n"
               "  · 直接改示例段落的字体、缩进：以示例段落为准，此后再改它的样式就不起作用。\n"
               "保留 {{ … }} 和 {%p … %} 段落；中文字体请选具体字体名，不要选“+中文正文”。\n"
               f"改好后运行 gongwen templates check {target}，\n"
               f"再在内容中写 template: {target}（或 gongwen build --template {target}）")


@templates.command("check", help=CHECK_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="模板...")
def check(paths):
    from gongwen.builder.templatecheck import inspect

    failed = 0
    for raw in paths:
        path = resolve(raw)
        problems = inspect(str(path))
        errors = [p for p in problems if p.error]
        if not problems:
            click.echo(f"{path}: 没有发现问题")
            continue
        click.echo(f"{path}: {len(errors)} 个错误，{len(problems) - len(errors)} 个提醒")
        for problem in problems:
            click.echo(f"  {problem}", err=problem.error)
        failed += bool(errors)
    raise SystemExit(1 if failed else 0)
