"""The frame around the body of an imported speech or report: title, byline and date line at
the top, the 落款 at the end, a speech's closing.  ``imp`` is the running import: its
``lines``, ``role(line)`` (from :mod:`gongwen.draft.roles`), ``warn(line, message)`` and ``is_h1``.
"""

from __future__ import annotations

from typing import List, Sequence, Tuple

from gongwen.builder import titles
from gongwen.content.model import Document
from gongwen.draft import roles as R
from gongwen.importer.read import Line, set_in_lines
from gongwen.spec import dates
from gongwen.spec.chars import BLANKS, PLACEHOLDER


def front(imp, doc: Document) -> List[Line]:
    """Title, byline and date line; a 版头 (which speeches and reports do not have) is kept as text."""
    lines = imp.lines
    i = 0
    kept: List[Line] = []
    while i < len(lines) and imp.role(lines[i]).kind in R.FRONT_MATTER:
        kept.append(lines[i])
        i += 1
    issuer = None
    if len(kept) == 1 and imp.role(kept[0]).kind == R.ISSUER:
        issuer = kept.pop()  # an organisation's name over the title: the byline, unless there is one
    for ln in kept:
        imp.warn(ln.line, f"版头“{ln.text}”在讲话稿、调研报告中没有对应的字段，按开头段落保留")
    if i < len(lines) and imp.role(lines[i]).kind == R.TITLE:
        first = lines[i]
        title = first.text
        i += 1
        start = i - 1
        while i < len(lines) and imp.role(lines[i]).kind == R.TITLE:
            title += lines[i].text
            i += 1
        if i - start > 1 and not set_in_lines(lines[start:i]):
            imp.warn(lines[start + 1].line, "标题分成了两段，已合并为一行（折行由模板排版）")
        while title and title[-1] in "。，；：、.,;:":
            imp.warn(first.line, f"标题末尾不加标点，已删去“{title[-1]}”")
            title = title[:-1].rstrip()
        doc.title = title or PLACEHOLDER
        doc.title_lines = kept_lines(lines[start:i], doc.title)
    else:
        doc.title = PLACEHOLDER
        imp.warn(lines[min(i, len(lines) - 1)].line, f"没有找到标题，已填入“{PLACEHOLDER}”，请补上")
    date_line = byline = None
    while i < len(lines) and imp.role(lines[i]).kind in (R.DATE_LINE, R.BYLINE, R.SUBTITLE):
        kind = imp.role(lines[i]).kind
        if kind == R.DATE_LINE:
            date_line = lines[i]
        elif byline is not None:
            break  # one byline in the model: the other line stays text
        elif kind == R.SUBTITLE and not doc.subtitle and doc.kind == "speech":
            subtitle(imp, doc, lines[i])
        else:
            if kind == R.SUBTITLE:
                imp.warn(lines[i].line, "副标题（——……）没有对应的字段，按署名行导入；如需副标题请改写标题")
            byline = lines[i]
            if date_line is not None:
                imp.warn(lines[i].line, "署名行在日期行之后：生成时署名行在前、日期行在后")
        i += 1
    if byline is None and issuer is not None:
        imp.warn(issuer.line, f"标题上方的“{issuer.text}”按署名行导入（生成时排在标题之下）")
        byline = issuer
    elif issuer is not None:
        imp.warn(issuer.line, f"标题上方的“{issuer.text}”没有对应的字段，按开头段落保留")
        kept.append(issuer)
    if byline is not None:
        doc.byline = byline.text
    if date_line is not None:
        doc.date = dates.written(dates.date_line(date_line.text))
        wanted = f"（{doc.date}）"
        if date_line.text != wanted:
            imp.warn(date_line.line, f"日期行“{date_line.text}”生成时写作“{wanted}”")
    return kept + list(lines[i:])

def kept_lines(lines: Sequence[Line], title: str) -> List[str]:
    """The lines of a title set a paragraph each (centred, one look), when they are not where
    gongwen would break ``title`` (the paragraphs joined, a closing mark dropped): the writer
    chose them.  [] when gongwen would set them so anyway, or the title is one paragraph."""
    if len(lines) < 2 or not set_in_lines(lines):
        return []
    texts = [ln.text.strip(BLANKS) for ln in lines]
    extra = len("".join(texts)) - len(title)
    if not "".join(texts).startswith(title) or extra >= len(texts[-1]):
        return []
    texts[-1] = texts[-1][:len(texts[-1]) - extra]
    return [] if titles.shape(title) == texts else texts


def subtitle(imp, doc: Document, line: Line) -> None:
    """A speech's subtitle, ``——在……会议上的讲话``: gongwen writes the dash."""
    doc.subtitle = line.text.lstrip("—-－ 　")
    if line.text != "——" + doc.subtitle:
        imp.warn(line.line, f"副标题“{line.text}”生成时写作“——{doc.subtitle}”")


def signature(imp, doc: Document, body: List[Line]) -> List[Line]:
    """An author and a date at the very end: a report's 落款, kept there (``signature``);
    a speech has none, so they move under its title."""
    if doc.date or len(body) < 2 or imp.role(body[-1]).kind != R.ISSUE_DATE:
        return body
    date_line = body[-1]
    rest = body[:-1]
    if doc.kind == "report" and len(rest) >= 2 and imp.role(rest[-1]).kind == R.SIGNATURE:
        doc.signature = [rest[-1].text]
        doc.date = dates.written(dates.date_line(date_line.text))
        if date_line.text != doc.date:
            imp.warn(date_line.line, f"落款日期“{date_line.text}”生成时写作“{doc.date}”")
        return rest[:-1]
    author = None
    if not doc.byline and len(rest) >= 2 and imp.role(rest[-1]).kind == R.SIGNATURE:
        author, rest = rest[-1], rest[:-1]
        doc.byline = author.text
    doc.date = dates.written(dates.date_line(date_line.text))
    moved = "落款（署名和日期）" if author else "文末日期"
    imp.warn((author or date_line).line, f"{moved}已移到标题下：gongwen 把署名和日期排在标题之下")
    return rest

def split_closing(imp, body: List[Line], salutation: str) -> Tuple[List[Line], List[Line]]:
    """A speech's closing: from the last ``同志们，…`` after the last section to the end."""
    last_h1 = max((i for i, ln in enumerate(body) if imp.is_h1(ln)), default=None)
    if last_h1 is None:
        return body, []
    stem = salutation.rstrip("：:").strip()
    start = None
    for i in range(last_h1 + 1, len(body)):
        text = body[i].text
        if imp.role(body[i]).kind == R.HEADING:
            start = None  # a heading after it: not the closing after all
            continue
        if start is None and (R.ADDRESS.match(text) or (stem and text.startswith(stem)
                                                       and text[len(stem):len(stem) + 1] in "，,！!")):
            start = i
    if start is None and R.THANKS.fullmatch(body[-1].text) and len(body) - 1 > last_h1:
        start = len(body) - 1
    if start is None:
        return body, []
    return body[:start], body[start:]
