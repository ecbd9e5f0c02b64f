"""Page number rules (GW813–GW815): ``— N —`` from a PAGE field, 四号宋体, odd pages
right and even pages left (GB/T 9704-2012 7.5).

Only the footers of the last section (the body's own ``w:sectPr``, with the
references it inherits from earlier sections) are read.
"""

from __future__ import annotations

from gongwen.spec import lazyre

from gongwen.lint.context import Context
from gongwen.lint.layoutview import Layout, doc_finding, layout_of, layout_rule
from gongwen.ooxml.names import W
from gongwen.ooxml.styles import RUN, RUN_CONTAINERS, TAB, TEXT, is_on
from gongwen.spec.gbt9704 import PAGE_NUMBER_SIZE, face_family

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Tuple


def _field_text(p) -> Tuple[str, list, bool]:
    """Footer paragraph text with each PAGE field shown as ``N``; the runs that draw the
    number; whether a PAGE field was found."""
    out: List[str] = []
    number_runs: list = []
    found = False
    depth, instr, in_result, field_runs = 0, [], False, []

    def walk(el):
        nonlocal depth, in_result, found, instr, field_runs
        for c in el:
            tag = c.tag
            if tag == W + "fldSimple":
                if _is_page(c.get(W + "instr") or ""):
                    found = True
                    out.append("N")
                    rs = list(c.iter(RUN))
                    number_runs.extend(rs or [c])
                else:
                    walk(c)
            elif tag == RUN:
                for x in c:
                    xt = x.tag
                    if xt == W + "fldChar":
                        ftype = x.get(W + "fldCharType")
                        if ftype == "begin":
                            depth += 1
                            if depth == 1:
                                instr, in_result, field_runs = [], False, [c]
                        elif ftype == "separate" and depth == 1:
                            in_result = True
                        elif ftype == "end" and depth:
                            depth -= 1
                            if depth == 0:
                                if _is_page("".join(instr)):
                                    found = True
                                    out.append("N")
                                    number_runs.extend(field_runs)
                                in_result = False
                    elif xt == W + "instrText" and depth == 1:
                        instr.append(x.text or "")
                    elif xt == TEXT:
                        if depth == 0:
                            out.append(x.text or "")
                        elif in_result and depth == 1:
                            field_runs.append(c)
                            if not _is_page("".join(instr)):
                                out.append(x.text or "")
                    elif xt == TAB and depth == 0:
                        out.append("\t")
            elif tag in RUN_CONTAINERS:
                walk(c)

    walk(p)
    result_runs = [r for r in number_runs if r.find(TEXT) is not None]
    return "".join(out), result_runs or number_runs, found


def _is_page(instr: str) -> bool:
    words = instr.split()
    return bool(words) and words[0].upper() == "PAGE"


_PAGE_FORM = lazyre.compile(r"[\s\u3000]*—[\s\u3000]*N[\s\u3000]*—[\s\u3000]*")


def _page_paragraph(root):
    """The footer paragraph holding a PAGE field: ``(p, text, number runs)`` or None."""
    if root is None:
        return None
    for p in root.iter(W + "p"):
        text, number_runs, found = _field_text(p)
        if found:
            return p, text, number_runs
    return None


def _footers(lay: Layout):
    """``[(type, footer root or None)]`` of the last section: default and, if needed, even."""
    if not lay.sections:
        return []
    refs = lay.sections[-1]["footers"]
    want = ["default"]
    if is_on(lay.parts.setting("evenAndOddHeaders")):
        want.append("even")
    return [(t, lay.parts.footers.get(refs.get(t))) for t in want]


@layout_rule("GW813", "page-number-form", severity="error",
             message="页码应为页脚中的“— N —”（一字线夹阿拉伯数字，由 PAGE 域生成）",
             source="GB/T 9704-2012 7.5",
             bad=["footer: text=第N页", "footer: none", "footer: text=-N-"], good=['footer: text="— N —"'])
def page_number_form(ctx: Context):
    """页码用阿拉伯数字，数字左右各放一条一字线（—，U+2014），由 PAGE 域自动生成。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    if not lay.sections:
        return
    for kind, root in _footers(lay):
        which = "双页页脚" if kind == "even" else "页脚"
        if root is None:
            if kind == "default":
                yield doc_finding(ctx, "文档没有页脚页码，应在页脚加“— N —”形式的页码（PAGE 域）")
            continue
        found = _page_paragraph(root)
        if found is None:
            yield doc_finding(ctx, f"{which}中没有页码域（PAGE），应为“— N —”形式的页码")
            continue
        _, text, _ = found
        if not _PAGE_FORM.fullmatch(text):
            shown = text.strip().replace("N", "1")
            yield doc_finding(ctx, f"{which}页码显示为“{shown}”，应为“— 1 —”（一字线 U+2014 夹数字）")


@layout_rule("GW814", "page-number-font", severity="error",
             message="页码应为四号（14 磅）半角宋体阿拉伯数字",
             source="GB/T 9704-2012 7.5",
             bad=['footer: font="Times New Roman"', "footer: size=10.5pt"], good=["footer: font=宋体 size=14pt"])
def page_number_font(ctx: Context):
    """页码一般用 4 号半角宋体阿拉伯数字。数字由 w:ascii 字体显示，所以要看页码域结果的 w:ascii 字体。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    seen = set()
    for kind, root in _footers(lay):
        found = _page_paragraph(root)
        if found is None:
            continue
        p, _, number_runs = found
        style, _ = lay.res.para(p)
        which = "双页页码" if kind == "even" else "页码"
        for r in number_runs[:1]:
            props = lay.res.run(style, r) if r.tag == RUN else lay.res.run_base(style, None)
            face = props.get("ascii")
            if face is None or face[0] != "name" or face_family(face[1]) != "宋体":
                key = ("face", face)
                if key not in seen:
                    seen.add(key)
                    yield doc_finding(ctx, f"{which}数字字体为{_face_desc(face)}，应为宋体（w:ascii）")
            size = props.get("sz")
            if size != PAGE_NUMBER_SIZE:
                key = ("size", size)
                if key not in seen:
                    seen.add(key)
                    shown = "未设置" if size is None else f"{size / 2:g} 磅"
                    yield doc_finding(ctx, f"{which}字号为 {shown}，应为四号（14 磅）")


@layout_rule("GW815", "page-number-sides", severity="error",
             message="单页页码应居右、双页页码应居左（奇偶页不同页脚）",
             source="GB/T 9704-2012 7.5",
             bad=["evenodd: no", "footer: align=center"], good=["evenodd: yes"])
def page_number_sides(ctx: Context):
    """单页码居右空一字，双页码居左空一字：需在设置中打开“奇偶页不同”（w:evenAndOddHeaders），
    默认页脚右对齐，偶数页页脚左对齐。"""
    lay = layout_of(ctx)
    if lay is None or not lay.sections:
        return
    refs = lay.sections[-1]["footers"]
    default = lay.parts.footers.get(refs.get("default"))
    if _page_paragraph(default) is None:
        return  # no page number at all: GW813
    if ctx.settings.page_numbers == "center":
        yield from _centred_page_numbers(ctx, lay, refs)
        return
    if not is_on(lay.parts.setting("evenAndOddHeaders")):
        yield doc_finding(ctx, "未设置“奇偶页不同”，单页页码居右、双页页码居左无法实现")
    for kind, want, shown in (("default", ("right", "end"), "居右"), ("even", ("left", "start"), "居左")):
        root = lay.parts.footers.get(refs.get(kind))
        if kind == "even" and not is_on(lay.parts.setting("evenAndOddHeaders")):
            continue
        if root is None:
            yield doc_finding(ctx, "没有双页（偶数页）页脚，双页页码应居左")
            continue
        found = _page_paragraph(root)
        if found is None or any(a.tag == W + "txbxContent" for a in found[0].iterancestors()):
            continue  # a page number in a text box: placed by the box, not by alignment
        _, props = lay.res.para(found[0])
        jc = props.get("jc", "left")
        frame = found[0].find(W + "pPr/" + W + "framePr")
        if frame is not None and frame.get(W + "xAlign"):
            jc = frame.get(W + "xAlign")  # a framed page number (Word's older page-number gallery)
            if jc == "outside":
                continue  # outside: right on odd pages, left on even ones
        if jc not in want:
            which = "双页" if kind == "even" else "单页"
            yield doc_finding(ctx, f"{which}页码{_JC.get(jc, jc)}，应{shown}")


def _centred_page_numbers(ctx: Context, lay, refs):
    """An office profile with ``page_numbers: center``: every page number centred."""
    for kind in ("default", "even"):
        found = _page_paragraph(lay.parts.footers.get(refs.get(kind)))
        if found is None:
            continue
        jc = lay.res.para(found[0])[1].get("jc", "left")
        if jc != "center":
            which = "双页" if kind == "even" else "单页"
            yield doc_finding(ctx, f"{which}页码{_JC.get(jc, jc)}，本单位设置为居中（page_numbers: center）")


def _face_desc(value) -> str:
    if value is None:
        return "未设置"
    kind, name = value
    return f"主题字体 {name}" if kind == "theme" else f"“{name}”"


_JC = {"center": "居中", "left": "居左", "start": "居左", "right": "居右", "end": "居右",
       "both": "两端对齐", "distribute": "分散对齐", "inside": "靠内侧"}
