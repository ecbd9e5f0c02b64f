"""GW001–GW009: the kind rules on realistic documents — a 请示 asks, a 报告 does not, a 函 closes as a
letter, a reply cites what it answers, citations put the title first, counts match their items."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen.draft.read import read_source
from gongwen.draft.titlekind import title_kind
from gongwen.importer.kinds import family_kind
from gongwen.lint.engine import lint_source
from gongwen.settings import LintSettings

from tests.lint_examples import where
from tests.paths import CONTENT, ROOT

FAMILY = sorted((ROOT / "tests" / "importer" / "family").glob("*.txt"))


def kind_findings(text: str, fmt: str = "txt"):
    return [(line, code) for line, _, code in where(text, fmt, select="GW0")]


@pytest.mark.parametrize("path", FAMILY + sorted(CONTENT.glob("*.yaml")), ids=lambda p: p.name)
def test_well_formed_documents_of_every_kind_give_nothing(path: Path):
    found = lint_source(read_source(str(path)), LintSettings(select=["GW0"]))
    assert [(f.line, f.code, f.message) for f in found] == []


def test_the_title_table_is_shared_by_importer_and_lint():
    assert title_kind("清河县人民政府关于同意县文化馆维修改造项目立项的批复") == "approval"
    assert title_kind("关于农村宅基地审批有关问题的复函") == "reply_letter"
    assert title_kind("清河县农村集体经济组织财务管理办法（试行）") == "measures"
    assert title_kind("关于2024年上半年安全生产工作情况的报告") == "work_report"
    assert title_kind("关于全县农村集体经济发展情况的调研报告") == "report"
    assert title_kind("在全县安全生产工作会议上的讲话") is None
    assert family_kind("关于申请拨付校舍维修资金的请示", ["recipient"])[0] == "request"


REQUEST = """\
清河县教育局文件
清教发〔2024〕15号　　　　　　　　签发人：王建华
关于申请拨付2024年农村学校校舍维修专项资金的请示
县人民政府、县财政局：
我县现有农村中小学校46所，部分校舍存在屋面渗漏、墙体开裂等问题，急需维修加固。
经测算，共需维修资金486万元，尚有资金缺口286万元。
拟由县级财政预算安排专项资金286万元，用于农村学校校舍维修。
以上情况，特此报告。
清河县教育局
2024年4月8日
抄送：县住房和城乡建设局，各乡镇中心学校。
清河县教育局办公室　　　　　　　　　　2024年4月8日印发
"""


def test_a_request_with_two_recipients_a_subordinate_copy_and_no_closing():
    # the closing “特此报告” is a report's: the request asks for nothing at its end
    assert kind_findings(REQUEST) == [(4, "GW001"), (8, "GW003"), (11, "GW002")]


def test_the_same_request_written_right_is_clean():
    text = (REQUEST.replace("县人民政府、县财政局：", "县人民政府：")
            .replace("以上情况，特此报告。", "妥否，请批示。").replace("，各乡镇中心学校。", "。"))
    assert kind_findings(text) == []


@pytest.mark.parametrize("closing", ["当否，请批复。", "以上请示，请予审批。", "特此请示，请予批准。",
                                     "恳请市人民政府研究批准。"])
def test_every_customary_request_closing_counts(closing):
    assert kind_findings(REQUEST.replace("县人民政府、县财政局：", "县人民政府：")
                         .replace("以上情况，特此报告。", closing).replace("，各乡镇中心学校。", "。")) == []


REPORT = """\
清河县应急管理局文件
清应急发〔2024〕21号　　　　　　　　签发人：赵立新
关于2024年上半年全县安全生产工作情况的报告
县人民政府：
2024年上半年，全县共发生生产安全事故7起、死亡3人，同比分别下降22.2%和25%。
一、主要工作及成效
县应急管理局已向市应急管理局申请批准增设2个乡镇应急救援站，并报请县人民政府批准了年度执法计划。
二、下半年工作打算
持续深化隐患排查整治，全力做好防汛救灾准备。
以上报告，妥否，请批示。
清河县应急管理局
2024年7月10日
"""


def test_a_report_that_asks_for_instructions_is_an_error_once():
    found = lint_source(read_text(REPORT), LintSettings(select=["GW0"]))
    assert [(f.line, f.column, f.code, f.severity) for f in found] == [(10, 6, "GW004", "error")]


def test_a_report_that_tells_of_approvals_asked_elsewhere_is_clean():
    assert kind_findings(REPORT.replace("以上报告，妥否，请批示。", "特此报告。")) == []


def test_a_report_without_a_signer_in_its_head_is_warned():
    text = REPORT.replace("　　　　　　　　签发人：赵立新", "").replace("以上报告，妥否，请批示。", "特此报告。")
    assert kind_findings(text) == [(2, "GW015")]


LETTER = """\
清河县人民政府办公室
清政办函〔2024〕8号
关于商请支持清河县乡村振兴示范片区建设的函
市农业农村局：
我县以石桥镇、马庄乡、河西乡为核心，规划建设乡村振兴示范片区，现将有关事项函告如下。
一、将示范片区纳入全市重点培育名单，在政策、项目、资金等方面给予指导。
二、在高标准农田建设、农产品冷链物流等项目安排上给予倾斜。
以上事项请贵局研究。
清河县人民政府办公室
2024年5月20日
"""


def test_a_letter_closes_as_a_letter():
    assert kind_findings(LETTER) == []  # “请贵局研究” asks the addressee: a letter's closing
    assert kind_findings(LETTER.replace("以上事项请贵局研究。", "以上是我县的基本考虑。")) == [(8, "GW005")]
    assert kind_findings(LETTER.replace("以上事项请贵局研究。", "特此函告。")) == []


APPROVAL = """\
清河县人民政府文件
清政函〔2024〕3号
清河县人民政府关于同意县文化馆维修改造项目立项的批复
县文化广电和旅游局：
你局《关于县文化馆维修改造项目立项的请示》（清文旅〔2024〕12号）收悉。经研究，现批复如下：
一、同意县文化馆维修改造项目立项，改造面积约3200平方米。
二、项目总投资控制在380万元以内，资金由县级财政预算安排解决。
此复。
清河县人民政府
2024年3月25日
"""


def test_a_reply_cites_the_incoming_document_title_first():
    assert kind_findings(APPROVAL) == []
    reversed_ = APPROVAL.replace("你局《关于县文化馆维修改造项目立项的请示》（清文旅〔2024〕12号）收悉",
                                 "你局清文旅〔2024〕12号《关于县文化馆维修改造项目立项的请示》收悉")
    assert kind_findings(reversed_) == [(5, "GW007")]
    unbracketed = APPROVAL.replace("》（清文旅〔2024〕12号）", "》清文旅〔2024〕12号")
    assert kind_findings(unbracketed) == [(5, "GW007")]
    no_number = APPROVAL.replace("（清文旅〔2024〕12号）", "")
    assert kind_findings(no_number) == [(5, "GW006")]
    no_title = APPROVAL.replace("你局《关于县文化馆维修改造项目立项的请示》（清文旅〔2024〕12号）收悉", "你局的请示收悉")
    assert kind_findings(no_title) == [(5, "GW006")]


@pytest.mark.parametrize("line", [
    "根据《江州市人民政府关于加强安全生产工作的通知》（江政发〔2024〕5号）和国发〔2024〕1号文件精神，制定本方案。",
    "按照《关于做好防汛工作的通知》和清政发〔2024〕3号文件要求，现将有关事项通知如下。",
])
def test_citations_written_right_or_by_number_alone_are_clean(line):
    assert kind_findings(line) == []


def test_a_repealed_rule_is_warned_and_a_look_back_is_not():
    text = ("关于规范全县公文处理工作的通知\n各乡镇人民政府：\n"
            "各单位要严格执行《国家行政机关公文处理办法》，规范公文格式。\n"
            "对《中华人民共和国合同法》施行前签订的租赁合同，按原规定清理。\n"
            "原《国家行政机关公文处理办法》已停止执行，以《党政机关公文处理工作条例》为准。\n特此通知。")
    found = lint_source(read_text(text), LintSettings(select=["GW008"]))
    assert [(f.line, f.severity) for f in found] == [(3, "warning")]
    assert "2012年7月1日" in found[0].message and "党政机关公文处理工作条例" in found[0].message


SPEECH = """\
在全县防汛工作会议上的讲话
同志们：
今年汛期形势严峻，下面，我讲三点意见。
一、提高认识
要充分认识做好防汛工作的重要性。
二、突出重点
要重点抓好以下四个方面：
一是压实防汛责任。
二是加强隐患排查。
三是强化应急值守。
三、狠抓落实
各乡镇要做到三个到位：一是思想认识到位；二是责任落实到位；三是工作措施到位。
"""


def test_announced_counts_that_match_are_clean_and_those_that_do_not_are_errors():
    assert kind_findings(SPEECH) == [(7, "GW009")]
    assert kind_findings(SPEECH.replace("以下四个方面", "以下三个方面")) == []
    text = SPEECH.replace("以下四个方面", "以下三个方面").replace("我讲三点意见", "我讲两点意见")
    found = lint_source(read_text(text), LintSettings(select=["GW009"]))
    assert [(f.line, f.severity) for f in found] == [(3, "error")] and "3项" in found[0].message


@pytest.mark.parametrize("opening", [
    "主要有以下几点：",  # no number
    "全县共有三个乡镇。",  # a count of things, not an announcement
    "会议研究了三个方面的问题，形成以下意见。",  # not at the end of its paragraph
])
def test_what_is_not_an_announcement_is_left_alone(opening):
    text = f"关于防汛工作的意见\n{opening}\n一是压实防汛责任。\n二是加强隐患排查。\n"
    assert kind_findings(text) == []


def read_text(text: str):
    from gongwen.draft.source import source_from_text

    return source_from_text(text, "doc.txt")
