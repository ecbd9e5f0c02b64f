"""The widow check after a build (GW826's warnings), from the parts just rendered.

The same estimate as ``gongwen lint`` runs on the written file (:func:`gongwen.draft.pageflow.agreed_widows`
on :func:`gongwen.ooxml.parts.load_parts`), without reading the file back: the body is parsed from
the rendered bytes, and the template's own parts (styles, numbering, footers) are parsed and their
styles resolved once per compiled template (:attr:`gongwen.builder.render.Template.pageflow`, so
keyed as the template is: path, modification time, faces, page numbers).
``tests/builder/test_widowcheck.py`` proves the warnings and page breaks equal to the reread file's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

from gongwen.errors import GongwenError


def warnings(target: Path, parts: Dict[str, bytes], template) -> List[str]:
    """GW826's warnings for ``target``, whose ``parts`` were rendered with ``template``."""
    from gongwen.draft.pageflow import agreed_widows, widow_message
    from gongwen.ooxml.parts import parts_in_memory

    held = template.pageflow
    try:
        docx = parts_in_memory(str(target), parts, held.setdefault("parts", {}))
        return [f"{target}: {widow_message(w)}" for w in agreed_widows(docx, held.setdefault("styles", {}))]
    except GongwenError:
        return []
