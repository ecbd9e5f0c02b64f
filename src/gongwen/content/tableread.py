"""A table written among paragraphs (``- table: {caption, header, rows, notes, align}``), read
from composed YAML with every fault placed, as the rest of the content (:mod:`gongwen.content.shapes`).

A cell may be text or a number as typed (``12000``, ``3.50``, ``12,000``: kept character for
character), empty (``""`` or nothing), or several lines (paragraphs in the cell).
"""

from __future__ import annotations

from typing import List, Optional

import yaml

from gongwen.content.faults import INVALID_VALUE, WRONG_TYPE
from gongwen.content.model import Table
from gongwen.content.schema import ALIGN_WORDS, TABLE_HOLDERS, TABLE_KEY, TABLE_KEYS, TYPE_NAMES
from gongwen.yamlhints import colon_in_text

#: Most columns of a table: the text block (156 mm) gives a 4号 column of 12 mm at 12; a wider
#: table needs a landscape page, which gongwen does not lay out.
MAX_COLUMNS = 12
#: Most rows of one table (a real one: a few dozen; a statistical annex: a few hundred).
MAX_ROWS = 2000


def table_entry(walker, node, key: str, depth: int, allowed: bool) -> Optional[Table]:
    """The table of ``- table: {…}`` at ``node`` (a mapping entry of a paragraph list), or None
    (reported: a mapping that is not a table, or a table where paragraphs only may stand)."""
    keys = [getattr(k, "value", None) for k, _ in node.value]
    if keys != [TABLE_KEY]:
        walker.count(node, key, depth)
        tip = "；表格写作 - table: {header: […], rows: [[…], …]}" if allowed else ""
        walker.error(node, key, colon_in_text(node) or f"应为文字，实际是键值（映射）{tip}", WRONG_TYPE)
        return None
    knode, tnode = node.value[0]
    if not allowed:
        walker.count(node, key, depth)
        walker.error(knode, f"{key}.table", "表格只能写在 " + "、".join(sorted(TABLE_HOLDERS)) +
                     " 中（不能写在结束语和条款里）", INVALID_VALUE)
        return None
    if not walker.count(node, key, depth):
        return None
    return _table(walker, tnode, f"{key}.table", depth + 1)


def _table(walker, node, key: str, depth: int) -> Optional[Table]:
    fields = walker.mapping(node, key, TABLE_KEYS, depth)
    if fields is None:
        return None
    table = Table()
    if "caption" in fields:
        table.caption = walker.text(fields["caption"][1], f"{key}.caption", depth + 1)
    if "header" in fields:
        table.header = _row(walker, fields["header"][1], f"{key}.header", depth + 1)
    if "rows" not in fields:
        walker.error(node, f"{key}.rows", "表格缺少 rows（各行的内容，每行一个列表）", WRONG_TYPE)
        return None
    rnode = fields["rows"][1]
    if isinstance(rnode, yaml.SequenceNode) and len(rnode.value) > MAX_ROWS:
        walker.error(rnode, f"{key}.rows", f"表格有 {len(rnode.value)} 行，超过 {MAX_ROWS} 行的上限；请分成几张表",
                     INVALID_VALUE)
        return None
    table.rows = walker.sequence(rnode, f"{key}.rows", depth + 1, lambda n, k, d: _row(walker, n, k, d))
    if "notes" in fields:
        table.notes = walker.paragraphs(fields["notes"][1], f"{key}.notes", depth + 1)
    columns = table.columns
    if columns > MAX_COLUMNS:
        walker.error(node, key, f"表格有 {columns} 列，超过 {MAX_COLUMNS} 列：竖排的 A4 版心放不下，"
                                "请拆成几张表或把部分列移到附件", INVALID_VALUE)
        return None
    if "align" in fields:
        table.align = _align(walker, fields["align"][1], f"{key}.align", depth + 1, columns)
    _square(walker, table, rnode, key)
    return table


def _row(walker, node, key: str, depth: int) -> List[str]:
    if not walker.count(node, key, depth):
        return []
    if not isinstance(node, yaml.SequenceNode):
        walker.error(node, key, f"一行应写成{TYPE_NAMES['list']}，如 [城关镇, 1200, 95.2%]，实际是"
                                f"{'键值（映射）' if isinstance(node, yaml.MappingNode) else '文字'}", WRONG_TYPE)
        return []
    cells = []
    for i, child in enumerate(node.value[:MAX_COLUMNS + 1]):
        cells.append(walker.text(child, f"{key}[{i}]", depth + 1, one_line=False))
    walker.paras += len(cells)
    return cells


def _align(walker, node, key: str, depth: int, columns: int) -> List[str]:
    if not walker.count(node, key, depth):
        return []
    words = node.value if isinstance(node, yaml.SequenceNode) else None
    if words is None:
        walker.error(node, key, "align 应为每列一项的列表，如 [left, right, right] 或 [左, 右, 右]", WRONG_TYPE)
        return []
    out = []
    for i, child in enumerate(words):
        word = walker.text(child, f"{key}[{i}]", depth + 1)
        if word not in ALIGN_WORDS:
            walker.error(child, f"{key}[{i}]", f"“{word}”不是对齐方式：写 left/center/right 或 左/中/右",
                         INVALID_VALUE)
            word = "left"
        out.append(ALIGN_WORDS[word])
    if len(out) > columns:
        walker.error(node, key, f"align 有 {len(out)} 项，表格只有 {columns} 列", INVALID_VALUE)
    return out[:columns]


def _square(walker, table: Table, rnode, key: str) -> None:
    """Rows longer than the header are an error (a cell with no column); shorter rows are filled
    with empty cells (a 合计 row often leaves its last cells empty)."""
    columns = table.columns
    width = len(table.header) or columns
    for i, row in enumerate(table.rows):
        if len(row) > width:
            walker.error(rnode.value[i], f"{key}.rows[{i}]", f"这一行有 {len(row)} 格，表头只有 {width} 列",
                         INVALID_VALUE)
        elif len(row) < columns:
            row.extend([""] * (columns - len(row)))
