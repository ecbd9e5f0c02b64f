"""Ranges of a paragraph's shown text mapped onto its runs: comment anchors and tracked changes.

A paragraph's shown text is the concatenation of its pieces (:func:`gongwen.ooxml.text.shown_pieces`):
the text of a ``w:t``, a tab, a break.  A range ``[s, e)`` of that text is turned into whole runs by
splitting at most two runs: the run holding offset ``s`` is cut just before it (the first part keeps
what comes before, the second starts at ``s``), the run holding the last character is cut just
after it.  A cut copies the run's attributes and ``w:rPr`` into the new run, so formatting does not
change; a ``w:t`` cut in the middle becomes two ``w:t``.  Then the range is exactly the runs holding
its pieces, in document order, each wholly inside it (run children that show no text, such as a
footnote reference after the last character, stay outside).

On those runs: :func:`anchor_comment` puts ``w:commentRangeStart`` before the first and
``w:commentRangeEnd`` after the last (in their own parents: a hyperlink, an insertion, a field), and
the ``w:commentReference`` run after the range's end at paragraph level; :class:`Revisions` turns a
replacement into ``w:del`` around the runs (``w:t`` → ``w:delText``) and a ``w:ins`` holding a new
run with the first replaced run's formatting.  Text this session inserted is edited in place (it is
not the draft's text), so rejecting every change gives the draft back and accepting every change
gives the text the fixes made.
"""

from __future__ import annotations

import copy

from gongwen.ooxml.names import XML_SPACE, w
from gongwen.ooxml.text import shown_pieces

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Optional, Tuple

R, T, RPR, PPR = w("r"), w("t"), w("rPr"), w("pPr")
INS, DEL, ID, AUTHOR, DATE = w("ins"), w("del"), w("id"), w("author"), w("date")
_TEXT_TO_DELETED = {w("t"): w("delText"), w("instrText"): w("delInstrText")}


def _set_text(t, text: str) -> None:
    t.text = text
    if text != text.strip():
        t.set(XML_SPACE, "preserve")


def _pieces(p) -> List[Tuple[int, int, object]]:
    """``(start, end, element)`` for each shown piece of ``p``."""
    out, pos = [], 0
    pieces, nodes = shown_pieces(p)
    for piece, node in zip(pieces, nodes):
        out.append((pos, pos + len(piece), node))
        pos += len(piece)
    return out


def shown_text(p) -> str:
    return "".join(shown_pieces(p)[0])


def _split_run(run, child, keep_child: bool):
    """Move the children of ``run`` after ``child`` (and ``child`` itself unless ``keep_child``)
    into a new run just after ``run``, with the same attributes and a copy of ``w:rPr``."""
    kids = list(run)
    i = kids.index(child) + (1 if keep_child else 0)
    moving = [k for k in kids[i:]]
    if not moving or all(k.tag == RPR for k in kids[:i]):
        return run if keep_child else None  # nothing to cut off
    new = run.makeelement(R, dict(run.attrib))
    rpr = run.find(RPR)
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    for k in moving:
        new.append(k)
    run.addnext(new)
    return new


def _cut_text(t, k: int):
    """Cut ``w:t`` ``t`` after ``k`` characters: the rest goes into a new ``w:t`` just after it."""
    text = t.text or ""
    rest = t.makeelement(t.tag, {})
    _set_text(rest, text[k:])
    _set_text(t, text[:k])
    t.addnext(rest)
    return rest


def _boundary_before(p, offset: int) -> None:
    """Make the run holding the piece at ``offset`` start there."""
    for a, b, el in _pieces(p):
        if a <= offset < b:
            if offset > a:  # only a w:t holds more than one character
                el = _cut_text(el, offset - a)
            run = el.getparent()
            if run.tag == R:
                _split_run(run, el, keep_child=False)
            return


def _boundary_after(p, offset: int) -> None:
    """Make the run holding the piece that ends at (or spans) ``offset`` end there."""
    for a, b, el in _pieces(p):
        if a < offset <= b:
            if offset < b:
                _cut_text(el, offset - a)
            run = el.getparent()
            if run.tag == R:
                _split_run(run, el, keep_child=True)
            return


def runs_of(p, start: int, end: int) -> List[object]:
    """The runs of ``p`` holding exactly the shown text ``[start, end)``, cutting runs as needed."""
    if end <= start:
        return []
    _boundary_before(p, start)
    _boundary_after(p, end)
    out: List[object] = []
    for a, b, el in _pieces(p):
        if a >= start and b <= end:
            run = el.getparent()
            if not out or out[-1] is not run:
                out.append(run)
    return out


def _top(p, el):
    """The child of ``p`` that holds ``el``."""
    while el.getparent() is not p:
        el = el.getparent()
    return el


def _first_content_index(p) -> int:
    return 1 if len(p) and p[0].tag == PPR else 0


def reference_run(p, cid: str):
    run = p.makeelement(R, {})
    rpr = run.makeelement(RPR, {})
    style = rpr.makeelement(w("rStyle"), {w("val"): "CommentReference"})
    rpr.append(style)
    run.append(rpr)
    run.append(run.makeelement(w("commentReference"), {ID: cid}))
    return run


def anchor_comment(p, cid: str, start: Optional[int] = None, end: Optional[int] = None) -> None:
    """Anchor comment ``cid`` on the shown text ``[start, end)`` of ``p`` (the whole paragraph
    when ``start`` is None or the range holds no text)."""
    runs = runs_of(p, start, end) if start is not None and end is not None else []
    begin = p.makeelement(w("commentRangeStart"), {ID: cid})
    finish = p.makeelement(w("commentRangeEnd"), {ID: cid})
    if runs:
        runs[0].addprevious(begin)
        runs[-1].addnext(finish)
        _top(p, finish).addnext(reference_run(p, cid))
    else:
        p.insert(_first_content_index(p), begin)
        p.append(finish)
        p.append(reference_run(p, cid))


def text_between(p_or_root, cid: str) -> str:
    """The shown text between ``commentRangeStart`` and ``commentRangeEnd`` of ``cid`` (one
    paragraph): for checks and tests."""
    from gongwen.ooxml.text import BR, CR, TAB

    inside, out = False, []
    for el in p_or_root.iter():
        if el.tag == w("commentRangeStart") and el.get(ID) == cid:
            inside = True
        elif el.tag == w("commentRangeEnd") and el.get(ID) == cid:
            break
        elif inside and el.getparent() is not None and el.getparent().tag == R:
            if any(a.tag in (DEL, w("moveFrom")) for a in el.iterancestors()):
                continue
            if el.tag == T:
                out.append(el.text or "")
            elif el.tag == TAB:
                out.append("\t")
            elif el.tag in (BR, CR):
                out.append("\n")
    return "".join(out)


class Revisions:
    """Tracked changes made in one document: author, date and fresh ids (``ids`` yields them)."""

    def __init__(self, author: str, date: str, ids):
        self.author, self.date, self.ids = author, date, ids
        self.ours = set()  # the w:ins elements this session made (their text is ours to edit)

    def _mark(self, tag: str, parent):
        el = parent.makeelement(tag, {ID: str(next(self.ids)), AUTHOR: self.author, DATE: self.date})
        return el

    def _own(self, run) -> bool:
        return run.getparent() in self.ours

    def _new_run(self, like):
        run = like.makeelement(R, {})
        rpr = like.find(RPR) if like is not None and like.tag == R else None
        if rpr is not None:
            rpr = copy.deepcopy(rpr)
            for change in rpr.findall(w("rPrChange")):
                rpr.remove(change)
            run.append(rpr)
        return run

    def _insert(self, text: str, like, after=None, before=None, p=None) -> None:
        """Insert ``text`` as a tracked insertion next to run ``after`` / ``before`` (or at the end of
        ``p``), formatted like run ``like``."""
        run = self._new_run(like if like is not None else p)
        t = run.makeelement(T, {})
        _set_text(t, text)
        run.append(t)
        anchor = after if after is not None else before
        parent = anchor.getparent() if anchor is not None else p
        if parent in self.ours:  # next to our own inserted text: one insertion
            (anchor.addnext if after is not None else anchor.addprevious)(run)
            return
        if parent.tag in (INS, w("moveTo")):  # inside the draft's own insertion: w:ins cannot nest
            (anchor.addnext if after is not None else anchor.addprevious)(run)
            return
        ins = self._mark(INS, parent)
        ins.append(run)
        self.ours.add(ins)
        if anchor is None:
            p.append(ins)
        elif after is not None:
            anchor.addnext(ins)
        else:
            anchor.addprevious(ins)

    def _delete(self, runs) -> None:
        last = None
        for run in runs:
            if self._own(run):
                parent = run.getparent()
                parent.remove(run)
                if not len(parent):
                    parent.getparent().remove(parent)
                    self.ours.discard(parent)
                continue
            for el in run.iter():
                if el.tag in _TEXT_TO_DELETED:
                    el.tag = _TEXT_TO_DELETED[el.tag]
            if last is not None and run.getprevious() is last:
                last.append(run)
                continue
            mark = self._mark(DEL, run)
            run.addprevious(mark)
            mark.append(run)
            last = mark

    def replace(self, p, start: int, end: int, new: str) -> bool:
        """Replace the shown text ``[start, end)`` of ``p`` by ``new`` as tracked changes."""
        if end > start:
            runs = runs_of(p, start, end)
            if not runs:
                return False
            if new:
                self._insert(new, runs[0], after=runs[-1])
            self._delete(runs)
            return True
        if not new:
            return False
        pieces = _pieces(p)
        before = [el for a, b, el in pieces if b == start]
        after = [el for a, b, el in pieces if a == start]
        if before:
            _boundary_after(p, start)
            run = before[-1].getparent()
            self._insert(new, run, after=run)
        elif after:
            _boundary_before(p, start)
            run = after[0].getparent()
            self._insert(new, run, before=run)
        else:
            self._insert(new, None, p=p)
        return True


def reject_all(root) -> None:
    """Reject every tracked change under ``root`` (insertions dropped, deletions restored)."""
    for ins in list(root.iter(INS, w("moveTo"))):
        if ins.getparent() is not None and ins.getparent().tag != RPR:
            ins.getparent().remove(ins)
    _unwrap(root, (DEL, w("moveFrom")), {w("delText"): T, w("delInstrText"): w("instrText")})


def accept_all(root) -> None:
    """Accept every tracked change under ``root`` (deletions dropped, insertions kept)."""
    for d in list(root.iter(DEL, w("moveFrom"))):
        if d.getparent() is not None and d.getparent().tag != RPR:
            d.getparent().remove(d)
    _unwrap(root, (INS, w("moveTo")), {})


def _unwrap(root, tags, rename) -> None:
    for el in list(root.iter(*tags)):
        parent = el.getparent()
        if parent is None or parent.tag == RPR:
            continue
        for kid in el.iter():
            if kid.tag in rename:
                kid.tag = rename[kid.tag]
        i = parent.index(el)
        for k, kid in enumerate(list(el)):
            parent.insert(i + k, kid)
        parent.remove(el)
