"""Precision on documents as offices write them: items that are not headings, regulations with
articles across chapters, house variants, wrapped elements and spaces set on purpose give no
finding, and the real fault next to each still does."""

from __future__ import annotations

from gongwen.draft.source import source_from_text
from gongwen.lint.engine import lint_source
from gongwen.settings import LintSettings


def _lint(text, settings=None):
    return lint_source(source_from_text(text, "doc.txt"), settings) if settings else \
        lint_source(source_from_text(text, "doc.txt"))


def _codes(text, prefix="GW", settings=None):
    return [(f.line, f.code) for f in _lint(text, settings) if f.code.startswith(prefix)]


# --- GW209: items keep their 。 ------------------------------------------------------------------

MATERIALS = """清河县市场监督管理局
关于办理食品经营许可有关事项的通知
各乡镇市场监管所：
申请食品经营许可，应当提交下列材料：
（一）申请单位企业法人营业执照复印件。
（二）法定代表人身份证明复印件。
（三）与食品经营相适应的主要设备设施布局、操作流程等文件。
（四）其他应当公开的重要信息。
各所要严格审核，及时办结。
清河县市场监督管理局
2026年3月2日"""

PROCLAMATION = """清河县人民政府
关于禁止在城区燃放烟花爆竹的通告
为保障公共安全，根据有关法律法规，现就有关事项通告如下：
一、本县城区范围内全年禁止燃放烟花爆竹。
二、禁止在城区范围内销售烟花爆竹。
三、违反本通告规定，在禁止燃放区域内燃放烟花爆竹的，由公安机关依照有关规定予以处罚。
四、本通告自发布之日起施行。
清河县人民政府
2026年1月5日"""

MINUTES = """清河县人民政府常务会议纪要
第3期
2026年4月10日，县长周文博主持召开县政府第12次常务会议。会议议定事项如下：
一、原则同意《清河县老旧小区改造实施方案》，由县住建局按程序印发实施。
二、同意县财政局关于调整部分专项资金用途的意见。
三、会议要求各部门抓好落实。
出席：周文博、李明、王芳"""


def test_list_entries_and_sentences_keep_their_period():
    for doc in (MATERIALS, PROCLAMATION, MINUTES):
        assert _codes(doc, "GW209") == []


def test_a_standalone_heading_with_a_period_is_still_found():
    report = """清河县农业农村局
关于春耕生产工作情况的报告
县人民政府：
一、工作开展情况。
今年以来，我局组织技术人员深入田间地头指导春耕。
二、存在的问题
部分乡镇农资储备不足。
（一）加强组织领导。
成立了春耕生产工作专班。
清河县农业农村局
2026年4月1日"""
    assert _codes(report, "GW209") == [(4, "GW209"), (8, "GW209")]


def test_one_item_ending_in_a_period_beside_a_heading_without_one_is_a_heading():
    assert _codes("一、总体要求\n二、存在的问题。", "GW209") == [(2, "GW209")]


# --- GW201/GW202/GW207: 第X条 across 章 and 节 ---------------------------------------------------

REGULATION = """江州市城市绿化管理办法
第一章  总则
第一条  为了加强城市绿化管理，改善生态环境，根据有关法律法规，结合本市实际，制定本办法。
第二条  本办法适用于本市城市规划区内的绿化规划、建设、保护和管理。
第三条  有下列情形之一的，不得砍伐城市树木：
（一）位于居住区内的；
（二）树龄超过五十年的。
第二章  规划和建设
第一节  规划
第四条  市绿化主管部门负责编制城市绿地系统规划。
（一）公共绿地；
（二）单位附属绿地。
第二节  建设
第五条  新建居住区绿地率不得低于百分之三十。
第三章  附则
第六条  本办法自2026年5月1日起施行。"""


def test_a_regulation_numbered_right_is_clean():
    assert _lint(REGULATION) == []


def test_article_numbering_faults_are_found():
    repeated = REGULATION.replace("第五条  新建", "第四条  新建").replace("第六条", "第五条")
    assert _codes(repeated, "GW2") == [(14, "GW202")]
    gap = REGULATION.replace("第六条", "第八条")
    assert _codes(gap, "GW2") == [(16, "GW201")]
    afresh = REGULATION.replace("第四条", "第一条").replace("第五条", "第二条").replace("第六条", "第一条")
    assert _codes(afresh, "GW2") == [(10, "GW207"), (16, "GW207")]
    chapters = REGULATION.replace("第三章", "第四章")
    assert _codes(chapters, "GW2") == [(15, "GW201")]


def test_sections_are_numbered_afresh_in_each_chapter():
    text = REGULATION.replace("第三章  附则", "第三章  监督\n第一节  检查")
    assert _codes(text, "GW2") == []


# --- GW203: a series started inside the paragraph before ----------------------------------------


def test_a_series_started_inside_a_paragraph_is_reported_where_it_starts():
    text = """清河县人民政府常务会议纪要
第4期
会议听取了县住建局的汇报。会议决定，一、原则同意《清河县老旧小区改造实施方案》。
二、同意县财政局关于调整部分专项资金用途的意见。
三、会议要求各部门抓好落实。"""
    found = [f for f in _lint(text) if f.code == "GW203"]
    assert [(f.line, f.column) for f in found] == [(3, 19)]
    assert "另起一段" in found[0].message


def test_a_missing_first_heading_is_still_found():
    assert _codes("二、总体要求\n三、保障措施", "GW203") == [(1, "GW203")]


# --- GW507: the full-width point is a house variant -----------------------------------------------

NOTE = """清河县人民政府办公室
关于印发安全生产工作方案的通知
各乡镇人民政府，县直各单位：
现将《清河县安全生产工作方案》印发给你们，请认真贯彻执行。
附件：1．清河县安全生产工作方案
2．清河县安全生产任务分工表
清河县人民政府办公室
2026年3月1日"""


def test_full_width_attachment_numbers_are_no_error():
    assert _lint(NOTE) == []


def test_a_dunhao_after_an_attachment_number_is_found_and_fixed_to_the_house_form():
    text = NOTE.replace("1．", "1、").replace("2．", "2、")
    assert _codes(text, "GW507") == [(5, "GW507"), (6, "GW507")]
    house = [f.fix.new for f in _lint(text, LintSettings(level3="．")) if f.code == "GW507"]
    assert house == ["1．", "2．"]


# --- GW406: wrapped elements ---------------------------------------------------------------------

WRAPPED = """清河县人民政府办公室
关于印发农村人居环境整治实施方案的通知
各乡镇人民政府，县直各有关单位，
县属各国有企业：
现将实施方案印发给你们，请认真贯彻执行。
附件：1．《清河县关于进一步加强农村人居环境整治
工作的实施方案》
2．清河县农村人居环境整治任务分工表
清河县人民政府办公室
2026年3月1日"""


def test_a_wrapped_attachment_name_and_recipient_are_one_element():
    assert _lint(WRAPPED) == []


def test_an_unclosed_title_in_the_body_is_still_found():
    text = WRAPPED.replace("现将实施方案", "现将《实施方案")
    assert _codes(text, "GW406") == [(5, "GW406")]


# --- GW413: spaces set on purpose, and spaces around quantities -----------------------------------

REPORT = """清河县住房和城乡建设局
关于调整城南大桥设计方案的报告
县人民政府：
根据《中共中央办公厅 国务院办公厅关于进一步加强城市规划建设管理工作的若干意见》精神，现将有关情况报告如下。
大桥桥面尺寸由80m×12.6m调整为96m×15m，共35个桥墩，总投资1.2亿元。
清河县住房和城乡建设局
2026年3月1日
抄送：县发展和改革局。
清河县住房和城乡建设局办公室  2026年3月1日印发"""


def test_spaces_set_on_purpose_are_quiet():
    assert _codes(REPORT, "GW413") == []
    assert _codes(REGULATION, "GW413") == []


def test_spaces_around_numbers_and_units_are_found():
    text = REPORT.replace("由80m×12.6m调整为", "由 80m×12.6m 调整为").replace("共35个", "共 35 个")
    found = [(f.line, f.column) for f in _lint(text) if f.code == "GW413"]
    assert found == [(5, 8), (5, 18), (5, 31), (5, 34)]


def test_a_space_inside_one_name_is_still_found():
    assert _codes("推进产业 工人队伍建设。", "GW413") == [(1, "GW413")]
    assert _codes("会议由县政府 办公室牵头组织。", "GW413") == [(1, "GW413")]


# --- GW901: the year that is the subject ---------------------------------------------------------

CIRCULAR = """清河县人民政府办公室
关于2024年度全县安全生产目标责任考核结果的通报
各乡镇人民政府，县直各单位：
根据县政府安排，县安委会对各单位2024年度安全生产目标责任落实情况进行了考核。
2024年，全县安全生产形势总体平稳，共排查隐患4860项（数据截至时间为2024年12月31日）。
清河县人民政府办公室
2025年2月10日"""


def test_the_year_a_document_reports_on_is_no_leftover():
    assert _codes(CIRCULAR, "GW901") == []


def test_a_year_left_over_from_last_year_is_still_found():
    speech = """在全县安全生产工作会议上的讲话
（2025年2月16日）
同志们：
刚才，我们研究了2024年的工作重点，下面我再讲三点意见。"""
    assert _codes(speech, "GW901") == [(4, "GW901")]
    plan = CIRCULAR.replace("关于2024年度全县安全生产目标责任考核结果的通报", "关于做好全县安全生产工作的通知")
    assert _codes(plan, "GW901") == []  # last year's figures stated as facts are no leftover
    ahead = plan.replace("2024年，全县安全生产形势总体平稳，共排查隐患4860项（数据截至时间为2024年12月31日）。",
                         "2024年要重点抓好危化品、燃气和自建房安全专项整治。")
    assert _codes(ahead, "GW901") == [(5, "GW901")]  # a plan for the year before: left over


POINTS = """江州市城市绿化管理办法
第一章  总则
第一条  为了加强城市绿化管理，制定本办法。
第二条  城市绿地包括：
（一）公共绿地，包括：
1.综合公园；
2.社区公园。
（二）附属绿地，包括：
1.居住区绿地；
2.单位绿地。
第三条  申请占用绿地的，应当提交下列材料：
（一）申请书；
（二）占用绿地的位置图。
第二章  附则
第四条  本办法自2026年5月1日起施行。"""


def test_points_and_their_items_are_numbered_afresh_in_each_article():
    assert _lint(POINTS) == []


def test_the_points_of_an_article_are_still_checked():
    assert _codes(POINTS.replace("（二）占用", "（三）占用"), "GW2") == [(13, "GW201")]
    assert _codes(POINTS.replace("（一）申请书", "(一)申请书"), "GW1") == [(12, "GW102")]
