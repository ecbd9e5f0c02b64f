"""Findings as text, JSON, GitHub annotations or SARIF 2.1.0; the rule catalogue as Markdown."""

from __future__ import annotations

from gongwen import __version__
from gongwen.lint.findings import Finding
from gongwen.lint.registry import FAMILY_TABLE, Rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable, List, Sequence

FORMATS = ("text", "json", "github", "sarif")
SEVERITY_NAMES = {"error": "错误", "warning": "警告"}


#: Characters a reader cannot see, shown by name where a change is described.
_UNSEEN = {"\u200b": "\\u200b", "\u200c": "\\u200c", "\u200d": "\\u200d", "\ufeff": "\\ufeff",
           "\u00ad": "\\u00ad", "\u00a0": "\\u00a0", "\u2060": "\\u2060"}


def shown(text: str) -> str:
    """``text`` as a change shows it: invisible characters by their code."""
    return "".join(_UNSEEN.get(c, c) for c in text or "")


def change(old: str, new: str) -> str:
    """A fix in words: ``删除“（三）”`` (nothing in its place), ``插入“。”``, or ``“，，”→“，”``."""
    if not new:
        return f"删除“{shown(old)}”"
    if not old:
        return f"插入“{shown(new)}”"
    return f"“{shown(old)}”→“{shown(new)}”"


def format_text(findings: Sequence[Finding], color: bool = False) -> str:
    """``path:line:col: CODE message``, one per line; ANSI colours when ``color``."""
    lines = []
    for f in findings:
        where = f"{f.path}:{f.line}:{f.column}:"
        code = f.code
        if color:
            import click

            where = click.style(where, bold=True)
            code = click.style(code, fg="red" if f.severity == "error" else "yellow", bold=True)
        lines.append(f"{where} {code} {f.message}")
    return "\n".join(lines) + ("\n" if lines else "")


def format_json(findings: Sequence[Finding]) -> str:
    import json

    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2) + "\n"


def _gh_escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_prop(s: str) -> str:
    return _gh_escape_data(s).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Sequence[Finding]) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::…``."""
    out = []
    for f in findings:
        level = "error" if f.severity == "error" else "warning"
        props = f"file={_gh_escape_prop(f.path)},line={f.line},col={f.column},title={_gh_escape_prop(f.code + ' ' + f.name)}"
        out.append(f"::{level} {props}::{_gh_escape_data(f.code + ' ' + f.message)}")
    return "\n".join(out) + ("\n" if out else "")


def format_sarif(findings: Sequence[Finding], rules: Iterable[Rule]) -> str:
    """A SARIF 2.1.0 log with one run; rules are the ones that were run."""
    rules = list(rules)
    index = {r.code: i for i, r in enumerate(rules)}
    results = []
    for f in findings:
        result = {
            "ruleId": f.code,
            "level": "error" if f.severity == "error" else "warning",
            "message": {"text": f.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.path)},
                    "region": {"startLine": f.line, "startColumn": f.column},
                }
            }],
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        d = f.to_dict()
        if d["fix"]:
            fx = d["fix"]
            result["fixes"] = [{
                "description": {"text": change(fx["old"], fx["new"])},
                "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(f.path)},
                    "replacements": [{
                        "deletedRegion": {"startLine": fx["line"], "startColumn": fx["column"],
                                          "endLine": fx["end_line"], "endColumn": fx["end_column"]},
                        "insertedContent": {"text": fx["new"]},
                    }],
                }],
            }]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "gongwen",
                "version": __version__,
                "informationUri": "https://github.com/gongwen/gongwen",
                "rules": [_sarif_rule(r) for r in rules],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    import json

    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _uri(path: str) -> str:
    return path.replace("\\", "/") if path != "-" else "stdin"


def _sarif_rule(r: Rule) -> dict:
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.message},
        "fullDescription": {"text": f"问题：{r.message}" + (f"原因：{r.why}" if r.why else "") + f"（依据：{r.source_text}）"},
        "defaultConfiguration": {"level": "error" if r.severity == "error" else "warning"},
        "properties": {"family": r.family, "source": r.source, "fixable": r.fixable},
    }


def format_findings(findings: Sequence[Finding], fmt: str, rules: Iterable[Rule] = (), color: bool = False) -> str:
    if fmt == "json":
        return format_json(findings)
    if fmt == "github":
        return format_github(findings)
    if fmt == "sarif":
        return format_sarif(findings, rules)
    return format_text(findings, color)


# --- the catalogue -----------------------------------------------------------

FAMILY_TITLES = {f.name: f.title for f in FAMILY_TABLE}


def rule_line(r: Rule) -> str:
    """One line of ``--list-rules``: code, severity and what the rule asks for, in Chinese (the
    rule's English name is for developers: docs/rules.md)."""
    fix = "（可自动修正）" if r.fixable else ""
    return f"{r.code}  {SEVERITY_NAMES.get(r.severity, r.severity)}  {r.message}{fix}"


def explain_rule(r: Rule) -> str:
    """``gongwen rule CODE``: 问题 (what), 原因 (why), 示例 (examples), as ruff's ``ruff rule`` does,
    after the rule's level, source and formats."""
    lines = [
        f"{r.code}（{FAMILY_TITLES.get(r.family, r.family)}）",
        f"级别：{SEVERITY_NAMES.get(r.severity, r.severity)}" + ("；可自动修正（--fix）" if r.fixable else ""),
        f"依据：{r.source_text}",
        f"适用：{'、'.join(r.formats)}",
        "",
        "问题",
        _indent(r.message),
        "",
        "原因",
        _indent(r.why or "（未说明）"),
    ]
    note = _example_note(r)
    lines += ["", "错误示例" + note] + [_bullet(x) for x in r.bad]
    lines += ["", "正确示例" + note] + [_bullet(x) for x in r.good]
    return "\n".join(lines) + "\n"


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.split("\n"))


def _bullet(example: str) -> str:
    """One example, marked so that an example of several paragraphs reads as one."""
    first, *rest = example.split("\n")
    return "\n".join(["  • " + first] + ["    " + line for line in rest])


def _example_note(r: Rule) -> str:
    """What the examples assume: a .docx they change, house settings they need."""
    notes = []
    if r.example_format == "docx":
        notes.append("对一份正确的单页 .docx 所做的改动")
    if r.example_config:
        notes.append("假定设置 " + "，".join(f"{k} = {v}" for k, v in r.example_config.items()))
    return f"（{'；'.join(notes)}）" if notes else ""


def rules_markdown(rules: Sequence[Rule]) -> str:
    """``docs/rules.md``: generated from the registry (``gongwen rule --docs``), never edited by hand."""
    out: List[str] = [
        "# gongwen lint 规则",
        "",
        "<!-- 此文件由 `gongwen rule --docs > docs/rules.md` 生成，请勿手工编辑；tests/lint/test_output_docs.py 检查它与代码一致。 -->",
        "",
        "每条规则按“问题、原因、示例”说明：**问题**是错在哪里、应当怎样写；**原因**是标准的规定"
        "或办公实践的理由，以及规则有意不报告的情形；**错误示例**和**正确示例**由测试逐条运行。"
        "每条规则还有固定代码（`GW` + 三位数字，按类别分组）、级别（error 错误 / warning 警告）、依据"
        "（标准条款，或“办公实践”：单位可在设置中关闭或调整级别）和适用的文件格式。",
        "",
        "| 代码 | 级别 | 名称 | 可修正 | 问题 |",
        "|---|---|---|---|---|",
    ]
    for r in rules:
        out.append(f"| [{r.code}](#{r.code.lower()}) | {r.severity} | {r.name} | {'是' if r.fixable else ''} | {_cell(r.message)} |")
    family = None
    for r in rules:
        if r.family != family:
            family = r.family
            out += ["", f"## {FAMILY_TITLES.get(family, family)}"]
        out += [
            "",
            f"### {r.code}",
            "",
            f"**{r.name}** · 级别：{r.severity}（{SEVERITY_NAMES.get(r.severity, r.severity)}） · 依据：{r.source_text}"
            f" · 适用：{'、'.join(r.formats)}" + (" · 可自动修正" if r.fixable else ""),
            "",
            f"**问题**：{r.message}",
            "",
            f"**原因**：{r.why or '（未说明）'}",
        ]
        kind = {"yaml": "yaml", "docx": "text"}.get(r.example_format, "text")
        note = _example_note(r)
        out += ["", f"**错误示例**{note}：", ""]
        for x in r.bad:
            out += [f"```{kind}", x, "```"]
        out += ["", f"**正确示例**{note}：", ""]
        for x in r.good:
            out += [f"```{kind}", x, "```"]
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
