"""Check a .docx template before it is used, in words an office can act on.

A template restyled in Word can break in ways Jinja reports badly or not at
all: a tag Word split into several runs, a renamed variable (``p.tex``), a
deleted example paragraph (that kind of paragraph then silently disappears
from every document), a ``{% endif %}`` lost with a deleted paragraph.  Each
problem here names the paragraph by its number and text
(``第 12 段“{{ p.tex }}”：未知变量 p.tex``), never raw XML.

How: the template is read through the bounded package reader
(``templates.read_template``) and parsed with its safe parser, so a zip bomb, an
oversized member or a part with a DOCTYPE is refused with a sentence.  Every
paragraph of ``word/document.xml`` becomes a :class:`~gongwen.builder.tagcheck.Para`;
:mod:`gongwen.builder.tagcheck` checks their tags on a skeleton Jinja source.
The real source (``render.jinja_source``) is held against the tag language as
a whole (:func:`gongwen.builder.tags.scan`: tags hidden in attributes or field
codes too) and only then parsed, with ``jinja2.meta.find_undeclared_variables``,
so nothing render would reject passes here, and nothing outside the language
reaches Jinja.  What the template reaches outside itself (linked pictures, an
attached template, macros: :mod:`gongwen.builder.external`) is named too.
"""

from __future__ import annotations

import os
import re
from typing import Dict, Iterable, List, Optional, Set, Tuple

from gongwen.builder import tags
from gongwen.builder.tagcheck import Para, Problem, analyse
from gongwen.builder.tags import PARA_TAG, TAG  # the renderer's own reading of tags
from gongwen.errors import Place, ReadError, TemplateError
from gongwen.ooxml.names import W

MAX_PROBLEMS = 200  # listed per template
_THEME_FONT = re.compile(r"\}(?:ascii|hAnsi|eastAsia|cs)Theme$")
_HEADER_FOOTER = re.compile(r"word/(header|footer)\d*\.xml$")
_REFUSED = "Word 不会这样保存；为安全起见不使用这个模板"


# --- the public surface ------------------------------------------------------------

def inspect(path: str) -> List[Problem]:
    """Every problem of the template at ``path`` (cached per file version)."""
    try:
        stat = os.stat(path)
    except OSError:
        return [Problem("找不到模板文件")]
    key = (os.path.abspath(path), stat.st_mtime_ns, stat.st_size)
    if key not in _cache:
        _cache[key] = _inspect_cached(path)
    return list(_cache[key])


def _inspect_cached(path: str) -> List[Problem]:
    """:func:`_inspect`, remembered on disk per template content (see cache.py)."""
    from gongwen.builder import cache

    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return [Problem("找不到模板文件")]
    name = "check-" + cache.key(data, CHECK_VERSION) + ".json"
    stored = cache.get(name)
    if stored == b"[]":  # a clean template (most builds): no need to import json
        return []
    import json

    if stored is not None:
        try:
            return [Problem(**p) for p in json.loads(stored)]
        except (ValueError, TypeError):
            pass
    problems = _inspect(path)
    cache.put(name, json.dumps([p.__dict__ for p in problems], ensure_ascii=False).encode("utf-8"))
    return problems


def check(path: str) -> List[str]:
    """Problems as sentences (warnings start with 提醒：); empty when the template is fine."""
    return [str(p) for p in inspect(path)]


def ensure(path: str, used_kinds: Optional[Iterable[str]] = None) -> List[str]:
    """For the build: raise :class:`TemplateError` on errors, return warnings.

    With ``used_kinds`` a missing kind is an error only when the document has
    paragraphs of that kind.  Warnings are returned once per template per
    process, so a batch of forty documents does not repeat them forty times.
    """
    problems = inspect(path)
    used = set(used_kinds) if used_kinds is not None else None
    errors = [p for p in problems if p.error and (p.kind is None or used is None or p.kind in used)]
    if errors:
        raise TemplateError("模板有问题，请修改后再用（gongwen templates check 可查看全部）：\n  "
                            + "\n  ".join(p.message for p in errors), Place(path))
    key = os.path.abspath(path)
    if key in _warned:
        return []
    _warned.add(key)
    return [f"{path}: {p}" for p in problems if not p.error]


_cache: Dict[tuple, List[Problem]] = {}
#: Changes whenever the checks change, so no result of an older check is taken from the disk cache.
CHECK_VERSION = "tags-1+external-1+family-1+overrides-2"
_warned: Set[str] = set()


# --- reading the template -------------------------------------------------------------

def _inspect(path: str) -> List[Problem]:
    from gongwen.builder.templates import read_template
    from gongwen.ooxml.package import DeclarationRefused, declares_dtd, parse_xml

    try:
        order, parts = read_template(path, wanted=lambda name: name.endswith((".xml", ".rels")))
    except TemplateError as exc:
        return [Problem(exc.message)]
    document = parts["word/document.xml"]
    try:
        root = parse_xml(document, path, "word/document.xml")
    except DeclarationRefused:
        return [Problem(f"模板正文（document.xml）带有文档类型声明（DOCTYPE），{_REFUSED}")]
    except ReadError as exc:
        return [Problem(f"模板正文（document.xml）已损坏，无法解析：{getattr(exc, 'detail', exc.message)}")]
    declared = [name for name, data in parts.items() if declares_dtd(data)]
    if declared:  # copied into every document as they are, so refused as well
        return [Problem(f"模板的 {name} 带有文档类型声明（DOCTYPE）或实体声明，{_REFUSED}") for name in declared]

    problems: List[Problem] = []
    problems.extend(_external(order, parts, path))
    paras = _paragraphs(root, problems)
    if root.find(".//" + W + "ins") is not None or root.find(".//" + W + "del") is not None:
        problems.append(Problem("模板中有未接受的修订（修订模式下的改动），这些修订标记会带进每份成稿；"
                                "请在 Word 中“审阅 → 接受所有修订”后再保存", error=False))
    for name, data in sorted(parts.items()):
        if _HEADER_FOOTER.match(name) and re.search(rb"\{\{|\{%", data):
            place = "页眉" if "header" in name else "页脚"
            problems.append(Problem(f"{place}（{name}）里有 {{{{ … }}}} 或 {{% … %}} 标签；gongwen 只填写正文，"
                                    f"{place}里的标签会原样留在成稿中", error=False))
    problems.extend(_theme_styles(parts.get("word/styles.xml", b""), path))
    problems.extend(_overrides(paras, root, parts.get("word/styles.xml", b""), path, problems))
    problems.extend(analyse(paras, _real_source(document, path, root, paras), any(p.error for p in problems)))
    problems = sorted(problems, key=_paragraph_number)
    if len(problems) > MAX_PROBLEMS:  # a hostile template can make thousands: the first ones say enough
        errors = [p for p in problems if p.error][:MAX_PROBLEMS]
        kept = errors + [p for p in problems if not p.error][:MAX_PROBLEMS - len(errors)]
        left = len(problems) - len(kept)
        problems = sorted(kept, key=_paragraph_number) + [Problem(f"另有 {left} 个问题未列出", error=False)]
    return problems


def _external(order: List[str], parts: Dict[str, bytes], path: str) -> List[Problem]:
    """What the template reaches outside itself: stripped by the build (提醒) or refused."""
    from gongwen.builder import external

    try:
        found = external.find(order, parts, path)
    except ReadError as exc:
        return [Problem(f"模板的关系文件（.rels）或正文已损坏，无法检查外部链接：{getattr(exc, 'detail', exc.message)}")]
    return [Problem(ref.message(), error=not ref.strip) for ref in found]


def _paragraph_number(problem: Problem) -> int:
    """Problems in document order; those about the whole template last."""
    m = re.match(r"第 (\d+) 段", problem.message)
    return int(m.group(1)) if m else 1 << 30


def _paragraphs(root, problems: List[Problem]) -> List[Para]:
    """Every body paragraph with its text; split tags and per-paragraph tag faults reported."""
    paras = []
    for number, element in enumerate(root.iter(W + "p"), 1):
        texts = [t.text or "" for t in element.iter(W + "t")]
        para = Para(number, "".join(texts))
        paras.append(para)
        _split_tags(para, texts, problems)
        if any(_THEME_FONT.search(k) for f in element.iter(W + "rFonts") for k in f.attrib):
            problems.append(Problem(f"{para.where()}：用了主题字体（如“+中文正文”），在 Word、WPS 中会盖过"
                                    "写明的字体；请改选具体字体名（仿宋_GB2312、黑体……）", error=False))
        m = PARA_TAG.match(para.text)
        if m:
            para.tag = m.group(1).strip()
        elif "{%p" in para.text:
            problems.append(Problem(f"{para.where()}：{{%p … %}} 标签必须独占一段，这一段里还有别的文字；"
                                    "请把标签单独放一段"))
            para.tag = "broken"
    return paras


def _theme_styles(styles: bytes, path: str) -> List[Problem]:
    """Styles whose fonts are theme fonts: a theme attribute beats the explicit name in Word and WPS."""
    from gongwen.ooxml.package import parse_xml

    if not styles:
        return []
    try:
        root = parse_xml(styles, path, "word/styles.xml")
    except ReadError as exc:
        return [Problem(f"样式表（styles.xml）已损坏，无法解析：{getattr(exc, 'detail', exc.message)}")]
    names = []
    for style in root.iter(W + "style"):
        if any(_THEME_FONT.search(k) for f in style.iter(W + "rFonts") for k in f.attrib):
            name = style.find(W + "name")
            names.append(name.get(W + "val") if name is not None else style.get(W + "styleId"))
    if not names:
        return []
    return [Problem(f"样式“{'”“'.join(names)}”用了主题字体（如“+中文正文”），在 Word、WPS 中会盖过写明的字体；"
                    "请在“修改样式”里改选具体字体名", error=False)]


def _overrides(paras: List[Para], root, styles: bytes, path: str, found: List[Problem]) -> List[Problem]:
    """Example paragraphs whose direct formatting overrides their style (:mod:`overrides`); not
    for a paragraph already named for a theme font or a broken part."""
    from gongwen.builder import overrides
    from gongwen.ooxml.package import parse_xml

    if not styles:
        return []
    try:
        styles_root = parse_xml(styles, path, "word/styles.xml")
    except ReadError:
        return []  # reported by _theme_styles
    named = {p.message.split("：", 1)[0] for p in found if "主题字体" in p.message}
    return [p for p in overrides.find(paras, root, styles_root) if p.message.split("：", 1)[0] not in named]


def _split_tags(para: Para, texts: List[str], problems: List[Problem]) -> None:
    from bisect import bisect_right

    starts, filled, pos = [], [0], 0  # filled[i]: how many of the first i runs hold text
    for text in texts:
        starts.append(pos)
        filled.append(filled[-1] + bool(text))
        pos += len(text)
    for m in TAG.finditer(para.text):
        first = bisect_right(starts, m.start()) - 1
        last = bisect_right(starts, m.end() - 1) - 1
        pieces = filled[last + 1] - filled[first]
        if pieces > 1:
            problems.append(Problem(
                f"{para.where()}：标签 {m.group(0)} 被 Word 拆成了 {pieces} 段文字（run）。gongwen 会自动拼合，"
                "但格式以第一段为准；若这个标签里的字设置了不同格式，请选中整个标签统一格式，"
                "或删掉后一次输入完整", error=False))


def _real_source(document: bytes, path: str, root, paras: List[Para]) -> Tuple[str, str]:
    """(Jinja source as render makes it, or "" ; render's complaint, or "").

    The source is returned only when every tag in it is in the tag language;
    otherwise the complaint names the first tag outside it and its paragraph.
    """
    from gongwen.builder import render

    try:
        source = render.jinja_source(document, path)
        if len(source) > render.MAX_BODY:
            render.check_source(source, path)  # says how large, and the limit
    except TemplateError as exc:
        return "", exc.message
    found = tags.scan(source, limit=1)
    if not found:
        return source, ""
    return "", _outside(found[0], source, root, paras)


def _outside(found: "tags.Finding", source: str, root, paras: List[Para]) -> str:
    """A complaint about a tag outside the language that the paragraph checks did not see."""
    from lxml import etree

    snippet = source[found.offset: found.offset + 24]
    for para, element in zip(paras, root.iter(W + "p")):
        if snippet in etree.tostring(element, encoding="unicode"):
            if found.tag[:20] in para.text:
                return f"{para.where()}：标签 {found.tag} 不是 gongwen 模板的写法：{found.why}"
            return (f"{para.where()}：段落的格式、域代码或属性里藏有模板标签 {found.tag}（{found.why}）；"
                    "gongwen 只认段落文字里的标签，请在 Word 里删掉它")
    return (f"模板正文里段落以外的地方（格式或属性里）藏有模板标签 {found.tag}（{found.why}）；"
            "gongwen 只认段落文字里的标签")
