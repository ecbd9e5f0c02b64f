"""Checking each guess against the numberer: a structure is kept only when ``gongwen build``
would write the paragraph back exactly as it was."""

from __future__ import annotations

import re
from typing import Dict, List, Sequence

from gongwen.content.model import Document, Item, Point, Section, Series
from gongwen.draft.roles import first_sentence_end, typed_marker
from gongwen.spec.chars import HEADING_END
from gongwen.spec.markers import format_series


def matched(source: Sequence[str], built: Sequence[str], window: int = 64) -> set:
    """Indexes of ``source`` paragraphs found in ``built``, in order.

    difflib for ordinary documents; for very long ones a greedy walk that looks
    ``window`` paragraphs ahead (difflib is quadratic on repeated paragraphs).
    """
    if len(source) * len(built) <= 4_000_000:
        import difflib

        blocks = difflib.SequenceMatcher(None, source, built, autojunk=False).get_matching_blocks()
        return {i for b in blocks for i in range(b.a, b.a + b.size)}
    same, j = set(), 0
    for i, text in enumerate(source):
        for k in range(j, min(j + window, len(built))):
            if built[k] == text:
                same.add(i)
                j = k + 1
                break
    return same


def item_of(text: str, style: str) -> Item:
    """An item, with a short first sentence as its lead (``明确思路目标。《方案》…``)."""
    k = first_sentence_end(text)
    if k is not None and 2 <= k <= 30 and k < len(text) - 1 and text[k] == "。" and text[k - 1] not in HEADING_END:
        lead, rest = text[:k], text[k + 1:].strip()
        if rest and not any(c in lead for c in "，,；;") and not typed_marker(rest):
            item = Item(text=rest, lead=lead)
            if renders(series_doc(Series(items=[item], style=style)), format_series(1, style) + text):
                return item
    return Item(text=text)


#: Runs of blanks that only lay a line out: a tab, or two blanks or more (``机关　　　日期印发``).
_LAYOUT_GAP = re.compile(r"[ \u3000\u00a0]*\t[ \u3000\u00a0\t]*|[ \u3000\u00a0]{2,}")
_RUNS: Dict[str, tuple] = {}
#: Paragraph kinds the layout sets a title in, a line each.
_TITLE_LINES = ("title", "attachtitle")


def visible_text(para: dict) -> str:
    """The text Word shows for one built paragraph: its runs in the template's order, a tab
    where the template has one (``清河县人民政府办公室\t2024年3月1日印发``)."""
    if not _RUNS:
        from gongwen.builder.kinds import TAB
        from gongwen.builder.redhead import all_kinds

        _RUNS.update({k.name: tuple("\t" if f == TAB else f[2:] for _, f in k.runs) for k in all_kinds()})
    if para["kind"] == "table":
        return para["shown"]
    runs = _RUNS.get(para["kind"], ("heading", "lead", "text"))
    return "".join(r if r == "\t" else para.get(r, "") for r in runs)


def same_text(text: str) -> str:
    """``text`` as the round trip compares it: a layout gap (a tab, or two blanks or more between
    words) is one gap, however it was typed; every other character counts."""
    return _LAYOUT_GAP.sub("\t", text.strip())


def expected_paragraphs(doc: Document, level3: str = ".") -> List[str]:
    """The non-empty paragraph texts ``gongwen build`` writes for ``doc`` (a title set in lines: one)."""
    from gongwen.builder.layout import paragraphs

    out: List[str] = []
    joining = ""
    for para in paragraphs(doc, level3=level3):
        text = visible_text(para)
        if not text.strip():
            joining = ""
            continue
        if para["kind"] in _TITLE_LINES and para["kind"] == joining:
            out[-1] += text  # a title the layout sets in lines is one paragraph of the writer's
        else:
            out.append(text)
        joining = para["kind"] if para["kind"] in _TITLE_LINES else ""
    return out


def renders(doc: Document, wanted: str) -> bool:
    """Does the numberer turn ``doc`` (a probe built around one guess) into ``wanted``?"""
    return wanted in expected_paragraphs(doc)


def point_doc(point: Point, level: int) -> Document:
    """A probe document in which ``point`` is the first point at ``level``.

    How a heading and its text are joined does not depend on the number, so
    one probe per paragraph costs the same wherever the point stands.
    """
    node = Point(heading="x", points=[point])
    for _ in range(level - 2):
        node = Point(heading="x", points=[node])
    return Document(kind="speech", title="x", sections=[Section(heading="x", points=node.points)])


def series_doc(series: Series) -> Document:
    return Document(kind="speech", title="x", sections=[Section(heading="x", series=series)])


def written_in_a_run(built: Sequence[str], texts: Sequence[str]) -> bool:
    """Do ``texts`` appear in ``built`` one after the other?"""
    n = len(texts)
    return any(list(built[i:i + n]) == list(texts) for i in range(len(built) - n + 1))


def closing_comes_back(texts: Sequence[str], kind: str = "notice") -> bool:
    """Does the numberer write ``texts`` as the closing paragraphs of a ``kind`` document?"""
    probe = Document(kind=kind, title="x", opening=["x"], sections=[Section(heading="x", paragraphs=["x"])],
                     closing=list(texts))
    return written_in_a_run(expected_paragraphs(probe), texts)
