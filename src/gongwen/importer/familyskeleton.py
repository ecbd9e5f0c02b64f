"""The skeletons of the red-header family (``gongwen new 通知`` …), made from one outline.

Every kind gets the same parts in the order of the content model — 版头, title, 主送, body,
附件, 署名, 附注, 版记 — with what its form decides (:data:`gongwen.content.schema.FORMS`):
签发人 for 上行文, the cited incoming document for replies, articles for 办法/规定/细则, the
纪要标志 and attendance for 纪要, no 印发 line for 函.  The words are short, realistic
placeholders; optional keys are there as comments.
"""

from __future__ import annotations

from typing import Callable, Dict, List, NamedTuple

from gongwen.content.schema import FORMS, KIND_NAMES, TEMPLATE_OF


class Words(NamedTuple):
    """What a kind says: its title, 主送, opening and closing."""

    title: str
    recipients: str = "各乡镇人民政府、县直各有关单位"
    opening: str = "为【待补充：发文目的】，现就有关事项通知如下。"
    closing: str = ""
    note: str = "（此件公开发布）"


_CONTACT = "（联系人：【待补充：姓名】，电话：【待补充：号码】）"
WORDS: Dict[str, Words] = {
    "notice": Words("关于【待补充：事项】的通知", closing="特此通知。"),
    "request": Words("关于【待补充：请示事项】的请示", "【待补充：上级机关】",
                     "【待补充：请示的缘由和依据】现将有关情况请示如下。", "妥否，请批示。", _CONTACT),
    "work_report": Words("关于【待补充：报告事项】情况的报告", "【待补充：上级机关】",
                         "【待补充：工作的基本情况】现将有关情况报告如下。", "特此报告。", ""),
    "letter": Words("关于【待补充：商洽事项】的函", "【待补充：受文机关】",
                    "为【待补充：事由】，现将有关事项函告如下。", "请予支持为盼。", _CONTACT),
    "minutes": Words("关于【待补充：会议议题】的会议纪要", "",
                     "{year}年【待补充：月日】，【待补充：主持人】主持召开【待补充：会议名称】，研究了"
                     "【待补充：议题】。现将会议议定事项纪要如下：", "", ""),
    "opinion": Words("关于【待补充：事项】的实施意见", opening="为【待补充：目的】，结合本地实际，现提出如下意见。"),
    "plan": Words("【待补充：工作名称】工作方案", "", "为【待补充：目的】，结合本地实际，制定本方案。", "", ""),
    "measures": Words("【待补充：事项】管理办法", "", "", "", ""),
    "provisions": Words("【待补充：事项】若干规定", "", "", "", ""),
    "rules": Words("【待补充：事项】实施细则", "", "", "", ""),
    "approval": Words("关于【待补充：批复事项】的批复", "【待补充：来文机关】", "经研究，现批复如下：", "此复。"),
    "reply_letter": Words("关于【待补充：答复事项】的复函", "【待补充：来文机关】", "经研究，现函复如下：", "特此函复。",
                          _CONTACT),
}

_SECTIONS = """\
sections:
  - heading: 【待补充：第一部分标题】
    paragraphs:
      - 【待补充：这一部分的正文】
    points:                         # 二级要点（一）（二）……，其下还可有 1. 2.
      - heading: 【待补充：要点标题】
        text: 【待补充：要点正文，与标题同段】
      - heading: 【待补充：要点标题】
        text: 【待补充：要点正文】
  - heading: 【待补充：第二部分标题】
    paragraphs:
      - 【待补充：这一部分的导语】
    items:                          # 一是……二是……，每项一段
      - 【待补充：第一项】
      - 【待补充：第二项】
"""

_ARTICLE_POINTS = """\
      - text: 【待补充：条文】，有下列情形之一的，【待补充：处理办法】：
        points:                     # 项：（一）（二）……
          - 【待补充：第一项】；
          - 【待补充：第二项】。
"""


def _chapters(name: str) -> str:
    return ("chapters:                           # 分章；不分章时删去各章，把各条直接写在 articles 下\n"
            "  - heading: 总则\n"
            "    articles:                       # 第一条、第二条……全文连续编号，不要手写\n"
            f"      - 为了【待补充：目的】，根据【待补充：依据】，结合实际，制定本{name}。\n"
            f"      - 本{name}适用于【待补充：适用范围】。\n"
            "  - heading: 【待补充：章名】\n"
            "    articles:\n" + _ARTICLE_POINTS.replace("      ", "      ", 1) +
            "      - 【待补充：条文】\n"
            "  - heading: 附则\n"
            "    articles:\n"
            f"      - 本{name}自{{year}}年【待补充：月日】起施行。\n")


def _articles(name: str) -> str:
    return ("articles:                           # 第一条、第二条……自动编号；需要分章时改用 chapters\n"
            f"  - 为了【待补充：目的】，根据【待补充：依据】，结合实际，制定本{name}。\n"
            f"  - 本{name}适用于【待补充：适用范围】。\n"
            + _ARTICLE_POINTS.replace("      ", "  ") +
            f"  - 本{name}自印发之日起施行。\n")


def _c(line: str, comment: str) -> str:
    """``line`` with ``# comment`` after it, comments aligned (a Chinese character is two columns)."""
    width = sum(2 if ord(c) > 0x2E7F else 1 for c in line)
    return f"{line}{' ' * max(2, 40 - width)}# {comment}"


def family_skeleton(kind: str, year: int, org: str, date: str, quoted: Callable[[str], str]) -> str:
    """The YAML skeleton of ``kind`` (one of :data:`FORMS`); ``date`` is ISO, ``quoted`` writes a scalar."""
    form, words, name = FORMS[kind], WORDS[kind], KIND_NAMES[kind]
    issuer = org or "【待补充：发文机关】"
    out: List[str] = [
        f"# {name}骨架（gongwen new {name}）。把每个【待补充】换成实际内容，不需要的键可以删去；",
        "# gongwen lint 会列出还没填的地方。序号（一、（一）第一条）和版头、版记的位置由 gongwen 排好，不要手写。",
        f"kind: {name}",
        f"title: {words.title}",
        _c(f"template: {TEMPLATE_OF[kind]}", "内置模板，或本单位模板 .docx 的路径"),
        _c(f"date: {date}", "成文日期，请改为实际日期"),
        "",
        _c("# copy_number: \"000001\"", "份号（涉密公文）"),
        _c("# secrecy: 秘密★1年", "密级和保密期限"),
        _c("# urgency: 加急", "紧急程度：特急、加急"),
    ]
    if form.layout == "minutes":
        out += [_c(f"mark: {quoted(issuer + '常务会议纪要')}", "纪要标志"),
                _c("doc_number: 第1期", "期号")]
    else:
        suffix = f"；生成“{issuer}{form.mark_suffix}”" if form.mark_suffix else ""
        out += [_c(f"issuer: {quoted(issuer)}", f"发文机关{suffix}"),
                _c(f"# doc_number: 清政发〔{year}〕1号", "发文字号，也可分开写 code、year、serial")]
    if form.upward:
        out.append(_c("signers: 【待补充：签发人姓名】", "签发人（上行文）"))
    if words.recipients:
        one = "，只写一个" if form.one_recipient else ""
        out += ["", _c(f"recipients: {words.recipients}", f"主送机关{one}")]
    if form.reply:
        out += [_c("reply_to:", "所答复的来文：生成“《标题》（发文字号）收悉。”"),
                "  title: 关于【待补充：来文事项】的请示",
                "  number: 【待补充：来文发文字号】"]
    if words.opening:
        out += ["", "opening:", f"  - {words.opening.format(year=year)}"]
    out.append("")
    if form.articles:
        body = _chapters(name) if kind != "provisions" else _articles(name)
        out += body.format(year=year).rstrip("\n").split("\n")
    else:
        out += _SECTIONS.rstrip("\n").split("\n")
    if words.closing:
        out += ["", "closing:", f"  - {words.closing}"]
    if form.layout == "minutes":
        out += ["", _c("present: 【待补充：出席人员】", "出席；多人用顿号分开"),
                _c("absent: 【待补充：请假人员】", "请假（可删去）"),
                _c("observers: 【待补充：列席单位或人员】", "列席（可删去）")]
    if not form.articles:
        out += ["", _c("attachments:", "附件：名称列入附件说明；有正文的另起一页"),
                "  - title: 【待补充：附件名称】",
                "    opening:",
                "      - 【待补充：附件正文】"]
    if form.layout != "minutes":
        out += ["", _c(f"signature: {quoted(issuer)}", "署名（不写时用发文机关）"),
                _c("# seal: false", "不加盖印章时写 false")]
    if words.note:
        out.append(_c(f"note: {words.note}", "附注"))
    if form.layout != "letter":
        printer = f"{org}办公室" if org else "【待补充：印发机关】"
        out += ["", _c("cc: 【待补充：抄送机关】", "抄送；多个机关用逗号分开"),
                _c(f"printer: {quoted(printer)}", "印发机关"),
                _c(f"printed: {date}", "印发日期")]
    return "\n".join(out) + "\n"
