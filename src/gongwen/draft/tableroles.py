"""What stands around a table in a draft: its caption above and its notes under it.

Part of the recogniser (:mod:`gongwen.draft.roles`, which gives these paragraphs their roles before
it reads the running text, so a caption is never taken for a heading nor a note for body text).
"""

from __future__ import annotations

from gongwen.draft.phrases import TABLE_CAPTION_RE, TABLE_NOTE_RE
from gongwen.spec.gbt9704 import BODY_SIZE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, List, Optional, Sequence

#: the caption right above a table (``表1　……``) and the notes right under it (``注：`` ``资料来源：``)
TABLE_CAPTION, TABLE_NOTE = "table_caption", "table_note"


def around_tables(lines: Sequence, texts: List[str], roles: Sequence[Optional[object]]) -> Dict[int, str]:
    """``{index: role}`` of the captions and notes of the tables among ``lines`` (paragraphs whose
    ``where`` is ``table``): a ``表1 ……`` line right above a table whose role is not yet known; the
    lines right under it that read ``注：`` / ``资料来源：`` or are set smaller than the text above
    the table (.docx: a note is one size down)."""
    def size(k: int):
        look = lines[k].look if k >= 0 else None
        return (look[1:] or [None])[0] if isinstance(look, tuple) else None

    out: Dict[int, str] = {}
    for i, ln in enumerate(lines):
        if ln.where != "table" or (i and lines[i - 1].where == "table"):
            continue
        if i and roles[i - 1] is None and len(texts[i - 1]) <= 60 and TABLE_CAPTION_RE.match(texts[i - 1]):
            out[i - 1] = TABLE_CAPTION
        text_size = size(i - 2 if i - 1 in out else i - 1) or BODY_SIZE
        end = next((k for k in range(i, len(lines)) if lines[k].where != "table"), len(lines))
        while end < len(lines) and roles[end] is None and end not in out and (
                TABLE_NOTE_RE.match(texts[end]) or (size(end) or text_size) < text_size):
            out[end] = TABLE_NOTE
            end += 1
    return out
