"""Facts about tables in a 公文: what a number in a cell is, how a column is aligned, what a
合计 row is.  Pure Python; the builder, the importer and the lint rules read tables through these.

GB/T 9704-2012 says little of tables beyond the page (7.3.3: a table that is wider than the
text block turns the page; 10.1 sizes): the practice offices follow, and gongwen writes, is
cell text one size down (4号 仿宋) with single line spacing, the header row in 黑体 repeated
on every page, numbers right-aligned and text left, the table within the text block.
"""

from __future__ import annotations

from gongwen.spec import lazyre

TYPE_CHECKING = False
if TYPE_CHECKING:
    from decimal import Decimal
    from typing import List, Optional, Sequence

#: A number as offices type it in a cell: sign, digits with thousands separators, decimals, and
#: an optional unit of scale or percent (``12,000`` ``-3.5`` ``98.6%`` ``1.2万`` ``3‰``).
NUMBER = lazyre.compile(r"[-+−]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?(?:万|亿|万亿)?[%％‰]?")
#: What a cell without a figure holds: nothing, a dash, 无.
NO_FIGURE = frozenset({"", "-", "—", "——", "－", "/", "／", "无", "—　", "…"})
#: Labels of a row that adds up the rows above it.
TOTAL_LABELS = frozenset({"合计", "总计", "合　计", "总　计", "合 计", "总 计", "全县合计", "全市合计"})
#: …and of a row that adds up the rows above it since the last such row.
SUBTOTAL_LABELS = frozenset({"小计", "小　计", "小 计"})
#: Words in a column's header that say its figures do not add up (rates, shares, averages, ranks).
NOT_ADDITIVE = lazyre.compile(r"率|%|％|‰|比|占|均|平均|排名|名次|序号|编号|年份|年度|单价|指数|增幅|增长|同比|环比")

ALIGNMENTS = ("left", "center", "right")


def is_number(cell: str) -> bool:
    """Is ``cell`` a figure (as :data:`NUMBER` reads it)?"""
    return bool(NUMBER.fullmatch(cell.strip()))


def alignments(header: Sequence[str], rows: Sequence[Sequence[str]], given: Sequence[str] = ()) -> List[str]:
    """Each column's alignment: as ``given``, else ``right`` for a column of figures (every cell a
    number or empty, at least one number) and ``left`` for text."""
    columns = max([len(header)] + [len(r) for r in rows] + [0])
    out = []
    for c in range(columns):
        if c < len(given) and given[c] in ALIGNMENTS:
            out.append(given[c])
            continue
        cells = [r[c].strip() for r in rows if c < len(r)]
        figures = [x for x in cells if x not in NO_FIGURE]
        numeric = bool(figures) and all(is_number(x) for x in figures)
        out.append("right" if numeric else "left")
    return out


def value(cell: str) -> Optional[Decimal]:
    """The figure in ``cell`` as a plain number (``12,000`` → 12000; ``1.2万`` → 12000), or None
    for a cell that is not a number or is a percentage."""
    text = cell.strip()
    if not is_number(text) or text.endswith(("%", "％", "‰")):
        return None
    scale = 1
    for unit, factor in (("万亿", 10 ** 12), ("亿", 10 ** 8), ("万", 10 ** 4)):
        if text.endswith(unit):
            text, scale = text[: -len(unit)], factor
            break
    text = text.replace(",", "").replace("，", "").replace("−", "-")
    from decimal import Decimal, InvalidOperation

    try:
        return Decimal(text) * scale
    except InvalidOperation:  # pragma: no cover - NUMBER admits only what Decimal reads
        return None


def decimals(cell: str) -> int:
    """Digits after the decimal point of the figure in ``cell``."""
    text = cell.strip().rstrip("%％‰万亿")
    return len(text.rsplit(".", 1)[1]) if "." in text else 0


def is_total(label: str) -> bool:
    """Does a row whose first cell reads ``label`` add up the rows above it?"""
    return label.strip() in TOTAL_LABELS


def is_subtotal(label: str) -> bool:
    """Does a row whose first cell reads ``label`` add up the rows since the last 小计?"""
    return label.strip() in SUBTOTAL_LABELS
