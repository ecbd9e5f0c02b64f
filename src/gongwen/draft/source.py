"""A draft as paragraphs with places: what every reader produces and every consumer reads.

Readers (:mod:`gongwen.draft.read`, :mod:`gongwen.draft.yamlsource`) make a
:class:`Source`; the importer, the roles and the lint rules read it.  Pure
Python: nothing here imports lxml or YAML.
"""

from __future__ import annotations

from gongwen.spec.record import dataclass
from gongwen.textio import split_lines

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, List, Optional, Tuple

FORMATS = ("txt", "md", "docx", "yaml")


@dataclass
class Para:
    """One paragraph as the rules see it.

    ``line`` is the 1-based line of a text file, the 1-based index of the
    paragraph among all body ``w:p`` of a .docx, or the line in a YAML file.
    ``column`` is where ``text`` starts (YAML values sit mid-line).
    ``label_len`` is the length of a Word auto-numbering label rendered into
    the start of ``text``: findings may point into it, fixes never touch it.
    ``segments`` (YAML only) maps text offsets to file positions when the text
    spans several source lines: ``(offset, line, column)`` triples, each
    segment running linearly until the next.  ``exact=False`` means offsets
    cannot be mapped (a quoted scalar with escapes): every finding points at
    the start of the text and no fix is applied in place.
    """

    line: int
    text: str
    column: int = 1
    label_len: int = 0
    kind: str = "text"  # 'text' | 'heading' (markdown #) | 'yaml:<key>' …
    key: str = ""  # YAML key path, e.g. problems.points[2].text
    segments: Tuple[Tuple[int, int, int], ...] = ()
    exact: bool = True

    def position(self, offset: int) -> Tuple[int, int]:
        """File ``(line, column)`` of character ``offset`` of :attr:`text`."""
        if not self.exact:
            return self.line, self.column
        if self.segments:
            line, column, base = self.line, self.column, 0
            for seg_offset, seg_line, seg_column in self.segments:
                if seg_offset > offset:
                    break
                line, column, base = seg_line, seg_column, seg_offset
            return line, column + offset - base
        return self.line, self.column + offset

@dataclass
class Source:
    """One file read as paragraphs.

    ``text`` is the decoded file (txt/md/yaml): fixes and suppression comments
    need it.  ``docx`` is the :class:`~gongwen.ooxml.parts.DocxParts` of a
    .docx (layout rules read styles and sections from it); ``yaml`` the
    composed node tree of YAML content (content rules read keys from it).
    """

    path: str
    paras: List[Para]
    format: str  # one of FORMATS
    text: Optional[str] = None
    docx: Any = None
    yaml: Any = None


def source_from_text(text: str, path: str = "<text>", fmt: str = "txt") -> Source:
    """A text source: a line is a paragraph (a BOM is dropped; CRLF and CR end lines too)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paras = [Para(i, line) for i, line in enumerate(split_lines(text), 1)]
    return Source(path, paras, fmt, text=text)
