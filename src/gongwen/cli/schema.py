"""``gongwen schema``: the JSON Schema of content YAML, for editors (VS Code's YAML extension)."""

from __future__ import annotations

import click

HELP = """输出内容 YAML 的 JSON Schema（供编辑器补全键名、检查结构）。

VS Code 装上 YAML 扩展（Red Hat）后，在内容文件第一行写下面这一行，即可在输入时补全键名和文种、
提示每个键的含义：

\b
  # yaml-language-server: $schema=gongwen.schema.json

gongwen new -o 会自动写这一行，并在同一文件夹写出 gongwen.schema.json。

\b
示例：
  gongwen schema > content/gongwen.schema.json
  gongwen schema -o content/gongwen.schema.json
"""


@click.command("schema", help=HELP)
@click.option("-o", "--out", type=click.Path(dir_okay=False), default=None, help="写入的文件（不写则输出到屏幕）")
def schema(out):
    from gongwen.content.jsonschema import dumps

    text = dumps()
    if not out:
        click.echo(text, nl=False)
        return
    from gongwen import atomic

    try:
        with atomic.replace(out) as fh:
            fh.write(text.encode("utf-8"))
    except atomic.WriteError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"已写入 {out}", err=True)
