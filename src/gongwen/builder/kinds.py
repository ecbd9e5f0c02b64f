"""Paragraph kinds of the built-in templates: each is one example paragraph, and one style.

:data:`KINDS` are in every template; the red-header templates add theirs
(:mod:`gongwen.builder.redhead`).  :func:`sect_pr` writes a section's page set-up, which the
templates end with and the red-header family's section breaks carry.
"""

from __future__ import annotations

from typing import List, NamedTuple, Tuple

from gongwen.spec.gbt9704 import (A4, BODY_SIZE, FOOTER_DISTANCE, INDENT, LINE_PITCH, MARGINS, TABLE_SIZE,
                                  TITLE_SIZE)

PAGE = {"w": A4[0], "h": A4[1]}


class Kind(NamedTuple):
    """One kind of paragraph: its style and its runs (face role, template field).

    A field is ``p.NAME`` (shown as ``{{ p.NAME }}``) or :data:`TAB`. The fields after
    ``size`` serve the red-header family (:mod:`gongwen.builder.redhead`), whose
    paragraphs carry positions, borders and section breaks; the raw pieces go into
    ``w:pPr`` in schema order, and may hold ``{{ p.NAME }}`` for numbers the layout
    computes (named in ``attrs``).  Styles get none of them (styles are not rendered).
    """

    name: str
    style: str  # style name shown in Word
    runs: Tuple[Tuple[str, str], ...]  # (face role, jinja field)
    align: str = "both"
    indent: int = INDENT
    keep_next: bool = False
    size: object = BODY_SIZE  # half-points, or "{{ p.size }}"
    lead: str = ""  # pageBreakBefore, framePr (before widowControl)
    middle: str = ""  # pBdr, tabs (before spacing)
    line: object = LINE_PITCH  # exact line height (twips), or "{{ p.height }}"
    ind: str = ""  # a whole w:ind element, instead of the first-line indent
    tail: str = ""  # sectPr (last in pPr)
    color: str = "000000"
    attrs: Tuple[str, ...] = ()  # fields used inside the properties, not as text
    extra: str = ""  # a raw run after the text runs (a drawn line)
    rule: str = "exact"  # line rule: exact (the grid) or auto (``line`` 240: single, in tables)


def style_id(kind: Kind) -> str:
    """The id of a kind's paragraph style (its name, shown in Word, is ``kind.style``)."""
    return "gw" + kind.name.capitalize()


#: A run that is a tab character, not a field.
TAB = "TAB"


KINDS: List[Kind] = [
    Kind("title", "公文标题", (("title", "p.text"),), align="center", indent=0, size=TITLE_SIZE),
    Kind("byline", "署名行", (("h2", "p.text"),), align="center", indent=0),
    Kind("date", "日期行", (("h2", "p.text"),), align="center", indent=0),
    Kind("blank", "空行", ()),
    Kind("salutation", "称谓", (("body", "p.text"),), indent=0),
    Kind("h1", "一级标题", (("h1", "p.text"),), keep_next=True),
    Kind("h2", "二级标题", (("h2", "p.text"),), keep_next=True),
    Kind("h3", "三级标题", (("body", "p.text"),), keep_next=True),
    Kind("h4", "四级标题", (("body", "p.text"),), keep_next=True),
    Kind("runin2", "二级标题段", (("h2", "p.heading"), ("body", "p.text"))),
    Kind("runin3", "三级标题段", (("body", "p.heading"), ("body", "p.text"))),
    Kind("runin4", "四级标题段", (("body", "p.heading"), ("body", "p.text"))),
    Kind("body", "正文", (("body", "p.text"),)),
    Kind("item", "分项段", (("body", "p.lead"), ("body", "p.text"))),
    Kind("closing", "结束语", (("body", "p.text"),)),
    Kind("subtitle", "副标题", (("h2", "p.text"),), align="center", indent=0),
    Kind("signature", "署名", (("body", "p.text"),), align="right", indent=0,
         ind='<w:ind w:right="{{ p.right }}" w:firstLine="0"/>', attrs=("right",)),
    Kind("issuedate", "成文日期", (("body", "p.text"),), align="right", indent=0,
         ind='<w:ind w:right="{{ p.right }}" w:firstLine="0"/>', attrs=("right",)),
    # Tables (gongwen.builder.tables): the caption above on the grid; the table, whose example is a
    # one-row table (header cell 表格表头, body cell 表格文字 — the style named here); notes under it.
    Kind("tablecaption", "表题", (("h1", "p.text"),), align="center", indent=0, keep_next=True),
    Kind("table", "表格文字", (("body", "p.table"),), align="left", indent=0, size=TABLE_SIZE, line=240,
         rule="auto"),
    Kind("tablenote", "表注", (("body", "p.text"),), indent=0, size=TABLE_SIZE, line=240, rule="auto"),
]
#: Styles that are no paragraph kind: the header cells of a table.
CELL_STYLES: List[Kind] = [
    Kind("tablehead", "表格表头", (("h1", "p.text"),), align="center", indent=0, size=TABLE_SIZE, line=240,
         rule="auto", keep_next=True),
]


def sect_pr(numbered: bool = True, continuous: bool = False, first_page: bool = False) -> str:
    """Section properties: page, margins, grid, footers.

    ``numbered=False``: footers that show nothing (the blank page and the 版记 page after it);
    ``first_page``: page 1 shows no number (信函格式).  Each section names all its footers, since
    Word gives a section without them its predecessor's.
    """
    odd, even = ("rIdFooterOdd", "rIdFooterEven") if numbered else ("rIdFooterNone", "rIdFooterNone")
    first = '<w:footerReference w:type="first" r:id="rIdFooterNone"/>' if first_page else ""
    return (
        f'<w:sectPr><w:footerReference w:type="default" r:id="{odd}"/>'
        f'<w:footerReference w:type="even" r:id="{even}"/>{first}'
        + ('<w:type w:val="continuous"/>' if continuous else "")
        + f'<w:pgSz w:w="{PAGE["w"]}" w:h="{PAGE["h"]}"/>'
        f'<w:pgMar w:top="{MARGINS["top"]}" w:right="{MARGINS["right"]}" '
        f'w:bottom="{MARGINS["bottom"]}" w:left="{MARGINS["left"]}" w:header="851" '
        f'w:footer="{FOOTER_DISTANCE}" w:gutter="0"/>'
        + ('<w:pgNumType w:start="1"/>' if numbered and not continuous else "")
        + ("<w:titlePg/>" if first_page else "")
        + f'<w:docGrid w:linePitch="{LINE_PITCH}"/></w:sectPr>'
    )
