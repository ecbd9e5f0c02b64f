"""GW6xx drafting leftovers: placeholders, copy/paste junk, invisible characters, stale years."""

from __future__ import annotations

import re
from gongwen.spec import lazyre

from gongwen.lint.findings import hit, replace
from gongwen.lint.registry import rule
from gongwen.draft.roles import ATTACHMENT_ITEM, ATTACHMENT_NOTE
from gongwen.lint.textview import SYNTAX, items, next_char, prev_char, roles, stale_years
from gongwen.spec.chars import BLANKS, INVISIBLE, is_cjk, is_cn

_STRONG_RE = lazyre.compile(r"\*\*(?=[^\s*])([^*]{1,40}?)(?<=[^\s*])\*\*")


@rule("GW601", "star-placeholder", triggers="*", why="草稿中常用“*”代替待补的数字或地名（“*万人”“从*的情况看”）。Markdown 的强调标记（*重点*）不算。",
     severity="error", source="practice",
      message="“*”是未填写的占位符，应补上实际内容。",
      bad=["全市制造业从业人员*万人。", "截至*年*月，共完成*%。"], good=["全市制造业从业人员12.5万人。", "面积3*4米"])
def star_placeholder(ctx):
    for _, para, mtext in items(ctx):
        if "*" not in mtext:
            continue
        strong = set()
        for m in _STRONG_RE.finditer(mtext):
            strong.update((m.start(), m.start() + 1, m.end() - 2, m.end() - 1))
        for m in re.finditer(r"[*＊]+", mtext):
            if m.start() in strong:
                continue
            p, n = prev_char(mtext, m.start()), next_char(mtext, m.end())
            if p.isdigit() and n.isdigit():
                continue  # 3*4
            if (p.isascii() and p.isalpha()) or (n.isascii() and n.isalpha()):
                continue
            if not p and n in (" ", ""):
                continue  # a bullet: GW609
            yield hit(para, m.start(), f"“{m.group(0)}”是未填写的占位符，应补上实际内容。")


_X_RE = lazyre.compile(r"[XxＸｘ×]{2,}|[×XＸ]|□{2,}|△{2,}|○{2,}")
_X_HINT_RE = lazyre.compile(r"[XxＸｘ×□△○]")
#: A single × is a placeholder only where a figure or a name is missing (×月×日, ×市, 第×条);
#: 长×宽 and 3×4 are multiplication.
_SINGLE_X_AFTER = "年月日号时分市县区省镇乡村局厅委办部处科人名个家项万亿元条款章次届期批%"


@rule("GW602", "x-placeholder", severity="error", source="practice",
      message="“XX”“××”“×××”等是未填写的占位符，应补上实际内容。",
      why="“XX”“××”“×××”“□□”是起草时代替未定的时间、地名、人名的占位符，一旦漏填就印发，就是一份错误的文件。"
          "“X射线”“XXL”“3×4”“长×宽”不报告；单个“×”“X”只在“×月×日”“X市”“第X条”这类位置才算占位符；约定俗成的“张某某”也不报告。",
      bad=["定于XX月召开。", "××市人民政府", "请×××同志发言。", "定于×月×日召开。", "定于X月X日召开。"],
      good=["X射线检查", "面积3×4米", "XXL号", "市委副书记　张某某", "体积为长×宽×高。"])
def x_placeholder(ctx):
    for _, para, mtext in items(ctx):
        if not _X_HINT_RE.search(mtext):
            continue
        for m in _X_RE.finditer(mtext):
            p, n = prev_char(mtext, m.start()), next_char(mtext, m.end())
            if (p.isascii() and p.isalnum()) or (n.isascii() and n.isalnum()):
                continue  # 3×4, XXL, Xbox
            if m.group(0) in "×XＸ" and not (n and n in _SINGLE_X_AFTER or p == "第"):
                continue
            if m.group(0)[0] in "○" and not (is_cjk(p) and is_cjk(n)):
                continue
            if not (is_cn(p) or is_cn(n) or not p or not n):
                continue
            yield hit(para, m.start(), f"“{m.group(0)}”是未填写的占位符，应补上实际内容。")


_TODO_RE = lazyre.compile(
    r"【[^【】]{0,20}(?:待|补充|填写|此处|核实|TODO|XX|××)[^【】]{0,20}】"
    r"|[〔\[［](?:[^〔〕\[\]［］]{0,20}(?:待[定补填核完]|补充|填写|此处|TODO)[^〔〕\[\]［］]{0,20})[〕\]］]"
    r"|[（(]此处[^（）()]{0,20}[）)]"
    r"|(?<![A-Za-z])(?:TODO|FIXME|TBD)(?![A-Za-z])"
    r"|待补充|待填写|待核实|待完善|此处加盖公章|此处盖章|\?{3,}|？{3,}")


_TODO_HINT_RE = lazyre.compile(r"【|〔|\[|［|待补充|待填写|待核实|待完善|此处|TODO|FIXME|TBD|\?\?\?|？？？")  # literals: a fast scan
#: Every match of _TODO_HINT_RE holds one of these (TODO and TBD a T, FIXME an F).
_TODO_TRIGGERS = "【〔[［待此?？TF"


@rule("GW603", "todo-placeholder", severity="error", source="practice", triggers=_TODO_TRIGGERS,
      message="草稿中的待办标记（“【待补充】”“TODO”“（此处加盖公章）”等）应处理后删去。",
      why="“【待补充】”“〔待定〕”“TODO”“（此处加盖公章）”“???”是起草、审核时留给自己的记号，正式文件中不能出现。"
          "用 gongwen new --from 沿用往年的文件时，往年的数字被包在“【核实：…】”中，也由本规则提示，逐一核实后删去。",
      bad=["全年完成投资【待补充】亿元。", "TODO 核实数据", "（此处加盖公章）", "报送时间〔待定〕。"],
      good=["全年完成投资12亿元。", "各单位待遇保障到位。"])
def todo_placeholder(ctx):
    for _, para, mtext in items(ctx):
        if not _TODO_HINT_RE.search(mtext):
            continue
        for m in _TODO_RE.finditer(mtext):
            yield hit(para, m.start(), f"“{m.group(0)}”是草稿中的待办标记，应处理后删去。")


_JUNK_RE = lazyre.compile(r"##[A-Za-z][A-Za-z0-9_\-]{0,30}##|</?(?:br|p|span|div|font|b|i|u|strong|em|o:p)\b[^<>]{0,60}/?>"
                      r"|&(?:nbsp|amp|lt|gt|quot|emsp|ensp|ldquo|rdquo|middot|hellip|mdash);|&#\d{2,6};", re.I)
_ENTITY = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&ldquo;": "“", "&rdquo;": "”",
           "&middot;": "·", "&hellip;": "……", "&mdash;": "—"}


@rule("GW604", "junk-markup", triggers="#<&", severity="error", fixable=True, source="practice",
      message="复制粘贴留下的网页代码（“##paidbegin##”“<br>”“&nbsp;”等）应删去。",
      why="从网页复制的文字常带着“##paidbegin##”这类付费阅读标记、HTML 标签（<br>、<span>）和字符实体（&nbsp;），在 Word 中会原样印出来。"
          "修正时“&amp;”“&ldquo;”等实体换成它代表的字符，西文词之间的“&nbsp;”换成空格，其余删去；"
          "夹在两段文字之间的“<br>”“<p>”原是换行，删去会把两句连在一起，只报告、不自动修改。"
          ".md 文件中的 HTML 标签和实体属于 Markdown 语法，不报告。",
      bad=["加强组织领导##paidbegin##，明确责任。", "会议结束。<br>下一步工作", "主要&nbsp;任务"],
      good=["加强组织领导，明确责任。"])
def junk_markup(ctx):
    for _, para, mtext in items(ctx):
        if "#" not in mtext and "<" not in mtext and "&" not in mtext:
            continue
        for m in _JUNK_RE.finditer(mtext):
            junk = m.group(0)
            new = _ENTITY.get(junk.lower(), "")
            before, after = mtext[m.start() - 1:m.start()], mtext[m.end():m.end() + 1]
            if _SPACE_ENTITY.fullmatch(junk) and before.isascii() and before.isalnum() \
                    and after.isascii() and after.isalnum():
                new = " "  # John&nbsp;Smith: the words stay apart
            elif _BREAK_TAG.match(junk) and _joins(before) and _joins(after):
                # 第一段<br>第二段: deleting the break would run two lines into one
                yield hit(para, m.start(), f"“{junk}”是复制粘贴留下的网页代码（原为换行）：请删去，"
                                           "并确认前后两句是否应分段或加标点。")
                continue
            what = "应换成空格" if new == " " else "应删去"
            yield replace(para, m.start(), m.end(), new, f"“{junk}”是复制粘贴留下的网页代码，{what}。")


_SPACE_ENTITY = lazyre.compile(r"&(?:nbsp|ensp|emsp|#160|#32);", re.I)
_BREAK_TAG = lazyre.compile(r"</?(?:br|p|div)\b", re.I)


def _joins(ch: str) -> bool:
    """Would text on this side of a deleted line break run into the other side's?"""
    return bool(ch) and ch not in BLANKS and ch not in "，。；：！？、,.;:!?）)”’》】"




@rule("GW605", "invisible-characters", severity="error", fixable=True, source="practice",
      message="文本中有看不见的零宽字符或方向控制字符，应删去。",
      why="零宽空格（U+200B）、零宽连接符、字节顺序标记（U+FEFF）、软连字符和文字方向控制符在屏幕上看不见，却会让查找、替换和文本比对找不到“组织领导”这样的词，方向控制符还会改变文字的显示顺序。"
          "它们多随网页或聊天软件中复制的文字进来。",
      bad=["加强\u200b组织领导"], good=["加强组织领导"])
def invisible_characters(ctx):
    if not _anywhere(ctx, _INVISIBLE_CHARS):
        return
    for _, para, _mtext in items(ctx):
        text = para.text
        for m in INVISIBLE.finditer(text):
            names = "、".join(f"U+{ord(c):04X}" for c in dict.fromkeys(m.group(0)))
            yield replace(para, m.start(), m.end(), "", f"此处有看不见的字符（{names}），应删去。")


@rule("GW606", "typed-indent", why="Word 文档的首行缩进应由段落格式设置；从网页或纯文本粘贴来的“　　”会与格式缩进叠加。署名、日期等短行用空格对齐的不在此列。",
     severity="warning", source="practice", formats=("docx", "yaml"),
      message="正文段落不要用空格或全角空格排出首行缩进：缩进由段落格式设置。",
      bad=['kind: speech\ntitle: 在全市工作会议上的讲话\nopening:\n  - "　　各单位要高度重视。"'],
      good=['kind: speech\ntitle: 在全市工作会议上的讲话\nspeaker: 市委副书记　张某某\nopening:\n  - 各单位要高度重视。\n'
            'sections:\n  - heading: 总体要求\n    paragraphs: [成立工作专班。]'],
      example_format="yaml")
def typed_indent(ctx):
    for _, para, mtext in items(ctx):
        text = para.text
        if not text.strip(BLANKS):
            continue
        lead = len(text) - len(text.lstrip(BLANKS))
        if not lead or para.label_len:
            continue
        if ctx.format == "yaml":
            yield replace(para, 0, lead, "", "段首用空格排出了缩进，应删去（缩进由模板的段落格式设置）。")
        elif len(text) - lead >= 20 and re.search("[，。；]", text):
            # a body paragraph indented by typing; short lines (署名、日期) aligned with spaces are left alone
            yield hit(para, 0, "段首用空格排出了缩进，应删去空格，改用段落格式的首行缩进。")


@rule("GW607", "stale-year", why="需要在设置中写明本年度（year = 2024 或 --year 2024）；只检查“2023年的工作重点/要点/计划/任务/目标”这类说法中的上一年。",
     severity="warning", source="practice",
      message="沿用旧稿时留下了往年的年份（如今年的文件仍写“2022年的工作重点”）；需在设置中写明 year。",
      bad=["刚才，我们研究了2022年的工作重点。"], good=["刚才，我们研究了2023年的工作重点。", "2022年全年完成投资12亿元。"],
      example_config={"year": 2023})
def stale_year(ctx):
    year = ctx.settings.year
    for para, m in stale_years(ctx):
        yield hit(para, m.start(), f"“{m.group(0)}”：本年度为{year}年，这里是否应为“{year}年”？")


_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
_CONTROL_CHARS = "".join(map(chr, (*range(0, 9), 11, 12, *range(14, 32), 127, 0xFFFD)))  # what _CONTROL_RE matches
_CONTROL_RE = lazyre.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]+")


def _anywhere(ctx, chars: str) -> bool:  # does any paragraph hold one?  (string searches: a class is slower)
    return any(c in ctx.shared("leftover.joined", lambda x: "\n".join(p.text for p in x.paras)) for c in chars)


@rule("GW608", "garbled-characters", severity="error", source="practice",
      message="文本中有乱码（替换字符“\ufffd”或控制字符），多为编码转换出错，应核对原文。",
      why="替换字符 U+FFFD（显示为“�”）和控制字符说明文本在别处转换编码时出了错（如 GBK 文本被当作 UTF-8 读入后又保存），原来的字已经丢失，无法自动恢复，只能对照原文补上。",
      bad=["加强\ufffd\ufffd领导"], good=["加强组织领导"])
def garbled_characters(ctx):
    if not _anywhere(ctx, _CONTROL_CHARS):
        return
    for _, para, _mtext in items(ctx):
        for m in _CONTROL_RE.finditer(para.text):
            yield hit(para, m.start(), "此处有乱码或控制字符，应核对原文。")


_MD_HEADING_RE = lazyre.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S")
_MD_BULLET_RE = lazyre.compile(r"^[ \t]{0,3}[-*+][ \t]+\S")
_MD_ORDERED_RE = lazyre.compile(r"^[ \t]{0,3}\d{1,2}\.[ \t]+(?=[\u4e00-\u9fff“《（])")
_MD_TABLE_RE = lazyre.compile(r"^[ \t]*\|(?:[^|\n]*\|){2,}[ \t]*$")
_MD_TABLE_SEP_RE = lazyre.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$")
_MD_FIRST = "#-*+|:"  # first characters (after spaces, tabs) the line patterns match, besides \d
#: Lines whose leading ``1. `` is not the drafter's: Word's numbering, the items of an 附件 note.
_NOT_LISTS = (ATTACHMENT_ITEM, ATTACHMENT_NOTE)


@rule("GW609", "markdown-syntax", severity="warning", formats=("txt", "docx", "yaml"),
      source="practice", message="纯文本或 Word 文档中残留 Markdown 标记（“# ”“**粗体**”“* ”“1. ”、“| 项目 | 金额 |”表格），应删去。",
      why="在 Markdown 编辑器、写作助手或网页中写好再粘贴过来的文字，会把“# ”“**”“- ”“1. ”等标记和“| 项目 | 金额 |”“|---|”这样的表格行带进纯文本和 Word 文档，印出来就是多余的符号。"
          "只报告段首的“# ”标题标记、“* ”“- ”列表标记、后跟空格再接中文的“1. ”、整行的“|…|”表格和成对的“**…**”；"
          "Word 自动编号和附件说明中的“1.”不报告；.md 文件中这些是格式，不检查。",
      bad=["## 一、总体要求", "要**高度重视**安全生产。", "| 项目 | 金额 |", "|---|---|", "1. 加强组织领导。", "- 加强组织领导。"],
      good=["一、总体要求", "要高度重视安全生产。", "1.加强组织领导。", "附件：1. 清河县防汛应急预案"])
def markdown_syntax(ctx):
    for i, para, mtext in items(ctx):
        first = mtext.lstrip(" \t")[:1]
        lead = len(mtext) - len(mtext.lstrip())
        if first not in _MD_FIRST and not first.isdecimal():  # no line pattern can match
            pass
        elif _MD_HEADING_RE.match(mtext) and SYNTAX not in mtext[:8]:
            yield hit(para, 0, "段首的“#”是 Markdown 标题标记，应删去。")
        elif _MD_BULLET_RE.match(mtext) and (mtext.lstrip()[:1] == "*" or is_cjk(mtext.lstrip()[1:].lstrip()[:1])):
            yield hit(para, lead, f"段首的“{mtext.lstrip()[0]}”是 Markdown 列表标记，应删去。")
        elif _MD_TABLE_SEP_RE.match(mtext) and "|" in mtext:
            yield hit(para, lead, "“|---|”是 Markdown 表格的分隔行，应删去，表格改用 Word 表格。")
        elif _MD_TABLE_RE.match(mtext):
            yield hit(para, lead, "“|…|”是 Markdown 表格行，应改用 Word 表格。")
        elif not para.label_len and _MD_ORDERED_RE.match(mtext) and roles(ctx)[i].kind not in _NOT_LISTS:
            m = _MD_ORDERED_RE.match(mtext)
            yield hit(para, lead, f"段首的“{m.group(0).strip()} ”是 Markdown 有序列表的写法，序号“{m.group(0).strip()}”后不留空格。")
        for m in _STRONG_RE.finditer(mtext) if "**" in mtext else ():
            yield hit(para, m.start(), "“**…**”是 Markdown 粗体标记，应删去。")


#: What a bracketed placeholder names: ``[主送单位]`` ``【日期】`` ``［联系电话］`` ``[X]``.
_SLOT = (r"[\u4e00-\u9fff]{0,6}(?:单位|机关|部门|名称|日期|时间|年份|姓名|名字|人名|地名|联系人|电话|手机|地址|邮编|邮箱"
         r"|金额|数字|数额|数量|数据|标题|文号|人数|职务)|[XxＸｘ×]{1,4}|某{1,3}|…{1,2}|\.{3,6}|[_＿]{1,8}|[ \u3000]{0,4}")
_SLOT_RE = lazyre.compile(r"[\[［【〔](" + _SLOT + r")[\]］】〕]")
_SLOT_HINT_RE = lazyre.compile(r"[\[［【〔]")


def _labels(mtext, m):
    n = next_char(mtext, m.end())
    return (n.isalnum() or is_cjk(n)) and prev_char(mtext, m.start()) not in ("：", ":")


def _named_mark(mtext, m):
    return prev_char(mtext, m.start()) in ("“", "‘") or "括号" in mtext[max(0, m.start() - 3):m.start()] \
        or next_char(mtext, m.end()) in ("”", "’", "括")


@rule("GW610", "bracket-placeholder", severity="error", source="practice",
      message="方括号中的“[主送单位]”“[日期]”“[X]”“【】”等是模板或草稿留下的占位符，应补上实际内容。",
      why="模板和起草助手常用方括号标出待填写的位置（“[主送单位]：”“[X]项”“联系电话：[固定电话]”），空的“【】”“［］”也是漏填的空位，一旦漏填就印发，就是一份错误的文件。"
          "只报告括号中是空白、“X”“某”“……”或以“单位、日期、时间、姓名、联系人、电话、名称、金额、数量”等结尾的短语；"
          "“【编者按】”“[1]”“〔2024〕”“〔英〕”不报告，“【待补充】”“〔待定〕”由 GW603 报告。",
      bad=["[主送单位]：", "全县共排查隐患[X]项。", "（联系人：[联系人]，联系电话：[固定电话]）", "会议时间：【】"],
      good=["各乡镇人民政府：", "【编者按】今年以来，全县……", "见文献[1]。", "清政发〔2024〕5号"])
def bracket_placeholder(ctx):
    for _, para, mtext in items(ctx):
        if not _SLOT_HINT_RE.search(mtext):
            continue
        todo = [(m.start(), m.end()) for m in _TODO_RE.finditer(mtext)]
        boxes = re.findall(r"[\[［][ \u3000]*[\]］][\u4e00-\u9fff]", mtext)
        for m in _SLOT_RE.finditer(mtext):
            if any(a <= m.start() < b for a, b in todo):
                continue  # GW603
            if not m.group(1).strip() and (len(boxes) >= 2 and m.group(0)[0] in "[［" or _named_mark(mtext, m)):
                continue  # a row of check boxes ([ ]同意 [ ]不同意), the mark named (六角括号“〔〕”)
            if m.group(0)[0] in "【〔" and m.group(1).strip() and _labels(mtext, m):
                continue  # 【咨询电话】0571-…: a label before its content, as 办事指南 write them
            yield hit(para, m.start(), f"“{m.group(0)}”是未填写的占位符，应补上实际内容。")


#: Common one-character surnames: ``张某某`` is the conventional way to write a name withheld.
_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
                "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
                "汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
                "单季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚"
                "娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
                "查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴"
                "盖练廉禹井祖漆巴丰支卿国狄平计索宣晋初门云容敬扈晁芮阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况"
                "宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅於呼居揭干尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭")
#: Words ending in a surname character: ``关于某某同志任职的通知``.
_NOT_SURNAME = ("关于", "对于", "由于", "至于", "属于", "位于", "等于", "鉴于", "基于", "终于", "便于", "用于", "善于")
_COMPOUND = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐")


@rule("GW611", "mou-placeholder", triggers="某", severity="warning", source="practice",
      message="“某某”出现在应写人名、单位名或地名的地方，是未填写的占位符，应补上实际名称。",
      why="起草时常用“某某”代替还没确定的人名、单位名（“请某某同志发言”“某某单位负责”），漏填就印发会闹笑话。"
          "姓氏后的“某某”（“张某某”“欧阳某某”）是隐去真名的通行写法，通报案例、讲话稿署名的示例都这样写，不报告；单个“某”（“某公司”）也不报告。"
          "“某某”也可能是有意隐去的名称，故只作警告。",
      bad=["请某某同志发言。", "由某某单位负责。"], good=["市委副书记　张某某", "欧阳某某违规收受礼品。", "某公司未按规定报送。"])
def mou_placeholder(ctx):
    for _, para, mtext in items(ctx):
        if "某某" not in mtext:
            continue
        for m in re.finditer("某{2,}", mtext):
            p = prev_char(mtext, m.start())
            before = mtext[max(0, m.start() - 2):m.start()]
            if len(m.group(0)) <= 3 and (p in _SURNAMES and before not in _NOT_SURNAME or before in _COMPOUND):
                continue
            yield hit(para, m.start(), f"“{m.group(0)}”是未填写的占位符，应补上实际名称。")


#: The buttons of a government web page, as a line of them reads once copied.
_CHROME_TOKENS = frozenset(("打印本页", "打印此页", "打印本文", "打印", "关闭窗口", "关闭本页", "关闭", "加入收藏", "收藏本页", "收藏",
                            "分享到", "分享", "返回顶部", "返回首页", "返回", "我要纠错", "字体大中小", "文字解读", "图片解读", "图文解读",
                            "视频解读", "动漫解读", "图解", "相关链接", "相关解读", "政策问答", "扫一扫在手机打开当前页", "扫一扫",
                            "微信", "微博", "QQ空间"))
_FONT_SIZE_RE = lazyre.compile(r"(?:字体|字号)?[:：]?[ \u3000]*大[ \u3000]*中[ \u3000]*小(?:[ \u3000]*默认)?")
_CHROME_SPLIT_RE = lazyre.compile(r"[ \u3000|｜/／·【】\[\]［］:：]+")


_CHROME_CHARS = frozenset("".join(_CHROME_TOKENS) + "字体号:：默认大中小 \u3000|｜/／·【】[]［］")  # all a button line holds


def _chrome_line(text):
    """A line made of web-page buttons only (``打印本页　关闭窗口``, ``【字体：大 中 小】``)."""
    if not _CHROME_CHARS.issuperset(text):
        return False
    pieces = [p for p in _CHROME_SPLIT_RE.split(_FONT_SIZE_RE.sub("字体大中小", text)) if p]
    return bool(pieces) and all(p in _CHROME_TOKENS for p in pieces)


_META_RE = lazyre.compile(
    r"(?:当前位置|您现在的位置|您的位置|您所在的位置)[:：]|首页[ \u3000]*[>＞»›]|(?:上一篇|下一篇)[:：]"
    r"|(?:浏览次数|浏览量|点击数|点击量|点击率|阅读次数|阅读量|访问量|访问次数)[:：][ \u3000]*\d+"
    r"|发布时间[:：][ \u3000]*\d{4}[-/.年]|发布日期[:：][ \u3000]*\d{4}[-/.]|【(?:字体|字号)[:：]")


@rule("GW612", "web-page-chrome", severity="error", source="practice",
      message="从网页复制时带进来的“打印本页”“关闭窗口”“【字体：大 中 小】”“浏览次数”等网页栏目文字，应删去。",
      why="从政府网站复制文件时，常把网页上的按钮和栏目（“打印本页”“关闭窗口”“收藏”“【字体：大 中 小】”“文字解读”、"
          "“当前位置：首页 > …”、“来源：…　浏览次数：…”“发布时间：2024-05-06 10:23”）一起带进来，它们不是文件的内容。"
          "只报告整行都是这类按钮的段落和 60 字以内、不以句号结尾的栏目信息行；“资料来源：县统计局”这样的数据来源说明不报告。",
      bad=["打印本页　关闭窗口", "【字体：大 中 小】", "来源：清河县应急管理局　　浏览次数：1234", "发布时间：2024-05-06 10:23"],
      good=["资料来源：清河县统计局。", "请各单位于5月6日前报送。"])
def web_page_chrome(ctx):
    for _, para, mtext in items(ctx):
        text = mtext.strip(BLANKS)
        if not text or len(text) > 60 or para.kind == "table":  # a cell may well read 微信 or 打印
            continue
        start = mtext.index(text[0])
        if _chrome_line(text):
            yield hit(para, start, f"“{text}”是网页上的按钮文字，应删去。")
        elif not text.endswith("。") and _META_RE.search(text):
            yield hit(para, start, f"“{text}”是网页的栏目信息，应删去。")


_NOTE_RE = lazyre.compile(
    r"(?:目前|现在)?这一?版(?:的)?(?:内容|稿子|稿件|材料|初稿)?还(?:比较|有点|很|太)?(?:粗|简单|单薄|不成熟)"
    r"|还比较粗(?=[，。；…,]|$)|希望(?:再)?进一步(?:整理|润色|打磨)(?=[，。；…！]|$)"
    r"|此处(?:需|要)(?:补充|补全|插入|添加|填写|修改)|这一?段(?:内容|文字)?(?:领导)?还(?:没|未)(?:有)?定"
    r"|先按[^，。；]{1,12}(?:放着|写着|占个?位)|(?:开会|定稿|领导定)后再改(?=[，。；）)]|$)"
    r"|以上(?:方案|内容|材料|稿件|文稿|通知|报告|讲话稿?)仅供参考"
    r"|(?:请领导|供领导)?(?:审阅|审定|定稿|印发|发文)(?:后|前|时)(?:请)?(?:删除|删去|去掉)(?=[。；！）)\s]|$)"
    r"|希望(?:以上|这些|这份)?(?:内容|材料)?(?:能)?对您有(?:所)?帮助"
    r"|如(?:需|果需要|有需要)(?:进一步|继续)?(?:修改|调整|完善|补充|润色)[^。]{0,12}(?:告诉我|告知我|随时)"
    r"|以下是(?:为您|根据您)|根据您(?:提供|给出)的|作为(?:一个)?(?:AI|人工智能)(?:助手|语言模型)?")


#: Every phrase of the table holds one of these: lines without any are not searched.
_NOTE_KEYS = ("这版", "这一版", "这段", "这一段", "放着", "写着", "占位", "再改", "仅供参考", "粗", "整理", "润色", "打磨", "此处", "删", "去掉", "您", "告诉我", "告知我", "随时", "AI", "人工智能")


_NOTE_HINT_RE = lazyre.compile("|".join(_NOTE_KEYS))


@rule("GW613", "drafter-note", severity="error", source="practice",
      message="文中留有起草人写给自己或审稿人的话（“目前这版内容还比较粗”“请领导审阅后删除”“此处需补充”），应删去。",
      why="起草、改稿时写在文中的说明（“目前这版内容还比较粗，希望进一步整理”“此处需补充数据”“请领导审阅后删除”），"
          "以及用写作助手起草时带进来的客套话（“以下是为您起草的……”“希望对您有所帮助”），都不是文件的内容，漏删就会印出来。"
          "只报告一张短语表中的说法；“管理还比较粗放”“群众希望进一步完善”不报告，“待补充”由 GW603 报告。",
      bad=["目前这版内容还比较粗，数据还没核对，希望进一步整理。", "请领导审阅后删除。", "此处需补充近三年数据。",
           "以下是为您起草的通知，希望对您有所帮助。"],
      good=["部分乡镇管理还比较粗放。", "群众希望进一步完善配套设施。", "请领导审阅。"])
def drafter_note(ctx):
    for _, para, mtext in items(ctx):
        if not _NOTE_HINT_RE.search(mtext):
            continue
        for m in _NOTE_RE.finditer(mtext):
            yield hit(para, m.start(), f"“{m.group(0)}”是起草时留下的说明，应删去。")
