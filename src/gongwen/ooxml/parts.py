"""The parsed parts of one .docx that readers and rules look at: body, styles, settings,
numbering, footers; and the style chain Word resolves formatting through."""

from __future__ import annotations

from gongwen.errors import ReadError
from gongwen.ooxml.names import R_ID, w
from gongwen.ooxml.package import MAX_TOTAL_SIZE, SafeZip, open_docx

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict

def wval(el, tag: str = None, attr: str = "val"):
    """``w:val`` (or another ``w:`` attribute) of ``el`` or of its child ``tag``."""
    if el is None:
        return None
    if tag is not None:
        el = el.find(w(tag))
        if el is None:
            return None
    return el.get(w(attr))


class DocxParts:
    """The parsed parts of one .docx that lint rules look at.

    ``document``, ``styles``, ``settings``, ``numbering`` are root elements
    (``None`` when the part is absent); ``footers`` and ``headers`` map a
    relationship id of the main part to a footer's or header's root; ``elements[i]`` is the ``w:p`` element of
    paragraph ``i + 1`` of the Source and ``where[i]`` says where it sits
    (``body``, ``table`` or ``textbox``).
    """

    def __init__(self, path: str):
        self.path = path
        self.main = "word/document.xml"
        self.document = None
        self.body = None
        self.styles = None
        self.settings = None
        self.numbering = None
        self.footers: Dict[str, object] = {}
        self.headers: Dict[str, object] = {}
        self.has_theme = False
        self.elements: list = []
        self.where: list = []
        self._styles: Dict[str, object] = {}
        self._default_style: Dict[str, str] = {}

    # styles ---------------------------------------------------------------

    def _index_styles(self) -> None:
        if self.styles is None:
            return
        for st in self.styles.iterfind(w("style")):
            sid = st.get(w("styleId"))
            if sid is None:
                continue
            self._styles.setdefault(sid, st)
            if st.get(w("default")) in ("1", "true", "on"):
                self._default_style.setdefault(st.get(w("type")) or "paragraph", sid)

    def style(self, sid):
        return self._styles.get(sid) if sid else None

    def default_style(self, kind: str = "paragraph"):
        return self._default_style.get(kind)

    def style_chain(self, sid, kind: str = "paragraph") -> list:
        """Style ``sid`` (or the default style of ``kind``) and its ``basedOn`` ancestors."""
        if not sid or sid not in self._styles:
            sid = self._default_style.get(kind)
        chain, seen = [], set()
        while sid and sid not in seen and sid in self._styles and len(chain) < 32:
            seen.add(sid)
            st = self._styles[sid]
            chain.append(st)
            sid = wval(st, "basedOn")
        return chain

    def doc_defaults(self, what: str):
        """``w:rPr`` (what="rPr") or ``w:pPr`` of docDefaults, or None."""
        if self.styles is None:
            return None
        dd = self.styles.find(w("docDefaults"))
        if dd is None:
            return None
        holder = dd.find(w(what + "Default"))
        return None if holder is None else holder.find(w(what))

    def section_properties(self) -> list:
        """Every ``w:sectPr`` of the body, in order (the last one is the body's own)."""
        if self.body is None:
            return []
        return [s for s in self.body.iter(w("sectPr")) if s.getparent().tag != w("sectPrChange")]

    def setting(self, tag: str):
        return None if self.settings is None else self.settings.find(w(tag))


def load_parts(path: str, fileobj=None) -> DocxParts:
    """Open ``path`` safely and parse the parts lint needs."""
    with open_docx(path, fileobj) as z:
        return _read(DocxParts(path), z)


class _Members(SafeZip):
    """The parts of a package still in memory (name → bytes), read as :class:`SafeZip` reads a
    zip's.  A part other than the main one whose bytes are the very object parsed before (``kept``:
    name → (bytes, root)) is not parsed again."""

    def __init__(self, path: str, members: Dict[str, bytes], kept: Dict[str, tuple]):
        self.path, self.total, self.tags, self.strict = path, 0, 0, False
        self.max_total = MAX_TOTAL_SIZE
        self.names = members
        self.kept = kept
        self.main = "word/document.xml"

    def close(self) -> None:
        pass

    def read(self, name: str, limit=None) -> bytes:
        return self.names[name.lstrip("/")]

    def xml(self, name: str):
        data = self.names.get(name.lstrip("/")) if self.has(name) else None
        held = self.kept.get(name)
        if data is not None and held is not None and held[0] is data:
            return held[1]
        root = super().xml(name)
        if data is not None and name != self.main:
            self.kept[name] = (data, root)
        return root


def parts_in_memory(path: str, members: Dict[str, bytes], kept: Dict[str, tuple]) -> DocxParts:
    """What :func:`load_parts` reads from the file ``path``, read from its ``members`` before they are
    written (the builder's widow check); parts unchanged since the last call with the same ``kept``
    (a template's styles, numbering, footers) are parsed once."""
    return _read(DocxParts(path), _Members(path, members, kept))


def _read(parts: DocxParts, z) -> DocxParts:
    parts.main = z.main = z.main_part()
    parts.document = z.xml(parts.main)
    if parts.document is None or parts.document.tag != w("document"):
        raise ReadError(parts.path, f"{parts.main} 不是 Word 正文（根元素不是 w:document）")
    parts.body = parts.document.find(w("body"))
    rels = z.rels(parts.main)
    by_type: Dict[str, str] = {}
    for rid, (rtype, name) in rels.items():
        by_type.setdefault(rtype, name)
    parts.styles = z.xml(by_type.get("/styles", "word/styles.xml"))
    parts.settings = z.xml(by_type.get("/settings", "word/settings.xml"))
    parts.numbering = z.xml(by_type.get("/numbering", "word/numbering.xml"))
    parts.has_theme = "/theme" in by_type
    wanted = set()
    for sect in parts.section_properties():
        for ref in sect.iterfind(w("footerReference")):
            wanted.add(("/footer", ref.get(R_ID)))
        for ref in sect.iterfind(w("headerReference")):
            wanted.add(("/header", ref.get(R_ID)))
    for kind, rid in wanted:
        rel = rels.get(rid)
        if rel and rel[0] == kind and z.has(rel[1]):
            (parts.footers if kind == "/footer" else parts.headers)[rid] = z.xml(rel[1])
    parts._index_styles()
    return parts
