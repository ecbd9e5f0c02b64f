"""Opening a .docx safely: bounded zip reads and XML parsing with no entities.

A .docx handed to a reviewer may be broken or hostile.  Everything here keeps
these promises:

* **No external data.**  XML is parsed by lxml with entity resolution, DTD
  loading and network access switched off, and a part that declares a DTD at
  all (``<!DOCTYPE``) is refused: Word never writes one, so a DOCTYPE in a
  .docx is either damage or an attack (``<!ENTITY x SYSTEM "file:///etc/passwd">``).
* **Bounded memory and time.**  Before anything is inflated, the sizes the zip
  declares are checked against :data:`MAX_MEMBER_SIZE`, :data:`MAX_TOTAL_SIZE`
  and :data:`MAX_RATIO`; then each member is inflated in chunks and abandoned
  as soon as it passes its limit, because a declared size can lie.  A zip bomb
  is refused in milliseconds, without being read into memory.
* **Bounded parsing.**  Markup is counted before a part is parsed (:data:`MAX_TAGS`
  over all the parts of one package): a small part of tiny elements would otherwise
  cost gigabytes as a tree.
* **One name, one member.**  A zip listing a name twice is refused: readers
  disagree on which copy counts (Word and LibreOffice show the last).
* **One kind of failure.**  Not a zip, a truncated zip, a zip without
  ``word/document.xml``, encryption, bad CRC, malformed XML: all become
  :class:`ReadError` with a Chinese sentence naming the file.

Drafts, templates and gongwen's own outputs are all opened here: templates
travel between offices and are as untrusted as drafts.  Callers read a member's
bytes (:meth:`SafeZip.read`), parse a part (:meth:`SafeZip.xml`, or
:func:`parse_xml` on bytes already read), list the members, or stream every
member through in chunks to copy the package (:meth:`SafeZip.chunks`).

lxml is imported inside the functions that need it, so importing this module
costs nothing for text files.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib

from gongwen.errors import ReadError
from gongwen.ooxml.names import R_NS, R_STRICT_NS, W_NS, W_STRICT_NS
from gongwen.textio import open_binary

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, Iterator, List, Optional, Union

#: Largest uncompressed size of one XML part we will inflate (bytes).
MAX_MEMBER_SIZE = 64 * 1024 * 1024
#: Largest uncompressed size of all parts read from one .docx (bytes).
MAX_TOTAL_SIZE = 200 * 1024 * 1024
#: Largest compression ratio accepted for a member bigger than RATIO_FLOOR (smaller members
#: are bounded well enough by the size limits; repetitive XML can compress a few hundred times).
#: Real WordprocessingML compresses 5–30×; a run of zeros compresses ~1000×.
MAX_RATIO = 400
RATIO_FLOOR = 16 * 1024 * 1024
#: Most entries a .docx may list (a real one has a few dozen, with media a few hundred).
MAX_MEMBERS = 10000
#: Most markup in the XML parts parsed from one .docx, counted as "<" characters (every element
#: takes at least one, an end tag another).  Parsing costs about 120 bytes per element, and
#: 10 million empty ``<w:p/>`` fit in 64 MB that compress to 250 kB.  A 300-page report saved by
#: Word (some 10,000 paragraphs of 20–60 tags each) has well under a million.
MAX_TAGS = 4_000_000
#: Inflate in chunks of this size.
CHUNK = 256 * 1024
OFFICE_DOC_REL = "/officeDocument"


def _parser():
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


_PARSER = None
_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))


class DeclarationRefused(ReadError):
    """A part declares a DTD or entities, so it is refused without being parsed."""

    def __init__(self, path: str, part: str, message: str):
        super().__init__(path, message)
        self.part = part


def xml_problem(exc) -> str:
    """What is wrong with a part lxml refused, in Chinese (never libxml2's English words)."""
    text = str(exc)
    where = f"（第 {exc.lineno} 行附近）" if getattr(exc, "lineno", None) else ""
    if "Excessive depth" in text:
        return "嵌套层次过深" + where
    if "Text node too long" in text or "Resource limit" in text or "HUGE" in text:
        return "单段文字过长（超过 10 MB）" + where
    if "Document is empty" in text or "Start tag expected" in text:
        return "内容为空或不是 XML"
    return "格式有误" + where


class MalformedXml(ReadError):
    """A part is not well-formed XML; ``detail`` is the parser's own words."""

    def __init__(self, path: str, part: str, message: str, detail: str):
        super().__init__(path, message)
        self.part = part
        self.detail = detail


def declares_dtd(data: bytes) -> bool:
    """True when ``data`` holds a ``<!DOCTYPE`` or ``<!ENTITY`` declaration."""
    # Outside comments and CDATA a literal "<!" can only open a declaration, so looking
    # for one anywhere is both safe and cheap (bytes.find runs at memory speed).
    return any(mark in data for mark in _DECLARATIONS)


def parse_xml(data: bytes, path: str, part: str):
    """Parse one XML part safely; refuse a DOCTYPE; return the root element.

    Raises :class:`DeclarationRefused` for a DTD or entity declaration and
    :class:`MalformedXml` for anything lxml cannot parse (both are ReadError).
    """
    global _PARSER
    from lxml import etree

    if declares_dtd(data):
        raise DeclarationRefused(path, part, f"{part} 含有 DTD 或实体声明，出于安全考虑拒绝读取（Word 不会生成这种文件）")
    tags = data.count(b"<")
    if tags > MAX_TAGS:
        raise ReadError(path, _too_many_tags(part, tags))
    if _PARSER is None:
        _PARSER = _parser()
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        why = xml_problem(exc)
        raise MalformedXml(path, part, f"{part} 不是合法的 XML，文件可能已损坏：{why}", why) from None
    except ValueError:  # e.g. unicode string with declaration, odd encodings
        why = "编码或 XML 声明无法识别"
        raise MalformedXml(path, part, f"{part} 无法解析：{why}", why) from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise DeclarationRefused(path, part, f"{part} 含有 DTD 声明，出于安全考虑拒绝读取")
    return root


class SafeZip:
    """A .docx opened for bounded reading of its parts.

    ``max_total`` lowers :data:`MAX_TOTAL_SIZE` for one package (templates are
    read whole and have a smaller budget).
    """

    def __init__(self, path: str, fileobj=None, max_total: Optional[int] = None):
        self.path = path
        self.total = 0
        self.tags = 0  # markup parsed so far, against MAX_TAGS
        self.max_total = MAX_TOTAL_SIZE if max_total is None else min(max_total, MAX_TOTAL_SIZE)
        self.strict = False  # a part was ISO 29500 Strict (read under transitional names)
        stream = fileobj if fileobj is not None else open_binary(path, " .docx 文件")
        self._own = stream if fileobj is None else None  # closed with the package
        try:
            self.zip = zipfile.ZipFile(stream)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError):
            if fileobj is None:
                stream.close()
            raise ReadError(path, "不是有效的 .docx 文件（不是 zip 压缩包，或文件不完整）") from None
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            self.close()
            raise ReadError(path, f"压缩包内有 {len(infos)} 个条目，超过上限 {MAX_MEMBERS}，拒绝读取")
        self._infos = infos
        self.names: Dict[str, zipfile.ZipInfo] = {}
        seen: Dict[str, str] = {}
        for info in infos:
            name = info.filename.lstrip("/")
            key = name.lower()  # part names are compared without case (OPC)
            if key in seen:
                self.close()
                raise ReadError(path, f"压缩包内有两个同名条目“{seen[key]}”和“{info.filename}”"
                                      "（不同的软件读取的是不同的一个），文件可能被篡改，拒绝读取")
            seen[key] = info.filename
            self.names[name] = info
        declared = sum(i.file_size for i in infos if i.filename.endswith((".xml", ".rels")))
        if declared > self.max_total:
            self.close()
            raise ReadError(path, _too_big(declared, self.max_total))

    def close(self) -> None:
        self.zip.close()
        if self._own is not None:
            self._own.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def has(self, name: str) -> bool:
        return name.lstrip("/") in self.names

    def members(self) -> List[str]:
        """Member names in the order the zip lists them (a leading "/" dropped, each once)."""
        return list(self.names)

    def infos(self) -> List[zipfile.ZipInfo]:
        """Every entry of the zip as listed, for copying the package entry by entry."""
        return list(self._infos)

    def size(self, name: str) -> Optional[int]:
        """The size member ``name`` declares (it may lie), or ``None`` without such a member."""
        info = self.names.get(name.lstrip("/"))
        return None if info is None else info.file_size

    def declared_size(self) -> int:
        """What all members together declare they inflate to."""
        return sum(info.file_size for info in self._infos)

    def read(self, name: str, limit: Optional[int] = None) -> bytes:
        """The inflated bytes of ``name``, refusing anything over the limits.

        ``limit`` bounds this one member further (bytes).
        """
        info = self.names.get(name.lstrip("/"))
        if info is None:
            raise ReadError(self.path, f"缺少 {name}")
        room = min(MAX_MEMBER_SIZE, self.max_total - self.total)
        if limit is not None:
            room = min(room, limit)
        if info.file_size > room:
            if room < self.max_total - self.total:  # this part alone is over its own limit
                raise ReadError(self.path, f"{name} " + _too_big(info.file_size, room))
            raise ReadError(self.path, _too_big(self.total + info.file_size, self.max_total))
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ReadError(
                self.path,
                f"{name} 压缩比异常（{info.compress_size} 字节解压为 {info.file_size} 字节），疑似压缩炸弹，拒绝读取",
            )
        chunks = []
        size = 0
        stream = self.chunks(info)
        try:
            for chunk in stream:
                size += len(chunk)
                if size > room:
                    raise ReadError(self.path, f"{name} " + _too_big(size, room, lied=True))
                chunks.append(chunk)
        finally:
            stream.close()
        self.total += size
        return b"".join(chunks)

    def chunks(self, member: Union[str, zipfile.ZipInfo]) -> Iterator[bytes]:
        """Inflate ``member`` (a name, or an entry of :meth:`infos`) in chunks of :data:`CHUNK` bytes.

        Nothing is held: the caller keeps what it needs and bounds the total.
        Encryption, damage and unknown compression become :class:`ReadError`.
        """
        if isinstance(member, zipfile.ZipInfo):
            info, name = member, member.filename
        else:
            info, name = self.names.get(member.lstrip("/")), member
            if info is None:
                raise ReadError(self.path, f"缺少 {name}")
        try:
            with self.zip.open(info) as stream:
                while True:
                    chunk = stream.read(CHUNK)
                    if not chunk:
                        return
                    yield chunk
        except RuntimeError:  # encrypted member
            raise ReadError(self.path, "文件已加密，无法读取（请先取消密码保护）") from None
        except NotImplementedError:
            raise ReadError(self.path, f"{name} 使用了不支持的压缩方式") from None
        except (zipfile.BadZipFile, EOFError, zlib.error, OSError, ValueError) as exc:
            raise ReadError(self.path, f"{name} 已损坏，无法解压（{exc}）") from None

    def xml(self, name: str):
        """Parse part ``name``; ``None`` when the zip has no such part."""
        if not self.has(name):
            return None
        data = self.read(name)
        if b"purl.oclc.org/ooxml/" in data[:8192]:  # ISO 29500 Strict: same vocabulary, other names
            self.strict = True
            data = data.replace(W_STRICT_NS.encode(), W_NS.encode()).replace(
                R_STRICT_NS.encode(), R_NS.encode())
        tags = data.count(b"<")
        if self.tags + tags > MAX_TAGS:
            raise ReadError(self.path, _too_many_tags(name, self.tags + tags))
        self.tags += tags
        return parse_xml(data, self.path, name)

    def rels(self, part: str) -> Dict[str, tuple]:
        """Relationships of ``part``: id -> (type suffix, target part name)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        root = self.xml(rels_name)
        out: Dict[str, tuple] = {}
        if root is None:
            return out
        for rel in root:
            if not isinstance(rel.tag, str) or not rel.tag.endswith("Relationship"):
                continue
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = posixpath.normpath(posixpath.join(folder, target))
            rtype = rel.get("Type") or ""
            out[rel.get("Id") or ""] = (rtype[rtype.rfind("/"):], name)
        return out

    def main_part(self) -> str:
        """The name of the main document part (normally ``word/document.xml``)."""
        for rtype, name in self.rels("").values():
            if rtype == OFFICE_DOC_REL and self.has(name):
                return name
        if self.has("word/document.xml"):
            return "word/document.xml"
        raise ReadError(self.path, "不是有效的 .docx 文件：压缩包里没有 word/document.xml")


def _too_big(size: int, limit: int, lied: bool = False) -> str:
    mb = size / (1024 * 1024)
    why = "（实际解压量超过压缩包声明的大小）" if lied else ""
    return (
        f"解压后超过 {limit // (1024 * 1024)} MB 的安全上限（至少 {mb:.0f} MB）{why}，"
        "疑似压缩炸弹，拒绝读取"
    )


def _too_many_tags(part: str, tags: int) -> str:
    return (f"读到 {part} 时 XML 标记已达 {tags} 个，超过 {MAX_TAGS} 个的安全上限"
            "（一份 300 页的报告不到 100 万个），拒绝读取")


def open_docx(path: str, fileobj=None, max_total: Optional[int] = None) -> SafeZip:
    """Open ``path`` (or ``fileobj``) for bounded reading; :class:`ReadError` when it cannot be."""
    return SafeZip(path, fileobj, max_total)
