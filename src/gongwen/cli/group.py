"""The ``gongwen`` click group: a thin click adapter over the library.

Sub-commands live in their own modules and are imported only when invoked, so
``gongwen --version`` and ``gongwen --help`` load neither python-docx nor lxml.
"""

from __future__ import annotations

import importlib

import click

from gongwen import __version__
from gongwen.cli.zhclick import ChineseGroup

# name -> (module, attribute, one-line help shown by ``gongwen --help``)
COMMANDS = {
    "build": ("gongwen.cli.build", "build", "把 YAML 内容或现成草稿排成符合 GB/T 9704 的 .docx 公文"),
    "lint": ("gongwen.cli.lint", "lint", "检查公文草稿（.docx .txt .md .yaml）的格式与标点"),
    "rule": ("gongwen.cli.rule", "rule", "解释一条检查规则"),
    "import": ("gongwen.cli.importer", "import_", "把已有公文（.docx .txt .md）转成 YAML 内容"),
    "new": ("gongwen.cli.new", "new", "新建内容：空白骨架，或从去年的内容开始"),
    "templates": ("gongwen.cli.templates", "templates", "列出、复制、检查模板"),
    "schema": ("gongwen.cli.schema", "schema", "输出内容 YAML 的 JSON Schema（编辑器补全用）"),
    "serve": ("gongwen.cli.serve", "serve", "在浏览器中编辑内容、实时预览版面、检查草稿（本机网页）"),
}

MAIN_HELP = """gongwen：按 GB/T 9704-2012 生成和检查公文。

\b
示例：
  gongwen build content/                 生成 content/ 下全部文档到 out/
  gongwen build content/speech.yaml -o 成稿/
  gongwen build 草稿.docx                 直接把草稿排成标准公文
  gongwen new 通知 -o content/通知.yaml    新建一份通知（各文种均可）
  gongwen lint 草稿.docx 报告.txt         检查草稿
  gongwen lint --fix 草稿.txt             自动修正可安全修正的问题
  gongwen new speech -o content/2024/speech.yaml --from content/2023/speech.yaml
  gongwen import 去年讲话.docx -o content/speech.yaml
"""


class LazyGroup(ChineseGroup):
    """A group whose sub-commands are imported on first use; Chinese throughout (``zhclick``)."""

    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        try:
            return getattr(importlib.import_module(module), attr)
        except ImportError as exc:  # a command whose module is not installed
            raise click.ClickException(f"命令 {name} 不可用：{exc}") from exc

    def format_commands(self, ctx, formatter):
        # Short help comes from COMMANDS so that --help imports nothing.
        rows = [(name, help_) for name, (_, _, help_) in COMMANDS.items()]
        with formatter.section("命令"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, help=MAIN_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="gongwen", message="%(prog)s %(version)s",
                      help="显示版本号并退出")
@click.help_option("-h", "--help", help="显示帮助并退出")
def main():
    pass


if __name__ == "__main__":  # pragma: no cover
    main()
