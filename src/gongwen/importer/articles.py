"""A body of articles (办法, 规定, 细则, and attachments): ``第一章　总则`` chapters, ``第一条　……``
articles with their further paragraphs (款) and their ``（一）`` points (项).  Articles are
numbered through the whole body, chapters or not; every number is regenerated, so a gap or a
form gongwen writes otherwise is a warning with its line.
"""

from __future__ import annotations

import re
from typing import List, Optional

from gongwen.content.model import Article, Body, Chapter
from gongwen.draft import roles as R
from gongwen.importer.read import Line
from gongwen.spec.chars import BLANKS, PLACEHOLDER
from gongwen.spec.markers import format_marker
from gongwen.spec.numerals import to_chinese

#: What follows an article's or a chapter's number, as gongwen writes it (``第一条　为了……``).
SEPARATOR = "\u3000"
_NUMBERED = re.compile(rf"第(?P<num>[^条章节编]+)(?P<unit>[条章节编])(?P<sep>[{BLANKS}]*)")


def body(imp, lines: List[Line]) -> Body:
    """Articles (in chapters or not) from ``lines``; text before the first is the opening."""
    out = Body()
    chapter: Optional[Chapter] = None
    article: Optional[Article] = None  # the article paragraphs go to
    last: Optional[Article] = None  # the article before, across chapter headings
    count = 0
    loose: List[Article] = []  # articles before the first chapter of a body with chapters
    for ln in lines:
        role = imp.role(ln)
        if role.kind == R.PART and role.level == 2:
            heading = _numbered(imp, ln, len(out.chapters) + 1, role.number)
            chapter = Chapter(heading)
            out.chapters.append(chapter)
            article = None
        elif role.kind == R.ARTICLE:
            count += 1
            article = last = Article(text=[_numbered(imp, ln, count, role.number)])
            (chapter.articles if chapter else loose).append(article)
        elif role.kind in (R.HEADING, R.ARTICLE_POINT) and role.level == 2 and article is not None \
                and role.marker is not None:
            _point(imp, ln, article, role)
        elif article is None:
            if role.kind == R.PART:
                imp.warn(ln.line, f"“{ln.text[:6]}…”（编、节）在内容模型中没有对应的结构，按普通段落保留")
            if chapter is not None:
                imp.warn(ln.line, "章名和第一条之间的段落在内容模型中没有位置，生成时移到章名之前")
            (last.text if chapter is not None and last is not None else out.opening).append(ln.text)
        else:
            if role.kind == R.PART:
                imp.warn(ln.line, f"“{ln.text[:6]}…”（编、节）在内容模型中没有对应的结构，按上一条的段落保留")
            if article.points:
                imp.warn(ln.line, "这一段在本条各项（（一）（二）……）之后：内容模型中一条的段落都在各项之前，"
                                  "生成时这一段移到各项之前")
            article.text.append(ln.text)
    if out.chapters and loose:
        imp.warn(lines[0].line, "第一章之前还有条款：内容模型中一份正文要么全部分章、要么不分章，"
                                "这些条款已放入第一章")
        out.chapters[0].articles[:0] = loose
    elif not out.chapters:
        out.articles = loose
    return out


def _numbered(imp, ln: Line, expected: int, number: Optional[int]) -> str:
    """The text after ``第X条`` / ``第X章``, with warnings where gongwen writes the number otherwise."""
    m = _NUMBERED.match(ln.text)
    unit = m.group("unit")
    canonical = f"第{to_chinese(expected)}{unit}"
    if number != expected:
        what = "无法识别" if number is None else "不连续"
        imp.warn(ln.line, f"{'条' if unit == '条' else '章'}号{what}：此处应为“{canonical}”，原文为“第{m.group('num')}{unit}”"
                          "（生成时自动编排）")
    rest = ln.text[m.end():].strip(BLANKS)
    if rest and m.group("sep") != SEPARATOR:
        imp.warn(ln.line, f"“第{m.group('num')}{unit}”之后生成时空一字（全角空格），写作“{canonical}{SEPARATOR}”")
    if not rest:
        imp.warn(ln.line, f"“{canonical}”之后没有内容，已填入“{PLACEHOLDER}”")
        rest = PLACEHOLDER
    return rest


def _point(imp, ln: Line, article: Article, role) -> None:
    """``（一）县直各部门；`` under an article."""
    marker = role.marker
    expected = len(article.points) + 1
    canonical = format_marker(2, expected)
    if marker.number != expected:
        imp.warn(ln.line, f"序号不连续：此处应为“{canonical}”，原文为“{marker.raw}”（生成时自动重排）")
    elif marker.raw != canonical:
        imp.warn(ln.line, f"序号“{marker.raw}”写法不规范，生成时写作“{canonical}”")
    text = ln.text[marker.end:].strip(BLANKS)
    if not text:
        imp.warn(ln.line, f"只有序号“{marker.raw}”没有内容，已填入“{PLACEHOLDER}”")
    article.points.append(text or PLACEHOLDER)
