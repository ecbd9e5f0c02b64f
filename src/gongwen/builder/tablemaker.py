"""The table kind of the built-in templates: its example table and the table style.

The example is a table of two rows and one column: a header cell in the style 表格表头 and a
body cell in the style of the ``table`` kind (表格文字).  The header cell holds a hidden run
``{{ p.table }}``; after Jinja, :mod:`gongwen.builder.tablexml` grows the example into the
document's table — columns, rows and cell text — keeping the example's table, row, cell and
paragraph properties, so an office restyles tables in Word by restyling 表格表头, 表格文字 and the
table style 公文表格 (borders), or the example table itself.  The tag language has no nested
loop on purpose: rows are made after Jinja, from data, never from template code.
"""

from __future__ import annotations

from typing import Dict

from gongwen.builder.kinds import CELL_STYLES, Kind, style_id
from gongwen.ooxml.names import escape
from gongwen.spec.gbt9704 import TEXT_WIDTH

#: The table style: thin (½ pt) black borders all round and inside, cell margins of about a third of
#: a character left and right and 1 mm above and below.
TABLE_STYLE_ID, TABLE_STYLE_NAME = "gwTableGrid", "公文表格"
BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
CELL_MARGIN = 108  # twips, left and right (Word's default)
CELL_PAD = 57  # twips (1 mm), top and bottom: a row of single-spaced 四号 stands about 8 mm high
#: What the example cells say (replaced by the document's text).
HEAD_EXAMPLE, CELL_EXAMPLE = "表头", "表格文字"


def table_style() -> str:
    borders = "".join(BORDER.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:style w:type="table" w:customStyle="1" w:styleId="{TABLE_STYLE_ID}">'
            f'<w:name w:val="{TABLE_STYLE_NAME}"/><w:uiPriority w:val="59"/><w:qFormat/>'
            f'<w:tblPr><w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders>'
            f'<w:tblCellMar><w:top w:w="{CELL_PAD}" w:type="dxa"/><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
            f'<w:bottom w:w="{CELL_PAD}" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
            f'</w:tblPr></w:style>')


def _cell(style: str, text: str, marker: bool) -> str:
    hidden = ('<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">{{ p.table }}</w:t></w:r>'
              if marker else "")
    return (f'<w:tc><w:tcPr><w:tcW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{escape(text)}</w:t></w:r>{hidden}</w:p>'
            f'</w:tc>')


def table_example(kind: Kind, faces: Dict[str, str]) -> str:
    """The example table of the ``table`` kind (``faces`` live in the styles)."""
    head = style_id(CELL_STYLES[0])
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="{TABLE_STYLE_ID}"/><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/>'
            f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
            f'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{TEXT_WIDTH}"/></w:tblGrid>'
            f'<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{_cell(head, HEAD_EXAMPLE, True)}</w:tr>'
            f'<w:tr><w:trPr><w:cantSplit/></w:trPr>{_cell(style_id(kind), CELL_EXAMPLE, False)}</w:tr>'
            f'</w:tbl>')
