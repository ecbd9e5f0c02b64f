"""Numbered paragraphs → .docx through a docxtpl-style template, written atomically.

The template's ``word/document.xml`` is turned into Jinja source once per
template (``{%p … %}`` paragraphs become bare ``{% … %}`` tags, as docxtpl does,
and a tag that Word split across runs is joined back into one run), compiled
with autoescape on, and rendered per document.  Content only ever reaches
Jinja as data, never as template source, so ``{{ … }}`` typed by a writer stays
literal and ``<``/``&`` are escaped.  Every other part of the template is copied
byte for byte; only the document body and the document properties change.

This avoids loading python-docx at build time (it costs more start-up than the
whole build), while staying compatible with docxtpl templates.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

from gongwen.errors import Place, ReadError, TemplateError
from gongwen.ooxml.names import CUSTOM_PROPS_NS, R_NS, VT_NS, W, XML_SPACE, escape, quoteattr

# A tag ends before the next opener, so an unclosed one does not rescan the paragraph.
TAG = re.compile(r"\{\{(?:(?!\{\{).)*?\}\}|\{%(?:(?!\{%).)*?%\}|\{#(?:(?!\{#).)*?#\}", re.S)
PARA_TAG = re.compile(r"^\s*\{%p\s(.*?)%\}\s*$", re.S)
GONGWEN_PROPERTY = "gongwen"  # custom document property marking gongwen's own outputs

CUSTOM_PART = "docProps/custom.xml"
CUSTOM_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_PROPS_REL = R_NS + "/custom-properties"


@dataclass
class Template:
    """A compiled template: its parts and the Jinja template of its body."""

    path: str
    parts: Dict[str, bytes]
    order: List[str]
    body: object  # jinja2.Template

    def render(self, paragraphs: List[dict], title: str, source_digest: str) -> Dict[str, bytes]:
        """All parts of one output document."""
        out = dict(self.parts)
        try:
            out["word/document.xml"] = self.body.render(paragraphs=paragraphs).encode("utf-8")
        except Exception as exc:  # jinja2 errors: the template is at fault, not the content
            raise TemplateError(f"模板渲染失败：{exc}", Place(self.path)) from None
        out.update(_properties(self.parts, title, source_digest))
        return out


_cache: Dict[tuple, Template] = {}


def load_template(path: str, faces: Optional[Dict[str, str]] = None,
                  page_numbers: str = "outer") -> Template:
    """Read and compile a template (cached per path, modification time and house style).

    ``faces`` maps face names in the template to an office's faces (:class:`gongwen.settings.House`);
    ``page_numbers="center"`` centres the page numbers instead of odd-right/even-left.
    """
    try:
        stat = os.stat(path)
    except OSError:
        raise TemplateError("找不到模板文件", Place(path)) from None
    faces = faces or {}
    key = (os.path.abspath(path), stat.st_mtime_ns, stat.st_size, tuple(sorted(faces.items())), page_numbers)
    if key not in _cache:
        _cache[key] = _compile(path, faces, page_numbers)
    return _cache[key]


def _restyle(parts: Dict[str, bytes], faces: Dict[str, str], page_numbers: str) -> None:
    """Apply an office's faces and page-number placement to the template's parts."""
    for name, data in parts.items():
        if not (name.startswith("word/") and name.endswith(".xml")):
            continue
        text = data.decode("utf-8")
        for old, new in faces.items():
            for attr in ("w:eastAsia", "w:name"):
                text = text.replace(f"{attr}={quoteattr(old)}", f"{attr}={quoteattr(new)}")
        if page_numbers == "center" and name.startswith("word/footer"):
            text = re.sub(r'<w:jc w:val="(?:right|left)"/>', '<w:jc w:val="center"/>', text)
            text = re.sub(r'<w:ind w:(?:right|left)="\d+"', "<w:ind", text)
        parts[name] = text.encode("utf-8")


def _compile(path: str, faces: Dict[str, str], page_numbers: str) -> Template:
    from gongwen.builder.templates import read_template

    order, parts = read_template(path)
    _restyle(parts, faces, page_numbers)
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    # Templates travel between offices: sandboxed, so no template reaches Python internals.
    env = ImmutableSandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined,
                                        keep_trailing_newline=True)
    return Template(path, parts, order, _compiled_body(env, parts["word/document.xml"], path))


def _compiled_body(env, document_xml: bytes, path: str):
    """The Jinja template of the body; its compiled code is cached on disk (cache.py),
    so a warm build needs neither lxml nor Jinja's compiler."""
    import marshal

    import jinja2

    from gongwen.builder import cache

    name = "body-" + cache.key(document_xml, jinja2.__version__) + ".code"
    stored = cache.get(name)
    if stored is not None:
        try:
            return env.template_class.from_code(env, marshal.loads(stored), env.make_globals(None))
        except (ValueError, EOFError, TypeError):
            pass
    source = jinja_source(document_xml, path)
    try:
        code = compile(env.compile(source, raw=True), "<template>", "exec")
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"模板标签有误：{exc.message}（{_near(source, exc.lineno)}）", Place(path)) from None
    cache.put(name, marshal.dumps(code))
    return env.template_class.from_code(env, code, env.make_globals(None))


def jinja_source(document_xml: bytes, path: str = "") -> str:
    """Turn a docxtpl ``document.xml`` into Jinja source."""
    from lxml import etree

    from gongwen.ooxml.package import DeclarationRefused, MalformedXml, parse_xml

    try:
        root = parse_xml(document_xml, path, "word/document.xml")
    except DeclarationRefused:
        raise TemplateError("模板的 document.xml 带有文档类型声明（DOCTYPE），为安全起见不使用", Place(path)) from None
    except MalformedXml as exc:
        raise TemplateError(f"模板的 document.xml 无法解析：{exc.detail}", Place(path)) from None
    except ReadError as exc:
        raise TemplateError(f"模板的 document.xml 无法解析：{exc.message}", Place(path)) from None
    tags: List[str] = []
    for para in root.iter(W + "p"):
        texts = list(para.iter(W + "t"))
        _join_split_tags(texts)
        whole = "".join(t.text or "" for t in texts)
        m = PARA_TAG.match(whole)
        if m and para.getparent() is not None:
            placeholder = etree.Element("gwtag", n=str(len(tags)))
            placeholder.tail = para.tail
            para.getparent().replace(para, placeholder)
            tags.append("{% " + m.group(1).strip() + " %}")
        elif "{%p" in whole:
            raise TemplateError(f"段落“{whole[:40]}”：{{%p … %}} 标签必须独占一段", Place(path))
    xml = etree.tostring(root, encoding="unicode")
    xml = re.sub(r'<gwtag n="(\d+)"/>', lambda m: tags[int(m.group(1))], xml)
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml


def _join_split_tags(texts) -> None:
    """Move each ``{{ … }}``/``{% … %}`` that spans several ``w:t`` into the first one.

    Word splits text into runs at every edit or spell-check mark, so a tag typed
    in Word often arrives in pieces; docxtpl repairs this too.
    """
    if len(texts) < 2:
        return
    whole = "".join(t.text or "" for t in texts)
    if "{" not in whole:
        return
    bounds, pos = [], 0
    for t in texts:
        bounds.append((pos, pos + len(t.text or "")))
        pos += len(t.text or "")
    for m in reversed(list(TAG.finditer(whole))):
        first = next(i for i, (a, b) in enumerate(bounds) if a <= m.start() < b)
        last = next(i for i, (a, b) in enumerate(bounds) if a < m.end() <= b)
        if first == last:
            continue
        a0, _ = bounds[first]
        head = (texts[first].text or "")[: m.start() - a0]
        texts[first].text = head + m.group(0)
        for i in range(first + 1, last):
            texts[i].text = ""
        al, _ = bounds[last]
        texts[last].text = (texts[last].text or "")[m.end() - al:]
        for t in texts[first: last + 1]:
            t.set(XML_SPACE, "preserve")
        whole = "".join(t.text or "" for t in texts)
        bounds, pos = [], 0
        for t in texts:
            bounds.append((pos, pos + len(t.text or "")))
            pos += len(t.text or "")


def _near(source: str, lineno: Optional[int]) -> str:
    text = re.sub(r"<[^>]+>", "", source)
    return f"第 {lineno} 行附近" if lineno else text[:40]


def _properties(parts: Dict[str, bytes], title: str, digest: str) -> Dict[str, bytes]:
    """Document properties: the title, and a custom property marking the file as gongwen's."""
    from gongwen import __version__

    out: Dict[str, bytes] = {}
    out[CUSTOM_PART] = _custom_xml(f"{__version__} {digest}")
    types = parts.get("[Content_Types].xml", b"").decode("utf-8")
    if "/docProps/custom.xml" not in types:
        types = types.replace("</Types>", f'<Override PartName="/docProps/custom.xml" '
                              f'ContentType="{CUSTOM_PROPS_TYPE}"/></Types>')
        out["[Content_Types].xml"] = types.encode("utf-8")
    rels = parts.get("_rels/.rels", b"").decode("utf-8")
    if CUSTOM_PROPS_REL not in rels:
        rels = rels.replace("</Relationships>", f'<Relationship Id="rIdGongwenCustom" '
                            f'Type="{CUSTOM_PROPS_REL}" Target="docProps/custom.xml"/></Relationships>')
        out["_rels/.rels"] = rels.encode("utf-8")
    core = parts.get("docProps/core.xml", b"").decode("utf-8")
    if "<dc:title>" in core:
        core = re.sub(r"<dc:title>.*?</dc:title>", f"<dc:title>{escape(title)}</dc:title>", core, flags=re.S)
        out["docProps/core.xml"] = core.encode("utf-8")
    return out


def _custom_xml(value: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Properties xmlns="{CUSTOM_PROPS_NS}" xmlns:vt="{VT_NS}">'
            f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="{GONGWEN_PROPERTY}">'
            f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property></Properties>").encode("utf-8")


_PROPERTY_VALUE = re.compile(rb'<(?:[\w.-]+:)?property\b[^>]*\bname="' + GONGWEN_PROPERTY.encode()
                             + rb'"[^>]*>\s*<(?:[\w.-]+:)?lpwstr>([^<]*)<')


def property_value(custom_xml: bytes) -> Optional[str]:
    """The value of gongwen's property in a ``docProps/custom.xml`` (as gongwen, Word, WPS or
    LibreOffice write it), or None without one: ``VERSION SOURCE-DIGEST WRITTEN-DIGEST``."""
    m = _PROPERTY_VALUE.search(custom_xml)
    return m.group(1).decode("utf-8", "replace") if m else None


def written_digest(members) -> str:
    """SHA-256 over ``(name, chunks)`` pairs, every part of a package but :data:`CUSTOM_PART`,
    in name order: what gongwen wrote, recorded in its property (:func:`stamped`) so that a
    rebuild tells its own untouched output from one edited since (a save by Word, WPS or
    LibreOffice rewrites the parts and keeps the property)."""
    whole = hashlib.sha256()
    for name, chunks in sorted(members, key=lambda member: member[0]):
        part = hashlib.sha256()
        for chunk in chunks:
            part.update(chunk)
        whole.update(name.encode("utf-8") + b"\0" + part.digest())
    return whole.hexdigest()


def stamped(parts: Dict[str, bytes]) -> Dict[str, bytes]:
    """``parts`` with gongwen's property completed by the :func:`written_digest` of the others."""
    value = property_value(parts.get(CUSTOM_PART, b""))
    if value is None:
        return parts
    digest = written_digest((name, (data,)) for name, data in parts.items() if name != CUSTOM_PART)
    return {**parts, CUSTOM_PART: _custom_xml(" ".join(value.split()[:2] + [digest]))}


def write_docx(parts: Dict[str, bytes], order: List[str], target: Path) -> None:
    """Write a .docx atomically: a temporary file beside ``target``, fsync, rename.

    A build killed at any moment leaves the previous file or the complete new
    one, never half of one.
    """
    from gongwen import atomic

    parts = stamped(parts)
    names = list(order) + [n for n in parts if n not in order]
    with atomic.replace(target) as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=(2012, 7, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, parts[name], compresslevel=6)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]
