"""The words of the recogniser (:mod:`gongwen.draft.roles`): patterns, and what one paragraph
reads as on its own (a salutation, a 主送, a title, a byline, a heading marker).

:mod:`gongwen.draft.roles` decides each paragraph's role from these and from the paragraphs
around it; other modules import them through it.  Pure Python; the patterns come from
:mod:`gongwen.spec`.
"""

from __future__ import annotations

import re

from gongwen.spec import dates
from gongwen.spec import lazyre
from gongwen.spec.chars import BLANKS, CLOSERS as _CLOSERS, OPENERS as _OPENERS, SENTENCE_END
from gongwen.spec.markers import DraftMarker, find_series, parse_marker, read_marker
from gongwen.spec.numerals import NUMERAL_CHARS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

# --- patterns ------------------------------------------------------------------------------------

SECRECY_RE = lazyre.compile(r"(?:绝密|机密|秘密)(?:[★☆＊*][^，。]{0,12})?")
URGENCY_RE = lazyre.compile(r"特急|加急|特提|平急")
COPY_NUMBER_RE = lazyre.compile(r"[0-9０-９]{6}")
DOC_NUMBER_RE = lazyre.compile(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号")
#: A 纪要's issue number under its 标志: ``第5期`` (also ``〔2024〕第5期``).
ISSUE_NUMBER_RE = lazyre.compile(r"(?:[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*)?第\s*[0-9０-９]+\s*期")
#: 出席/请假/列席 (and 缺席) opening a 纪要's attendance list.
ATTENDANCE_RE = lazyre.compile(r"(?P<label>出\s*席|请\s*假|列\s*席|缺\s*席)(?:人员|同志|领导)?\s*[：:]")
SIGNER_RE = lazyre.compile(r"签\s*发\s*人[：:]")
PART_RE = lazyre.compile(rf"第(?P<num>[{NUMERAL_CHARS}]+)(?P<unit>[编章节])(?=[{BLANKS}]|$)")
ARTICLE_RE = lazyre.compile(rf"第(?P<num>[{NUMERAL_CHARS}]+)条(?=[{BLANKS}]|$)")
#: 附件说明: ``附件：1．实施方案`` (GB/T 9704 7.3.4)
ATTACHMENT_NOTE_RE = lazyre.compile(rf"[{BLANKS}]*附\s*件\s*[：:][{BLANKS}]*")
#: the label on top of an attachment's own page: ``附件`` or ``附件2`` alone
ATTACHMENT_LABEL_RE = lazyre.compile(rf"[{BLANKS}]*附\s*件(?:\s*[0-9０-９]+)?[{BLANKS}]*")
ATTACHMENT_ITEM_RE = lazyre.compile(rf"[{BLANKS}]*[0-9０-９]{{1,2}}[{BLANKS}]*[.．、,，](?![0-9０-９])")
NOTE_RE = lazyre.compile(r"[（(](?:此件|联系人|本件|此文)[^（）()]*[）)]")
CC_RE = lazyre.compile(r"(?:抄\s*送|抄\s*报|分\s*送)\s*[：:]")
#: A table's caption right above it (``表1　……``, ``续表2``) and its notes right under it.
TABLE_CAPTION_RE = lazyre.compile(r"[（(]?续?表\s*[0-9０-９一二三四五六七八九十]+[-－.．]?[0-9０-９]*[）)]?(?:[\s　：:]|$)")
TABLE_NOTE_RE = lazyre.compile(r"(?:注|说明|备注|资料来源|数据来源|来源)\s*[0-9０-９]*\s*[：:.．]")
#: 主送 moved to the 版记 (GB/T 9704 7.3.3: when it would keep page 1 free of body text).
RECIPIENT_IN_RECORD = lazyre.compile(r"主\s*送\s*[：:]")
PRINTED_RE = lazyre.compile(r".*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发")
_TITLE_KIND = lazyre.compile(r"(?:通知|通报|报告|请示|意见|决定|决议|方案|讲话|发言|致辞|函|纪要|办法|规定|细则|条例|要点|"
                         r"总结|计划|规划|批复|复函|公告|通告|命令|议案|公报|汇报|说明|提纲|倡议书|建议)"
                         r"(?:（[^（）]{1,12}）)?$")
_TITLE_TAIL = lazyre.compile(r"(?:的|上的)?(?:讲话|发言|致辞|讲话稿)$|^(?:的)?(?:调研|调查|考察|专题|情况)?报告$")
#: A speaker turning to the audience at the start of a paragraph (a speech's closing), and thanks.
ADDRESS = lazyre.compile(r"(?:同志们|各位[^，,！!。]{0,12}|朋友们|女士们、先生们|老师们、同学们)[，,！!]")
THANKS = lazyre.compile(r"(?:谢谢大家|谢谢)[！!。]?")
SALUTATION_WORDS = lazyre.compile(r"同志们|各位|代表|来宾|朋友们|女士们|先生们|老师们|同学们|委员(?!会)")
_ORGANISATION = lazyre.compile(r"政府|部门|单位|委员会|局|厅|办|处|科|院|校|公司|党委|党组|机关|组织|中心|会$|[县市区镇乡]")
_SENTENCE_MARKS = "。；！？"
#: How the name of an issuing organisation ends (``清河县人民政府``, ``县总工会调研组``).
ISSUER_END = lazyre.compile(r"(?:政府|委员会|局|厅|办公室|办|部|委|党委|党组|组|中心|公司|院|校|会|处|科|所|站|队)$")
#: The first characters (after blanks) of a heading marker (:func:`gongwen.spec.markers.read_marker`):
#: brackets, numerals, digits, and the junk a marker may hide behind (``##…##``, tags, entities,
#: zero-width characters).
_MARKER_FIRST = frozenset("（(0123456789０１２３４５６７８９#<&\u200b\u200c\u200d\u2060\ufeff\u00ad" + NUMERAL_CHARS)
#: What :func:`first_sentence_end` reads: the brackets and quotes, and the sentence ends.
_STOPS = lazyre.compile("[" + re.escape(_OPENERS + _CLOSERS + SENTENCE_END) + "]")
#: First characters of a series opener (一是, 第一，, 首先, 其次, 再次, 最后, 其一).
SERIES_FIRST = set(NUMERAL_CHARS) | set("第首其再最")


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
            or dates.date_line(text) or ATTACHMENT_NOTE_RE.match(text) or CC_RE.match(text) or is_recipient(text)
            or PART_RE.match(text) or ARTICLE_RE.match(text)):
        return False
    bare = text.rstrip("。，；：、.,;:")
    if any(c in bare for c in _SENTENCE_MARKS):
        return False
    if centred:
        return True
    return named(text) if (centred is False or bare != text) else True


def title_continues(first: str, second: str) -> bool:
    """Is ``second`` the rest of a title broken over two paragraphs (``关于…的`` / ``通知``)?"""
    if len(second) > 30 or not looks_like_title(second) or is_salutation(second):
        return False
    if first.count("《") > first.count("》") and second.count("》") > second.count("《"):
        return True  # a cited title opened on the first line closes on the second
    if _TITLE_TAIL.search(first) or _TITLE_KIND.search(first):
        return False  # the first line is a whole title already
    return (bool(_TITLE_TAIL.search(second)) or bool(_TITLE_KIND.fullmatch(second))
            or first.endswith(("的", "关于", "在", "和", "与", "及", "暨")))


def recipient_continues(first: str, second: str) -> bool:
    """Is ``second`` the rest of a 主送 broken over two paragraphs (``各乡镇人民政府，`` / ``县直各单位：``)?"""
    return (first.endswith(("，", "、", ",")) and is_recipient(first[:-1] + "：") and is_recipient(second)
            and len(first) + len(second) <= 120)


def name_continues(above: str, text: str) -> bool:
    """Is ``text`` the rest of an attachment's name opened with 《 on the line above?"""
    return (above.count("《") > above.count("》") and text.count("》") > text.count("《") and len(text) <= 60
            and not any(c in text[:-1] for c in "。；！？"))


def looks_like_byline(text: str) -> bool:
    """A speaker or author line under the title: short, no sentence, no marker, no colon."""
    if len(text) > 40 or any(c in text for c in _SENTENCE_MARKS):
        return False
    return not (text.endswith(("：", ":", "，", ",")) or typed_marker(text) or dates.date_line(text)
                or PART_RE.match(text) or ARTICLE_RE.match(text) or ATTENDANCE_RE.match(text))


def heading_marker(text: str) -> Optional[DraftMarker]:
    """The heading marker opening a paragraph, read tolerantly (junk, ``1）``), or None for
    what only looks like one: ``一、二季度`` (a numeral list), ``3、4月份`` (counting months),
    a bare ``（一）`` with nothing after it."""
    if text.lstrip(BLANKS)[:1] not in _MARKER_FIRST:
        return None  # no marker opens so: read_marker would say the same
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
    depth = 0
    for m in _STOPS.finditer(text, start):  # only the brackets and ends, not every character
        c = m.group()
        if c in _OPENERS:
            depth += 1
        elif c in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0:
            return m.start()
    return None


def named(text: str) -> bool:
    """Does the text read as a title by its words: ``关于……`` or a document kind at its end?"""
    bare = text.rstrip("。，；：、.,;:")
    return bare.startswith("关于") or bool(_TITLE_KIND.search(bare))


def mark_over_number(text: str, below: str) -> bool:
    """A 发文机关标志 without 文件 (信函格式, 纪要标志) standing over a 发文字号 or 期号."""
    if len(text) > 40 or any(c in text for c in "，。；：、") or typed_marker(text):
        return False
    numbered = bool(DOC_NUMBER_RE.search(below) or ISSUE_NUMBER_RE.fullmatch(below)) and len(below) <= 40
    return numbered and (bool(ISSUER_END.search(text)) or text.endswith("纪要"))


def issuer_above_title(text: str, below: str) -> bool:
    """A short organisation name standing over a paragraph that is plainly the title."""
    return (len(text) <= 30 and not named(text) and bool(ISSUER_END.search(text))
            and not any(c in text for c in "，。；：、") and named(below) and looks_like_title(below)
            and not title_continues(text, below))
