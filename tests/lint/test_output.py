"""Output formats: text, json, github, sarif; the rule catalogue."""

from __future__ import annotations

import json

from gongwen.lint.registry import all_rules

from gongwen.lint.engine import lint_source
from gongwen.lint.output import explain_rule, format_findings, rule_line, rules_markdown

from tests.lint_examples import source_of

TEXT = "一.总体要求\n各单位要高度重视,抓好落实。\n有*万人参加。\n"


def _findings():
    return lint_source(source_of(TEXT, "txt", path="草稿/通知.txt"))


def test_text_format():
    out = format_findings(_findings(), "text")
    assert out.splitlines() == [
        "草稿/通知.txt:1:1: GW101 一级标题序号“一.”应写作“一、”（汉字数字后用顿号）。",
        "草稿/通知.txt:2:9: GW401 中文文本中的半角“,”应写作全角“，”。",
        "草稿/通知.txt:3:2: GW601 “*”是未填写的占位符，应补上实际内容。",
    ]
    assert "\x1b[" not in out
    coloured = format_findings(_findings(), "text", color=True)
    assert "\x1b[" in coloured


def test_json_format():
    data = json.loads(format_findings(_findings(), "json"))
    assert [set(d) for d in data] == [{"path", "line", "column", "code", "severity", "family", "message", "fix"}] * 3
    first = data[1]
    assert first["path"] == "草稿/通知.txt"
    assert (first["line"], first["column"], first["code"], first["severity"], first["family"]) == \
        (2, 9, "GW401", "error", "punctuation")
    assert first["fix"] == {"line": 2, "column": 9, "end_line": 2, "end_column": 10, "old": ",", "new": "，"}
    assert data[2]["fix"] is None
    assert {d["family"] for d in data} <= {"marker", "structure", "series", "punctuation", "number", "leftover",
                                             "layout", "content"}


def test_json_of_nothing_is_an_empty_array():
    assert json.loads(format_findings([], "json")) == []


def test_github_format():
    lines = format_findings(_findings(), "github").splitlines()
    assert lines[0] == ("::error file=草稿/通知.txt,line=1,col=1,title=GW101 level1-separator::"
                        "GW101 一级标题序号“一.”应写作“一、”（汉字数字后用顿号）。")
    warn = lint_source(source_of("推进产业 工人队伍建设。", path="a,b:c.txt"))
    line = format_findings(warn, "github").strip()
    assert line.startswith("::warning file=a%2Cb%3Ac.txt,line=1,col=5,")


def test_sarif_format():
    findings = _findings()
    rules = [r for r in all_rules(layout=False)]
    log = json.loads(format_findings(findings, "sarif", rules))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "gongwen"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "GW101" in ids
    res = run["results"]
    assert [r["ruleId"] for r in res] == ["GW101", "GW401", "GW601"]
    assert ids[res[1]["ruleIndex"]] == "GW401"
    loc = res[1]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "草稿/通知.txt"
    assert loc["region"] == {"startLine": 2, "startColumn": 9}
    assert res[1]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "，"
    assert res[0]["level"] == "error"


def test_rule_line_and_explanation():
    r = next(r for r in all_rules(layout=False) if r.code == "GW413")
    assert rule_line(r).split()[:2] == ["GW413", "警告"] and r.message in rule_line(r)
    text = explain_rule(r)
    assert "错误示例" in text and "正确示例" in text and "办公实践" in text
    labels = [line for line in text.splitlines() if line in ("问题", "原因", "错误示例", "正确示例")]
    assert labels == ["问题", "原因", "错误示例", "正确示例"]
    assert r.message in text and r.why in text
    assert "级别：警告；可自动修正（--fix）" in text and r.name not in text and "适用：txt、md、docx、yaml" in text


def test_rules_markdown_lists_every_rule():
    rules = all_rules()
    md = rules_markdown(rules)
    for r in rules:
        assert f"### {r.code}" in md
        section = md.split(f"### {r.code}\n", 1)[1].split("\n### ", 1)[0]
        assert f"**问题**：{r.message}" in section and f"**原因**：{r.why}" in section, r.code
        assert "**错误示例**" in section and "**正确示例**" in section, r.code
