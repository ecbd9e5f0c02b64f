"""draft.roles: what each paragraph of a 公文 is, for the importer and the linter alike."""

from __future__ import annotations

import pytest

from gongwen.draft import roles as R
from gongwen.draft.roles import Line, assign
from gongwen.lint.context import Context
from gongwen.lint.textview import headings, roles as lint_roles
from gongwen.draft.source import source_from_text

NOTICE = """000123
机密★1年
特急
清河县人民政府文件
清政发〔2024〕5号
关于做好2024年安全生产工作的
通知

各乡镇人民政府，县直各有关单位：
为切实做好今年的安全生产工作，现将有关事项通知如下。
一、总体要求
坚持人民至上、生命至上。
（一）加强组织领导。各单位主要负责人是第一责任人。
1.明确责任清单
附件：1．安全生产工作要点
2．专项整治方案
清河县人民政府
2024年3月1日
（此件公开发布）
抄送：县委办公室，县人大常委会办公室。
清河县人民政府办公室 2024年3月1日印发"""

EXPECTED_NOTICE = [
    R.COPY_NUMBER, R.SECRECY, R.URGENCY, R.ISSUER, R.DOC_NUMBER, R.TITLE, R.TITLE, R.BLANK, R.RECIPIENT,
    R.BODY, R.HEADING, R.BODY, R.HEADING, R.HEADING, R.ATTACHMENT_NOTE, R.ATTACHMENT_ITEM,
    R.SIGNATURE, R.ISSUE_DATE, R.NOTE, R.CC, R.PRINTED,
]


def kinds(text: str):
    return [r.kind for r in assign([Line(t) for t in text.split("\n")])]


def test_a_red_header_notice_from_top_to_bottom():
    assert kinds(NOTICE) == EXPECTED_NOTICE


def test_headings_carry_level_marker_and_run_in_end():
    lines = NOTICE.split("\n")
    found = assign([Line(t) for t in lines])
    by_text = {t: r for t, r in zip(lines, found)}
    h2 = by_text["（一）加强组织领导。各单位主要负责人是第一责任人。"]
    assert (h2.level, h2.number, h2.marker.raw) == (2, 1, "（一）")
    assert lines[12][:h2.heading_end] == "（一）加强组织领导。"
    assert by_text["1.明确责任清单"].level == 3


def test_a_speech_front_and_closing_words():
    text = "在全县安全生产工作会议上的讲话\n——在2024年工作部署会上\n县长　周文博\n（2024年2月16日）\n同志们：\n今天召开会议。\n一、认清形势"
    assert kinds(text) == [R.TITLE, R.SUBTITLE, R.BYLINE, R.DATE_LINE, R.SALUTATION, R.BODY, R.HEADING]
    assert R.ADDRESS.match("同志们，让我们一起努力！") and R.THANKS.fullmatch("谢谢大家！")


def test_a_regulation_has_parts_and_articles():
    text = "清河县安全生产管理办法\n第一章　总则\n第一条　为了加强安全生产工作，制定本办法。\n（一）企业；\n第二节 附则\n第十二条 本办法自发布之日起施行。"
    found = assign([Line(t) for t in text.split("\n")])
    assert [r.kind for r in found] == [R.TITLE, R.PART, R.ARTICLE, R.ARTICLE_POINT, R.PART, R.ARTICLE]
    assert found[3].marker.raw == "（一）"  # a point of its article, keeping its marker
    assert (found[1].level, found[1].number) == (2, 1)
    assert (found[4].level, found[5].number) == (3, 12)


@pytest.mark.parametrize("text,kind", [
    ("一、二季度经济运行平稳。", R.BODY),     # a numeral list, not a heading
    ("3、4月份完成检查。", R.BODY),            # counting months
    ("附件2", R.ATTACHMENT_LABEL),
    ("（此件公开发布）", R.NOTE),
    ("第一，加强领导。", R.SERIES),
    ("一是压实责任。", R.SERIES),
    ("（##paidbegin##三）加强宣传", R.HEADING),  # a garbled marker is still a heading
])
def test_single_paragraphs_in_the_body(text, kind):
    assert kinds("正文第一段，不是标题。\n" + text)[1] == kind


def test_docx_hints_decide_a_title_and_the_issuer():
    lines = [Line("清河县人民政府", align="center", red=True),
             Line("安全生产专项整治", align="center", look=("title", 44)),
             Line("三年行动实施方案", align="center", look=("title", 44)),
             Line("县应急管理局", align="center", look=("byline", 32)),
             Line("各乡镇：")]
    assert [r.kind for r in assign(lines)] == [R.ISSUER, R.TITLE, R.TITLE, R.BYLINE, R.RECIPIENT]
    # a left-aligned first line must read as a title by its words
    assert assign([Line("安全生产专项整治", align="left"), Line("正文。")])[0].kind == R.BODY
    assert assign([Line("关于安全生产的通知", align="left"), Line("正文。")])[0].kind == R.TITLE


def test_lint_reads_roles_through_markdown_syntax():
    ctx = Context(source_from_text("# 关于做好安全生产工作的通知\n\n**一、总体要求**\n附件：1. 工作要点\n2. 整治方案", fmt="md"))
    assert [r.kind for r in lint_roles(ctx)][:3] == [R.TITLE, R.BLANK, R.HEADING]
    found = headings(ctx)
    assert [(h.level, h.para.text[h.start:h.end]) for h in found] == [(1, "一、")]
