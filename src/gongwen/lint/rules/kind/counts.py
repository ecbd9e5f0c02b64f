"""GW009: an announced count (``以下三个方面``, ``做到三个到位：``, ``抓好四项工作：``) against the items
that follow it.

Reported only when the scope is plain: the announcement ends its paragraph (or its colon opens an
inline series ``一是……二是……``) and the very next paragraph starts the items: a run of ``一是``
paragraphs, headings of one level (counted until a higher level), or an inline series.
``主要有以下几点`` names no number and is not checked.
"""

from __future__ import annotations


from gongwen.draft import roles as R
from gongwen.lint.findings import hit
from gongwen.lint.registry import PRACTICE, rule
from gongwen.lint.rules.kind.view import END_ROLES, without_titles
from gongwen.lint.textview import items, masked, roles
from gongwen.spec import lazyre
from gongwen.spec.chars import BLANKS
from gongwen.spec.markers import find_series
from gongwen.spec.numerals import from_chinese

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

_ANNOUNCE = lazyre.compile(r"(?P<pre>以下|如下|下列|下面|下述)?(?P<num>[两二三四五六七八九十]{1,3})"
                       r"(?P<unit>个|项|点|条|大|方面)[“‘]?(?P<noun>[\u4e00-\u9fff]{0,8}?)[”’]?"
                       r"(?P<end>[：:]|[。]?$)")
#: What every match of _ANNOUNCE holds: its last numeral and the first character of its unit.  A
#: quick search that lets the paragraphs without one skip the slower pattern (and without_titles,
#: which only blanks characters out, cannot make a match where there is none).
_NUMBER_UNIT = lazyre.compile(r"[两二三四五六七八九十][个项点条大方]")
#: What an announcement at the end of a paragraph announces (without a colon it needs one of these).
_NOUNS = lazyre.compile(r"(?:方面|意见|要求|工作|任务|问题|措施|建议|举措|做法|体会|事项|原则|目标|重点|环节|到位|坚持|"
                    r"必须|机制|内容|特点|考虑|情况|成效|经验)(?:的?(?:意见|要求|工作|问题|建议))?$")


def _may_announce(text: str) -> bool:
    """Can _ANNOUNCE match in ``text``?  Each match ends its number right before its unit (a
    :data:`_NUMBER_UNIT` pair) and, at most 13 characters after it (unit, quotes, noun), ends
    with a colon or the text: a pair far from both starts none."""
    for m in _NUMBER_UNIT.finditer(text):
        q = m.start()
        if len(text) <= q + 16 or "：" in text[q + 1:q + 16] or ":" in text[q + 1:q + 16]:
            return True
    return False


def _number(num: str) -> Optional[int]:
    return from_chinese(num.replace("两", "二"))


def _inline(text: str) -> int:
    """How many series openers (``一是``/``第一，``) run in ``text``, numbered 1, 2, 3 …"""
    n = 0
    for mark in find_series(text):
        if mark.number == n + 1:
            n += 1
    return n


def _following(ctx, start: int) -> int:
    """How many items follow paragraph ``start``; 0 when the next paragraph starts none."""
    kinds = roles(ctx)
    texts = masked(ctx)
    nxt = next((j for j in range(start + 1, len(kinds)) if kinds[j].kind != R.BLANK), None)
    if nxt is None:
        return 0
    first = kinds[nxt]
    if first.kind == R.SERIES and first.number == 1:
        n = 0
        for j in range(nxt, len(kinds)):
            if kinds[j].kind == R.BLANK:
                continue
            if kinds[j].kind != R.SERIES or kinds[j].number != n + 1:
                break
            n += 1
        return n
    if first.kind in (R.HEADING, R.ARTICLE_POINT) and first.number == 1:
        return _scope_count(ctx, nxt, first.kind, first.level)
    if first.kind == R.BODY:
        return _inline(texts[nxt])
    return 0


def _ends_scope(k, level) -> bool:
    return k.kind in END_ROLES or k.kind == R.PART or (k.kind in (R.HEADING, R.ARTICLE_POINT) and k.level < level)


def _scope_count(ctx, start: int, kind, level) -> int:
    """How many paragraphs of ``kind`` at ``level`` run from ``start`` (one of them) to the first
    paragraph that ends the scope (:func:`_ends_scope`).  Answered from two ascending index lists
    kept per source, so a long document with many announcements is not walked once per
    announcement."""
    from bisect import bisect_left

    kinds = roles(ctx)
    same, ends = ctx.shared("kind.count_scopes", _scopes)
    if level not in ends:  # the paragraphs ending a scope of this level (:func:`_ends_scope`)
        ends[level] = [j for j, below in ends[None] if below < level]
    stops = ends[level]
    at = bisect_left(stops, start)
    end = stops[at] if at < len(stops) else len(kinds)
    found = same.get((kind, level), ())
    return bisect_left(found, end) - bisect_left(found, start)


def _scopes(ctx):
    """``(same, ends)`` read from the roles in one walk: ``same[(kind, level)]`` the indexes of the
    headings and points of each kind and level; ``ends[None]`` ``(index, level)`` of what may end a
    scope, ending those of a deeper level (-1: every level; a part or what closes the text)."""
    same, stops = {}, []
    for j, k in enumerate(roles(ctx)):
        if k.kind in END_ROLES or k.kind == R.PART:
            stops.append((j, -1))
        elif k.kind in (R.HEADING, R.ARTICLE_POINT):
            stops.append((j, k.level))
            same.setdefault((k.kind, k.level), []).append(j)
    return same, {None: stops}


def _announcements(ctx):
    """``(index, match, items found)`` for every plainly scoped announcement."""
    kinds = roles(ctx)
    for i, _, mtext in items(ctx):  # the paragraphs holding a numeral (triggers), or all
        if kinds[i].kind in END_ROLES or kinds[i].kind in (R.TITLE, R.ATTACHMENT_TITLE, R.BLANK):
            continue
        if not _NUMBER_UNIT.search(mtext):
            continue
        text = without_titles(mtext).rstrip(BLANKS)
        if not _may_announce(text):
            continue
        for m in _ANNOUNCE.finditer(text):
            if _number(m.group("num")) is None:
                continue
            rest = text[m.end():].strip(BLANKS)
            if m.group("end") in "：:" and rest:
                found = _inline(rest)
            elif rest:
                continue
            else:
                if m.group("end") not in "：:" and not (m.group("pre") or _NOUNS.search(m.group("unit") + m.group("noun"))):
                    continue
                found = _following(ctx, i)
            yield i, m, found


@rule("GW009", "announced-count", severity="error", source=PRACTICE, triggers="两二三四五六七八九十",
      message="前文说“三个方面”“四项工作”，后面列出的条目数与之不符，应核对数量或条目。",
      why="“从以下三个方面抓好落实：”“做到三个到位：”预告了条目数，读者按数查找；增删条目后忘了改数字，前后就对不上。"
          "只在范围明确时报告：预告在段末（或冒号后紧跟“一是……二是……”），下一段就是条目（一是、（一）、1. 等同级条目），"
          "条目不足两项时不报告；“以下几点”没有数字，不检查。",
      bad=["为做好今年的防汛工作，重点抓好以下三个方面：\n一是压实防汛责任。\n二是加强隐患排查。\n三是强化应急值守。\n"
           "四是做好物资储备。",
           "各乡镇要做到三个到位：一是思想认识到位；二是责任落实到位。"],
      good=["为做好今年的防汛工作，重点抓好以下三个方面：\n一是压实防汛责任。\n二是加强隐患排查。\n三是强化应急值守。",
            "各乡镇要做到三个到位：一是思想认识到位；二是责任落实到位；三是工作措施到位。"])
def announced_count(ctx):
    if ctx.format == "yaml":
        return  # YAML content: the markers are generated; its lists are checked by their own rules
    for i, m, found in _announcements(ctx):
        said = _number(m.group("num"))
        if found >= 2 and found != said:
            yield hit(ctx.paras[i], m.start("num"), f"这里说“{m.group('num')}{m.group('unit')}{m.group('noun')}”，"
                                                    f"后面列出的却是{found}项：请核对数量或条目。")
