"""落款 and 附件 rules (GW820–GW821): 署名 and 成文日期 right-aligned, 署名 over the date; each
附件 on a new page under a 三号黑体 label flush left (GB/T 9704-2012 7.3.5, 7.3.7).

Only documents with a 版头 are checked (:mod:`gongwen.lint.redview`): a report's 落款 or
appendix is the writer's affair.
"""

from __future__ import annotations

from gongwen.lint.context import Context
from gongwen.lint.paraprops import edges, indents, starts_page
from gongwen.lint.findings import hit
from gongwen.lint.layoutview import layout_rule
from gongwen.lint.redview import red_of
from gongwen.ooxml.styles import runs
from gongwen.spec.gbt9704 import BODY_SIZE, face_family

_CHAR = 320  # one 三号 character in twips
_BLANK_LEAD = " \u3000\t\u00a0"


@layout_rule("GW820", "signature-place", severity="error",
             message="署名和成文日期应右对齐（成文日期右空四字），署名在上、成文日期在下",
             source="GB/T 9704-2012 7.3.5",
             bad=["head:;close: align=left", "head:;close: align=center", "head:;close: order=swapped",
                  "head:;close: align=left spaces=18"],
             good=["head:;close:", "head:;close: align=end", "close: align=left"])
def signature_place(ctx: Context):
    """加盖印章的公文，成文日期右空四字，单一机关行文时发文机关署名以成文日期为准居中；不加盖印章的，
    署名右空二字、成文日期在署名之下。两种写法都是右对齐排在右侧：用“右对齐”加右缩进，或把整段缩进到
    版心右半边；用一串空格把署名、日期推到右边，换字体、改日期后就会错位。成文日期用阿拉伯数字由
    GW503 检查。只检查有版头的文件；署名、日期排在表格里时不检查。"""
    view = red_of(ctx)
    if view is None or not view.is_redhead or view.date is None:
        return
    if view.swapped:
        yield hit(ctx.paras[view.signature], 0, "署名排在了成文日期之下：署名应在上，成文日期在下")
    for i, what in ((view.signature, "署名"), (view.date, "成文日期")):
        if i is None:
            continue
        el = view.parts.elements[i]
        text = ctx.paras[i].text
        lead = len(text) - len(text.lstrip(_BLANK_LEAD))
        jc = view.res.para(el)[1].get("jc", "left")
        if jc in ("right", "end"):
            continue
        start, _, _ = edges(indents(view.parts, el), _CHAR)
        if lead >= 2:
            yield hit(ctx.paras[i], 0, f"{what}用 {lead} 个空格推到右侧，换字体或改字后会错位：应设为右对齐"
                                       "（成文日期右空四字）")
        elif jc == "center":
            yield hit(ctx.paras[i], 0, f"{what}居中了：应右对齐（成文日期右空四字，署名在其上）")
        elif start < view.text_width / 2:
            yield hit(ctx.paras[i], 0, f"{what}没有右对齐：应右对齐（成文日期右空四字，署名在其上）")


@layout_rule("GW821", "attachment-page", severity="error",
             message="附件应另面编排：“附件2”用三号黑体，顶格排在新一页的第一行",
             source="GB/T 9704-2012 7.3.7",
             bad=["head:;attach: break=none", "head:;attach: font=仿宋_GB2312", "head:;attach: indent=2",
                  "head:;attach: align=center", "head:;attach: size=22pt"],
             good=["head:;attach:", "head:;attach: break=run", "head:;attach: break=section",
                   "attach: break=none"])
def attachment_page(ctx: Context):
    """附件应当另面编排，并在版记之前；“附件”二字及附件顺序号用 3 号黑体字顶格编排在版心左上角第一行。
    另面可以用分页符、段前分页或分节符（“连续”分节不算）。只检查有版头的文件中单独成段的“附件”“附件2”。"""
    view = red_of(ctx)
    if view is None or not view.is_redhead:
        return
    for i in view.labels:
        el = view.parts.elements[i]
        para = ctx.paras[i]
        label = view.texts[i]
        if not starts_page(view.parts, el):
            yield hit(para, 0, f"“{label}”没有另起一页：附件应另面编排（在其前插入分页符，或设为段前分页）")
        style, props = view.res.para(el)
        faces, sizes = set(), set()
        for r, text in runs(el):
            if text.strip():
                rp = view.res.run(style, r)
                face = rp.get("eastAsia")
                faces.add(face[1] if face and face[0] == "name" else None)
                sizes.add(rp.get("sz"))
        bad_face = sorted(f for f in faces if f and face_family(f) != "黑体")
        if bad_face:
            yield hit(para, 0, f"“{label}”字体为“{bad_face[0]}”：应为三号黑体")
        bad_size = sorted(s for s in sizes if s and s != BODY_SIZE)
        if bad_size:
            yield hit(para, 0, f"“{label}”字号为 {bad_size[0] / 2:g} 磅：应为三号（16 磅）")
        jc = props.get("jc", "left")
        start, _, _ = edges(indents(view.parts, el), _CHAR)
        lead = len(para.text) - len(para.text.lstrip(_BLANK_LEAD))
        if jc in ("center", "right", "end", "distribute"):
            yield hit(para, 0, f"“{label}”没有顶格：应居左顶格排在版心左上角")
        elif start > _CHAR / 2 or lead:
            yield hit(para, 0, f"“{label}”有缩进：应顶格排在版心左上角，不缩进")
