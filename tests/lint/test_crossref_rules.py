"""GW010–GW018: what refers to what agrees — the 附件说明, the 附件 pages and the references in the
text; the 印发日期 and the 成文日期; the 签发人, the 主送 and the 版记 lines."""

from __future__ import annotations

import pytest

from gongwen.draft.source import source_from_text
from gongwen.lint.engine import lint_source
from gongwen.lint.fix import fix_text
from gongwen.settings import LintSettings

NOTICE = """\
清河县人民政府办公室文件
清政办发〔2024〕11号
清河县人民政府办公室关于做好2024年防汛工作的通知
各乡镇人民政府，县直各有关单位：
为做好今年防汛工作，确保安全度汛，现将有关事项通知如下。
一、压实防汛责任
各乡镇、各部门要落实防汛责任人，防汛责任分工见附件1。
二、做好物资储备
县应急管理局要按照附件2所列品种和数量储备防汛物资。
特此通知。
附件：1.清河县2024年防汛责任分工
2.清河县2024年防汛物资储备清单
清河县人民政府办公室
2024年5月6日
附件1
清河县2024年防汛责任分工
各乡镇人民政府负责本辖区防汛工作，县水利局负责水库和河道防汛。
附件2
清河县2024年防汛物资储备清单
编织袋5万条，救生衣800件，冲锋舟6艘。
抄送：县委办公室，县人大常委会办公室，县政协办公室。
清河县人民政府办公室　　　　　　　　　　2024年5月6日印发
"""


def found(text: str, select: str = "GW0"):
    return [(f.line, f.code) for f in lint_source(source_from_text(text, "notice.txt"), LintSettings(select=[select]))]


def test_a_notice_whose_parts_agree_is_clean():
    assert found(NOTICE) == []


def test_a_page_label_the_note_does_not_list():
    assert found(NOTICE.replace("附件2\n清河县2024年防汛物资", "附件3\n清河县2024年防汛物资")) == [(18, "GW010")]


def test_pages_without_a_note():
    text = NOTICE.replace("附件：1.清河县2024年防汛责任分工\n2.清河县2024年防汛物资储备清单\n", "")
    # the references in the text still find their pages
    assert found(text) == [(13, "GW010")]


def test_a_page_title_that_differs_from_the_note():
    text = NOTICE.replace("附件2\n清河县2024年防汛物资储备清单", "附件2\n清河县2024年防汛抢险物资调拨办法")
    assert found(text) == [(12, "GW011")]  # reported on the 附件说明, where the reader compares


def test_a_wrapped_note_item_is_not_a_mismatch():
    text = NOTICE.replace("2.清河县2024年防汛物资储备清单", "2.清河县2024年防汛物资")
    assert found(text) == []


def test_a_reference_to_an_attachment_that_is_not_there():
    assert found(NOTICE.replace("按照附件2所列", "按照附件3所列")) == [(9, "GW012")]


def test_several_attachments_on_one_line():
    text = NOTICE.replace("附件：1.清河县2024年防汛责任分工\n2.清河县", "附件：1.清河县2024年防汛责任分工　2.清河县")
    assert found(text) == [(11, "GW013")]


def test_printed_before_issued():
    assert found(NOTICE.replace("2024年5月6日印发", "2024年5月4日印发")) == [(22, "GW014")]
    assert found(NOTICE.replace("2024年5月6日印发", "2024年5月8日印发")) == []


def test_a_recipient_without_its_colon_is_fixed():
    text = NOTICE.replace("县直各有关单位：", "县直各有关单位")
    assert found(text) == [(4, "GW016")]
    result = fix_text(text, "notice.txt", "txt", LintSettings(select=["GW016"]))
    assert "县直各有关单位：\n" in result.fixed


def test_an_author_under_a_plan_title_is_not_a_recipient():
    text = "清河县2024年防汛工作方案\n清河县防汛抗旱指挥部办公室\n为做好今年防汛工作，制定本方案。\n一、工作目标\n确保安全度汛。\n"
    assert found(text) == []


@pytest.mark.parametrize("line,code", [
    ("抄送：县委办公室，县人大常委会办公室，县政协办公室", "GW017"),
    ("抄送：县委办公室，县人大常委会办公室，县政协办公室；", "GW017"),
    ("抄送：县委办公室　县人大常委会办公室　县政协办公室。", "GW018"),
    ("抄送：县委办公室；县人大常委会办公室；县政协办公室。", "GW018"),
])
def test_cc_line_forms(line, code):
    text = NOTICE.replace("抄送：县委办公室，县人大常委会办公室，县政协办公室。", line)
    assert code in [c for _, c in found(text)]
    fixed = fix_text(text, "notice.txt", "txt", LintSettings(select=["GW0"])).fixed
    assert "抄送：县委办公室，县人大常委会办公室，县政协办公室。\n" in fixed


def test_cc_of_one_kind_with_dunhao_is_accepted():
    text = NOTICE.replace("抄送：县委办公室，县人大常委会办公室，县政协办公室。",
                          "抄送：县委各部门，县人大常委会办公室、县政协办公室，县人武部。")
    assert found(text) == []


def test_recipient_moved_to_the_record_follows_the_cc_form():
    text = NOTICE.replace("抄送：县委办公室，县人大常委会办公室，县政协办公室。",
                          "主送：各乡镇人民政府，县直各有关单位\n抄送：县委办公室。")
    assert ("GW017") in [c for _, c in found(text)]
