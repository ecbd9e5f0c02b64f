"""New content: skeletons that build and that lint flags; this year from last year's content.

The command (``gongwen new``) is tested in tests/cli/test_new.py, GW901 in
tests/lint/rules/test_cycle.py.
"""

from __future__ import annotations

import datetime

import pytest

from gongwen.builder.pipeline import build_one
from gongwen.content import loader, variables
from gongwen.draft.yamlsource import yaml_source
from gongwen.errors import GongwenError
from gongwen.importer.newdoc import MARK_RE, from_last, mark_figures, skeleton
from gongwen.lint.engine import lint_source

from tests.paths import IMPORT_FIXTURES as FIXTURES

TODAY = datetime.date(2024, 3, 5)


# --- skeletons ----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["speech", "report"])
def test_skeleton_has_every_field_and_builds(kind, tmp_path):
    text = skeleton(kind, today=TODAY)
    path = tmp_path / f"{kind}.yaml"
    path.write_text(text, encoding="utf-8")
    doc = loader.load(path)
    assert doc.kind == kind and doc.date == "2024年3月5日" and doc.vars["year"] == "2024"
    keys = {"title", "template", "date", "vars", "speaker" if kind == "speech" else "author"}
    keys |= {"salutation", "opening", "sections", "closing"} if kind == "speech" else {
        "intro", "achievements", "problems", "recommendations", "sections"}
    keys |= {"heading", "paragraphs", "points", "text", "run_in", "items", "inline", "series", "lead_in", "lead"}
    for key in keys:
        assert f"{key}:" in text, key
    assert text.count("【待补充") >= 15
    result = build_one(path, tmp_path / f"{kind}.docx")
    assert result.ok, result.errors
    variables.substitute(doc)  # the {{ year }} / {{ org }} of the skeleton are all declared
    assert "2024年" in doc.title or doc.kind == "report"


@pytest.mark.parametrize("kind", ["speech", "report"])
def test_lint_flags_the_skeleton_until_filled(kind):
    text = skeleton(kind, today=TODAY)
    findings = lint_source(yaml_source(text, "s.yaml"))
    codes = {f.code for f in findings}
    assert codes == {"GW603"}, [(f.code, f.message) for f in findings if f.code != "GW603"]
    # every placeholder in the text; the office name in vars reaches the text through {{ org }}
    in_text = [line for line in text.splitlines() if not line.lstrip().startswith(("#", "org:"))]
    assert len(findings) == sum(line.count("【待补充") for line in in_text)


def test_skeleton_year_and_org():
    text = skeleton("speech", year=2026, org="清河县总工会", today=TODAY)
    doc = loader.loads(text)
    assert doc.date == "2026年1月1日" and doc.vars == {"year": "2026", "org": "清河县总工会"}
    with pytest.raises(GongwenError):
        skeleton("memo")


# --- marking last year's figures ------------------------------------------------------------


@pytest.mark.parametrize("text,marked", [
    ("刚才，我们研究了2022年的工作重点。", "刚才，我们研究了【核实：2022年】的工作重点。"),
    ("今年3月以来", "【核实：今年】【核实：3月】以来"),
    ("追回劳动报酬86.5万元", "追回劳动报酬【核实：86.5万元】"),
    ("满意度为76.5%，提高9.2个百分点", "满意度为【核实：76.5%】，提高【核实：9.2】个百分点"),
    ("收入在4000～6000元的占52.7%", "收入在【核实：4000～6000元】的占【核实：52.7%】"),
    ("其中7月12日至14日的暴雨", "其中【核实：7月12日至14日】的暴雨"),
    ("截至2023年7月底", "截至【核实：2023年7月】底"),
    ("二〇二二年工作", "【核实：二〇二二年】工作"),
    ("《三年行动计划（2023—2025年）》", "《三年行动计划（2023—2025年）》"),
    ("{{ year }}年工作要点", "{{ year }}年工作要点"),
    ("按照GB/T 9704-2012排版", "按照GB/T 9704-2012排版"),
    ("【核实：2022年】已标过", "【核实：2022年】已标过"),
    ("近年来，党的二十大", "近年来，党的二十大"),
])
def test_mark_figures(text, marked):
    assert mark_figures(text)[0] == marked


def test_from_last_yaml_keeps_layout_moves_dates_and_marks(tmp_path):
    last = tmp_path / "2023.yaml"
    last.write_text("""\
# 2023 年的讲话，办公室 张三 整理
kind: speech
title: 在全县2023年安全生产工作会议上的讲话
date: 2023-02-16   # 会议日期
vars:
  year: 2023
  org: 清河县
salutation: 同志们：
opening:
  - '今天召开{{ org }}{{ year }}年会议。'
  - "去年全县共排查隐患4860余项，整改率98.6%。"
sections:
  - heading: 保持清醒头脑
    paragraphs: |
      第一段说2023年。
      第二段说今年3月。
    points:
      - heading: 加强领导
        text: 全县现有企业126家，
          在建项目94个。
    items:
      - lead: 紧盯交通
        text: 今年完成整治42处。
      - 建成《十四五规划》中的项目
closing: 同志们，加油！
""", encoding="utf-8")
    made = from_last(last)
    assert (made.old_year, made.new_year, made.date) == (2023, 2024, "2024-02-16")
    text = made.text
    assert text.startswith("# 由 gongwen new 从 2023.yaml 新建 2024 年的内容：【核实：…】标出的数字和日期属于 2023 年")
    assert "\n# 2023 年的讲话，办公室 张三 整理\n" in text  # comments kept
    assert "date: 2024-02-16   # 会议日期" in text
    assert "  year: 2024\n" in text
    doc = loader.loads(text)
    assert doc.title == "在全县【核实：2023年】安全生产工作会议上的讲话"
    assert doc.opening == ["今天召开{{ org }}{{ year }}年会议。",
                           "【核实：去年】全县共排查隐患【核实：4860】余项，整改率【核实：98.6%】。"]
    assert doc.sections[0].paragraphs == ["第一段说【核实：2023年】。", "第二段说【核实：今年】【核实：3月】。"]
    assert doc.sections[0].points[0].text == ["全县现有企业【核实：126】家，在建项目【核实：94】个。"]  # folded, no space
    assert doc.sections[0].series.items[0].text == "【核实：今年】完成整治【核实：42】处。"
    assert doc.sections[0].series.items[1].text == "建成《十四五规划》中的项目"
    assert made.marks == len(MARK_RE.findall(text.split("\n", 1)[1]))  # the header names the mark
    variables.substitute(doc)
    assert doc.opening[0] == "今天召开清河县2024年会议。"
    assert any("GW603" in n for n in made.notes) and any("2024-02-16" in n for n in made.notes)


def test_from_last_rewrites_escaped_scalars_safely(tmp_path):
    last = tmp_path / "last.yaml"
    last.write_text('kind: report\ntitle: 报告\ndate: 2023年9月20日\n'
                    'achievements:\n  paragraphs:\n    - "\\u4eca\\u5e74完成\\x32\\x30项"\n', encoding="utf-8")
    made = from_last(last, year=2025)
    doc = loader.loads(made.text)
    assert doc.date == "2025年9月20日"
    assert doc.sections[0].paragraphs == ["【核实：今年】完成【核实：20】项"]


def test_from_last_on_real_fixtures_builds_and_lint_lists_every_mark(tmp_path):
    for name in ("speech.yaml", "report.yaml"):
        made = from_last(FIXTURES / name)
        path = tmp_path / name
        path.write_text(made.text, encoding="utf-8")
        assert build_one(path, tmp_path / (name + ".docx")).ok
        findings = lint_source(yaml_source(made.text, str(path)))
        marks = [f for f in findings if f.code == "GW603"]
        assert len(marks) == made.marks > 20


def test_from_last_imports_other_formats(tmp_path):
    made = from_last(FIXTURES / "report-office.docx", year=2024)
    doc = loader.loads(made.text)
    assert doc.kind == "report" and doc.date == "2024年11月6日"
    assert "\n# 由 gongwen new 从 report-office.docx 导入" in made.text
    assert any("导入" in n for n in made.notes)


def test_from_last_edge_cases(tmp_path):
    leap = tmp_path / "leap.yaml"
    leap.write_text("kind: speech\ntitle: 讲话\ndate: 2024年2月29日\nsections:\n  - heading: 甲\n"
                    "    paragraphs: [正文。]\n", encoding="utf-8")
    assert from_last(leap).date == "2025年2月28日"
    undated = tmp_path / "undated.yaml"
    undated.write_text("kind: speech\ntitle: 讲话\nsections:\n  - heading: 甲\n    paragraphs: [正文。]\n",
                       encoding="utf-8")
    with pytest.raises(GongwenError, match="--year"):
        from_last(undated)
    assert from_last(undated, year=2024).new_year == 2024
    with pytest.raises(GongwenError, match="不符"):
        from_last(leap, kind="report")
