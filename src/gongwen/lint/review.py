"""Review marks in a copy of a .docx: findings as Word comments (批注), fixes as tracked changes (修订).

``gongwen lint --annotate 草稿.docx`` writes ``草稿.annotated.docx``: one comment per finding the
linter reports, anchored on the finding's span (:func:`span_of`); with ``--fix`` the same file also
holds the fixes as tracked changes, each explained by its comment.  ``--fix`` alone writes
``草稿.fixed.docx`` with the fixes as tracked changes.  The draft is only read; a copy that exists
is never written over (:class:`gongwen.atomic.WriteError`), and parts nothing touches are copied
byte for byte (:func:`gongwen.lint.docxfix._write_zip`).

Fixes run in passes: the first applies the fixes of the findings reported; then the document as it
reads with every change accepted is linted again in memory and the new fixable findings are applied
over it (still as tracked changes over the draft's text), up to :data:`MAX_PASSES` passes.

Span of a finding (what its comment covers), in this order: the range its fix replaces; for a fix
that only inserts, the character before the insertion point (or after it, at a paragraph's start);
for a finding at or before the first visible character of its paragraph, in a Word numbering label,
or with no paragraph (page set-up, footer), the whole paragraph; otherwise the token at the
finding's place: a run of ASCII letters and digits, a run of one repeated character (``XXX``,
``××``), or the single character.
"""

from __future__ import annotations

import copy
import itertools
import os
import time
from typing import Dict, List, Optional, Tuple

from gongwen.errors import ReadError
from gongwen.lint.docxfix import _write_zip, refuse_strict, refuse_target
from gongwen.spec.record import dataclass, field

MAX_PASSES = 4
AUTHOR = "gongwen"
_BLANKS = " \t\u3000\u00a0"


def review_path(path: str, suffix: str, output_dir: Optional[str] = None) -> str:
    """``草稿.docx`` → ``草稿.<suffix>.docx`` beside it, or in ``output_dir``."""
    base, ext = os.path.splitext(os.path.basename(path))
    folder = output_dir if output_dir is not None else os.path.dirname(path)
    return os.path.join(folder, f"{base}.{suffix}{ext or '.docx'}")


@dataclass
class Review:
    """What :func:`write_review` wrote."""

    path: str
    comments: int = 0
    applied: List[Tuple[object, str, str]] = field(default_factory=list)  # (finding, old, new)
    skipped: List[object] = field(default_factory=list)  # fixable findings not applied
    passes: int = 0


def span_of(f, para) -> Optional[Tuple[int, int]]:
    """``(start, end)`` in ``para.text`` that the comment on ``f`` covers; None: the whole paragraph."""
    if para is None:
        return None
    text, label = para.text, para.label_len
    if f.fix is not None:
        s, e = f.fix.start, f.fix.end
        if e > s:
            return (s, e) if s >= label else None
        if s > label:
            return s - 1, s
        return (s, s + 1) if s < len(text) and s >= label else None
    s = f.offset
    first = label
    while first < len(text) and text[first] in _BLANKS:
        first += 1
    if s <= first or s >= len(text):
        return None
    c, e = text[s], s + 1
    if c.isascii() and c.isalnum():
        while e < len(text) and text[e].isascii() and text[e].isalnum():
            e += 1
    else:
        while e < len(text) and text[e] == c:
            e += 1
    return s, e


def _show(s: str) -> str:
    return s.replace("\u3000", "　").replace("\n", "↵").replace("\t", "→")


def comment_lines(f, old: str = "", new: str = "", state: str = "") -> List[str]:
    """The comment's paragraphs: code, severity and message; the change; where to read more.

    ``state``: ``tracked`` (the change is a tracked change), ``made`` (made without marks),
    ``suggested`` (a fix not applied) or empty (no fix)."""
    level = "错误" if f.severity == "error" else "警告"
    lines = [f"{f.code}（{level}）{f.message}"]
    if state:
        if not new:
            change = f"删去“{_show(old)}”"
        elif not old:
            change = f"在此处加上“{_show(new)}”"
        else:
            change = f"“{_show(old)}”改为“{_show(new)}”"
        lines.append({"tracked": f"已作修订：{change}（可在“审阅”中接受或拒绝）",
                      "made": f"已修改：{change}",
                      "suggested": f"建议修改：{change}"}[state])
    lines.append(f"详见 gongwen rule {f.code}")
    return lines


def _choose(fixes) -> list:
    """Non-overlapping fixes, left to right (an insertion never twice at one place)."""
    chosen, end = [], -1
    for f in sorted(fixes, key=lambda f: (f.fix.para, f.fix.start, f.fix.end, f.code)):
        last = chosen[-1] if chosen else None
        if last is not None and last.fix.para == f.fix.para and (
                f.fix.start < end or (f.fix.start == end and last.fix.start == end == f.fix.end)):
            continue
        if last is None or last.fix.para != f.fix.para:
            end = -1
        chosen.append(f)
        end = max(end, f.fix.end)
    return chosen


class _Doc:
    """The document being marked: its tree, the paragraphs' elements, ids, comments."""

    def __init__(self, source, root, author: str, date: str, comments_root, track: bool):
        from gongwen.ooxml.comments import max_id
        from gongwen.ooxml.runs import Revisions

        self.source, self.root, self.author, self.date = source, root, author, date
        self.comments_root, self.track = comments_root, track
        self.ids = itertools.count(max_id(root, comments_root) + 1)
        self.revisions = Revisions(author, date, self.ids)
        self.comments = 0
        self.elements, self.paras = self._read(root)
        if len(self.elements) != len(source.paras):
            raise ReadError(source.path, "文件在检查之后被改动，未写入副本")

    def _read(self, root):
        from gongwen.ooxml.names import w
        from gongwen.ooxml.text import paragraph_texts

        parts = copy.copy(self.source.docx)
        parts.document, parts.body = root, root.find(w("body"))
        parts.elements, parts.where = [], []
        texts = paragraph_texts(parts)
        self.parts = parts
        return parts.elements, texts

    def relint(self, config):
        """Findings on the document as it reads with every change accepted."""
        from gongwen.draft.source import Para, Source
        from gongwen.lint.engine import lint_source

        self.elements, texts = self._read(self.root)
        paras = [Para(line=i, text=text, label_len=label, kind="text" if where == "body" else where)
                 for i, (text, label, where) in enumerate(texts, 1)]
        self.last_paras = paras
        return lint_source(Source(self.source.path, paras, "docx", docx=self.parts), config)

    def para_of(self, f, paras) -> int:
        if f.fix is not None and f.fix.para >= 0:
            return f.fix.para
        index = {id(p): i for i, p in enumerate(paras)}
        if f.para is not None and id(f.para) in index:
            return index[id(f.para)]
        return min(max(f.line - 1, 0), len(paras) - 1)

    def comment(self, f, paras, lines) -> None:
        from gongwen.ooxml.comments import add_comment
        from gongwen.ooxml.runs import anchor_comment, shown_text

        if not paras:
            return
        i = self.para_of(f, paras)
        para, p = paras[i], self.elements[i]
        span = span_of(f, para) if f.para is not None else None
        if span is not None and shown_text(p) != para.text[para.label_len:]:
            span = None
        cid = str(next(self.ids))
        if span is None:
            anchor_comment(p, cid)
        else:
            anchor_comment(p, cid, span[0] - para.label_len, span[1] - para.label_len)
        add_comment(self.comments_root, cid, self.author, self.date, lines)
        self.comments += 1

    def reads_as(self, index: int, para) -> bool:
        from gongwen.ooxml.runs import shown_text

        return shown_text(self.elements[index]) == para.text[para.label_len:]

    def apply(self, f, para) -> bool:
        from gongwen.lint.docxfix import _apply
        from gongwen.ooxml.text import text_nodes

        p = self.elements[f.fix.para]
        s, e = f.fix.start - para.label_len, f.fix.end - para.label_len
        if self.track:
            return self.revisions.replace(p, s, e, f.fix.new)
        pieces, nodes = text_nodes(p)
        return not _apply(pieces, nodes, para.label_len, [f])


def write_review(source, findings, config=None, annotate: bool = True, fix: bool = False,
                 track: bool = True, author: str = AUTHOR, output_dir: Optional[str] = None,
                 date: Optional[str] = None) -> Review:
    """Write the reviewed copy of ``source`` (a .docx read by :func:`gongwen.draft.read.read_docx`)."""
    from gongwen.ooxml.comments import (add_comments_rel, add_comments_type, comments_part_name,
                                        new_comments_root, to_bytes)
    from gongwen.ooxml.package import open_docx

    target = review_path(source.path, "annotated" if annotate else "fixed", output_dir)
    refuse_target(source.path, target)
    date = date or time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    review = Review(target)
    with open_docx(source.path) as z:
        main = z.main_part()
        root = z.xml(main)
        refuse_strict(z, source.path)
        comments_name = comments_part_name(z, main) if annotate else None
        comments_root = (z.xml(comments_name) if comments_name else None)
        if annotate and comments_root is None:
            comments_root = new_comments_root()
        doc = _Doc(source, root, author, date, comments_root, track)
        _passes(doc, source, findings, config, annotate, fix, review)
        extra: Dict[str, bytes] = {}
        if annotate and doc.comments:
            if comments_name is None:
                comments_name = _free_name(z, "word/comments.xml")
                types = z.xml("[Content_Types].xml")
                add_comments_type(types, comments_name)
                extra["[Content_Types].xml"] = to_bytes(types)
                rels_name = _rels_name(main)
                extra[rels_name] = to_bytes(add_comments_rel(z.xml(rels_name), main, comments_name))
            extra[comments_name] = to_bytes(comments_root)
        review.comments = doc.comments
        data = to_bytes(root)
        _write_zip(z, main, data, target, extra)
    return review


def _passes(doc: _Doc, source, findings, config, annotate: bool, fix: bool, review: Review) -> None:
    paras = source.paras
    todo = findings
    state = "tracked" if doc.track else "made"
    for n in range(MAX_PASSES if fix else 1):
        fixable = [f for f in todo if f.fix is not None and 0 <= f.fix.para < len(paras)] if fix else []
        chosen = _choose(fixable)
        picked = {id(f) for f in chosen}
        if n > 0 and not chosen:
            break
        review.passes = n + 1
        unchanged = {i: doc.reads_as(i, paras[i]) for i in {f.fix.para for f in chosen}}
        chosen_ids = {id(f) for f in chosen if unchanged[f.fix.para]}
        if annotate:
            for f in (todo if n == 0 else [f for f in chosen if id(f) in chosen_ids]):
                if f.fix is not None and f.para is not None:
                    old = f.para.text[f.fix.start:f.fix.end]
                    lines = comment_lines(f, old, f.fix.new, state if id(f) in chosen_ids else "suggested")
                else:
                    lines = comment_lines(f)
                doc.comment(f, paras, lines)
        for f in sorted(chosen, key=lambda f: (f.fix.para, f.fix.start, f.fix.end), reverse=True):
            para = paras[f.fix.para]
            old = para.text[f.fix.start:f.fix.end]
            if unchanged[f.fix.para] and doc.apply(f, para):
                review.applied.append((f, old, f.fix.new))
            elif n == 0:
                review.skipped.append(f)
        if n == 0:
            review.skipped.extend(f for f in fixable if id(f) not in picked)
        if not fix or n + 1 == MAX_PASSES:
            break
        todo = [f for f in doc.relint(config) if f.fix is not None]
        paras = doc.last_paras


def _free_name(z, name: str) -> str:
    base, ext = os.path.splitext(name)
    n = 1
    while z.has(name):
        n += 1
        name = f"{base}{n}{ext}"
    return name


def _rels_name(main: str) -> str:
    from gongwen.ooxml.rels import rels_part

    return rels_part(main)
