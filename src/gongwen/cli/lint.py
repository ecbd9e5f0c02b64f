"""``gongwen lint``: a thin click adapter over :mod:`gongwen.lint` (files, engine, fixes, output)."""

from __future__ import annotations

import sys
from typing import List

import click

from gongwen.cli.chinese import missing_paths, not_found
from gongwen.cli.lintrun import (EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE, _apply_fixes, _echo,  # noqa: F401
                                 _fix_docx, _summary, run)
from gongwen.lint.registry import CONTENT_FORMAT, all_rules
from gongwen.cli.lintreview import ReviewOptions
from gongwen.settings import LintOverrides, LintSettings

LINT_HELP = """检查公文草稿（.docx .txt .md，YAML 内容）的序号、层次、标点、数字日期、草稿残留和版式。

路径可以是文件、文件夹（递归查找 .docx .txt .md .yaml），或 - 表示从标准输入读取文本。
输出格式为“文件:行:列: 代码 说明”；.docx 的“行”是段落序号（含空段、表格内段落）。

\b
示例：
  gongwen lint 草稿.docx                 检查一份 Word 草稿
  gongwen lint content/ 草稿/            检查整个文件夹
  gongwen lint --fix 讲话稿.txt           就地修正可安全修正的问题，并列出改动
  gongwen lint --diff 讲话稿.md           只显示将要做的修正，不改文件
  gongwen lint --annotate 草稿.docx       另存一份带 Word 批注的副本（草稿.annotated.docx）
  gongwen lint --annotate --fix 草稿.docx 批注之外，修正也以修订标出，可逐条接受或拒绝
  gongwen lint --select GW4,GW5 草稿.txt  只查标点和数字
  gongwen lint --ignore GW413 草稿.txt    不查某条规则
  gongwen lint --format json 草稿.docx    输出 JSON（也可 github、sarif）
  gongwen lint --format html -o 报告.html 草稿/  生成网页报告：原文标出问题，点击查看规则说明
  cat 草稿.txt | gongwen lint -          检查标准输入

设置：每个文件所在文件夹或上级文件夹中最近的 gongwen.yaml / gongwen.yml（lint: 一节）或
setup.cfg（[gongwen.lint] 一节），与 gongwen build 读取的是同一个文件；
可写 select、ignore、severity（如 GW413=error，只能调整“办公实践”类规则）、year、level3、strict。

行内关闭某条规则（与文字同行只管这一行；单独一行则管到文件末尾或 enable 处）：

\b
  .md 中写        <!-- gongwen: disable=GW201 -->
  .txt/.yaml 中写  # gongwen: disable=GW201

退出码：0 没有错误（只有警告也是 0，除非 --strict）；1 发现错误；2 有文件无法读取，或 --fix 无法写回。
"""


def _codes(values) -> List[str]:
    out: List[str] = []
    for v in values or ():
        out.extend(c.strip().upper() for c in v.replace("，", ",").split(",") if c.strip())
    return out


def overrides(select, ignore, severity, year, strict) -> LintOverrides:
    """The command line's settings, applied on top of each file's settings file."""
    out = LintOverrides(select=_codes(select) or None, ignore=_codes(ignore), year=year, strict=strict)
    for item in severity or ():
        code, _, level = item.replace("＝", "=").partition("=")
        level = level.strip().lower()
        if level not in ("error", "warning"):
            raise click.BadParameter(f"“{item}”应写作 代码=error 或 代码=warning", param_hint="--severity")
        out.severity[code.strip().upper()] = level
    return out


def _warn_unknown(config: LintSettings) -> None:
    known = {r.code for r in all_rules()}
    for code in list(config.select) + list(config.ignore) + list(config.severity):
        if code in ("GW", "G") or any(k.startswith(code) for k in known):
            continue
        if code in config.select:  # nothing would be checked: a typo, not a choice
            raise click.BadParameter(f"没有以 {code} 开头的规则（gongwen lint --list-rules 列出全部规则）",
                                     param_hint="--select")
        click.echo(f"提示：没有以 {code} 开头的规则（gongwen lint --list-rules 列出全部规则）", err=True)
    for code in config.severity:
        r = next((r for r in all_rules(layout=code.startswith("GW8")) if r.code == code), None)
        if r is not None and r.source == CONTENT_FORMAT:
            click.echo(f"提示：{code} 是 gongwen build 不接受的内容错误，级别不能调整，仍为 {r.severity}", err=True)
        elif r is not None and not r.is_practice:
            click.echo(f"提示：{code} 依据标准（{r.source}），级别不能调整，仍为 {r.severity}", err=True)


@click.command("lint", help=LINT_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, metavar="路径...")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "sarif", "html"]), default="text",
              show_default=True, help="输出格式")
@click.option("--output", "-o", "output", default=None, metavar="文件",
              help="把检查结果写入此文件（各种格式均可；不覆盖被检查的文件或其他内容的文件）")
@click.option("--select", multiple=True, metavar="代码", help="只用这些规则（代码或前缀，逗号分隔，如 GW4,GW501）")
@click.option("--ignore", multiple=True, metavar="代码", help="不用这些规则（代码或前缀）")
@click.option("--severity", multiple=True, metavar="代码=级别", help="调整“办公实践”类规则的级别，如 GW413=error")
@click.option("--year", type=int, default=None, metavar="年份", help="本年度（用于发现沿用旧稿留下的往年年份）")
@click.option("--fix", is_flag=True, help="就地修正可安全修正的问题（.docx 另存为 名称.fixed.docx，改动以修订标出）")
@click.option("--diff", is_flag=True, help="显示将要做的修正，不改文件")
@click.option("--strict", is_flag=True, help="有警告也以退出码 1 结束")
@click.option("--list-rules", is_flag=True, help="列出全部规则（代码、级别、名称）")
@click.option("--annotate", is_flag=True, help="每个问题写成一条 Word 批注，另存为 名称.annotated.docx（只用于 .docx）")
@click.option("--author", default="gongwen", show_default=True, metavar="名字", help="批注和修订的作者")
@click.option("--no-track-changes", "no_track", is_flag=True, help="--fix 修正 .docx 时直接改动，不以修订标出")
@click.option("--output-dir", type=click.Path(file_okay=False), default=None, metavar="文件夹",
              help="批注副本和修正后的副本写到这个文件夹（默认与原文件同一文件夹）")
def lint(paths, fmt, output, select, ignore, severity, year, fix, diff, strict, list_rules, annotate=False,
         author="gongwen", no_track=False, output_dir=None):
    if list_rules:
        from gongwen.lint.output import rule_line

        for r in all_rules():
            click.echo(rule_line(r))
        return
    if not paths:
        raise click.UsageError("请给出要检查的文件或文件夹（- 表示标准输入）。")
    extra = overrides(select, ignore, severity, year, strict)
    _warn_unknown(extra.apply(LintSettings()))
    missing = missing_paths(paths, dash=True)
    if len(missing) == len(paths):  # nothing to check at all: a usage error, not a clean result
        raise click.UsageError(not_found(missing))
    sys.exit(run(paths, extra, fmt, fix=fix, diff=diff, output=output,
                 review=ReviewOptions(annotate, author, not no_track, output_dir)))
