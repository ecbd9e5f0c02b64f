"""The annual cycle marks figures of the year, not names, codes, references or rules.

A corpus of phrases, each with the numbers that are facts of last year (to be marked
``【核实：…】``) and those that are not; precision and recall are measured over all of them.
"""

from __future__ import annotations

import pytest

from gongwen.importer.newdoc import MARK_RE, from_last, mark_figures
from gongwen.importer.yearfacts import kept_spans, why_kept
from gongwen.content import loader

#: (phrase, the marked spans it should give, in order).  Kept numbers are listed in the comments.
CORPUS = [
    # names: dates as names, quoted names, letter-digit names, hotlines
    ("妥善应对“7·12”特大暴雨，转移群众1.2万人", ["1.2万"]),
    ("围绕“3·15”国际消费者权益日开展宣传", []),
    ("5·12汶川地震后修订了应急预案", []),
    ("拨打12345政务服务热线反映诉求", []),
    ("“12345”热线共受理群众诉求8.6万件", ["8.6万"]),
    ("推行“1+N”帮扶模式", []),
    ("新建5G基站1260个", ["1260"]),
    ("创成国家4A级旅游景区2家", ["2"]),
    ("全年火警119接警次数下降12%", ["12%"]),
    # codes: cited 发文字号, phones, postcodes, accounts
    ("根据《关于加强防汛工作的通知》（清政发〔2024〕12号）要求", []),
    ("按照江政办发〔2023〕45号文件精神，全县完成整治任务36项", ["36"]),
    ("联系电话：0763-5512345", []),
    ("联系人：王明，手机13912345678", []),
    ("传真：5512346，邮编：511500", []),
    ("单位账号为440512345678901", []),
    # references: articles, ordinals, plan periods, addresses
    ("依照本办法第五条第3款的规定处理", []),
    ("违反第12条规定的，责令改正", []),
    ("“十四五”规划（2021—2025年）中期评估", []),
    ("县人民政府第2次全体会议审议通过", []),
    ("在县政府3号楼301室办理", []),
    ("全县综合考核排名第3位", ["3"]),
    # rules: durations, frequencies, validity, ages, recurring dates
    ("实行24小时值班和领导带班制度", []),
    ("7×24小时在线受理", []),
    ("收到申请后3个工作日内办结", []),
    ("应当在15日内书面答复", []),
    ("每周1次调度会商", []),
    ("每月至少开展2次安全检查", []),
    ("每2小时巡查一次堤防", []),
    ("每年6月为全国安全生产月", []),
    ("事故发生后1小时内上报", []),
    ("会议通知须提前2个工作日送达", []),
    ("证书有效期3年", []),
    ("年满18周岁的村民均可参加", []),
    ("60岁以上老年人口达3.2万人", ["3.2万"]),
    ("为期3个月的专项整治行动", []),
    # figures of the year: counts, amounts, percentages, years, dates, relative years
    ("全县地区生产总值增长9.2%", ["9.2%"]),
    ("追回劳动报酬86.5万元", ["86.5万元"]),
    ("新增城镇就业4860人，城镇登记失业率控制在3.2%以内", ["4860", "3.2%"]),
    ("完成固定资产投资128.6亿元", ["128.6亿元"]),
    ("2024年全县共发生生产安全事故12起", ["2024年", "12"]),
    ("今年3月以来", ["今年", "3月"]),
    ("其中7月12日至14日的强降雨", ["7月12日至14日"]),
    ("累计值班720小时", ["720"]),
    ("办理时限压缩至3个工作日内", ["3"]),
    ("去年排查隐患4860余项，整改率98.6%", ["去年", "4860", "98.6%"]),
    ("收入在4000～6000元的占52.7%", ["4000～6000元", "52.7%"]),
    ("全县现有规模以上工业企业126家", ["126"]),
    ("森林覆盖率提高0.8个百分点", ["0.8"]),
    ("于2024年5月31日前报送", ["2024年5月31日"]),
    ("二〇二四年工作要点", ["二〇二四年"]),
    # written after the classes were settled, as a held-out check
    ("有效处置“8·19”森林火灾", []),
    ("自收到之日起30日内作出决定", []),
    ("每季度召开1次联席会议", []),
    ("全天24小时不间断监测", []),
    ("落实“1小时救援圈”", []),
    ("全年开展执法检查326次", ["326"]),
    ("受理投诉1.8万件，办结率99.2%", ["1.8万", "99.2%"]),
    ("全年组织应急演练15场", ["15"]),
    ("6月1日起施行", ["6月1日"]),
]

#: The phrases whose number is a name, code, reference or rule, with the class that keeps it.
KEPT_CLASS = [
    ("7·12特大暴雨", "7", "以日期为名"),
    ("“12345”热线", "12345", "引号中的名称"),
    ("清政发〔2024〕12号", "2024", "发文字号"),
    ("第3款", "3", "条款或序次"),
    ("24小时值班", "24", "值守时长"),
    ("每周1次", "1", "频次"),
    ("3个工作日内", "3", "时限"),
    ("0763-5512345", "0763", "电话号码"),
]


def marked_spans(text: str):
    return [m.group(0)[len("【核实："):-1] for m in MARK_RE.finditer(mark_figures(text)[0])]


def test_corpus_precision_and_recall():
    assert len(CORPUS) >= 40
    right = wrong = missed = 0
    misses = []
    for phrase, wanted in CORPUS:
        got = marked_spans(phrase)
        hits = sum(min(got.count(w), wanted.count(w)) for w in set(wanted))
        right += hits
        wrong += len(got) - hits
        missed += len(wanted) - hits
        if got != wanted:
            misses.append((phrase, got, wanted))
    precision = right / (right + wrong)
    recall = right / (right + missed)
    kept_right = sum(1 for phrase, wanted in CORPUS if not wanted and not marked_spans(phrase))
    print(f"\nannual cycle marks: precision {precision:.3f}, recall {recall:.3f}, "
          f"{kept_right}/{sum(1 for _, w in CORPUS if not w)} phrases with nothing to mark left alone")
    assert precision >= 0.95 and recall >= 0.95, misses
    assert not misses, misses


@pytest.mark.parametrize("phrase,number,why", KEPT_CLASS)
def test_each_kept_number_names_its_class(phrase, number, why):
    start = phrase.index(number)
    assert why_kept(phrase, start, start + len(number)) == why


def test_a_count_before_a_rule_word_is_still_a_figure():
    assert why_kept("累计值班720小时", 4, 7) == ""
    assert not [s for s in kept_spans("办理时限压缩至3个工作日内") if s[2] == "时限"]


def test_from_last_keeps_names_and_rules_in_yaml(tmp_path):
    last = tmp_path / "2024.yaml"
    last.write_text("""\
kind: 讲话稿
title: 在全县2024年防汛工作总结会议上的讲话
date: 2024-11-20
sections:
  - heading: 全力应对“7·12”特大暴雨
    paragraphs:
      - 我们实行24小时值班，按照清政发〔2024〕12号文件要求，转移群众1.2万人，直接经济损失下降36.5%。
      - 险情须在1小时内上报，联系电话0763-5512345。
""", encoding="utf-8")
    made = from_last(last)
    doc = loader.loads(made.text)
    assert doc.sections[0].heading == "全力应对“7·12”特大暴雨"
    assert doc.sections[0].paragraphs == [
        "我们实行24小时值班，按照清政发〔2024〕12号文件要求，转移群众【核实：1.2万】人，直接经济损失下降【核实：36.5%】。",
        "险情须在1小时内上报，联系电话0763-5512345。"]
    assert made.marks == 3  # the title's year, and the two figures
