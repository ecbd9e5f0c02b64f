"""gongwen import: paragraphs → content model, one structure at a time, faults as warnings."""

from __future__ import annotations

import pytest

from gongwen.content import loader
from gongwen.content.dumper import dump
from gongwen.errors import ImportFailure
from gongwen.importer import Line, import_file
from gongwen.importer.read import markdown_paragraphs
from gongwen.importer.probe import expected_paragraphs
from gongwen.importer.kinds import guess_kind, part_of
from gongwen.importer.outline import import_paragraphs


def imp(text: str, kind=None):
    lines = [Line(i, t) for i, t in enumerate(text.split("\n"), 1)]
    return import_paragraphs(lines, kind=kind, path="t.txt")


def back(result):
    """The paragraphs gongwen build writes for the imported model."""
    return expected_paragraphs(result.document)


def source(text):
    return [t.strip() for t in text.split("\n") if t.strip()]


def warned(result, fragment, line=None):
    return any(fragment in w.message and (line is None or w.line == line) for w in result.warnings)


def reloads(result):
    """The YAML written for the model loads back to the same model."""
    doc = result.document
    again = loader.loads(dump(doc), "t.yaml")
    again.path, again.warnings = doc.path, doc.warnings
    assert again == doc
    return again


SPEECH = """\
在全县2023年安全生产工作会议上的讲话
县委副书记、县长　周文博
（2023年2月16日）
同志们：
今天召开全县安全生产工作会议。下面，我讲三点意见。
一、保持清醒头脑
过去一年，全县安全生产形势总体平稳。
（一）从外部环境看，风险隐患交织叠加。今年是全面贯彻落实党的二十大精神的开局之年。
（二）健全责任体系
各级要明确责任。
1.明确责任清单。列出清单。
（1）定期通报。每月通报一次。
（2）严格考核
2.压实企业责任
二、突出重点领域
今年要聚焦重点行业领域。
一是紧盯道路交通安全。道路交通事故占比最大。
二是严抓危险化学品安全，全面开展风险评估。
三、压实各方责任
安全生产，责任重于泰山。在具体工作中，要做到三个“到位”：一是检查到位；二是执法到位；三是整改到位。
四、强化保障
第一，加大投入。
第二，强化考核。
同志们，安全生产一丝一毫不能放松！
谢谢大家！"""


def test_a_speech_comes_back_paragraph_for_paragraph():
    r = imp(SPEECH)
    assert back(r) == source(SPEECH)
    assert r.warnings == []
    reloads(r)


def test_speech_structure():
    doc = imp(SPEECH).document
    assert (doc.kind, doc.title, doc.byline, doc.date, doc.salutation) == (
        "speech", "在全县2023年安全生产工作会议上的讲话", "县委副书记、县长　周文博", "2023年2月16日", "同志们：")
    assert doc.opening == ["今天召开全县安全生产工作会议。下面，我讲三点意见。"]
    first, second, third, fourth = doc.sections
    assert first.heading == "保持清醒头脑" and first.paragraphs == ["过去一年，全县安全生产形势总体平稳。"]
    run_in, standalone = first.points
    assert run_in.heading == "从外部环境看，风险隐患交织叠加" and run_in.is_run_in
    assert standalone.heading == "健全责任体系" and not standalone.is_run_in
    assert standalone.text == ["各级要明确责任。"]
    level3 = standalone.points
    assert [p.heading for p in level3] == ["明确责任清单", "压实企业责任"]
    assert [p.heading for p in level3[0].points] == ["定期通报", "严格考核"]
    assert [(i.lead, i.text) for i in second.series.items] == [
        ("紧盯道路交通安全", "道路交通事故占比最大。"), ("", "严抓危险化学品安全，全面开展风险评估。")]
    assert third.paragraphs == [] and third.series.inline
    assert third.series.lead_in == "安全生产，责任重于泰山。在具体工作中，要做到三个“到位”："
    assert [i.text for i in third.series.items] == ["检查到位", "执法到位", "整改到位"]
    assert fourth.series.style == "第一" and [i.text for i in fourth.series.items] == ["加大投入。", "强化考核。"]
    assert doc.closing == ["同志们，安全生产一丝一毫不能放松！", "谢谢大家！"]


def test_text_is_kept_character_for_character():
    text = ("关于全市*情况的调研报告\n"
            "一、主要做法\n"
            "截至*年*月，全市制造业从业人员XX万人,有技术等级的仅*万人。。\n"
            "（一）加强组织领导。成立了领导小組，【待补充】 {{ year }} <b>。\n")
    r = imp(text)
    assert back(r) == source(text)
    assert r.document.sections[0].paragraphs == ["截至*年*月，全市制造业从业人员XX万人,有技术等级的仅*万人。。"]
    assert r.document.sections[0].points[0].text == ["成立了领导小組，【待补充】 {{ year }} <b>。"]
    reloads(r)


def test_report_parts_are_mapped_by_heading():
    text = ("关于新就业形态劳动者权益保障情况的调研报告\n清河县总工会调研组\n（2023年9月20日）\n"
            "为了解情况，开展了调研。\n一、主要做法及成效\n做了大量工作。\n二、存在的问题\n问题不少。\n"
            "三、对策建议\n提出建议。\n四、下一步工作打算\n继续跟踪。")
    r = imp(text)
    doc = r.document
    assert doc.kind == "report" and "调研报告" in r.kind_reason
    assert doc.byline == "清河县总工会调研组" and doc.opening == ["为了解情况，开展了调研。"]
    assert [s.part for s in doc.sections] == ["achievements", "problems", "recommendations", ""]
    yaml_text = dump(doc)
    assert "achievements:\n  paragraphs:" in yaml_text  # the default heading is left out
    assert "recommendations:\n  heading: 对策建议" in yaml_text
    assert "sections:\n  - heading: 下一步工作打算" in yaml_text
    assert back(r) == source(text)
    reloads(r)


def test_report_parts_keep_their_order():
    # 基本情况 first: the three parts cannot move before it, so everything stays in sections
    text = ("关于课后服务的调研报告\n一、基本情况\n全市学校全覆盖。\n二、主要成效\n成效明显。\n"
            "三、存在问题\n问题不少。\n四、意见建议\n提出建议。")
    r = imp(text)
    assert [s.part for s in r.document.sections] == ["", "", "", ""]
    assert warned(r, "为保持原文顺序")
    assert back(r) == source(text)
    reloads(r)


@pytest.mark.parametrize("heading,part", [
    ("主要做法及成效", "achievements"), ("工作举措", "achievements"), ("存在的问题", "problems"),
    ("困难和不足", "problems"), ("意见和建议", "recommendations"), ("对策思考", "recommendations"),
    ("问题及对策", "problems"), ("基本情况", None)])
def test_part_keywords(heading, part):
    assert part_of(heading) == part


@pytest.mark.parametrize("title,salutation,headings,kind,why", [
    ("关于课后服务的调研报告", "", [], "report", "调研报告"),
    ("", "同志们：", [], "speech", "同志们："),
    ("在全市工作会议上的讲话", "", [], "speech", "讲话"),
    ("关于课后服务情况", "", ["主要成效", "存在问题", "意见建议"], "report", "成效"),
    ("课后服务", "", ["基本情况"], "speech", "没有明显特征"),
])
def test_kind_is_guessed_with_a_reason(title, salutation, headings, kind, why):
    got, reason = guess_kind(title, salutation, headings)
    assert got == kind and why in reason


def test_kind_given_is_not_guessed():
    r = imp("某某会议材料\n一、总体情况\n有关情况。", kind="report")
    assert r.document.kind == "report" and not r.kind_guessed


def test_salutation_of_a_report_stays_text():
    r = imp("关于某事的调研报告\n各位领导：\n一、主要成效\n成效明显。", kind="report")
    assert r.document.opening == ["各位领导："] and r.document.salutation == ""
    reloads(r)


# --- faults become warnings, the import completes ------------------------------------------


def test_gap_in_numbering_is_a_warning_with_its_line():
    text = "讲话\n一、第一部分\n正文。\n三、第三部分\n正文。\n（一）甲\n（三）丙"
    r = imp(text)
    assert warned(r, "序号不连续", line=4) and warned(r, "序号不连续", line=7)
    assert [s.heading for s in r.document.sections] == ["第一部分", "第三部分"]
    assert back(r)[3] == "二、第三部分"  # renumbered


def test_non_standard_markers_are_normalised_with_a_warning():
    text = "讲话\n一.总体要求\n正文。\n(一)加强领导\n1、明确责任\n（1）、定期通报"
    r = imp(text)
    assert warned(r, "“一.”写法不规范", line=2) and warned(r, "写作“（一）”", line=4)
    assert warned(r, "写作“1.”", line=5) and warned(r, "写作“（1）”", line=6)
    assert back(r)[1:] == ["一、总体要求", "正文。", "（一）加强领导", "1.明确责任", "（1）定期通报"]


def test_garbled_marker_is_read_through_with_a_warning():
    r = imp("讲话\n一、总体要求\n（##paidbegin##一）加强领导。成立了小组。")
    assert warned(r, "乱码", line=3)
    point = r.document.sections[0].points[0]
    assert (point.heading, point.text) == ("加强领导", ["成立了小组。"])


def test_level3_house_variant_is_mentioned_once():
    r = imp("讲话\n一、总体要求\n（一）加强领导\n1．明确责任\n2．压实责任")
    assert sum("level3" in w.message for w in r.warnings) == 1


def test_skipped_level_and_inversion():
    r = imp("讲话\n（一）开头的二级标题\n一、总体要求\n1.跳过了二级")
    assert warned(r, "层次倒置", line=2) and warned(r, "跳级", line=4)
    assert r.document.opening == ["（一）开头的二级标题"]  # kept as typed
    assert r.document.sections[0].points[0].heading == "跳过了二级"


def test_siblings_of_a_skipped_level_stay_siblings():
    r = imp("讲话\n一、总体要求\n1.加强领导。\n2.完善制度。\n（一）压实责任\n1.明确清单\n（1）定期通报\n（2）严格考核")
    points = r.document.sections[0].points
    assert [p.heading for p in points] == ["加强领导。", "完善制度。", "压实责任"]
    assert [p.heading for p in points[2].points] == ["明确清单"]
    assert [p.heading for p in points[2].points[0].points] == ["定期通报", "严格考核"]
    assert sum("跳级" in w.message for w in r.warnings) == 2 and warned(r, "不连续", line=5)
    assert back(r)[2:5] == ["（一）加强领导。", "（二）完善制度。", "（三）压实责任"]


def test_greedy_matching_for_very_long_documents():
    from gongwen.importer.probe import matched

    source = ["同一段。"] * 2001 + ["甲"]
    assert matched(source, ["同一段。"] * 2001 + ["乙"]) == set(range(2001))
    assert matched(["甲", "乙", "丙"], ["甲", "丁", "丙"]) == {0, 2}


def test_text_after_a_series_is_its_after():
    text = "讲话\n一、总体要求\n要做到：\n一是加强领导。\n二是完善制度。\n总之，要抓好落实。"
    r = imp(text)
    section = r.document.sections[0]
    assert [i.text for i in section.series.items] == ["加强领导。", "完善制度。"]
    assert section.paragraphs == ["要做到："] and section.after == ["总之，要抓好落实。"]
    assert r.warnings == [] and back(r) == source(text)
    reloads(r)


def test_a_second_series_after_text_is_kept_as_typed():
    text = "讲话\n一、总体要求\n一是加强领导。\n二是完善制度。\n同时：\n一是抓检查。\n二是抓整改。"
    r = imp(text)
    section = r.document.sections[0]
    assert section.paragraphs == ["一是加强领导。", "二是完善制度。", "同时："]
    assert [i.text for i in section.series.items] == ["抓检查。", "抓整改。"]
    assert warned(r, "一部分只有一个系列", line=3)
    assert back(r) == source(text)


def test_series_gap_and_punctuation_after_opener():
    r = imp("讲话\n一、总体要求\n一是加强领导。\n三是，完善制度。")
    assert warned(r, "系列序号不连续", line=4)
    assert back(r)[-2:] == ["一是加强领导。", "二是完善制度。"]  # the opener's comma is the marker's


def test_inline_series_that_would_not_regenerate_stays_text():
    # commas between the items: regenerating with ；would change the text
    text = "讲话\n一、总体要求\n要做到：一是加强领导，二是完善制度，三是强化考核。"
    r = imp(text)
    assert r.document.sections[0].series is None
    assert back(r) == source(text)


def test_words_that_start_like_series_are_text():
    text = "讲话\n一、总体要求\n第一书记要带头。\n第一次会议已经召开。\n一、二季度经济平稳。\n3、4月份降雨偏多。"
    r = imp(text)
    assert r.document.sections[0].paragraphs == source(text)[2:]
    assert back(r) == source(text)


def test_title_byline_date_variants():
    r = imp("在全市工作会议上的讲话。\n二〇二三年二月十六日\n张某某\n同志们：\n一、总体要求\n正文。")
    doc = r.document
    assert doc.title == "在全市工作会议上的讲话" and warned(r, "标题末尾不加标点")
    assert doc.date == "2023年2月16日" and warned(r, "（2023年2月16日）")
    assert doc.byline == "张某某" and warned(r, "署名行在日期行之后")


@pytest.mark.parametrize("first,second,title", [
    ("关于全市中小学课后服务开展情况的", "调研报告", "关于全市中小学课后服务开展情况的调研报告"),
    ("在全市2023年防汛抗旱工作会议上", "的讲话", "在全市2023年防汛抗旱工作会议上的讲话"),
    ("关于新就业形态劳动者权益保障情况的", "调查与思考", "关于新就业形态劳动者权益保障情况的调查与思考"),
])
def test_a_title_broken_into_two_paragraphs_is_joined(first, second, title):
    r = imp(f"{first}\n{second}\n县总工会调研组\n一、主要成效\n成效明显。")
    assert r.document.title == title and r.document.byline == "县总工会调研组"
    assert warned(r, "标题分成了两段", line=2)


def test_a_whole_title_keeps_its_byline():
    r = imp("在全市工作会议上的讲话\n张某某\n同志们：\n一、总体要求\n正文。")
    assert r.document.title == "在全市工作会议上的讲话" and r.document.byline == "张某某"


def test_missing_title_and_missing_sections_still_import():
    r = imp("同志们：\n今天开会。\n大家辛苦了。")
    doc = r.document
    assert doc.title == "【待补充】" and warned(r, "没有找到标题")
    assert [s.heading for s in doc.sections] == ["【待补充】"] and warned(r, "没有找到一级标题")
    assert doc.sections[0].paragraphs == ["今天开会。", "大家辛苦了。"]
    reloads(r)


def test_report_signature_at_the_end_stays_there():
    text = "关于某事的调研报告\n一、主要成效\n成效明显。\n二、存在问题\n问题不少。\n县总工会调研组\n2023年9月20日"
    r = imp(text)
    doc = r.document
    assert (doc.byline, doc.signature, doc.date) == ("", ["县总工会调研组"], "2023年9月20日")
    assert doc.sections[-1].paragraphs == ["问题不少。"] and r.warnings == []
    assert back(r) == source(text)
    reloads(r)


def test_speech_signature_at_the_end_moves_under_the_title():
    r = imp("在全县工作会议上的讲话\n一、总体要求\n正文。\n县长　周文博\n2023年9月20日")
    doc = r.document
    assert (doc.byline, doc.date) == ("县长　周文博", "2023年9月20日") and warned(r, "落款")


def test_heading_only_marker_and_empty_item():
    r = imp("讲话\n一、\n正文。\n（一）\n一是")
    assert warned(r, "只有序号", line=2) and warned(r, "只有序号", line=4) and warned(r, "后没有内容", line=5)
    reloads(r)


def test_empty_input_fails():
    with pytest.raises(ImportFailure):
        imp("\n　　\n")


# --- files --------------------------------------------------------------------------------


def test_markdown_syntax_is_not_text(tmp_path):
    md = tmp_path / "讲话.md"
    md.write_text("# 在全市工作会议上的讲话\n\n同志们：\n\n今天召开会议，\n研究部署工作。\n\n"
                  "## 一、总体要求\n\n**一是**加强领导。\n\n> 二是完善制度。\n", encoding="utf-8")
    doc = import_file(md).document
    assert doc.title == "在全市工作会议上的讲话" and doc.opening == ["今天召开会议，研究部署工作。"]
    assert [i.text for i in doc.sections[0].series.items] == ["加强领导。", "完善制度。"]
    assert markdown_paragraphs([(1, "- 甲"), (2, "- 乙")])[1].text == "乙"


def test_docx_line_breaks_tables_and_labels(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("在全市工作会议上的讲话")
    d.add_paragraph("一、总体要求")
    p = d.add_paragraph("第一行")
    p.add_run().add_break()
    p.add_run("第二行")
    d.add_table(rows=1, cols=1).cell(0, 0).text = "表格里的字"
    path = tmp_path / "a.docx"
    d.save(path)
    r = import_file(path)
    from gongwen.content.model import Table

    assert r.document.sections[0].paragraphs == ["第一行第二行", Table(rows=[["表格里的字"]])]
    assert warned(r, "手动换行", line=3) and not warned(r, "表格")


def test_yaml_and_unreadable_files_are_refused(tmp_path):
    from gongwen.errors import GongwenError

    y = tmp_path / "a.yaml"
    y.write_text("kind: speech\n", encoding="utf-8")
    with pytest.raises(GongwenError, match="YAML"):
        import_file(y)
    with pytest.raises(GongwenError):
        import_file(tmp_path / "missing.docx")
