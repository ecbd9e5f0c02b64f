"""The content model: plain data, no I/O.

The loader builds it from YAML (and validates it on the way); the numberer
turns it into numbered paragraphs; the importer builds it from old documents.
Every text field holds exactly what the writer wrote: no markers, no numbers.
The keys a writer uses for these fields are listed in :mod:`gongwen.content.schema`.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Union

from gongwen.content.schema import SERIES_STYLES
from gongwen.spec.record import dataclass, field, replace  # noqa: F401 - replace: for the model's users


@dataclass
class Item:
    """One entry of a ``一是…二是…`` series; ``lead`` is empty for a plain string."""

    text: str = ""
    lead: str = ""


@dataclass
class Series:
    """The items under a section or point and how they are set."""

    items: List[Item] = field(default_factory=list)
    inline: bool = False
    style: str = SERIES_STYLES[0]
    lead_in: str = ""


@dataclass
class Table:
    """A table among the paragraphs of a section, a point or an opening (``- table: {…}``).

    Cells hold text as typed (a number stays as written: ``12,000``, ``3.50``); a line break in a
    cell is a new paragraph in it.  ``align`` gives a column's alignment (``left``, ``center``,
    ``right``); a column without one is set by its content (:func:`gongwen.spec.tables.alignments`).
    """

    rows: List[List[str]] = field(default_factory=list)
    header: List[str] = field(default_factory=list)
    caption: str = ""
    notes: List[str] = field(default_factory=list)
    align: List[str] = field(default_factory=list)

    @property
    def columns(self) -> int:
        return max([len(self.header)] + [len(r) for r in self.rows])


#: What a paragraph list holds: paragraphs, and (where :data:`~gongwen.content.schema.TABLE_HOLDERS`
#: allow) tables.
Block = Union[str, Table]


def texts(blocks: List[Block]) -> List[str]:
    """The paragraphs of ``blocks``, tables left out."""
    return [b for b in blocks if isinstance(b, str)]


@dataclass
class Point:
    """A heading at level 2–4 (``（一）`` ``1.`` ``（1）``) with its text."""

    heading: str
    text: List[Block] = field(default_factory=list)
    run_in: Optional[bool] = None  # None: run in when there is text
    points: List["Point"] = field(default_factory=list)
    series: Optional[Series] = None
    after: List[Block] = field(default_factory=list)  # paragraphs after the series, before the points

    @property
    def is_run_in(self) -> bool:
        """Is the heading run into its first paragraph (never into a table)?"""
        if not self.text or not isinstance(self.text[0], str):
            return False
        return True if self.run_in is None else self.run_in


@dataclass
class Section:
    """A level-1 part (``一、``)."""

    heading: str
    paragraphs: List[Block] = field(default_factory=list)
    points: List[Point] = field(default_factory=list)
    series: Optional[Series] = None
    part: str = ""  # report: a key of schema.REPORT_PARTS; "" otherwise
    after: List[Block] = field(default_factory=list)  # paragraphs after the series, before the points


@dataclass
class Article:
    """第一条 … : its paragraphs (款) and the numbered points under it (项, ``（一）``)."""

    text: List[str] = field(default_factory=list)
    points: List[str] = field(default_factory=list)


@dataclass
class Chapter:
    """第一章 总则: a heading over articles (numbered on through the whole document)."""

    heading: str
    articles: List[Article] = field(default_factory=list)


@dataclass
class Body:
    """What a red-header document, or one of its attachments, says: opening paragraphs, then
    sections or articles (in chapters or not), then closing paragraphs (``特此通知。``)."""

    opening: List[Block] = field(default_factory=list)
    sections: List[Section] = field(default_factory=list)
    articles: List[Article] = field(default_factory=list)
    chapters: List[Chapter] = field(default_factory=list)
    closing: List[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.opening or self.sections or self.articles or self.chapters or self.closing)


@dataclass
class Attachment:
    """附件: listed by title in the 附件说明; with a body, printed on pages of its own."""

    title: str
    body: Body = field(default_factory=Body)
    title_lines: List[str] = field(default_factory=list)  # as the writer set them; [] lets gongwen break


@dataclass
class Head:
    """The 版头 and 版记 of a red-header document (GB/T 9704 7.2, 7.4); every field optional.

    ``doc_number`` is already formatted (``清政办发〔2024〕12号``); ``mark`` is the
    发文机关标志 as printed (``清河县人民政府文件``).
    """

    copy_number: str = ""
    secrecy: str = ""
    urgency: str = ""
    issuers: List[str] = field(default_factory=list)
    mark: str = ""
    doc_number: str = ""
    signers: List[str] = field(default_factory=list)
    cc: List[str] = field(default_factory=list)
    printer: str = ""
    printed: str = ""  # normalised date: 2024年3月5日


@dataclass
class Reply:
    """The incoming document a 批复 or 复函 answers: cited title first, then its 发文字号."""

    title: str
    number: str = ""
    addressee: str = ""  # 你局, 你县: the words before the cited title


@dataclass
class Document:
    kind: str
    title: str
    template: str = ""
    date: str = ""  # normalised: 2022年3月1日
    byline: str = ""  # speech: speaker; report: author
    salutation: str = ""
    opening: List[Block] = field(default_factory=list)  # speech: opening; report: intro
    sections: List[Section] = field(default_factory=list)  # in reading order
    closing: List[str] = field(default_factory=list)
    subtitle: str = ""  # speech: 在……会议上的讲话 (printed after a dash under the title)
    # The red-header family (schema.FORMS); a report's closing 署名 uses ``signature`` too.
    head: Head = field(default_factory=Head)
    recipients: List[str] = field(default_factory=list)
    reply_to: Optional[Reply] = None
    articles: List[Article] = field(default_factory=list)
    chapters: List[Chapter] = field(default_factory=list)
    attendance: Dict[str, List[str]] = field(default_factory=dict)  # schema.ATTENDANCE key → names
    attachments: List[Attachment] = field(default_factory=list)
    signature: List[str] = field(default_factory=list)
    seal: Union[bool, str, None] = None  # None: the kind's default; SIGNATURE_STAMP: 签发人签名章
    note: str = ""
    vars: Optional[Dict[str, str]] = None  # None: not declared, text is never interpreted
    path: str = ""
    warnings: List[str] = field(default_factory=list)  # found while loading, already fixed
    #: The title in the lines the writer set (``title`` is them joined); [] lets gongwen break it.
    title_lines: List[str] = field(default_factory=list)


    @property
    def body(self) -> Body:
        """The main body, as an attachment's body is held."""
        return Body(self.opening, self.sections, self.articles, self.chapters, self.closing)


Text = Union[str, List[str]]
