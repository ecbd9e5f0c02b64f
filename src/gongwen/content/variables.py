"""``{{ name }}`` in text, replaced at build time — only in documents that declare ``vars``.

An office reuses its speech every year; with ``vars: {year: 2024, org: 清河县总工会}``
the text can say ``{{ org }}{{ year }}年工作要点`` and next year's copy changes
one line.  The engine is deliberately tiny and is not Jinja:

* only ``{{ name }}`` (ASCII letters, digits, underscores; blanks inside the
  braces allowed) — no attributes, indexes, filters, calls, arithmetic,
  ``{% … %}`` statements or ``{# … #}`` comments: each of these is an error;
* values are inserted as plain text, once: a value that itself contains
  ``{{ … }}`` is not expanded again, so nothing a writer types can run;
* an unknown name is an error naming its field (``sections[1].points[0].text``)
  and, when it can be found, its line in the content file;
* a document without ``vars`` is never interpreted: ``{{ … }}`` stays literal
  and this module returns at once.

Besides the declared names, ``year`` is the year of ``date`` when the document
does not declare ``year`` itself; the caller may pass more defaults (an office
profile's ``org``).

The text after substitution is bounded as the loaded text is
(:data:`MAX_CHARS`, counted over every field as values are inserted): a long
value used many times would otherwise turn a small file into gigabytes.
"""

from __future__ import annotations

import bisect
import re
from typing import Callable, Dict, Iterator, List, Optional, Tuple

from gongwen.content.faults import UNDEFINED_VARIABLE
from gongwen.content.keypaths import Numbering, numbering_of_document, writer_path
from gongwen.content.model import Document, Point, Section, Series
from gongwen.content.schema import FORMS, HEAD_LINE_KEYS, REPORT_PARTS
from gongwen.content.shapes import MAX_CHARS
from gongwen.errors import ContentError, ContentErrors, GongwenError, Place

#: Anything that looks like template syntax; ``{{`` without its ``}}`` too.
_SYNTAX = re.compile(r"\{\{(?P<expr>(?:(?!\{\{|\}\}).)*)\}\}|\{%.*?(?:%\}|$)|\{#.*?(?:#\}|$)|\{\{[^{}]*", re.S)
_NAME = re.compile(r"[ \t\u3000]*(?P<name>[A-Za-z_][A-Za-z0-9_]*)[ \t\u3000]*")

Field = Tuple[str, Callable[[], str], Callable[[str], None]]
#: A paragraph full of stray braces gives a few messages and a count, not thousands.
MAX_ERRORS_PER_FIELD = 5


def substitute(doc: Document, defaults: Optional[Dict[str, str]] = None, text: Optional[str] = None) -> None:
    """Replace ``{{ name }}`` in every text field of ``doc`` in place.

    Does nothing when the document declares no ``vars``.  Raises
    :class:`ContentErrors` listing every fault (all are reported at once),
    each under the lint code GW715.  ``text`` is the content file's text, for
    the places in messages (default: the file ``doc.path`` is read again).
    """
    if doc.vars is None:
        return
    values = dict(defaults or {})
    year = doc.date[:4] if doc.date[:4].isdigit() else ""
    if year:
        values.setdefault("year", year)
    values.update(doc.vars)
    locator = _Locator(doc.path, text, numbering_of_document(doc))
    errors: List[ContentError] = []
    budget = _Budget()
    for key, get, put in fields(doc):
        text = get()
        budget.spend(len(text), Place(doc.path, key=key, label=writer_path(key, locator.numbering)))
        if "{" not in text:
            continue
        found: List[ContentError] = []
        put(_expand(text, key, values, locator, found, budget))
        errors.extend(found[:MAX_ERRORS_PER_FIELD])
        if len(found) > MAX_ERRORS_PER_FIELD:
            rest = len(found) - MAX_ERRORS_PER_FIELD
            errors.append(ContentError(f"同一段中还有 {rest} 处类似问题", found[MAX_ERRORS_PER_FIELD].place,
                                       UNDEFINED_VARIABLE))
    if errors:
        raise ContentErrors(errors)


class _Budget:
    """Characters the document may hold after substitution: :data:`MAX_CHARS`, as when loading."""

    def __init__(self):
        self.left = MAX_CHARS

    def spend(self, n: int, place: Place) -> None:
        self.left -= n
        if self.left < 0:
            raise ContentErrors([ContentError(
                f"代入变量后全文超过 {MAX_CHARS // 10000} 万字的上限，已拒绝（变量的值过长，或用了太多次）",
                place, UNDEFINED_VARIABLE)])


def _expand(text: str, key: str, values: Dict[str, str], locator: "_Locator",
            errors: List[ContentError], budget: _Budget) -> str:
    def one(m: re.Match) -> str:
        raw = m.group(0)
        place = locator.place(raw, key)  # every tag is located: the n-th one asked is the n-th in the file

        def fault(message: str) -> str:
            errors.append(ContentError(message, place, UNDEFINED_VARIABLE))
            return raw

        if m.group("expr") is None:
            if raw.startswith("{%"):
                return fault(f"不支持“{_short(raw)}”这样的语句：文字中只能用 {{{{ 变量名 }}}}")
            if raw.startswith("{#"):
                return fault(f"不支持“{_short(raw)}”这样的注释：注释请写在 YAML 的 # 之后")
            return fault(f"“{_short(raw)}”缺少配对的“}}}}”：变量应写成 {{{{ 变量名 }}}}")
        name = _NAME.fullmatch(m.group("expr"))
        if name is None:
            return fault(f"“{_short(raw)}”不是变量名：{{{{ }}}} 中只能写一个变量名（英文字母、数字、下划线），"
                         "不支持属性、过滤器、函数或运算")
        name = name.group("name")
        if name not in values:
            known = "、".join(sorted(values)) or "（无）"
            import difflib  # only for a fault: 1.5 ms to import
            hint = difflib.get_close_matches(name, list(values), n=1, cutoff=0.6)
            tip = f"，是不是要写 {hint[0]}？" if hint else ""
            return fault(f"未定义的变量 {name}{tip}（vars 中已定义：{known}）")
        budget.spend(len(values[name]) - len(raw), place)
        return values[name]

    return _SYNTAX.sub(one, text)


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


class _Locator:
    """Finds the line and column of a tag in the content file, for messages.

    The model keeps no positions, so the n-th time a tag is asked for, its n-th
    occurrence in the file is given; the key path is always exact.
    """

    def __init__(self, path: str, text: Optional[str] = None, numbering: Optional[Numbering] = None):
        self.path, self.numbering = path, numbering
        self.last: Dict[str, int] = {}  # where each tag was last found: each search goes on from there
        self.starts: Optional[List[int]] = None  # offsets of line starts, made on first use
        if text is None and path:
            from gongwen.textio import decode_text, read_bytes

            try:
                text = decode_text(read_bytes(path), path)  # decoded as the loader decoded it
            except GongwenError:
                text = None
        # lines end as YAML ends them for the loader's places: CRLF and a lone CR too
        self.text = (text or "").replace("\r\n", "\n").replace("\r", "\n")

    def place(self, raw: str, key: str) -> Place:
        pos = self.text.find(raw, self.last.get(raw, -1) + 1)
        if pos < 0:
            pos = self.text.find(raw)
        self.last[raw] = pos
        label = writer_path(key, self.numbering)
        if pos < 0:
            return Place(self.path, key=key, label=label)
        if self.starts is None:
            self.starts = [0] + [i + 1 for i, c in enumerate(self.text) if c == "\n"]
        line = bisect.bisect_right(self.starts, pos)
        return Place(self.path, line, pos - self.starts[line - 1] + 1, key, label)


# --- every text field, with its key path ------------------------------------------


def fields(doc: Document) -> Iterator[Field]:
    """``(key path, get, put)`` for each text field of ``doc``, in reading order."""
    speech = doc.kind == "speech"
    family = doc.kind in FORMS
    head = doc.head
    if family:
        for attr in HEAD_LINE_KEYS:  # 份号 … 印发机关: one line each
            yield _attr(head, attr, attr)
        yield from _list(head.issuers, "issuer")
        yield from _list(head.signers, "signers")
    yield from _title(doc, "title")
    if speech:
        yield _attr(doc, "subtitle", "subtitle")
    yield _attr(doc, "byline", "speaker" if speech else "author")
    yield _attr(doc, "salutation", "salutation")
    yield from _list(doc.recipients, "recipients")
    if doc.reply_to is not None:
        yield _attr(doc.reply_to, "addressee", "reply_to.addressee")
        yield _attr(doc.reply_to, "title", "reply_to.title")
    yield from _list(doc.opening, "intro" if doc.kind == "report" else "opening")
    others = 0
    for section in doc.sections:
        if section.part in REPORT_PARTS and not speech and not family:
            key = section.part
        else:
            key = f"sections[{others}]"
            others += 1
        yield from _section(section, key)
    yield from _articles(doc.articles, doc.chapters, "")
    yield from _list(doc.closing, "closing")
    for key, names in doc.attendance.items():
        yield from _list(names, key)
    for i, attachment in enumerate(doc.attachments):
        where = f"attachments[{i}]"
        yield from _title(attachment, f"{where}.title")
        body = attachment.body
        yield from _list(body.opening, f"{where}.opening")
        for k, section in enumerate(body.sections):
            yield from _section(section, f"{where}.sections[{k}]")
        yield from _articles(body.articles, body.chapters, f"{where}.")
        yield from _list(body.closing, f"{where}.closing")
    yield from _list(doc.signature, "signature")
    yield _attr(doc, "note", "note")
    yield from _list(head.cc, "cc")


def _articles(articles, chapters, prefix: str) -> Iterator[Field]:
    for c, chapter in enumerate(chapters):
        yield _attr(chapter, "heading", f"{prefix}chapters[{c}].heading")
        for a, article in enumerate(chapter.articles):
            yield from _article(article, f"{prefix}chapters[{c}].articles[{a}]")
    for a, article in enumerate(articles):
        yield from _article(article, f"{prefix}articles[{a}]")


def _article(article, key: str) -> Iterator[Field]:
    yield from _list(article.text, f"{key}.text")
    yield from _list(article.points, f"{key}.points")


def _attr(obj, attr: str, key: str) -> Field:
    return key, lambda: getattr(obj, attr), lambda v: setattr(obj, attr, v)


def _title(obj, key: str) -> Iterator[Field]:
    """A title: one field, or one per line the writer set (the joined title follows them)."""
    lines = obj.title_lines
    if not lines:
        yield _attr(obj, "title", key)
        return

    def put(value: str, i: int) -> None:
        lines[i] = value
        obj.title = "".join(lines)

    for i in range(len(lines)):
        yield f"{key}[{i}]", (lambda i=i: lines[i]), (lambda v, i=i: put(v, i))


def _list(items: list, key: str) -> Iterator[Field]:
    """Each paragraph of ``items``; of a table, its caption, every cell and its notes."""
    for i in range(len(items)):
        if isinstance(items[i], str):
            yield f"{key}[{i}]", (lambda i=i: items[i]), (lambda v, i=i: items.__setitem__(i, v))
            continue
        table, where = items[i], f"{key}[{i}].table"
        yield _attr(table, "caption", f"{where}.caption")
        yield from _list(table.header, f"{where}.header")
        for r, row in enumerate(table.rows):
            yield from _list(row, f"{where}.rows[{r}]")
        yield from _list(table.notes, f"{where}.notes")


def _section(section: Section, key: str) -> Iterator[Field]:
    yield _attr(section, "heading", f"{key}.heading")
    yield from _list(section.paragraphs, f"{key}.paragraphs")
    yield from _series(section.series, key)
    yield from _list(section.after, f"{key}.after")
    for i, point in enumerate(section.points):
        yield from _point(point, f"{key}.points[{i}]")


def _point(point: Point, key: str) -> Iterator[Field]:
    yield _attr(point, "heading", f"{key}.heading")
    yield from _list(point.text, f"{key}.text")
    yield from _series(point.series, key)
    yield from _list(point.after, f"{key}.after")
    for i, child in enumerate(point.points):
        yield from _point(child, f"{key}.points[{i}]")


def _series(series: Optional[Series], key: str) -> Iterator[Field]:
    if series is None:
        return
    yield _attr(series, "lead_in", f"{key}.lead_in")
    for i, item in enumerate(series.items):
        if item.lead:
            yield _attr(item, "lead", f"{key}.items[{i}].lead")
            yield _attr(item, "text", f"{key}.items[{i}].text")
        else:
            yield _attr(item, "text", f"{key}.items[{i}]")
