"""Font rules (GW803–GW809): faces and sizes by paragraph role, explicit East Asian fonts,
no theme fonts (GB/T 9704-2012 5.2.2, 7.3).

A face is judged by what most of a paragraph's Chinese characters are drawn
with, so a word set in another face for emphasis does not count; a run-in
heading is judged by its heading part only.
"""

from __future__ import annotations

from gongwen.spec import lazyre

from gongwen.lint.context import Context
from gongwen.lint.findings import hit
from gongwen.lint.layoutview import ROLE_NAME, Grouped, dominant, layout_of, layout_rule
from gongwen.spec.gbt9704 import BODY_SIZE, ROLE_FAMILY, TITLE_SIZE, face_family

_ALNUM = lazyre.compile("[0-9A-Za-z]")


def _ea(props):
    return props.get("eastAsia")


def _face_check(ctx: Context, roles, size_name: str):
    """Shared body of the face-and-size rules for the paragraph roles in ``roles``."""
    lay = layout_of(ctx)
    if lay is None:
        return
    group = Grouped()
    for par in lay.paragraphs:
        if par.role not in roles:
            continue
        infos = lay.infos[id(par)]
        span = (0, par.heading_end) if par.role.startswith("h") else None
        want = ROLE_FAMILY[par.role]
        face = dominant(infos, _ea, span, cjk_only=True)
        role = ROLE_NAME[par.role]
        if face is not None and face[0] == "name" and face_family(face[1]) != want:
            shown = {"小标宋": "方正小标宋简体", "仿宋": "仿宋_GB2312（或仿宋）", "楷体": "楷体_GB2312（或楷体）",
                     "黑体": "黑体"}[want]
            group.add(("face", par.role, par.style, face), par, f"{role}字体为“{face[1]}”，应为{shown}")
        want_size = TITLE_SIZE if par.role == "title" else BODY_SIZE
        size = dominant(infos, lambda p: p.get("sz"), span)
        if size is not None and size != want_size:
            shown = f"{size / 2:g} 磅"
            group.add(("size", par.role, par.style, size), par,
                      f"{role}字号为 {shown}，应为{size_name if par.role != 'title' else '二号（22 磅）'}")
    yield from group.findings(lay.res)


@layout_rule("GW803", "body-font", severity="error",
             message="正文应为三号（16 磅）仿宋_GB2312（或仿宋）",
             source="GB/T 9704-2012 5.2.2、7.3.3",
             bad=["body: font=宋体", "body: size=12pt"], good=["body: font=仿宋_GB2312 size=16pt", "body: font=仿宋"])
def body_font(ctx: Context):
    """正文用 3 号仿宋体字。按段落中多数汉字的字体和字号判断，个别加粗或换字体强调的词语不算。"""
    yield from _face_check(ctx, ("body", "salutation"), "三号（16 磅）")


@layout_rule("GW804", "title-font", severity="error",
             message="标题应为二号（22 磅）方正小标宋简体",
             source="GB/T 9704-2012 7.3.1",
             bad=["title: font=黑体", "title: size=18pt", "title: align=left"],
             good=["title: font=方正小标宋简体 size=22pt"])
def title_font(ctx: Context):
    """标题一般用 2 号小标宋体字，居中排布。标题指文首居中的第一段（跳过版头的发文机关标志和
    发文字号；文首第一段短而无句末标点时，不居中也算标题），及紧随其后、样式和字号相同的续行。"""
    yield from _face_check(ctx, ("title",), "二号（22 磅）")
    lay = layout_of(ctx)
    for par in lay.paragraphs if lay else ():
        if par.role == "title" and par.props.get("jc", "left") != "center":
            yield hit(par.para, 0, "标题没有居中，应居中排布（二号小标宋体）")
            break


@layout_rule("GW805", "heading1-font", severity="error",
             message="一级标题（一、）应为三号黑体",
             source="GB/T 9704-2012 7.3.3",
             bad=["h1: font=仿宋_GB2312"], good=["h1: font=黑体"])
def heading1_font(ctx: Context):
    """结构层次序数第一层用黑体字。层级按段首序数判断（含 Word 自动编号）；段内标题只看标题部分。"""
    yield from _face_check(ctx, ("h1",), "三号（16 磅）")


@layout_rule("GW806", "heading2-font", severity="error",
             message="二级标题（（一））应为三号楷体_GB2312（或楷体）",
             source="GB/T 9704-2012 7.3.3",
             bad=["h2: font=黑体"], good=["h2: font=楷体_GB2312", "h2: font=楷体"])
def heading2_font(ctx: Context):
    """结构层次序数第二层用楷体字；段内标题（“（一）……。”后接正文）只看标题部分。"""
    yield from _face_check(ctx, ("h2",), "三号（16 磅）")


@layout_rule("GW807", "heading34-font", severity="error",
             message="三级、四级标题（1. 和（1））应为三号仿宋_GB2312（或仿宋）",
             source="GB/T 9704-2012 7.3.3",
             bad=["h3: font=黑体", "h4: font=楷体_GB2312"], good=["h3: font=仿宋_GB2312", "h4: font=仿宋"])
def heading34_font(ctx: Context):
    """结构层次序数第三层和第四层用仿宋体字（与正文相同）。"""
    yield from _face_check(ctx, ("h3", "h4"), "三号（16 磅）")


@layout_rule("GW808", "no-east-asian-font", severity="error",
             message="汉字没有明确的中文字体（w:eastAsia），Word 与 WPS 会用各自的默认字体显示",
             source="GB/T 9704-2012 5.2.2（字体须可确定）",
             bad=["defaults: font=none\nbody: font=none"], good=["body: font=仿宋_GB2312"])
def no_east_asian_font(ctx: Context):
    """每段文字都应能解析到一个明确的中文字体名（字符本身、字符样式、段落样式或文档默认值）。
    没有时，显示和打印效果取决于打开它的软件。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    group = Grouped()
    for par in lay.paragraphs:
        for info in lay.infos[id(par)]:
            if info.cjk and _ea(info.props) is None:
                group.add((par.style,), par, "汉字没有设置中文字体（w:eastAsia），显示字体取决于打开文件的软件")
                break
    yield from group.findings(lay.res)


@layout_rule("GW809", "theme-font", severity="error",
             message="文字使用了主题字体（如 +中文正文），应写明字体名称",
             source="GB/T 9704-2012 5.2.2（字体须可确定）",
             bad=["defaults: theme=minorEastAsia\nbody: font=inherit"], good=["body: font=仿宋_GB2312"])
def theme_font(ctx: Context):
    """主题字体（w:eastAsiaTheme、w:asciiTheme）随主题和软件变化，而且在 Word 和 WPS 中优先于
    写明的字体名：公文的字体应直接写明（如 仿宋_GB2312、Times New Roman）。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    group = Grouped()
    for par in lay.paragraphs:
        for info in lay.infos[id(par)]:
            for slot, needed in (("eastAsia", info.cjk), ("ascii", _ALNUM.search(info.text))):
                value = info.props.get(slot)
                if needed and value is not None and value[0] == "theme":
                    group.add((par.style, slot, value), par,
                              f"{'汉字' if slot == 'eastAsia' else '数字和西文'}使用了主题字体 {value[1]}"
                              f"（w:{slot}Theme），应写明字体名称")
    yield from group.findings(lay.res)
