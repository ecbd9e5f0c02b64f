"""What the recogniser (:mod:`gongwen.draft.roles`) may know of a .docx paragraph's looks:
its alignment, whether its text is red, and its style and size — so a centred title set over
two paragraphs reads as one title, and a red 发文机关标志 as the issuer's mark.
"""

from __future__ import annotations

from gongwen.draft.source import Source

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Optional, Tuple

#: ``w:jc`` values as the recogniser reads them.
ALIGN = {"center": "center", "right": "right", "end": "right", "distribute": "center"}
if TYPE_CHECKING:
    Look = Tuple[Optional[str], bool, object]


def docx_looks(source: Source, resolver=None) -> List[Look]:
    """``(alignment, red, (style, size))`` of each paragraph of a .docx source, as Word shows it;
    ``(None, False, None)`` for an empty paragraph, and for every paragraph of other sources."""
    parts = source.docx
    if parts is None:
        return [(None, False, None)] * len(source.paras)
    if resolver is None:
        from gongwen.ooxml.styles import Resolver

        resolver = Resolver(parts)
    out: List[Look] = []
    for i, para in enumerate(source.paras):
        if i >= len(parts.elements) or not para.text.strip():
            out.append((None, False, None))
            continue
        el = parts.elements[i]
        style, props = resolver.para(el)
        out.append((ALIGN.get(props.get("jc", "left"), "left"), resolver.is_red(style, el),
                    (style, resolver.size_of(style, el))))
    return out
