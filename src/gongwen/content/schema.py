"""The content schema, listed once: kinds, the keys of every node, and what each key holds.

The loader validates against these tables, the dumper writes in their terms,
the draft reader (:mod:`gongwen.draft.yamlsource`) and ``gongwen new --from``
(:mod:`gongwen.importer.newdoc`) find the reader-visible text through them.
A key added here is known to all of them at once; ``docs/content-model.md``
describes the same tables for people.

Pure data: no YAML, no I/O (the command line imports it to list the kinds).
"""

from __future__ import annotations

from collections import namedtuple

from gongwen.spec.markers import SERIES_STYLES as _MARKER_SERIES_STYLES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, Optional, Tuple

#: What a writer calls each kind (``kind: 通知`` or ``kind: notice``), in the order lists show them.
KIND_NAMES: Dict[str, str] = {
    "speech": "讲话稿", "report": "调研报告",
    "notice": "通知", "request": "请示", "work_report": "报告", "letter": "函", "minutes": "纪要",
    "opinion": "意见", "plan": "方案", "measures": "办法", "provisions": "规定", "rules": "细则",
    "approval": "批复", "reply_letter": "复函",
}
#: Document kinds (ASCII names), in that order.
KINDS: Tuple[str, ...] = tuple(KIND_NAMES)
#: Every way a kind may be written: its Chinese name or its ASCII name.
KIND_WORDS: Dict[str, str] = {**{k: k for k in KINDS}, **{name: k for k, name in KIND_NAMES.items()}}
#: How messages list the kinds: ``讲话稿（speech）、调研报告（report）……``.
KIND_CHOICES = "、".join(f"{KIND_NAMES[k]}（{k}）" for k in KINDS)


class Form(namedtuple("Form", "layout upward one_recipient articles reply mark_suffix",
                      defaults=("file", False, False, False, False, "文件"))):
    """What a kind of the red-header family decides; the elements are shared by all of them.

    ``layout``: ``file`` (文件格式: red 发文机关标志 + 文件, 发文字号, red separator),
    ``letter`` (信函格式: red double lines, 发文字号 flush right, page 1 unnumbered, no 印发 line),
    ``minutes`` (纪要格式: 纪要标志, attendance lists).
    ``upward``: 上行文 (签发人 in the 版头, 发文字号 flush left). ``one_recipient``: a single 主送.
    ``articles``: the body may be articles (第一章 … 第一条). ``reply``: cites the incoming document.
    ``mark_suffix``: what follows the issuer's name in the default 发文机关标志.
    """

    __slots__ = ()


FORMS: Dict[str, Form] = {
    "notice": Form(),
    "request": Form(upward=True, one_recipient=True),
    "work_report": Form(upward=True),
    "letter": Form(layout="letter", mark_suffix=""),
    "minutes": Form(layout="minutes", mark_suffix="纪要"),
    "opinion": Form(),
    "plan": Form(),
    "measures": Form(articles=True),
    "provisions": Form(articles=True),
    "rules": Form(articles=True),
    "approval": Form(reply=True),
    "reply_letter": Form(layout="letter", reply=True, mark_suffix=""),
}
#: The red-header family: every kind with a :class:`Form`.
FAMILY: Tuple[str, ...] = tuple(FORMS)
#: Built-in template of each kind.
TEMPLATE_OF: Dict[str, str] = {"speech": "speech", "report": "report",
                               **{k: ("letter" if f.layout == "letter" else "redhead") for k, f in FORMS.items()}}


def kind_of(written: str) -> Optional[str]:
    """The kind ``kind:`` names, written in Chinese (``讲话稿``) or ASCII (``speech``); None if none."""
    return KIND_WORDS.get(str(written).strip())

#: A report's three parts, in reading order, with the heading each gets when it has none.
REPORT_PARTS: Dict[str, str] = {
    "achievements": "主要做法及成效",
    "problems": "存在的问题",
    "recommendations": "意见和建议",
}
#: How a ``一是…二是…`` series may be set (``series:``); the first is the default.
SERIES_STYLES: Tuple[str, ...] = tuple(_MARKER_SERIES_STYLES)

# --- the keys of each node type, in the order messages list them -------------------------

#: Keys every document may have; ``kind`` and ``title`` are required.
COMMON_KEYS: Tuple[str, ...] = ("kind", "title", "template", "date", "vars")
REQUIRED_KEYS: Tuple[str, ...] = ("kind", "title")
SPEECH_KEYS: Tuple[str, ...] = COMMON_KEYS + ("subtitle", "speaker", "salutation", "opening", "sections",
                                              "closing")
REPORT_KEYS: Tuple[str, ...] = (COMMON_KEYS + ("author", "intro") + tuple(REPORT_PARTS)
                                + ("sections", "closing", "signature"))
#: The 版头 (GB/T 9704 7.2), in reading order.
HEAD_KEYS: Tuple[str, ...] = ("copy_number", "secrecy", "urgency", "issuer", "mark", "doc_number", "signers")
#: The body of a red-header document, and of each of its attachments.
BODY_PART_KEYS: Tuple[str, ...] = ("opening", "sections", "articles", "chapters", "closing")
#: The 版记 (7.4).
RECORD_KEYS: Tuple[str, ...] = ("cc", "printer", "printed")
#: Ways a body is structured (one per body): sections (一、), articles (第一条), chapters (第一章).
STRUCTURE_KEYS: Tuple[str, ...] = ("sections", "articles", "chapters")
#: 版头 and 版记 keys whose value is one line of text.
HEAD_LINE_KEYS: Tuple[str, ...] = ("copy_number", "secrecy", "urgency", "mark", "printer")
#: Top-level keys of every red-header kind: 版头, 主体, 版记, in reading order.
FAMILY_KEYS: Tuple[str, ...] = (COMMON_KEYS + HEAD_KEYS + ("recipients", "reply_to") + BODY_PART_KEYS
                                + ("present", "absent", "observers", "attachments", "signature", "seal",
                                   "note") + RECORD_KEYS)
#: Keys of a series, allowed in sections and points (``items`` is the series itself).
SERIES_KEYS: Tuple[str, ...] = ("items", "inline", "series", "lead_in", "after")
SECTION_KEYS: Tuple[str, ...] = ("heading", "paragraphs", "points") + SERIES_KEYS
POINT_KEYS: Tuple[str, ...] = ("heading", "text", "run_in", "points") + SERIES_KEYS
#: Keys of an item written as a mapping (an item may also be one string).
ITEM_KEYS: Tuple[str, ...] = ("lead", "text")
#: An attachment (附件): its title (listed in the 附件说明) and, optionally, its own body.
ATTACHMENT_KEYS: Tuple[str, ...] = ("title",) + BODY_PART_KEYS
#: A chapter (第一章 …) of a body made of articles; an article (第一条 …) written as a mapping.
CHAPTER_KEYS: Tuple[str, ...] = ("heading", "articles")
ARTICLE_KEYS: Tuple[str, ...] = ("text", "points")
#: The incoming document a 批复 or 复函 answers; a 发文字号 written as parts.
REPLY_KEYS: Tuple[str, ...] = ("addressee", "title", "number")
DOC_NUMBER_KEYS: Tuple[str, ...] = ("code", "year", "serial")
#: A table, written as an entry ``- table: {…}`` of ``paragraphs``, ``text``, ``after`` or ``opening``:
#: its caption (表题), header row, rows, notes under it (注、资料来源) and each column's alignment.
TABLE_KEY = "table"
TABLE_KEYS: Tuple[str, ...] = ("caption", "header", "rows", "notes", "align")
#: Paragraph lists that may hold tables (the others — closing, an article's text and points — may not).
TABLE_HOLDERS = frozenset({"opening", "intro", "paragraphs", "text", "after"})
#: ``align:`` of a column, in Chinese or ASCII: left, center, right.
ALIGN_WORDS: Dict[str, str] = {"left": "left", "center": "center", "right": "right",
                               "左": "left", "中": "center", "居中": "center", "右": "right"}
#: ``seal:`` for a document signed with the 签发人签名章 (命令 and the like) instead of a seal.
SIGNATURE_STAMP = "签名章"
#: The attendance lists of a 纪要, and how each is labelled.
ATTENDANCE: Dict[str, str] = {"present": "出席", "absent": "请假", "observers": "列席"}

#: Top-level keys of each kind.
DOCUMENT_KEYS: Dict[str, Tuple[str, ...]] = {"speech": SPEECH_KEYS, "report": REPORT_KEYS,
                                             **{k: FAMILY_KEYS for k in FORMS}}
#: Keys of every node type (a report part is a section).
NODE_KEYS: Dict[str, Tuple[str, ...]] = {**DOCUMENT_KEYS, "section": SECTION_KEYS, "point": POINT_KEYS,
                                         "item": ITEM_KEYS, "attachment": ATTACHMENT_KEYS,
                                         "chapter": CHAPTER_KEYS, "article": ARTICLE_KEYS,
                                         "reply_to": REPLY_KEYS, "doc_number": DOC_NUMBER_KEYS,
                                         "entry": (TABLE_KEY,), "table": TABLE_KEYS}

# --- what each key holds ----------------------------------------------------------------

#: Keys whose values are text a reader sees: one string, or (``opening``, ``paragraphs``, ``text``…)
#: a list of strings or a string with a paragraph per line.
TEXT_KEYS = frozenset({"title", "subtitle", "speaker", "author", "salutation", "opening", "intro", "closing",
                       "heading", "paragraphs", "text", "lead", "lead_in", "after",
                       "copy_number", "secrecy", "urgency", "issuer", "mark", "doc_number", "signers",
                       "recipients", "addressee", "number", "code", "serial", "present", "absent", "observers",
                       "signature", "note", "cc", "printer", "caption", "header", "notes"})
#: Keys whose values hold nested content: a section (a report part) or a list of sections or points,
#: attachments, chapters, articles, the document a reply cites.
NESTED_KEYS = frozenset({"sections", "points", *REPORT_PARTS, "attachments", "chapters", "articles",
                         "reply_to", TABLE_KEY, "rows"})
#: The key of a series: a list whose entries are text (a string) or nested (``{lead, text}``).
ITEMS_KEY = "items"
#: Keys that set how content is made, not what it says (never text a reader sees).
SETTING_KEYS = frozenset({"kind", "template", "date", "vars", "run_in", "inline", "series", "seal", "printed",
                          "year", "align"})
#: Keys whose value is a title: one line, or the lines the writer sets (a list, or a string with a
#: line break between lines); gongwen breaks a one-line title itself (:mod:`gongwen.builder.titles`).
TITLE_LINES_KEYS = frozenset({"title"})
#: Keys whose value is paragraphs (a list of strings, or a string with a paragraph per line).
PARAGRAPHS_KEYS = frozenset({"opening", "intro", "closing", "paragraphs", "text", "after"})
#: Keys whose value is names: one string, or a list joined as the kind of list requires
#: (主送 with 、, 抄送 with ，, attendance with 、).
NAMES_KEYS = frozenset({"issuer", "signers", "recipients", "cc", "present", "absent", "observers", "signature"})
#: Top-level keys that hold the body (after the header lines: title, speaker, date …).
BODY_KEYS: Tuple[str, ...] = ("recipients", "opening", "intro", *REPORT_PARTS, "sections", "articles",
                              "chapters", "closing", "attachments", "cc")

#: Deepest heading level: 一、（一）1.（1）.
MAX_LEVEL = 4

#: Names of value shapes in messages (``应为文字，实际是列表``).
TYPE_NAMES: Dict[str, str] = {"text": "文字", "paragraphs": "段落（文字或文字列表）", "list": "列表",
                              "mapping": "键值（映射）", "bool": "true 或 false"}


def all_keys() -> frozenset:
    """Every key of every node type."""
    return frozenset(k for keys in NODE_KEYS.values() for k in keys)
