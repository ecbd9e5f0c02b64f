"""Which kind an old document is, and which part of a report each level-1 section is."""

from __future__ import annotations

import re
from typing import Optional, Sequence, Tuple

from gongwen.draft.titlekind import LIKE_NOTICE as _LIKE_NOTICE
from gongwen.draft.titlekind import REPORT_TITLE as _REPORT_TITLE
from gongwen.draft.titlekind import TAIL as _TAIL
from gongwen.draft.titlekind import TITLE_WORDS as _TITLE_WORDS
from gongwen.spec.chars import PLACEHOLDER

#: Heading keywords that map a report's level-1 parts, tried in this order.
PART_KEYWORDS = (
    ("achievements", ("成效", "做法", "举措", "成绩", "进展", "经验")),
    ("problems", ("问题", "不足", "困难", "短板", "差距")),
    ("recommendations", ("建议", "意见", "对策", "思考", "打算")),
)
PART_NAMES = {"achievements": "成效", "problems": "问题", "recommendations": "建议"}
_SPEECH_TITLE = re.compile(r"讲话|发言|致辞|讲稿|报告会|动员")


def part_of(heading: str) -> Optional[str]:
    """The report part a level-1 heading names, by its keywords (``存在的问题`` → problems)."""
    found = [(min(heading.find(w) for w in words if w in heading), name)
             for name, words in PART_KEYWORDS if any(w in heading for w in words)]
    if not found:
        return None
    # ``问题及对策``: the part whose keyword comes first in the heading wins
    return min(found)[1]


def guess_kind(title: str, salutation: str, headings: Sequence[str]) -> Tuple[str, str]:
    """``(kind, reason)``: the reason is a Chinese sentence for the user."""
    if title and title != PLACEHOLDER and _REPORT_TITLE.search(title):
        return "report", f"标题以“{_REPORT_TITLE.search(title).group(0)}”结尾"
    if salutation:
        return "speech", f"有称呼“{salutation}”"
    m = _SPEECH_TITLE.search(title or "")
    if m:
        return "speech", f"标题中有“{m.group(0)}”"
    parts = {part_of(h) for h in headings} - {None}
    if len(parts) >= 2:
        return "report", "各部分标题中有“" + "”“".join(PART_NAMES[p] for p in sorted(parts)) + "”"
    return "speech", "没有明显特征，按讲话稿处理（可用 --kind report 指定为调研报告）"


#: What the recogniser found that only the red-header family has, and how the reason names it.
FAMILY_SIGNS = {"copy_number": "份号", "secrecy": "密级", "urgency": "紧急程度", "issuer": "发文机关标志",
                "doc_number": "发文字号", "signer": "签发人", "recipient": "主送机关", "attachment_note": "附件说明",
                "attachment_label": "附件", "cc": "抄送", "printed": "印发机关和日期", "article": "条款（第X条）",
                "attendance": "出席名单"}


def family_kind(title: str, signs: Sequence[str]) -> Optional[Tuple[str, str]]:
    """``(kind, reason)`` when the document is one of the red-header family, else None.

    ``signs`` are the roles found that only the family has (:data:`FAMILY_SIGNS`), in order.
    The kind comes from the title's last words; a 报告 is the upward work report when it has a
    版头 or a 主送 (else, as before, a 调研报告)."""
    bare = _TAIL.sub("", (title or "").strip())
    found = "、".join(dict.fromkeys(FAMILY_SIGNS[s] for s in signs if s in FAMILY_SIGNS))
    if _REPORT_TITLE.search(bare):
        word = _REPORT_TITLE.search(bare).group(0)
        if word == "报告" and found:
            return "work_report", f"标题以“报告”结尾，且有{found}：按（工作）报告处理；调研报告请用 --kind 调研报告"
        return None
    if title != PLACEHOLDER:
        for word, kind in _TITLE_WORDS:
            if bare.endswith(word):
                return kind, f"标题以“{word}”结尾"
    if _SPEECH_TITLE.search(bare):
        return None
    for word in _LIKE_NOTICE:
        if bare.endswith(word) and found:
            return "notice", f"标题以“{word}”结尾，gongwen 没有这一文种，有{found}，按通知的格式处理"
    if "article" in signs:
        return "provisions", "正文是条款（第一条……），按规定处理（可用 --kind 办法 或 细则 指定）"
    if found:
        return "notice", f"有{found}，按通知处理（可用 --kind 指定文种）"
    return None
