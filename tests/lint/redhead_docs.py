"""Red-header .docx files made the way offices make them by hand, for the GW816–GW825 tests.

Each document starts from the correct example page of :mod:`gongwen.lint.docxexample`
(A4, margins, styles, footers with page numbers) and replaces its body with
WordprocessingML written here: a 版头 in paragraphs, a table or a text box; the
separator as a border, a DrawingML line with a VML fallback, a table border or a
line in the page header; the 版记 as a table, framed paragraphs or paragraphs after
blank lines.
"""

from __future__ import annotations

import io
import re
import zipfile

from gongwen.lint.docxexample import example_docx

NS = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"')
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WIDTH = 8845  # the text block, twips
FANG, HEI, XBS = "仿宋_GB2312", "黑体", "方正小标宋简体"
EXACT = '<w:spacing w:line="579" w:lineRule="exact"/>'
SINGLE = '<w:spacing w:line="240" w:lineRule="auto"/>'


def run(text, font=FANG, size=32, color=None, spacing=-5):
    rpr = f'<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{font}"/>'
    rpr += f'<w:color w:val="{color}"/>' if color else ""
    rpr += f'<w:spacing w:val="{spacing}"/>' if spacing else ""
    rpr += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    body = "<w:tab/>".join(f'<w:t xml:space="preserve">{piece}</w:t>' for piece in text.split("\t"))
    return f"<w:r><w:rPr>{rpr}</w:rPr>{body}</w:r>"


def p(content="", jc="both", ppr="", line=EXACT):
    """A paragraph: ``content`` is text (set in 三号仿宋) or ready runs (starting with ``<w:r``)."""
    runs = content if content.startswith("<") else (run(content) if content else "")
    return f'<w:p><w:pPr>{ppr}{line}<w:jc w:val="{jc}"/></w:pPr>{runs}</w:p>'


def body(text):
    return p(text, "both", '<w:ind w:firstLine="640"/>')


def title(text):
    return p(run(text, XBS, 44, spacing=0), "center")


def issuer(text, color="FF0000", before=0, jc="center", ppr=""):
    return p(run(text, XBS, 60, color, 0), jc, ppr, f'<w:spacing w:before="{before}" w:line="240" w:lineRule="auto"/>')


def border(side, sz, color="000000", val="single"):
    return f'<w:{side} w:val="{val}" w:sz="{sz}" w:space="1" w:color="{color}"/>'


def right_text(text, right=1280):
    return p(text, "right", f'<w:ind w:right="{right}"/>')


def label(text, font=HEI, brk="before"):
    ppr = "<w:pageBreakBefore/>" if brk == "before" else ""
    pre = '<w:r><w:br w:type="page"/></w:r>' if brk == "run" else ""
    return p(pre + run(text, font, 32, spacing=0), "left", ppr)


def section_break():
    return ('<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" '
            'w:bottom="1984" w:left="1587" w:header="851" w:footer="1417" w:gutter="0"/></w:sectPr></w:pPr></w:p>')


def drawn_line(color="FF0000", offset=152400):
    """A line as Word 2010+ draws it: DrawingML, with a VML fallback for older readers."""
    return (f'<w:r><mc:AlternateContent {NS}><mc:Choice Requires="wps"><w:drawing>'
            '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{offset}</wp:posOffset></wp:positionV>'
            '<wp:extent cx="5615940" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
            '<wp:docPr id="2" name="直接连接符 2"/><wp:cNvGraphicFramePr/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5615940" cy="0"/></a:xfrm>'
            '<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="19050"><a:solidFill>'
            f'<a:srgbClr val="{color}"/></a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData>'
            '</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
            f'<v:line id="直接连接符 2" o:spid="_x0000_s1026" style="position:absolute;z-index:251659264" '
            f'from="0,12pt" to="442.2pt,12pt" strokecolor="#{color}" strokeweight="1.5pt"/>'
            '</w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def text_box(paragraphs, top_emu):
    """A text box anchored to the margin, ``top_emu`` below the text block's top, no inner margins."""
    return (f'<w:r><w:drawing {NS}><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
            'relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
            f'<wp:positionV relativeFrom="margin"><wp:posOffset>{top_emu}</wp:posOffset></wp:positionV>'
            '<wp:extent cx="5615940" cy="720000"/><wp:wrapTopAndBottom/><wp:docPr id="3" name="文本框 3"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5615940" cy="720000"/>'
            '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
            f'<wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx>'
            '<wps:bodyPr lIns="0" tIns="0" rIns="0" bIns="0"/></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
            '</w:drawing></w:r>')


def record_table(cc, printed, top=8, inside=4, bottom=8, style="", position=""):
    """The 版记 as a one-column table: ``抄送`` over ``印发机关<tab>日期印发``."""
    borders = (f'<w:tblBorders>{border("top", top)}<w:left w:val="nil"/>{border("bottom", bottom)}'
               f'<w:right w:val="nil"/>{border("insideH", inside)}<w:insideV w:val="nil"/></w:tblBorders>'
               if not style else "")
    cell_ppr = '<w:ind w:left="280" w:right="280"/><w:tabs><w:tab w:val="right" w:pos="8565"/></w:tabs>'
    rows = "".join(f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{WIDTH}" w:type="dxa"/></w:tcPr>'
                   f'{p(run(t, FANG, 28, spacing=0), "left", cell_ppr, SINGLE)}</w:tc></w:tr>' for t in (cc, printed))
    style = f'<w:tblStyle w:val="{style}"/>' if style else ""
    return (f'<w:tbl><w:tblPr>{style}{position}<w:tblW w:w="{WIDTH}" w:type="dxa"/>{borders}'
            '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
            f'</w:tblPr><w:tblGrid><w:gridCol w:w="{WIDTH}"/></w:tblGrid>{rows}</w:tbl>')


def record_paragraphs(cc, printed, cc_bdr, printed_bdr, framed=True):
    """The 版记 as gongwen writes it: paragraphs in a frame at the bottom of the text block."""
    fp = ('<w:framePr w:wrap="around" w:vAnchor="margin" w:hAnchor="margin" w:xAlign="center" w:yAlign="bottom"/>'
          if framed else "")
    tabs = '<w:tabs><w:tab w:val="right" w:pos="8565"/></w:tabs>'
    ind = '<w:ind w:left="280" w:right="280"/>'
    return (p(run(cc, FANG, 28, spacing=0), "left", f"{fp}<w:pBdr>{cc_bdr}</w:pBdr>{ind}", SINGLE)
            + p(run(printed, FANG, 28, spacing=0), "left", f"{fp}<w:pBdr>{printed_bdr}</w:pBdr>{ind}{tabs}", SINGLE))


TABLE_GRID = ('<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>'
              + "".join(border(s, 4) for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
              + "</w:tblBorders></w:tblPr></w:style>")


def docx(paragraphs: str, styles: str = "", header: str = "") -> bytes:
    """The example page with its body replaced by ``paragraphs``; ``styles`` added to its styles,
    ``header`` (paragraphs) as the page header of every page."""
    data = example_docx("")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            text = zin.read(info).decode("utf-8")
            if info.filename == "word/document.xml":
                text = re.sub(r"<w:body>.*(?=<w:sectPr>)", lambda m: "<w:body>" + paragraphs, text, flags=re.S)
                if header:
                    text = text.replace("<w:sectPr>", '<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/>')
            elif info.filename == "word/styles.xml":
                text = text.replace("</w:styles>", styles + "</w:styles>")
            elif info.filename == "word/_rels/document.xml.rels" and header:
                text = text.replace("</Relationships>", f'<Relationship Id="rIdH1" Type="{R_NS}/header" '
                                                        'Target="header1.xml"/></Relationships>')
            elif info.filename == "[Content_Types].xml" and header:
                text = text.replace("</Types>", '<Override PartName="/word/header1.xml" ContentType="application/'
                                                'vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>')
            zout.writestr(info, text)
        if header:
            zout.writestr("word/header1.xml", f"<w:hdr {W_NS} {NS}>{header}</w:hdr>")
    return out.getvalue()
