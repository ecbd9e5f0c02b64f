"""What a template reaches outside itself, named for ``templates check`` and stripped by the build.

A template is copied into every output part by part, so whatever it links to,
every document links to: a picture linked to ``http://…`` is fetched by Word or
LibreOffice from whoever opens the document (and tells that server so), one
linked to ``file:///…`` reads a file of that machine into the page (a scanned
seal into a PDF that leaves the building), an attached template
(``settings.xml``) is fetched when Word opens the file, an ``altChunk`` imports
foreign HTML or RTF, a ``vbaProject.bin`` is a macro project.

:func:`find` names all of these; :func:`strip` returns the template without
them (the relationship, the part it pointed to, and the attribute or element
that used it), so no output carries them.  Word fields that fetch on their own
(``INCLUDEPICTURE``, ``INCLUDETEXT``, ``LINK``, ``DDE``…) cannot be cut out
cleanly: they are refused instead (``strip=False``).  Hyperlinks to ``http``,
``https`` and ``mailto`` stay: nothing follows them unless a reader clicks.

LibreOffice is run so that it cannot fetch linked resources even if one slips
through (:mod:`gongwen.builder.pdf`).
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Set, Tuple

from gongwen.errors import ReadError
from gongwen.ooxml import rels
from gongwen.ooxml.names import R_NS, R_STRICT_NS, W_NS
from gongwen.spec.record import dataclass

_FETCHED = "打开文档的电脑会去读取这个网址或文件：本机的文件会被带进文档，网址的主人会知道谁打开了文档"
_MACRO = "宏是可执行的程序，会随文档传到每个读者"
SVG = "SVG 图片"
#: Relationship kinds (the type's last segment) that are never kept, internal or not: (what, why).
DANGEROUS = {
    "attachedTemplate": ("附加模板（attachedTemplate）", "Word 打开文档时会去读取这个模板"),
    "aFChunk": ("嵌入的外部格式内容（altChunk）", "导入的 HTML、RTF 等内容可能再引用网络或本机的文件"),
    "vbaProject": ("宏（VBA 工程）", _MACRO),
    "wordVbaData": ("宏数据（VBA）", _MACRO),
    "keyMapCustomizations": ("宏快捷键设置", _MACRO),
    "attachedToolbars": ("宏工具栏", _MACRO),
    "control": ("ActiveX 控件", "控件是可执行的程序"),
    "oleObject": ("嵌入或链接的对象（OLE）", "对象可能链接外部文件，或是可执行的程序"),
    "package": ("嵌入的文件包（OLE）", "文件包可能是可执行的程序"),
    "subDocument": ("子文档", _FETCHED),
    "frame": ("框架网页（frame）", _FETCHED),
    "mailMergeSource": ("邮件合并数据源", "Word 打开文档时会去连接这个数据源"),
    "mailMergeHeaderSource": ("邮件合并数据源", "Word 打开文档时会去连接这个数据源"),
    "recipientData": ("邮件合并收件人数据", "Word 打开文档时会去读取这些数据"),
}
EXTERNAL = {"image": ("链接的外部图片", _FETCHED),
            "hyperlink": ("指向本机或内网的超链接", "点击就会打开这个位置的文件，并泄露文件路径")}
#: Hyperlinks kept: nothing follows them unless a reader clicks.
SAFE_LINK = re.compile(r"^(?:https?|mailto):", re.I)
#: Parts dropped by name wherever they are (macros, ActiveX), referenced or not.
DROPPED_PART = re.compile(r"(?:^|/)(?:vba\w*\.(?:bin|xml)|activeX/[^/]+)$", re.I)
#: Word fields that read a file or a URL, or start a program, when the document is opened or updated.
FETCHING_FIELDS = {"INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "LINK", "DDE", "DDEAUTO", "IMPORT", "DATABASE"}
#: Elements that only carry the reference: removed whole with it (local names).
CARRIERS = {"attachedTemplate", "altChunk", "subDoc", "control", "OLEObject", "dataSource", "headerSource",
            "sourceFileName", "recipientData"}
#: Pictures whose linked bytes are stripped go whole (an empty frame would show a red cross).
PICTURE_USERS = {"blip", "imagedata"}
PICTURES = {"drawing", "pict", "object"}
#: Main-part content types that must not reach a .docx (macro-enabled, or a template's).
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
OTHER_MAINS = ("application/vnd.ms-word.document.macroEnabled.main+xml",
               "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")
_R = ("{" + R_NS + "}", "{" + R_STRICT_NS + "}")
_W = "{" + W_NS + "}"
_PLACES = (("word/document.xml", "正文"), ("word/settings.xml", "文档设置"), ("word/webSettings.xml", "网页设置"),
           ("word/styles.xml", "样式"), ("word/numbering.xml", "编号"), ("word/header", "页眉"),
           ("word/footer", "页脚"), ("word/footnotes", "脚注"), ("word/endnotes", "尾注"),
           ("word/glossary/", "文档部件"), ("", "文件"))


@dataclass
class Reference:
    """One thing of a template that reaches outside it."""

    part: str  # the part that uses it
    what: str  # what it is, in Chinese
    target: str  # the URL, path or part it names
    why: str = ""  # why it must go, in Chinese
    strip: bool = True  # True: the build removes it; False: the template is refused
    rels_part: str = ""  # the .rels part holding the relationship ("" for a part or a field)
    rel_id: str = ""

    def where(self) -> str:
        place = next(name for prefix, name in _PLACES if self.part.startswith(prefix))
        return f"{place}（{self.part}）" if self.part else place

    def message(self) -> str:
        target = _short(self.target)
        if self.strip:
            hint = "（要用这张图片，请在 Word 里插入图片本身，不要选“链接到文件”）" if "图片" in self.what else ""
            return f"模板的{self.where()}带有{self.what} {target}：{self.why}。成稿里不会带上它；请在模板里删掉它{hint}"
        if self.what == SVG:
            return (f"模板中有 SVG 图片 {target}：SVG 里可以引用本机文件或网址，转换或打开时会被读取；"
                    "为安全起见不使用这个模板，请在 Word 里把它换成 PNG 或 JPEG 图片")
        return (f"模板的{self.where()}有 Word 域 {self.what}（{target}），打开或更新文档时会读取外部文件、"
                "网址或启动程序；为安全起见不使用这个模板，请在 Word 里删掉这个域（选中后按 Ctrl+Shift+F9 可转为普通文字）")


def _short(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= 80 else text[:79] + "…"


# --- finding ------------------------------------------------------------------------

def find(order: List[str], parts: Dict[str, bytes], path: str = "") -> List[Reference]:
    """Everything of the template that reaches outside it, in part order.

    ``order`` lists every member; ``parts`` holds at least the ``.xml`` and
    ``.rels`` parts (binary parts are judged by their names).  A ``.rels`` part
    that cannot be parsed raises :class:`ReadError`.
    """
    found: List[Reference] = []
    for name in order:
        source = rels.source_of(name)
        if source is not None and name in parts:
            for rel in rels.read(parts[name], path, name):
                what = _judge(rel)
                if what:
                    found.append(Reference(source, what[0], rel.target, what[1], True, name, rel.id))
        elif source is None and DROPPED_PART.search(name):
            found.append(Reference(name, "宏或 ActiveX 控件", name, _MACRO))
        elif source is None and name.lower().endswith(".svg"):
            # An SVG picture may itself point at a local file or a URL that a renderer follows.
            found.append(Reference(name, SVG, name, strip=False))
    linked = {rels.resolve(r.part, r.target) for r in found if r.rels_part}
    found = [r for r in found if r.rels_part or r.part not in linked]  # named once, by its relationship
    for name in order:
        # Element and attribute names are never escaped: a part without "instr" has no field.
        if name.startswith("word/") and name.endswith(".xml") and name in parts and b"instr" in parts[name]:
            found.extend(_fields(name, parts[name], path))
    return found


def _judge(rel: rels.Relationship) -> Optional[Tuple[str, str]]:
    """(what ``rel`` is, why it must go), or ``None`` when it stays."""
    kind = rel.kind
    if kind in DANGEROUS:
        return DANGEROUS[kind]
    if not rel.external:
        return None
    if kind == "hyperlink" and SAFE_LINK.match(rel.target):
        return None
    return EXTERNAL.get(kind, (f"外部链接（{kind}）", _FETCHED))


def _fields(name: str, data: bytes, path: str) -> List[Reference]:
    """Fetching Word fields in part ``name``: simple fields and complex ones (begin … separate … end)."""
    from gongwen.ooxml.package import parse_xml

    root = parse_xml(data, path, name)
    instructions: List[str] = []
    open_fields: List[Optional[List[str]]] = []  # instruction pieces of each field begun and not yet separated
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == _W + "fldSimple":
            instructions.append(element.get(_W + "instr") or "")
        elif tag == _W + "fldChar":
            kind = element.get(_W + "fldCharType")
            if kind == "begin":
                open_fields.append([])
            elif kind == "separate" and open_fields:
                instructions.append("".join(open_fields[-1]))
                open_fields[-1] = None  # the result follows: no more instruction
            elif kind == "end" and open_fields:
                pieces = open_fields.pop()
                if pieces is not None:
                    instructions.append("".join(pieces))
        elif tag == _W + "instrText" and open_fields and open_fields[-1] is not None:
            open_fields[-1].append(element.text or "")
    out = []
    for text in instructions:
        words = text.split()
        if words and words[0].upper() in FETCHING_FIELDS:
            out.append(Reference(name, words[0].upper(), " ".join(words[1:]), strip=False))
    return out


# --- stripping -------------------------------------------------------------------------

def strip(order: List[str], parts: Dict[str, bytes], path: str = ""
          ) -> Tuple[List[str], Dict[str, bytes], List[Reference]]:
    """The template without what :func:`find` names: (order, parts, what was removed).

    Raises :class:`ReadError` for a fetching field (it cannot be cut out) or a
    part that cannot be parsed.
    """
    found = find(order, parts, path)
    refused = [r for r in found if not r.strip]
    if refused:
        raise ReadError(path, refused[0].message())
    if not found:
        return order, parts, []
    parts = dict(parts)
    by_rels: Dict[str, Set[str]] = {}
    for ref in found:
        if ref.rels_part:
            by_rels.setdefault(ref.rels_part, set()).add(ref.rel_id)
    dropped: Set[str] = {r.part for r in found if not r.rels_part}
    kept_targets: Set[str] = set()
    gone_targets: Set[str] = set()
    for name in order:
        source = rels.source_of(name)
        if source is None or name not in parts:
            continue
        for rel in rels.read(parts[name], path, name):
            if rel.external:
                continue
            target = rels.resolve(source, rel.target)
            (gone_targets if rel.id in by_rels.get(name, ()) else kept_targets).add(target)
    dropped |= gone_targets - kept_targets
    dropped |= {rels.rels_part(p) for p in dropped}
    for rels_name, ids in by_rels.items():
        parts[rels_name] = _without_relationships(parts[rels_name], ids, path, rels_name)
        source = rels.source_of(rels_name)
        if source and source in parts and source not in dropped:
            parts[source] = _without_references(parts[source], ids, path, source)
    order = [name for name in order if name not in dropped]
    for name in dropped:
        parts.pop(name, None)
    if "[Content_Types].xml" in parts:
        parts["[Content_Types].xml"] = _content_types(parts["[Content_Types].xml"], dropped, path)
    return order, parts, found


def normalise_main_type(parts: Dict[str, bytes], path: str = "") -> Dict[str, bytes]:
    """The package with a .docx main content type (a .docm or .dotx template's would make Word refuse
    the output)."""
    types = parts.get("[Content_Types].xml", b"")
    if not any(t.encode() in types for t in OTHER_MAINS):
        return parts
    parts = dict(parts)
    parts["[Content_Types].xml"] = _content_types(types, set(), path)
    return parts


def _serialise(root) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _without_relationships(data: bytes, ids: Set[str], path: str, name: str) -> bytes:
    from gongwen.ooxml.package import parse_xml

    root = parse_xml(data, path, name)
    for rel in list(root):
        if isinstance(rel.tag, str) and rel.tag.endswith("}Relationship") and (rel.get("Id") or "") in ids:
            root.remove(rel)
    return _serialise(root)


def _without_references(data: bytes, ids: Set[str], path: str, name: str) -> bytes:
    """Part ``name`` without the attributes (or whole carrier elements) that use relationships ``ids``."""
    from gongwen.ooxml.package import parse_xml

    if not name.endswith(".xml"):
        return data
    root = parse_xml(data, path, name)
    doomed = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attr, value in list(element.attrib.items()):
            if attr.startswith(_R) and value in ids:
                local = element.tag.rsplit("}", 1)[-1]
                picture = _picture_of(element) if local in PICTURE_USERS else None
                if picture is not None:
                    doomed.append(picture)
                elif local in CARRIERS:
                    parent = element.getparent()
                    whole = parent if local in ("dataSource", "headerSource") and parent is not None else element
                    doomed.append(whole)
                else:
                    del element.attrib[attr]
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    return _serialise(root)


def _picture_of(element):
    """The ``w:drawing``/``w:pict``/``w:object`` holding ``element``, if any."""
    for ancestor in element.iterancestors():
        if isinstance(ancestor.tag, str) and ancestor.tag.startswith(_W) and ancestor.tag[len(_W):] in PICTURES:
            return ancestor
    return None


def _content_types(data: bytes, dropped: Set[str], path: str) -> bytes:
    from gongwen.ooxml.package import parse_xml

    root = parse_xml(data, path, "[Content_Types].xml")
    for entry in list(root):
        if not isinstance(entry.tag, str):
            continue
        name = (entry.get("PartName") or "").lstrip("/")
        if entry.tag.endswith("}Override") and name in dropped:
            root.remove(entry)
        elif entry.get("ContentType") in OTHER_MAINS:
            entry.set("ContentType", DOCX_MAIN)
    return _serialise(root)
