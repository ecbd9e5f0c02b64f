"""Reading an old document for import: its paragraphs, cleaned of layout, with their lines."""

from __future__ import annotations

import re
from typing import List, Optional, Sequence, Tuple

from gongwen.content.model import Document
from gongwen.spec.chars import XML_ILLEGAL
from gongwen.spec.record import dataclass, field

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_BULLET = re.compile(r"^\s{0,3}[-*+]\s+")
_MD_EMPHASIS = re.compile(r"\*\*|__")


@dataclass
class Line:
    """One source paragraph: its 1-based line (or paragraph number) and text."""

    line: int
    text: str
    where: str = "text"  # text | table | textbox (.docx)
    align: Optional[str] = None  # .docx: center | right | left (draft.looks), for the recogniser
    red: bool = False
    look: object = None
    table: object = None  # a table of the .docx, read whole (importer.tables): a content Table


@dataclass
class ImportWarning:
    """A fault found while importing; the import completes anyway."""

    line: int
    message: str
    path: str = ""

    def __str__(self) -> str:
        where = self.path or "<输入>"
        return f"{where}:{self.line}: {self.message}" if self.line else f"{where}: {self.message}"


@dataclass
class ImportResult:
    document: Document
    warnings: List[ImportWarning] = field(default_factory=list)
    kind_reason: str = ""  # why this kind was guessed; "" when the caller gave it
    paragraphs: List[Line] = field(default_factory=list)  # the source paragraphs, as read

    @property
    def kind_guessed(self) -> bool:
        return bool(self.kind_reason)

    @property
    def kind_note(self) -> str:
        """The sentence saying which kind was chosen and why (``类型：通知（notice），依据：标题以“通知”结尾``);
        "" when the caller gave the kind."""
        from gongwen.content.schema import KIND_NAMES

        kind = self.document.kind
        return f"类型：{KIND_NAMES.get(kind, kind)}（{kind}），依据：{self.kind_reason}" if self.kind_reason else ""


def set_in_lines(lines: Sequence[Line]) -> bool:
    """Are these paragraphs one title set a line each (.docx: centred, the same style and size)?
    Then joining them is no news to the writer: gongwen sets its titles that way too."""
    first = lines[0]
    return first.align == "center" and first.look is not None and all(
        ln.align == "center" and ln.look == first.look for ln in lines[1:])


def markdown_paragraphs(raw: Sequence[Tuple[int, str]]) -> List[Line]:
    """Markdown lines → paragraphs: blank lines separate, headings and list items stand alone.

    ``#``, ``>``, list bullets and ``**`` are Markdown's, not the writer's text.
    """
    out: List[Line] = []
    current: Optional[Line] = None
    for number, text in raw:
        if not text.strip():
            current = None
            continue
        alone = bool(_MD_HEADING.match(text) or _MD_BULLET.match(text))
        text = _MD_EMPHASIS.sub("", _MD_BULLET.sub("", _MD_QUOTE.sub("", _MD_HEADING.sub("", text))))
        if current is None or alone:
            current = Line(number, text.strip())
            out.append(current)
            if alone:
                current = None
        else:  # a soft-wrapped line continues the paragraph (no space between Chinese lines)
            current.text += text.strip()
    return out


def clean(lines: Sequence[Line], warn) -> List[Line]:
    """Strip the layout around each paragraph (indents, blanks); drop empty paragraphs."""
    out = []
    for ln in lines:
        text = ln.text.strip()
        if not text:
            continue
        if "\n" in text:
            warn(ln.line, "段落中有手动换行，已合并为一段（gongwen 不在段内换行）")
            text = "".join(part.strip() for part in text.split("\n"))
        bad = XML_ILLEGAL.findall(text)
        if bad:
            codes = "、".join(sorted({f"U+{ord(c):04X}" for c in bad}))
            warn(ln.line, f"删除了 Word 无法保存的控制字符 {codes}")
            text = XML_ILLEGAL.sub("", text).strip()
            if not text:
                continue
        if ln.where in ("table", "textbox") and ln.table is None:
            name = "表格" if ln.where == "table" else "文本框"
            warn(ln.line, f"{name}中的文字按普通段落导入（内容模型没有{name}）")
        out.append(Line(ln.line, text, ln.where, ln.align, ln.red, ln.look, ln.table))
    return out
