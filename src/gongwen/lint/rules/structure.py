"""GW2xx structure: heading markers across the document.

One walk over the outline (:func:`outline_faults`) finds gaps, repeats, bad
starts, missing restarts, inversions and skipped levels; each rule reports its
own kind.  An attachment that starts its own outline (a paragraph that is just
``附件`` or ``附件2``) starts a fresh walk; so does each article (第X条) for its
points.  第X条 and 第X编/章/节 have their own count (:func:`_articles_and_parts`).
"""

from __future__ import annotations

import re

from gongwen.content.faults import TITLE_PUNCTUATION
from gongwen.draft.roles import ARTICLE, ARTICLE_POINT, ATTACHMENT_LABEL, BLANK, PART, TITLE
from gongwen.lint.contentcheck import complete
from gongwen.lint.findings import hit, replace
from gongwen.lint.registry import rule
from gongwen.lint.textview import SYNTAX, Heading, headings, items, masked, roles
from gongwen.spec import lazyre
from gongwen.spec.chars import BLANKS
from gongwen.spec.markers import format_marker
from gongwen.spec.numerals import NUMERAL_CHARS, to_chinese

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, List, Optional, Tuple

TEXT_FORMATS = ("txt", "md", "docx")
# "附件", "附件2": no two runs of blanks meet (\s*[0-9]*[ \t]* backtracked quadratically).


def _m(level: int, n: int) -> str:
    return format_marker(level, n)


def outline_faults(ctx) -> List[Tuple[str, Heading, str]]:
    """``(kind, heading, message)`` for every outline fault; kind is one of
    gap, duplicate, order, start, restart, inversion, skip."""
    return ctx.shared("outline", _outline_faults_now)


def _outline_faults_now(ctx) -> List[Tuple[str, Heading, str]]:
    out: List[Tuple[str, Heading, str]] = []
    by_index = {h.index: h for h in headings(ctx)}
    state, points = _Walk(), _Walk()  # the outline; the points of the current article, afresh in each
    for i, role in enumerate(roles(ctx)):
        if role.kind == ATTACHMENT_LABEL:
            state = _Walk()
            continue
        if role.kind == ARTICLE:
            points = _Walk()
        h = by_index.get(i)
        if h is not None and h.number is not None:
            walk = points if role.kind == ARTICLE_POINT else state
            for kind, at, message in walk.step(h):
                if kind == "start":
                    kind, at, message = _started_inline(ctx, h) or (kind, at, message)
                out.append((kind, at, message))
    out.extend(_articles_and_parts(ctx))
    return out


def _articles_and_parts(ctx):
    """Gaps, repeats and reversals in 第X条 (numbered on through the whole text, across 章 and
    节) and in 第X编/章/节 (a 节 afresh in each 章, a 章 in each 编).  A text that starts at
    ``第五条`` quotes part of a rule: no start is required."""
    last: Dict[Tuple[str, Optional[int]], int] = {}
    parent: Dict[int, Optional[int]] = {}  # level of 编/章/节 -> index of the latest one
    for i, role in enumerate(roles(ctx)):
        if role.kind == ATTACHMENT_LABEL:
            last, parent = {}, {}
        if role.kind not in (ARTICLE, PART) or role.number is None:
            continue
        if role.kind == PART:
            key = ("编章节"[role.level - 1], parent.get(role.level - 1))
            parent = {lv: x for lv, x in parent.items() if lv < role.level}
            parent[role.level] = i
        else:
            key = ("条", None)
        unit, n = key[0], role.number
        para = ctx.paras[i]
        at = _At(para, len(para.text) - len(para.text.lstrip(BLANKS)))
        expected = last.get(key, n - 1 if unit == "条" else 0) + 1

        def name(k: int, unit: str = unit) -> str:
            return f"第{to_chinese(k)}{unit}"
        if n == expected - 1:
            yield ("duplicate", at, f"序号重复：已有“{name(n)}”，此处应为“{name(expected)}”。")
        elif n < expected:
            note = "（条文序号全文连续，不因分章重新编号）" if unit == "条" and n == 1 else ""
            yield ("order", at, f"序号顺序颠倒：“{name(n)}”排在“{name(expected - 1)}”之后，此处应为“{name(expected)}”{note}。")
        elif n > expected:
            more = "等" if n - expected > 1 else ""
            yield ("gap", at, f"序号不连续：“{name(n)}”之前缺少“{name(expected)}”{more}。")
        last[key] = n if n == 1 else max(last.get(key, 0), n)  # numbered afresh: one finding, not one per article


class _At:
    """A place in a paragraph that is not a heading (what the outline rules report on)."""

    __slots__ = ("para", "start")

    def __init__(self, para, start: int):
        self.para, self.start = para, start


def _started_inline(ctx, h: Heading):
    """``会议决定，一、原则同意……`` and then ``二、同意……`` on a paragraph of its own: the series
    started inside the paragraph before.  The fault is there: ``(kind, place, message)``, or None."""
    if h.level > 2 or h.number is None or h.number < 2:
        return None
    before = next((k for k in range(h.index - 1, -1, -1) if ctx.paras[k].text.strip(BLANKS)), None)
    if before is None:
        return None
    text = masked(ctx)[before]
    first = _m(h.level, 1)
    m = re.search(f"[，,：:；;。]\\s*({re.escape(first)})", text)
    if m is None or not all(_m(h.level, k) in text[m.start(1):] for k in range(1, h.number)):
        return None
    return ("start", _At(ctx.paras[before], m.start(1)),
            f"序号“{first}”夹在段落中间，下一段的“{_m(h.level, h.number)}”却另起一段：“{first}……”应另起一段。")


class _Walk:
    def __init__(self):
        self.current: Dict[int, Heading] = {}  # level -> latest open heading
        self.last: Dict[Tuple[Optional[int], int], int] = {}  # (parent index, level) -> last number
        self.seen: Dict[Tuple[Optional[int], int], set] = {}
        self.levels_under: Dict[Optional[int], set] = {None: set()}  # parent index -> levels seen below
        self.order: Dict[Optional[int], List[Heading]] = {}  # parent index -> headings below, in order
        self.prev_parent: Dict[int, Optional[Heading]] = {}  # level -> previous heading at that level
        self.skip_reported: set = set()

    def step(self, h: Heading):
        level, n = h.level, h.number
        parents = [lv for lv in self.current if lv < level]
        parent = self.current[max(parents)] if parents else None
        pid = parent.index if parent else None
        key = (pid, level)
        # Inversion: something deeper than this level came first under the same parent.
        below = self.levels_under.setdefault(pid, set())
        if level not in below and any(lv > level for lv in below):
            first = next(x for x in self.order.get(pid, ()) if x.level > level)
            yield ("inversion", h,
                   f"层次颠倒：“{h.marker.raw.strip()}”出现在更低一级的“{first.marker.raw.strip()}”（第 {first.para.line} 段）之后。"
                   f"层次应为 一、→（一）→1.→（1）。")
            self._enter(h, pid, key, n)
            return
        if parent is not None and level > parent.level + 1 and (pid, level) not in self.skip_reported:
            self.skip_reported.add((pid, level))
            missing = "、".join(_m(lv, 1) for lv in range(parent.level + 1, level))
            yield ("skip", h, f"“{parent.marker.raw.strip()}”下直接用了“{h.marker.raw.strip()}”，跳过了“{missing}”一级。")
        expected = self.last.get(key, 0) + 1
        if n == expected:
            pass
        elif n == expected - 1:
            yield ("duplicate", h, f"序号重复：同一层次已有“{_m(level, n)}”，此处应为“{_m(level, expected)}”。")
        elif n < expected:
            place = len(self.seen.get(key, ())) + 1  # this heading's place among its siblings
            yield ("order", h, f"序号顺序颠倒：“{_m(level, n)}”排在“{_m(level, expected - 1)}”之后。"
                               f"若各部分的先后没错，按位置此处应为“{_m(level, place)}”，前面的序号也依次改正；"
                               f"若是这一部分放错了位置，把它移到“{_m(level, expected - 1)}”之前。")
        elif expected == 1:
            prev = self.prev_parent.get(parent.level) if parent is not None else None
            prev_last = self.last.get((prev.index, level)) if prev is not None else None
            if parent is not None and prev_last is not None and n == prev_last + 1:
                yield ("restart", h,
                       f"序号未重新开始：“{parent.marker.raw.strip()}”下的第一个下级标题应为“{_m(level, 1)}”，"
                       f"不接续上一部分的“{_m(level, prev_last)}”。")
            else:
                where = f"“{parent.marker.raw.strip()}”下" if parent is not None else "全文"
                yield ("start", h, f"{where}第一个此级标题应为“{_m(level, 1)}”，而不是“{_m(level, n)}”。")
        else:
            missing = "、".join(f"“{_m(level, k)}”" for k in range(expected, min(n, expected + 3)))
            more = "等" if n - expected > 3 else ""
            yield ("gap", h, f"序号不连续：“{_m(level, n)}”之前缺少{missing}{more}。")
        self._enter(h, pid, key, n)

    def _enter(self, h: Heading, pid, key, n):
        self.last[key] = max(self.last.get(key, 0), n)
        self.seen.setdefault(key, set()).add(n)
        # levels below every open ancestor (and the root) now include this level
        for anc in [None] + [x.index for x in self.current.values() if x.level < h.level]:
            below = self.levels_under.setdefault(anc, set())
            if h.level not in below:
                below.add(h.level)
                self.order.setdefault(anc, []).append(h)
        old = self.current.get(h.level)
        if old is not None:
            self.prev_parent[h.level] = old
        for lv in [lv for lv in self.current if lv >= h.level]:
            if lv > h.level:
                self.prev_parent[lv] = None
            del self.current[lv]
        self.current[h.level] = h
        self.levels_under[h.index] = set()


def _outline_rule(kind):
    def check(ctx):
        for k, h, message in outline_faults(ctx):
            if k == kind:
                yield hit(h.para, h.start, message)
    return check


rule("GW201", "numbering-gap", severity="error", formats=TEXT_FORMATS, source="practice",
     message="同一层次的序号应连续，不能跳号（如“一、”之后直接是“三、”）。",
     why="序号是读者和引用者定位内容的依据（“见第三部分”），跳号会让人以为漏印或删掉了一部分，多是删去一节后没有改后面的序号。"
         "各层次在各自的上级标题下分别计数；单独成行的“附件”“附件2”之后重新计数，附件说明中的“1.”“2.”不算标题。"
         "规章的“第X条”全文连续编号，不因分章、分节重新开始；“第X章”全文（或各编内）连续，“第X节”在各章内连续。",
     bad=["一、总体要求\n三、保障措施", "第一条　为了加强城市绿化管理，制定本办法。\n第三条　本办法自发布之日起施行。"],
     good=["一、总体要求\n二、保障措施",
           "第一章　总则\n第一条　为了加强城市绿化管理，制定本办法。\n第二章　附则\n第二条　本办法自发布之日起施行。"])(_outline_rule("gap"))
rule("GW202", "numbering-duplicate", severity="error", formats=TEXT_FORMATS, source="practice",
     message="同一层次的序号重复（如两个“（一）”）。",
     why="同一层次出现两个相同的序号，引用“（一）”时就分不清指的是哪一条，多是插入新的一条后没有顺延后面的序号。"
         "只有与上一个序号相同才算重复；跳回更早的序号（“三、”之后又是“二、”）由 GW207 报告。“第X条”“第X章”同样检查。",
     bad=["一、总体要求\n（一）加强领导\n（一）强化保障", "第四条　市绿化主管部门负责绿化工作。\n第四条　绿化规划应当纳入总体规划。"], good=["一、总体要求\n（一）加强领导\n（二）强化保障"]
     )(_outline_rule("duplicate"))
rule("GW203", "numbering-start", severity="error", formats=TEXT_FORMATS, source="practice",
     message="每一层次的序号应从“一”或“1”开始（如全文第一个一级标题不应是“二、”）。",
     why="某一层次的第一个序号不是“一”或“1”，多是前面的内容被删去或挪走了，读者会以为缺页。"
         "若它接续的是上一部分的序号（第二部分下从“（三）”开始），由 GW204 报告；"
         "“一、”夹在上一段中间（“会议决定，一、原则同意……”）而“二、”另起一段的，报告在“一、”所在的段落。",
     bad=["二、总体要求\n三、保障措施", "会议决定，一、原则同意实施方案。\n二、同意调整专项资金用途。"], good=["一、总体要求\n二、保障措施"])(_outline_rule("start"))
rule("GW204", "numbering-restart", severity="error", formats=TEXT_FORMATS, source="practice",
     message="换了上级标题后，下级序号应重新从“（一）”“1.”开始，不接续上一部分。",
     why="下级序号在每个上级标题下从头编起：第二部分的第一个二级标题是“（一）”。"
         "接着上一部分编成“（三）”，读者会以为本部分漏了两条，引用“二（一）”时也对不上。",
     bad=["一、总体要求\n（一）加强领导\n（二）明确责任\n二、保障措施\n（三）强化保障"],
     good=["一、总体要求\n（一）加强领导\n（二）明确责任\n二、保障措施\n（一）强化保障"])(_outline_rule("restart"))
rule("GW205", "level-inversion", severity="error", formats=TEXT_FORMATS, source="practice",
     message="层次颠倒：序号层次应为 一、→（一）→1.→（1），下级不能出现在上级之前。",
     why="GB/T 9704-2012 7.3.3 规定层次序数依次用“一、”“（一）”“1.”“（1）”；下级序号出现在上级序号之前，读者分不清哪一级统领哪一级，常见于从别的文件整段粘贴过来的内容。",
     bad=["（一）加强领导\n一、总体要求", "一、总体要求\n1.统一思想\n（一）加强领导"],
     good=["一、总体要求\n（一）加强领导\n1.统一思想"])(_outline_rule("inversion"))
rule("GW206", "level-skipped", why="GB/T 9704-2012 要求层次依次使用；篇幅短的文件从“一、”直接用“1.”也常见，所以只作警告。",
     severity="warning", formats=TEXT_FORMATS, source="practice",
     message="跳过了一个层次（如“一、”下直接用“1.”）；短文可以接受，但宜逐级使用。",
     bad=["一、总体要求\n1.统一思想"], good=["一、总体要求\n（一）统一思想"])(_outline_rule("skip"))
rule("GW207", "numbering-order", severity="error", formats=TEXT_FORMATS, source="practice",
     message="同一层次的序号顺序颠倒（如“三、”之后出现“二、”）。",
     why="序号倒退（“三、”之后又是“二、”），多是调整段落顺序后没有重新编号，引用“第二部分”时会对应到两处。"
         "与上一个序号相同的由 GW202 报告。规章分章后又从“第一条”编起的，同样报告：条文序号全文连续。",
     bad=["一、总体要求\n二、工作任务\n三、保障措施\n二、组织实施",
          "第一章　总则\n第一条　为了加强管理，制定本办法。\n第二条　本办法适用于本市。\n第二章　附则\n第一条　本办法自发布之日起施行。"],
     good=["一、总体要求\n二、工作任务\n三、保障措施\n四、组织实施"])(_outline_rule("order"))


_NUMERAL_RE = lazyre.compile(f"[{NUMERAL_CHARS}][{NUMERAL_CHARS}{BLANKS}]*")


@rule("GW208", "numeral-form", severity="error", formats=TEXT_FORMATS, fixable=True,
      message="十以上的汉字序号写作“十一、”“二十、”“二十一、”，不写“一十一、”“十 一、”。",
      source="GB/T 15835-2011",
      why="汉字数字十一至十九写作“十一”……“十九”，“一十一”中的“一”只在“一百一十一”这样的多位数中间出现；“十 一、”中的空格把一个序号拆成了两截。"
          "只检查一级“十一、”和二级“（十一）”这两种汉字序号。",
      bad=["十 一、组织实施", "一十一、组织实施", "（一十二）强化保障"],
      good=["\n".join(f"{n}、第{n}部分" for n in "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十 二十一".split())])
def numeral_form(ctx):
    for h in headings(ctx):
        if h.level not in (1, 2) or h.number is None or h.marker.junk:
            continue
        raw = h.marker.raw
        m = _NUMERAL_RE.search(raw)
        if not m:
            continue
        typed = m.group(0).rstrip(BLANKS)
        want = to_chinese(h.number)
        if typed != want:
            start = h.start + m.start()
            yield replace(h.para, start, start + len(typed), want, f"序号“{typed}”应写作“{want}”。")




@rule("GW209", "heading-period", why="单独成行的标题不加句末标点；“（一）强化组织领导。成立了……”这样标题与正文同段的（段中标题），标题后用句号，不在此列。"
         "编了号的条目不是标题：本身是一句话的（“三、违反本通告规定，……予以处罚。”），或一条接一条、下面没有正文的清单"
         "（“（一）营业执照复印件。”“（二）身份证明复印件。”），保留句号、分号。",
     severity="error", formats=TEXT_FORMATS, fixable=True,
      source="practice", message="单独成行的标题末尾不加句号，“二、存在的问题。”应写作“二、存在的问题”。",
      bad=["一、存在的问题。", "（一）加强组织领导。\n正文内容。", "一、总体要求\n二、存在的问题。"],
      good=["一、存在的问题", "（一）强化组织领导。成立了工作专班，定期研究推进。",
            "申请时应提交下列材料：\n（一）营业执照复印件。\n（二）法定代表人身份证明复印件。"])
def heading_period(ctx):
    view = {i: mt for i, _, mt in items(ctx)}
    for h in headings(ctx):
        mtext = view[h.index].rstrip(BLANKS + SYNTAX)
        if h.level > 2 or h.item or not mtext.endswith("。"):
            continue
        body = mtext[h.end:-1]
        if "。" in body or "！" in body or "？" in body or "；" in body:
            continue  # run-in heading: the heading sentence and the body share the paragraph
        end = len(mtext) - 1
        yield replace(h.para, end, end + 1, "", "单独成行的标题末尾不加句号。")


_TITLE_END = "。，；、：,.;:"


def title_para(ctx):
    """The document title's last line (a title may wrap over several), after any 版头: from the roles."""
    if ctx.format == "yaml":
        return next(((p, mt) for _, p, mt in items(ctx) if p.kind == "yaml:title"), None)
    found = None
    for (_, para, mtext), role in zip(items(ctx), roles(ctx)):
        if role.kind == TITLE:
            found = (para, mtext)
        elif found is not None and role.kind != BLANK:
            break
    return found


@rule("GW210", "title-punctuation", severity="error", fixable=True, source="practice",
      message="文件标题末尾不加标点符号。",
      why="《党政机关公文处理工作条例》规定公文标题由发文机关名称、事由和文种组成：标题是文件的名称，不是句子，末尾不加句号、逗号等标点。"
          "只看文首第一段，且它以“通知”“报告”“讲话”“方案”等文种结尾时才当作标题；YAML 内容看 title。",
      bad=["关于做好2024年安全生产工作的通知。\n各单位："], good=["关于做好2024年安全生产工作的通知\n各单位："])
def title_punctuation(ctx):
    # in YAML content the loader refuses it too: one finding, this rule's (with its fix)
    return complete(ctx, TITLE_PUNCTUATION, _title_punctuation(ctx))


def _title_punctuation(ctx):
    found = title_para(ctx)
    if not found:
        return
    para, mtext = found
    text = mtext.rstrip(BLANKS + SYNTAX)
    if text and text[-1] in _TITLE_END:
        yield replace(para, len(text) - 1, len(text), "", f"标题末尾的“{text[-1]}”应删去。")
