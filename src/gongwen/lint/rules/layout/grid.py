"""Grid rules (GW810–GW812): 22 lines of 28 characters and the two-character first-line
indent (GB/T 9704-2012 5.2.3, 7.3.3).

Lines and characters are counted in the standard text block (156 × 225 mm),
not the document's own, so a wrong page or margin is reported once, by GW801
or GW802.
"""

from __future__ import annotations

from gongwen.lint.context import Context
from gongwen.lint.layoutview import ROLE_NAME, Grouped, doc_finding, dominant, layout_of, layout_rule
from gongwen.ooxml.names import W
from gongwen.ooxml.styles import to_int
from gongwen.spec.gbt9704 import BODY_SIZE, CHARS_PER_LINE, INDENT_CHARS, INDENT_RANGE, LINES_PER_PAGE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional, Tuple


def _pitch(props: dict, grid) -> Tuple[Optional[float], str]:
    """The line pitch of a paragraph in twips, and how it was set."""
    rule_, line = props.get("line", ("auto", 240))
    if rule_ in ("exact", "atLeast"):
        return float(line), f"固定值 {line / 20:g} 磅" if rule_ == "exact" else f"最小值 {line / 20:g} 磅"
    grid_type = None if grid is None else grid.get(W + "type")
    pitch = None if grid is None else to_int(grid.get(W + "linePitch"))
    if grid_type in ("lines", "linesAndChars", "snapToChars") and pitch and props.get("snap", True) \
            and line == 240:
        return float(pitch), f"文档网格 {pitch / 20:g} 磅"
    return None, f"{line / 240:g} 倍行距" if rule_ == "auto" else str(line)


@layout_rule("GW810", "line-pitch", severity="warning",
             message="正文行距应使每页排 22 行：固定值 28.95 磅（579 缇），或文档网格行距 579 缇",
             source="GB/T 9704-2012 5.2.3（一般每面排 22 行）",
             bad=["body: line=auto:360", "body: line=exact:600"],
             good=["body: line=exact:579", "body: line=auto:240\ngrid: lines:579"])
def line_pitch(ctx: Context):
    """版心高 225 mm，一般每面排 22 行：行距在 LibreOffice 7.4 实测为固定值 579 缇（28.95 磅）
    或 w:docGrid w:type="lines" w:linePitch="579"。按标准版心（156 mm × 225 mm）计算每页行数，
    纸张和页边距另由 GW801、GW802 检查。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    _, height = lay.text_block()
    grid = lay.sections[-1]["grid"] if lay.sections else None
    group = Grouped()
    for par in lay.paragraphs:
        if par.role not in ("body", "h1", "h2", "h3", "h4"):
            continue
        pitch, how = _pitch(par.props, grid)
        lines = int(height // pitch) if pitch else None
        if lines != LINES_PER_PAGE:
            now = f"每页 {lines} 行" if lines else "行高随字体变化"
            group.add((par.style, how), par, f"行距为{how}（{now}），"
                                             "应为固定值 28.95 磅（每页 22 行）")
    yield from group.findings(lay.res)


@layout_rule("GW811", "chars-per-line", severity="warning",
             message="正文每行应排 28 字：三号字加字符间距 −0.25 磅（w:spacing w:val=\"-5\"）",
             source="GB/T 9704-2012 5.2.3（一般每行排 28 个字）",
             bad=["body: spacing=0", "grid: linesAndChars:579:-1000"], good=["body: spacing=-0.25pt"])
def chars_per_line(ctx: Context):
    """版心宽 156 mm（442.25 磅），28 个三号字需 448 磅，放不下：实测需字符间距紧缩 0.25 磅，
    每行才排 28 字。“网格：指定行和字符网格”（linesAndChars）在 LibreOffice 中只排 14 字，不要用。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    width, _ = lay.text_block()
    for sect in lay.sections:
        grid = sect["grid"]
        if grid is not None and grid.get(W + "type") in ("linesAndChars", "snapToChars"):
            yield doc_finding(ctx, "文档网格设为“指定行和字符网格”，LibreOffice 中每行只排 14 字；"
                                   "应只指定行网格，用字符间距 −0.25 磅排 28 字")
            return  # the character grid decides the characters per line, not the spacing
    group = Grouped()
    for par in lay.paragraphs:
        if par.role != "body":
            continue
        infos = lay.infos[id(par)]
        pair = dominant(infos, lambda p: (p.get("sz") or BODY_SIZE, p.get("spacing") or 0), cjk_only=True)
        if pair is None or pair[0] != BODY_SIZE:
            continue  # a wrong size is GW803's business
        chars = int(width // (pair[0] * 10 + pair[1]))
        if chars != CHARS_PER_LINE:
            group.add((par.style, pair), par, f"正文字符间距为 {pair[1] / 20:g} 磅，每行排 {chars} 字；"
                                              "应为 −0.25 磅，每行 28 字")
    yield from group.findings(lay.res)


@layout_rule("GW812", "first-line-indent", severity="error",
             message="正文和各级标题应首行缩进 2 个字符",
             source="GB/T 9704-2012 7.3.3",
             bad=["body: indent=0", "h1: indent=0"], good=["body: indent=2chars", "body: indent=640"])
def first_line_indent(ctx: Context):
    """正文段落首行左空二字，回行顶格（w:ind w:firstLineChars="200" 或 w:firstLine="640"）。
    称谓行（如“同志们：”）顶格，不检查；用全角空格缩进的段落由 GW6xx 规则报告。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    group = Grouped()
    for par in lay.paragraphs:
        if par.role not in ("body", "h1", "h2", "h3", "h4"):
            continue
        if par.para.text.startswith(("\u3000", " ", "\t")):
            continue
        kind, value = par.props.get("first", ("twips", 0))
        left = par.props.get("left", ("left", 0))[1]
        ok = (value == INDENT_CHARS) if kind == "chars" else INDENT_RANGE[0] <= value <= INDENT_RANGE[1]
        if not ok or left:
            now = (f"{value / 100:g} 个字符" if kind == "chars" else f"{value / 20:g} 磅") if value else "无缩进"
            if value < 0:
                now = "悬挂缩进"
            if left:
                now += "，且整段左缩进"
            group.add((par.role, par.style, kind, value, left), par,
                      f"{ROLE_NAME[par.role]}首行缩进为{now}，应为首行缩进 2 字符、回行顶格")
    yield from group.findings(lay.res)
