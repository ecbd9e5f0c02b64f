"""GW4xx paired marks: brackets, quotes and title marks (GB/T 15834-2011 4.8, 4.9, 4.15).

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
from gongwen.lint.textview import OPAQUE, SYNTAX, items, marker_spans, next_char, prev_char, wrapped
from gongwen.spec.chars import BLANKS, is_cjk, is_cn

_OPEN, _CLOSE = "(（", ")）"
_ENUM_CLOSE_RE = lazyre.compile(r"(?:^|(?<=[\s，；。：、\u3000]))(?:[0-9a-zA-Z]{1,2}|[一二三四五六七八九十]{1,2})[)）]")


def _in(pos, region):
    return region is not None and region[0] <= pos < region[1]


def paren_pairs(mtext):
    """``(pairs, unmatched)`` of round brackets, half- and full-width alike."""
    enum = {m.end() - 1 for m in _ENUM_CLOSE_RE.finditer(mtext)}
    stack, pairs, unmatched = [], [], []
    for pos, c in enumerate(mtext):
        if c in _OPEN:
            stack.append(pos)
        elif c in _CLOSE:
            if pos in enum and not stack:
                continue
            if stack:
                pairs.append((stack.pop(), pos))
            else:
                unmatched.append(pos)
    return pairs, unmatched + stack


@rule("GW403", "halfwidth-brackets", triggers="()", severity="error", fixable=True,
      message="中文文本中的括号应使用全角“（）”，不用半角“()”或一半一全。", source="GB/T 15834-2011 4.9",
      why="GB/T 15834-2011 4.9：中文括号的形式是“（）”。"
          "半角“()”只占半个字、用西文字体显示，与全角括号混用（“(试行）”）时左右不对称。"
          "括号内外都没有汉字的（“Python (3.11)”）、代码（f(x)）和网址不报告；标题序号中的括号由 GW102 报告。",
      bad=["国内生产总值(GDP)增长5%。", "按照要求(试行）执行。"],
      good=["国内生产总值（GDP）增长5%。", "调用f(x)函数，见 Python (3.11) 文档。"])
def halfwidth_brackets(ctx):
    skip = marker_spans(ctx)
    for i, para, mtext in items(ctx):
        if "(" not in mtext and ")" not in mtext:
            continue
        region = skip.get(i)
        pairs, _ = paren_pairs(mtext)
        for a, b in pairs:
            if _in(a, region) or (mtext[a] == "（" and mtext[b] == "）"):
                continue
            inner = mtext[a + 1:b]
            mixed = mtext[a] != "(" or mtext[b] != ")"
            chinese = any(is_cjk(c) for c in inner) or is_cjk(prev_char(mtext, a))
            if not (mixed or chinese) or OPAQUE in inner or SYNTAX in inner:
                continue
            yield replace(para, a, b + 1, "（" + para.text[a + 1:b] + "）",
                          f"“{mtext[a]}…{mtext[b]}”应写作全角括号“（…）”。")


_PAIRS = {"《": "》", "“": "”", "‘": "’", "（": "）", "(": ")", "【": "】", "〔": "〕", "〈": "〉", "「": "」", "『": "』"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_SAME = {"(": "（", ")": "）"}
_BETWEEN_TITLES_RE = lazyre.compile(r"、(?<=[》”]、)(?=[《“])")  # opens with the 、: a fast scan for it
_PAIR_CHARS_RE = lazyre.compile("[" + re.escape("".join(_PAIRS) + "".join(_CLOSERS)) + "]")


@rule("GW406", "unbalanced-pair", severity="error", source="GB/T 15834-2011 4.8、4.9、4.15",
      message="成对的标点不完整或交叉：书名号《》、引号“”、括号（）【】〔〕应成对出现。",
      why="GB/T 15834-2011 4.8、4.9、4.15：引号、括号、书名号成对使用，标明引文、注释和书名的起止；缺了一半，读者不知道引文或书名到哪里为止，交叉（“《A（B》）”）说明嵌套写错了。"
          "句中“1）”“一）”这类列举序号不要求前括号；分段引用时每段开头用前引号、只在最后一段末尾用后引号，也不报告。",
      bad=["认真学习《实施方案，抓好落实。", "提出“四个意识的要求。", "成立领导小组（组长由市长担任。"],
      good=["认真学习《实施方案》，抓好落实。", "提出“四个意识”的要求。", "主要有：1）资金不足；2）人员短缺。",
            "资金来源：一）财政投入；二）社会资本。"])
def unbalanced_pair(ctx):
    paras = list(items(ctx))
    whole = _titles_set_in_lines(ctx, paras)
    for k, (i, para, mtext) in enumerate(paras):
        if i in whole:
            continue
        marks = "".join(_PAIR_CHARS_RE.findall(mtext))
        if not marks or _nested(marks):
            continue  # every mark closed by its partner, in order: nothing to report
        enum = {m.end() - 1 for m in _ENUM_CLOSE_RE.finditer(mtext)} if (")" in mtext or "）" in mtext) else set()
        circled_head = re.match(r"^[\s\u3000]*[0-9]{1,2}[)）]", mtext)
        stack = []
        faults = []
        for m in _PAIR_CHARS_RE.finditer(mtext):
            pos, c = m.start(), m.group(0)
            if c in _PAIRS:
                stack.append((pos, c))
            elif c in _CLOSERS:
                want = _CLOSERS[c]
                if stack and (stack[-1][1] == want or _SAME.get(stack[-1][1]) == _SAME.get(want, want)):
                    stack.pop()
                elif c in ")）" and (pos in enum or circled_head and pos == circled_head.end() - 1):
                    continue
                elif any(o == want or _SAME.get(o, o) == _SAME.get(want, want) for _, o in stack):
                    # crossed: 《A（B》）
                    while stack and not (stack[-1][1] == want or _SAME.get(stack[-1][1], stack[-1][1]) == _SAME.get(want, want)):
                        faults.append((stack.pop(), "crossed"))
                    if stack:
                        stack.pop()
                else:
                    faults.append(((pos, c), "close"))
        for (pos, c) in stack:
            if c == "“" and _continued_quote(paras, k, pos):
                continue
            faults.append(((pos, c), "open"))
        for (pos, c), kind in sorted(faults):
            if kind == "close":
                msg = f"“{c}”没有对应的“{_CLOSERS[c]}”。"
            elif kind == "crossed":
                msg = f"“{c}”与其他成对标点交叉，应先配对“{_PAIRS[c]}”。"
            else:
                msg = f"“{c}”没有对应的“{_PAIRS[c]}”。"
            yield hit(para, pos, msg)


#: Two adjacent marks that close each other as the walk of :func:`unbalanced_pair` pairs them:
#: an opener and its closer (and ``(`` closed by ``）``).
_DOUBLE_QUOTES = lazyre.compile("[“”]")
_ADJACENT_RE = lazyre.compile("|".join(re.escape(o + c) for o, c in _PAIRS.items()) + "|" + re.escape("(）"))


def _nested(marks: str) -> bool:
    """Do the pair marks of a paragraph (in order) all close, nested, each on its partner?"""
    while marks:
        shorter = _ADJACENT_RE.sub("", marks)
        if len(shorter) == len(marks):
            return False
        marks = shorter
    return True


def _titles_set_in_lines(ctx, paras) -> set:
    """Indexes of the lines of an element set over several paragraphs whose pairs close on another
    of its lines: a long title set in centred lines, a 主送 or an attachment's name wrapped, with a
    《 on one line and its 》 on the next (:func:`gongwen.lint.textview.wrapped`)."""
    out = set()
    for first, last in wrapped(ctx):
        stack = []
        for c in _PAIR_CHARS_RE.findall("".join(paras[j][2] for j in range(first, last + 1))):
            if c in _PAIRS:
                stack.append(c)
            elif stack and stack[-1] == _CLOSERS[c]:
                stack.pop()
            else:
                stack.append(c)
        if not stack:
            out.update(paras[j][0] for j in range(first, last + 1))
    return out


def _continued_quote(paras, k, pos):
    """A quotation of several paragraphs opens “ in each and closes ” only in the last."""
    _, para, mtext = paras[k]
    if mtext[:pos].strip(BLANKS + SYNTAX):
        return False
    return k + 1 < len(paras) and paras[k + 1][2].lstrip(BLANKS + SYNTAX).startswith("“")


@rule("GW407", "ascii-quotes", triggers="\"'", severity="error", fixable=True,
      message="中文文本中应使用中文引号“”‘’，不用英文引号 \" '。", source="GB/T 15834-2011 4.8",
      why="GB/T 15834-2011 4.8：中文引号的形式是双引号“”和单引号‘’，前引号和后引号形状不同。"
          "英文直引号 \" ' 不分前后、只占半个字，与全文的中文引号不一致。"
          "引号内没有汉字的（英文引文）、英文单词中的撇号（don't）和代码中的引号不报告；只有单个英文引号时只提示，不自动修正。",
      bad=['推行"月调度"机制。', "他说'可以'。"],
      good=["推行“月调度”机制。", 'He said "yes" in English.'])
def ascii_quotes(ctx):
    for _, para, mtext in items(ctx):
        for quote, (o, c) in (('"', "“”"), ("'", "‘’")):
            if quote not in mtext:
                continue
            positions = [m.start() for m in re.finditer(quote, mtext)]
            if quote == "'":
                positions = [p for p in positions if not (prev_char(mtext, p).isascii() and prev_char(mtext, p).isalpha()
                                                          and next_char(mtext, p + 1).isascii() and next_char(mtext, p + 1).isalpha())]
            for a, b in zip(positions[0::2], positions[1::2]):
                inner = mtext[a + 1:b]
                if OPAQUE in inner:
                    continue
                chinese = any(is_cjk(ch) for ch in inner)
                if not chinese:
                    continue
                if "(" in mtext[max(0, a - 1):a] or mtext[b + 1:b + 2] == ")":
                    continue  # f("…") is code
                yield replace(para, a, b + 1, o + para.text[a + 1:b] + c,
                              f"英文引号{quote}…{quote}应写作中文引号“{o}…{c}”。")
            if len(positions) % 2 and any(is_cjk(ch) for ch in mtext):
                p = positions[-1]
                if is_cn(prev_char(mtext, p)) or is_cn(next_char(mtext, p + 1)):
                    yield hit(para, p, f"中文文本中有单个英文引号{quote}，应使用中文引号并成对出现。")


@rule("GW408", "dunhao-between-titles", triggers="、", why="GB/T 15834-2011 4.5.3.5：标有引号或书名号的并列成分之间通常不用顿号；若中间插有括注等其他成分，宜用顿号，故只作警告。",
     severity="warning", fixable=True,
      message="并列的书名号或引号之间通常不用顿号，“《A》、《B》”宜写作“《A》《B》”。",
      source="GB/T 15834-2011 4.5.3.5",
      bad=["学习《宪法》、《工会法》。", "做到“四个意识”、“四个自信”。"],
      good=["学习《宪法》《工会法》。", "学习《宪法》（2018年修正）、《工会法》。"])
def dunhao_between_titles(ctx):
    for _, para, mtext in items(ctx):
        for m in _BETWEEN_TITLES_RE.finditer(mtext):
            yield replace(para, m.start(), m.end(), "", "并列的书名号（引号）之间的顿号宜删去。")


@rule("GW416", "nested-double-quotes", triggers="“", severity="warning", source="GB/T 15834-2011 4.8",
      message="引号里面还要用引号时，外面用双引号，里面用单引号：“……‘……’……”。",
      why="GB/T 15834-2011 4.8：引号里面还要用引号时，外面一层用双引号，里面一层用单引号。"
          "两层都用双引号，读者分不清哪个后引号闭合哪一层，引文在哪里结束。",
      bad=["他说：“要落实“四个意识”的要求。”"], good=["他说：“要落实‘四个意识’的要求。”"])
def nested_double_quotes(ctx):
    for _, para, mtext in items(ctx):
        if "“" not in mtext:
            continue
        depth = 0
        for m in _DOUBLE_QUOTES.finditer(mtext):
            pos, c = m.start(), m.group(0)
            if c == "“":
                if depth >= 1:
                    yield hit(para, pos, "引号内又用了双引号，内层应改用单引号‘’。")
                depth += 1
            elif c == "”":
                depth = max(0, depth - 1)
