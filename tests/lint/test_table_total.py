"""GW511: a 合计 row that does not add up, in every format the linter reads — and no alarm on
columns that do not add up by nature (rates, shares), on rounding, or on 小计 rows."""

import docx
import pytest

from gongwen.builder.pipeline import build_one
from gongwen.draft.read import read_source
from gongwen.lint.engine import lint_source
from gongwen.settings import LintSettings
from tests.paths import CONTENT


def found(path):
    settings = LintSettings(select=["GW511"])
    return [f for f in lint_source(read_source(str(path)), settings) if f.code == "GW511"]


MD = """| 镇 | 人口（人） | 户数 | 增长率 | 面积（亩） |
|---|---|---|---|---|
| 城关镇 | 12,000 | 3,100 | 3.2% | 1.25 |
| 河口镇 | 8,500 | 2,600 | 1.1% | 2.26 |
| 合计 | 20,600 | 5,700 | 4.5% | 3.5 |
"""


def test_markdown_pipe_table(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(MD, encoding="utf-8")
    [f] = found(path)
    assert (f.line, f.column) == (5, 8) and "20,500" in f.message and "人口（人）" in f.message


def test_rounding_and_rate_columns_are_left_alone(tmp_path):
    path = tmp_path / "b.md"
    path.write_text(MD.replace("20,600", "20,500"), encoding="utf-8")
    assert found(path) == []  # 1.25 + 2.26 = 3.51 shown as 3.5; 增长率 never adds up


def test_subtotals(tmp_path):
    text = ("| 单位 | 人数 |\n|---|---|\n| 一科 | 3 |\n| 二科 | 4 |\n| 小计 | 7 |\n| 三科 | 5 |\n| 小计 | 5 |\n"
            "| 合计 | 12 |\n")
    path = tmp_path / "c.md"
    path.write_text(text, encoding="utf-8")
    assert found(path) == []
    path.write_text(text.replace("| 合计 | 12 |", "| 合计 | 13 |"), encoding="utf-8")
    assert len(found(path)) == 1


def test_yaml_content_with_numbers_and_strings(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("""kind: 调研报告
title: 关于清河县粮食生产情况的调研报告
achievements:
  paragraphs:
    - table:
        header: [镇, 产量（吨）]
        rows:
          - [城关镇, 5400]
          - [河口镇, "3,900"]
          - [合计, 9400]
""", encoding="utf-8")
    [f] = found(path)
    assert (f.line, f.column) == (10, 18) and "9,300" not in f.message and "9300" in f.message


def test_built_docx_and_word_table(tmp_path):
    built = build_one(CONTENT / "report.yaml", tmp_path / "report.docx")
    assert built.ok and found(tmp_path / "report.docx") == []  # the example adds up
    d = docx.Document()
    t = d.add_table(rows=3, cols=2)
    for r, row in enumerate([["项目", "金额（万元）"], ["甲", "1.5"], ["合计", "2.5"]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.save(tmp_path / "w.docx")
    assert found(tmp_path / "w.docx") == []  # one row above: nothing to add up


@pytest.mark.parametrize("rows, alarms", [
    ([["甲", "1"], ["乙", "2"], ["合计", "3"]], 0),
    ([["甲", "1"], ["乙", "2"], ["合计", "4"]], 1),
    ([["甲", "1"], ["乙", "—"], ["丙", "2"], ["合计", "3"]], 0),
    ([["甲", "约1"], ["乙", "2"], ["合计", "9"]], 0),  # not all figures: not checked
    ([["甲", "1.2万"], ["乙", "8000"], ["合计", "2万"]], 0),
])
def test_docx_cases(tmp_path, rows, alarms):
    d = docx.Document()
    t = d.add_table(rows=len(rows) + 1, cols=2)
    for r, row in enumerate([["项目", "人数"]] + rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.save(tmp_path / "x.docx")
    assert len(found(tmp_path / "x.docx")) == alarms
