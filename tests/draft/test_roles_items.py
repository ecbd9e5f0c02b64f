"""draft.roles: numbered items that are not headings (Role.item) and elements wrapped over
several paragraphs (Role.wraps)."""

from __future__ import annotations

from gongwen.draft import roles as R
from gongwen.draft.roles import Line, assign


def _roles(text):
    return assign([Line(t) for t in text.split("\n")])


def _items(text):
    return [(r.kind, r.item) for r in _roles(text) if r.kind in (R.HEADING, R.ARTICLE_POINT)]


def test_a_list_of_entries_is_items():
    text = """申请食品经营许可，应当提交下列材料：
（一）申请单位企业法人营业执照复印件。
（二）法定代表人身份证明复印件。
（三）其他应当公开的重要信息。
各所要严格审核，及时办结。"""
    assert _items(text) == [(R.HEADING, True)] * 3


def test_a_sentence_is_an_item_on_its_own():
    text = "一、总体要求\n三、违反本通告规定，在禁止燃放区域内燃放烟花爆竹的，由公安机关依照有关规定予以处罚。"
    assert _items(text) == [(R.HEADING, False), (R.HEADING, True)]


def test_a_heading_with_text_under_it_is_no_item():
    text = """一、工作开展情况。
今年以来，我局组织技术人员深入田间地头指导春耕。
二、存在的问题。
部分乡镇农资储备不足。"""
    assert _items(text) == [(R.HEADING, False), (R.HEADING, False)]


def test_run_in_headings_and_headings_without_a_mark_are_no_items():
    text = """（一）加强组织领导。成立了工作专班，定期研究推进。
（二）强化督促检查。县政府督查室每月通报一次。
（三）严格考核问效
（四）营造良好氛围"""
    assert _items(text) == [(R.HEADING, False)] * 4


def test_a_lone_short_heading_with_a_period_is_no_item():
    assert _items("一、存在的问题。") == [(R.HEADING, False)]
    assert _items("一、总体要求\n二、存在的问题。") == [(R.HEADING, False)] * 2


def test_points_of_an_article_are_items():
    text = """第三条　有下列情形之一的，不得砍伐城市树木：
（一）位于居住区内的；
（二）树龄超过五十年的。"""
    assert _items(text) == [(R.ARTICLE_POINT, True)] * 2


def test_wrapped_recipient_and_attachment_name():
    text = """清河县人民政府办公室
关于印发农村人居环境整治实施方案的通知
各乡镇人民政府，县直各有关单位，
县属各国有企业：
现将实施方案印发给你们，请认真贯彻执行。
附件：1．《清河县关于进一步加强农村人居环境整治
工作的实施方案》
2．清河县农村人居环境整治任务分工表
清河县人民政府办公室
2026年3月1日"""
    got = [(r.kind, r.wraps) for r in _roles(text)]
    assert got[2:8] == [(R.RECIPIENT, False), (R.RECIPIENT, True), (R.BODY, False),
                        (R.ATTACHMENT_NOTE, False), (R.ATTACHMENT_ITEM, True), (R.ATTACHMENT_ITEM, False)]


def test_title_lines_after_the_first_wrap():
    text = "关于做好2026年安全生产工作的\n通知\n各乡镇人民政府："
    assert [(r.kind, r.wraps) for r in _roles(text)] == [(R.TITLE, False), (R.TITLE, True), (R.RECIPIENT, False)]


def test_a_recipient_line_ending_in_a_comma_before_body_text_is_not_wrapped():
    text = "关于做好春耕生产工作的通知\n各乡镇人民政府，\n今年春耕形势总体良好。"
    assert [r.kind for r in _roles(text)][:2] == [R.TITLE, R.BODY]
