"""版头 rules (GW816–GW819): the 发文机关标志, its place, the red separator and the 发文字号
(GB/T 9704-2012 7.2.4–7.2.7, 10.1).

Only documents with a 版头 are checked (:mod:`gongwen.lint.redview`): a 发文字号 among the
first lines, or a red or ``…文件`` 标志.  Speeches and reports have none.  What cannot be read
from the .docx (a 标志 or line drawn as a picture, colours from the theme) is not reported.
"""

from __future__ import annotations

from gongwen.draft import roles as R
from gongwen.lint.context import Context
from gongwen.lint.drawnlines import EMU_PER_TWIP, WP, WPS
from gongwen.lint.findings import hit
from gongwen.lint.layoutview import layout_rule
from gongwen.lint.paraprops import edges, frame, indents, merged_attrs
from gongwen.lint.redview import RedView, red_of, table_of
from gongwen.ooxml.names import W
from gongwen.ooxml.styles import runs, to_int
from gongwen.spec.chars import BLANKS
from gongwen.spec.gbt9704 import TWIPS_PER_MM, mm

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional, Tuple

_CENTRED = ("center", "distribute")
_LEFT = ("left", "both", "start", "justify")
#: One 三号 character (16 pt) in twips, and the tolerance of "one character in".
_CHAR = 320


def _view(ctx: Context) -> Optional[RedView]:
    view = red_of(ctx)
    return view if view is not None and view.is_redhead else None


def _jc(view: RedView, i: int) -> str:
    return view.res.para(view.parts.elements[i])[1].get("jc", "left")


@layout_rule("GW816", "issuer-mark", severity="error",
             message="版头应有发文机关标志，红色、居中（如“清河县人民政府文件”）",
             source="GB/T 9704-2012 7.2.4",
             bad=["head: color=000000", "head: align=left", "head: issuer=none"],
             good=["head:", "head: issuer=清河县人民政府", "head: issuer=清河县人民政府 align=distribute"])
def issuer_mark(ctx: Context):
    """发文机关标志由发文机关全称或规范化简称加“文件”二字组成，也可只用发文机关名称，居中排布，
    推荐使用小标宋体字，颜色为红色；联合行文时主办机关排列在前。只检查有版头的文件（文首几行有发文字号，
    或有红色、以“文件”结尾的标志），讲话稿、调研报告不检查。标志排在表格里（联合行文）时不检查居中；
    标志是图片，或版头、页眉里有图片时，不报告“没有标志”。"""
    view = _view(ctx)
    if view is None:
        return
    if not view.issuers:
        _, unknown = view.head_lines()
        at = view.number if view.number is not None else 0
        if not unknown:
            yield hit(ctx.paras[at], 0, "版头有发文字号，但没有发文机关标志：应在发文字号之上居中排红色的"
                                        "发文机关名称（或名称加“文件”）")
        return
    for i in view.issuers:
        if not view.is_red(i):
            yield hit(ctx.paras[i], 0, f"发文机关标志“{view.texts[i]}”不是红色：应为红色（推荐小标宋体字）")
            break
    for i in view.issuers:
        if view.where[i] == "body" and _jc(view, i) not in _CENTRED:
            yield hit(ctx.paras[i], 0, f"发文机关标志“{view.texts[i]}”没有居中：应居中排布")
            break


# --- where the 标志 sits ------------------------------------------------------------------

_GLYPH = 0.3  # the part of a font size that may stand between a line's top and its glyphs' top


def _size(view: RedView, el) -> int:
    """The font size (half-points) of a paragraph's first text, or of its paragraph mark."""
    style = view.res.para(el)[0]
    for r, text in runs(el):
        if text.strip():
            return view.res.run(style, r).get("sz") or 21
    ppr = el.find(W + "pPr")
    mark = None if ppr is None else ppr.find(W + "rPr/" + W + "sz")
    return to_int(None if mark is None else mark.get(W + "val")) or view.res.run_base(style, None).get("sz") or 21


def _line(view: RedView, el, grid) -> Tuple[Optional[float], float]:
    """``(height, glyph offset range)`` of a one-line paragraph in twips (height None: unknown)."""
    spacing = merged_attrs(view.parts, el, "spacing")
    rule_, line = spacing.get("lineRule", "auto"), spacing.get("line", 240)
    size = _size(view, el) * 10  # twips
    if rule_ == "exact":
        return float(line), max(0.0, line - size) + _GLYPH * size
    if rule_ == "atLeast" and line >= 1.5 * size:
        return float(line), max(0.0, line - size) + _GLYPH * size
    pitch = None if grid is None else to_int(grid.get(W + "linePitch"))
    if rule_ == "auto" and line == 240 and pitch and grid.get(W + "type") in ("lines", "linesAndChars") \
            and 1.3 * size <= 0.9 * pitch:
        return float(pitch), pitch - size + _GLYPH * size
    return None, _GLYPH * size


def _space(spacing: dict, side: str) -> Optional[int]:
    if spacing.get(side + "Lines"):
        return None  # in lines of a grid: not read
    return spacing.get(side, 0)


def _flow_top(view: RedView, k: int, grid) -> Optional[float]:
    """Top of paragraph ``k`` below the text block top, in twips, when its page-1 flow is readable."""
    top = 0.0
    for j in range(k + 1):
        if view.where[j] == "textbox":
            continue
        el = view.parts.elements[j]
        if view.where[j] != "body" or (j < k and frame(view.parts, el) is not None):
            return None
        spacing = merged_attrs(view.parts, el, "spacing")
        before, after = _space(spacing, "before"), _space(spacing, "after")
        if before is None or after is None:
            return None
        top += before
        if j == k:
            return top
        height, _ = _line(view, el, grid)
        if height is None or len(view.texts[j]) > 20:
            return None
        top += height + after
    return None


def _mark_top(view: RedView, i: int, grid) -> Optional[Tuple[float, float]]:
    """The range (twips below the text block top) the 标志's top edge lies in, or None."""
    el = view.parts.elements[i]
    _, glyph = _line(view, el, grid)
    own = _space(merged_attrs(view.parts, el, "spacing"), "before") or 0
    if view.where[i] == "textbox":
        anchor = el.getparent()
        while anchor is not None and anchor.tag != WP + "anchor":
            anchor = anchor.getparent()
        pos = None if anchor is None else anchor.find(WP + "positionV")
        offset = None if pos is None else pos.find(WP + "posOffset")
        if offset is None or pos.get("relativeFrom") not in ("margin", "page", "paragraph"):
            return None
        body = next(anchor.iter(WPS + "bodyPr"), None)
        inset = to_int(None if body is None else body.get("tIns"), 45720)  # the box's top inset (EMU)
        top = (to_int(offset.text, 0) + inset) / EMU_PER_TWIP + own
        if pos.get("relativeFrom") == "page":
            top -= view.top_margin
        elif pos.get("relativeFrom") == "paragraph":
            host = next((j for j in range(i - 1, -1, -1) if view.where[j] == "body"), None)
            base = None if host is None else _flow_top(view, host, grid)
            if base is None:
                return None
            top += base
        return top, top + glyph
    fp = frame(view.parts, el)
    if fp is not None:
        anchor, y = fp.get("vAnchor"), fp.get("y")
        if anchor not in ("margin", "page") or y is None or fp.get("yAlign"):
            return None
        top = to_int(y, 0) + own - (view.top_margin if anchor == "page" else 0)
        return top, top + glyph
    top = _flow_top(view, i, grid)
    return None if top is None else (top, top + glyph)


@layout_rule("GW817", "issuer-position", severity="warning",
             message="发文机关标志上边缘应距版心上边缘 35 mm（信函格式距纸张上边缘 30 mm）",
             source="GB/T 9704-2012 7.2.4、10.1、10.2",
             bad=["head: before=10", "head: before=0"],
             good=["head: before=35", "head: before=34"])
def issuer_position(ctx: Context):
    """发文机关标志上边缘至版心上边缘为 35 mm；信函格式距纸张上边缘 30 mm，命令（令）格式距版心上边缘
    20 mm。位置按 .docx 写明的数值推算：标志之上各段的固定行距、段前段后间距，框架或文本框的垂直位置；
    行距随字体变化、标志之上有表格等无法推算时不报告。推算值允许 2 mm 误差，文字在行内的高低也已计入。"""
    view = _view(ctx)
    if view is None or not view.issuers:
        return
    i = view.issuers[0]
    span = _mark_top(view, i, view.grid)
    if span is None:
        return
    text = view.texts[i]
    targets = [35.0]
    if text.endswith(("命令", "令")):
        targets = [20.0]
    elif not text.endswith(("文件", "纪要")):
        targets.append(30.0 - view.top_margin / TWIPS_PER_MM)  # 信函格式: 30 mm from the paper's top
    tol = 2 * TWIPS_PER_MM
    low, high = span
    if any(low - tol <= t * TWIPS_PER_MM <= high + tol for t in targets):
        return
    want = "35 mm" if targets == [35.0] else ("20 mm" if targets == [20.0] else
                                              "35 mm（信函格式距纸张上边缘 30 mm）")
    yield hit(ctx.paras[i], 0, f"发文机关标志上边缘距版心上边缘约 {mm(low)} mm，应为 {want}")


# --- the red separator -------------------------------------------------------------------------


@layout_rule("GW818", "red-separator", severity="error",
             message="版头应有红色分隔线：发文字号之下，与版心等宽",
             source="GB/T 9704-2012 7.2.7",
             bad=["head: line=none", "head: linecolor=000000", "head: line=shape linecolor=000000"],
             good=["head:", "head: line=shape", "head: line=vml", "head: line=table", "head: line=vml linecolor=red"])
def red_separator(ctx: Context):
    """发文字号之下 4 mm 处居中印一条与版心等宽的红色分隔线。分隔线可以是段落下框线（发文字号段或其后
    的空段）、表格框线，也可以是画出的直线（DrawingML 的 a:ln、VML 的 v:line），在版头的任何一段、
    版头表格或首页页眉里找到红色的即可。纪要格式不要求分隔线；线是图片或颜色取自主题时不报告。"""
    view = _view(ctx)
    if view is None:
        return
    lines, unknown = view.head_lines()
    if any(line.red for _, line in lines):
        return
    unknown = unknown or any(line.red is None for _, line in lines)
    other = [(i, line) for i, line in lines if line.red is False]
    if other and not unknown:
        i = other[0][0] if other[0][0] >= 0 else (view.number or 0)
        yield hit(ctx.paras[i], 0, "版头分隔线不是红色：应为红色，与版心等宽")
    elif not other and not unknown and not view.is_minutes:
        at = view.number if view.number is not None else view.issuers[-1] if view.issuers else 0
        yield hit(ctx.paras[at], 0, "版头没有红色分隔线：应在发文字号之下 4 mm 处画一条与版心等宽的红线"
                                    "（如发文字号段的红色下框线）")


# --- the 发文字号 -------------------------------------------------------------------------------


@layout_rule("GW819", "doc-number-place", severity="error",
             message="发文字号应居中排在标志之下；上行文居左空一字，与最后一个签发人同行",
             source="GB/T 9704-2012 7.2.5、7.2.6、10.1",
             bad=["head: numalign=left", "head: signer=周文博 numalign=center", "head: signer=周文博 numindent=0"],
             good=["head:", "head: signer=周文博", "head: issuer=清河县人民政府 numalign=right"])
def doc_number_place(ctx: Context):
    """发文字号编排在发文机关标志下空二行位置，居中排布；上行文的发文字号居左空一字编排，与最后一个
    签发人姓名处在同一行；信函格式（标志不带“文件”）的发文字号顶格居版心右边缘。发文字号在表格里时
    不检查。"""
    view = _view(ctx)
    if view is None or view.number is None:
        return
    i = view.number
    el = view.parts.elements[i]
    if view.where[i] != "body" or table_of(el) is not None:
        return
    jc = _jc(view, i)
    para = ctx.paras[i]
    if view.signers:
        if jc not in _LEFT:
            yield hit(para, 0, "上行文的发文字号应居左空一字，与最后一个签发人同行（现为"
                               f"{'居中' if jc in _CENTRED else '右对齐'}）")
            return
        start, _, _ = edges(indents(view.parts, el), _CHAR)
        start += _CHAR * (len(para.text) - len(para.text.lstrip("\u3000")))
        if abs(start - _CHAR) > _CHAR / 2:
            yield hit(para, 0, f"上行文的发文字号应左空一字（现为 {start / _CHAR:.1f} 字）")
        alone = R.DOC_NUMBER_RE.search(view.texts[i])
        if alone and not view.texts[i][alone.end():].strip(BLANKS) and frame(view.parts, el) is None and all(
                view.where[s] == "body" and frame(view.parts, view.parts.elements[s]) is None for s in view.signers):
            yield hit(para, 0, "发文字号与签发人不在同一行：上行文的发文字号应与最后一个签发人姓名处在同一行")
        return
    if jc in ("center",):
        return
    if jc in ("right", "end") and not view.is_filed:
        return  # 信函格式
    now = {"right": "右对齐", "end": "右对齐", "distribute": "分散对齐"}.get(jc, "居左")
    yield hit(para, 0, f"发文字号应居中排布（现为{now}）")
