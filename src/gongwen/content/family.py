"""Walking the keys of the red-header family (通知, 请示, 函, 纪要, 办法 …) into the model.

The shared keys of a section, a point and a series are walked by the loader
(:mod:`gongwen.content.loader`), which mixes this in; this module walks what
only the family has: the 版头 (份号 … 签发人), 主送, the cited incoming document
of a reply, bodies made of articles and chapters, attachments, 署名 and 附注,
the attendance lists of a 纪要, and the 版记.  Every kind's constraint that is
a fact of the content (a 请示 has one 主送) is checked here, with its place.
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

import yaml

from gongwen.content import faults
from gongwen.content.model import Article, Attachment, Body, Chapter, Document, Reply
from gongwen.content.schema import (ARTICLE_KEYS, ATTACHMENT_KEYS, ATTENDANCE, CHAPTER_KEYS, DOC_NUMBER_KEYS,
                                    FORMS, HEAD_LINE_KEYS, REPLY_KEYS, SIGNATURE_STAMP,
                                    STRUCTURE_KEYS)
from gongwen.content.shapes import ShapeWalker
from gongwen.spec import docnumber

#: Separators people type between names in one string: 、，, ; and blanks around them.
_NAME_SPLIT = re.compile(r"\s*[、，,；;]\s*")
#: 密级 as the standard writes them, with an optional 保密期限 after ★.
_SECRECY = re.compile(r"(绝密|机密|秘密)(★\S+)?")
_URGENCY = ("特急", "加急", "特提", "平急")


class FamilyWalker(ShapeWalker):
    """The family's keys; ``section`` (and the shared walkers) come from the loader's walker."""

    def family(self, doc: Document, fields: Dict[str, tuple]) -> None:
        form = FORMS[doc.kind]
        head = doc.head
        for name in HEAD_LINE_KEYS:
            if name in fields:
                setattr(head, name, self.text(fields[name][1], name, 1, required=True))
        if head.copy_number and not re.fullmatch(r"\d{1,6}", head.copy_number):
            self.error(fields["copy_number"][1], "copy_number", "份号用阿拉伯数字，最多 6 位（如 000123）",
                       faults.INVALID_VALUE)
        head.copy_number = head.copy_number.zfill(6) if head.copy_number.isdigit() else head.copy_number
        if head.secrecy and not _SECRECY.fullmatch(head.secrecy):
            self.error(fields["secrecy"][1], "secrecy", "密级写作“绝密”“机密”“秘密”，保密期限接在★后，如“机密★1年”",
                       faults.INVALID_VALUE)
        if head.urgency and head.urgency not in _URGENCY:
            self.error(fields["urgency"][1], "urgency", f"紧急程度只能是 {'、'.join(_URGENCY[:2])}",
                       faults.INVALID_VALUE)
        if "issuer" in fields:
            head.issuers = self.names(fields["issuer"][1], "issuer")
        if "doc_number" in fields:
            head.doc_number = self.doc_number(fields["doc_number"][1])
        if "signers" in fields:
            head.signers = self.names(fields["signers"][1], "signers")
            if not form.upward:
                self.error(fields["signers"][0], "signers", "签发人只用于上行文（请示、报告）", faults.INVALID_VALUE)
        if "recipients" in fields:
            node = fields["recipients"][1]
            doc.recipients = self.names(node, "recipients", split=False)
            count = sum(len([n for n in _NAME_SPLIT.split(r) if n]) for r in doc.recipients)
            if form.one_recipient and count > 1:
                self.error(node, "recipients", f"请示只写一个主送机关（现有 {count} 个）：其他机关如需知道，写在抄送（cc）里",
                           faults.INVALID_VALUE)
        if "reply_to" in fields:
            if form.reply:
                doc.reply_to = self.reply(fields["reply_to"][1])
            else:
                self.error(fields["reply_to"][0], "reply_to", "reply_to（所答复的来文）只用于批复和复函",
                           faults.INVALID_VALUE)
        body = self.body(fields, "", 1, form.articles)
        doc.opening, doc.sections, doc.closing = body.opening, body.sections, body.closing
        doc.articles, doc.chapters = body.articles, body.chapters
        for key, label in ATTENDANCE.items():
            if key in fields:
                if form.layout != "minutes":
                    self.error(fields[key][0], key, f"{label}名单只用于纪要", faults.INVALID_VALUE)
                doc.attendance[key] = self.names(fields[key][1], key)
        if "attachments" in fields:
            doc.attachments = [a for a in self.sequence(fields["attachments"][1], "attachments", 1,
                                                        self.attachment) if a]
        if "signature" in fields:
            doc.signature = self.names(fields["signature"][1], "signature")
        if "seal" in fields:
            node = fields["seal"][1]
            if isinstance(node, yaml.ScalarNode) and node.value == SIGNATURE_STAMP:
                doc.seal = SIGNATURE_STAMP
            else:
                doc.seal = self.boolean(node, "seal", 1)
        if "note" in fields:
            note = self.text(fields["note"][1], "note", 1, required=True)
            doc.note = note if note.startswith(("（", "(")) else f"（{note}）"
        if "cc" in fields:
            head.cc = self.names(fields["cc"][1], "cc")
        if "printed" in fields:
            head.printed = self.date(fields["printed"][1], "printed")
        if not body and not doc.attendance:
            self.error(fields.get("title", (None, None))[1] or next(iter(fields.values()))[1], "opening",
                       "没有正文：至少需要 opening、sections、articles、chapters 或 closing 之一", faults.WRONG_TYPE)

    def names(self, node, key: str, split: bool = True) -> List[str]:
        """Names: a list of strings, or one string split at 、，(``split=False``: kept as typed, as a
        主送 with its own commas between groups: 各乡镇人民政府，县政府各部门).  """
        if isinstance(node, yaml.SequenceNode):
            return [n for n in self.sequence(node, key, 1, lambda c, k, d: self.text(c, k, d, required=True)) if n]
        text = self.text(node, key, 1, required=True).rstrip("。：:")
        return [n for n in _NAME_SPLIT.split(text) if n] if split else ([text] if text else [])

    def doc_number(self, node) -> str:
        """A 发文字号 written whole or as ``{code, year, serial}``, in the standard's form."""
        if isinstance(node, yaml.MappingNode):
            fields = self.mapping(node, "doc_number", DOC_NUMBER_KEYS, 1) or {}
            missing = [k for k in DOC_NUMBER_KEYS if k not in fields]
            if missing:
                self.error(node, "doc_number", f"发文字号分开写时要有 code、year、serial（缺 {'、'.join(missing)}）",
                           faults.WRONG_TYPE)
                return ""
            code = self.text(fields["code"][1], "doc_number.code", 2, required=True)
            year = self.text(fields["year"][1], "doc_number.year", 2, required=True)
            serial = self.text(fields["serial"][1], "doc_number.serial", 2, required=True).lstrip("第").rstrip("号")
            if not docnumber.CODE.fullmatch(code) or not re.fullmatch(r"(19|20)\d\d", year) \
                    or not serial.isdigit() or int(serial) == 0:
                self.error(node, "doc_number", "发文字号：code 是机关代字（如 清政办发），year 是四位年份，serial 是序号（如 12）",
                           faults.INVALID_VALUE)
                return ""
            return docnumber.written(code, int(year), int(serial))
        raw = self.text(node, "doc_number", 1, required=True)
        found = docnumber.formatted(raw)
        if found is None and raw:
            if re.fullmatch(r"第?\s*\d+\s*期|〔\d{4}〕\d+号", raw):  # a 纪要's 期号, or a bare number
                return raw
            self.error(node, "doc_number", f"发文字号“{raw}”看不懂：请写成“清政办发〔2024〕12号”，"
                       "或分开写 code、year、serial", faults.INVALID_VALUE)
            return ""
        if found and found != raw:
            place = self.place(node, "doc_number")
            self.warnings.append(f"{place}: {place.named}：发文字号“{raw}”已按标准写作“{found}”")
        return found or ""

    def reply(self, node) -> Optional[Reply]:
        fields = self.mapping(node, "reply_to", REPLY_KEYS, 1)
        if fields is None:
            return None
        if "title" not in fields:
            self.error(node, "reply_to.title", "缺少 title（来文标题，如 关于……的请示）", faults.WRONG_TYPE)
            return None
        title = self.text(fields["title"][1], "reply_to.title", 2, required=True).strip("《》")
        number = ""
        if "number" in fields:
            raw = self.text(fields["number"][1], "reply_to.number", 2, required=True)
            number = docnumber.formatted(raw) or raw
        addressee = ""
        if "addressee" in fields:
            addressee = self.text(fields["addressee"][1], "reply_to.addressee", 2, required=True)
            if len(addressee) > 12 or any(c in addressee for c in "《》，。"):
                self.error(fields["addressee"][1], "reply_to.addressee", "addressee 是来文单位的称呼，如“你局”“你县”",
                           faults.INVALID_VALUE)
        return Reply(title, number, addressee)

    def body(self, fields: Dict[str, tuple], key: str, depth: int, articles: bool) -> Body:
        """opening, sections, articles, chapters, closing of a document or an attachment."""
        prefix = f"{key}." if key else ""
        body = Body()
        for name in ("opening", "closing"):
            if name in fields:
                setattr(body, name, self.paragraphs(fields[name][1], prefix + name, depth,
                                                    empty_code=faults.EMPTY_TEXT, tables=name == "opening"))
        if "sections" in fields:
            body.sections = [s for s in self.sequence(fields["sections"][1], prefix + "sections", depth,
                                                      self.section) if s]
        if "articles" in fields:
            body.articles = [a for a in self.sequence(fields["articles"][1], prefix + "articles", depth,
                                                      self.article) if a]
        if "chapters" in fields:
            body.chapters = [c for c in self.sequence(fields["chapters"][1], prefix + "chapters", depth,
                                                      self.chapter) if c]
        shapes = [k for k in STRUCTURE_KEYS if k in fields]
        if len(shapes) > 1:
            self.error(fields[shapes[1]][0], prefix + shapes[1],
                       f"正文只能用一种结构：{shapes[0]} 和 {shapes[1]} 不能同时写", faults.INVALID_VALUE)
        if shapes and shapes[0] != "sections" and not articles and not key:
            self.error(fields[shapes[0]][0], prefix + shapes[0],
                       "条款式正文（articles、chapters）用于办法、规定、细则，或放在附件里", faults.INVALID_VALUE)
        return body

    def article(self, node, key: str, depth: int) -> Optional[Article]:
        if isinstance(node, yaml.ScalarNode):
            text = self.paragraphs(node, key, depth, empty_code=faults.EMPTY_TEXT)
            if not text:
                self.error(node, key, "不能为空", faults.EMPTY_TEXT)
            return self.numbered_by_hand(Article(text=text), node, key) if text else None
        fields = self.mapping(node, key, ARTICLE_KEYS, depth)
        if fields is None:
            return None
        article = Article()
        if "text" in fields:
            article.text = self.paragraphs(fields["text"][1], f"{key}.text", depth + 1, empty_code=faults.EMPTY_TEXT)
        if "points" in fields:
            article.points = self.paragraphs(fields["points"][1], f"{key}.points", depth + 1,
                                             empty_code=faults.EMPTY_TEXT)
        if not article.text:
            self.error(node, f"{key}.text", "一条至少要有 text", faults.WRONG_TYPE)
            return None
        return self.numbered_by_hand(article, fields["text"][1], f"{key}.text")

    def numbered_by_hand(self, article: Article, node, key: str) -> Article:
        if re.match(r"第[一二三四五六七八九十百零〇]+条", article.text[0]):
            self.error(node, key, "开头不要手写“第X条”：条号由 gongwen 自动生成，请删去", faults.TYPED_HEADING_MARKER)
        return article

    def chapter(self, node, key: str, depth: int) -> Optional[Chapter]:
        fields = self.mapping(node, key, CHAPTER_KEYS, depth)
        if fields is None:
            return None
        if "heading" not in fields or "articles" not in fields:
            self.error(node, key, "一章要有 heading（章名，如 总则）和 articles", faults.WRONG_TYPE)
            return None
        heading = self.text(fields["heading"][1], f"{key}.heading", depth + 1, required=True)
        if re.match(r"第[一二三四五六七八九十百零〇]+章", heading):
            self.error(fields["heading"][1], f"{key}.heading", "章名开头不要手写“第X章”：由 gongwen 自动生成",
                       faults.TYPED_HEADING_MARKER)
        articles = [a for a in self.sequence(fields["articles"][1], f"{key}.articles", depth + 1,
                                             self.article) if a]
        return Chapter(heading, articles)

    def title(self, node, key: str, depth: int) -> Tuple[str, List[str]]:
        """A title: one line, or (the writer setting its lines) a list of lines or a string with
        a line break between lines.  Returns the title joined and its lines ([] for one line)."""
        if isinstance(node, yaml.SequenceNode):
            if not self.count(node, key, depth):
                return "", []
            lines = [self.text(child, f"{key}[{i}]", depth + 1, required=True) for i, child in enumerate(node.value)]
            if not lines:
                self.error(node, key, "不能为空", faults.WRONG_TYPE)
        else:
            lines = self.text(node, key, depth, required=True, one_line=False).split("\n")
        lines = [line.strip() for line in lines if line.strip()]
        return "".join(lines), (lines if len(lines) > 1 else [])

    def attachment(self, node, key: str, depth: int) -> Optional[Attachment]:
        if isinstance(node, yaml.ScalarNode):  # a title only: listed, printed elsewhere
            title = self.text(node, key, depth, required=True)
            return Attachment(title) if title else None
        fields = self.mapping(node, key, ATTACHMENT_KEYS, depth)
        if fields is None:
            return None
        if "title" not in fields:
            self.error(node, f"{key}.title", "附件缺少 title（名称）", faults.WRONG_TYPE)
            return None
        title, lines = self.title(fields["title"][1], f"{key}.title", depth + 1)
        if title and title[-1] in "。，；：、.,;:":
            self.error(fields["title"][1], f"{key}.title", f"附件名称末尾不加标点“{title[-1]}”", faults.TITLE_PUNCTUATION)
        return Attachment(title, self.body(fields, key, depth + 1, articles=True), lines)
