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

Only this module decides "what is this paragraph"; its words (patterns and what one
paragraph reads as on its own) are in :mod:`gongwen.draft.phrases`, built on :mod:`gongwen.spec`.
Pure Python; nothing here reads files.
"""

from __future__ import annotations

# The recogniser's words; the public ones are read through this module (``roles.ADDRESS``).
from gongwen.draft.phrases import (  # noqa: F401
    ADDRESS, ARTICLE_RE, ATTACHMENT_ITEM_RE, ATTACHMENT_LABEL_RE, ATTACHMENT_NOTE_RE, ATTENDANCE_RE, CC_RE,
    COPY_NUMBER_RE, DOC_NUMBER_RE, ISSUE_NUMBER_RE, ISSUER_END, NOTE_RE, PART_RE, PRINTED_RE, RECIPIENT_IN_RECORD,
    SALUTATION_WORDS, SECRECY_RE, SERIES_FIRST, SIGNER_RE, THANKS, URGENCY_RE, first_sentence_end, heading_marker,
    is_recipient, is_salutation, issuer_above_title, looks_like_byline, looks_like_title, mark_over_number, named,
    name_continues, recipient_continues, title_continues, typed_marker)
from gongwen.draft.tableroles import TABLE_CAPTION, TABLE_NOTE, around_tables  # noqa: F401  (roles of their own)
from gongwen.spec import dates
from gongwen.spec.chars import BLANKS
from gongwen.spec.markers import DraftMarker, find_series
from gongwen.spec.numerals import NUMERAL_CHARS, from_chinese
from gongwen.spec.record import dataclass

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Optional, Sequence

#: How a subtitle opens: ``——在……会议上的讲话``.
SUBTITLE_DASHES = ("—", "--", "－－")

# --- the roles --------------------------------------------------------------------------------

#: 版头 (GB/T 9704 7.2)
COPY_NUMBER, SECRECY, URGENCY, ISSUER, DOC_NUMBER, SIGNER = (
    "copy_number", "secrecy", "urgency", "issuer", "doc_number", "signer")
#: 主体 (7.3) and the front of speeches and reports
TITLE, SUBTITLE, BYLINE, DATE_LINE, RECIPIENT, SALUTATION = (
    "title", "subtitle", "byline", "date_line", "recipient", "salutation")
HEADING, PART, ARTICLE, SERIES, BODY = "heading", "part", "article", "series", "body"
#: a numbered point (项, ``（一）``) inside an article: not a heading of the outline
ARTICLE_POINT = "article_point"
ATTACHMENT_NOTE, ATTACHMENT_ITEM, SIGNATURE, ISSUE_DATE, NOTE, ATTACHMENT_LABEL = (
    "attachment_note", "attachment_item", "signature", "issue_date", "note", "attachment_label")
#: the title under an attachment page's label; a 纪要's 出席/请假/列席 list
ATTACHMENT_TITLE, ATTENDANCE = "attachment_title", "attendance"
#: 版记 (7.5)
CC, PRINTED = "cc", "printed"
#: not part of the running text; a table's caption above it and notes under it
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
    ``item`` is true for a numbered paragraph (:data:`HEADING`, :data:`ARTICLE_POINT`) that is
    an item, not a heading standing over text: a whole sentence (``三、违反本通告规定，……予以处罚。``)
    or an entry of a list (``（一）营业执照复印件。`` ``（二）身份证明复印件。``).  It keeps its 。 or ；.
    ``wraps`` is true for the rest of the element above, wrapped onto a paragraph of its own: a
    title set in lines, a 主送 or an attachment's name running on.
    """

    kind: str
    level: int = 0
    marker: Optional[DraftMarker] = None
    heading_end: int = 0
    number: Optional[int] = None
    item: bool = False
    wraps: bool = False


def _front_matter(text: str, line: Line) -> Optional[str]:
    if COPY_NUMBER_RE.fullmatch(text):
        return COPY_NUMBER
    if SECRECY_RE.fullmatch(text):
        return SECRECY
    if URGENCY_RE.fullmatch(text):
        return URGENCY
    if SIGNER_RE.search(text):
        return SIGNER
    if (DOC_NUMBER_RE.search(text) or ISSUE_NUMBER_RE.fullmatch(text)) and len(text) <= 40 \
            and not any(c in text for c in "。，；"):
        return DOC_NUMBER
    if line.red or (text.endswith("文件") and len(text) <= 40 and not any(c in text for c in "，。；：")):
        return ISSUER
    return None


def _body_role(text: str, raw: str) -> Role:
    """The role of a paragraph in the running text, from its start (``text`` is ``raw`` stripped;
    a heading's marker and ``heading_end`` index ``raw``)."""
    m = ARTICLE_RE.match(text)
    if m:
        return Role(ARTICLE, number=from_chinese(m.group("num")))
    m = PART_RE.match(text)
    if m:
        return Role(PART, level="编章节".index(m.group("unit")) + 1, number=from_chinese(m.group("num")))
    marker = heading_marker(raw)
    if marker is not None:
        stop = first_sentence_end(raw, marker.end)
        end = len(raw) if stop is None else stop + 1
        return Role(HEADING, level=marker.level, marker=marker, heading_end=end, number=marker.number)
    if text[:1] in SERIES_FIRST:
        for mark in find_series(text[:12]):
            if mark.start == 0:
                return Role(SERIES, number=mark.number)
            break
    return Role(BODY)


# --- the whole document ------------------------------------------------------------------------

#: The first characters (of the stripped text) with which a paragraph of the running text can be
#: anything but body text: 附件, a note ``（此件……）``, 出席/请假/列席/缺席, 第X条/章, a heading
#: marker (brackets, numerals, digits; junk a marker may hide behind: ``##…##``, ``<b>``, ``&nbsp;``,
#: zero-width characters) and a series opener.  Any other paragraph not ending in a colon (a
#: salutation) is body text, decided without the patterns (most paragraphs of a long document).
_MAY_OPEN = frozenset("附（(出请列缺第首其再最#<&0123456789０１２３４５６７８９\u200b\u200c\u200d\u2060\ufeff\u00ad"
                      + NUMERAL_CHARS)
#: False runs every paragraph through every test (what the quick decision must never change).
QUICK = True


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
    for i, kind in around_tables(lines, texts, roles).items():
        roles[i] = Role(kind)
    running = [i for i in running if roles[i] is None]  # a table's caption and notes are set apart
    start = _front(lines, texts, running, roles)
    end = _back(lines, texts, running, roles, start)
    in_attachments = False
    label_at: Optional[int] = None  # the attachment label whose title may follow
    for pos in range(start, end):
        i = running[pos]
        if roles[i] is not None:
            continue
        text = texts[i]
        if (QUICK and label_at is None and not in_attachments and text[0] not in _MAY_OPEN
                and text[-1] not in "：:"):
            roles[i] = Role(BODY)
            continue
        above = roles[running[pos - 1]] if pos else None
        if ATTACHMENT_NOTE_RE.match(text):
            roles[i], in_attachments = Role(ATTACHMENT_NOTE), True
            continue
        if ATTACHMENT_LABEL_RE.fullmatch(text):
            roles[i], in_attachments = Role(ATTACHMENT_LABEL), False
            label_at = i
            continue
        if label_at is not None:
            if _attachment_title(lines, texts, label_at, i, roles):
                roles[i] = Role(ATTACHMENT_TITLE, wraps=above is not None and above.kind == ATTACHMENT_TITLE)
                continue
            label_at = None
        if in_attachments and ATTACHMENT_ITEM_RE.match(text) and len(text) <= 60:
            roles[i] = Role(ATTACHMENT_ITEM)
            continue
        if in_attachments and name_continues(texts[running[pos - 1]], text):
            roles[i] = Role(ATTACHMENT_ITEM, wraps=True)  # ``附件：1．《……`` / ``……方案》``
            continue
        in_attachments = False
        if NOTE_RE.fullmatch(text):
            roles[i] = Role(NOTE)
            continue
        if ATTENDANCE_RE.match(text) and len(text) <= 200 and not heading_marker(text):
            roles[i] = Role(ATTENDANCE)
            continue
        if is_salutation(text) and not heading_marker(text):
            roles[i] = Role(SALUTATION)
            continue
        roles[i] = _body_role(text, lines[i].text)
    _points_of_articles(roles, running)
    _items(roles, [ln.text for ln in lines], running)
    return [r if r is not None else Role(BODY) for r in roles]


#: How an item ends: a sentence or a list entry keeps its 。 or ；, a standalone heading has none.
_ITEM_END = "。；;"
#: Longer than this, a numbered paragraph ending in 。 is a sentence, not a heading.
ITEM_LENGTH = 25


def _items(roles: List[Optional[Role]], raws: Sequence[str], running: Sequence[int]) -> None:
    """Mark the numbered paragraphs that are items (:attr:`Role.item`).

    A standalone heading is short, carries no sentence and has text under it.  A numbered
    paragraph ending in 。 or ； is an item when it is a sentence (longer than
    :data:`ITEM_LENGTH`, or a point with a comma inside), or when it stands in a list: right
    before or after a sibling that also ends so (a heading has its text between the two).  A run-in
    heading (``（一）加强领导。正文……``) has its text in the same paragraph: a heading, not an item.
    """
    numbered = [(k, i) for k, i in enumerate(running)
                if roles[i] is not None and roles[i].kind in (HEADING, ARTICLE_POINT) and roles[i].marker]
    ends = {}  # running position -> the paragraph ends like an item and is no run-in heading
    for k, i in numbered:
        tail = raws[i][roles[i].marker.end:].strip(BLANKS)
        inner = tail[:-1]
        ends[k] = bool(tail) and tail[-1] in _ITEM_END and first_sentence_end(inner) is None

    def sibling(k: int, j: int) -> bool:  # running[j] is a numbered paragraph like running[k], ending like an item
        if not (0 <= j < len(running) and ends.get(j)):
            return False
        a, b = roles[running[k]], roles[running[j]]
        return a.kind == b.kind and a.level == b.level

    for k, i in numbered:
        if not ends[k]:
            continue
        role = roles[i]
        inner = raws[i][role.marker.end:].strip(BLANKS)[:-1]
        sentence = len(inner) > ITEM_LENGTH or (role.level >= 2 and "，" in inner)
        listed = sibling(k, k - 1) or sibling(k, k + 1)
        role.item = sentence or listed


def _points_of_articles(roles: List[Optional[Role]], running: Sequence[int]) -> None:
    """（一）（二） under an article are its points (项), and ``1.`` ``（1）`` under them theirs (目):
    numbered afresh in each article, not headings of the document's outline."""
    in_article = False
    for i in running:
        role = roles[i]
        if role is None:
            continue
        if role.kind == ARTICLE:
            in_article = True
        elif role.kind == PART or (role.kind == HEADING and role.level == 1) or role.kind in (
                ATTACHMENT_NOTE, ATTACHMENT_LABEL, SIGNATURE, ISSUE_DATE):
            in_article = False
        elif in_article and role.kind == HEADING and role.level >= 2:
            roles[i] = Role(ARTICLE_POINT, role.level, role.marker, role.heading_end, role.number)


def _front(lines, texts, running, roles) -> int:
    """Mark the 版头, the title and what stands under it; return where the body starts in ``running``."""
    k = 0
    while k < len(running) and k < 8:
        i = running[k]
        kind = _front_matter(texts[i], lines[i])
        if kind is None and k + 1 < len(running) and mark_over_number(texts[i], texts[running[k + 1]]):
            kind = ISSUER  # ``清河县人民政府办公室`` (信函) or ``……会议纪要`` over its 发文字号 or 期号
        if kind is None:
            break
        roles[i] = Role(kind)
        k += 1
    if k >= len(running):
        return k
    first = running[k]
    text = texts[first]
    if (k + 1 < len(running) and not lines[first].red and issuer_above_title(text, texts[running[k + 1]])):
        roles[first] = Role(ISSUER)  # ``清河县人民政府`` over ``关于……的通知``: the issuer, then the title
        k += 1
        first = running[k]
        text = texts[first]
    centred = None if lines[first].align is None else lines[first].align == "center"
    if not looks_like_title(text, centred):
        return k
    roles[first] = Role(TITLE)
    k += 1
    while k < len(running) and not texts[running[k]].startswith(SUBTITLE_DASHES) and (
            title_continues(texts[running[k - 1]], texts[running[k]])
            or _wraps(lines[first], lines[running[k]], texts[running[k]])):
        roles[running[k]] = Role(TITLE, wraps=True)
        k += 1
    seen = set()
    while k < len(running) and len(seen) < 3:
        text = texts[running[k]]
        if dates.date_line(text) and DATE_LINE not in seen:
            kind = DATE_LINE
        elif text.startswith(SUBTITLE_DASHES) and SUBTITLE not in seen and looks_like_byline(text.lstrip("—-")):
            kind = SUBTITLE
        elif (BYLINE not in seen and looks_like_byline(text) and not is_salutation(text)
              and not is_recipient(text) and k + 1 < len(running)):
            kind = BYLINE
        else:
            break
        roles[running[k]] = Role(kind)
        seen.add(kind)
        k += 1
    if k + 1 < len(running) and recipient_continues(texts[running[k]], texts[running[k + 1]]):
        roles[running[k]], roles[running[k + 1]] = Role(RECIPIENT), Role(RECIPIENT, wraps=True)
        k += 2
    elif k < len(running) and is_recipient(texts[running[k]]):
        roles[running[k]] = Role(RECIPIENT)
        k += 1
    return k


def _attachment_title(lines, texts, label_at: int, i: int, roles) -> bool:
    """Is paragraph ``i`` (after the label ``附件2`` at ``label_at``) its attachment's title,
    or the rest of a title wrapped over two paragraphs?"""
    centred = None if lines[i].align is None else lines[i].align == "center"
    if not looks_like_title(texts[i], centred):
        return False
    previous = next((j for j in range(i - 1, label_at, -1) if roles[j] is not None and roles[j].kind != BLANK), None)
    if previous is None:
        return True
    return roles[previous].kind == ATTACHMENT_TITLE and (
        title_continues(texts[previous], texts[i]) or _wraps(lines[previous], lines[i], texts[i]))


def _wraps(title: Line, line: Line, text: str) -> bool:
    """A centred line set like the centred title above it: more of the title."""
    return (title.align == "center" and line.align == "center" and title.look is not None
            and line.look == title.look and looks_like_title(text, True))


def _back(lines, texts, running, roles, start) -> int:
    """Mark the 版记, 附注, 成文日期 and 署名 at the end; return where they start in ``running``.

    With 附件 pages, the 署名, 成文日期 and 附注 stand before the first page's label, and the
    pages run on to the 版记: the returned end is then the start of the 版记.
    """
    end = len(running)
    while end > start and (CC_RE.match(texts[running[end - 1]]) or PRINTED_RE.match(texts[running[end - 1]])
                           or RECIPIENT_IN_RECORD.match(texts[running[end - 1]])):
        i = running[end - 1]
        text = texts[i]
        roles[i] = Role(CC if CC_RE.match(text) else PRINTED if PRINTED_RE.match(text) else RECIPIENT)
        end -= 1
    pages = next((k for k in range(start + 1, end) if ATTACHMENT_LABEL_RE.fullmatch(texts[running[k]])
                  and _closes(texts, running, start, k)), None)
    if pages is not None:
        _signed(lines, texts, running, roles, start, pages)
        return end
    return _signed(lines, texts, running, roles, start, end)


def _closes(texts, running, start: int, k: int) -> bool:
    """Does the 落款 (成文日期, or 附注 after it) stand just before ``running[k]``?"""
    before = k - 1
    if before > start and NOTE_RE.fullmatch(texts[running[before]]):
        before -= 1
    return before > start and dates.date_line(texts[running[before]]) is not None


def _signed(lines, texts, running, roles, start: int, end: int) -> int:
    """Mark the 附注, 成文日期 and 署名 ending ``running[start:end]``; return where they start.
    Joint issuers sign on lines of their own: in a .docx, right-aligned lines over the last."""
    if end > start and NOTE_RE.fullmatch(texts[running[end - 1]]):
        roles[running[end - 1]] = Role(NOTE)
        end -= 1
    if end - start < 2 or not dates.date_line(texts[running[end - 1]]):
        return end
    roles[running[end - 1]] = Role(ISSUE_DATE)
    end -= 1
    first = True
    while end - 1 > start:
        j = running[end - 1]
        if not (looks_like_byline(texts[j]) and heading_marker(texts[j]) is None
                and (first or lines[j].align == "right")):
            break
        roles[j] = Role(SIGNATURE)
        end -= 1
        first = False
    return end
