"""GW1xx marker: the form of one heading marker (GB/T 9704-2012 7.3.3, GB/T 15834-2011 B.3).

Markers are read with :func:`gongwen.spec.markers.read_marker`; each rule looks at
one aspect of the marker as typed and offers the canonical form as a fix.
YAML content has no typed markers (they are generated), so these rules skip it.
"""

from __future__ import annotations

import re
from gongwen.spec import lazyre

from gongwen.spec.markers import MARKER_JUNK_RE

from gongwen.spec.numerals import NUMERAL_CHARS
from gongwen.lint.findings import hit, replace
from gongwen.lint.registry import rule
from gongwen.lint.textview import OPAQUE, SYNTAX, headings, items
from gongwen.spec.chars import BLANKS
from gongwen.spec.numerals import FULLWIDTH_TO_ASCII

TEXT_FORMATS = ("txt", "md", "docx")


_PARTS_RE = lazyre.compile(rf"^(?P<open>[（(]?)[{BLANKS}]*(?P<num>[{NUMERAL_CHARS}0-9０-９][{NUMERAL_CHARS}0-9０-９{BLANKS}]*?)"
                           rf"[{BLANKS}]*(?P<close>[）)]?)(?P<gap>[{BLANKS}]*)(?P<sep>[、.．,，:：;；]?)$")


def _parts(h):
    """Split a junk-free marker into (open, number, close, separator) as typed."""
    return _PARTS_RE.match(h.marker.raw)


def _clean_headings(ctx):
    """``(heading, its marker's parts)`` of every heading with a junk-free marker (kept per source:
    six rules read it)."""
    return ctx.shared("clean_headings", _clean_headings_now)


def _clean_headings_now(ctx):
    out = []
    for h in headings(ctx):
        if h.marker.junk or h.start < h.para.label_len and h.para.label_len < h.end:
            continue
        m = _parts(h)
        if m:
            out.append((h, m))
    return out


@rule("GW101", "level1-separator", severity="error", formats=TEXT_FORMATS, fixable=True,
      message="一级标题序号后应使用顿号，写作“一、”。",
      source="GB/T 9704-2012 7.3.3；GB/T 15834-2011 B.3.2",
      why="GB/T 9704-2012 7.3.3 规定第一层序数写作“一、”，GB/T 15834-2011 B.3.2 规定不带括号的汉字数字作序次语时其后用顿号。"
          "“一.”借用了阿拉伯数字序号的西文下脚点，“一，”的逗号表示句中停顿，“一 、”在序号中留下空白，都不合规定。"
          "“一、二季度”这类数字并列不当作序号；夹有乱码的序号由 GW108 报告。",
      bad=["一.总体要求", "一，总体要求", "一 、总体要求", "二．工作措施"],
      good=["一、总体要求\n二、工作措施"])
def level1_separator(ctx):
    """The level-1 marker is a Chinese numeral followed by 顿号 and nothing else."""
    for h, m in _clean_headings(ctx):
        if h.level != 1:
            continue
        if m.group("sep") != "、" or _BLANK_RE.search(h.marker.raw[m.end("num"):]):
            num = m.group("num")
            new = num + "、"
            yield replace(h.para, h.start, h.end, new,
                          f"一级标题序号“{h.marker.raw}”应写作“{new}”（汉字数字后用顿号）。")


@rule("GW102", "marker-brackets", severity="error", formats=TEXT_FORMATS, fixable=True,
      message="二级、四级标题序号应使用全角括号，写作“（一）”“（1）”，括号内外不加空格。",
      source="GB/T 9704-2012 7.3.3",
      why="GB/T 9704-2012 7.3.3 规定第二层、第四层序数写作“（一）”“（1）”，用全角括号。"
          "半角括号只占半个字、用西文字体显示，与全角括号混用（“(一）”）时一边宽一边窄；括号内的空格把序号撑开，各级标题不再对齐。"
          "缺少前括号的“1）”“一）”由 GW111 报告。",
      bad=["(一)加强组织领导", "(一）加强组织领导", "(1)明确责任", "（ 二 ）强化保障"],
      good=["（一）加强组织领导", "（1）明确责任"])
def marker_brackets(ctx):
    for h, m in _clean_headings(ctx):
        if h.level not in (2, 4) or h.marker.half_bracket:
            continue
        raw = h.marker.raw
        core = raw[: len(raw) - len(m.group("gap")) - len(m.group("sep"))]
        if m.group("open") == "（" and m.group("close") == "）" and not _BLANK_RE.search(core):
            continue
        num = re.sub(f"[{BLANKS}]", "", m.group("num"))
        new = "（" + num + "）"
        yield replace(h.para, h.start, h.start + len(core), new,
                      f"标题序号“{core}”应写作“{new}”（全角括号）。")


@rule("GW103", "bracket-marker-punctuation", severity="error", formats=TEXT_FORMATS,
      fixable=True, message="带括号的标题序号后不加任何标点，“（一）、”应写作“（一）”。",
      source="GB/T 15834-2011 B.3.4",
      why="GB/T 15834-2011 B.3.4：加括号的序次语后面不用任何点号。"
          "括号已经把序号和标题文字隔开，再加“、”“.”是多余的标点。",
      bad=["（一）、加强组织领导", "（1）、明确责任", "（一）.加强组织领导"],
      good=["（一）加强组织领导", "（1）明确责任"])
def bracket_marker_punctuation(ctx):
    for h, m in _clean_headings(ctx):
        if h.level not in (2, 4) or not m.group("sep"):
            continue
        cut = len(m.group("gap")) + len(m.group("sep"))
        core = h.marker.raw[: len(h.marker.raw) - cut]
        yield replace(h.para, h.end - cut, h.end, "",
                      f"“{h.marker.raw}”中括号后的“{m.group('sep')}”多余，应写作“{core}”。")


@rule("GW104", "arabic-marker-dunhao", severity="error", formats=TEXT_FORMATS, fixable=True,
      message="三级标题序号为阿拉伯数字加下脚点，“1、”应写作“1.”。",
      source="GB/T 15834-2011 B.3.3",
      why="GB/T 15834-2011 B.3.3：不带括号的阿拉伯数字作序次语，其后用下脚点“.”；顿号只用在汉字数字之后（“一、”）。"
          "点前有空格的“2 .”同样报告，修正时按设置 level3 写作“.”或“．”。"
          "附件说明中的“1、”不是标题，由 GW507 报告。",
      bad=["1、统一思想", "2 .明确任务"],
      good=["1.统一思想\n2.明确任务"])
def arabic_marker_dunhao(ctx):
    level3 = ctx.settings.level3
    for h, m in _clean_headings(ctx):
        if h.level != 3:
            continue
        sep = m.group("sep")
        if sep == "、" or (sep in (".", "．") and _BLANK_RE.search(h.marker.raw[m.end("num"):])):
            num = m.group("num").translate(FULLWIDTH_TO_ASCII)
            new = num + level3
            yield replace(h.para, h.start, h.end, new, f"三级标题序号“{h.marker.raw}”应写作“{new}”。")


@rule("GW105", "arabic-marker-fullwidth-point", why="GB/T 15834-2011 B.3.3 把“1.”中的点视为西文下脚点（半角）；不少单位习惯用全角“1．”。两种写法不要混用：在 gongwen.yaml 中设置 level3: \"1．\" 即以全角为准。",
     severity="warning", formats=TEXT_FORMATS,
      fixable=True, source="practice",
      message="三级标题序号“1．”用了全角点，标准写法为半角“1.”（若本单位统一用“1．”，可在 gongwen.yaml 中设置 level3: \"1．\"）。",
      bad=["1．统一思想"], good=["1.统一思想"])
def arabic_marker_fullwidth_point(ctx):
    level3 = ctx.settings.level3
    for h, m in _clean_headings(ctx):
        if h.level != 3 or _BLANK_RE.search(h.marker.raw[m.end("num"):]):
            continue
        sep = m.group("sep")
        if sep in (".", "．") and sep != level3:
            num = m.group("num").translate(FULLWIDTH_TO_ASCII)
            yield replace(h.para, h.end - 1, h.end, level3,
                          f"三级标题序号“{h.marker.raw}”应写作“{num}{level3}”（本单位统一写法）。")


@rule("GW106", "fullwidth-digit-marker", severity="error", formats=TEXT_FORMATS, fixable=True,
      message="标题序号中的阿拉伯数字应使用半角，“１.”“（２）”应写作“1.”“（2）”。",
      source="GB/T 15835-2011 5.1",
      why="GB/T 15835-2011 5.1：阿拉伯数字一般占半个汉字的位置，即用半角。"
          "全角的“１.”“（２）”比其他标题的序号宽出一倍，同一层次的标题宽窄不一。"
          "正文中的全角数字和字母由 GW414 报告。",
      bad=["１.统一思想", "（１）明确责任"], good=["1.统一思想", "（1）明确责任"])
def fullwidth_digit_marker(ctx):
    for h, m in _clean_headings(ctx):
        if h.level not in (3, 4):
            continue
        num = m.group("num")
        if num != num.translate(FULLWIDTH_TO_ASCII):
            start = h.start + m.start("num")
            yield replace(h.para, start, start + len(num), num.translate(FULLWIDTH_TO_ASCII),
                          f"标题序号中的“{num}”应写作半角“{num.translate(FULLWIDTH_TO_ASCII)}”。")


@rule("GW107", "empty-heading", severity="error", formats=TEXT_FORMATS, source="practice",
      message="段落只有标题序号，没有标题文字。",
      why="序号和标题文字应在同一段：只有序号的段落，多是删改标题时漏删的序号，或一个回车把标题文字挤到了下一段。"
          "这样排版，标题的字体、字号只落在序号这一段上，下一段的标题文字却按正文排。",
      bad=["一、总体要求\n（一）\n加强组织领导。"], good=["一、总体要求\n（一）加强组织领导"])
def empty_heading(ctx):
    view = dict((i, mt) for i, _, mt in items(ctx))
    for h in headings(ctx):
        rest = view[h.index][h.end:]
        if not rest.strip(BLANKS + SYNTAX + OPAQUE):
            yield hit(h.para, h.start, f"“{h.marker.raw.strip()}”后没有标题文字：补上标题，或删去这个序号。")


@rule("GW108", "garbled-marker", severity="error", formats=TEXT_FORMATS, fixable=True,
      source="practice", message="标题序号中夹有复制粘贴留下的乱码，如“（##paidbegin##三）”应为“（三）”。",
      why="“##paidbegin##”这类付费阅读标记、HTML 标签、“&nbsp;”等字符实体和零宽字符是从网页复制文字时带进来的，打印出来就是乱码；零宽字符虽然看不见，却会让查找“（三）”找不到这个标题。"
          "gongwen 去掉这些字符后读出序号，层次检查照常进行。",
      bad=["（##paidbegin##一）加强宣传"], good=["（一）加强宣传"])
def garbled_marker(ctx):
    for h in headings(ctx):
        if not h.marker.junk:
            continue
        new = MARKER_JUNK_RE.sub("", h.marker.raw)
        yield replace(h.para, h.start, h.end, new,
                      f"标题序号“{h.marker.raw}”中有乱码“{'”“'.join(h.marker.junk)}”，应为“{new}”。")


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_BLANK_RE = lazyre.compile(f"[{BLANKS}]")
_CIRCLED_PUNCT_RE = lazyre.compile(f"([{_CIRCLED}])([{BLANKS}]*[、.．,，:：])")


@rule("GW109", "circled-number-punctuation", severity="error", fixable=True, triggers=_CIRCLED,
      message="带圈序号后不加标点，“①、”应写作“①”。", source="GB/T 15834-2011 B.3.4",
      why="GB/T 15834-2011 B.3.4：加括号的序次语后面不用任何点号。"
          "带圈数字“①②③”的圆圈起的就是括号的作用，后面同样不加“、”“.”“，”“：”。",
      bad=["主要有：①、资金不足；②、人员短缺。"], good=["主要有：①资金不足；②人员短缺。"])
def circled_number_punctuation(ctx):
    for _, para, mtext in items(ctx):
        if not any(c in mtext for c in _CIRCLED):
            continue
        for m in _CIRCLED_PUNCT_RE.finditer(mtext):
            yield replace(para, m.start(2), m.end(2), "",
                          f"带圈序号“{m.group(1)}”后的“{m.group(2).strip()}”多余，应写作“{m.group(1)}”。")


@rule("GW110", "marker-space", severity="warning", formats=TEXT_FORMATS, fixable=True,
      source="practice", message="标题序号与标题文字之间不留空格。",
      why="序号与标题文字之间没有停顿，空格（尤其是占一个字宽的全角空格）会在序号后留下空白，使各标题参差不齐，按“一、总体要求”查找也找不到。"
          "只检查一级“一、”和二级“（一）”后的空格。",
      bad=["一、 总体要求", "（一）　加强组织领导"], good=["一、总体要求", "（一）加强组织领导"])
def marker_space(ctx):
    for h in headings(ctx):
        if h.level not in (1, 2) or h.marker.junk or h.start < h.para.label_len:
            continue
        text = h.para.text
        end = h.end
        while end < len(text) and text[end] in BLANKS:
            end += 1
        if end > h.end and end < len(text):
            yield replace(h.para, h.end, end, "", f"“{h.marker.raw}”后的空格应删去。")


@rule("GW111", "marker-missing-bracket", severity="error", formats=TEXT_FORMATS, fixable=True,
      message="标题序号缺少前括号，“1）”“一）”应写作“（1）”“（一）”。", source="GB/T 9704-2012 7.3.3",
      why="GB/T 9704-2012 7.3.3 规定带括号的序数写作“（一）”“（1）”，括号成对使用；“1）”“一）”少了前括号，不是规定的写法，也让人分不清它与第四层“（1）”是否同一层次。"
          "只检查段首的标题序号；句中“主要有：1）……2）……”这样的列举不报告。",
      bad=["1）明确责任", "一）加强领导"], good=["（1）明确责任", "（一）加强领导"])
def marker_missing_bracket(ctx):
    for h in headings(ctx):
        if not h.marker.half_bracket or h.marker.junk:
            continue
        num = h.marker.raw[:-1].translate(FULLWIDTH_TO_ASCII)
        new = f"（{num}）"
        yield replace(h.para, h.start, h.end, new, f"标题序号“{h.marker.raw}”应写作“{new}”。")
