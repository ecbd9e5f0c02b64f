"""Every validation error names file:line:column and the key path, in Chinese."""

import pytest
from hypothesis import given, settings

from gongwen.errors import ContentErrors
from gongwen.content.loader import loads

from tests.strategies import any_text

GOOD = """\
kind: report
title: 关于职工之家建设情况的调研报告
author: 县总工会调研组
date: 2023年6月5日
intro: 为了解情况，调研组开展了调研。
achievements:
  points:
    - heading: 强化组织领导
      text: 成立了领导小组。
problems:
  paragraphs: [问题一。]
recommendations:
  heading: 对策建议
  items:
    - lead: 加强指导
      text: 要加强指导。
    - 要完善机制。
sections:
  - heading: 下一步打算
    paragraphs: 打算。
"""


def errors_of(text, path="c.yaml"):
    with pytest.raises(ContentErrors) as info:
        loads(text, path)
    return [str(e) for e in info.value.errors]


def test_good_report_loads_in_order():
    doc = loads(GOOD, "c.yaml")
    assert doc.kind == "report" and doc.byline == "县总工会调研组" and doc.date == "2023年6月5日"
    assert [s.heading for s in doc.sections] == ["主要做法及成效", "存在的问题", "对策建议", "下一步打算"]
    assert [s.part for s in doc.sections] == ["achievements", "problems", "recommendations", ""]
    assert doc.sections[2].series.items[0].lead == "加强指导"
    assert doc.sections[2].series.items[1].text == "要完善机制。"


def test_iso_date_and_block_paragraphs():
    doc = loads("kind: speech\ntitle: 讲话\ndate: 2022-03-01\nopening: |\n  第一段。\n  第二段。\n"
                "sections:\n  - heading: 甲\n    paragraphs: 正文。\n")
    assert doc.date == "2022年3月1日"
    assert doc.opening == ["第一段。", "第二段。"]


@pytest.mark.parametrize("text,expected", [
    ("kind: speech\ntitle: 讲话\nsectoins: []\n", "c.yaml:3:1: sectoins：未知的键 sectoins，是不是要写 sections？"),
    ("kind: speach\ntitle: 讲话\n", "c.yaml:1:7: 文种（kind）：未知的 kind speach"),
    ("title: 讲话\n", "c.yaml:1:1: 文种（kind）：缺少 kind"),
    ("kind: speech\nsections:\n  - heading: 甲\n    paragraphs: 乙\n", "c.yaml:1:1: 标题（title）：缺少 title"),
    ("kind: speech\ntitle: {讲话: 甲}\nsections:\n  - heading: 甲\n    paragraphs: 乙\n",
     "c.yaml:2:8: 标题（title）：应为文字，实际是键值（映射）"),
    ("kind: speech\ntitle: 讲话\ntitle: 讲话二\nsections:\n  - heading: 甲\n    paragraphs: 乙\n",
     "c.yaml:3:1: 标题（title）：键 title 重复（第一次出现在第 2 行）"),
    ("kind: report\ntitle: 报告\nproblems:\n  points:\n    - heading: 甲\n    - heading: 乙\n"
     "    - heading: 丙\n      text: [a, {x: 1}]\n",
     "c.yaml:8:17: “存在的问题”部分（三）的第2段：应为文字，实际是键值（映射）"),
    ("kind: speech\ntitle: 讲话\nsections:\n  - heading: 三、加强领导\n    paragraphs: 乙\n",
     "c.yaml:4:14: 第一部分的标题：标题开头不要手写序号“三、”"),
    ("kind: speech\ntitle: 讲话\nsections:\n  - heading: 甲\n    points:\n      - heading: （二）完善\n",
     "c.yaml:6:18: 第一部分（一）的标题：标题开头不要手写序号“（二）”"),
    ("kind: speech\ntitle: 讲话\nsections:\n  - heading: 甲\n    items:\n      - 二是加强\n      - 乙\n",
     "c.yaml:6:9: 第一部分的第1个分项：开头不要手写“二是”"),
    ("kind: speech\ntitle: 讲话\ndate: 2022/3/1\nsections:\n  - heading: 甲\n    paragraphs: 乙\n",
     "c.yaml:3:7: 日期（date）：日期“2022/3/1”格式不对"),
    ("kind: speech\ntitle: 讲话\ndate: 2022-02-30\nsections:\n  - heading: 甲\n    paragraphs: 乙\n",
     "c.yaml:3:7: 日期（date）：日期“2022-02-30”不存在"),
    ("kind: speech\ntitle: 讲话\nsections:\n  - heading: 甲\n    inline: 是\n    items: [a, b]\n",
     "c.yaml:5:13: 第一部分的分项连排设置（inline）：应为 true 或 false"),
    ("kind: speech\ntitle: 讲话\nsections:\n  - heading: 甲\n    series: 其一\n    items: [a, b]\n",
     "c.yaml:5:13: 第一部分的分项序号（series）：series 只能是 一是 或 第一"),
    ("kind: speech\ntitle: 讲话\nsections:\n  - heading: 甲\n", "c.yaml:4:5: 第一部分：这一部分没有内容"),
    ("kind: speech\ntitle: 讲话\nsections: 甲\n", "c.yaml:3:11: 正文各部分（sections）：应为列表"),
    ("kind: speech\ntitle: 讲话。\nsections:\n  - heading: 甲\n    paragraphs: 乙\n",
     "c.yaml:2:8: 标题（title）：标题末尾不加标点“。”"),
    ("kind: speech\ntitle: 讲话\nsections:\n  - heading: 甲\n    points:\n      - heading: a\n        points:\n"
     "          - heading: b\n            points:\n              - heading: c\n                points:\n"
     "                  - heading: d\n",
     "c.yaml:12:19: 第一部分（一）1.（1）的下一级标题：层次最多四级"),
    ("kind: speech\ntitle: 讲话\nsections:\n  - heading: 甲\n    paragraphs: !!python/object/apply:os.system [ls]\n",
     "c.yaml:5:17: 第一部分的段落：不支持的 YAML 标签"),
    ("kind: speech\ntitle: 讲话\n  bad: indent\n", "c.yaml:3:3: YAML 语法错误：缩进不对：“bad”应从第 1 列开始"),
    ("--- \nkind: speech\n--- \nkind: report\n", "c.yaml:3:1: YAML 语法错误：一个文件只能有一份内容"),
    ("", "c.yaml:1:1: 文件是空的"),
])
def test_errors_name_place_and_key(text, expected):
    found = errors_of(text)
    assert any(e.startswith(expected) for e in found), found


def test_wrapped_chinese_lines_join_without_a_space():
    doc = loads("kind: speech\ntitle: 讲话\nopening:\n  - 今天召开会议，\n    主要任务是部署工作。\n"
                "  - >\n    第二段，\n    继续 Latin\n    text。\n"
                "sections:\n  - heading: 甲\n    paragraphs: 一行内的 空格保留。\n")
    assert doc.opening == ["今天召开会议，主要任务是部署工作。", "第二段，继续 Latin text。"]
    assert doc.sections[0].paragraphs == ["一行内的 空格保留。"]


def test_all_errors_reported_at_once():
    found = errors_of("kind: speech\ntitle: 讲话\nfoo: 1\nbar: 2\nsections:\n  - heading: 甲\n    paragraphs: 乙\n")
    assert len(found) == 2


def test_aliases_expanding_text_beyond_limit_are_refused():
    big = "哈" * 100_000
    aliases = ", ".join(["*a"] * 300)  # 30 million characters once expanded
    found = errors_of(f"kind: speech\ntitle: 讲话\nsalutation: &a {big}\nopening: [{aliases}]\n")
    assert sum("过大" in e for e in found) == 1


def test_nested_aliases_do_not_expand():
    lines = ["kind: speech", "title: 讲话", 'salutation: &a 哈哈', "opening: &l1 [*a, *a, *a]"]
    lines.append("closing: &l2 [" + ", ".join(["*l1"] * 9) + "]")
    lines.append("sections: [" + ", ".join(["*l2"] * 9) + "]")
    found = errors_of("\n".join(lines))
    assert len(found) == 9 + 9  # each nested list reported once, nothing expanded


def test_recursive_alias_is_an_error_not_a_hang():
    found = errors_of("kind: speech\ntitle: 讲话\nopening: &x [*x]\n")
    assert found


def test_xml_illegal_characters_removed_with_warning():
    doc = loads('kind: speech\ntitle: 讲话\nsections:\n  - heading: 甲\n    paragraphs: "乙\\x01丙"\n', "c.yaml")
    assert doc.sections[0].paragraphs == ["乙丙"]
    assert doc.warnings and "c.yaml:5:17" in doc.warnings[0] and "U+0001" in doc.warnings[0]


def test_words_that_start_with_numerals_are_not_markers():
    doc = loads("kind: speech\ntitle: 讲话\nsections:\n  - heading: 第一书记驻村工作成效明显\n    items: [一些单位落实不力, 十分重要]\n")
    assert doc.sections[0].heading == "第一书记驻村工作成效明显"


@settings(max_examples=100)
@given(any_text)
def test_loading_arbitrary_yaml_raises_only_content_errors(text):
    try:
        loads(text, "x.yaml")
    except ContentErrors as exc:
        assert all(str(e) for e in exc.errors)
