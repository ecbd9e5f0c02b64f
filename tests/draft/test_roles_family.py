"""draft.roles on the red-header family: 信函 and 纪要 heads, the 落款 before 附件 pages, the titles
of those pages, attendance lists, a 主送 moved to the 版记, a subtitle under a wrapped title."""

from __future__ import annotations

from gongwen.draft import roles as R
from gongwen.draft.roles import Line, assign


def kinds(text: str):
    return [r.kind for r in assign([Line(t) for t in text.split("\n")])]


def test_a_letter_head_without_wenjian():
    text = "清河县人民政府办公室\n清政办函〔2024〕8号\n关于商请支持的函\n市农业农村局：\n正文。"
    assert kinds(text) == [R.ISSUER, R.DOC_NUMBER, R.TITLE, R.RECIPIENT, R.BODY]


def test_a_minutes_mark_over_its_issue_number():
    text = "清河县人民政府常务会议纪要\n第5期\n关于研究防汛工作的会议纪要\n会议认为，防汛形势严峻。"
    assert kinds(text) == [R.ISSUER, R.DOC_NUMBER, R.TITLE, R.BODY]


def test_an_upward_number_and_signer_on_one_line():
    text = "清河县教育局文件\n清教发〔2024〕15号　　　签发人：王建华\n关于申请资金的请示\n县人民政府：\n正文。"
    assert kinds(text)[:4] == [R.ISSUER, R.SIGNER, R.TITLE, R.RECIPIENT]


def test_the_signature_before_attachment_pages_and_their_titles():
    text = ("关于做好防汛工作的通知\n各乡镇：\n正文。\n附件：1.防汛责任人名单\n2.物资清单\n清河县人民政府\n2024年3月1日\n"
            "（此件公开发布）\n附件1\n关于落实防汛责任人的\n工作方案\n一、县级\n周文博。\n附件2\n物资清单\n冲锋舟5艘。\n"
            "抄送：市人民政府办公室。\n清河县人民政府办公室　　2024年3月1日印发")
    assert kinds(text) == [
        R.TITLE, R.RECIPIENT, R.BODY, R.ATTACHMENT_NOTE, R.ATTACHMENT_ITEM, R.SIGNATURE, R.ISSUE_DATE, R.NOTE,
        R.ATTACHMENT_LABEL, R.ATTACHMENT_TITLE, R.ATTACHMENT_TITLE, R.HEADING, R.BODY,
        R.ATTACHMENT_LABEL, R.ATTACHMENT_TITLE, R.BODY, R.CC, R.PRINTED]


def test_attendance_and_a_recipient_in_the_record():
    text = ("县政府常务会议纪要\n会议研究了防汛工作。\n出席：周文博、李卫东\n请假：刘海峰\n列席人员：县水利局\n"
            "主送：各乡镇人民政府。\n抄送：县委办公室。")
    assert kinds(text) == [R.TITLE, R.BODY, R.ATTENDANCE, R.ATTENDANCE, R.ATTENDANCE, R.RECIPIENT, R.CC]
    assert R.ATTENDANCE_RE.match("列席人员：县水利局").group("label") == "列席"


def test_a_subtitle_is_not_more_of_the_title():
    text = "凝心聚力　奋力开创新局面\n——在全县农村工作会议上的讲话\n县委副书记　李卫东\n同志们：\n今天开会。"
    assert kinds(text) == [R.TITLE, R.SUBTITLE, R.BYLINE, R.SALUTATION, R.BODY]


def test_the_notice_of_the_speech_and_report_tests_keeps_its_roles():
    # without pages, the 落款 is still read from the end, after the 版记 and 附注
    text = "关于某事的通知\n正文。\n清河县人民政府\n2024年3月1日\n（此件公开发布）\n抄送：县委办公室。"
    assert kinds(text) == [R.TITLE, R.BODY, R.SIGNATURE, R.ISSUE_DATE, R.NOTE, R.CC]


def test_joint_signatures_are_right_aligned_lines_over_the_date():
    lines = [Line("关于联合开展防汛检查的通知"), Line("正文。"), Line("清河县人民政府", align="right"),
             Line("清河县人民武装部", align="right"), Line("2024年5月6日", align="right")]
    assert [r.kind for r in assign(lines)] == [R.TITLE, R.BODY, R.SIGNATURE, R.SIGNATURE, R.ISSUE_DATE]
    # without the looks of a .docx, only the line over the date signs
    assert kinds("关于某事的通知\n正文。\n清河县人民政府\n清河县人民武装部\n2024年5月6日")[2:] == [
        R.BODY, R.SIGNATURE, R.ISSUE_DATE]
