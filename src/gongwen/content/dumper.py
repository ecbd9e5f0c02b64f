"""Content model → YAML for people (``gongwen import``, ``gongwen new --from``).

The YAML a writer keeps must read like the examples in ``content/``: block
style, Chinese as Chinese (no ``\\uXXXX``), ``kind`` in Chinese (``kind: 通知``),
keys in the order of docs/content-model.md (for the red-header family, the
order of :data:`~gongwen.content.schema.FAMILY_KEYS`: 版头, 主体, 版记), one
paragraph per list entry on one line (editors wrap long lines; a YAML folded
scalar would put spaces between Chinese lines), and a blank line between the
top-level parts.  Defaults are left out (a report part's default heading,
``inline: false``, ``series: 一是``, an empty 版头).

:func:`dump` output loads back with :mod:`gongwen.content.loader` to an equal model;
tests check this on real documents, on every key of the schema and on random text.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

import yaml

from gongwen.content.model import (Article, Attachment, Block, Body, Chapter, Document, Item, Point, Section,
                                   Series, Table)
from gongwen.content.schema import (ATTENDANCE, BODY_KEYS, BODY_PART_KEYS, FAMILY_KEYS, FORMS, KIND_NAMES,
                                    REPORT_PARTS, SERIES_STYLES)


class _Dumper(yaml.SafeDumper):
    """Block style with sequences indented under their key, as people write them."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)

    def ignore_aliases(self, data):
        return True


class _Row(list):
    """A table row: written on one line (``[城关镇, '12000', 3.2%]``), as people type rows."""


_FIGURE_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


def _represent_row(dumper, row):
    """A row in flow style; a cell YAML reads as a number is written bare (``12000``, not
    ``'12000'``): the loader keeps a number's text as typed, so it loads back the same."""
    cells = []
    for cell in row:
        tag = dumper.resolve(yaml.ScalarNode, cell, (True, False))
        cells.append(yaml.ScalarNode(tag, cell) if tag in _FIGURE_TAGS else dumper.represent_data(cell))
    return yaml.SequenceNode("tag:yaml.org,2002:seq", cells, flow_style=True)


_Dumper.add_representer(_Row, _represent_row)


#: What the loader splits a string of names at (content.family): a name holding one stays a list entry.
_NAME_SEPARATORS = re.compile(r"[、，,；;]")


def _text(paragraphs: List[Block]) -> Any:
    """One paragraph as a string, several (or a table) as a list."""
    if len(paragraphs) == 1 and isinstance(paragraphs[0], str):
        return paragraphs[0]
    return _blocks(paragraphs)


def _blocks(blocks: List[Block]) -> List[Any]:
    """Paragraphs as strings, tables as ``{table: {caption, header, rows, notes, align}}``."""
    return [b if isinstance(b, str) else {"table": _table(b)} for b in blocks]


def _table(table: Table) -> Dict[str, Any]:
    values = {"caption": table.caption, "header": _Row(table.header), "rows": [_Row(r) for r in table.rows],
              "notes": _text(table.notes) if table.notes else "", "align": _Row(table.align)}
    return {k: v for k, v in values.items() if v not in ("", [], None)}


def _names(names: List[str], joiner: str = "、") -> Any:
    """Names as one string joined by ``joiner`` when the loader splits it back to the same names;
    ``joiner=""`` (names printed one per line: issuers, 签发人, 署名): a list when there are several."""
    if len(names) == 1 and not _NAME_SEPARATORS.search(names[0]) and not names[0].endswith(("。", "：", ":")):
        return names[0]
    if joiner and not any(_NAME_SEPARATORS.search(n) or n.endswith(("。", "：", ":")) for n in names):
        return joiner.join(names)
    return list(names)


def _recipients(names: List[str]) -> Any:
    """主送: one string as typed (the loader keeps it whole, its 、 and ， included), or a list."""
    if len(names) == 1 and not names[0].endswith(("。", "：", ":")):
        return names[0]
    return list(names)


def _series(series: Optional[Series], after: List[Block], out: Dict[str, Any]) -> None:
    if not series:
        return
    out["items"] = [_item(i) for i in series.items]
    if series.inline:
        out["inline"] = True
    if series.style != SERIES_STYLES[0]:
        out["series"] = series.style
    if series.lead_in:
        out["lead_in"] = series.lead_in
    if after:
        out["after"] = _blocks(after)


def _item(item: Item) -> Any:
    if not item.lead:
        return item.text
    out: Dict[str, Any] = {"lead": item.lead}
    if item.text:
        out["text"] = item.text
    return out


def _point(point: Point) -> Dict[str, Any]:
    out: Dict[str, Any] = {"heading": point.heading}
    if point.text:
        out["text"] = _text(point.text)
    if point.run_in is not None:
        out["run_in"] = point.run_in
    if point.points:
        out["points"] = [_point(p) for p in point.points]
    _series(point.series, point.after, out)
    return out


def _section(section: Section, default_heading: str = "") -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    if section.heading != default_heading:
        out["heading"] = section.heading
    if section.paragraphs:
        out["paragraphs"] = _blocks(section.paragraphs)
    if section.points:
        out["points"] = [_point(p) for p in section.points]
    _series(section.series, section.after, out)
    return out


def _article(article: Article) -> Any:
    if not article.points and len(article.text) == 1:
        return article.text[0]
    out: Dict[str, Any] = {"text": _text(article.text)}
    if article.points:
        out["points"] = list(article.points)
    return out


def _chapter(chapter: Chapter) -> Dict[str, Any]:
    return {"heading": chapter.heading, "articles": [_article(a) for a in chapter.articles]}


def _body(body: Body) -> Dict[str, Any]:
    """A body's keys (opening, sections, articles, chapters, closing), in the schema's order."""
    values = {"opening": _blocks(body.opening), "sections": [_section(s) for s in body.sections],
              "articles": [_article(a) for a in body.articles], "chapters": [_chapter(c) for c in body.chapters],
              "closing": list(body.closing)}
    return {key: values[key] for key in BODY_PART_KEYS if values[key]}


def _attachment(attachment: Attachment) -> Any:
    body = _body(attachment.body)
    if attachment.title_lines:
        return {"title": list(attachment.title_lines), **body}
    return {"title": attachment.title, **body} if body else attachment.title


def _family(doc: Document) -> Dict[str, Any]:
    """The keys of a red-header document, by name (ordered by :data:`FAMILY_KEYS` afterwards)."""
    head = doc.head
    values: Dict[str, Any] = {
        "copy_number": head.copy_number, "secrecy": head.secrecy, "urgency": head.urgency,
        "issuer": _names(head.issuers, ""), "mark": head.mark, "doc_number": head.doc_number,
        "signers": _names(head.signers, ""), "recipients": _recipients(doc.recipients),
        "attachments": [_attachment(a) for a in doc.attachments], "signature": _names(doc.signature, ""),
        "note": doc.note, "cc": _names(head.cc, "，"), "printer": head.printer, "printed": head.printed,
    }
    if doc.reply_to is not None:
        reply = doc.reply_to
        values["reply_to"] = {**({"addressee": reply.addressee} if reply.addressee else {}), "title": reply.title,
                              **({"number": reply.number} if reply.number else {})}
    values.update(_body(doc.body))
    for key in ATTENDANCE:
        values[key] = _names(doc.attendance.get(key, []))
    if doc.seal is not None:
        values["seal"] = doc.seal
    return {k: v for k, v in values.items() if v not in ("", [], None)}


def to_data(doc: Document) -> Dict[str, Any]:
    """The document as plain data, keys in the documented order."""
    speech = doc.kind == "speech"
    out: Dict[str, Any] = {"kind": KIND_NAMES.get(doc.kind, doc.kind), "title": list(doc.title_lines) or doc.title}
    if doc.subtitle:
        out["subtitle"] = doc.subtitle
    if doc.template:
        out["template"] = doc.template
    if doc.byline and doc.kind not in FORMS:
        out["speaker" if speech else "author"] = doc.byline
    if doc.date:
        out["date"] = doc.date
    if doc.vars is not None:
        out["vars"] = {k: (int(v) if v.isdigit() and v == str(int(v)) else v) for k, v in doc.vars.items()}
    if doc.kind in FORMS:
        family = _family(doc)
        out.update((key, family[key]) for key in FAMILY_KEYS if key in family)
        return out
    if speech and doc.salutation:
        out["salutation"] = doc.salutation
    if doc.opening:
        out["opening" if speech else "intro"] = _blocks(doc.opening)
    rest = []
    for section in doc.sections:
        if not speech and section.part in REPORT_PARTS:
            out[section.part] = _section(section, REPORT_PARTS[section.part])
        else:
            rest.append(_section(section))
    if rest:
        out["sections"] = rest
    if doc.closing:
        out["closing"] = list(doc.closing)
    if not speech and doc.signature:
        out["signature"] = _names(doc.signature, "")
    return out


#: Top-level keys that open a part of the document (a blank line before them).
_SPACED = tuple(dict.fromkeys(BODY_KEYS + tuple(ATTENDANCE) + ("signature",)))


def dump(doc: Document, header: str = "") -> str:
    """YAML text for ``doc``; ``header`` (lines) is written first as ``#`` comments."""
    text = yaml.dump(to_data(doc), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=2 ** 30, indent=2)
    lines = []
    for line in text.splitlines():
        if line.split(":", 1)[0] in _SPACED and lines and lines[-1] != "":
            lines.append("")
        lines.append(line)
    comments = [f"# {h}".rstrip() for h in header.splitlines()] if header else []
    return "\n".join(comments + lines) + "\n"
