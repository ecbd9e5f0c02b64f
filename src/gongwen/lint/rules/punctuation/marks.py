"""GW4xx punctuation marks: full-width forms, doubled and conflicting marks, ellipses, ranges,
spaces, dashes and paragraph ends (GB/T 15834-2011).

Every rule reads the masked text (see :mod:`gongwen.lint.textview`), so URLs,
e-mail addresses, file names, code and Markdown syntax are never flagged, and
decides by the neighbours of a mark: a half-width comma between two Chinese
characters is a fault, the one in ``1,000`` or ``Hello, world`` is not.
"""

from __future__ import annotations

import re
from gongwen.spec import lazyre

from gongwen.lint.findings import hit, replace
from gongwen.lint.registry import rule
from gongwen.draft.roles import ARTICLE, ARTICLE_RE, PART, PART_RE, PRINTED
from gongwen.lint.textview import (OPAQUE, SYNTAX, heading_at, items, marker_spans, next_char, prev_char,
                                   recipient_colons, roles)
from gongwen.spec.chars import BLANKS, FULLWIDTH_FORMS, is_cjk, is_cn

#: Patterns run on every paragraph, compiled once (re's cache lookup per call adds up).
_DOUBLED_RE = lazyre.compile(r"([，、；：。？！])\1+")
_CONFLICT_RE = lazyre.compile(r"[，、；：。][，、；：。]")
_SENTENCE_END_RE = lazyre.compile("[。！？]")
_LONE_DOT_RE = lazyre.compile(r"(?<![.．])[.．](?![.．])")
_ELLIPSIS_DENG_RE = lazyre.compile(r"……(等等|等)(?![级额量同效待候价比值距高速差式号次分])")
_DENG_ELLIPSIS_RE = lazyre.compile(r"(等等|等)……")
_BEFORE_DENG_RE = lazyre.compile(r"[、，](?=等(?![级额量同效待候价比值距高速差式号次分第]))")

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def _in(pos, region):
    return region is not None and region[0] <= pos < region[1]


@rule("GW401", "halfwidth-punctuation", triggers=",;:?!", severity="error", fixable=True,
      message="中文文本中应使用全角标点：“,”“;”“:”“?”“!”应写作“，”“；”“：”“？”“！”。",
      source="GB/T 15834-2011 3、5",
      why="GB/T 15834-2011 第 3、5 章：中文的逗号、分号、冒号、问号、叹号都是全角符号，各占一个字的位置。"
          "半角“,”“;”“:”是西文标点，只占半个字、用西文字体显示，夹在汉字中间显得局促，也与全文不一致。"
          "两边都是数字的（1,000、14:30、3:2）、西文句子、网址和文件名不报告；主送机关后的“:”由 GW506 报告。",
      bad=["大家讲得很好,有工作思路,有具体措施。", "主要任务如下:一是加强领导。", "这项工作完成了吗?"],
      good=["大家讲得很好，有工作思路。", "全年增长1.8万人，会议14:30开始，详见https://www.gov.cn/a,b。",
            "他说：Hello, world! 比例为3:2，共1,000人。"])
def halfwidth_punctuation(ctx):
    skip = marker_spans(ctx)
    colons = recipient_colons(ctx)
    for i, para, mtext in items(ctx):
        if not any(c in mtext for c in ",;:?!"):
            continue
        colon_at = colons.get(i, -1)
        region = skip.get(i)
        for m in re.finditer(r"[,;:?!]+", mtext):
            pos = m.start()
            mark = m.group(0)
            if _in(pos, region) or pos == colon_at:
                continue
            p, n = prev_char(mtext, pos), next_char(mtext, m.end())
            if p.isdigit() and n.isdigit():
                continue  # 1,000  14:30  3:2
            if not (is_cn(p) or (is_cjk(n) and not (p and p.isascii() and p.isalnum()))):
                continue
            if mark in ("?!", "!?", "??", "!!"):
                full = "".join(_HALF_TO_FULL[c] for c in mark)
            elif len(mark) > 1:
                continue  # ``::`` ``,,``: leave to the doubled-mark rule
            else:
                full = _HALF_TO_FULL[mark]
            end = m.end()
            if end < len(mtext) and mtext[end] == " " and is_cn(next_char(mtext, end + 1)):
                end += 1  # ``完成, 取得`` → ``完成，取得``
            yield replace(para, pos, end, full, f"中文文本中的半角“{mark}”应写作全角“{full}”。")


@rule("GW402", "halfwidth-period", triggers=".．", severity="error", fixable=True,
      message="中文句末应使用句号“。”，不用半角“.”或全角“．”。", source="GB/T 15834-2011 4.1",
      why="GB/T 15834-2011 4.1：句号的形式是“。”；半角“.”和全角“．”是西文句点或下脚点（“1.”这类序号用它），不能作中文的句末标点。"
          "只在点前是汉字（或后引号、后括号）、点后是段尾、空格或汉字时报告，小数（1.8万）、标题序号“1.”、文件名和网址不报告。",
      bad=["会议取得圆满成功.", "各单位要高度重视．认真落实。"],
      good=["会议取得圆满成功。", "增长1.8万人，详见附件.docx和www.gov.cn。", "1.统一思想"])
def halfwidth_period(ctx):
    skip = marker_spans(ctx)
    for i, para, mtext in items(ctx):
        if "." not in mtext and "．" not in mtext:
            continue
        region = skip.get(i)
        for m in _LONE_DOT_RE.finditer(mtext):
            pos = m.start()
            if _in(pos, region):
                continue
            p, n = prev_char(mtext, pos), next_char(mtext, pos + 1)
            if not is_cjk(p) and p not in "”’）》":
                continue
            if not (n == "" or n in BLANKS or is_cn(n) or n in "\"'"):
                continue
            if p in "”’）》" and not (n == "" or is_cn(n)):
                continue
            yield replace(para, pos, pos + 1, "。", f"句末的“{m.group(0)}”应写作“。”。")


#: A heading marker's numeral at the start of a paragraph: ``一、、总体要求`` doubles the marker's 、.
_MARKER_BEFORE = lazyre.compile(r"[ \u3000\t]*(?:[一二三四五六七八九十百〇零]{1,4}|\d{1,3})")


@rule("GW404", "doubled-punctuation", severity="error", fixable=True, source="practice",
      message="标点重复，如“、、”“，，”“。。”：应只保留一个，或补上漏掉的词语。",
      why="重复的同一个点号（“，，”“、、”“。"
          "。”）没有任何含义，多是录入或删改时留下的。"
          "两个相同的“，”“。”“；”“：”多是多按了一次键，可自动改为一个；"
          "重复的“、”（“微博、、抖音”）和三个以上的同一点号，更可能是删改时漏掉了词语（并列的某一项），"
          "只报告、不自动修改，请补上漏掉的词语或删去多余的标点；段首序号后的“一、、”仍自动改为“一、”。"
          "三个以上的“。"
          "。"
          "。”是写错的省略号，由 GW409 报告；表示强烈语气的“？？”“！！”（不超过三个）不报告。",
      bad=["加强领导，，明确责任。", "会议结束。。"],
      good=["加强领导，明确责任。", "开通微博、微信、抖音账号。"])
def doubled_punctuation(ctx):
    for _, para, mtext in items(ctx):
        for m in _DOUBLED_RE.finditer(mtext):
            if m.group(1) == "。" and len(m.group(0)) >= 3:
                continue  # 。。。 is an ellipsis typed wrong: GW409
            if m.group(1) in "？！" and len(m.group(0)) <= 3:
                continue  # emphatic ？？ ！！ is a matter of style
            after_marker = m.group(1) == "、" and _MARKER_BEFORE.fullmatch(mtext, 0, m.start())
            if (m.group(1) == "、" and not after_marker) or len(m.group(0)) > 2:
                # a list item, or a word, deleted: removing the marks would hide that it is missing
                yield hit(para, m.start(), f"重复的“{m.group(0)}”：可能漏掉了词语（并列的某一项），"
                                           f"请补上，或删去多余的“{m.group(1)}”。")
                continue
            yield replace(para, m.start(), m.end(), m.group(1), f"重复的“{m.group(0)}”应只保留一个“{m.group(1)}”。")


@rule("GW405", "conflicting-punctuation", severity="warning", source="practice",
      message="两个不同的点号连用（如“，。”“。，”“、，”），应只保留一个。",
      why="一处停顿只用一个点号：“，。”“、，”这样两个不同的点号连用，多是改句子时原来的标点没删干净，读者不知道该按哪一个停顿。"
          "只看逗号、顿号、分号、冒号、句号之间的连用，中间隔着引号或括号的不报告。",
      bad=["加强领导，。明确责任。"], good=["加强领导，明确责任。", "他说：“好。”然后离开。"])
def conflicting_punctuation(ctx):
    for _, para, mtext in items(ctx):
        for m in _CONFLICT_RE.finditer(mtext):
            if m.group(0)[0] != m.group(0)[1]:
                yield hit(para, m.start(), f"“{m.group(0)}”连用，应只保留一个点号。")


_ELLIPSIS_RE = lazyre.compile(r"\.{3,}|。{3,}|…{3,}|(?<!…)…(?!…)|．{3,}|(?<!…)……(?=…)")


@rule("GW409", "ellipsis-form", triggers="….。．", severity="error", fixable=True,
      message="省略号应写作“……”（两个“…”），不用“...”“。。。”或单个“…”。", source="GB/T 15834-2011 4.11",
      why="GB/T 15834-2011 4.11：省略号的形式是“……”，六个点占两个字的位置。"
          "“...”是西文省略号，“。"
          "。"
          "。”是三个句号，单个“…”只占一个字，都不是中文省略号的写法。"
          "前后都不是中文的“...”（西文句子）不报告。",
      bad=["加强学习、提高认识...", "各项工作。。。", "等等…"], good=["加强学习、提高认识……", "Wait... what"])
def ellipsis_form(ctx):
    for _, para, mtext in items(ctx):
        if "…" not in mtext and "..." not in mtext and "。。。" not in mtext and "．．．" not in mtext:
            continue
        for m in _ELLIPSIS_RE.finditer(mtext):
            p, n = prev_char(mtext, m.start()), next_char(mtext, m.end())
            if m.group(0)[0] in ".．" and not (is_cn(p) or is_cn(n)):
                continue  # English text
            yield replace(para, m.start(), m.end(), "……", f"省略号“{m.group(0)}”应写作“……”。")


@rule("GW410", "ellipsis-with-deng", severity="error", fixable=True, triggers="…",
      message="省略号与“等”“等等”不同时使用，“……等”应写作“……”或“等”。", source="GB/T 15834-2011 4.11.3.9",
      why="省略号和“等”“等等”都表示列举未尽，同时使用意思重复（GB/T 15834-2011 4.11.3.9），保留其中一个即可。"
          "以“等”开头的词（等级、等额、等量、等同……）不算；“等……”只提示，不自动修正。",
      bad=["钢铁、煤炭、电力……等行业。"], good=["钢铁、煤炭、电力等行业。", "钢铁、煤炭、电力……"])
def ellipsis_with_deng(ctx):
    for _, para, mtext in items(ctx):
        for m in _ELLIPSIS_DENG_RE.finditer(mtext):
            yield replace(para, m.start(), m.end(), "……", f"“……{m.group(1)}”重复，应删去“{m.group(1)}”（或删去省略号）。")
        for m in _DENG_ELLIPSIS_RE.finditer(mtext):
            yield hit(para, m.start(), f"“{m.group(0)}”重复，应删去省略号。")


@rule("GW411", "dunhao-before-deng", severity="error", fixable=True, triggers="等",
      message="“等”前不加顿号，“A、B、等”应写作“A、B等”。", source="GB/T 15834-2011 4.5",
      why="GB/T 15834-2011 4.5：顿号用于并列词语之间的停顿；“等”不是并列的一项，而是结束列举的助词，紧跟在最后一项之后，前面不加顿号或逗号。"
          "以“等”开头的词（“数量、等级”中的“等级”）本身是并列的一项，不报告。",
      bad=["钢铁、煤炭、等行业。"], good=["钢铁、煤炭等行业。", "数量、等级、质量均达标。"])
def dunhao_before_deng(ctx):
    for _, para, mtext in items(ctx):
        for m in _BEFORE_DENG_RE.finditer(mtext):
            yield replace(para, m.start(), m.end(), "", f"“等”前的“{m.group(0)}”应删去。")


_UNIT_TIME = "年月日时"
_RANGE_RE = lazyre.compile(
    r"(?<![A-Za-z0-9./:_\-])(\d+(?:\.\d+)?)(\s*(?:(?:年|月|日|时)\s*)?)([-–－~])(\s*)(\d+(?:\.\d+)?)(?![\d\-./])"
    r"(?=[%％\u4e00-\u9fff℃])")


@rule("GW412", "range-mark", triggers="-–－~", severity="error", fixable=True,
      message="表示起止用一字线“—”（2013—2015年），表示数值范围用浪纹线“～”（3～5年），不用连字符“-”。",
      source="GB/T 15834-2011 4.13",
      why="GB/T 15834-2011 4.13：连接号有短横线“-”、一字线“—”、浪纹线“～”三种：标示时间、地域的起止用一字线（2013—2015年），标示数值范围用浪纹线（3～5天），短横线用于电话号码、产品型号等的连接。"
          "只在数字后紧跟汉字、“%”或“℃”时报告，标准编号（GB/T 9704-2012）和电话号码不报告；年、月、日、时的起止改为“—”，其余改为“～”。",
      bad=["2013-2015年", "培训3-5天", "气温15~20℃"],
      good=["2013—2015年", "培训3～5天", "依据GB/T 9704-2012执行，电话0571-88888888。"])
def range_mark(ctx):
    for _, para, mtext in items(ctx):
        if not any(c in mtext for c in "-–－~"):
            continue
        for m in _RANGE_RE.finditer(mtext):
            a, unit_a, dash, _, b = m.group(1), m.group(2).strip(), m.group(3), m.group(4), m.group(5)
            if re.search(r"[A-Za-z][/ \t]*[A-Za-z]*[/ \t]*$", mtext[max(0, m.start() - 8):m.start()]):
                continue  # GB/T 9704-2012, ISO 9001-2015: a standard's number
            after = mtext[m.end():m.end() + 1]
            time_span = (len(a) == 4 and len(b) == 4 and (after == "年" or unit_a == "年")) or \
                        (after in "月日时" and unit_a in ("", after)) or unit_a in ("月", "日")
            new = "—" if time_span else "～"
            start = m.start(3)
            yield replace(para, start, start + len(dash), new,
                          f"“{a}{m.group(2)}{dash}{b}”中的“{dash}”应写作“{new}”（{'起止用一字线' if new == '—' else '数值范围用浪纹线'}）。")


def _digit_run_touches_cjk(text, i, step):
    """From a digit at ``i``, walk the digit run in direction ``step`` and say whether it meets
    Chinese text (directly or across one space)."""
    while 0 <= i < len(text) and (text[i].isdigit() or text[i] in ".%"):
        i += step
    if 0 <= i < len(text) and text[i] == " ":
        i += step
    return 0 <= i < len(text) and is_cn(text[i])


#: A quantity with its unit: ``80m×12.6m``, ``1.2kW``, ``35%``, ``15℃``.
_QUANTITY = r"\d+(?:\.\d+)?(?:[A-Za-z㎡²³℃‰%％]{1,3})?(?:[×xX*/]\d+(?:\.\d+)?(?:[A-Za-z㎡²³℃‰%％]{1,3})?)*"
_QUANTITY_AT = lazyre.compile(_QUANTITY + r"(?![A-Za-z0-9])")
_QUANTITY_BEFORE = lazyre.compile(r"(?<![A-Za-z0-9.])" + _QUANTITY + r"$")


def _quantity_between(text, a, b):
    """Is the space ``text[a:b]`` one side of a quantity set in Chinese text, with its unit
    (``由 80m×12.6m 调整为``)?  The other side of the quantity is Chinese, directly or across one
    space; ``Windows 10 系统`` is not one."""
    p, n = text[a - 1], text[b]
    if is_cn(p) and n.isascii() and n.isdigit():
        m = _QUANTITY_AT.match(text, b)
        k = m.end() if m else b
        k += text[k:k + 1] == " "
        return m is not None and k < len(text) and is_cn(text[k])
    if is_cn(n) and ((p.isascii() and p.isalnum()) or p in "%％℃‰㎡²³"):
        m = _QUANTITY_BEFORE.search(text, max(0, a - 40), a)
        if m is None:
            return False
        k = m.start() - 1
        k -= text[k:k + 1] == " " and k > 0
        return k >= 0 and is_cn(text[k])
    return False


#: The end of an organisation's name, and the one after it: ``中共中央办公厅 国务院办公厅关于……``
#: (joint issuers are set apart by a space, in a cited title too).
_ORG = r"(?:办公厅|办公室|委员会|政府|党委|党组|[部厅局委署院])"
_ORG_BEFORE = lazyre.compile(r"[\u4e00-\u9fff]{2,}" + _ORG + "$")
_ORG_AFTER = lazyre.compile(r"[\u4e00-\u9fff]{1,20}?" + _ORG + r"(?=关于|印发|联合|同意|[《》、，。：\s]|$)")


def _quiet_spaces(ctx):
    """``{paragraph index: (start, end)}`` of spaces set on purpose: after ``第一条`` and
    ``第一章`` (regulations set them so), and the whole 印发 line of the 版记."""
    out = {}
    for i, (para, role) in enumerate(zip(ctx.paras, roles(ctx))):
        if role.kind == PRINTED:
            out[i] = (0, len(para.text))
        elif role.kind in (ARTICLE, PART):
            m = (ARTICLE_RE if role.kind == ARTICLE else PART_RE).search(para.text)
            if m:
                out[i] = (m.end(), m.end() + len(para.text[m.end():]) - len(para.text[m.end():].lstrip(BLANKS)))
    return out


#: A short name or word between spaces, a list's start or end: ``张三 李四 王五``.
_LIST_PIECE = r"[\u4e00-\u9fff·]{2,4}"
_NAME_LIST = lazyre.compile(rf"(?:(?<=[：:])|(?<![\u4e00-\u9fff·])){_LIST_PIECE}(?:[ \u00a0]+{_LIST_PIECE}){{1,}}"
                        r"(?![\u4e00-\u9fff·])")


def _name_list(mtext: str, a: int, b: int) -> bool:
    """Is the space at ``mtext[a:b]`` one of those separating a list of names (three or more,
    or two after a colon)?"""
    for m in _NAME_LIST.finditer(mtext, max(0, a - 80), min(len(mtext), b + 80)):
        if m.start() < a and b < m.end():
            pieces = re.split(r"[ \u00a0]+", m.group(0))
            return len(pieces) >= 3 or mtext[m.start() - 1:m.start()] in ("：", ":")
    return False


@rule("GW413", "stray-space", triggers=" \u00a0", why="中文之间、中文与数字之间不加空格，数字带单位的（“由 80m×12.6m 调整为”）也一样；YAML 中折成多行的中文也会在折行处产生空格。"
         "有意留的空格不报告：规章“第一条”“第一章”后的空格、联合发文机关名称之间的空格（“中共中央办公厅 国务院办公厅”）、版记印发一行中的空格。"
         "用空格分隔的名单（“出席：张三 李四 王五”）只报告、不自动修正：删去空格会把名字连在一起，应改用顿号。",
     severity="warning", fixable=True, source="practice",
      message="中文文本中间不应有空格（“产业 工人”“在 2022 年”应去掉空格）。",
      bad=["推进产业 工人队伍建设。", "在 2022 年召开。", "完成任务 ，取得实效。", "桥面尺寸由 80m×12.6m 调整为 96m×15m。"],
      good=["推进产业工人队伍建设。", "使用 Windows 10 系统。", "市委副书记　张某某",
            "第一章  总则\n第一条  为了加强城市绿化管理，制定本办法。",
            "认真贯彻《中共中央办公厅 国务院办公厅关于加强基层治理的意见》。"])
def stray_space(ctx):
    quiet = _quiet_spaces(ctx)
    for i, para, mtext in items(ctx):
        if " " not in mtext and "\u00a0" not in mtext:
            continue
        region = quiet.get(i)
        # Indentation ends at ``first``, trailing blanks start at ``last``: computed once, not
        # by slicing the line around every run of spaces (quadratic on a long line).
        first = len(mtext) - len(mtext.lstrip(BLANKS + SYNTAX))
        last = len(mtext.rstrip(BLANKS + SYNTAX))
        for m in re.finditer(r"[ \u00a0]+", mtext):
            a, b = m.start(), m.end()
            if a <= first or b >= last:
                continue  # indentation, trailing blanks
            if SYNTAX in mtext[a - 1:a] or SYNTAX in mtext[b:b + 1] or (region and region[0] <= a < region[1]):
                continue
            p, n = mtext[a - 1], mtext[b]
            if is_cn(p) and is_cn(n) and _ORG_BEFORE.search(mtext, max(0, a - 24), a) and _ORG_AFTER.match(mtext, b):
                continue  # joint issuers: 中共中央办公厅 国务院办公厅
            fault = (is_cn(p) and is_cn(n)) or \
                    (is_cn(p) and n.isdigit() and n.isascii() and _digit_run_touches_cjk(mtext, b, 1)) or \
                    (is_cn(n) and p.isdigit() and p.isascii() and _digit_run_touches_cjk(mtext, a - 1, -1)) or \
                    _quantity_between(mtext, a, b)
            if fault and para.segments and any(seg[0] == b for seg in para.segments):
                yield hit(para, a, "YAML 多行文字在折行处会变成一个空格：中文段落请写在一行，或用“|”块每行一段。")
            elif fault and _name_list(mtext, a, b):
                # 出席：张三 李四 王五 — deleting the spaces would run the names together
                yield hit(para, a, "用空格分隔的名单：请改用顿号“、”分隔（删去空格会把名字连在一起，不自动修正）。")
            elif fault:
                yield replace(para, a, b, "", "中文文本中间的空格应删去。")


_FULLWIDTH_ALNUM = "".join(map(chr, (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))))
_FULLWIDTH_ALNUM_RE = lazyre.compile(r"[０-９Ａ-Ｚａ-ｚ]+")


@rule("GW414", "fullwidth-alphanumeric", severity="error", fixable=True,
      message="阿拉伯数字和拉丁字母应使用半角，“２０２４年”“ＧＤＰ”应写作“2024年”“GDP”。",
      source="GB/T 15835-2011 5.1", triggers=_FULLWIDTH_ALNUM,
      why="GB/T 15835-2011 5.1：阿拉伯数字一般占半个汉字的位置，即用半角；文中的拉丁字母同样用半角。"
          "全角的“２０２４”“ＧＤＰ”每个字符占一个汉字宽，字距松散，与文中其他半角数字、字母宽窄不一。"
          "标题序号中的全角数字由 GW106 报告。",
      bad=["２０２４年全市ＧＤＰ增长。"], good=["2024年全市GDP增长。"])
def fullwidth_alphanumeric(ctx):
    skip = marker_spans(ctx)
    for i, para, mtext in items(ctx):
        region = skip.get(i)
        for m in _FULLWIDTH_ALNUM_RE.finditer(mtext):
            if _in(m.start(), region):
                continue
            new = m.group(0).translate(FULLWIDTH_FORMS)
            yield replace(para, m.start(), m.end(), new, f"全角字符“{m.group(0)}”应写作半角“{new}”。")


@rule("GW415", "dash-form", triggers="-－―—", severity="error", fixable=True,
      message="破折号应写作“——”（两个“—”），不用“--”“－－”。", source="GB/T 15834-2011 4.10",
      why="GB/T 15834-2011 4.10：破折号的形式是“——”，占两个字的位置。"
          "“--”“－－”是连字符，“―”（U+2015）多是按 GB2312 转换编码时留下的，三个以上的“———”太长，都不是破折号的写法。"
          "只在前后有中文时报告；单个“—”是连接号（2013—2015年），不在此列。",
      bad=["改革--发展--稳定", "主题－－奋斗"], good=["改革——发展——稳定", "2013—2015年"])
def dash_form(ctx):
    for _, para, mtext in items(ctx):
        if "--" not in mtext and "－－" not in mtext and "―" not in mtext and "———" not in mtext:
            continue
        for m in re.finditer(r"-{2,3}|－{2,3}|―{1,2}|—{3,}", mtext):
            if not (is_cn(prev_char(mtext, m.start())) or is_cn(next_char(mtext, m.end()))):
                continue
            yield replace(para, m.start(), m.end(), "——", f"“{m.group(0)}”应写作破折号“——”。")


_END_OK = "。！？；…”’）》】:：——"


@rule("GW417", "paragraph-end-punctuation", why="只检查含逗号、30 字以上的正文段落；标题、署名、日期、表格单元格不在此列。",
     severity="warning", source="practice",
      formats=("txt", "md", "docx"),
      message="正文段落末尾缺少句末标点（句号、问号或叹号）。",
      bad=["全市上下要进一步统一思想，提高认识，扎实推进产业工人队伍建设改革"],
      good=["全市上下要进一步统一思想，提高认识，扎实推进产业工人队伍建设改革。",
            "一、进一步统一思想，深化对产业工人队伍建设改革重要性的认识"])
def paragraph_end_punctuation(ctx):
    heads = heading_at(ctx)
    for i, para, mtext in items(ctx):
        if para.kind not in ("text", "heading"):
            continue  # table cells, text boxes: phrases, not sentences
        text = mtext.rstrip(BLANKS + SYNTAX)
        start = len(mtext) - len(mtext.lstrip(BLANKS + SYNTAX))
        if len(text) - start < 30 or OPAQUE in text[-3:] or "，" not in text:
            continue
        if i in heads and not _SENTENCE_END_RE.search(text[heads[i].end:]):
            continue  # a standalone heading
        if ctx.format == "md" and re.match(r"^\s*(?:[-*+]|\d+[.)])\s|^\s*\|", para.text):
            continue  # a list item or a table row
        if text[-1] in _END_OK or not (is_cjk(text[-1]) or text[-1].isalnum()):
            continue
        yield hit(para, len(text) - 1, "段落末尾缺少句号（或问号、叹号）。")
