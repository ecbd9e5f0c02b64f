"""GW6xx drafting leftovers: placeholders, copy/paste junk, invisible characters, stale years."""

from __future__ import annotations

import re

from gongwen.lint.findings import hit, replace
from gongwen.lint.registry import rule
from gongwen.lint.textview import SYNTAX, items, next_char, prev_char, stale_years
from gongwen.spec.chars import BLANKS, INVISIBLE, is_cjk, is_cn

_STRONG_RE = re.compile(r"\*\*(?=[^\s*])([^*]{1,40}?)(?<=[^\s*])\*\*")


@rule("GW601", "star-placeholder", why="草稿中常用“*”代替待补的数字或地名（“*万人”“从*的情况看”）。Markdown 的强调标记（*重点*）不算。",
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


_X_RE = re.compile(r"[XxＸｘ×]{2,}|×|□{2,}|△{2,}|○{2,}")
_X_HINT_RE = re.compile(r"[XxＸｘ×□△○]")
#: A single × is a placeholder only where a figure or a name is missing (×月×日, ×市, 第×条);
#: 长×宽 and 3×4 are multiplication.
_SINGLE_X_AFTER = "年月日号时分市县区省镇乡村局厅委办部处科人名个家项万亿元条款章次届期批%"


@rule("GW602", "x-placeholder", severity="error", source="practice",
      message="“XX”“××”“×××”等是未填写的占位符，应补上实际内容。",
      why="“XX”“××”“×××”“□□”是起草时代替未定的时间、地名、人名的占位符，一旦漏填就印发，就是一份错误的文件。"
          "“X射线”“XXL”“3×4”“长×宽”不报告；单个“×”只在“×月×日”“×市”“第×条”这类位置才算占位符；约定俗成的“张某某”也不报告。",
      bad=["定于XX月召开。", "××市人民政府", "请×××同志发言。", "定于×月×日召开。"],
      good=["X射线检查", "面积3×4米", "XXL号", "市委副书记　张某某", "体积为长×宽×高。"])
def x_placeholder(ctx):
    for _, para, mtext in items(ctx):
        if not _X_HINT_RE.search(mtext):
            continue
        for m in _X_RE.finditer(mtext):
            p, n = prev_char(mtext, m.start()), next_char(mtext, m.end())
            if (p.isascii() and p.isalnum()) or (n.isascii() and n.isalnum()):
                continue  # 3×4, XXL, Xbox
            if m.group(0) == "×" and not (n and n in _SINGLE_X_AFTER or p == "第"):
                continue
            if m.group(0)[0] in "○" and not (is_cjk(p) and is_cjk(n)):
                continue
            if not (is_cn(p) or is_cn(n) or not p or not n):
                continue
            yield hit(para, m.start(), f"“{m.group(0)}”是未填写的占位符，应补上实际内容。")


_TODO_RE = re.compile(
    r"【[^【】]{0,20}(?:待|补充|填写|此处|核实|TODO|XX|××)[^【】]{0,20}】"
    r"|[（(]此处[^（）()]{0,20}[）)]"
    r"|(?<![A-Za-z])(?:TODO|FIXME|TBD)(?![A-Za-z])"
    r"|待补充|待填写|待核实|待完善|此处加盖公章|此处盖章|\?{3,}|？{3,}")


_TODO_HINT_RE = re.compile(r"[【待此?？]|TODO|FIXME|TBD")


@rule("GW603", "todo-placeholder", severity="error", source="practice",
      message="草稿中的待办标记（“【待补充】”“TODO”“（此处加盖公章）”等）应处理后删去。",
      why="“【待补充】”“TODO”“（此处加盖公章）”“???”是起草、审核时留给自己的记号，正式文件中不能出现。"
          "用 gongwen new --from 沿用往年的文件时，往年的数字被包在“【核实：…】”中，也由本规则提示，逐一核实后删去。",
      bad=["全年完成投资【待补充】亿元。", "TODO 核实数据", "（此处加盖公章）"],
      good=["全年完成投资12亿元。", "各单位待遇保障到位。"])
def todo_placeholder(ctx):
    for _, para, mtext in items(ctx):
        if not _TODO_HINT_RE.search(mtext):
            continue
        for m in _TODO_RE.finditer(mtext):
            yield hit(para, m.start(), f"“{m.group(0)}”是草稿中的待办标记，应处理后删去。")


_JUNK_RE = re.compile(r"##[A-Za-z][A-Za-z0-9_\-]{0,30}##|</?(?:br|p|span|div|font|b|i|u|strong|em|o:p)\b[^<>]{0,60}/?>"
                      r"|&(?:nbsp|amp|lt|gt|quot|emsp|ensp|ldquo|rdquo|middot|hellip|mdash);|&#\d{2,6};", re.I)
_ENTITY = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&ldquo;": "“", "&rdquo;": "”",
           "&middot;": "·", "&hellip;": "……", "&mdash;": "—"}


@rule("GW604", "junk-markup", severity="error", fixable=True, source="practice",
      message="复制粘贴留下的网页代码（“##paidbegin##”“<br>”“&nbsp;”等）应删去。",
      why="从网页复制的文字常带着“##paidbegin##”这类付费阅读标记、HTML 标签（<br>、<span>）和字符实体（&nbsp;），在 Word 中会原样印出来。"
          "修正时“&amp;”“&ldquo;”等实体换成它代表的字符，其余删去；.md 文件中的 HTML 标签和实体属于 Markdown 语法，不报告。",
      bad=["加强组织领导##paidbegin##，明确责任。", "第一段<br>第二段", "主要&nbsp;任务"],
      good=["加强组织领导，明确责任。"])
def junk_markup(ctx):
    for _, para, mtext in items(ctx):
        if "#" not in mtext and "<" not in mtext and "&" not in mtext:
            continue
        for m in _JUNK_RE.finditer(mtext):
            junk = m.group(0)
            new = _ENTITY.get(junk.lower(), "")
            yield replace(para, m.start(), m.end(), new, f"“{junk}”是复制粘贴留下的网页代码，应删去。")




@rule("GW605", "invisible-characters", severity="error", fixable=True, source="practice",
      message="文本中有看不见的零宽字符或方向控制字符，应删去。",
      why="零宽空格（U+200B）、零宽连接符、字节顺序标记（U+FEFF）、软连字符和文字方向控制符在屏幕上看不见，却会让查找、替换和文本比对找不到“组织领导”这样的词，方向控制符还会改变文字的显示顺序。"
          "它们多随网页或聊天软件中复制的文字进来。",
      bad=["加强\u200b组织领导"], good=["加强组织领导"])
def invisible_characters(ctx):
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


_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]+")


@rule("GW608", "garbled-characters", severity="error", source="practice",
      message="文本中有乱码（替换字符“\ufffd”或控制字符），多为编码转换出错，应核对原文。",
      why="替换字符 U+FFFD（显示为“�”）和控制字符说明文本在别处转换编码时出了错（如 GBK 文本被当作 UTF-8 读入后又保存），原来的字已经丢失，无法自动恢复，只能对照原文补上。",
      bad=["加强\ufffd\ufffd领导"], good=["加强组织领导"])
def garbled_characters(ctx):
    for _, para, _mtext in items(ctx):
        for m in _CONTROL_RE.finditer(para.text):
            yield hit(para, m.start(), "此处有乱码或控制字符，应核对原文。")


_MD_HEADING_RE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S")
_MD_BULLET_RE = re.compile(r"^[ \t]{0,3}[-*+][ \t]+\S")


@rule("GW609", "markdown-syntax", severity="warning", formats=("txt", "docx", "yaml"),
      source="practice", message="纯文本或 Word 文档中残留 Markdown 标记（“# ”“**粗体**”“* ”），应删去。",
      why="在 Markdown 编辑器或网页中写好再粘贴过来的文字，会把“# ”“**”等标记带进纯文本和 Word 文档，印出来就是多余的符号。"
          "只报告段首的“# ”标题标记、“* ”列表标记和成对的“**…**”；.md 文件中这些是格式，不检查。",
      bad=["## 一、总体要求", "要**高度重视**安全生产。"], good=["一、总体要求", "要高度重视安全生产。"])
def markdown_syntax(ctx):
    for _, para, mtext in items(ctx):
        if _MD_HEADING_RE.match(mtext) and SYNTAX not in mtext[:8]:
            yield hit(para, 0, "段首的“#”是 Markdown 标题标记，应删去。")
        elif _MD_BULLET_RE.match(mtext) and mtext.lstrip()[:1] == "*":
            yield hit(para, len(mtext) - len(mtext.lstrip()), "段首的“*”是 Markdown 列表标记，应删去。")
        for m in _STRONG_RE.finditer(mtext):
            yield hit(para, m.start(), "“**…**”是 Markdown 粗体标记，应删去。")
