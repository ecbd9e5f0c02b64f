"""Widow rule (GW826): a paragraph's last line of one or two characters alone at the top of a page.

GB/T 9704 wants full pages of 22 lines, so widow control stays off (``docs/templates.md``) and the
writer fixes such a line by hand.  Where pages break is estimated on the grid
(:mod:`gongwen.draft.pageflow`, the same estimate ``gongwen build`` reports with), only for a
document set on it; lines are those of LibreOffice's layout (the ``--pdf`` preview, measured), the message says
when Word's (hanging marks) may differ.
"""

from __future__ import annotations

from gongwen.draft.pageflow import agreed_widows, widow_message
from gongwen.lint.context import Context
from gongwen.lint.findings import Finding
from gongwen.lint.layoutview import layout_rule

_FILL = "各乡镇要压实工作责任，确保各项措施落到实处。"
_LAST = "县应急管理局要会同有关部门加强督促检查，督促其限期整"


@layout_rule("GW826", "widow-line", severity="warning", source="practice",
             message="页首不宜只有一两个字：段落的最后一行单独落在下一页的页首",
             bad=[f"repeat: n=6 text={_FILL} last={_LAST}改。"],
             good=[f"repeat: n=6 text={_FILL} last={_LAST}改到位。", f"repeat: n=6 text={_FILL} last={_LAST}"])
def widow_line(ctx: Context):
    """为使每页排满 22 行（GB/T 9704-2012 5.2.3），内置模板关闭了孤行控制，段落的最后一行可能单独落到
    下一页页首。只有一两个字的一行最显眼。按 22 行 × 28 字的版心估算分页（标点不居行首、数字和
    西文按实际宽度），只在页面、页边距和固定行距都符合 GB/T 9704 时检查，且 Word 与 LibreOffice
    的排法按 PDF 预览（LibreOffice，已实测）估算，Word 允许句末标点溢出边界、行可能不同时在提示中说明；遇到表格，表格之后不再估算。删改一两个字使该段少占一行，或加字使其多出
    一整行即可。"""
    if ctx.docx is None:
        return
    for w in agreed_widows(ctx.docx):
        line = w.index + 1 if isinstance(w.index, int) else 1
        yield Finding(path=ctx.path, line=line, column=1, message=widow_message(w))
