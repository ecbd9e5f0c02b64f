"""The red-header part of the example language of :mod:`gongwen.lint.docxexample`.

Four more keys put a 版头 above the example page and a 落款, an 附件 page and a 版记
after it, in the shapes offices make them.  Without them nothing changes.

- ``head: issuer=清河县人民政府文件 color=FF0000 align=center before=35 number=清政发〔2024〕12号
  numalign=center numindent=0 signer=周文博 line=border|shape|vml|table|none linecolor=FF0000``
  (``before`` in mm: space above the 标志; ``signer`` puts ``签发人：`` on the 发文字号's line);
- ``close: name=清河县人民政府 date=2024年3月5日 align=right order=normal|swapped spaces=0``;
- ``attach: label=附件2 break=before|run|section|none font=黑体 size=16pt align=left indent=0``;
- ``record: cc=… printed=… form=frame|table|plain lines=8,4,8 size=14pt place=bottom|page|high|flow|tight
  indent=1 tab=yes|no after=TEXT``.

Defaults give a correct document: the rules' good examples are the bare keys.
"""

from __future__ import annotations

from typing import Dict, Tuple

from gongwen.ooxml.names import escape
from gongwen.spec.gbt9704 import A4, LINE_PITCH, MARGINS, TWIPS_PER_MM

_TEXT_WIDTH = A4[0] - MARGINS["left"] - MARGINS["right"]
_CHAR4 = 280  # one 4号 character (14 pt) in twips
_FANG = "仿宋_GB2312"
_DRAW_NS = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
_VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'


def _run(text: str, font: str = _FANG, size: int = 32, color: str = "", spacing: int = 0) -> str:
    rpr = f'<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{font}"/>'
    if color:
        rpr += f'<w:color w:val="{color}"/>'
    if spacing:
        rpr += f'<w:spacing w:val="{spacing}"/>'
    rpr += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    pieces = text.split("\t")
    body = '<w:tab/>'.join(f'<w:t xml:space="preserve">{escape(p)}</w:t>' for p in pieces)
    return f"<w:r><w:rPr>{rpr}</w:rPr>{body}</w:r>"


def _para(runs: str, jc: str = "both", ppr: str = "", line: str = "") -> str:
    line = line or f'<w:spacing w:line="{LINE_PITCH}" w:lineRule="exact"/>'
    return f'<w:p><w:pPr>{ppr}{line}<w:jc w:val="{jc}"/></w:pPr>{runs}</w:p>'


def _blank() -> str:
    return _para("")


def _border(side: str, sz: int, color: str = "000000") -> str:
    return f'<w:{side} w:val="single" w:sz="{sz}" w:space="1" w:color="{color}"/>' if sz else \
        f'<w:{side} w:val="nil"/>'


def _shape(color: str) -> str:
    return (f'<w:r><w:drawing {_DRAW_NS}><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
            'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset>'
            '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>457200</wp:posOffset>'
            '</wp:positionV><wp:extent cx="5615940" cy="0"/><wp:wrapNone/><wp:docPr id="1" name="分隔线"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5615940" cy="0"/></a:xfrm>'
            f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="19050"><a:solidFill><a:srgbClr val="{color}"/>'
            '</a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
            '</w:drawing></w:r>')


def _vml(color: str) -> str:
    return (f'<w:r><w:pict {_VML_NS}><v:line from="0,18pt" to="442pt,18pt" strokecolor="{color}" '
            'strokeweight="1.5pt" style="position:absolute;z-index:1"/></w:pict></w:r>')


def _head(k: Dict[str, str]) -> str:
    color = k.get("color", "FF0000")
    before = round(float(k.get("before", "35")) * TWIPS_PER_MM)
    issuer = _para(_run(k.get("issuer", "清河县人民政府文件"), "方正小标宋简体", 60, color),
                   k.get("align", "center"), line=f'<w:spacing w:before="{before}" w:line="240" w:lineRule="auto"/>')
    if k.get("issuer") == "none":
        issuer = ""
    line, lcolor = k.get("line", "border"), k.get("linecolor", "FF0000")
    text = k.get("number", "清政发〔2024〕12号")
    signer = k.get("signer")
    ppr = ""
    indent = int(k.get("numindent", "1" if signer else "0"))
    if indent:
        ppr += f'<w:ind w:left="{indent * 320}"/>'
    if signer:
        text += f"\t签发人：{signer}"
        ppr += f'<w:tabs><w:tab w:val="right" w:pos="{_TEXT_WIDTH - 320}"/></w:tabs>'
    if line == "border":
        ppr = f'<w:pBdr>{_border("bottom", 12, lcolor)}</w:pBdr>' + ppr
    number_runs = _run(text) + (_shape(lcolor) if line == "shape" else _vml(lcolor) if line == "vml" else "")
    numalign = k.get("numalign", "left" if signer else "center")
    number = _para(number_runs, numalign, ppr, line='<w:spacing w:before="1158" w:line="579" w:lineRule="exact"/>')
    if line == "table":
        number = (f'<w:tbl><w:tblPr><w:tblW w:w="{_TEXT_WIDTH}" w:type="dxa"/><w:tblBorders>'
                  f'{_border("bottom", 12, lcolor)}</w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="{_TEXT_WIDTH}"/>'
                  f'</w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="{_TEXT_WIDTH}" w:type="dxa"/></w:tcPr>{number}'
                  '</w:tc></w:tr></w:tbl>')
    return issuer + number + _blank()


def _close(k: Dict[str, str]) -> str:
    align = k.get("align", "right")
    spaces = "\u3000" * int(k.get("spaces", "0"))
    name = _para(_run(spaces + k.get("name", "清河县人民政府")), align, '<w:ind w:right="1280"/>')
    date = _para(_run(spaces + k.get("date", "2024年3月5日")), align, '<w:ind w:right="1280"/>')
    lines = [name, date] if k.get("order", "normal") == "normal" else [date, name]
    return _blank() + "".join(lines)


def _attach(k: Dict[str, str]) -> str:
    brk = k.get("break", "before")
    ppr = '<w:pageBreakBefore/>' if brk == "before" else ""
    indent = int(k.get("indent", "0"))
    ppr += f'<w:ind w:firstLine="{indent * 320}"/>' if indent else ""
    size = round(float(k.get("size", "16pt").replace("pt", "")) * 2)
    label_run = _run(k.get("label", "附件2"), k.get("font", "黑体"), size)
    if brk == "run":
        label_run = '<w:r><w:br w:type="page"/></w:r>' + label_run
    out = ""
    if brk == "section":
        out += (f'<w:p><w:pPr><w:sectPr><w:pgSz w:w="{A4[0]}" w:h="{A4[1]}"/><w:pgMar w:top="{MARGINS["top"]}" '
                f'w:right="{MARGINS["right"]}" w:bottom="{MARGINS["bottom"]}" w:left="{MARGINS["left"]}" '
                'w:header="851" w:footer="1417" w:gutter="0"/></w:sectPr></w:pPr></w:p>')
    out += _para(label_run, k.get("align", "left"), ppr)
    out += _blank()
    out += _para(_run("全县安全生产专项整治工作方案", "方正小标宋简体", 44), "center")
    out += _para(_run("为深入开展安全生产专项整治，制定本方案。", spacing=-5), "both", '<w:ind w:firstLine="640"/>')
    return out


def _record(k: Dict[str, str]) -> str:
    weights = [int(x) for x in k.get("lines", "8,4,8").split(",")]
    size = round(float(k.get("size", "14pt").replace("pt", "")) * 2)
    indent = int(round(float(k.get("indent", "1")) * _CHAR4))
    cc = k.get("cc", "抄送：县委办公室，县人大常委会办公室，县政协办公室。")
    printed = k.get("printed", "清河县人民政府办公室\t2024年3月5日印发")
    if k.get("tab", "yes") == "no":
        printed = printed.replace("\t", "\u3000" * 10)
    form, place = k.get("form", "frame"), k.get("place", "bottom" if k.get("form", "frame") != "plain" else "flow")
    ind = f'<w:ind w:left="{indent}" w:right="{indent}"/>'
    tabs = f'<w:tabs><w:tab w:val="right" w:pos="{_TEXT_WIDTH - indent}"/></w:tabs>'
    spacing = '<w:spacing w:line="240" w:lineRule="auto"/>'
    before = "" if place == "tight" else _blank()
    if form == "table":
        anchor = {"bottom": "margin", "page": "page"}.get(place)
        pos = f'<w:tblpPr w:vertAnchor="{anchor}" w:horzAnchor="margin" w:tblpYSpec="bottom"/>' if anchor else ""
        borders = (f'<w:tblBorders>{_border("top", weights[0])}{_border("left", 0)}{_border("bottom", weights[-1])}'
                   f'{_border("right", 0)}{_border("insideH", weights[1] if len(weights) > 2 else 0)}'
                   f'{_border("insideV", 0)}</w:tblBorders>')
        rows = "".join(f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{_TEXT_WIDTH}" w:type="dxa"/></w:tcPr>'
                       f'{_para(_run(t, size=size), "left", ind + tabs, spacing)}</w:tc></w:tr>'
                       for t in (cc, printed))
        out = (f'<w:tbl><w:tblPr>{pos}<w:tblW w:w="{_TEXT_WIDTH}" w:type="dxa"/>{borders}'
               f'<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>'
               f'<w:tblGrid><w:gridCol w:w="{_TEXT_WIDTH}"/></w:tblGrid>{rows}</w:tbl>')
        out = before + out + _blank()
    else:
        framed = ""
        if form == "frame":
            anchor = {"bottom": "margin", "page": "page"}.get(place, "text")
            framed = (f'<w:framePr w:wrap="around" w:vAnchor="{anchor}" w:hAnchor="margin" w:xAlign="center" '
                      'w:yAlign="bottom"/>')
            if place == "high":  # hung from the text block's top, ending well above its bottom
                framed = ('<w:framePr w:w="8845" w:h="1158" w:hRule="exact" w:wrap="around" w:vAnchor="margin" '
                          'w:hAnchor="margin" w:xAlign="center" w:y="6000"/>')
            before = "" if place != "flow" else before
        first = f'<w:pBdr>{_border("top", weights[0])}{_border("bottom", weights[1])}</w:pBdr>'
        last = f'<w:pBdr>{_border("bottom", weights[-1])}</w:pBdr>'
        out = before + _para(_run(cc, size=size), "left", framed + first + ind, spacing)
        out += _para(_run(printed, size=size), "left", framed + last + ind + tabs, spacing)
    if "after" in k:
        out += _para(_run(k["after"]), "both", '<w:ind w:firstLine="640"/>')
    return out


def around(cfg: Dict[str, dict]) -> Tuple[str, str]:
    """``(before, after)``: body XML to put before and after the example page."""
    head = _head(cfg["head"]) if "head" in cfg else ""
    tail = ""
    if "close" in cfg:
        tail += _close(cfg["close"])
    if "attach" in cfg:
        tail += _attach(cfg["attach"])
    if "record" in cfg:
        tail += _record(cfg["record"])
    return head, tail
