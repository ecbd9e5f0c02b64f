"""GW9xx the annual cycle: what a document reused from last year still says about last year.

``gongwen new --from`` moves a document's date to the new year and wraps last
year's figures in ``【核实：…】`` marks (GW603 reports the marks left).  What it
cannot know is which year numbers in the text a writer typed later, or which a
copy made by hand still carries: GW901 compares the years in the text with the
document's own year — the date line under the title (``（2023年4月18日）``), a
date at the end (a report's 落款) or ``date:`` / ``vars.year`` in YAML content.

It complements GW607, which needs the office's ``year`` setting and looks for
phrases such as ``2022年的工作重点``; where both would speak, GW607 does.
"""

from __future__ import annotations

import re

from gongwen.draft.roles import DATE_LINE, ISSUE_DATE, PRINTED, TITLE
from gongwen.lint.findings import hit
from gongwen.lint.registry import rule
from gongwen.lint.textview import items, roles, stale_years
from gongwen.spec import dates
from gongwen.spec import lazyre

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

_YEAR_RE = lazyre.compile(r"(?<![0-9０-９.．])((?:19|20)\d\d)年")
#: Spans where a year is not the writer's statement: book titles, 【…】 marks, variables.
_SKIP_RE = lazyre.compile(r"《[^《》]*》|【[^【】]*】|\{\{.*?\}\}")
#: A year that is plainly in the past: ``2022年以来``, ``比2022年``, ``截至2022年底``, ranges.
_PAST_AFTER = lazyre.compile(r"(?:底|末|初)?(?:以来|至今|起|同期|相比|以前|之前|前|[—–\-～~至到]\s*(?:19|20)\d\d)")
_PAST_BEFORE = lazyre.compile(r"(?:比|较|自|从|与|同|和|截至|截止|早在|始于|[—–\-～~至到])\s*$")
#: A data cut-off a few words before the year: ``数据截至时间为2020年12月31日``.
_CUT_OFF = lazyre.compile(r"(?:截至|截止)[^，。；！？]{0,6}$")
#: A year that is the subject, its work looked back on: ``2024年度……考核结果``, ``2024年工作总结``.
_LOOKED_BACK = lazyre.compile(r"度?[^，。；：！？]{0,16}?(?:考核|总结|决算|评选|评比|表彰|先进|统计|述职|审计|绩效|考评|"
                          r"执行情况|完成情况|工作情况|落实情况|运行情况|工作报告|年报|结果|回顾)")
#: A year stated as a fact of the past: a month of it (``2024年11月``), its whole (``2024年全年``), or a
#: sentence that reports what happened in it — a done deed or a figure with its unit
#: (``2024年，全县推出集成服务事项12项``, ``2024年农村居民人均可支配收入达到2.18万元``).
_FACT_AFTER = lazyre.compile(r"(?:\d{1,2}月|全年|上半年|下半年|[一二三四]季度)")
_FACT_IN_SENTENCE = lazyre.compile(
    r"[^。！？；]*?(?:达到|完成|实现|累计|共计|共有|共举办|新增|增长|下降|减少|提高|发现|举办|发生|取得|获得|通过|"
    r"推出|建成|开工|竣工|投入|投资|评价|排名|通报|召开|出台|印发|制定|\d+(?:\.\d+)?\s*"
    r"(?:个|项|家|人|万|亿|元|%|％|期|次|公里|千米|米|亩|户|座|所|条|件|名|吨|辆|处|场|批|倍|个百分点))")
#: How far back a year counts as left over from a reused document.
STALE_SPAN = 2


def document_year(ctx) -> Optional[int]:
    """The year a document is dated, or ``None``."""
    if ctx.format == "yaml":
        return _yaml_year(ctx)
    for para, role in zip(ctx.paras, roles(ctx)):
        if role.kind in (DATE_LINE, ISSUE_DATE):
            date = dates.date_line(para.text)
            if date is not None:
                return date.year
    return None


def _yaml_year(ctx) -> Optional[int]:
    root = ctx.yaml
    if root is None or root.tag != "tag:yaml.org,2002:map":
        return None
    for knode, vnode in root.value:
        key = getattr(knode, "value", None)
        value = getattr(vnode, "value", None)
        if key == "date" and isinstance(value, str):
            m = re.match(r"\s*((?:19|20)\d\d)", value)
            if m:
                return int(m.group(1))
    for knode, vnode in root.value:
        if getattr(knode, "value", None) == "vars" and vnode.tag == "tag:yaml.org,2002:map":
            for vk, vv in vnode.value:
                value = str(getattr(vv, "value", ""))
                if getattr(vk, "value", None) == "year" and re.fullmatch(r"(?:19|20)\d\d", value):
                    return int(value)
    return None


def subject_years(ctx) -> set:
    """Years the document is about: a year the title names for its work looked back on
    (``关于2024年度全县安全生产目标责任考核结果的通报``).  Every mention of it is the subject."""
    out = set()
    for (_, para, mtext), role in zip(items(ctx), roles(ctx)):
        if role.kind == TITLE:
            out.update(int(m.group(1)) for m in _YEAR_RE.finditer(mtext) if _LOOKED_BACK.match(mtext, m.end()))
    return out


def _taken_by_gw607(ctx) -> set:
    """Positions GW607 reports (it needs the office's ``year`` setting)."""
    return {(id(para), m.start()) for para, m in stale_years(ctx)}


@rule("GW901", "year-behind-date", severity="warning", source="practice",
      message="文中的年份早于文档日期的年份：沿用往年稿件时可能忘了改，请核实。",
      why="一份文档的日期（标题下的日期行、文末落款或 YAML 的 date）说明它是哪一年的；"
          "正文里出现前一两年的年份（“研究了2022年的工作重点”），多半是从去年的稿子改来时漏改的。"
          "“2022年以来”“比2022年”“截至2022年底”、年份区间、书名号中的文件名不算；"
          "回顾那一年工作的（“2022年度考核结果”“2022年工作总结”“2022年预算执行情况”）不算，"
          "标题里这样点明的年份是全文的主题，文中各处都不算；陈述那一年已发生的事实的（“2024年11月”“2024年全年”、"
          "同一句中有“达到”“完成”“举办”等或带单位的数字：“2024年，全县推出服务事项12项”）也不算。",
      bad=["在全市2022年防汛抗旱工作会议上的讲话\n（2023年4月18日）\n同志们：",
           "在全县安全生产工作会议上的讲话\n（2023年2月16日）\n刚才，我们研究了2022年的工作重点。"],
      good=["在全市2023年防汛抗旱工作会议上的讲话\n（2023年4月18日）\n"
            "2022年以来，全市共排查隐患4860余项，比2021年增加12%。",
            "在全县安全生产工作会议上的讲话\n（2023年2月16日）\n刚才，我们研究了2023年的工作重点。",
            "关于2022年度安全生产考核结果的通报\n各单位：\n2022年，全县安全生产形势平稳。\n清河县人民政府\n2023年2月10日",
            "在全县经济工作会议上的讲话\n（2023年2月16日）\n2022年，全县新增市场主体3200户，地区生产总值增长6.1%。"])
def year_behind_date(ctx):
    year = document_year(ctx)
    if year is None:
        return
    taken = _taken_by_gw607(ctx)
    subjects = subject_years(ctx)
    for (_, para, mtext), role in zip(items(ctx), roles(ctx)):
        text = para.text
        if "年" not in text or role.kind in (DATE_LINE, ISSUE_DATE, PRINTED) or dates.date_line(text):
            continue
        skips = [(m.start(), m.end()) for m in _SKIP_RE.finditer(text)]
        for m in _YEAR_RE.finditer(mtext):
            found = int(m.group(1))
            if not year - STALE_SPAN <= found < year or found in subjects:
                continue
            if any(a <= m.start() < b for a, b in skips) or (id(para), m.start()) in taken:
                continue
            if _PAST_AFTER.match(mtext, m.end()) or _PAST_BEFORE.search(mtext[max(0, m.start() - 4):m.start()]):
                continue
            if _CUT_OFF.search(mtext, max(0, m.start() - 8), m.start()) or _LOOKED_BACK.match(mtext, m.end()):
                continue  # a data cut-off; a year's work looked back on (its 考核, 总结, 执行情况)
            if _FACT_AFTER.match(mtext, m.end()) or _FACT_IN_SENTENCE.match(mtext, m.end()):
                continue  # a fact of that year: what happened then, not a plan left over

            yield hit(para, m.start(), f"“{m.group(0)}”早于本文日期的年份（{year}年）："
                                       f"如是沿用往年稿件，请改为“{year}年”或核实。")
