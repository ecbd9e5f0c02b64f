"""The content model: plain data, no I/O.

The loader builds it from YAML (and validates it on the way); the numberer
turns it into numbered paragraphs; the importer builds it from old documents.
Every text field holds exactly what the writer wrote: no markers, no numbers.
The keys a writer uses for these fields are listed in :mod:`gongwen.content.schema`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Union

from gongwen.content.schema import SERIES_STYLES


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
class Point:
    """A heading at level 2–4 (``（一）`` ``1.`` ``（1）``) with its text."""

    heading: str
    text: List[str] = field(default_factory=list)
    run_in: Optional[bool] = None  # None: run in when there is text
    points: List["Point"] = field(default_factory=list)
    series: Optional[Series] = None

    @property
    def is_run_in(self) -> bool:
        return bool(self.text) if self.run_in is None else (self.run_in and bool(self.text))


@dataclass
class Section:
    """A level-1 part (``一、``)."""

    heading: str
    paragraphs: List[str] = field(default_factory=list)
    points: List[Point] = field(default_factory=list)
    series: Optional[Series] = None
    part: str = ""  # report: a key of schema.REPORT_PARTS; "" otherwise


@dataclass
class Document:
    kind: str
    title: str
    template: str = ""
    date: str = ""  # normalised: 2022年3月1日
    byline: str = ""  # speech: speaker; report: author
    salutation: str = ""
    opening: List[str] = field(default_factory=list)  # speech: opening; report: intro
    sections: List[Section] = field(default_factory=list)  # in reading order
    closing: List[str] = field(default_factory=list)
    vars: Optional[Dict[str, str]] = None  # None: not declared, text is never interpreted
    path: str = ""
    warnings: List[str] = field(default_factory=list)  # found while loading, already fixed


Text = Union[str, List[str]]
