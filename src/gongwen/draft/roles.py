"""What each paragraph of a 公文 is: the one recogniser, shared by the importer and the linter.

GB/T 9704-2012 divides a document into the 版头 (份号, 密级, 紧急程度,
发文机关标志, 发文字号, 签发人), the 主体 (标题, 主送机关, 正文 with its
heading levels, 附件说明, 署名, 成文日期, 附注, 附件) and the 版记 (抄送,
印发).  Speeches and reports add a byline, a date line and a salutation.
:func:`assign` gives every paragraph one :class:`Role`, reading its text and,
for a .docx, the hints the reader can give (alignment, red type, whether it
sits in a table or a text box).  Who reads the roles:

* the importer (front matter, the 落款 at the end, headings),
* the text rules (the outline of headings, attachment lists and pages),
* the layout rules (which face and size a paragraph must have).

Only this module decides "what is this paragraph"; the patterns it uses come
from :mod:`gongwen.spec`.  Pure Python; nothing here reads files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence

from gongwen.spec import dates
from gongwen.spec.chars import BLANKS, SENTENCE_END
from gongwen.spec.markers import DraftMarker, find_series, parse_marker, read_marker
from gongwen.spec.numerals import NUMERAL_CHARS, from_chinese

# --- the roles --------------------------------------------------------------------------------

#: 版头 (GB/T 9704 7.2)
COPY_NUMBER, SECRECY, URGENCY, ISSUER, DOC_NUMBER, SIGNER = (
    "copy_number", "secrecy", "urgency", "issuer", "doc_number", "signer")
#: 主体 (7.3) and the front of speeches and reports
TITLE, SUBTITLE, BYLINE, DATE_LINE, RECIPIENT, SALUTATION = (
    "title", "subtitle", "byline", "date_line", "recipient", "salutation")
HEADING, PART, ARTICLE, SERIES, BODY = "heading", "part", "article", "series", "body"
ATTACHMENT_NOTE, ATTACHMENT_ITEM, SIGNATURE, ISSUE_DATE, NOTE, ATTACHMENT_LABEL = (
    "attachment_note", "attachment_item", "signature", "issue_date", "note", "attachment_label")
#: 版记 (7.5)
CC, PRINTED = "cc", "printed"
#: not part of the running text
BLANK, TABLE, TEXTBOX = "blank", "table", "textbox"

FRONT_MATTER = (COPY_NUMBER, SECRECY, URGENCY, ISSUER, DOC_NUMBER, SIGNER)
BACK_MATTER = (CC, PRINTED)


@dataclass
class Line:
    """One paragraph as the recogniser reads it: its text and what the reader knows of its looks.

    ``align`` is ``center``, ``right`` or ``left`` for a .docx paragraph, ``None`` when unknown
    (text files); ``red`` is true when its text is red (the 版头's 发文机关标志).
    """

    text: str
    where: str = "body"  # body | table | textbox
    align: Optional[str] = None
    red: bool = False
    look: object = None  # style and size (.docx): a centred title wraps onto lines that look the same


@dataclass
class Role:
    """What one paragraph is.

    ``level`` is the heading level 1–4 for :data:`HEADING`, and for :data:`PART` 1 for 第X编,
    2 for 第X章, 3 for 第X节.  ``marker`` is the heading marker as typed; ``heading_end`` the
    index in the text where a run-in heading (``（一）加强领导。正文……``) ends, after its 。.
    ``number`` is the number of a heading, part or article (None when unreadable).
    """

    kind: str
    level: int = 0
    marker: Optional[DraftMarker] = None
    heading_end: int = 0
    number: Optional[int] = None


# --- patterns ------------------------------------------------------------------------------------

_SECRECY = re.compile(r"(?:绝密|机密|秘密)(?:[★☆＊*][^，。]{0,12})?")
_URGENCY = re.compile(r"特急|加急|特提|平急")
_COPY_NUMBER = re.compile(r"[0-9０-９]{6}")
DOC_NUMBER_RE = re.compile(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号")
_SIGNER = re.compile(r"签\s*发\s*人[：:]")
_PART = re.compile(rf"第(?P<num>[{NUMERAL_CHARS}]+)(?P<unit>[编章节])(?=[{BLANKS}]|$)")
_ARTICLE = re.compile(rf"第(?P<num>[{NUMERAL_CHARS}]+)条(?=[{BLANKS}]|$)")
#: 附件说明: ``附件：1．实施方案`` (GB/T 9704 7.3.4)
ATTACHMENT_NOTE_RE = re.compile(rf"[{BLANKS}]*附\s*件\s*[：:][{BLANKS}]*")
#: the label on top of an attachment's own page: ``附件`` or ``附件2`` alone
ATTACHMENT_LABEL_RE = re.compile(rf"[{BLANKS}]*附\s*件(?:\s*[0-9０-９]+)?[{BLANKS}]*")
_ATTACHMENT_ITEM = re.compile(rf"[{BLANKS}]*[0-9０-９]{{1,2}}[{BLANKS}]*[.．、,，](?![0-9０-９])")
_NOTE = re.compile(r"[（(](?:此件|联系人|本件|此文)[^（）()]*[）)]")
_CC = re.compile(r"(?:抄\s*送|抄\s*报|分\s*送)\s*[：:]")
_PRINTED = re.compile(r".*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发")
_TITLE_KIND = re.compile(r"(?:通知|通报|报告|请示|意见|决定|决议|方案|讲话|发言|致辞|函|纪要|办法|规定|细则|条例|要点|"
                         r"总结|计划|规划|批复|复函|公告|通告|命令|议案|公报|汇报|说明|提纲|倡议书|建议)"
                         r"(?:（[^（）]{1,12}）)?$")
_TITLE_TAIL = re.compile(r"(?:的|上的)?(?:讲话|发言|致辞|讲话稿)$|^(?:的)?(?:调研|调查|考察|专题|情况)?报告$")
#: A speaker turning to the audience at the start of a paragraph (a speech's closing), and thanks.
ADDRESS = re.compile(r"(?:同志们|各位[^，,！!。]{0,12}|朋友们|女士们、先生们|老师们、同学们)[，,！!]")
THANKS = re.compile(r"(?:谢谢大家|谢谢)[！!。]?")
SALUTATION_WORDS = re.compile(r"同志们|各位|代表|来宾|朋友们|女士们|先生们|老师们|同学们|委员(?!会)")
_ORGANISATION = re.compile(r"政府|部门|单位|委员会|局|厅|办|处|科|院|校|公司|党委|党组|机关|组织|中心|会$|[县市区镇乡]")
_SENTENCE_MARKS = "。；！？"
#: How the name of an issuing organisation ends (``清河县人民政府``, ``县总工会调研组``).
_ISSUER_END = re.compile(r"(?:政府|委员会|局|厅|办公室|办|部|委|党委|党组|组|中心|公司|院|校|会|处|科|所|站|队)$")
#: First characters of a series opener (一是, 第一，, 首先, 其次, 再次, 最后, 其一).
_SERIES_FIRST = set(NUMERAL_CHARS) | set("第首其再最")


# --- single-paragraph predicates --------------------------------------------------------------


def is_salutation(text: str) -> bool:
    """``同志们：``, ``各位代表、同志们：``: a speaker addressing the audience."""
    if not text.endswith(("：", ":")) or len(text) > 40 or "。" in text:
        return False
    return bool(SALUTATION_WORDS.search(text)) or (len(text) <= 12 and not _ORGANISATION.search(text))


def is_recipient(text: str) -> bool:
    """主送机关: ``各乡镇人民政府，县直各单位：`` (organisations, ending with a colon)."""
    if not text.endswith(("：", ":")) or len(text) > 120 or any(c in text for c in "。；！？"):
        return False
    return bool(_ORGANISATION.search(text)) and not is_salutation(text)


def typed_marker(text: str) -> str:
    """A heading marker or series opener typed at the start of ``text`` ("" when none)."""
    for mark in find_series(text):
        if mark.start == 0 and (mark.style == "一是" or (mark.style == "第一" and mark.sep and mark.sep in "，,、")):
            return mark.raw
        break
    marker = parse_marker(text)
    return marker.raw if marker else ""


def looks_like_title(text: str, centred: Optional[bool] = None) -> bool:
    """A title: short, no sentence inside, no marker.  A centred paragraph (.docx) needs no more;
    a left-aligned one, or one ending in a mark, must read as a title: ``关于……`` or the name of
    a document kind at its end (通知, 报告, 讲话 …).  ``centred=None``: alignment unknown (text)."""
    if (not 0 < len(text) <= 80 or is_salutation(text) or typed_marker(text) or heading_marker(text)
            or dates.date_line(text) or ATTACHMENT_NOTE_RE.match(text) or _CC.match(text) or is_recipient(text)
            or _PART.match(text) or _ARTICLE.match(text)):
        return False
    bare = text.rstrip("。，；：、.,;:")
    if any(c in bare for c in _SENTENCE_MARKS):
        return False
    if centred:
        return True
    named = _named(text)
    return named if (centred is False or bare != text) else True


def title_continues(first: str, second: str) -> bool:
    """Is ``second`` the rest of a title broken over two paragraphs (``关于…的`` / ``通知``)?"""
    if len(second) > 30 or not looks_like_title(second) or is_salutation(second):
        return False
    if _TITLE_TAIL.search(first) or _TITLE_KIND.search(first):
        return False  # the first line is a whole title already
    return (bool(_TITLE_TAIL.search(second)) or bool(_TITLE_KIND.fullmatch(second))
            or first.endswith(("的", "关于", "在", "和", "与", "及", "暨")))


def looks_like_byline(text: str) -> bool:
    """A speaker or author line under the title: short, no sentence, no marker, no colon."""
    if len(text) > 40 or any(c in text for c in _SENTENCE_MARKS):
        return False
    return not (text.endswith(("：", ":", "，", ",")) or typed_marker(text) or dates.date_line(text)
                or _PART.match(text) or _ARTICLE.match(text))


def heading_marker(text: str) -> Optional[DraftMarker]:
    """The heading marker opening a paragraph, read tolerantly (junk, ``1）``), or None for
    what only looks like one: ``一、二季度`` (a numeral list), ``3、4月份`` (counting months),
    a bare ``（一）`` with nothing after it."""
    marker = read_marker(text)
    if marker is None:
        return None
    rest = text[marker.end:]
    if marker.level == 3 and marker.raw.rstrip()[-1:] in "、,，" and rest[:1].isdigit():
        return None
    if not rest.strip() and ((marker.level in (3, 4) and marker.number is None)
                             or (marker.half_bracket and marker.level == 2)):
        return None
    return marker


def first_sentence_end(text: str, start: int = 0) -> Optional[int]:
    """Index of the first 。！？ at or after ``start`` outside quotes and brackets."""
    from gongwen.spec.chars import CLOSERS, OPENERS

    depth = 0
    for i in range(start, len(text)):
        c = text[i]
        if c in OPENERS:
            depth += 1
        elif c in CLOSERS:
            depth = max(0, depth - 1)
        elif c in SENTENCE_END and depth == 0:
            return i
    return None


def _front_matter(text: str, line: Line) -> Optional[str]:
    if _COPY_NUMBER.fullmatch(text):
        return COPY_NUMBER
    if _SECRECY.fullmatch(text):
        return SECRECY
    if _URGENCY.fullmatch(text):
        return URGENCY
    if _SIGNER.search(text):
        return SIGNER
    if DOC_NUMBER_RE.search(text) and len(text) <= 40 and not any(c in text for c in "。，；"):
        return DOC_NUMBER
    if line.red or (text.endswith("文件") and len(text) <= 40 and not any(c in text for c in "，。；：")):
        return ISSUER
    return None


def _body_role(text: str, raw: str) -> Role:
    """The role of a paragraph in the running text, from its start (``text`` is ``raw`` stripped;
    a heading's marker and ``heading_end`` index ``raw``)."""
    m = _ARTICLE.match(text)
    if m:
        return Role(ARTICLE, number=from_chinese(m.group("num")))
    m = _PART.match(text)
    if m:
        return Role(PART, level="编章节".index(m.group("unit")) + 1, number=from_chinese(m.group("num")))
    marker = heading_marker(raw)
    if marker is not None:
        stop = first_sentence_end(raw, marker.end)
        end = len(raw) if stop is None else stop + 1
        return Role(HEADING, level=marker.level, marker=marker, heading_end=end, number=marker.number)
    if text[:1] in _SERIES_FIRST:
        for mark in find_series(text[:12]):
            if mark.start == 0:
                return Role(SERIES, number=mark.number)
            break
    return Role(BODY)


# --- the whole document ------------------------------------------------------------------------


def assign(lines: Sequence[Line]) -> List[Role]:
    """One :class:`Role` per line, in order."""
    roles: List[Optional[Role]] = [None] * len(lines)
    texts = [ln.text.strip(BLANKS) for ln in lines]
    running = []  # indexes of paragraphs of the running text (not blank, not in tables)
    for i, (ln, text) in enumerate(zip(lines, texts)):
        if ln.where != "body":
            roles[i] = Role(TABLE if ln.where == "table" else TEXTBOX)
        elif not text:
            roles[i] = Role(BLANK)
        else:
            running.append(i)
    start = _front(lines, texts, running, roles)
    end = _back(lines, texts, running, roles, start)
    in_attachments = False
    for i in running[start:end]:
        if roles[i] is not None:
            continue
        text = texts[i]
        if ATTACHMENT_NOTE_RE.match(text):
            roles[i], in_attachments = Role(ATTACHMENT_NOTE), True
            continue
        if ATTACHMENT_LABEL_RE.fullmatch(text):
            roles[i], in_attachments = Role(ATTACHMENT_LABEL), False
            continue
        if in_attachments and _ATTACHMENT_ITEM.match(text) and len(text) <= 60:
            roles[i] = Role(ATTACHMENT_ITEM)
            continue
        in_attachments = False
        if _NOTE.fullmatch(text):
            roles[i] = Role(NOTE)
            continue
        if is_salutation(text) and not heading_marker(text):
            roles[i] = Role(SALUTATION)
            continue
        roles[i] = _body_role(text, lines[i].text)
    return [r if r is not None else Role(BODY) for r in roles]


def _front(lines, texts, running, roles) -> int:
    """Mark the 版头, the title and what stands under it; return where the body starts in ``running``."""
    k = 0
    while k < len(running) and k < 8:
        i = running[k]
        kind = _front_matter(texts[i], lines[i])
        if kind is None:
            break
        roles[i] = Role(kind)
        k += 1
    if k >= len(running):
        return k
    first = running[k]
    text = texts[first]
    if (k + 1 < len(running) and not lines[first].red and _issuer_above_title(text, texts[running[k + 1]])):
        roles[first] = Role(ISSUER)  # ``清河县人民政府`` over ``关于……的通知``: the issuer, then the title
        k += 1
        first = running[k]
        text = texts[first]
    centred = None if lines[first].align is None else lines[first].align == "center"
    if not looks_like_title(text, centred):
        return k
    roles[first] = Role(TITLE)
    k += 1
    while k < len(running) and (title_continues(texts[running[k - 1]], texts[running[k]])
                                or _wraps(lines[first], lines[running[k]], texts[running[k]])):
        roles[running[k]] = Role(TITLE)
        k += 1
    seen = set()
    while k < len(running) and len(seen) < 3:
        text = texts[running[k]]
        if dates.date_line(text) and DATE_LINE not in seen:
            kind = DATE_LINE
        elif text.startswith(("—", "--")) and SUBTITLE not in seen and looks_like_byline(text.lstrip("—-")):
            kind = SUBTITLE
        elif (BYLINE not in seen and looks_like_byline(text) and not is_salutation(text)
              and not is_recipient(text) and k + 1 < len(running)):
            kind = BYLINE
        else:
            break
        roles[running[k]] = Role(kind)
        seen.add(kind)
        k += 1
    if k < len(running) and is_recipient(texts[running[k]]):
        roles[running[k]] = Role(RECIPIENT)
        k += 1
    return k


def _named(text: str) -> bool:
    """Does the text read as a title by its words: ``关于……`` or a document kind at its end?"""
    bare = text.rstrip("。，；：、.,;:")
    return bare.startswith("关于") or bool(_TITLE_KIND.search(bare))


def _issuer_above_title(text: str, below: str) -> bool:
    """A short organisation name standing over a paragraph that is plainly the title."""
    return (len(text) <= 30 and not _named(text) and bool(_ISSUER_END.search(text))
            and not any(c in text for c in "，。；：、") and _named(below) and looks_like_title(below)
            and not title_continues(text, below))


def _wraps(title: Line, line: Line, text: str) -> bool:
    """A centred line set like the centred title above it: more of the title."""
    return (title.align == "center" and line.align == "center" and title.look is not None
            and line.look == title.look and looks_like_title(text, True))


def _back(lines, texts, running, roles, start) -> int:
    """Mark the 版记, 附注, 成文日期 and 署名 at the end; return where they start in ``running``."""
    end = len(running)
    while end > start and (_CC.match(texts[running[end - 1]]) or _PRINTED.match(texts[running[end - 1]])):
        i = running[end - 1]
        roles[i] = Role(CC if _CC.match(texts[i]) else PRINTED)
        end -= 1
    if end > start and _NOTE.fullmatch(texts[running[end - 1]]):
        roles[running[end - 1]] = Role(NOTE)
        end -= 1
    if end - start < 2 or not dates.date_line(texts[running[end - 1]]):
        return end
    roles[running[end - 1]] = Role(ISSUE_DATE)
    end -= 1
    j = running[end - 1]
    if end - 1 > start and looks_like_byline(texts[j]) and heading_marker(texts[j]) is None:
        roles[j] = Role(SIGNATURE)
        end -= 1
    return end
