"""GW418–GW421 brackets and dashes that look right and are not: an inner title mark typed as
``<>``, 六角括号 〔〕 used for a note, the year of a 发文字号 in look-alike brackets, a 破折号
where a 连接号 belongs (GB/T 15834-2011 4.9, 4.10, 4.13, 4.15; GB/T 9704-2012 7.2.5).

Each rule reports one precise shape only; what GW505 (a 发文字号 in the wrong form) already
reports is left to it.
"""

from __future__ import annotations

import re
from gongwen.spec import lazyre
from itertools import accumulate

from gongwen.lint.findings import hit, replace
from gongwen.lint.registry import rule
from gongwen.lint.textview import items, prev_char
from gongwen.spec import docnumber
from gongwen.spec.chars import is_cjk

_INNER_OPEN = {"<": ">", "‹": "›", "＜": "＞", "《": "》", "〈": "〉"}
_CLOSER_OF = {v: k for k, v in _INNER_OPEN.items()}
_TITLE_MARKS_RE = lazyre.compile("[《》<>‹›＜＞〈〉]")


@rule("GW418", "inner-title-mark", triggers="《", severity="error", fixable=True, source="GB/T 15834-2011 4.15",
      message="书名号里面还要用书名号时，里面一层用单书名号“〈〉”，不用“<>”“‹›”或“《》”。",
      why="GB/T 15834-2011 4.15：书名号里边还要用书名号时，外面一层用双书名号“《》”，里边一层用单书名号“〈〉”。"
          "“<>”是数学中的小于号、大于号，“‹›”是西文引号，印出来与单书名号不同；里外都用“《》”，读者分不清哪个“》”闭合哪一层。"
          "只报告“《》”之内、括起汉字的一对记号。",
      bad=["根据《关于印发<清河县防汛应急预案>的通知》要求。", "学习《关于印发《清河县河长制工作规则》的通知》。"],
      good=["根据《关于印发〈清河县防汛应急预案〉的通知》要求。", "当x<5且y>3时，见《清河县统计年鉴》。"])
def inner_title_mark(ctx):
    for _, para, mtext in items(ctx):
        if "《" not in mtext or (mtext.count("《") < 2 and "<" not in mtext and "‹" not in mtext and "＜" not in mtext):
            continue  # no inner title mark can be there
        stack = []  # (position, opener) of the marks open at this point
        count = dict.fromkeys(_INNER_OPEN, 0)  # how many of each are on the stack: no scan for a stray closer
        cjk = None  # Chinese characters before each index, counted when first needed
        for m in _TITLE_MARKS_RE.finditer(mtext):
            pos, c = m.start(), m.group(0)
            if c == "《" or (c in _INNER_OPEN and count["《"]):
                stack.append((pos, c))
                count[c] += 1
                continue
            if c in _INNER_OPEN or not count[_CLOSER_OF[c]]:
                continue  # a stray > or 》: GW406's business
            k = next(j for j in range(len(stack) - 1, -1, -1) if stack[j][1] == _CLOSER_OF[c])
            start, opener = stack[k]
            for _, o in stack[k:]:
                count[o] -= 1
            del stack[k:]
            outer = count["《"] > 0
            if not outer or opener == "〈":
                continue
            cjk = cjk or list(accumulate((is_cjk(ch) for ch in mtext), initial=0))
            if cjk[pos] > cjk[start + 1]:
                yield replace(para, start, pos + 1, "〈" + para.text[start + 1:pos] + "〉",
                              f"书名号内的“{opener}…{c}”应写作单书名号“〈…〉”。")


_YEAR = r"(?:19|20)\d\d"
#: A year in brackets other than 〔〕 before a serial and 号: the year of a 发文字号.
_NUMBER_YEAR_RE = lazyre.compile(r"(?P<b1>[\[［【﹝〖(（])[ \t]*(?P<year>" + _YEAR + r")[ \t]*(?P<b2>[\]］】﹞〗)）])"
                             r"[ \t]*(?:第[ \t]*)?(?P<num>\d{1,4})[ \t]*号")
_PAIR = {"[": "]", "［": "］", "【": "】", "﹝": "﹞", "〖": "〗", "(": ")", "（": "）"}
_SMALL_RE = lazyre.compile(r"﹝[^﹝﹞]{0,20}﹞")


@rule("GW419", "document-number-brackets", triggers="号﹝", severity="error", fixable=True, source="GB/T 9704-2012 7.2.5",
      message="发文字号中的年份用六角括号“〔〕”，不用形近的“﹝﹞”“【】”“[]”“（）”；序号不加“第”、不编虚位。",
      why="GB/T 9704-2012 7.2.5：发文字号中的年份用六角括号“〔〕”括入，发文顺序号不加“第”字、不编虚位。"
          "“﹝﹞”（U+FE5D、U+FE5E）是竖排用的小写变体，字形与“〔〕”几乎一样，但检索“〔2021〕”找不到它；"
          "“【】”“[]”“（）”是另外的括号。机关代字以“发”“函”“字”等结尾的由 GW505 报告；本规则报告 GW505 看不出的那些："
          "机关代字是“嘉发改”“财预”这样的、没有机关代字的（圆括号前须有机关代字），以及不在发文字号中的“﹝﹞”。",
      bad=["﹝2021﹞17号", "根据嘉发改（2021）17号文件要求。", "嘉发改﹝2021﹞17号", "财预[2024]第3号"],
      good=["嘉发改〔2021〕17号", "根据清政发〔2024〕5号文件要求。", "《清河县统计年鉴（2024）》"])
def document_number_brackets(ctx):
    for _, para, mtext in items(ctx):
        if "号" not in mtext and "﹝" not in mtext:
            continue
        years = list(_NUMBER_YEAR_RE.finditer(mtext))
        if not years and "﹝" not in mtext:
            continue
        gw505 = {m.start("b1") + len(m.group("b1")) - len(m.group("b1").lstrip()) for m in docnumber.PATTERN.finditer(mtext)}
        done = set()
        for m in years:
            a, b = m.start("b1"), m.start("b2")
            if _PAIR[mtext[a]] != mtext[b] or a in gw505 or (mtext[a] in "(（" and not is_cjk(prev_char(mtext, a))):
                continue  # GW505 reports it; a round bracket needs the issuer code before it
            done.add(a)
            new = f"〔{m.group('year')}〕{int(m.group('num'))}号"
            if new != m.group(0):
                yield replace(para, a, m.end(), new, f"发文字号中的“{m.group(0)}”应写作“{new}”。")
        for m in _SMALL_RE.finditer(mtext):
            if m.start() not in done and m.start() not in gw505:
                yield hit(para, m.start(), f"“{m.group(0)}”中的“﹝﹞”是形近的变体字符，不是六角括号“〔〕”。")


#: What 〔〕 may hold besides the year of a 发文字号: a placeholder word (GW603/GW610 report it),
#: an author's nationality or dynasty before a name (〔英〕, 〔北宋〕).
_HEX_RE = lazyre.compile(r"〔([^〔〕]{0,40})〕")
_HEX_OK_RE = lazyre.compile(r"[ \t]*" + _YEAR + r"[ \t]*|[\u4e00-\u9fff]{1,2}|[ \u3000]*")
_HEX_LEFT = lazyre.compile(r"待|补充|填写|此处|核实|单位|机关|部门|名称|日期|时间|姓名|电话|[XxＸｘ×某…]")


@rule("GW420", "hexagonal-brackets", triggers="〔", severity="warning", source="practice",
      message="六角括号“〔〕”只用于发文字号中的年份等少数场合，注释、说明、来源用圆括号“（）”。",
      why="GB/T 15834-2011 4.9：注释内容、补充说明和引语的出处用圆括号“（）”；六角括号“〔〕”用于发文字号中的年份（国发〔2011〕3号）、"
          "作者的国籍或朝代（〔英〕〔唐〕）。公文中“〔来源：…〕”“〔注：…〕”这样的“〔〕”多是照抄了别处的格式。"
          "辞书、古籍整理中“〔〕”还有别的用法，故只作警告；括号中是年份或一两个字的不报告，“〔待定〕”由 GW603 报告。",
      bad=["〔来源：清河县统计局〕", "全县粮食总产量12.6万吨〔注：不含大豆〕。"],
      good=["清政发〔2024〕5号", "〔英〕赫胥黎著《天演论》", "（来源：清河县统计局）"])
def hexagonal_brackets(ctx):
    for _, para, mtext in items(ctx):
        if "〔" not in mtext:
            continue
        for m in _HEX_RE.finditer(mtext):
            inner = m.group(1)
            if _HEX_OK_RE.fullmatch(inner) or (len(inner) <= 8 and _HEX_LEFT.search(inner)):
                continue
            yield hit(para, m.start(), f"“〔{inner[:12]}{'…' if len(inner) > 12 else ''}〕”不是发文字号的年份，注释、说明应使用圆括号“（）”。")


_PLACE = r"(?:路|街|大街|大道|巷|站|桥|村|镇|乡|港|码头|机场|广场|路口|隧道|收费站|立交|互通|枢纽)"
#: ``天山西路——申昆路段``, ``从江州站——清河站``: two places joined by a 破折号 where a link needs the
#: 一字线.  A place followed by a comma is not enough: ``这条路——天山西路，`` explains, it does not link.
_PLACE_DASH_RE = lazyre.compile(
    r"(?P<from>从|由|自|连接|往返|开通|开行)?(?P<a>[\u4e00-\u9fff]{1,10}?[路街道巷站桥村镇乡港场口])(?<!—)——(?!—)"
    r"(?=[\u4e00-\u9fff]{1,10}?" + _PLACE + r"(?P<link>段|路段|区间|沿线|一线|之间|间|方向|全线|线|公交|专线|城际)?)")
_DEMONSTRATIVE = set("这那该此条座个些")


#: ``2024——2026年``, ``5月——8月``, ``3——5天``: two figures joined by a 破折号.
_NUMBER_DASH_RE = lazyre.compile(r"(?<=\d)(?P<unit>[年月日时号]?)(?<!—)——(?!—)(?=\d)")


@rule("GW421", "dash-as-connector", triggers="—", severity="error", fixable=True, source="GB/T 15834-2011 4.13",
      message="标示起止、连接地点用一字线“—”（天山西路—申昆路，2024—2026年），不用破折号“——”。",
      why="GB/T 15834-2011 4.13：标示时间、地域的起止和相关项目的连接用连接号，形式为一字线“—”，占一个字的位置；"
          "破折号“——”占两个字的位置，标示的是注释、话题转换或声音延长。“天山西路——申昆路”“2024——2026年”读作解释说明，意思就变了。"
          "只报告两个地名（以路、街、站、桥、村、镇等结尾）或两个数字之间的“——”；数值范围（3——5天）应写浪纹线“～”，只提示不自动修正。",
      bad=["天山西路——申昆路段施工期间实行交通管制。", "2024——2026年", "5月——8月为主汛期。"],
      good=["天山西路—申昆路段施工期间实行交通管制。", "2024—2026年", "这条路——天山西路，承载着全区三成的车流。",
            "新建道路——清河大道，全长3.2公里。"])
def dash_as_connector(ctx):
    for _, para, mtext in items(ctx):
        if "——" not in mtext:
            continue
        for m in _PLACE_DASH_RE.finditer(mtext):
            if not (m.group("from") or m.group("link")) or _DEMONSTRATIVE & set(m.group("a")[-3:]):
                continue
            a = m.end() - 2
            yield replace(para, a, a + 2, "—", "连接两个地点用一字线“—”，不用破折号“——”。")
        for m in _NUMBER_DASH_RE.finditer(mtext):
            a = m.start() + len(m.group("unit"))
            left = re.search(r"\d+$", mtext[:m.start()]).group(0)
            right = re.match(r"\d+", mtext[a + 2:]).group(0)
            after = mtext[a + 2 + len(right):a + 3 + len(right)]
            span = m.group("unit") or after in ("年", "月", "日", "时", "号") or (len(left) == 4 == len(right))
            if span:
                yield replace(para, a, a + 2, "—", f"“{left}{m.group('unit')}——{right}{after if after in '年月日时号' else ''}”标示起止，应使用一字线“—”。")
            else:
                yield hit(para, a, f"“{left}——{right}”标示数值范围，应使用浪纹线“～”，不用破折号“——”。")
