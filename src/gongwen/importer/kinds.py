"""Which kind an old document is, and which part of a report each level-1 section is."""

from __future__ import annotations

import re
from typing import Optional, Sequence, Tuple

from gongwen.spec.chars import PLACEHOLDER

#: Heading keywords that map a report's level-1 parts, tried in this order.
PART_KEYWORDS = (
    ("achievements", ("成效", "做法", "举措", "成绩", "进展", "经验")),
    ("problems", ("问题", "不足", "困难", "短板", "差距")),
    ("recommendations", ("建议", "意见", "对策", "思考", "打算")),
)
PART_NAMES = {"achievements": "成效", "problems": "问题", "recommendations": "建议"}
_SPEECH_TITLE = re.compile(r"讲话|发言|致辞|讲稿|报告会|动员")
_REPORT_TITLE = re.compile(r"(?:调研|调查|考察|专题)?报告$")


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
