"""Key paths in the writer's terms: every place a message names reads as the printed document counts."""

from __future__ import annotations

import pytest

from gongwen.content.keypaths import Numbering, numbering_of, numbering_of_document, writer_path
from gongwen.content.loader import loads
from gongwen.content.variables import substitute
from gongwen.errors import ContentErrors
from gongwen.yamlsafe import compose

TABLE = [
    ("sections[2].points[2].heading", "第三部分（三）的标题"),
    ("problems.points[0].text[1]", "“存在的问题”部分（一）的第2段"),
    ("attachments[1].sections[0].paragraphs[2]", "附件2 第一部分的第3段"),
    ("sections[0].paragraphs[1].table.rows[3][2]", "第一部分的表格第4行第3格"),
    ("sections[0].paragraphs[1].table.rows[3]", "第一部分的表格第4行"),
    ("sections[0].paragraphs[1].table.header[2]", "第一部分的表格表头第3格"),
    ("sections[0].paragraphs[1].table.caption", "第一部分的表格的表题"),
    ("sections[0].paragraphs[1].table.notes[0]", "第一部分的表格的第1条注"),
    ("sections[0].paragraphs[1].table.align[1]", "第一部分的表格第2列的对齐方式"),
    ("closing[0].table", "结尾的表格"),
    ("chapters[1].articles[4]", "第二章的第5条"),
    ("chapters[1].heading", "第二章的标题"),
    ("articles[4]", "第五条"),
    ("articles[4].text[1]", "第五条第2款"),
    ("articles[4].points[1]", "第五条第（二）项"),
    ("sections[0].points[1].points[0].points[2].text[0]", "第一部分（二）1.（3）的第1段"),
    ("sections[0].points[0].points[0].points[0].points", "第一部分（一）1.（1）的下一级标题"),
    ("sections[0].items[1].lead", "第一部分的第2个分项的提要"),
    ("sections[1].after[0]", "第二部分的分项后的第1段"),
    ("sections[0].headng", "第一部分的headng"),
    ("problems", "“存在的问题”部分"),
    ("problems.heading", "“存在的问题”部分的标题"),
    ("attachments[1]", "附件2"),
    ("attachments[1].title", "附件2的标题"),
    ("attachments[0].opening[1]", "附件1的开头第2段"),
    ("opening[0]", "开头第1段"),
    ("title[1]", "标题第2行"),
    ("recipients[1]", "主送机关第2个"),
    ("reply_to.title", "所复来文的标题"),
    ("doc_number.code", "发文字号的机关代字"),
    ("vars.year", "变量 year"),
    ("title", "标题（title）"),
    ("kind", "文种（kind）"),
    ("date", "日期（date）"),
    ("sections", "正文各部分（sections）"),
    ("titel", "titel"),
    ("", ""),
]


@pytest.mark.parametrize("key,words", TABLE)
def test_key_paths_read_in_the_writers_terms(key, words):
    assert writer_path(key) == words


def test_printed_numbers_follow_the_document():
    numbering = Numbering(parts=2, article_starts={"": [0, 4], "attachments[0].": [0, 3]})
    assert writer_path("sections[0].heading", numbering) == "第三部分的标题"  # after two report parts
    assert writer_path("chapters[1].articles[4]", numbering) == "第二章 第九条"  # numbered on from chapter 1
    assert writer_path("attachments[0].chapters[1].articles[0]", numbering) == "附件1 第二章 第四条"
    assert writer_path("problems.points[0]", numbering) == "“存在的问题”部分（一）"


RULES = """kind: 规定
title: 清河县机关公务用车管理规定
issuer: 清河县人民政府
chapters:
  - heading: 总则
    articles:
      - 为加强公务用车管理，制定本规定。
      - 本规定适用于全县各级机关。
      - 公务用车实行统一管理。
  - heading: 使用管理
    articles:
      - 公务用车应当按规定审批。
      - text: 严禁公车私用。
        points: [节假日用车, "三、 接送子女"]
"""


def test_numbering_of_content_and_of_a_document_agree():
    root = compose(RULES)
    assert numbering_of(root) == Numbering(0, {"": [0, 3]})
    assert writer_path("chapters[1].articles[1].points[1]", numbering_of(root)) == "第二章 第五条第（二）项"
    report = "kind: 调研报告\ntitle: 调研\nachievements: {paragraphs: [甲]}\nproblems: {paragraphs: [乙]}\n" \
             "sections:\n  - heading: 建议\n    paragraphs: [丙]\n"
    doc = loads(report, "r.yaml")
    assert numbering_of(compose(report)).parts == numbering_of_document(doc).parts == 2


def test_loader_errors_name_the_place_in_the_writers_terms():
    report = """kind: 调研报告
title: 关于清河县农村电商发展情况的调研报告
achievements:
  paragraphs: [全县建成村级电商服务站186个。]
problems:
  points:
    - heading: 物流成本偏高
      text:
        - 快递进村“最后一公里”尚未打通。
        - ""
sections:
  - heading: 建议
    points:
      - heading: 三、完善物流体系
        text: 整合快递资源。
      - heading: 培养人才
        text: 开展培训。
"""
    with pytest.raises(ContentErrors) as info:
        loads(report, "调研.yaml")
    shown = [str(e) for e in info.value.errors]
    assert "调研.yaml:10:11: “存在的问题”部分（一）的第2段：不能为空" in shown, shown
    assert any(s.startswith("调研.yaml:14:18: 第三部分（一）的标题：标题开头不要手写序号“三、”") for s in shown), shown
    assert all(e.place.key and e.place.label for e in info.value.errors)  # the key path is kept for tools


def test_table_cells_and_variables_are_named_as_printed(tmp_path):
    table = """kind: 通知
title: 关于报送粮食生产情况的通知
recipients: [各镇人民政府]
vars: {year: "2025"}
sections:
  - heading: 报送内容
    paragraphs:
      - 请按下表报送。
      - table:
          header: [镇, 产量（吨）]
          rows:
            - [城关镇, 5400]
            - [河口镇, [3900]]
  - heading: 时间要求
    paragraphs:
      - "{{ yaer }}年12月底前报送。"
"""
    with pytest.raises(ContentErrors) as info:
        loads(table, "通知.yaml")
    assert [str(e) for e in info.value.errors] == ["通知.yaml:13:21: 第一部分的表格第2行第2格：应为文字，实际是列表"]
    doc = loads(table.replace("[3900]", "3900"), "通知.yaml")
    with pytest.raises(ContentErrors) as info:
        substitute(doc, text=table)
    (error,) = info.value.errors
    assert str(error).startswith("通知.yaml:16:10: 第二部分的第1段：未定义的变量 yaer")
