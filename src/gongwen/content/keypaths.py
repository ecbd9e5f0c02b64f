"""Key paths in the writer's terms: ``sections[2].points[2].heading`` → ``第三部分（三）的标题``.

The loader, the variables, the tables and the content lint rules name every
place by its YAML key path (``problems.points[0].text[1]``): exact, but English
and counted from zero.  :func:`writer_path` says the same place as a writer
counts it in the printed document — parts ``第一部分``, points by their
markers ``（三）`` ``2.`` ``（1）``, paragraphs ``第3段``, attachments ``附件2``,
chapters and articles ``第二章 第五条``, table cells ``表格第4行第3格`` — all
1-based.  The YAML line and column stay in front of every message for editors.

A :class:`Numbering` (from the composed YAML, :func:`numbering_of`, or from a
loaded document, :func:`numbering_of_document`) makes the numbers the ones
printed: a report's sections come after its three parts, articles run on
through the chapters.  Without one the numbers count within their own list.
Pure: no I/O; a key path it does not know is shown as written.
"""

from __future__ import annotations

import re
from typing import Dict, List, NamedTuple, Optional, Union

from gongwen.content.schema import NAMES_KEYS, REPORT_PARTS, kind_of
from gongwen.spec.markers import format_marker
from gongwen.spec.numerals import to_chinese

#: What a writer calls each key (top-level keys are shown with the key itself: ``成文日期（date）``).
KEY_NAMES: Dict[str, str] = {
    "kind": "文种", "title": "标题", "template": "模板", "date": "日期", "vars": "变量", "subtitle": "副标题",
    "speaker": "讲话人", "author": "作者", "salutation": "称呼", "opening": "开头", "intro": "开头",
    "sections": "正文各部分", "closing": "结尾", "signature": "署名", "copy_number": "份号", "secrecy": "密级",
    "urgency": "紧急程度", "issuer": "发文机关", "mark": "发文机关标志", "doc_number": "发文字号",
    "signers": "签发人", "recipients": "主送机关", "reply_to": "所复来文", "articles": "条文", "chapters": "各章",
    "present": "出席人员", "absent": "请假人员", "observers": "列席人员", "attachments": "附件", "seal": "印章",
    "note": "附注", "cc": "抄送机关", "printer": "印发机关", "printed": "印发日期",
    "heading": "标题", "paragraphs": "段落", "text": "正文", "points": "下一级标题", "items": "分项",
    "inline": "分项连排设置（inline）", "series": "分项序号（series）", "lead_in": "分项引语", "after": "分项后的段落",
    "run_in": "标题接排设置（run_in）", "lead": "提要", "addressee": "来文机关称谓", "number": "来文字号",
    "code": "机关代字", "year": "年份", "serial": "序号", "caption": "表题", "header": "表头", "rows": "各行",
    "notes": "表注", "align": "对齐方式", "table": "表格",
}
#: Lists of paragraphs: how one of them is named where it stands (``开头第2段``; in a part, ``第2段``).
_PARAGRAPH_LISTS: Dict[str, str] = {"opening": "开头", "intro": "开头", "closing": "结尾", "after": "分项后的",
                                    "paragraphs": "", "text": ""}
_TOKEN = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


class Numbering(NamedTuple):
    """What the printed numbers depend on beyond the key path.

    ``parts``: report parts before the sections (they are numbered first);
    ``article_starts``: for each body (``""`` or ``attachments[0].``), the number of the
    first article of each chapter, less one.
    """

    parts: int = 0
    article_starts: Dict[str, List[int]] = {}


def writer_path(key: str, numbering: Optional[Numbering] = None) -> str:
    """``key`` (a key path such as ``sections[2].points[2].heading``) in the writer's terms."""
    tokens: List[Union[str, int]] = [int(i) if i else name for i, name in _TOKEN.findall(key or "")]
    if not tokens:
        return ""
    numbering = numbering or Numbering()
    if len(tokens) == 1 and isinstance(tokens[0], str) and tokens[0] not in REPORT_PARTS:
        name = tokens[0]
        return f"{KEY_NAMES[name]}（{name}）" if name in KEY_NAMES and name not in ("table",) else name
    return _Reader(tokens, numbering).read()


class _Reader:
    """One pass over the tokens of a key path, naming each step from where it stands."""

    def __init__(self, tokens: List[Union[str, int]], numbering: Numbering):
        self.tokens, self.numbering = tokens, numbering
        self.out = ""
        self.state = "doc"  # doc, attachment, section, point, item, chapter, article, table, vars, other
        self.level = 0
        self.body = ""  # the body articles are numbered in: "" or "attachments[i]."
        self.chapter: Optional[int] = None
        self.followed_by_table = False  # the entry being read is a table (``paragraphs[1].table``)

    def read(self) -> str:
        i, tokens = 0, self.tokens
        while i < len(tokens):
            token = tokens[i]
            index = tokens[i + 1] if i + 1 < len(tokens) and isinstance(tokens[i + 1], int) else None
            if not isinstance(token, str):
                self.add(f"第{token + 1}项")
                i += 1
            elif self.state == "table" and token == "rows" and index is not None:
                self.out += f"第{index + 1}行"
                cell = tokens[i + 2] if i + 2 < len(tokens) and isinstance(tokens[i + 2], int) else None
                if cell is not None:
                    self.out += f"第{cell + 1}格"
                i += 2 if cell is None else 3
            else:
                self.followed_by_table = index is not None and i + 2 < len(tokens) and tokens[i + 2] == "table"
                i += self.step(token, index)
        return self.out

    def add(self, words: str, joint: str = "的") -> int:
        self.out = f"{self.out}{joint}{words}" if self.out else words
        return 1

    def step(self, name: str, index: Optional[int]) -> int:
        state = self.state
        if state == "vars":
            self.state = "other"
            return self.add(name, " ")
        if state == "table":
            return self.table(name, index)
        if name == "table":
            self.state = "table"
            return self.add("表格")
        if index is None:
            if state == "doc" and name in REPORT_PARTS:
                self.state, self.level = "section", 1
                return self.add(f"“{REPORT_PARTS[name]}”部分")
            if state == "doc" and name == "vars":
                self.state = "vars"
                return self.add("变量")
            if state == "article" and name == "text":
                return self.add("正文")
            return self.add(KEY_NAMES.get(name, name))
        n = index + 1
        if name == "sections" and state in ("doc", "attachment"):
            self.state, self.level = "section", 1
            n += self.numbering.parts if state == "doc" else 0
            self.add(f"第{to_chinese(n)}部分", " ")
        elif name == "attachments" and state == "doc":
            self.state, self.body = "attachment", f"attachments[{index}]."
            self.add(f"附件{n}")
        elif name == "chapters" and state in ("doc", "attachment"):
            self.state, self.chapter = "chapter", index
            self.add(f"第{to_chinese(n)}章", " ")
        elif name == "articles" and state in ("doc", "attachment", "chapter"):
            self.article(index)
        elif name == "points" and state in ("section", "point") and self.level < 4:
            self.state, self.level = "point", self.level + 1
            self.out += format_marker(self.level, n)
        elif name == "points" and state == "article":
            self.state = "other"
            self.out += f"第{format_marker(2, n)}项"
        elif name == "items" and state in ("section", "point"):
            self.state = "item"
            self.add(f"第{n}个分项")
        elif name == "text" and state == "article":
            self.state = "other"
            self.out += f"第{n}款"
        elif name in _PARAGRAPH_LISTS and self.followed_by_table:
            self.state = "other"  # the table is named next; the line and column tell which one
            if _PARAGRAPH_LISTS[name]:
                self.add(_PARAGRAPH_LISTS[name].rstrip("的"))
        elif name in _PARAGRAPH_LISTS:
            self.state = "other"
            self.add(f"{_PARAGRAPH_LISTS[name]}第{n}段")
        elif name == "title":
            self.add(f"标题第{n}行")
        elif name in NAMES_KEYS:
            self.add(f"{KEY_NAMES[name]}第{n}个")
        else:
            self.add(f"{KEY_NAMES.get(name, name)}第{n}项")
        return 2

    def article(self, index: int) -> None:
        starts = self.numbering.article_starts.get(self.body, [])
        if self.state == "chapter" and self.chapter is not None and self.chapter >= len(starts):
            self.add(f"第{index + 1}条")  # numbered on from earlier chapters: not known here
        else:
            first = starts[self.chapter] if self.state == "chapter" and self.chapter is not None else 0
            self.add(f"第{to_chinese(first + index + 1)}条", " ")
        self.state = "article"

    def table(self, name: str, index: Optional[int]) -> int:
        if index is None:
            return self.add(KEY_NAMES.get(name, name))
        n = index + 1
        if name == "header":
            self.out += f"表头第{n}格"
        elif name == "notes":
            self.add(f"第{n}条注")
        elif name == "align":
            self.out += f"第{n}列的对齐方式"
        else:
            self.add(f"{KEY_NAMES.get(name, name)}第{n}项")
        return 2


def numbering_of(root) -> Numbering:
    """The :class:`Numbering` of composed content (its root node; anything else gives none)."""
    fields = _mapping(root)
    parts = 0
    kind = fields.get("kind")
    if kind is not None and kind_of(str(getattr(kind, "value", ""))) == "report":
        parts = sum(1 for part in REPORT_PARTS if part in fields)
    starts = {"": _starts(fields.get("chapters"))}
    attachments = fields.get("attachments")
    for i, node in enumerate(getattr(attachments, "value", None) or [] if _is(attachments, "seq") else []):
        starts[f"attachments[{i}]."] = _starts(_mapping(node).get("chapters"))
    return Numbering(parts, starts)


def numbering_of_document(doc) -> Numbering:
    """The :class:`Numbering` of a loaded :class:`~gongwen.content.model.Document`."""
    parts = sum(1 for s in doc.sections if s.part in REPORT_PARTS) if doc.kind == "report" else 0
    starts = {"": _counted([len(c.articles) for c in doc.chapters])}
    for i, attachment in enumerate(doc.attachments):
        starts[f"attachments[{i}]."] = _counted([len(c.articles) for c in attachment.body.chapters])
    return Numbering(parts, starts)


def _starts(chapters) -> List[int]:
    if not _is(chapters, "seq"):
        return []
    return _counted([len(a.value) if _is(a, "seq") else 0
                     for a in (_mapping(c).get("articles") for c in chapters.value)])


def _counted(counts: List[int]) -> List[int]:
    out, total = [], 0
    for count in counts:
        out.append(total)
        total += count
    return out


def _is(node, kind: str) -> bool:
    return getattr(node, "tag", "") == f"tag:yaml.org,2002:{kind}"


def _mapping(node) -> Dict[str, object]:
    if not _is(node, "map"):
        return {}
    return {k.value: v for k, v in node.value if isinstance(getattr(k, "value", None), str)}
