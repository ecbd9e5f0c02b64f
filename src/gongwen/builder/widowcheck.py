"""The widow check after a build (GW826's warnings), from the parts just rendered.

The same estimate as ``gongwen lint`` runs on the written file (:func:`gongwen.draft.pageflow.agreed_widows`
on :func:`gongwen.ooxml.parts.load_parts`), without reading the file back: the body is parsed from
the rendered bytes, and the template's own parts (styles, numbering, footers) are parsed and their
styles resolved once per compiled template (:attr:`gongwen.builder.render.Template.pageflow`, so
keyed as the template is: path, modification time, faces, page numbers).

The parts are parsed with :mod:`xml.etree.ElementTree` rather than lxml: a build needs lxml for
nothing else, and importing it costs more than the whole check.  They are the builder's own
output (a template's declarations were refused when it was checked; a declaration here is refused
again), and the reader asks the elements nothing lxml answers otherwise.
``tests/builder/test_widowcheck.py`` and ``tests/builder/test_widowcheck_etree.py`` prove the
warnings and page breaks equal to the reread file's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

from gongwen.errors import GongwenError, ReadError
from gongwen.ooxml.parts import DocxParts, _Members, _read  # the reader of parts_in_memory, parser aside


def warnings(target: Path, parts: Dict[str, bytes], template) -> List[str]:
    """GW826's warnings for ``target``, whose ``parts`` were rendered with ``template``."""
    from gongwen.draft.pageflow import agreed_widows, widow_message

    held = template.pageflow
    try:
        docx = read(str(target), parts, held.setdefault("parts", {}))
        return [f"{target}: {widow_message(w)}" for w in agreed_widows(docx, held.setdefault("styles", {}))]
    except GongwenError:
        return []


def read(path: str, members: Dict[str, bytes], kept: Dict[str, tuple]) -> DocxParts:
    """:func:`gongwen.ooxml.parts.parts_in_memory`, parsed with ElementTree."""
    return _read(_Parts(path), _EtreeMembers(path, members, kept))


class _Parts(DocxParts):
    def section_properties(self) -> list:
        if self.body is None:
            return []
        changed = {id(s) for c in self.body.iter(_SECTPR_CHANGE) for s in c if s.tag == _SECTPR}
        return [s for s in self.body.iter(_SECTPR) if id(s) not in changed]


class _EtreeMembers(_Members):
    def xml(self, name: str):
        from gongwen.ooxml.names import R_NS, R_STRICT_NS, W_NS, W_STRICT_NS
        from gongwen.ooxml.package import MAX_TAGS, _too_many_tags

        if not self.has(name):
            return None
        data = self.names[name.lstrip("/")]
        held = self.kept.get(name)
        if held is not None and held[0] is data:
            return held[1]
        raw = data
        if b"purl.oclc.org/ooxml/" in data[:8192]:  # ISO 29500 Strict: same vocabulary, other names
            self.strict = True
            data = data.replace(W_STRICT_NS.encode(), W_NS.encode()).replace(R_STRICT_NS.encode(), R_NS.encode())
        tags = data.count(b"<")
        if self.tags + tags > MAX_TAGS:
            raise ReadError(self.path, _too_many_tags(name, self.tags + tags))
        self.tags += tags
        root = _parse(data, self.path, name)
        if name != self.main:
            self.kept[name] = (raw, root)
        return root


def _parse(data: bytes, path: str, part: str):
    from xml.etree.ElementTree import ParseError, XMLParser

    from gongwen.ooxml.package import declares_dtd

    if declares_dtd(data):
        raise ReadError(path, f"{part} 含有 DTD 或实体声明，出于安全考虑拒绝读取")
    parser = XMLParser()
    try:
        parser.feed(data)
        return parser.close()
    except (ParseError, ValueError):
        raise ReadError(path, f"{part} 不是合法的 XML") from None


_SECTPR = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr"
_SECTPR_CHANGE = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPrChange"
