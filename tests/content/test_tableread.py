"""Tables in YAML content: read with every fault placed, dumped back as people write them, and
reached by variables like any other text."""

import pytest

from gongwen.content.dumper import dump
from gongwen.content.loader import loads
from gongwen.content.model import Table
from gongwen.content.variables import substitute
from gongwen.errors import ContentErrors

HEAD = """kind: 调研报告
title: 关于清河县粮食生产情况的调研报告
achievements:
  paragraphs:
    - 全县粮食生产总体平稳。
"""


def doc(table_yaml: str, head: str = HEAD):
    return loads(head + table_yaml, "t.yaml")


def errors(text: str):
    with pytest.raises(ContentErrors) as caught:
        loads(HEAD + text, "t.yaml")
    return [str(e) for e in caught.value.errors]


def test_a_table_keeps_cells_as_typed():
    d = doc("""    - table:
        caption: 表1　各镇产量
        header: [镇, 产量（吨）, 增长]
        rows:
          - [城关镇, 5400, 3.50%]
          - [河口镇, "3,900", 0.80]
          - [合计, 9300]
        notes: |
          资料来源：县统计局。
          注：初步统计数。
        align: [左, right, 中]
""")
    [_, table] = d.sections[0].paragraphs
    assert table == Table(rows=[["城关镇", "5400", "3.50%"], ["河口镇", "3,900", "0.80"], ["合计", "9300", ""]],
                          header=["镇", "产量（吨）", "增长"], caption="表1　各镇产量",
                          notes=["资料来源：县统计局。", "注：初步统计数。"], align=["left", "right", "center"])


def test_a_cell_may_hold_lines_and_be_empty():
    d = doc("""    - table:
        rows:
          - ["第一行\\n第二行", "", ~]
""")
    assert d.sections[0].paragraphs[1].rows == [["第一行\n第二行", "", ""]]


@pytest.mark.parametrize("text, fragment", [
    ("    - table:\n        header: [镇]\n", "t.yaml:7:9: “主要做法及成效”部分的表格的各行：表格缺少 rows"),
    ("    - table:\n        header: [镇, 产量]\n        rows:\n          - [甲, 1, 2]\n", "这一行有 3 格，表头只有 2 列"),
    ("    - table:\n        rows:\n          - [甲]\n        align: [上]\n", "“上”不是对齐方式"),
    ("    - table:\n        rows:\n          - [甲, 乙]\n        align: [left, left, left]\n", "align 有 3 项，表格只有 2 列"),
    ("    - table:\n        rows:\n          - 甲\n", "一行应写成列表"),
    ("    - table:\n        rows:\n          - [" + ", ".join("x" * 13) + "]\n", "超过 12 列"),
    ("    - tabel:\n        rows: [[甲]]\n", "应为文字，实际是键值（映射）；表格写作 - table:"),
    ("    - table:\n        rows: [[甲]]\n        colour: red\n", "未知的键 colour"),
])
def test_faults_are_placed_and_explained(text, fragment):
    found = errors(text)
    assert any(fragment in e for e in found), found


def test_a_table_is_refused_where_only_paragraphs_stand():
    found = errors("closing:\n  - table:\n      rows: [[甲]]\n")
    assert any("表格只能写在" in e and "结尾第1段" not in e and "结尾的表格" in e for e in found), found


def test_dumped_tables_load_back_the_same_and_read_as_typed():
    d = doc("""    - table:
        caption: 表1　各镇产量
        header: [镇, 产量（吨）]
        rows:
          - [城关镇, 5400]
          - [河口镇, "3,900"]
          - [空, null]
        notes: 资料来源：县统计局。
""")
    text = dump(d)
    assert "- [城关镇, 5400]" in text and "- [河口镇, '3,900']" in text
    assert loads(text, "again.yaml").sections == d.sections


def test_variables_reach_caption_cells_and_notes():
    d = doc("""    - table:
        caption: 表1　{{ year }}年各镇产量
        header: [镇, "{{ year }}年产量"]
        rows:
          - [城关镇, "{{ total }}"]
        notes: 资料来源：{{ year }}年统计年鉴。
""", HEAD.replace("title:", "vars:\n  year: 2025\n  total: 5400\ntitle:"))
    substitute(d)
    table = d.sections[0].paragraphs[1]
    assert table.caption == "表1　2025年各镇产量" and table.header == ["镇", "2025年产量"]
    assert table.rows == [["城关镇", "5400"]] and table.notes == ["资料来源：2025年统计年鉴。"]
