"""The paragraph kinds of the red-header templates (``redhead``: 文件格式 and 纪要格式; ``letter``:
信函格式), added to the kinds every template has (:data:`gongwen.builder.templatemaker.KINDS`).

Each kind is one example paragraph in the template, so an office restyles it in Word like any
other.  Where GB/T 9704 fixes a position (the 发文机关标志 35 mm below the text block's top, the
版记 on the bottom edge of the last page, the 信函's red double lines), the example paragraph
takes the number from the paragraph (``{{ p.height }}``, ``{{ p.y }}`` …), computed by
:mod:`gongwen.builder.layout`; the rest is fixed here, from :mod:`gongwen.spec.gbt9704`.
"""

from __future__ import annotations

from typing import List, Set

from gongwen.builder.kinds import KINDS, TAB, Kind, sect_pr

from gongwen.spec.gbt9704 import (BODY_CHAR, LETTER_LINE_LENGTH_MM, RECORD_CHAR, RECORD_SIZE,
                                  RED, SEPARATOR_SIZE, TEXT_WIDTH, TITLE_SIZE, TWIPS_PER_MM)


#: The red separator under the 发文字号: a bottom border, ``{{ p.gap }}`` points below the line.
SEPARATOR = (f'<w:pBdr><w:bottom w:val="single" w:sz="{SEPARATOR_SIZE}" w:space="{{{{ p.gap }}}}" '
             f'w:color="{RED}"/></w:pBdr>')
#: A paragraph that is only a height: exact line spacing of ``{{ p.height }}`` twips.
HEIGHT = "{{ p.height }}"
#: The 版记 frame: anchored to the text block, ``{{ p.y }}`` below its top, ``{{ p.h }}`` high.
RECORD_FRAME = (f'<w:framePr w:w="{TEXT_WIDTH}" w:h="{{{{ p.h }}}}" w:hRule="exact" w:wrap="around" '
                f'w:vAnchor="margin" w:hAnchor="margin" w:xAlign="center" w:y="{{{{ p.y }}}}"/>')
RECORD_ATTRS = ("y", "h")
#: One line of the 版记, drawn: LibreOffice drops a frame whose paragraphs have borders, so the
#: lines are shapes placed ``{{ p.y }}`` EMU below the text block's top, ``{{ p.weight }}`` EMU thick.
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_WIDTH_EMU = TEXT_WIDTH * 635
RECORD_LINE = (
    f'<w:r><w:drawing><wp:anchor xmlns:wp="{_WP}" distT="0" distB="0" distL="0" distR="0" simplePos="0" '
    'relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="margin"><wp:posOffset>{{ p.y }}</wp:posOffset></wp:positionV>'
    f'<wp:extent cx="{_WIDTH_EMU}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
    '<wp:docPr id="{{ p.id }}" name="版记线"/><wp:cNvGraphicFramePr/>'
    f'<a:graphic xmlns:a="{_A}"><a:graphicData uri="{_WPS}"><wps:wsp xmlns:wps="{_WPS}"><wps:cNvCnPr/>'
    f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{_WIDTH_EMU}" cy="0"/></a:xfrm>'
    '<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="{{ p.weight }}"><a:solidFill>'
    '<a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData>'
    "</a:graphic></wp:anchor></w:drawing></w:r>")
#: The 信函's frames hang from the paper's top edge, centred on it.
LETTER_WIDTH = round(LETTER_LINE_LENGTH_MM * TWIPS_PER_MM)


def _page_frame(height: str) -> str:
    return (f'<w:framePr w:w="{LETTER_WIDTH}" w:h="{height}" w:hRule="exact" w:wrap="around" '
            f'w:vAnchor="page" w:hAnchor="page" w:xAlign="center" w:y="{{{{ p.y }}}}"/>')


def _double(val: str) -> str:
    return f'<w:pBdr><w:bottom w:val="{val}" w:sz="18" w:space="0" w:color="{RED}"/></w:pBdr>'


def _section(numbered: bool, first_page: bool) -> str:
    return sect_pr(numbered=numbered, first_page=first_page)


def family_kinds(letter: bool) -> List:
    """The kinds the family adds; ``letter``: the 信函 template (page 1 unnumbered)."""
    k = Kind
    body_left = '<w:ind w:left="{{ p.left }}" w:hanging="{{ p.hanging }}"/>'
    record_ind = f'<w:ind w:left="{{{{ p.left }}}}" w:right="{RECORD_CHAR}" w:hanging="{{{{ p.hanging }}}}"/>'
    right_tab = f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH - RECORD_CHAR}"/></w:tabs>'
    up_tab = f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH - BODY_CHAR}"/></w:tabs>'
    return [
        # 版头
        k("spacer", "占位", (), indent=0, size=2, line=HEIGHT, attrs=("height",)),
        k("copyno", "份号", (("body", "p.text"),), align="left", indent=0),
        k("secrecy", "密级", (("h1", "p.text"),), align="left", indent=0),
        k("urgency", "紧急程度", (("h1", "p.text"),), align="left", indent=0),
        k("mark", "发文机关标志", (("title", "p.text"),), align="{{ p.align }}", size="{{ p.size }}",
          ind='<w:ind w:left="{{ p.side }}" w:right="{{ p.side }}" w:firstLine="0"/>',
          line=HEIGHT, color=RED, attrs=("size", "height", "align", "side")),
        k("docno", "发文字号", (("body", "p.text"),), align="center", indent=0, middle=SEPARATOR,
          attrs=("gap",)),
        k("docnoright", "发文字号（信函）", (("body", "p.text"),), align="right", indent=0),
        k("signer", "签发人", (("body", "p.label"), ("h2", "p.text")), align="right", indent=0,
          ind=f'<w:ind w:right="{BODY_CHAR}" w:firstLine="0"/>'),
        k("docnoup", "发文字号（上行文）", (("body", "p.text"), ("body", TAB), ("body", "p.label"), ("h2", "p.names")),
          align="left", indent=0, middle=SEPARATOR + up_tab, ind=f'<w:ind w:left="{BODY_CHAR}" w:firstLine="0"/>',
          attrs=("gap",)),
        k("rule", "分隔线", (), align="left", indent=0, size=2, line=HEIGHT, middle=SEPARATOR,
          attrs=("height", "gap")),
        # 信函格式: 标志 and the red double lines, placed on page 1 from the paper's top edge
        k("lettermark", "发文机关标志（信函）", (("title", "p.text"),), align="center", indent=0,
          size="{{ p.size }}", line=HEIGHT, color=RED, lead=_page_frame(HEIGHT), attrs=("size", "height", "y")),
        k("letterline", "信函红线", (), align="center", indent=0, size=2, line="60",
          lead=_page_frame("120"), middle=_double("{{ p.style }}"), attrs=("y", "style")),
        # 主体
        k("recipient", "主送机关", (("body", "p.text"),), align="left", indent=0),
        k("chapter", "章", (("h1", "p.text"),), align="center", indent=0, keep_next=True),
        k("article", "条", (("h1", "p.heading"), ("body", "p.text"))),
        k("attachnote", "附件说明", (("body", "p.text"),), align="left", ind=body_left,
          attrs=("left", "hanging")),
        k("note", "附注", (("body", "p.text"),), align="left"),
        k("attend", "出席名单", (("h1", "p.label"), ("body", "p.text")), align="left", ind=body_left,
          attrs=("left", "hanging")),
        k("attachlabel", "附件标识", (("h1", "p.text"),), align="left", indent=0, lead="<w:pageBreakBefore/>"),
        k("attachtitle", "附件标题", (("title", "p.text"),), align="center", indent=0, size=TITLE_SIZE),
        # 版记 and the page it goes on
        k("pagebreak", "换页", (), indent=0, lead="<w:pageBreakBefore/>"),
        k("endnumbered", "分节（有页码）", (), indent=0, size=2, line="20",
          tail=_section(numbered=True, first_page=letter)),
        k("endunnumbered", "分节（无页码）", (), indent=0, size=2, line="20",
          tail=_section(numbered=False, first_page=False)),
        k("recordline", "版记线", (), indent=0, size=2, line="20", extra=RECORD_LINE, attrs=("y", "weight", "id")),
        k("record", "版记", (("body", "p.text"),), align="left", size=RECORD_SIZE, lead=RECORD_FRAME,
          ind=record_ind, attrs=RECORD_ATTRS + ("left", "hanging")),
        k("printed", "印发机关和印发日期", (("body", "p.text"), ("body", TAB), ("body", "p.date")), align="left",
          size=RECORD_SIZE, lead=RECORD_FRAME, middle=right_tab,
          ind=f'<w:ind w:left="{RECORD_CHAR}" w:right="{RECORD_CHAR}" w:firstLine="0"/>',
          attrs=RECORD_ATTRS),
    ]



def all_kinds() -> List:
    """Every kind a template may have: the common ones, then the family's."""
    return KINDS + family_kinds(letter=False)


def family_names() -> Set[str]:
    """The kinds only the red-header templates have."""
    return {k.name for k in family_kinds(letter=False)}
