"""The work of ``gongwen lint`` without click: lint, fix, print, exit code.

:mod:`gongwen.cli.lint` (the click command) and the fast entry point
(:mod:`gongwen.cli.lintfast`, plain ``gongwen lint FILE...``) both call :func:`run`,
so the output is the same whichever parsed the arguments.
"""

from __future__ import annotations

import sys

from gongwen.cli.echo import echo
from gongwen.draft.source import Source
from gongwen.errors import GongwenError
from gongwen.lint.engine import lint_source, rules_for
from gongwen.lint.files import is_content, settings_for, sources
from gongwen.settings import LintOverrides

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def _echo(text: str, err: bool = False) -> None:
    if text:
        echo(text, nl=False, err=err)


def run(paths, extra: LintOverrides, fmt: str = "text", fix: bool = False, diff: bool = False,
        output=None, review=None) -> int:
    """Lint, fix, print; return the exit code.  Each file is linted with its own settings."""
    from gongwen.lint.output import format_findings

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
            echo(f"{source}", err=True)
            unreadable += 1
            continue
        if not is_content(source):
            if explicit:
                echo(f"{path}: 不是 gongwen 内容文件（没有 kind/title），已跳过", err=True)
            continue
        config = settings_for(path, extra)
        for problem in config.problems:
            if problem not in told:
                told.add(problem)
                echo(f"设置有误：{problem}", err=True)
        strict = strict or config.strict
        files += 1
        if fmt == "sarif":  # the only format that lists the rules run
            for r in rules_for(source, config):
                ran_rules.setdefault(r.code, r)
        found = lint_source(source, config)
        reviewed = review is not None and review.wanted(source, fix)
        if reviewed or ((fix or diff) and any(f.fix for f in found)):
            try:
                if reviewed:
                    from gongwen.cli.lintreview import review as review_docx

                    found, n = review_docx(source, found, config, fix, diff, review, fix_out)
                else:
                    found, n = _apply_fixes(source, found, config, fix=fix, diff=diff, fmt=fmt, out=fix_out)
            except GongwenError as exc:  # e.g. a file that cannot be written back as it was read
                from gongwen.atomic import WriteError

                from gongwen.cli.lintreview import NotDocx

                echo(f"{exc}", err=True)
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
            echo(f"{exc}", err=True)
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
        echo(f"没有检查任何文件：{unreadable} 个文件无法读取。", err=True)
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
    echo(f"检查了 {files} 个文件：" + "，".join(parts) + "。", err=True)


def _apply_fixes(source: Source, found, config, fix: bool, diff: bool, fmt: str, out):
    """Fix one source; return the findings that remain and how many fixes were applied."""
    from gongwen.lint.output import change

    if source.format == "docx":
        return _fix_docx(source, found, fix, out)
    from gongwen.lint.fix import fix_file, fix_text, make_source

    if source.path == "-":
        result = fix_text(source.text or "\n".join(p.text for p in source.paras), "-", source.format, config)
    else:
        result = fix_file(source.path, source.format, config, write=fix)
    if diff:
        echo(result.diff(source.path), nl=False, file=out)
    if fix:
        for f, old, new in result.applied:
            echo(f"{f.path}:{f.line}:{f.column}: {f.code} 已修正：{change(old, new)}", file=out)
        if source.path == "-":
            echo(result.fixed, nl=False, file=sys.stdout if fmt == "text" else sys.stderr)
    remaining = lint_source(make_source(result.fixed, source.path, source.format), config) if fix else found
    return remaining, len(result.applied) if fix else 0



def _fix_docx(source: Source, found, fix: bool, out):
    from gongwen.lint.output import change

    fixable = [f for f in found if f.fix is not None]
    if not fix:
        for f in fixable:
            old = f.para.text[f.fix.start:f.fix.end] if f.para is not None else ""
            echo(f"{f.path}:{f.line}:{f.column}: {f.code} 可修正：{change(old, f.fix.new)}", file=out)
        return found, 0
    try:
        from gongwen.lint.docxfix import write_fixed_copy
    except ImportError:
        echo(f"{source.path}: 暂不能修正 .docx（gongwen.lint.docxfix 不可用），未做改动", err=True)
        return found, 0
    skipped: list = []
    try:
        path = write_fixed_copy(source, fixable, skipped=skipped)
    except GongwenError as exc:
        from gongwen.atomic import WriteError

        if isinstance(exc, WriteError):
            raise  # reported and counted by run(): exit 2
        echo(f"{exc}", err=True)
        return found, 0
    skipped_ids = {id(f) for f in skipped}
    applied = [f for f in fixable if id(f) not in skipped_ids]
    for f in applied:
        old = f.para.text[f.fix.start:f.fix.end] if f.para is not None else ""
        echo(f"{f.path}:{f.line}:{f.column}: {f.code} 已修正：{change(old, f.fix.new)}", file=out)
    echo(f"{source.path}: 修正后的副本已写到 {path}（原文件未改动）", err=True)
    applied_ids = {id(f) for f in applied}
    return [f for f in found if id(f) not in applied_ids], len(applied)
