"""GW5xx numbers and dates (GB/T 15835-2011; GB/T 9704-2012 7.2.5, 7.3.2, 7.3.4, 7.3.5.4)."""

from __future__ import annotations

import re
from gongwen.spec import lazyre

from gongwen.lint.findings import hit, replace
from gongwen.lint.registry import rule
from gongwen.draft.roles import ATTACHMENT_ITEM, ATTACHMENT_NOTE, ATTACHMENT_NOTE_RE
from gongwen.lint.textview import items, prev_char, recipient_colons, roles
from gongwen.spec.chars import BLANKS, is_cjk
from gongwen.spec import dates, docnumber
from gongwen.spec.numerals import FULLWIDTH_TO_ASCII, from_chinese

#: What every abbreviated year GW501 reports holds (its pattern opens with a lookbehind: slow to scan).
_SHORT_YEAR_HINT = lazyre.compile(r"[0-9]{2}年(?=底|初|末|度|上半年|下半年|[0-9]{1,2}月|第[一二三四]季度)")
_SHORT_YEAR_RE = lazyre.compile(r"(?<![0-9０-９.\-／/])'?([0-9]{2})年(?=底|初|末|度|上半年|下半年|[0-9]{1,2}月|第[一二三四]季度)")
_LEADING_ZERO_RE = lazyre.compile(r"(?:(?<=年)|(?<=年 ))0([1-9])月|(?<=月)0([1-9])日")
_DATE_HAO_RE = lazyre.compile(r"(?<![0-9])([0-9]{1,2})月([0-9]{1,2})号(?![楼院室线])")


@rule("GW501", "abbreviated-year", triggers="年", severity="error",
      message="年份应写全，“25年底”应写作“2025年底”。", source="GB/T 15835-2011 5.2.2",
      why="GB/T 15835-2011 5.2.2：年份一般不简写，“25年”应写作“2025年”。"
          "简写的年份既可能指1925年也可能指2025年，还容易被读成25年的时长。"
          "只在两位数年份后接“底”“初”“末”“度”“上半年”“下半年”、某月或某季度时报告，“改革开放40年来”这样的时长不报告。",
      bad=["力争25年底前完成。", "22年3月召开。"], good=["力争2025年底前完成。", "改革开放40年来，成就巨大。"])
def abbreviated_year(ctx):
    for _, para, mtext in items(ctx):
        if "年" not in mtext or not _SHORT_YEAR_HINT.search(mtext):  # the hint opens with a digit: a fast scan
            continue
        for m in _SHORT_YEAR_RE.finditer(mtext):
            p = prev_char(mtext, m.start())
            if p and (p.isascii() and p.isalnum()):
                continue
            if re.match(r"[0-9]{2}年度", mtext[m.start(1):]) and not is_cjk(p) and p:
                continue
            yy = m.group(1)
            yield hit(para, m.start(), f"年份“{yy}年”应写全，如“20{yy}年”。")


@rule("GW502", "date-leading-zero", triggers="月", severity="error", fixable=True,
      message="日期中的月、日不加前导零，“2024年03月05日”应写作“2024年3月5日”。", source="GB/T 9704-2012 7.3.5.4",
      why="GB/T 9704-2012 7.3.5.4：成文日期用阿拉伯数字将年、月、日标全，月、日不编虚位（即1不编为01）；正文中的日期也按此书写。"
          "“03月”“05日”多来自表格软件或系统导出的日期。",
      bad=["2024年03月05日"], good=["2024年3月5日", "2024年10月20日"])
def date_leading_zero(ctx):
    for _, para, mtext in items(ctx):
        if "月" not in mtext:
            continue
        for m in _LEADING_ZERO_RE.finditer(mtext):
            digit = m.group(1) or m.group(2)
            unit = "月" if m.group(1) else "日"
            yield replace(para, m.start(), m.start() + 2, digit, f"“0{digit}{unit}”应写作“{digit}{unit}”（不加前导零）。")


_CN_YEAR = dates.CN_YEAR_DIGIT
_CN_YEAR_RE = lazyre.compile(rf"(?<![A-Za-z0-9]){_CN_YEAR}{{4}}(?=年)")
_CN_DATE_RE = lazyre.compile(rf"({_CN_YEAR}{{4}})年([一二三四五六七八九十]{{1,2}})月(?:([一二三四五六七八九十]{{1,3}})日)?")


@rule("GW503", "chinese-numeral-date", triggers="月", severity="error", fixable=True,
      message="日期用阿拉伯数字，“二〇二四年三月五日”应写作“2024年3月5日”。", source="GB/T 9704-2012 7.3.5.4",
      why="GB/T 9704-2012 7.3.5.4 规定成文日期用阿拉伯数字将年、月、日标全；“二〇二四年三月五日”是旧的公文格式标准中的写法，现行标准已改。"
          "只报告年、月（日）齐全的日期，单独的“二〇二四年”不报告。",
      bad=["二〇二四年三月五日", "二零二二年十二月"], good=["2024年3月5日", "二〇二四年是关键之年。"])
def chinese_numeral_date(ctx):
    for _, para, mtext in items(ctx):
        if "月" not in mtext:
            continue
        for m in _CN_DATE_RE.finditer(mtext):
            year = dates.chinese_year(m.group(1))
            month = from_chinese(m.group(2))
            day = from_chinese(m.group(3)) if m.group(3) else None
            if month is None or not 1 <= month <= 12 or (m.group(3) and (day is None or not 1 <= day <= 31)):
                continue
            new = f"{year}年{month}月" + (f"{day}日" if day else "")
            yield replace(para, m.start(), m.end(), new, f"日期“{m.group(0)}”应写作“{new}”。")


@rule("GW504", "chinese-year-zero", triggers="年", severity="error", fixable=True,
      message="汉字年份中的零写作“〇”，“二零二二年”“二O二二年”应写作“二〇二二年”。", source="GB/T 15835-2011 4.1.3",
      why="GB/T 15835-2011 4.1.3：年份中的“0”是编号性质的数字，汉字写作“〇”，不写作计量用的“零”；字母“O”和几何图形“○”只是形状相近，字形、大小都与汉字不同。"
          "只检查“年”字前的四位汉字年份。",
      bad=["二零二二年", "二O二二年", "二○二二年"], good=["二〇二二年"])
def chinese_year_zero(ctx):
    for _, para, mtext in items(ctx):
        if "年" not in mtext:
            continue
        for m in _CN_YEAR_RE.finditer(mtext):
            year = m.group(0)
            if not any(c in "零○OoＯ" for c in year) or sum(c in "一二三四五六七八九" for c in year) < 2:
                continue
            new = "".join("〇" if c in "零○OoＯ" else c for c in year)
            yield replace(para, m.start(), m.end(), new, f"“{year}年”应写作“{new}年”（零写作“〇”）。")


_DOC_NUMBER_RE = docnumber.PATTERN


@rule("GW505", "document-number", triggers="号", severity="error", fixable=True,
      message="发文字号写作“机关代字〔年份〕序号号”，用六角括号“〔〕”，序号不加“第”、不编虚位，如“国办发〔2024〕1号”。",
      source="GB/T 9704-2012 7.2.5",
      why="GB/T 9704-2012 7.2.5：发文字号由发文机关代字、年份、发文顺序号组成，年份标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位（即1不编为01），在阿拉伯数字后加“号”。"
          "发文字号是引用和归档查找文件的依据，写法不统一就查不到、对不上。",
      bad=["国办发[2024]第01号", "京政发（2024）5号"], good=["国办发〔2024〕1号"])
def document_number(ctx):
    for _, para, mtext in items(ctx):
        if "号" not in mtext:
            continue
        for m in _DOC_NUMBER_RE.finditer(mtext):
            num = str(int(m.group("num")))
            new = docnumber.written(m.group("org"), int(m.group("year")), int(num))
            if m.group(0) != new:
                start = m.start("b1")
                yield replace(para, start, m.end(), new[len(m.group("org")):],
                              f"发文字号“{m.group(0)}”应写作“{new}”。")


@rule("GW506", "recipient-colon", severity="error", fixable=True,
      message="主送机关（称谓）后用全角冒号，“各单位:”应写作“各单位：”。", source="GB/T 9704-2012 7.3.2",
      why="GB/T 9704-2012 7.3.2：主送机关最后一个机关名称后标全角冒号；讲话稿的称谓（“同志们：”）同样用全角冒号。"
          "只看文首前八段中、以半角冒号结尾且不含句子的短行；正文中的“如下:”由 GW401 报告。",
      bad=["各区县人民政府,市政府各部门:", "同志们:"], good=["各区县人民政府，市政府各部门：", "同志们："])
def recipient_colon_rule(ctx):
    for i, pos in recipient_colons(ctx).items():
        yield replace(ctx.paras[i], pos, pos + 1, "：", "主送机关（称谓）后的“:”应写作全角“：”。")


_ATTACH_ITEM_RE = lazyre.compile(r"(?P<num>[0-9０-９]{1,2})(?P<sep>[ \t\u3000]*[、．.，,](?![0-9]))(?P<space>[ \t\u3000]*)")


def _attachment_lines(ctx):
    """``(para, masked text, offset of the item)`` for the lines of an attachment note."""
    for (_, para, mtext), role in zip(items(ctx), roles(ctx)):
        note = ATTACHMENT_NOTE_RE.search(mtext) if role.kind == ATTACHMENT_NOTE else None
        if note is not None:
            yield para, mtext, note.end()
        elif role.kind == ATTACHMENT_ITEM:
            yield para, mtext, len(mtext) - len(mtext.lstrip(BLANKS))


@rule("GW507", "attachment-number", severity="error", fixable=True,
      message="附件说明中的序号写作“1.”“2.”，不用“1、”。", source="GB/T 9704-2012 7.3.4",
      why="GB/T 9704-2012 7.3.4：有多个附件时用阿拉伯数字标注顺序号，写作“附件：1. ××××”；阿拉伯数字序号后用下脚点（GB/T 15834-2011 B.3.3），不用顿号。"
          "只检查“附件：”一行及紧随其后的编号行。不少单位习惯用全角“1．”（与三级标题序号的写法一致，见 GW105），不报告；"
          "修正时按设置 level3 写作“.”或“．”。",
      bad=["附件：1、实施方案\n　　　2、任务分工"], good=["附件：1. 实施方案\n　　　2. 任务分工", "附件：1．实施方案\n　　　2．任务分工"])
def attachment_number(ctx):
    level3 = ctx.settings.level3
    for para, mtext, offset in _attachment_lines(ctx):
        m = _ATTACH_ITEM_RE.match(mtext, offset)
        if not m or m.group("sep").strip() in (".", "．"):
            continue  # the full-width point is a house variant (GW105 weighs it for headings)
        num = m.group("num").translate(FULLWIDTH_TO_ASCII)
        yield replace(para, m.start(), m.end("sep"), num + level3,
                      f"附件序号“{m.group('num')}{m.group('sep')}”应写作“{num}{level3}”。")


@rule("GW508", "attachment-punctuation", severity="error", fixable=True,
      message="附件名称后不加标点符号，“附件：1. 实施方案。”应写作“附件：1. 实施方案”。", source="GB/T 9704-2012 7.3.4",
      why="GB/T 9704-2012 7.3.4：附件名称后不加标点符号。"
          "附件名称是所附文件的标题，不是句子，多个附件之间也不用分号、逗号。",
      bad=["附件：实施方案。", "附件：1. 实施方案；\n　　　2. 任务分工。"], good=["附件：实施方案", "附件：1. 实施方案\n　　　2. 任务分工"])
def attachment_punctuation(ctx):
    for para, mtext, offset in _attachment_lines(ctx):
        text = mtext.rstrip(BLANKS)
        if len(text) > offset and text[-1] in "。；，、.;,":
            yield replace(para, len(text) - 1, len(text), "", f"附件名称后的“{text[-1]}”应删去。")


_NUMERIC_DATE_RE = lazyre.compile(r"(?<![0-9A-Za-z./\-])((?:19|20)\d\d)([./\-])(\d{1,2})\2(\d{1,2})(?![0-9A-Za-z./\-])")


@rule("GW509", "numeric-date", severity="warning", fixable=True, source="practice", triggers="./-",
      message="公文正文中的日期写作“2024年3月5日”，不用“2024-03-05”“2024.3.5”“2024/3/5”。",
      why="GB/T 9704-2012 7.3.5.4 规定成文日期写作“2024年3月5日”，正文中的日期按公文习惯也这样写。"
          "“2024.3.5”像版本号或小数，“2024/3/5”“2024-03-05”是表格和系统的格式，不是公文的书面写法。"
          "只在日期前后紧挨汉字或中文标点时报告；版本号（v2024.3.5）和不成立的月、日不报告。",
      bad=["会议定于2024.3.5召开。", "截至2024-03-05，共完成。"], good=["会议定于2024年3月5日召开。", "版本 v2024.3.5 已发布"])
def numeric_date(ctx):
    for _, para, mtext in items(ctx):
        for m in _NUMERIC_DATE_RE.finditer(mtext):
            month, day = int(m.group(3)), int(m.group(4))
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            p, n = prev_char(mtext, m.start()), mtext[m.end():m.end() + 1]
            if not (is_cjk(p) or is_cjk(n) or p in "，。：（" or n in "，。）"):
                continue
            new = f"{m.group(1)}年{month}月{day}日"
            yield replace(para, m.start(), m.end(), new, f"日期“{m.group(0)}”应写作“{new}”。")


@rule("GW510", "date-hao", triggers="号", severity="warning", fixable=True, source="practice",
      message="公文中日期用“日”，不用口语的“号”，“3月5号”应写作“3月5日”。",
      why="“号”是口语说法，书面语中日期用“日”，与成文日期“2024年3月5日”的写法一致。"
          "“3号楼”“5号线”“5号院”不报告；发文字号末尾的“号”前面没有“月”，也不报告。",
      bad=["定于3月5号召开。"], good=["定于3月5日召开。", "国办发〔2024〕5号"])
def date_hao(ctx):
    for _, para, mtext in items(ctx):
        if "号" not in mtext:
            continue
        for m in _DATE_HAO_RE.finditer(mtext):
            if 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31:
                end = m.end()
                yield replace(para, end - 1, end, "日", f"“{m.group(0)}”应写作“{m.group(1)}月{m.group(2)}日”。")


@rule("GW511", "table-total", severity="warning", source="practice",
      message="表格中“合计”行的数字应等于上面各行之和。",
      why="表格的“合计”“总计”行常在改了某一行的数字后忘了跟着改，或者从旧表复制时留下了去年的数。"
          "只核对每格都是数字的列（百分数、比率、平均数、排名等列头含“率”“比”“占”“均”“%”的列不核对），"
          "有“小计”行时，合计等于各小计之和或各明细行之和都算对；有小数的列允许四舍五入的误差。",
      formats=("txt", "md", "docx", "yaml"), example_format="md",
      bad=["| 镇 | 产量（吨） |\n|---|---|\n| 城关镇 | 5400 |\n| 河口镇 | 3900 |\n| 合计 | 9400 |"],
      good=["| 镇 | 产量（吨） | 占比 |\n|---|---|---|\n| 城关镇 | 5400 | 58.1% |\n| 河口镇 | 3900 | 41.9% |\n"
            "| 合计 | 9300 | 100% |"])
def table_total(ctx):
    from gongwen.lint.tableview import tables
    from gongwen.spec.tables import is_subtotal, is_total

    for table in tables(ctx):
        start = since_sub = 0
        for k, row in enumerate(table.rows):
            label = row[0].text if row else ""
            if is_subtotal(label):
                details = [r for r in table.rows[since_sub:k] if not is_subtotal(r[0].text)]
                yield from _totals(table, row, details, [])
                since_sub = k + 1
            elif is_total(label):
                above = table.rows[start:k]
                details = [r for r in above if r and not is_subtotal(r[0].text)]
                yield from _totals(table, row, details, [r for r in above if r and is_subtotal(r[0].text)])
                start = since_sub = k + 1


def _totals(table, row, details, subtotals):
    """Findings for the cells of ``row`` that match neither the sum of ``details`` nor of ``subtotals``."""
    from gongwen.spec.tables import NOT_ADDITIVE, decimals, value

    for c in range(1, len(row)):
        head = table.header[c].text if c < len(table.header) else ""
        total = value(row[c].text)
        if total is None or NOT_ADDITIVE.search(head) or row[c].para is None:
            continue
        sums = [s for s in (_column_sum(details, c, value), _column_sum(subtotals, c, value)) if s is not None]
        if not sums:
            continue
        places = max([decimals(r[c].text) for r in details + subtotals + [row] if c < len(r)] + [0])
        slack = len(details) * (10 ** -places) / 2 if places else 0
        if all(abs(float(total - s)) > slack + 1e-9 for s in sums):
            shown = _plain(sums[0], grouped="," in row[c].text or "，" in row[c].text)
            yield hit(row[c].para, row[c].offset,
                      f"“{row[0].text.strip()}”行的“{row[c].text.strip()}”与上面各行之和 {shown} 不符"
                      f"{'（' + head.strip() + '列）' if head.strip() else ''}，请核对。")


def _column_sum(rows, c: int, value):
    """The sum of column ``c`` of ``rows``, or None when a cell is not a figure or fewer than two are."""
    from gongwen.spec.tables import NO_FIGURE

    figures = []
    for r in rows:
        text = r[c].text.strip() if c < len(r) else ""
        if text in NO_FIGURE:
            continue
        v = value(text)
        if v is None:
            return None
        figures.append(v)
    return sum(figures) if len(figures) >= 2 else None


def _plain(number, grouped: bool = False) -> str:
    text = format(number, ",f" if grouped else "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
