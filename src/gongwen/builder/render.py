"""Numbered paragraphs → .docx through a docxtpl-style template, written atomically.

The template's ``word/document.xml`` is turned into Jinja source once per
template (``{%p … %}`` paragraphs become bare ``{% … %}`` tags, as docxtpl does,
and a tag that Word split across runs is joined back into one run), checked
against gongwen's small tag language (:mod:`gongwen.builder.tags`) before Jinja
parses or compiles any of it (sandboxed, autoescape on), and read into a
program of plain data (:mod:`gongwen.builder.tagrender`), cached on disk; each
document's body is rendered by walking that program, without Jinja, within a
size and a time limit (:data:`MAX_OUTPUT`, :data:`RENDER_SECONDS`).  A template
the program cannot express (valid Jinja, but nothing gongwen makes) renders
through Jinja's sandbox as before.

Only the template is code.  Content reaches the render as data, never as template
source, so ``{{ … }}`` typed by a writer stays literal and ``<``/``&`` are
escaped.  Settings are data too: an office's faces are written into the
rendered body (and into the other parts) as escaped attribute values, after
Jinja has run, so no value in ``gongwen.yaml`` is ever compiled.

Whatever the template links to outside itself (linked pictures, an attached
template, altChunk, macros: :mod:`gongwen.builder.external`) is stripped when
it is loaded; every other part is copied byte for byte, and only the document
body and the document properties change.

This avoids loading python-docx at build time (it costs more start-up than the
whole build), while staying compatible with docxtpl templates.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path
from typing import Dict, List, Optional

from gongwen.builder import geometry
from gongwen.builder.restyle import face_attributes, restyle, with_faces
from gongwen.builder.stamp import properties, stamped
from gongwen.builder.tags import PARA_TAG, TAG  # noqa: F401  (the renderer's reading of tags, re-exported)
from gongwen.builder.zipout import Deflated, deflated, write_zip
from gongwen.errors import Place, ReadError, TemplateError
from gongwen.ooxml.names import W, XML_SPACE
from gongwen.spec.record import dataclass, field

#: Most characters one rendered body may have, whatever the content (a real one: well under 10 M).
MAX_OUTPUT = 256 * 1024 * 1024
#: Seconds one render may take (a real one: milliseconds); checked between pieces of output.
RENDER_SECONDS = 60
#: Largest template body (characters of ``word/document.xml`` as compiled): the built-in ones are
#: about 20 K; every paragraph of a document repeats part of it.
MAX_BODY = 4 * 1024 * 1024
#: Changes whenever what is cached for a template changes meaning (the tag check, the budget).
CACHE_VERSION = "tags-1"
#: … and what its program (:mod:`gongwen.builder.tagrender`) means.
PROGRAM_VERSION = "program-1"



@dataclass
class Template:
    """A compiled template: its parts and its body's program (or the Jinja template of its body)."""

    path: str
    parts: Dict[str, bytes]
    order: List[str]
    #: The body's program (:mod:`gongwen.builder.tagrender`), or None: only Jinja renders it.
    program: object
    #: (characters of the body's source, characters inside its for-loops): what the budget is made of.
    size: tuple = (0, 0)
    #: Default face name → this office's face, written into the rendered body.
    faces: Dict[str, str] = field(default_factory=dict)
    #: What was stripped from the template (external.Reference), for callers that report it.
    stripped: list = field(default_factory=list)
    #: The template's parts deflated once for every document written with it (:mod:`zipout`).
    deflated: Deflated = field(default_factory=Deflated, repr=False, compare=False)
    #: The template's parsed parts and resolved styles, kept for the widow check (:mod:`widowcheck`).
    pageflow: dict = field(default_factory=dict, repr=False, compare=False)
    #: The Jinja template of the body (jinja2.Template), compiled when first needed.
    body: object = field(default=None, repr=False, compare=False)

    def budget(self, paragraphs: List[dict]) -> int:
        """Most characters the body of a document with ``paragraphs`` may render to.

        The tag language bounds a render by the template's size plus, per
        paragraph, its loop body and its own text a few times over (escaped);
        this is that bound with room to spare, never more than :data:`MAX_OUTPUT`.
        """
        whole, loop = self.size
        text = sum(len(v) for p in paragraphs for v in p.values() if isinstance(v, str))
        return min(MAX_OUTPUT, (1 << 20) + 2 * whole + len(paragraphs) * loop + 32 * text)

    def render(self, paragraphs: List[dict], title: str, source_digest: str) -> Dict[str, bytes]:
        """All parts of one output document.

        Raises :class:`TemplateError` (this document only) when the template
        fails, or its output passes :meth:`budget` or :data:`RENDER_SECONDS`.
        """
        out = dict(self.parts)
        body = geometry.apply(self._body(paragraphs), paragraphs, self.path)
        out["word/document.xml"] = with_faces(body, self.faces).encode("utf-8")
        out.update(properties(self.parts, title, source_digest))
        return out

    def _body(self, paragraphs: List[dict]) -> str:
        from gongwen.builder import tagrender

        limit = self.budget(paragraphs)
        started = time.monotonic()
        if self.program is None or not tagrender.plain(paragraphs):
            return self._jinja_body(paragraphs, limit, started)
        try:
            return tagrender.render(self.program, paragraphs, limit, started + RENDER_SECONDS)
        except tagrender.TooLong:
            raise _too_long(limit, self.path) from None
        except tagrender.TooSlow:
            raise _too_slow(self.path) from None
        except Exception as exc:  # a field the paragraph lacks, MemoryError, RecursionError
            raise TemplateError(f"模板渲染失败：{_reason(exc)}", Place(self.path)) from None

    def _jinja_body(self, paragraphs: List[dict], limit: int, started: float) -> str:
        """The body rendered by Jinja: a template outside what :mod:`tagrender` renders."""
        if self.body is None:
            _, self.body, _ = _compiled_body(self.parts["word/document.xml"], self.path)
        pieces: List[str] = []
        size = 0
        try:
            for count, piece in enumerate(self.body.generate(paragraphs=paragraphs)):
                size += len(piece)
                if size > limit:
                    raise _too_long(limit, self.path)
                if count & 255 == 0 and time.monotonic() - started > RENDER_SECONDS:
                    raise _too_slow(self.path)
                pieces.append(piece)
        except TemplateError:
            raise
        except Exception as exc:  # jinja2 errors, MemoryError, RecursionError: the template is at fault
            raise TemplateError(f"模板渲染失败：{_reason(exc)}", Place(self.path)) from None
        return "".join(pieces)


def _too_long(limit: int, path: str) -> TemplateError:
    return TemplateError(f"模板生成的正文超过上限（{limit // (1024 * 1024) or 1} MB 字符，"
                         "按内容多少计算），已中止这份文档；请检查模板是否重复输出内容", Place(path))


def _too_slow(path: str) -> TemplateError:
    return TemplateError(f"模板生成正文超过 {RENDER_SECONDS} 秒，已中止这份文档", Place(path))


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


def _reason(exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return "内存不足"
    if isinstance(exc, RecursionError):
        return "嵌套过深"
    return str(exc)[:200] or type(exc).__name__


def _compile(path: str, faces: Dict[str, str], page_numbers: str) -> Template:
    from gongwen.builder.templates import read_template

    face_attributes(faces)  # refuse a face XML cannot hold before any work
    order, parts = read_template(path)
    try:
        order, parts, stripped = _stripped(order, parts, path)
    except ReadError as exc:
        raise TemplateError(exc.message, Place(path)) from None
    for name in ("[Content_Types].xml", "_rels/.rels", "docProps/core.xml"):  # read as text per document
        _utf8(parts, name, path)
    restyle(parts, faces, page_numbers, lambda name: _utf8(parts, name, path))
    program, size = _program(parts["word/document.xml"], path)
    return Template(path, parts, order, program, size, dict(faces), stripped)


def _utf8(parts: Dict[str, bytes], name: str, path: str) -> str:
    try:
        return parts.get(name, b"").decode("utf-8")
    except UnicodeDecodeError:
        raise TemplateError(f"模板的 {name} 不是 UTF-8 编码（Word 保存的模板都是），无法使用；"
                            "请用 Word 打开后重新保存", Place(path)) from None


def _stripped(order: List[str], parts: Dict[str, bytes], path: str):
    """(order, parts, what was stripped): the template without its reach outside
    (:func:`gongwen.builder.external.strip`).

    A template found clean is remembered on disk by its content (cache.py), so a
    warm build of a clean template does not parse its parts again.
    """
    from gongwen.builder import cache, external

    digest = hashlib.sha256()
    for name in order:
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(parts.get(name, b"")).digest())
    name = "clean-" + cache.key(digest.digest(), CACHE_VERSION) + ".flag"
    if cache.get(name) == b"clean":
        return order, external.normalise_main_type(parts, path), []
    order, parts, stripped = external.strip(order, parts, path)
    parts = external.normalise_main_type(parts, path)
    if not stripped:
        cache.put(name, b"clean")
    return order, parts, stripped


def check_source(source: str, path: str = "") -> None:
    """Refuse ``source`` unless every tag in it is in gongwen's tag language (:mod:`tags`).

    Runs before Jinja parses anything: Jinja folds constants while compiling,
    so ``{{ 9**(9**9) }}`` would never come back.
    """
    from gongwen.builder import tags

    if len(source) > MAX_BODY:  # the loop repeats the body for every paragraph: bound it first
        raise TemplateError(f"模板正文过大（{len(source) // 1024} KB，上限 {MAX_BODY // 1024} KB）："
                            "公文模板只需每类段落一段示例，请删去多余的文字或图片说明", Place(path))
    found = tags.scan(source, limit=1)
    if found:
        bad = found[0]
        raise TemplateError(f"模板标签有误：{bad.tag}：{bad.why}（{_near_offset(source, bad.offset)}）。"
                            f"{tags.SUMMARY}", Place(path))


def _near_offset(source: str, offset: int) -> str:
    """The text of the paragraph around ``offset`` of the Jinja source, for a message."""
    start = source.rfind("<w:p>", 0, offset)
    start = max(start, source.rfind("<w:p ", 0, offset))
    end = source.find("</w:p>", offset)
    near = re.sub(r"<[^>]+>", "", source[max(start, 0): end if end > 0 else offset + 200])
    near = re.sub(r"\s+", " ", near).strip()
    return f"附近的文字：“{near[:40]}”" if near else "在段落文字以外（格式、域代码或属性里）"


def _program(document_xml: bytes, path: str):
    """(the body's program, or None where Jinja must render it; its size for the budget).

    The program is plain data (:mod:`gongwen.builder.tagrender`), cached on disk
    (cache.py) once Jinja has parsed and compiled the checked source, so a warm
    build needs neither lxml nor Jinja.
    """
    from gongwen.builder import cache, tagrender

    name = "body-" + cache.key(document_xml, PROGRAM_VERSION, CACHE_VERSION) + ".program"
    stored = cache.get(name)
    if stored is not None:
        try:
            return tagrender.loads(stored)
        except ValueError:
            pass
    program, _, size = _compiled_body(document_xml, path)
    stored = tagrender.dumps(program, size)
    cache.put(name, stored)
    return tagrender.loads(stored)  # the program as a cached one is: checked, made ready to render


def _compiled_body(document_xml: bytes, path: str):
    """(the body's program or None, its Jinja template, its size for the budget).

    The source is checked by :func:`check_source` before Jinja parses any of it.
    """
    import jinja2

    from gongwen.builder import tagrender, tags
    from gongwen.builder.sandbox import Sandbox

    source = jinja_source(document_xml, path)
    check_source(source, path)
    size = (len(source), tags.loop_size(source))
    # Templates travel between offices: sandboxed, so no template reaches Python internals.
    env = Sandbox(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    try:
        tree = env.parse(source)
        program = tagrender.program(tree)  # read before compiling: Jinja's optimizer may change the tree
        code = compile(env.compile(tree, raw=True), "<template>", "exec")
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"模板标签有误：{exc.message}（{_near(source, exc.lineno)}）", Place(path)) from None
    except (RecursionError, MemoryError) as exc:
        raise TemplateError(f"模板无法编译：{_reason(exc)}", Place(path)) from None
    return program, env.template_class.from_code(env, code, env.make_globals(None)), size


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
    from bisect import bisect_right

    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t.text or "")
    # From the last tag back: joining one only changes text at and after its start, so the
    # positions of the tags before it stay as found (one pass, however many runs and tags).
    for m in reversed(list(TAG.finditer(whole))):
        first = bisect_right(starts, m.start()) - 1  # the run holding the tag's first character
        last = bisect_right(starts, m.end() - 1) - 1  # … and its last
        if first == last:
            continue
        head = (texts[first].text or "")[: m.start() - starts[first]]
        texts[first].text = head + m.group(0)
        for i in range(first + 1, last):
            texts[i].text = ""
        texts[last].text = (texts[last].text or "")[m.end() - starts[last]:]
        for t in texts[first: last + 1]:
            t.set(XML_SPACE, "preserve")


def _near(source: str, lineno: Optional[int]) -> str:
    text = re.sub(r"<[^>]+>", "", source)
    return f"第 {lineno} 行附近" if lineno else text[:40]


def write_docx(parts: Dict[str, bytes], order: List[str], target: Path,
               template: Optional[Template] = None) -> None:
    """Write a .docx atomically: a temporary file beside ``target``, fsync, rename.

    A build killed at any moment leaves the previous file or the complete new
    one, never half of one.  The parts of ``template`` that a document leaves as
    they are were deflated once, for the first document written with it.
    """
    from gongwen import atomic

    parts = stamped(parts)
    names = list(order) + [n for n in parts if n not in order]
    if template is None:
        members = [deflated(name, parts[name]) for name in names]
    else:
        own = template.parts
        members = [template.deflated.member(name, parts[name], parts[name] is own.get(name)) for name in names]
    with atomic.replace(target) as fh:
        write_zip(fh, members)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]
