"""GW3xx series: ``一是……二是……`` and ``第一，……第二，……`` inside text and across paragraphs.

Series openers are read with :func:`gongwen.spec.markers.find_series`.  A series
runs through the paragraphs of one part of the document: a heading ends it (the
heading's own run-in text may start a new one), and so does a new ``一是``.
In YAML content a series runs within one list of paragraphs.
"""

from __future__ import annotations

import re

from gongwen.draft.roles import ATTACHMENT_LABEL
from gongwen.lint.findings import hit, replace
from gongwen.lint.registry import rule
from gongwen.lint.textview import OPAQUE, SYNTAX, heading_at, items, roles
from gongwen.spec import lazyre
from gongwen.spec.chars import BLANKS
from gongwen.spec.markers import SeriesMark
from gongwen.spec.numerals import to_chinese

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Optional

#: How a series opener starts (:data:`gongwen.spec.markers._SERIES_RE`): at the text's start or right
#: after one of these marks, with one of _FIRST.  The pattern itself opens with an assertion, so a
#: search tries it at every character; these say where to try it.
_BOUNDARY = "，。；：、！？,;:!?“”\"'（）()"
_FIRST = "一二三四五六七八九十百零第首其再最"
_OPENER_AT = lazyre.compile("[" + re.escape(_BOUNDARY) + "][" + _FIRST + "]")


def openers(text: str):
    """:func:`gongwen.spec.markers.find_series` of ``text``: the same marks, the pattern tried only
    where an opener can start (tests/lint/test_bulk_quick.py compares the two)."""
    from gongwen.spec.markers import _SERIES_RE, _WORD_ORDER
    from gongwen.spec.numerals import from_chinese

    at = 0 if text[:1] and text[0] in _FIRST else None
    pos = 1  # the first place an opener may start after the text's start
    while True:
        if at is None:
            hit = _OPENER_AT.search(text, pos - 1)  # a boundary at pos - 1 opens a place at pos
            if hit is None:
                return
            at = hit.start() + 1
        m = _SERIES_RE.match(text, at)  # its lookbehind sees the text before ``at``
        if m is None:
            pos, at = at + 1, None
            continue
        if m.group("shi"):
            yield SeriesMark("一是", from_chinese(m.group("shi")), m.group(0), m.group("shi_sep"), m.start(), m.end())
        elif m.group("di"):
            yield SeriesMark("第一", from_chinese(m.group("di")), m.group(0), m.group("di_sep"), m.start(), m.end())
        else:
            word = m.group("word")
            style = "其一" if word.startswith("其") and word != "其次" else "首先"
            yield SeriesMark(style, _WORD_ORDER[word], m.group(0), m.group("word_sep"), m.start(), m.end())
        pos, at = max(m.end(), 1), None

# "附件", "附件2": no two runs of blanks meet (\s*[0-9]*[ \t]* backtracked quadratically).


def _label(style: str, n: Optional[int]) -> str:
    if n is None:
        return "最后"
    if style == "一是":
        return to_chinese(n) + "是"
    if style == "第一":
        return "第" + to_chinese(n)
    if style == "其一":
        return "其" + to_chinese(n)
    return {1: "首先", 2: "其次", 3: "再次"}.get(n, "第" + to_chinese(n))


class Mark:
    """A series opener and where it sits in its paragraph (``start``/``end`` index ``para.text``)."""

    __slots__ = ("para", "mark", "start", "end")

    def __init__(self, para, mark: SeriesMark, start: int, end: int):
        self.para, self.mark, self.start, self.end = para, mark, start, end

    @property
    def contiguous(self) -> bool:
        return self.para.text[self.start:self.end] == self.mark.raw


def _marks(ctx) -> List[List[Mark]]:
    """Series openers grouped by scope (the stretch of paragraphs a series may run in)."""
    return ctx.shared("series", _marks_now)


def _marks_now(ctx) -> List[List[Mark]]:
    heads = heading_at(ctx)
    kinds = [r.kind for r in roles(ctx)]
    scopes: List[List[Mark]] = [[]]
    last_container = None
    for i, para, mtext in items(ctx):
        if ctx.format == "yaml":
            container = re.sub(r"(items)\[\d+\](\.(lead|text))?$", r"\1", para.key)
            container = re.sub(r"\[\d+\]$", "", container)
            if container != last_container:
                scopes.append([])
                last_container = container
        elif i in heads or kinds[i] == ATTACHMENT_LABEL:
            scopes.append([])
        if "是" not in mtext and "第" not in mtext and "其" not in mtext and "首先" not in mtext:
            continue
        offset = heads[i].end if i in heads else 0
        seg = mtext[offset:]
        if SYNTAX in seg:
            keep = [k for k, c in enumerate(seg) if c != SYNTAX]
            view = "".join("x" if seg[k] == OPAQUE else seg[k] for k in keep)
        else:
            keep = range(len(seg))
            view = seg.replace(OPAQUE, "x")
        lead = len(view) - len(view.lstrip(BLANKS))
        for m in openers(view[lead:]):
            if m.style == "第一" and not m.sep:
                continue  # 第一要务, 第一时间: a word, not a series
            start = offset + keep[m.start + lead]
            end = offset + keep[m.end - 1 + lead] + 1
            scopes[-1].append(Mark(para, m, start, end))
    return [s for s in scopes if s]


def series_faults(ctx):
    """``(kind, Mark, message)`` for lone, gap, repeat and mixed series."""
    return ctx.shared("series_faults", _series_faults_now)


def _series_faults_now(ctx):
    out = []
    for scope in _marks(ctx):
        cur: Optional[dict] = None

        def close(cur):
            if cur and len(cur["marks"]) == 1 and cur["style"] in ("一是", "第一", "其一"):
                first = cur["marks"][0]
                raw = first.mark.raw.rstrip('，,、：:。.')
                nxt = _label(cur["style"], (first.mark.number or 1) + 1)
                if "gap" in cur:
                    # one cause, one finding: a lone 五是 is one stray opener, not a gap and a lone item
                    k, mk, _ = out[cur["gap"]]
                    out[cur["gap"]] = (k, mk, f"只有一个“{raw}”：前面没有“{_label(cur['style'], 1)}”，后面也没有“{nxt}”，"
                                              f"不成序列；补上其余各项，或删去“{raw}”。")
                    return
                out.append(("lone", first, f"有“{raw}”而没有“{nxt}”：一项不成序列，补上后续各项或删去“{raw}”。"))

        for mk in scope:
            m = mk.mark
            if m.number is None:  # 最后: ends a 首先/其次 series
                if cur and cur["style"] == "首先":
                    close(cur)
                    cur = None
                continue
            if m.number == 1:
                close(cur)
                cur = {"style": m.style, "last": 1, "numbers": {1}, "marks": [mk]}
                continue
            if cur is None:
                if m.style == "首先":
                    continue  # 其次 in prose
                out.append(("gap", mk, f"序列从“{_label(m.style, m.number)}”开始，前面缺少“{_label(m.style, 1)}”。"))
                cur = {"style": m.style, "last": m.number, "numbers": {m.number}, "marks": [mk], "gap": len(out) - 1}
                continue
            if m.style != cur["style"]:
                if m.number == cur["last"] + 1:
                    out.append(("mixed", mk, f"同一序列混用了不同写法：前面用“{_label(cur['style'], cur['last'])}”，"
                                             f"这里用“{_label(m.style, m.number)}”，应统一为“{_label(cur['style'], m.number)}”。"))
                    cur["last"] = m.number
                    cur["numbers"].add(m.number)
                    cur["marks"].append(mk)
                continue
            if m.number == cur["last"] + 1:
                pass
            elif m.number in cur["numbers"]:
                out.append(("repeat", mk, f"序列重复：已有“{_label(m.style, m.number)}”，此处应为“{_label(m.style, cur['last'] + 1)}”。"))
            elif m.number > cur["last"] + 1:
                missing = "、".join(f"“{_label(m.style, k)}”" for k in range(cur["last"] + 1, m.number))
                out.append(("gap", mk, f"序列不连续：“{_label(m.style, m.number)}”之前缺少{missing}。"))
            else:
                out.append(("repeat", mk, f"序列顺序颠倒：“{_label(m.style, m.number)}”排在“{_label(m.style, cur['last'])}”之后。"))
            cur["last"] = max(cur["last"], m.number)
            cur["numbers"].add(m.number)
            cur["marks"].append(mk)
        close(cur)
    return out


def _series_rule(kind):
    def check(ctx):
        for k, mk, message in series_faults(ctx):
            if k == kind:
                yield hit(mk.para, mk.start, message)
    return check


rule("GW301", "series-lone", why="“一是”引出的是并列的几项，只有一项时应改写为一句话，或补足其余各项。序列可以跨段（讲话稿常见每段以“一是”“二是”开头），遇到新的标题即结束。",
     severity="error", source="practice",
     message="有“一是”（或“第一”）而没有“二是”（“第二”）：一项不成序列。",
     bad=["加强学习，一是提高认识。", "一是明确思路目标。\n正文继续。"],
     good=["加强学习，一是提高认识，二是改进作风。", "一是明确思路目标。\n二是把握核心要点。"])(_series_rule("lone"))
rule("GW302", "series-gap", severity="error", source="practice",
     message="序列不连续（如“一是……三是”“第一，……第三，”，或分段的一是、二是、四是）。",
     why="“一是……三是”让听者和读者以为漏了一项，多是删去一项后没有改后面的序号。"
         "序列可以跨段（讲话稿常见每段以“一是”“二是”开头），遇到新的标题即结束；前面没有“首先”的“其次”是一般用语，不报告。",
     bad=["一是加强领导，三是强化保障。", "第一，提高认识。第三，狠抓落实。", "一是明确目标。\n二是把握要点。\n四是突破难点。"],
     good=["一是加强领导，二是强化保障。", "第一，提高认识。第二，狠抓落实。"])(_series_rule("gap"))
rule("GW303", "series-repeat", severity="error", source="practice",
     message="序列重复或颠倒（如“一是……二是……二是”）。",
     why="序列中出现两个“二是”，或序号倒退，读者无法按序号引用，多是增删、调换条目后没有重新排号。"
         "“一是”“第一，”“首先”开始一个新序列，新的标题结束序列。",
     bad=["一是加强领导，二是强化保障，二是狠抓落实。"],
     good=["一是加强领导，二是强化保障，三是狠抓落实。"])(_series_rule("repeat"))
rule("GW304", "series-mixed", why="同一组并列内容用同一种序列写法：“一是……二是……”“第一，……第二，……”“首先……其次……最后……”各成体系。",
     severity="error", source="practice",
     message="同一序列混用不同写法（如“首先……其次……第三”），应统一。",
     bad=["首先，提高认识；其次，明确责任；第三，狠抓落实。", "一是加强领导；二是明确责任；第三，狠抓落实。"],
     good=["首先，提高认识；其次，明确责任；最后，狠抓落实。", "第一，提高认识；第二，明确责任；第三，狠抓落实。"]
     )(_series_rule("mixed"))


@rule("GW305", "series-shi-punctuation", severity="error", fixable=True,
      message="“一是”“二是”后不加标点，“一是，加强”应写作“一是加强”。", source="GB/T 15834-2011 B.3.7",
      why="“一是加强领导”中，“是”后面就是所说的内容（“第一点是加强领导”），“是”与后面的成分之间没有停顿，不能用逗号、冒号或顿号隔开（GB/T 15834-2011 B.3.7）。"
          "这与“第一，”“首先，”后用逗号不同，两种写法不要互相套用。",
      bad=["一是，加强组织领导；二是，明确责任分工。"], good=["一是加强组织领导；二是明确责任分工。"])
def series_shi_punctuation(ctx):
    for scope in _marks(ctx):
        for mk in scope:
            m = mk.mark
            if m.style == "一是" and m.sep and mk.contiguous:
                end = mk.end
                yield replace(mk.para, end - len(m.sep), end, "",
                              f"“{m.raw[:-len(m.sep)]}”后的“{m.sep}”应删去。")


@rule("GW306", "series-di-comma", severity="error", fixable=True,
      message="“第一”“其一”“首先”等后用逗号，“第一、”应写作“第一，”。", source="GB/T 15834-2011 B.3.1",
      why="GB/T 15834-2011 B.3.1：“第一”“其一”“首先”等序次语之后用逗号。"
          "顿号只用于句内并列词语之间，句号和下脚点则把序次语断成了一句话。"
          "后接冒号的“第一：”不报告。",
      bad=["第一、提高认识；第二、狠抓落实。", "首先、要提高认识。"], good=["第一，提高认识；第二，狠抓落实。"])
def series_di_comma(ctx):
    for scope in _marks(ctx):
        for mk in scope:
            m = mk.mark
            if m.style != "一是" and m.sep in ("、", "。", ".", "．") and mk.contiguous:
                end = mk.end
                yield replace(mk.para, end - len(m.sep), end, "，",
                              f"“{m.raw[:-len(m.sep)]}”后应用逗号“，”，不用“{m.sep}”。")
