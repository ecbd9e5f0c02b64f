"""``gongwen lint``: a thin click adapter over :mod:`gongwen.lint` (files, engine, fixes, output)."""

from __future__ import annotations

import sys
from typing import List

import click

from gongwen.cli.chinese import missing_paths, not_found
from gongwen.lint.output import change
from gongwen.errors import GongwenError
from gongwen.draft.source import Source
from gongwen.lint.engine import lint_source, rules_for
from gongwen.lint.files import is_content, settings_for, sources
from gongwen.lint.registry import CONTENT_FORMAT, all_rules
from gongwen.cli.lintreview import ReviewOptions, review as review_docx
from gongwen.settings import LintOverrides, LintSettings

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2

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


def _echo(text: str, err: bool = False) -> None:
    if text:
        click.echo(text, nl=False, err=err)


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


def run(paths, extra: LintOverrides, fmt: str = "text", fix: bool = False, diff: bool = False,
        output=None, review: "ReviewOptions" = None) -> int:
    """Lint, fix, print; return the exit code.  Each file is linted with its own settings."""
    from gongwen.lint.output import format_findings

    review = review or ReviewOptions()

    findings = []
    reports = []  # (source, findings) for --format html
    ran_rules = {}
    unreadable = unwritable = refused = 0
    files = 0
    fixed_count = 0
    fix_out = sys.stderr if fmt != "text" else sys.stdout
    told = set()
    strict = extra.strict
    for path, explicit, source in sources(paths):
        if isinstance(source, GongwenError):
            click.echo(f"{source}", err=True)
            unreadable += 1
            continue
        if not is_content(source):
            if explicit:
                click.echo(f"{path}: 不是 gongwen 内容文件（没有 kind/title），已跳过", err=True)
            continue
        config = settings_for(path, extra)
        for problem in config.problems:
            if problem not in told:
                told.add(problem)
                click.echo(f"设置有误：{problem}", err=True)
        strict = strict or config.strict
        files += 1
        for r in rules_for(source, config):
            ran_rules.setdefault(r.code, r)
        found = lint_source(source, config)
        if review.wanted(source, fix) or ((fix or diff) and any(f.fix for f in found)):
            try:
                if review.wanted(source, fix):
                    found, n = review_docx(source, found, config, fix, diff, review, fix_out)
                else:
                    found, n = _apply_fixes(source, found, config, fix=fix, diff=diff, fmt=fmt, out=fix_out)
            except GongwenError as exc:  # e.g. a file that cannot be written back as it was read
                from gongwen.atomic import WriteError

                from gongwen.cli.lintreview import NotDocx

                click.echo(f"{exc}", err=True)
                if isinstance(exc, NotDocx):
                    refused += 1
                elif isinstance(exc, WriteError):
                    unwritable += 1
                else:
                    unreadable += 1
                n = 0
            fixed_count += n
        findings.extend(found)
        if fix and fmt == "html":
            from gongwen.lint.outfile import reread

            source = reread(source)  # the text the remaining findings point into
        reports.append((source, found))
    rules = [ran_rules[c] for c in sorted(ran_rules)]
    if output is not None:
        from gongwen.atomic import WriteError
        from gongwen.lint.outfile import write_report

        try:
            write_report(output, reports, fmt, rules, [p for p in paths if p != "-"])
        except WriteError as exc:
            click.echo(f"{exc}", err=True)
            output = False  # exit 2
    elif fmt == "html":
        from gongwen.lint.outfile import render

        _echo(render(reports, fmt))
    elif not diff or fmt != "text":
        _echo(format_findings(findings, fmt, rules, color=fmt == "text" and sys.stdout.isatty()))
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    if fmt == "text":
        _summary(files, errors, warnings, sum(1 for f in findings if f.fix), fixed_count, unreadable, fix or diff,
                 unwritable, refused)
    if unreadable or unwritable or refused or output is False:
        return EXIT_UNREADABLE
    if errors or (strict and warnings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _summary(files, errors, warnings, fixable, fixed, unreadable, fixing, unwritable=0, refused=0) -> None:
    if not files and unreadable:
        click.echo(f"没有检查任何文件：{unreadable} 个文件无法读取。", err=True)
        return
    parts = []
    if errors or warnings:
        parts.append(f"发现 {errors} 个错误、{warnings} 个警告")
    else:
        parts.append("未发现问题")
    if fixed:
        parts.append(f"已修正 {fixed} 处")
    elif fixable and not fixing:
        parts.append(f"其中 {fixable} 处可用 --fix 自动修正")
    if unreadable:
        parts.append(f"{unreadable} 个文件无法读取")
    if unwritable:
        parts.append(f"{unwritable} 个文件无法写入，未修正")
    if refused:
        parts.append(f"{refused} 个文件不是 .docx，没有加批注")
    click.echo(f"检查了 {files} 个文件：" + "，".join(parts) + "。", err=True)


def _apply_fixes(source: Source, found, config, fix: bool, diff: bool, fmt: str, out):
    """Fix one source; return the findings that remain and how many fixes were applied."""
    if source.format == "docx":
        return _fix_docx(source, found, fix, out)
    from gongwen.lint.fix import fix_file, fix_text, make_source

    if source.path == "-":
        result = fix_text(source.text or "\n".join(p.text for p in source.paras), "-", source.format, config)
    else:
        result = fix_file(source.path, source.format, config, write=fix)
    if diff:
        click.echo(result.diff(source.path), nl=False, file=out)
    if fix:
        for f, old, new in result.applied:
            click.echo(f"{f.path}:{f.line}:{f.column}: {f.code} 已修正：{change(old, new)}", file=out)
        if source.path == "-":
            click.echo(result.fixed, nl=False, file=sys.stdout if fmt == "text" else sys.stderr)
    remaining = lint_source(make_source(result.fixed, source.path, source.format), config) if fix else found
    return remaining, len(result.applied) if fix else 0



def _fix_docx(source: Source, found, fix: bool, out):
    fixable = [f for f in found if f.fix is not None]
    if not fix:
        for f in fixable:
            old = f.para.text[f.fix.start:f.fix.end] if f.para is not None else ""
            click.echo(f"{f.path}:{f.line}:{f.column}: {f.code} 可修正：{change(old, f.fix.new)}", file=out)
        return found, 0
    try:
        from gongwen.lint.docxfix import write_fixed_copy
    except ImportError:
        click.echo(f"{source.path}: 暂不能修正 .docx（gongwen.lint.docxfix 不可用），未做改动", err=True)
        return found, 0
    skipped: list = []
    try:
        path = write_fixed_copy(source, fixable, skipped=skipped)
    except GongwenError as exc:
        from gongwen.atomic import WriteError

        if isinstance(exc, WriteError):
            raise  # reported and counted by run(): exit 2
        click.echo(f"{exc}", err=True)
        return found, 0
    skipped_ids = {id(f) for f in skipped}
    applied = [f for f in fixable if id(f) not in skipped_ids]
    for f in applied:
        old = f.para.text[f.fix.start:f.fix.end] if f.para is not None else ""
        click.echo(f"{f.path}:{f.line}:{f.column}: {f.code} 已修正：{change(old, f.fix.new)}", file=out)
    click.echo(f"{source.path}: 修正后的副本已写到 {path}（原文件未改动）", err=True)
    applied_ids = {id(f) for f in applied}
    return [f for f in found if id(f) not in applied_ids], len(applied)
