"""Page rules (GW801–GW802): A4 paper and the margins of GB/T 9704-2012 5.1, 5.2.1."""

from __future__ import annotations

from gongwen.lint.context import Context
from gongwen.lint.layoutview import doc_finding, layout_of, layout_rule
from gongwen.ooxml.names import W
from gongwen.ooxml.styles import to_int
from gongwen.spec.gbt9704 import A4, MARGIN_TOLERANCE_MM, MARGINS, TWIPS_PER_MM, mm


@layout_rule("GW801", "page-not-a4", severity="error",
             message="纸张不是 A4（210 mm × 297 mm）",
             source="GB/T 9704-2012 5.1", bad=["page: 216x279mm"], good=["page: 210x297mm", "page: 297x210mm"])
def page_not_a4(ctx: Context):
    """公文用纸采用 GB/T 148 规定的 A4 型纸，成品幅面为 210 mm × 297 mm。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    seen = set()
    for sect in lay.sections:
        pgsz = sect["pgSz"]
        if pgsz is None:
            size = None
        else:
            size = (to_int(pgsz.get(W + "w"), 0), to_int(pgsz.get(W + "h"), 0))
        tol = MARGIN_TOLERANCE_MM * TWIPS_PER_MM
        if size is not None and any(abs(size[0] - a) <= tol and abs(size[1] - b) <= tol
                                    for a, b in (A4, A4[::-1])):
            continue
        if size in seen:
            continue
        seen.add(size)
        what = "未设置纸张大小（Word 会用默认的 Letter 纸）" if size is None else \
            f"纸张为 {mm(size[0])} mm × {mm(size[1])} mm"
        yield doc_finding(ctx, f"{what}，应为 A4（210 mm × 297 mm）")


@layout_rule("GW802", "page-margins", severity="error",
             message="页边距不符：应为上 37 mm、下 35 mm、左 28 mm、右 26 mm（允许误差 1 mm）",
             source="GB/T 9704-2012 5.2.1",
             bad=["margins: top=25.4 bottom=25.4 left=31.8 right=31.8"],
             good=["margins: top=37 bottom=35 left=28 right=26", "margins: top=37.5 bottom=35 left=28 right=26"])
def page_margins(ctx: Context):
    """公文用纸天头（上白边）37 mm ± 1 mm，订口（左白边）28 mm ± 1 mm，版心 156 mm × 225 mm，
    因此下白边 35 mm、右白边 26 mm。横向页（如宽表格）不检查。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    seen = set()
    names = {"top": "上", "bottom": "下", "left": "左", "right": "右"}
    for sect in lay.sections:
        pgsz = sect["pgSz"]
        if pgsz is not None and (pgsz.get(W + "orient") == "landscape"
                                 or to_int(pgsz.get(W + "w"), 0) > to_int(pgsz.get(W + "h"), 1)):
            continue
        mar = sect["pgMar"]
        if mar is None:
            if None not in seen:
                seen.add(None)
                yield doc_finding(ctx, "未设置页边距，应为上 37 mm、下 35 mm、左 28 mm、右 26 mm")
            continue
        got = {k: abs(to_int(mar.get(W + k), 0)) for k in MARGINS}
        got["left"] += to_int(mar.get(W + "gutter"), 0) or 0
        bad = [k for k in MARGINS if abs(got[k] - MARGINS[k]) > MARGIN_TOLERANCE_MM * TWIPS_PER_MM + 0.5]
        key = tuple(got[k] for k in MARGINS)
        if not bad or key in seen:
            continue
        seen.add(key)
        now = "、".join(f"{names[k]} {mm(got[k])} mm" for k in MARGINS)
        yield doc_finding(ctx, f"页边距为{now}，应为上 37 mm、下 35 mm、左 28 mm、右 26 mm（允许误差 1 mm）")
