"""版记 rules (GW822–GW825): its lines, its place, the 抄送 and 印发 lines (GB/T 9704-2012 7.4).

The 版记 is the ``抄送：`` and ``……印发`` lines at the end of a document
(:mod:`gongwen.lint.redview`), as paragraphs (gongwen frames them at the bottom of
the text block, ``w:framePr w:vAnchor="margin" w:yAlign="bottom"``, with paragraph
borders), as a table with top and bottom borders, or as paragraphs after blank lines.
"""

from __future__ import annotations

import re

from gongwen.spec import lazyre

from gongwen.lint.context import Context
from gongwen.lint.drawnlines import Line, drawn_lines, has_picture, para_borders, placed_lines
from gongwen.lint.findings import hit
from gongwen.lint.layoutview import layout_rule
from gongwen.lint.paraprops import edges, frame, indents, right_tabs
from gongwen.lint.redview import RedView, red_of, row_lines, row_of, table_of
from gongwen.ooxml.names import W
from gongwen.ooxml.styles import cjk_count, runs, solid_count, to_int
from gongwen.spec.chars import BLANKS
from gongwen.spec.gbt9704 import LINE_PITCH

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Optional

_CHAR4 = 280  # one 4号 character (14 pt) in twips
_SIZE4 = 28
THICK = (7, 12)  # w:sz of a thick line: 1 pt (0.35 mm) to 1.5 pt
THIN = (2, 6)  # a thin line: 0.25 pt to 0.75 pt (0.25 mm)
_CELL_MARGIN = 108  # Word's default left and right cell margin (twips)


def _record(ctx: Context) -> Optional[RedView]:
    view = red_of(ctx)
    return view if view is not None and view.record else None


# --- the lines ---------------------------------------------------------------------------


def _signature(parts, el) -> tuple:
    """What decides whether Word draws two paragraphs in one bordered box: borders, indents, frame."""
    fp = frame(parts, el)
    return (tuple(sorted(para_borders(parts, el).items())), tuple(sorted(indents(parts, el).items())),
            tuple(sorted(fp.items())) if fp else ())


def paragraph_slots(view: RedView) -> Optional[List[List[Line]]]:
    """The lines above, between and below the 版记's text lines, drawn as paragraph borders
    (the blank paragraph just before or after may carry them).  Word draws consecutive
    paragraphs with the same borders and indents as one box, with the ``between`` border
    inside it.  None when a line is drawn as a shape or a picture: its place is not read."""
    first, last = view.record[0], view.record[-1]
    span = [i for i in range(first, last + 1) if view.where[i] == "body"]
    if first > 0 and not view.texts[first - 1] and view.where[first - 1] == "body":
        span.insert(0, first - 1)
    if last + 1 < view.n and not view.texts[last + 1] and view.where[last + 1] == "body":
        span.append(last + 1)
    els = [view.parts.elements[i] for i in span]
    if any(drawn_lines(el) or has_picture(el) for el in els):
        return None
    borders = [para_borders(view.parts, el) for el in els]
    sigs = [_signature(view.parts, el) for el in els]
    texts = [bool(view.texts[i]) for i in span]
    slots: List[List[Line]] = [[] for _ in range(sum(texts) + 1)]
    if texts[0] and "top" in borders[0]:
        slots[0].append(borders[0]["top"])
    above = 0  # text lines above the boundary being read
    for k in range(len(els)):
        above += texts[k]
        if k + 1 < len(els):
            if sigs[k] == sigs[k + 1]:
                slots[above] += [borders[k]["between"]] if "between" in borders[k] else []
            else:
                slots[above] += [b[side] for b, side in ((borders[k], "bottom"), (borders[k + 1], "top"))
                                 if side in b]
        elif texts[k] and "bottom" in borders[k]:
            slots[above].append(borders[k]["bottom"])
    return slots


def drawn_slots(view: RedView) -> Optional[List[List[Line]]]:
    """The 版记's lines drawn as DrawingML shapes (as gongwen draws them: LibreOffice drops the
    borders of framed paragraphs), top to bottom, one slot each; ``[]`` when none is drawn, None
    when their order cannot be read (anchors of different kinds, VML, pictures)."""
    k = view.record[0] - 1
    while k >= 0 and not view.texts[k]:
        k -= 1
    found = []
    for i in range(k + 1, view.n):
        placed = placed_lines(view.parts.elements[i])
        if placed is None:
            return None
        found += [(i, rel, off, line) for rel, off, line in placed]
    kinds = {rel for _, rel, _, _ in found}
    if len(kinds) > 1 or kinds - {"margin", "page", "paragraph"}:
        return None
    found.sort(key=lambda f: (f[0] if kinds == {"paragraph"} else 0, f[2]))
    return [[line] for *_, line in found]


def _slots(view: RedView) -> Optional[List[List[Line]]]:
    tables = {table_of(view.parts.elements[i]) for i in view.record}
    if tables == {None}:
        return paragraph_slots(view)
    if len(tables) != 1 or None in tables:
        return None
    tbl = tables.pop()
    rows = []
    for i in view.record:
        row = row_of(view.parts.elements[i])
        if all(row is not r for r in rows):
            rows.append(row)
    if any(drawn_lines(view.parts.elements[i]) for i in view.record):
        return None
    return row_lines(view.parts, tbl, rows)


_NAMES = {"cc": "抄送", "printed": "印发", "to": "主送", None: "印发"}


def _pt(sz: Optional[int]) -> str:
    return "未知" if sz is None else f"{sz / 8:g} 磅"


@layout_rule("GW822", "record-lines", severity="error",
             message="版记分隔线：首条和末条用粗线（0.35 mm，1 磅），抄送与印发之间用细线（0.25 mm，0.75 或 0.5 磅）",
             source="GB/T 9704-2012 7.4.1",
             bad=["record: lines=0,0,0", "record: lines=4,4,4", "record: lines=8,0,8", "record: form=table lines=8,8,8",
                  "record: lines=8,12,8"],
             good=["record:", "record: form=table", "record: form=plain", "record: lines=12,6,12",
                   "record: form=table lines=8,6,8"])
def record_lines(ctx: Context):
    """版记中的分隔线与版心等宽，首条分隔线和末条分隔线用粗线（推荐高度为 0.35 mm），中间的分隔线用细线
    （推荐高度为 0.25 mm）。粗线按 1～1.5 磅（w:sz 7～12）、细线按 0.25～0.75 磅（w:sz 2～6）认定。
    线可以是段落框线（相邻段落框线相同时，Word 画成一个框，中间用“内部横框线”）或表格框线；画出的
    直线、图片读不出先后，不检查。信函格式的版记不加印发机关和分隔线：没有印发一行时不检查。"""
    view = _record(ctx)
    if view is None or not any(view.record_kind(i) == "printed" for i in view.record):
        return
    text_lines = [i for i in view.record if view.texts[i]]
    if table_of(view.parts.elements[view.record[0]]) is not None:
        text_lines = [view.record[0]] + [i for k, i in enumerate(view.record[1:], 1)
                                         if row_of(view.parts.elements[i]) is not
                                         row_of(view.parts.elements[view.record[k - 1]])]
    slots = drawn_slots(view)
    if slots and len(slots) != len(text_lines) + 1:
        yield hit(ctx.paras[text_lines[0]], 0, f"版记画了 {len(slots)} 条分隔线：{len(text_lines)} 项应有 "
                                               f"{len(text_lines) + 1} 条（首末各一条粗线，每两项之间一条细线）")
        return
    if slots == []:
        slots = _slots(view)
    if slots is None:
        return
    if not any(slots):
        yield hit(ctx.paras[text_lines[0]], 0, "版记没有分隔线：首条和末条用粗线（1 磅，约 0.35 mm），"
                                               "中间用细线（0.75 磅，约 0.25 mm）")
        return
    last = len(slots) - 1
    for k, lines in enumerate(slots):
        at = ctx.paras[text_lines[min(k, len(text_lines) - 1)]]
        where = "首条" if k == 0 else "末条" if k == last else \
            f"“{_NAMES[view.record_kind(text_lines[k - 1])]}”与“{_NAMES[view.record_kind(text_lines[k])]}”之间的"
        want = THICK if k in (0, last) else THIN
        kind = "粗线（1 磅，约 0.35 mm）" if want is THICK else "细线（0.75 磅，约 0.25 mm）"
        if not lines:
            yield hit(at, 0, f"版记缺少{where}分隔线：应为{kind}")
        elif len(lines) > 1:
            yield hit(at, 0, f"版记{where}分隔线画了 {len(lines)} 条：应为一条{kind}")
        elif lines[0].sz is not None and not want[0] <= lines[0].sz <= want[1]:
            yield hit(at, 0, f"版记{where}分隔线为 {_pt(lines[0].sz)}：应为{kind}")


# --- the place ---------------------------------------------------------------------------


def _anchored(view: RedView) -> Optional[str]:
    """``bottom`` when the 版记 is anchored to the text block's bottom, ``page`` when to the
    paper's, ``high`` when a frame hangs it from the top and it ends more than a line above the
    bottom, ``other`` when placed some other way, None when it flows with the text."""
    el = view.parts.elements[view.record[0]]
    tbl = table_of(el)
    if tbl is not None:
        tblpr = tbl.find(W + "tblPr")
        pos = None if tblpr is None else tblpr.find(W + "tblpPr")
        if pos is None:
            return None
        anchor, spec, y, h = pos.get(W + "vertAnchor"), pos.get(W + "tblpYSpec"), None, None
    else:
        fp = frame(view.parts, el)
        if fp is None:
            return None
        anchor, spec, y, h = fp.get("vAnchor"), fp.get("yAlign"), fp.get("y"), fp.get("h")
    if spec == "bottom" and anchor in ("margin", "page"):
        return "bottom" if anchor == "margin" else "page"
    if not spec and anchor == "margin" and y is not None and to_int(h, 0) > 0:
        gap = view.text_height - to_int(y, 0) - abs(to_int(h, 0))
        return "high" if gap > LINE_PITCH else "other"
    return "other"


def _tight(view: RedView) -> bool:
    """Does the flowing 版记 follow the text with no blank line or page break before it?"""
    el = view.parts.elements[view.record[0]]
    first = table_of(el) if table_of(el) is not None else el
    prev = first.getprevious()
    while prev is not None and prev.tag not in (W + "p", W + "tbl"):
        prev = prev.getprevious()
    if prev is None or prev.tag == W + "tbl":
        return prev is not None
    text = "".join(t.text or "" for t in prev.iter(W + "t")).strip(BLANKS)
    breaks = any(br.get(W + "type") == "page" for br in prev.iter(W + "br"))
    return bool(text) and not breaks


@layout_rule("GW823", "record-place", severity="error",
             message="版记应排在公文最后（附件之后），末条分隔线与版心下边缘重合",
             source="GB/T 9704-2012 7.4.1、7.4、附录 A",
             bad=["head:;record: after=本通知自印发之日起施行。", "record: place=page", "record: place=high", "record: form=plain place=tight",
                  "record: form=table place=page"],
             good=["record:", "record: form=table", "record: form=table place=flow", "record: form=plain"])
def record_place(ctx: Context):
    """版记排在公文最后一面（附件之后），最后一个要素置于最后一行，末条分隔线与版心下边缘重合。gongwen
    用对齐版心底端的框架（w:framePr w:vAnchor="margin" w:yAlign="bottom"）排版记；表格可定位到
    “页边距”底端。对齐到“页面”底端会落进下白边。随正文排的版记，前面有空行或分页即视为已排到底部
    （是否恰好到底读不出），紧接正文之后的则没有。"""
    view = red_of(ctx)
    if view is None:
        return
    if view.stray_record is not None:
        yield hit(ctx.paras[view.stray_record], 0, "版记之后还有正文：版记应排在公文最后（附件之后）")
    if not view.record:
        return
    at = ctx.paras[view.record[0]]
    anchored = _anchored(view)
    if anchored == "page":
        yield hit(at, 0, "版记对齐到纸张底边，会落进下白边：应对齐版心底边（相对于页边距）")
    elif anchored == "high":
        yield hit(at, 0, "版记框架没有排到版心底部：末条分隔线应与版心下边缘重合")
    elif anchored is None and _tight(view):
        yield hit(at, 0, "版记紧接在正文之后：应排在最后一页版心的最下方（末条分隔线与版心下边缘重合）")


# --- the 抄送 and 印发 lines ------------------------------------------------------------------


def _start(view: RedView, i: int) -> tuple:
    """``(first line start, wrapped lines start, right indent)`` in twips from the text block's
    edges, typed leading blanks and table cell margins included."""
    el = view.parts.elements[i]
    first, left, right = edges(indents(view.parts, el), _CHAR4)
    text = view.ctx.paras[i].text
    first += _CHAR4 * (len(text) - len(text.lstrip("\u3000")))
    tbl = table_of(el)
    if tbl is not None:
        margins = {}
        for holder in (tbl.find(W + "tblPr/" + W + "tblCellMar"),):
            for side in holder if holder is not None else ():
                margins[side.tag[len(W):]] = to_int(side.get(W + "w"), _CELL_MARGIN)
        lm = margins.get("left", margins.get("start", _CELL_MARGIN))
        rm = margins.get("right", margins.get("end", _CELL_MARGIN))
        ind = tbl.find(W + "tblPr/" + W + "tblInd")
        shift = lm + (to_int(ind.get(W + "w"), 0) if ind is not None else 0)
        first, left, right = first + shift, left + shift, right + rm
    return first, left, right


def _size(view: RedView, i: int) -> Optional[int]:
    el = view.parts.elements[i]
    style = view.res.para(el)[0]
    weight = {}
    for r, text in runs(el):
        n = solid_count(text)
        if n:
            sz = view.res.run(style, r).get("sz")
            weight[sz] = weight.get(sz, 0) + n
    return max(weight, key=weight.get) if weight else None


def _chars(text: str) -> float:
    cjk = cjk_count(text)
    return cjk + (len(text.strip()) - cjk) / 2


def _off(value: float, want: float = _CHAR4) -> bool:
    return abs(value - want) > _CHAR4 / 2


@layout_rule("GW824", "cc-line", severity="error",
             message="抄送机关用四号字，左右各空一字，末尾用句号；回行时与冒号后的首字对齐",
             source="GB/T 9704-2012 7.4.2",
             bad=["record: cc=抄送：县委办公室，县人大常委会办公室", "record: size=16pt", "record: indent=0",
                  "record: form=table indent=0"],
             good=["record:", "record: form=table", "record: indent=1.1"])
def cc_line(ctx: Context):
    """抄送机关一般用 4 号仿宋体字，在印发机关和印发日期之上一行、左右各空一字编排；“抄送”二字后加全角
    冒号和抄送机关名称，回行时与冒号后的首字对齐，最后一个抄送机关名称后标句号。一行排得下时不检查右缩进
    和回行对齐。"""
    view = _record(ctx)
    if view is None:
        return
    for i in view.record:
        if view.record_kind(i) not in ("cc", "to"):
            continue
        para, text = ctx.paras[i], view.texts[i]
        name = text[:2]
        if not text.endswith("。"):
            yield hit(para, len(para.text.rstrip(BLANKS)), f"{name}机关名称之后应以句号“。”结尾")
        size = _size(view, i)
        if size is not None and size != _SIZE4:
            yield hit(para, 0, f"{name}一行字号为 {size / 2:g} 磅：应为四号（14 磅）")
        first, left, right = _start(view, i)
        if _off(first):
            yield hit(para, 0, f"{name}一行应左空一字（现为 {first / _CHAR4:.1f} 字）")
            continue
        room = (view.text_width - first - right) / _CHAR4
        if _chars(text) > room:  # wraps
            colon = re.match(r"[^：:]*[：:]", text)
            want = first + _CHAR4 * _chars(colon.group(0) if colon else "抄送：")
            if _off(right):
                yield hit(para, 0, f"{name}一行应右空一字（现为 {right / _CHAR4:.1f} 字）")
            elif _off(left, want):
                yield hit(para, 0, f"{name}机关回行时应与冒号后的首字对齐（悬挂缩进）")


_PRINTED_DATE = lazyre.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发")


@layout_rule("GW825", "printed-line", severity="error",
             message="印发一行写作“印发机关＜制表位＞2024年3月5日印发”：四号字，机关左空一字，日期右空一字",
             source="GB/T 9704-2012 7.4.3",
             bad=["record: tab=no", "record: printed=2024年3月5日印发", "record: size=16pt", "record: indent=0"],
             good=["record:", "record: form=table"])
def printed_line(ctx: Context):
    """印发机关和印发日期一般用 4 号仿宋体字，编排在末条分隔线之上，印发机关左空一字，印发日期右空一字，
    用阿拉伯数字标全年、月、日，后加“印发”二字。日期右空一字要用右对齐制表位（或把日期放在右对齐的
    单元格里）：用一串空格推到右边，换字体后就会错位。"""
    view = _record(ctx)
    if view is None:
        return
    for i in view.record:
        if view.record_kind(i) != "printed":
            continue
        para, text = ctx.paras[i], view.texts[i]
        m = _PRINTED_DATE.search(text)
        issuer = text[:m.start()].strip(BLANKS + "\t") if m else text
        el = view.parts.elements[i]
        row = row_of(el)
        if not issuer and row is not None:
            issuer = "".join(t.text or "" for t in row.iter(W + "t")).replace(text, "").strip(BLANKS)
        if not issuer:
            yield hit(para, 0, "印发一行缺少印发机关：应写作“印发机关　2024年3月5日印发”")
        size = _size(view, i)
        if size is not None and size != _SIZE4:
            yield hit(para, 0, f"印发一行字号为 {size / 2:g} 磅：应为四号（14 磅）")
        if not issuer or not m or not text[:m.start()].strip(BLANKS + "\t"):
            continue  # the date alone (in its own cell): nothing more to measure here
        first, _, right = _start(view, i)
        if _off(first):
            yield hit(para, 0, f"印发机关应左空一字（现为 {first / _CHAR4:.1f} 字）")
        gap = text[len(issuer):m.start()]
        if "\t" not in gap:
            if len(gap) >= 2:
                yield hit(para, 0, "印发机关和印发日期之间用空格隔开，换字体后会错位：应用右对齐制表位，"
                                   "使印发日期右空一字")
            continue
        if table_of(el) is not None:
            continue  # a tab stop in a cell: measured from the cell, not read here
        stops = right_tabs(view.parts, el)
        if not any(not _off(view.text_width - pos) for pos in stops):
            now = f"（现为右空 {(view.text_width - stops[-1]) / _CHAR4:.1f} 字）" if stops else "（现用默认制表位）"
            yield hit(para, 0, "印发日期应右空一字：在距版心右边一字处设右对齐制表位" + now)
