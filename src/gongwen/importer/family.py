"""An imported document of the red-header family (通知, 请示, 函, 纪要, 办法 …): the 版头, title
and 主送, the body (sections, or articles: :mod:`gongwen.importer.articles`), the 附件说明,
署名, 成文日期 and 附注, a 纪要's attendance, the 附件 pages and the 版记, read from the roles
:mod:`gongwen.draft.roles` gives.  ``imp`` is the running import (:mod:`gongwen.importer.outline`):
its ``lines``, ``role(line)``, ``warn(line, message)`` and ``tree(target, lines)``.

Text is kept as it was: a part that moves on rebuild, or a form gongwen writes otherwise,
is a warning with its line.
"""

from __future__ import annotations

import re
from typing import List, Tuple

from gongwen.content.model import Attachment, Body, Document, Reply
from gongwen.content.schema import ATTENDANCE, FORMS
from gongwen.draft import roles as R
from gongwen.importer import articles
from gongwen.importer.probe import closing_comes_back, expected_paragraphs
from gongwen.importer.frame import kept_lines
from gongwen.importer.read import Line, set_in_lines
from gongwen.spec import dates, docnumber
from gongwen.spec.chars import BLANKS, PLACEHOLDER

#: Closing formulas at the end of a body: 特此通知。妥否，请批示。此复。以上报告，请审阅。盼复。
CLOSING_RE = re.compile(r"(?:特此|专此|此复|此函|妥否|当否|以上|盼|请予|望予|敬请).{0,28}|.{0,20}(?:为盼|为荷|为感)[。！]?")
#: The incoming document a 批复 or 复函 answers, opening its first paragraph.
REPLY_RE = re.compile(r"(?P<who>[^《》，。]{0,12}?)《(?P<title>[^《》]{2,120})》(?:[（(](?P<number>[^（）()]{3,30})[）)])?"
                      r"(?P<got>收悉|悉)[。，,]?(?P<rest>.*)")
_ATTACHMENT_NUMBER = re.compile(rf"[{BLANKS}]*[0-9０-９]{{1,2}}[{BLANKS}]*[.．、,，][{BLANKS}]*")
_ATTENDANCE_KEYS = {label: key for key, label in ATTENDANCE.items()}


def _names(text: str, key: str) -> List[str]:
    """Names as the loader holds them: split where gongwen joins them again the same way
    (attendance with 、, 抄送 with ，); a list written with other marks stays whole."""
    joiner = "，" if key == "cc" else "、"
    text = text.strip(BLANKS)
    others = set("、，,；;") - {joiner}
    if any(c in text for c in others):
        return [text] if text else []
    return [n.strip(BLANKS) for n in text.split(joiner) if n.strip(BLANKS)]


def _recipients(text: str) -> List[str]:
    """主送机关 kept as typed, with its own 、 and ， between names and groups (the loader keeps a
    主送 written as one string whole, too)."""
    text = text.strip(BLANKS).rstrip("：:").strip(BLANKS)
    return [text] if text else []


def document(imp, kind: str) -> Document:
    """The document ``imp.lines`` hold, as ``kind`` (one of :data:`~gongwen.content.schema.FORMS`)."""
    form = FORMS[kind]
    doc = Document(kind=kind, title="")
    lines = _head(imp, doc, list(imp.lines))
    lines = _record(imp, doc, lines)
    lines, pages = _pages(imp, lines)
    lines = _signed(imp, doc, lines)
    lines, listed = _attachment_note(imp, lines)
    lines = _attendance(imp, doc, lines, form.layout == "minutes")
    if form.reply:
        lines = _reply(imp, doc, lines)
    body = _body(imp, lines, top=True, articles_allowed=form.articles)
    doc.opening, doc.sections, doc.articles, doc.chapters, doc.closing = (
        body.opening, body.sections, body.articles, body.chapters, body.closing)
    doc.attachments = _attachments(imp, listed, pages)
    if doc.signature and doc.signature == doc.head.issuers and form.layout != "minutes":
        doc.signature = []  # the 署名 is the issuer's: gongwen signs with it when none is written
    if not body and not doc.attendance:
        imp.warn(0, f"没有正文，已加上一段“{PLACEHOLDER}”")
        doc.opening.append(PLACEHOLDER)
    return doc


# --- 版头, title, 主送 ------------------------------------------------------------------------


def _head(imp, doc: Document, lines: List[Line]) -> List[Line]:
    head, form = doc.head, FORMS[doc.kind]
    i = 0
    issuers: List[Line] = []
    while i < len(lines) and imp.role(lines[i]).kind in R.FRONT_MATTER:
        ln, kind = lines[i], imp.role(lines[i]).kind
        if kind == R.COPY_NUMBER:
            head.copy_number = ln.text
        elif kind == R.SECRECY:
            head.secrecy = ln.text
        elif kind == R.URGENCY:
            head.urgency = ln.text
        elif kind == R.ISSUER:
            issuers.append(ln)
        elif kind == R.DOC_NUMBER:
            _doc_number(imp, doc, ln, ln.text)
        else:
            _signers(imp, doc, ln, form.upward)
        i += 1
    if issuers:
        _issuers(imp, doc, issuers, form.mark_suffix)
    first = lines[i] if i < len(lines) else lines[-1]
    title = []
    while i < len(lines) and imp.role(lines[i]).kind == R.TITLE:
        title.append(lines[i])
        i += 1
    if title:
        if len(title) > 1 and not set_in_lines(title):
            imp.warn(title[1].line, "标题分成了两段，已合并为一行（折行由 gongwen 排版）")
        text = "".join(ln.text for ln in title)
        while text and text[-1] in "。，；：、.,;:":
            imp.warn(title[0].line, f"标题末尾不加标点，已删去“{text[-1]}”")
            text = text[:-1].rstrip()
        doc.title = text or PLACEHOLDER
        doc.title_lines = kept_lines(title, doc.title)
    else:
        doc.title = PLACEHOLDER
        imp.warn(first.line, f"没有找到标题，已填入“{PLACEHOLDER}”，请补上")
    rest = lines[i:]
    k = 0  # the 主送 under the title, after a byline or date line at most
    while k < min(len(rest), 3) and imp.role(rest[k]).kind in (R.BYLINE, R.DATE_LINE, R.SUBTITLE):
        k += 1
    k = k if k < len(rest) and imp.role(rest[k]).kind == R.RECIPIENT else None
    if k is not None:
        if k:
            imp.warn(rest[k].line, "主送机关之前的几行生成时排在主送机关之后")
        doc.recipients = _recipients(rest[k].text)
        if form.one_recipient and len(re.split(r"[、，,]", doc.recipients[0])) > 1:
            imp.warn(rest[k].line, "请示只写一个主送机关：这里像是有几个，请核对（其他机关可写在抄送中）")
        rest = rest[:k] + rest[k + 1:]
    return rest


def _issuers(imp, doc: Document, found: List[Line], suffix: str) -> None:
    """发文机关标志: ``清河县人民政府文件`` is the issuer plus the kind's 文件; other forms are kept whole."""
    text = "".join(ln.text for ln in found)
    if len(found) > 1:  # joint issuers, stacked, the lead first
        names = [ln.text.strip(BLANKS) for ln in found]
        if suffix and names[-1].endswith(suffix) and suffix != "纪要":
            imp.warn(found[-1].line, f"联合行文的发文机关标志生成时只列机关名称，不加“{suffix}”")
            names[-1] = names[-1][:-len(suffix)].strip(BLANKS)
        doc.head.issuers = [n for n in names if n]
    elif suffix != "纪要" and text.endswith(suffix) and text[:len(text) - len(suffix)].strip():
        doc.head.issuers = [text[:len(text) - len(suffix)].strip(BLANKS)]
    else:
        doc.head.mark = text


def _doc_number(imp, doc: Document, ln: Line, text: str) -> None:
    text = text.strip(BLANKS)
    found = docnumber.formatted(text)
    if found is None and R.ISSUE_NUMBER_RE.fullmatch(text):
        found = re.sub(r"\s+", "", text)
    if found is None:
        imp.warn(ln.line, f"发文字号“{text}”看不懂（应如“清政办发〔2024〕12号”），没有导入，请在 doc_number 中补上")
        return
    if found != text:
        imp.warn(ln.line, f"发文字号“{text}”生成时写作“{found}”")
    doc.head.doc_number = found


def _signers(imp, doc: Document, ln: Line, upward: bool) -> None:
    """``签发人：王建华`` — with the 发文字号 before it on the same line for 上行文."""
    before, _, after = re.split(r"(签\s*发\s*人\s*[：:])", ln.text, maxsplit=1)
    if before.strip(BLANKS):
        _doc_number(imp, doc, ln, before)
    found = [n for n in re.split(rf"[{BLANKS}、，,]+", after) if n]
    if not upward:
        imp.warn(ln.line, "签发人只用于上行文（请示、报告），没有导入")
        return
    doc.head.signers.extend(found)


# --- 版记, 附件 pages, 落款 ------------------------------------------------------------------


def _record(imp, doc: Document, lines: List[Line]) -> List[Line]:
    """抄送, 印发机关和印发日期 (and a 主送 moved there) at the end."""
    end = len(lines)
    while end and imp.role(lines[end - 1]).kind in (R.CC, R.PRINTED, R.RECIPIENT):
        end -= 1
    for ln in lines[end:]:
        kind = imp.role(ln).kind
        if kind == R.CC:
            label = re.match(r"[^：:]*[：:]", ln.text).group(0)
            if re.sub(r"\s", "", label) not in ("抄送：", "抄送:"):
                imp.warn(ln.line, f"“{label}”生成时写作“抄送：”")
            doc.head.cc = _names(ln.text[len(label):].strip(BLANKS).rstrip("。."), "cc")
        elif kind == R.PRINTED:
            m = re.search(r"(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印\s*发", ln.text)
            day = dates.date_line(re.sub(r"\s", "", m.group(1)))
            doc.head.printer = ln.text[:m.start()].strip(BLANKS)
            if day is not None:
                doc.head.printed = dates.written(day)
        elif not doc.recipients:
            doc.recipients = _recipients(re.sub(r"^主\s*送\s*[：:]", "", ln.text).rstrip("。"))
            imp.warn(ln.line, "版记中的“主送：”已按主送机关导入：gongwen 把主送机关排在标题之下，"
                              "只在它长到首页放不下正文时移到版记")
    return lines[:end]


def _pages(imp, lines: List[Line]) -> Tuple[List[Line], List[List[Line]]]:
    """The 附件 pages at the end: from the first page label on, one list of lines a page."""
    start = next((i for i, ln in enumerate(lines) if imp.role(ln).kind == R.ATTACHMENT_LABEL), None)
    if start is None:
        return lines, []
    pages: List[List[Line]] = []
    for ln in lines[start:]:
        if imp.role(ln).kind == R.ATTACHMENT_LABEL:
            pages.append([])
        pages[-1].append(ln)
    return lines[:start], pages


def _signed(imp, doc: Document, lines: List[Line]) -> List[Line]:
    """附注, 成文日期 and 署名 at the end of the main text."""
    if lines and imp.role(lines[-1]).kind == R.NOTE:
        doc.note = lines[-1].text
        lines = lines[:-1]
    if lines and imp.role(lines[-1]).kind == R.ISSUE_DATE:
        ln = lines[-1]
        doc.date = dates.written(dates.date_line(ln.text))
        if ln.text != doc.date:
            imp.warn(ln.line, f"成文日期“{ln.text}”生成时写作“{doc.date}”（阿拉伯数字，GB/T 9704 7.3.5）")
        lines = lines[:-1]
        k = len(lines)
        while k and imp.role(lines[k - 1]).kind == R.SIGNATURE:
            k -= 1
        doc.signature = [ln.text for ln in lines[k:]]
        lines = lines[:k]
    return lines


def _attachment_note(imp, lines: List[Line]) -> Tuple[List[Line], List[Tuple[Line, str]]]:
    """The 附件说明 ending the body: ``附件：1．名称`` and the ``2．名称`` lines under it."""
    start = next((i for i in range(len(lines) - 1, -1, -1) if imp.role(lines[i]).kind == R.ATTACHMENT_NOTE), None)
    if start is None or any(imp.role(ln).kind != R.ATTACHMENT_ITEM for ln in lines[start + 1:]):
        return lines, []
    listed = []
    for j, ln in enumerate(lines[start:]):
        text = R.ATTACHMENT_NOTE_RE.sub("", ln.text, count=1) if j == 0 else ln.text
        m = _ATTACHMENT_NUMBER.match(text)
        listed.append((ln, _title(imp, ln, text[m.end():] if m else text)))
    return lines[:start], listed


def _title(imp, ln: Line, text: str) -> str:
    text = text.strip(BLANKS)
    while text and text[-1] in "。，；：、.,;:":
        imp.warn(ln.line, f"附件名称末尾不加标点，已删去“{text[-1]}”")
        text = text[:-1].rstrip()
    return text or PLACEHOLDER


def _attendance(imp, doc: Document, lines: List[Line], minutes: bool) -> List[Line]:
    """A 纪要's 出席/请假/列席 lists (after the body, where gongwen prints them)."""
    if not minutes:
        return lines
    out: List[Line] = []
    for i, ln in enumerate(lines):
        m = R.ATTENDANCE_RE.match(ln.text) if imp.role(ln).kind == R.ATTENDANCE else None
        key = _ATTENDANCE_KEYS.get(re.sub(r"\s", "", m.group("label"))) if m else None
        if key is None or key in doc.attendance:
            out.append(ln)
            continue
        if any(imp.role(later).kind != R.ATTENDANCE for later in lines[i + 1:]):
            imp.warn(ln.line, f"“{m.group('label')}”名单生成时排在正文之后")
        doc.attendance[key] = _names(ln.text[m.end():].strip(BLANKS).rstrip("。"), key)
    return out


def _reply(imp, doc: Document, lines: List[Line]) -> List[Line]:
    """``你单位《关于……的请示》（清农〔2024〕5号）收悉。`` → ``reply_to``; the rest stays text."""
    if not lines:
        return lines
    first = lines[0]
    m = REPLY_RE.fullmatch(first.text)
    if not m:
        return lines
    number = m.group("number") or ""
    reply = Reply(m.group("title"), docnumber.formatted(number) or number, m.group("who").strip(BLANKS))
    rest = m.group("rest").strip(BLANKS)
    probe = Document(kind=doc.kind, title="x", reply_to=reply, opening=[rest] if rest else [], recipients=["x"])
    if first.text not in expected_paragraphs(probe):
        who = m.group("who").strip(BLANKS)
        why = (f"开头的“{who}”在 gongwen 写的来文引用（《标题》（发文字号）收悉。）中没有位置" if who
               else "gongwen 写出的来文引用（《标题》（发文字号）收悉。）与原文不同")
        imp.warn(first.line, f"来文引用：{why}，这一段按正文保留；删去“{who}”后重新导入，或把来文写在 reply_to 中"
                 if who else f"来文引用：{why}，这一段按正文保留；可把来文写在 reply_to 中")
        return lines
    doc.reply_to = reply
    return ([imp.rest_of(first, rest)] if rest else []) + lines[1:]


# --- the body and the attachments -------------------------------------------------------------------


def _body(imp, lines: List[Line], top: bool, articles_allowed: bool = True) -> Body:
    body = Body()
    lines, closing = split_closing(imp, lines)
    if any(imp.role(ln).kind == R.ARTICLE for ln in lines):
        if articles_allowed:
            body = articles.body(imp, lines)
        else:
            first = next(ln for ln in lines if imp.role(ln).kind == R.ARTICLE)
            imp.warn(first.line, "条款式正文（第X条）只用于办法、规定、细则和附件，按普通段落导入（条号照原文）")
            imp.tree(body, lines, placeholder=False)
    else:
        _sections(imp, body, lines)
    body.closing = [ln.text for ln in closing]
    return body


def _sections(imp, body: Body, lines: List[Line]) -> None:
    """Sections and points; numbered paragraphs (``一、同意……。`` with nothing under them, as
    批复 and 纪要 write them) stay paragraphs, their numbers as typed."""
    before = len(imp.warnings)
    imp.tree(body, lines, placeholder=False)
    empty = [s for s in body.sections if not (s.paragraphs or s.points or s.series)]
    if not empty:
        return
    del imp.warnings[before:]
    first = next(ln for ln in lines if imp.role(ln).kind == R.HEADING)
    imp.warn(first.line, f"“{empty[0].heading[:12]}…”等以“一、”开头的段落下面没有内容，不是标题："
                         "按原文作为正文段落保留（序号照原文，不会自动重排）")
    body.opening[:], body.sections[:] = [ln.text for ln in lines], []


def split_closing(imp, lines: List[Line], kind: str = "notice") -> Tuple[List[Line], List[Line]]:
    """Closing formulas ending a body (``特此通知。``), when gongwen writes them back there."""
    k = len(lines)
    while k > 0 and len(lines) - k < 2 and CLOSING_RE.fullmatch(lines[k - 1].text) \
            and imp.role(lines[k - 1]).kind in (R.BODY, R.SERIES):
        k -= 1
    if k == len(lines) or not closing_comes_back([ln.text for ln in lines[k:]], kind):
        return lines, []
    return lines[:k], lines[k:]


def _attachments(imp, listed: List[Tuple[Line, str]], pages: List[List[Line]]) -> List[Attachment]:
    out = [Attachment(title) for _, title in listed]
    if pages and not listed:
        imp.warn(pages[0][0].line, "原文没有附件说明（附件：……），生成时会在正文之后加上")
    for n, page in enumerate(pages, 1):
        label, rest = page[0], page[1:]
        digits = re.sub(r"\D", "", label.text.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
        number = int(digits) if digits else n
        if number != n:
            imp.warn(label.line, f"附件序号不连续：此处应为“附件{n}”，原文为“{label.text}”（生成时自动编排）")
        k = 0
        while k < len(rest) and imp.role(rest[k]).kind == R.ATTACHMENT_TITLE:
            k += 1
        title = _title(imp, rest[0], "".join(ln.text for ln in rest[:k])) if k else ""
        lines = kept_lines(rest[:k], title) if k else []
        if k > 1 and not set_in_lines(rest[:k]):
            imp.warn(rest[1].line, "附件标题分成了两段，已合并为一行（折行由 gongwen 排版）")
        if n > len(out):
            if listed:
                imp.warn(label.line, f"附件说明只列了 {len(listed)} 个附件，这是第 {n} 个：生成时附件说明会加上它")
            out.append(Attachment(title or PLACEHOLDER, title_lines=lines))
            if not title:
                imp.warn(label.line, f"附件没有标题，已填入“{PLACEHOLDER}”")
        elif title and title != out[n - 1].title:
            imp.warn(rest[0].line, f"附件标题“{title}”与附件说明中的“{out[n - 1].title}”不同："
                                   "生成时两处都写作附件说明中的名称")
        elif lines:
            out[n - 1].title_lines = lines
        out[n - 1].body = _body(imp, rest[k:], top=False)
    return out
