"""Layout rules (GW8xx): what a .docx looks like, checked against GB/T 9704-2012.

The numbers come from ``gbt9704.md``: A4 paper, margins 37/35/28/26 mm, a
text block of 22 lines × 28 characters, 三号仿宋 body text, 二号小标宋 title,
黑体/楷体/仿宋 for heading levels 1/2/3–4, explicit East Asian fonts and no
theme fonts, a two-character first-line indent, and ``— N —`` page numbers
in 四号宋体, odd pages right and even pages left.

Formatting is resolved the way Word resolves it: direct run properties, then
the character style and its ``basedOn`` chain, then the paragraph style chain,
then ``docDefaults``.  A fault is reported once per kind of paragraph, style
and observed value (at its first paragraph, with a count), never once per
paragraph: a wrong body font in style “正文” is one fix for the writer.

Examples (``bad``/``good``) are written in a small language read by
:func:`example_docx`: ``key: name=value …`` changes made to a correct
document, e.g. ``body: font=宋体`` or ``page: 216x279mm``.

No lxml at module level: the rules only touch elements the reader made.
"""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional, Tuple

from gongwen.spec.markers import parse_marker
from gongwen.lint.findings import Finding, hit
from gongwen.lint.registry import rule
from gongwen.draft.source import Source
from gongwen.lint.context import Context

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
VAL = W + "val"

from gongwen.spec.gbt9704 import (A4, BODY_SIZE, CHARS_PER_LINE, INDENT_CHARS, INDENT_RANGE, LINES_PER_PAGE,  # noqa: F401
                                  MARGIN_TOLERANCE_MM as MM_TOLERANCE, MARGINS, PAGE_NUMBER_SIZE, ROLE_FAMILY,
                                  TITLE_SIZE, TWIPS_PER_MM, face_family, mm)

ROLE_NAME = {"title": "标题", "h1": "一级标题", "h2": "二级标题", "h3": "三级标题", "h4": "四级标题",
             "body": "正文", "salutation": "称谓行"}


def _int(value, default=None):
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        try:
            return int(float(value))
        except ValueError:
            return default


def _on(el) -> bool:
    """A ``w:ST_OnOff`` element: present and not switched off."""
    return el is not None and el.get(VAL, "1") not in ("0", "false", "off")


# --- resolving formatting -----------------------------------------------------

_FONT_SLOTS = ("eastAsia", "ascii", "hAnsi")
_FONT_ATTRS = tuple((slot, W + slot + "Theme", W + slot) for slot in _FONT_SLOTS)
_RFONTS, _SZ, _SPACING, _COLOR = W + "rFonts", W + "sz", W + "spacing", W + "color"


def _rpr_props(rpr) -> dict:
    """The run properties ``rpr`` sets itself (fonts per slot, size, spacing)."""
    out = {}
    if rpr is None:
        return out
    for el in rpr:
        tag = el.tag
        if tag == _RFONTS:
            for slot, theme_attr, name_attr in _FONT_ATTRS:
                theme = el.get(theme_attr)
                if theme:
                    out[slot] = ("theme", theme)
                else:
                    name = el.get(name_attr)
                    if name:
                        out[slot] = ("name", name)
        elif tag == _COLOR:
            if el.get(VAL):
                out["color"] = el.get(VAL)
        elif tag == _SZ or tag == _SPACING:
            value = _int(el.get(VAL))
            if value is not None:
                out["sz" if tag == _SZ else "spacing"] = value
    return out


def _ppr_props(ppr) -> dict:
    out = {}
    if ppr is None:
        return out
    jc = ppr.find(W + "jc")
    if jc is not None and jc.get(VAL):
        out["jc"] = jc.get(VAL)
    ind = ppr.find(W + "ind")
    if ind is not None:
        first = None
        for attr, kind in (("firstLineChars", "chars"), ("hangingChars", "-chars"),
                           ("firstLine", "twips"), ("hanging", "-twips")):
            v = _int(ind.get(W + attr))
            if v is not None:
                if kind.endswith("chars") and v == 0 and (ind.get(W + "firstLine") or ind.get(W + "hanging")):
                    continue  # firstLineChars="0" next to a twips value: the twips count
                first = (kind.lstrip("-"), -v if kind.startswith("-") else v)
                break
        if first is not None:
            out["first"] = first
        for attr in ("left", "start", "leftChars", "startChars"):
            v = _int(ind.get(W + attr))
            if v is not None:
                out.setdefault("left", (attr, v))
    spacing = ppr.find(W + "spacing")
    if spacing is not None and spacing.get(W + "line") is not None:
        out["line"] = (spacing.get(W + "lineRule") or "auto", _int(spacing.get(W + "line"), 240))
    snap = ppr.find(W + "snapToGrid")
    if snap is not None:
        out["snap"] = _on(snap)
    return out


class Resolver:
    """Effective run and paragraph properties of one document (style results cached)."""

    def __init__(self, parts):
        self.parts = parts
        self._run_base: Dict[tuple, dict] = {}
        self._para_base: Dict[Optional[str], dict] = {}
        self.default_rpr = _rpr_props(parts.doc_defaults("rPr"))
        self.default_ppr = _ppr_props(parts.doc_defaults("pPr"))
        self.numbering_ppr: Dict[tuple, dict] = {}

    def _chain_props(self, sid, kind, what, fn) -> dict:
        out: dict = {}
        for st in reversed(self.parts.style_chain(sid, kind)):
            out.update(fn(st.find(W + what)))
        return out

    def run_base(self, pstyle, rstyle) -> dict:
        key = (pstyle, rstyle)
        if key not in self._run_base:
            props = dict(self.default_rpr)
            props.update(self._chain_props(pstyle, "paragraph", "rPr", _rpr_props))
            if rstyle or self.parts.default_style("character"):
                props.update(self._chain_props(rstyle, "character", "rPr", _rpr_props))
            self._run_base[key] = props
        return self._run_base[key]

    def run(self, pstyle, r) -> dict:
        rpr = r.find(W + "rPr")
        rstyle = None
        if rpr is not None:
            el = rpr.find(W + "rStyle")
            rstyle = None if el is None else el.get(VAL)
        props = dict(self.run_base(pstyle, rstyle))
        props.update(_rpr_props(rpr))
        return props

    def para(self, p) -> Tuple[Optional[str], dict]:
        """``(style id, effective paragraph properties)`` of ``p``."""
        ppr = p.find(W + "pPr")
        sid = None
        if ppr is not None:
            el = ppr.find(W + "pStyle")
            sid = None if el is None else el.get(VAL)
        if sid not in self._para_base:
            props = dict(self.default_ppr)
            props.update(self._chain_props(sid, "paragraph", "pPr", _ppr_props))
            self._para_base[sid] = props
        props = dict(self._para_base[sid])
        props.update(self._numbering_ppr(ppr))
        props.update(_ppr_props(ppr))
        return sid if sid in self.parts._styles else self.parts.default_style(), props

    def _numbering_ppr(self, ppr) -> dict:
        """Indents of the numbering level a paragraph uses (between its style and itself)."""
        numpr = None if ppr is None else ppr.find(W + "numPr")
        if numpr is None or self.parts.numbering is None:
            return {}
        num = numpr.find(W + "numId")
        ilvl = numpr.find(W + "ilvl")
        key = (None if num is None else num.get(VAL), "0" if ilvl is None else ilvl.get(VAL))
        if key not in self.numbering_ppr:
            props = {}
            root = self.parts.numbering
            for n in root.iterfind(W + "num"):
                if n.get(W + "numId") == key[0]:
                    absid = n.find(W + "abstractNumId")
                    for a in root.iterfind(W + "abstractNum"):
                        if absid is not None and a.get(W + "abstractNumId") == absid.get(VAL):
                            for lvl in a.iterfind(W + "lvl"):
                                if lvl.get(W + "ilvl") == key[1]:
                                    props = _ppr_props(lvl.find(W + "pPr"))
                    break
            self.numbering_ppr[key] = props
        return self.numbering_ppr[key]

    def style_name(self, sid) -> str:
        st = self.parts.style(sid)
        if st is None:
            return sid or "默认"
        name = st.find(W + "name")
        return (name.get(VAL) if name is not None else None) or sid


_R, _T, _TAB = W + "r", W + "t", W + "tab"
_INLINE = {W + t for t in ("hyperlink", "smartTag", "customXml", "ins", "moveTo", "sdt", "sdtContent",
                           "fldSimple", "bdo", "dir")}


def runs(p) -> Iterable[tuple]:
    """``(run, text)`` for the runs Word shows in paragraph ``p`` (deleted text left out)."""
    stack = [iter(p)]
    while stack:
        for el in stack[-1]:
            tag = el.tag
            if tag == _R:
                text = "".join(t.text or "" for t in el.iterfind(_T))
                yield el, text
            elif tag in _INLINE:
                stack.append(iter(el))
                break
        else:
            stack.pop()


_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_ALNUM = re.compile("[0-9A-Za-z]")


def cjk_count(text: str) -> int:
    """How many characters of ``text`` are drawn with the East Asian font (ideographs, CJK marks)."""
    return len(text) - len(_CJK.sub("", text)) if text else 0


def solid_count(text: str) -> int:
    return len("".join(text.split())) if text else 0


# --- paragraphs by role -------------------------------------------------------

_DOCNUMBER = re.compile(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号")


class Paragraph:
    __slots__ = ("para", "el", "role", "style", "props", "heading_end")

    def __init__(self, para, el, role, style, props, heading_end=0):
        self.para, self.el, self.role, self.style, self.props = para, el, role, style, props
        self.heading_end = heading_end  # end of the heading part in text (run-in headings)


def classify(ctx: Context, res: Resolver) -> List[Paragraph]:
    """Body paragraphs with a role: title, h1–h4, salutation, body; others left out.

    Left out: tables, text boxes, empty paragraphs, template placeholders, the
    版头 (red, or 发文字号 / “…文件”), centred and right-aligned lines other than
    the title (byline, date, signature), the 版记 (抄送, 印发), and the list of
    attachments under “附件：” (aligned under its first item, not indented).
    """
    parts = ctx.docx
    out: List[Paragraph] = []
    title_key = None
    seen_text = 0
    in_attachments = False
    for i, para in enumerate(ctx.paras):
        if i >= len(parts.elements) or parts.where[i] != "body":
            continue
        text = para.text
        stripped = text.strip()
        if not stripped or "{{" in text or "{%" in text:
            in_attachments = False
            continue  # empty, or a template's placeholder: its role cannot be told from its text
        el = parts.elements[i]
        style, props = res.para(el)
        jc = props.get("jc", "left")
        centred = jc == "center"
        seen_text += 1
        if title_key is None and seen_text <= 6 and (
                _DOCNUMBER.search(text) or stripped.endswith("文件") or _is_red(res, style, el)):
            continue  # 版头: 发文机关标志 (red), 发文字号
        if title_key is not None and centred and (style, _size_of(res, style, el)) == title_key:
            out.append(Paragraph(para, el, "title", style, props))
            continue
        marker = parse_marker(text)
        if title_key is None and seen_text <= 6 and marker is None and (
                centred or (seen_text == 1 and _looks_like_title(stripped))):
            title_key = (style, _size_of(res, style, el))
            out.append(Paragraph(para, el, "title", style, props))
            continue
        if title_key is None and seen_text > 6:
            title_key = ("", 0)  # no title found at the top: stop looking
        if jc in ("center", "right", "end", "distribute"):
            continue  # byline, date line, signature
        if _VERSION_NOTE.match(stripped) or stripped.endswith("印发"):
            continue  # 版记: 4号, indented one character each side
        if _ATTACHMENTS.match(stripped):
            in_attachments = True
        elif in_attachments and marker is not None and marker.level == 3:
            continue  # the next item of the attachment list, aligned under the first
        else:
            in_attachments = False
        if marker is not None and marker.level in (1, 2, 3, 4):
            stop = text.find("。", marker.end)
            end = len(text) if stop < 0 else stop + 1
            out.append(Paragraph(para, el, f"h{marker.level}", style, props, end))
            continue
        if stripped.endswith(("：", ":")) and len(stripped) <= 80:
            out.append(Paragraph(para, el, "salutation", style, props))
            continue
        out.append(Paragraph(para, el, "body", style, props))
    return out


_VERSION_NOTE = re.compile(r"(抄送|抄报|分送)[：:]")
_ATTACHMENTS = re.compile(r"附\s*件[：:]")
_TITLE_END = re.compile(r"(通知|通报|报告|请示|意见|决定|决议|方案|讲话|发言|致辞|函|纪要|办法|规定|细则|条例|要点|"
                        r"总结|计划|规划|批复|公告|通告|命令|议案|公报|汇报|说明|提纲|倡议书|建议)$")


def _looks_like_title(text: str) -> bool:
    """A first line that is not centred but reads like a 公文 title: ``关于……``, or ending
    in the name of a document kind (通知, 报告, 讲话 …), short and without a closing mark."""
    if not 0 < len(text) <= 60 or text.endswith(tuple("。：:；;，,！!？?、")) or "。" in text:
        return False
    return text.startswith("关于") or bool(_TITLE_END.search(text))


def _is_red(res: Resolver, style, el) -> bool:
    """Is the first text of ``el`` red (the 版头's 发文机关标志 and its rule are red)?"""
    for r, text in runs(el):
        if text.strip():
            color = (res.run(style, r).get("color") or "").lower()
            if len(color) == 6:
                try:
                    red, green, blue = (int(color[k:k + 2], 16) for k in (0, 2, 4))
                except ValueError:
                    return False
                return red >= 0xB0 and green <= 0x60 and blue <= 0x60
            return False
    return False


def _size_of(res: Resolver, style, el) -> Optional[int]:
    for r, text in runs(el):
        if text.strip():
            return res.run(style, r).get("sz")
    return res.run_base(style, None).get("sz")


class RunInfo:
    __slots__ = ("props", "text", "start", "cjk", "solid")

    def __init__(self, props, text, start):
        self.props, self.text, self.start = props, text, start
        self.cjk = cjk_count(text)
        self.solid = solid_count(text)


def run_infos(res: Resolver, par: Paragraph) -> List[RunInfo]:
    out, pos = [], par.para.label_len
    for r, text in runs(par.el):
        out.append(RunInfo(res.run(par.style, r), text, pos))
        pos += len(text)
    return out


def dominant(infos: List[RunInfo], key, span=None, cjk_only=False):
    """The value of ``key(props)`` carried by most characters (within ``span`` of the text)."""
    weight: Dict[object, int] = {}
    for info in infos:
        text = info.text
        if span is not None and (span[0] > info.start or span[1] < info.start + len(text)):
            a, b = span
            lo, hi = max(a - info.start, 0), min(b - info.start, len(text))
            if lo >= hi:
                continue
            text = text[lo:hi]
            n = cjk_count(text) if cjk_only else solid_count(text)
        else:
            n = info.cjk if cjk_only else info.solid
        if n:
            value = key(info.props)
            weight[value] = weight.get(value, 0) + n
    if not weight:
        return None
    return max(weight.items(), key=lambda kv: kv[1])[0]


# --- the shared analysis, done once per ctx ---------------------------------


class Layout:
    """Everything the GW8xx rules look at, computed once per Source."""

    def __init__(self, ctx: Context):
        self.source = ctx
        self.parts = ctx.docx
        self.res = Resolver(self.parts)
        self.paragraphs = classify(ctx, self.res)
        self.infos = {id(p): run_infos(self.res, p) for p in self.paragraphs}
        self.sections = self._sections()

    def _sections(self) -> List[dict]:
        out, refs = [], {}
        for sect in self.parts.section_properties():
            refs = dict(refs)  # a section without a reference inherits the previous one's
            for ref in sect.iterfind(W + "footerReference"):
                refs[ref.get(W + "type") or "default"] = ref.get(R_ID)
            pgsz, pgmar, grid = (sect.find(W + t) for t in ("pgSz", "pgMar", "docGrid"))
            out.append({"el": sect, "pgSz": pgsz, "pgMar": pgmar, "grid": grid, "footers": refs})
        return out

    @staticmethod
    def text_block() -> Tuple[int, int]:
        """Width and height of the standard text block, 156 × 225 mm (twips).

        The grid rules measure against the standard block, not the document's
        own, so that a wrong page or margin is reported once (GW801/GW802)
        rather than again as a wrong number of lines and characters.
        """
        return A4[0] - MARGINS["left"] - MARGINS["right"], A4[1] - MARGINS["top"] - MARGINS["bottom"]


def layout_of(ctx: Context) -> Optional[Layout]:
    """The layout analysis of a .docx, shared by the GW8xx rules (None for other formats)."""
    if ctx.docx is None:
        return None
    return ctx.shared("layout", Layout)


class Grouped:
    """Findings grouped by key: reported once, at the first paragraph, with a count."""

    def __init__(self):
        self.groups: Dict[tuple, list] = {}

    def add(self, key: tuple, par: Paragraph, message: str) -> None:
        entry = self.groups.get(key)
        if entry is None:
            self.groups[key] = [par, message, 1]
        else:
            entry[2] += 1

    def findings(self, res: Resolver) -> Iterable[Finding]:
        for key, (par, message, count) in self.groups.items():
            more = f"（样式“{res.style_name(par.style)}”，共 {count} 段，此处为第一段）" if count > 1 else \
                f"（样式“{res.style_name(par.style)}”）"
            yield hit(par.para, 0, message + more)


def doc_finding(ctx: Context, message: str, line: int = 1) -> Finding:
    return Finding(path=ctx.path, line=line, column=1, message=message)


def _face_desc(value) -> str:
    if value is None:
        return "未设置"
    kind, name = value
    return f"主题字体 {name}" if kind == "theme" else f"“{name}”"


DOCX = dict(formats=("docx",), example_format="docx")


def _why(doc: str) -> str:
    """A docstring as one paragraph: Chinese lines joined without spaces."""
    out = ""
    for line in (doc or "").splitlines():
        line = line.strip()
        if out and line and out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalnum():
            out += " "
        out += line
    return out


def layout_rule(code: str, name: str, **kw):
    """:func:`rule` for .docx layout: the check's docstring is the rule's explanation."""
    def register(check):
        return rule(code, name, why=_why(check.__doc__), **DOCX, **kw)(check)
    return register


# --- page ---------------------------------------------------------------------


@layout_rule("GW801", "page-not-a4", severity="error",
      message="纸张不是 A4（210 mm × 297 mm）",
      source="GB/T 9704-2012 5.1", bad=["page: 216x279mm"], good=["page: 210x297mm", "page: 297x210mm"])
def page_not_a4(ctx: Context):
    """公文用纸采用 GB/T 148 规定的 A4 型纸，成品幅面为 210 mm × 297 mm。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    seen = set()
    for sect in lay.sections:
        pgsz = sect["pgSz"]
        if pgsz is None:
            size = None
        else:
            size = (_int(pgsz.get(W + "w"), 0), _int(pgsz.get(W + "h"), 0))
        tol = MM_TOLERANCE * TWIPS_PER_MM
        if size is not None and any(abs(size[0] - a) <= tol and abs(size[1] - b) <= tol
                                    for a, b in (A4, A4[::-1])):
            continue
        if size in seen:
            continue
        seen.add(size)
        what = "未设置纸张大小（Word 会用默认的 Letter 纸）" if size is None else \
            f"纸张为 {mm(size[0])} mm × {mm(size[1])} mm"
        yield doc_finding(ctx, f"{what}，应为 A4（210 mm × 297 mm）")


@layout_rule("GW802", "page-margins", severity="error",
      message="页边距不符：应为上 37 mm、下 35 mm、左 28 mm、右 26 mm（允许误差 1 mm）",
      source="GB/T 9704-2012 5.2.1",
      bad=["margins: top=25.4 bottom=25.4 left=31.8 right=31.8"],
      good=["margins: top=37 bottom=35 left=28 right=26", "margins: top=37.5 bottom=35 left=28 right=26"])
def page_margins(ctx: Context):
    """公文用纸天头（上白边）37 mm ± 1 mm，订口（左白边）28 mm ± 1 mm，版心 156 mm × 225 mm，
    因此下白边 35 mm、右白边 26 mm。横向页（如宽表格）不检查。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    seen = set()
    names = {"top": "上", "bottom": "下", "left": "左", "right": "右"}
    for sect in lay.sections:
        pgsz = sect["pgSz"]
        if pgsz is not None and (pgsz.get(W + "orient") == "landscape"
                                 or _int(pgsz.get(W + "w"), 0) > _int(pgsz.get(W + "h"), 1)):
            continue
        mar = sect["pgMar"]
        if mar is None:
            if None not in seen:
                seen.add(None)
                yield doc_finding(ctx, "未设置页边距，应为上 37 mm、下 35 mm、左 28 mm、右 26 mm")
            continue
        got = {k: abs(_int(mar.get(W + k), 0)) for k in MARGINS}
        got["left"] += _int(mar.get(W + "gutter"), 0) or 0
        bad = [k for k in MARGINS if abs(got[k] - MARGINS[k]) > MM_TOLERANCE * TWIPS_PER_MM + 0.5]
        key = tuple(got[k] for k in MARGINS)
        if not bad or key in seen:
            continue
        seen.add(key)
        now = "、".join(f"{names[k]} {mm(got[k])} mm" for k in MARGINS)
        yield doc_finding(ctx, f"页边距为{now}，应为上 37 mm、下 35 mm、左 28 mm、右 26 mm（允许误差 1 mm）")


# --- fonts ----------------------------------------------------------------------


def _ea(props):
    return props.get("eastAsia")


def _face_check(ctx: Context, roles, size_name: str):
    """Shared body of the face-and-size rules for the paragraph roles in ``roles``."""
    lay = layout_of(ctx)
    if lay is None:
        return
    group = Grouped()
    for par in lay.paragraphs:
        if par.role not in roles:
            continue
        infos = lay.infos[id(par)]
        span = (0, par.heading_end) if par.role.startswith("h") else None
        want = ROLE_FAMILY[par.role]
        face = dominant(infos, _ea, span, cjk_only=True)
        role = ROLE_NAME[par.role]
        if face is not None and face[0] == "name" and face_family(face[1]) != want:
            shown = {"小标宋": "方正小标宋简体", "仿宋": "仿宋_GB2312（或仿宋）", "楷体": "楷体_GB2312（或楷体）",
                     "黑体": "黑体"}[want]
            group.add(("face", par.role, par.style, face), par, f"{role}字体为“{face[1]}”，应为{shown}")
        want_size = TITLE_SIZE if par.role == "title" else BODY_SIZE
        size = dominant(infos, lambda p: p.get("sz"), span)
        if size is not None and size != want_size:
            shown = f"{size / 2:g} 磅"
            group.add(("size", par.role, par.style, size), par,
                      f"{role}字号为 {shown}，应为{size_name if par.role != 'title' else '二号（22 磅）'}")
    yield from group.findings(lay.res)


@layout_rule("GW803", "body-font", severity="error",
      message="正文应为三号（16 磅）仿宋_GB2312（或仿宋）",
      source="GB/T 9704-2012 5.2.2、7.3.3",
      bad=["body: font=宋体", "body: size=12pt"], good=["body: font=仿宋_GB2312 size=16pt", "body: font=仿宋"])
def body_font(ctx: Context):
    """正文用 3 号仿宋体字。按段落中多数汉字的字体和字号判断，个别加粗或换字体强调的词语不算。"""
    yield from _face_check(ctx, ("body", "salutation"), "三号（16 磅）")


@layout_rule("GW804", "title-font", severity="error",
      message="标题应为二号（22 磅）方正小标宋简体",
      source="GB/T 9704-2012 7.3.1",
      bad=["title: font=黑体", "title: size=18pt", "title: align=left"],
      good=["title: font=方正小标宋简体 size=22pt"])
def title_font(ctx: Context):
    """标题一般用 2 号小标宋体字，居中排布。标题指文首居中的第一段（跳过版头的发文机关标志和
    发文字号；文首第一段短而无句末标点时，不居中也算标题），及紧随其后、样式和字号相同的续行。"""
    yield from _face_check(ctx, ("title",), "二号（22 磅）")
    lay = layout_of(ctx)
    for par in lay.paragraphs if lay else ():
        if par.role == "title" and par.props.get("jc", "left") != "center":
            yield hit(par.para, 0, "标题没有居中，应居中排布（二号小标宋体）")
            break


@layout_rule("GW805", "heading1-font", severity="error",
      message="一级标题（一、）应为三号黑体",
      source="GB/T 9704-2012 7.3.3",
      bad=["h1: font=仿宋_GB2312"], good=["h1: font=黑体"])
def heading1_font(ctx: Context):
    """结构层次序数第一层用黑体字。层级按段首序数判断（含 Word 自动编号）；段内标题只看标题部分。"""
    yield from _face_check(ctx, ("h1",), "三号（16 磅）")


@layout_rule("GW806", "heading2-font", severity="error",
      message="二级标题（（一））应为三号楷体_GB2312（或楷体）",
      source="GB/T 9704-2012 7.3.3",
      bad=["h2: font=黑体"], good=["h2: font=楷体_GB2312", "h2: font=楷体"])
def heading2_font(ctx: Context):
    """结构层次序数第二层用楷体字；段内标题（“（一）……。”后接正文）只看标题部分。"""
    yield from _face_check(ctx, ("h2",), "三号（16 磅）")


@layout_rule("GW807", "heading34-font", severity="error",
      message="三级、四级标题（1. 和（1））应为三号仿宋_GB2312（或仿宋）",
      source="GB/T 9704-2012 7.3.3",
      bad=["h3: font=黑体", "h4: font=楷体_GB2312"], good=["h3: font=仿宋_GB2312", "h4: font=仿宋"])
def heading34_font(ctx: Context):
    """结构层次序数第三层和第四层用仿宋体字（与正文相同）。"""
    yield from _face_check(ctx, ("h3", "h4"), "三号（16 磅）")


@layout_rule("GW808", "no-east-asian-font", severity="error",
      message="汉字没有明确的中文字体（w:eastAsia），Word 与 WPS 会用各自的默认字体显示",
      source="GB/T 9704-2012 5.2.2（字体须可确定）",
      bad=["defaults: font=none\nbody: font=none"], good=["body: font=仿宋_GB2312"])
def no_east_asian_font(ctx: Context):
    """每段文字都应能解析到一个明确的中文字体名（字符本身、字符样式、段落样式或文档默认值）。
    没有时，显示和打印效果取决于打开它的软件。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    group = Grouped()
    for par in lay.paragraphs:
        for info in lay.infos[id(par)]:
            if info.cjk and _ea(info.props) is None:
                group.add((par.style,), par, "汉字没有设置中文字体（w:eastAsia），显示字体取决于打开文件的软件")
                break
    yield from group.findings(lay.res)


@layout_rule("GW809", "theme-font", severity="error",
      message="文字使用了主题字体（如 +中文正文），应写明字体名称",
      source="GB/T 9704-2012 5.2.2（字体须可确定）",
      bad=["defaults: theme=minorEastAsia\nbody: font=inherit"], good=["body: font=仿宋_GB2312"])
def theme_font(ctx: Context):
    """主题字体（w:eastAsiaTheme、w:asciiTheme）随主题和软件变化，而且在 Word 和 WPS 中优先于
    写明的字体名：公文的字体应直接写明（如 仿宋_GB2312、Times New Roman）。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    group = Grouped()
    for par in lay.paragraphs:
        for info in lay.infos[id(par)]:
            for slot, needed in (("eastAsia", info.cjk), ("ascii", _ALNUM.search(info.text))):
                value = info.props.get(slot)
                if needed and value is not None and value[0] == "theme":
                    group.add((par.style, slot, value), par,
                              f"{'汉字' if slot == 'eastAsia' else '数字和西文'}使用了主题字体 {value[1]}"
                              f"（w:{slot}Theme），应写明字体名称")
    yield from group.findings(lay.res)


# --- the grid: 22 lines of 28 characters ------------------------------------------


def _pitch(props: dict, grid) -> Tuple[Optional[float], str]:
    """The line pitch of a paragraph in twips, and how it was set."""
    rule_, line = props.get("line", ("auto", 240))
    if rule_ in ("exact", "atLeast"):
        return float(line), f"固定值 {line / 20:g} 磅" if rule_ == "exact" else f"最小值 {line / 20:g} 磅"
    grid_type = None if grid is None else grid.get(W + "type")
    pitch = None if grid is None else _int(grid.get(W + "linePitch"))
    if grid_type in ("lines", "linesAndChars", "snapToChars") and pitch and props.get("snap", True) \
            and line == 240:
        return float(pitch), f"文档网格 {pitch / 20:g} 磅"
    return None, f"{line / 240:g} 倍行距" if rule_ == "auto" else str(line)


@layout_rule("GW810", "line-pitch", severity="warning",
      message="正文行距应使每页排 22 行：固定值 28.95 磅（579 缇），或文档网格行距 579 缇",
      source="GB/T 9704-2012 5.2.3（一般每面排 22 行）",
      bad=["body: line=auto:360", "body: line=exact:600"],
      good=["body: line=exact:579", "body: line=auto:240\ngrid: lines:579"])
def line_pitch(ctx: Context):
    """版心高 225 mm，一般每面排 22 行：行距在 LibreOffice 7.4 实测为固定值 579 缇（28.95 磅）
    或 w:docGrid w:type="lines" w:linePitch="579"。按标准版心（156 mm × 225 mm）计算每页行数，
    纸张和页边距另由 GW801、GW802 检查。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    _, height = lay.text_block()
    grid = lay.sections[-1]["grid"] if lay.sections else None
    group = Grouped()
    for par in lay.paragraphs:
        if par.role not in ("body", "h1", "h2", "h3", "h4"):
            continue
        pitch, how = _pitch(par.props, grid)
        lines = int(height // pitch) if pitch else None
        if lines != LINES_PER_PAGE:
            now = f"每页 {lines} 行" if lines else "行高随字体变化"
            group.add((par.style, how), par, f"行距为{how}（{now}），"
                                             "应为固定值 28.95 磅（每页 22 行）")
    yield from group.findings(lay.res)


@layout_rule("GW811", "chars-per-line", severity="warning",
      message="正文每行应排 28 字：三号字加字符间距 −0.25 磅（w:spacing w:val=\"-5\"）",
      source="GB/T 9704-2012 5.2.3（一般每行排 28 个字）",
      bad=["body: spacing=0", "grid: linesAndChars:579:-1000"], good=["body: spacing=-0.25pt"])
def chars_per_line(ctx: Context):
    """版心宽 156 mm（442.25 磅），28 个三号字需 448 磅，放不下：实测需字符间距紧缩 0.25 磅，
    每行才排 28 字。“网格：指定行和字符网格”（linesAndChars）在 LibreOffice 中只排 14 字，不要用。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    width, _ = lay.text_block()
    for sect in lay.sections:
        grid = sect["grid"]
        if grid is not None and grid.get(W + "type") in ("linesAndChars", "snapToChars"):
            yield doc_finding(ctx, "文档网格设为“指定行和字符网格”，LibreOffice 中每行只排 14 字；"
                                      "应只指定行网格，用字符间距 −0.25 磅排 28 字")
            return  # the character grid decides the characters per line, not the spacing
    group = Grouped()
    for par in lay.paragraphs:
        if par.role != "body":
            continue
        infos = lay.infos[id(par)]
        pair = dominant(infos, lambda p: (p.get("sz") or BODY_SIZE, p.get("spacing") or 0), cjk_only=True)
        if pair is None or pair[0] != BODY_SIZE:
            continue  # a wrong size is GW803's business
        chars = int(width // (pair[0] * 10 + pair[1]))
        if chars != CHARS_PER_LINE:
            group.add((par.style, pair), par, f"正文字符间距为 {pair[1] / 20:g} 磅，每行排 {chars} 字；"
                                              "应为 −0.25 磅，每行 28 字")
    yield from group.findings(lay.res)


@layout_rule("GW812", "first-line-indent", severity="error",
      message="正文和各级标题应首行缩进 2 个字符",
      source="GB/T 9704-2012 7.3.3",
      bad=["body: indent=0", "h1: indent=0"], good=["body: indent=2chars", "body: indent=640"])
def first_line_indent(ctx: Context):
    """正文段落首行左空二字，回行顶格（w:ind w:firstLineChars="200" 或 w:firstLine="640"）。
    称谓行（如“同志们：”）顶格，不检查；用全角空格缩进的段落由 GW6xx 规则报告。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    group = Grouped()
    for par in lay.paragraphs:
        if par.role not in ("body", "h1", "h2", "h3", "h4"):
            continue
        if par.para.text.startswith(("\u3000", " ", "\t")):
            continue
        kind, value = par.props.get("first", ("twips", 0))
        left = par.props.get("left", ("left", 0))[1]
        ok = (value == INDENT_CHARS) if kind == "chars" else INDENT_RANGE[0] <= value <= INDENT_RANGE[1]
        if not ok or left:
            now = (f"{value / 100:g} 个字符" if kind == "chars" else f"{value / 20:g} 磅") if value else "无缩进"
            if value < 0:
                now = "悬挂缩进"
            if left:
                now += "，且整段左缩进"
            group.add((par.role, par.style, kind, value, left), par,
                      f"{ROLE_NAME[par.role]}首行缩进为{now}，应为首行缩进 2 字符、回行顶格")
    yield from group.findings(lay.res)


# --- page numbers ---------------------------------------------------------------


def _field_text(p) -> Tuple[str, list, bool]:
    """Footer paragraph text with each PAGE field shown as ``N``; the runs that draw the
    number; whether a PAGE field was found."""
    out: List[str] = []
    number_runs: list = []
    found = False
    depth, instr, in_result, field_runs = 0, [], False, []

    def walk(el):
        nonlocal depth, in_result, found, instr, field_runs
        for c in el:
            tag = c.tag
            if tag == W + "fldSimple":
                if _is_page(c.get(W + "instr") or ""):
                    found = True
                    out.append("N")
                    rs = list(c.iter(_R))
                    number_runs.extend(rs or [c])
                else:
                    walk(c)
            elif tag == _R:
                for x in c:
                    xt = x.tag
                    if xt == W + "fldChar":
                        ftype = x.get(W + "fldCharType")
                        if ftype == "begin":
                            depth += 1
                            if depth == 1:
                                instr, in_result, field_runs = [], False, [c]
                        elif ftype == "separate" and depth == 1:
                            in_result = True
                        elif ftype == "end" and depth:
                            depth -= 1
                            if depth == 0:
                                if _is_page("".join(instr)):
                                    found = True
                                    out.append("N")
                                    number_runs.extend(field_runs)
                                in_result = False
                    elif xt == W + "instrText" and depth == 1:
                        instr.append(x.text or "")
                    elif xt == _T:
                        if depth == 0:
                            out.append(x.text or "")
                        elif in_result and depth == 1:
                            field_runs.append(c)
                            if not _is_page("".join(instr)):
                                out.append(x.text or "")
                    elif xt == _TAB and depth == 0:
                        out.append("\t")
            elif tag in _INLINE:
                walk(c)

    walk(p)
    result_runs = [r for r in number_runs if r.find(_T) is not None]
    return "".join(out), result_runs or number_runs, found


def _is_page(instr: str) -> bool:
    words = instr.split()
    return bool(words) and words[0].upper() == "PAGE"


_PAGE_FORM = re.compile(r"[\s\u3000]*—[\s\u3000]*N[\s\u3000]*—[\s\u3000]*")


def _page_paragraph(root):
    """The footer paragraph holding a PAGE field: ``(p, text, number runs)`` or None."""
    if root is None:
        return None
    for p in root.iter(W + "p"):
        text, number_runs, found = _field_text(p)
        if found:
            return p, text, number_runs
    return None


def _footers(lay: Layout):
    """``[(type, footer root or None)]`` of the last section: default and, if needed, even."""
    if not lay.sections:
        return []
    refs = lay.sections[-1]["footers"]
    want = ["default"]
    if _on(lay.parts.setting("evenAndOddHeaders")):
        want.append("even")
    return [(t, lay.parts.footers.get(refs.get(t))) for t in want]


@layout_rule("GW813", "page-number-form", severity="error",
      message="页码应为页脚中的“— N —”（一字线夹阿拉伯数字，由 PAGE 域生成）",
      source="GB/T 9704-2012 7.5",
      bad=["footer: text=第N页", "footer: none", "footer: text=-N-"], good=['footer: text="— N —"'])
def page_number_form(ctx: Context):
    """页码用阿拉伯数字，数字左右各放一条一字线（—，U+2014），由 PAGE 域自动生成。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    if not lay.sections:
        return
    for kind, root in _footers(lay):
        which = "双页页脚" if kind == "even" else "页脚"
        if root is None:
            if kind == "default":
                yield doc_finding(ctx, "文档没有页脚页码，应在页脚加“— N —”形式的页码（PAGE 域）")
            continue
        found = _page_paragraph(root)
        if found is None:
            yield doc_finding(ctx, f"{which}中没有页码域（PAGE），应为“— N —”形式的页码")
            continue
        _, text, _ = found
        if not _PAGE_FORM.fullmatch(text):
            shown = text.strip().replace("N", "1")
            yield doc_finding(ctx, f"{which}页码显示为“{shown}”，应为“— 1 —”（一字线 U+2014 夹数字）")


@layout_rule("GW814", "page-number-font", severity="error",
      message="页码应为四号（14 磅）半角宋体阿拉伯数字",
      source="GB/T 9704-2012 7.5",
      bad=['footer: font="Times New Roman"', "footer: size=10.5pt"], good=["footer: font=宋体 size=14pt"])
def page_number_font(ctx: Context):
    """页码一般用 4 号半角宋体阿拉伯数字。数字由 w:ascii 字体显示，所以要看页码域结果的 w:ascii 字体。"""
    lay = layout_of(ctx)
    if lay is None:
        return
    seen = set()
    for kind, root in _footers(lay):
        found = _page_paragraph(root)
        if found is None:
            continue
        p, _, number_runs = found
        style, _ = lay.res.para(p)
        which = "双页页码" if kind == "even" else "页码"
        for r in number_runs[:1]:
            props = lay.res.run(style, r) if r.tag == _R else lay.res.run_base(style, None)
            face = props.get("ascii")
            if face is None or face[0] != "name" or face_family(face[1]) != "宋体":
                key = ("face", face)
                if key not in seen:
                    seen.add(key)
                    yield doc_finding(ctx, f"{which}数字字体为{_face_desc(face)}，应为宋体（w:ascii）")
            size = props.get("sz")
            if size != PAGE_NUMBER_SIZE:
                key = ("size", size)
                if key not in seen:
                    seen.add(key)
                    shown = "未设置" if size is None else f"{size / 2:g} 磅"
                    yield doc_finding(ctx, f"{which}字号为 {shown}，应为四号（14 磅）")


@layout_rule("GW815", "page-number-sides", severity="error",
      message="单页页码应居右、双页页码应居左（奇偶页不同页脚）",
      source="GB/T 9704-2012 7.5",
      bad=["evenodd: no", "footer: align=center"], good=["evenodd: yes"])
def page_number_sides(ctx: Context):
    """单页码居右空一字，双页码居左空一字：需在设置中打开“奇偶页不同”（w:evenAndOddHeaders），
    默认页脚右对齐，偶数页页脚左对齐。"""
    lay = layout_of(ctx)
    if lay is None or not lay.sections:
        return
    refs = lay.sections[-1]["footers"]
    default = lay.parts.footers.get(refs.get("default"))
    if _page_paragraph(default) is None:
        return  # no page number at all: GW813
    if ctx.settings.page_numbers == "center":
        yield from _centred_page_numbers(ctx, lay, refs)
        return
    if not _on(lay.parts.setting("evenAndOddHeaders")):
        yield doc_finding(ctx, "未设置“奇偶页不同”，单页页码居右、双页页码居左无法实现")
    for kind, want, shown in (("default", ("right", "end"), "居右"), ("even", ("left", "start"), "居左")):
        root = lay.parts.footers.get(refs.get(kind))
        if kind == "even" and not _on(lay.parts.setting("evenAndOddHeaders")):
            continue
        if root is None:
            yield doc_finding(ctx, "没有双页（偶数页）页脚，双页页码应居左")
            continue
        found = _page_paragraph(root)
        if found is None or any(a.tag == W + "txbxContent" for a in found[0].iterancestors()):
            continue  # a page number in a text box: placed by the box, not by alignment
        _, props = lay.res.para(found[0])
        jc = props.get("jc", "left")
        frame = found[0].find(W + "pPr/" + W + "framePr")
        if frame is not None and frame.get(W + "xAlign"):
            jc = frame.get(W + "xAlign")  # a framed page number (Word's older page-number gallery)
            if jc == "outside":
                continue  # outside: right on odd pages, left on even ones
        if jc not in want:
            which = "双页" if kind == "even" else "单页"
            yield doc_finding(ctx, f"{which}页码{_JC.get(jc, jc)}，应{shown}")


def _centred_page_numbers(ctx: Context, lay, refs):
    """An office profile with ``page_numbers: center``: every page number centred."""
    for kind in ("default", "even"):
        found = _page_paragraph(lay.parts.footers.get(refs.get(kind)))
        if found is None:
            continue
        jc = lay.res.para(found[0])[1].get("jc", "left")
        if jc != "center":
            which = "双页" if kind == "even" else "单页"
            yield doc_finding(ctx, f"{which}页码{_JC.get(jc, jc)}，本单位设置为居中（page_numbers: center）")


_JC = {"center": "居中", "left": "居左", "start": "居左", "right": "居右", "end": "居右",
       "both": "两端对齐", "distribute": "分散对齐", "inside": "靠内侧"}


# --- examples: a correct document, changed by a few directives ---------------------
#
# ``key: name=value …`` lines (or ``;``-separated), applied to a correct speech-like
# document.  Keys: ``page: 216x279mm``; ``margins: top=… bottom=… left=… right=…`` (mm);
# ``title|body|h1|h2|h3|h4: font=NAME|inherit size=16pt spacing=-0.25pt indent=2chars|640
# line=exact:579|auto:240 theme=minorEastAsia align=center``; ``defaults: font=NAME|none
# theme=minorEastAsia``; ``grid: lines:579`` or ``linesAndChars:579:-1000``;
# ``footer: text="— N —" font=宋体 size=14pt align=right`` or ``footer: none``;
# ``evenodd: yes|no``.

_EXAMPLE_TEXT = (
    ("title", "关于做好全县安全生产工作的通知"),
    ("body", "各乡镇人民政府，县直各有关部门要高度重视，认真落实各项任务。"),
    ("h1", "一、总体要求"),
    ("body", "坚持人民至上、生命至上，统筹发展和安全，守牢安全底线。"),
    ("h2", "（一）加强组织领导"),
    ("body", "各单位主要负责人是本单位安全生产第一责任人，要亲自研究部署。"),
    ("h3", "1.明确责任分工"),
    ("body", "按照管行业必须管安全的要求，层层压实责任，形成工作合力。"),
    ("h4", "（1）细化工作措施"),
    ("body", "各部门要结合实际制定具体方案，明确时间节点，确保落到实处。"),
)
_EXAMPLE_KIND = {
    "title": {"font": "方正小标宋简体", "size": 44, "spacing": 0, "indent": 0, "align": "center"},
    "h1": {"font": "黑体"},
    "h2": {"font": "楷体_GB2312"},
    "h3": {"font": "仿宋_GB2312"},
    "h4": {"font": "仿宋_GB2312"},
    "body": {"font": "仿宋_GB2312"},
}
_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def _parse_example(spec: str) -> Dict[str, dict]:
    import shlex

    out: Dict[str, dict] = {}
    for line in re.split(r"[\n;]", spec):
        if not line.strip():
            continue
        key, _, rest = line.partition(":")
        key = key.strip()
        values = out.setdefault(key, {})
        words = shlex.split(rest)
        for word in words:
            name, eq, value = word.partition("=")
            values[name if eq else "_"] = value if eq else name
    return out


def _pt(value: str, scale: int) -> int:
    return int(round(float(value.lower().replace("pt", "")) * scale))


def _rpr(font, size, spacing, theme=None, ascii_font="Times New Roman") -> str:
    fonts = []
    if ascii_font:
        fonts.append(f'w:ascii="{ascii_font}" w:hAnsi="{ascii_font}"')
    if font not in (None, "inherit", "none"):
        fonts.append(f'w:eastAsia="{font}"')
    if theme:
        fonts.append(f'w:eastAsiaTheme="{theme}"')
    out = f"<w:rFonts {' '.join(fonts)}/>" if fonts else ""
    if spacing:
        out += f'<w:spacing w:val="{spacing}"/>'
    if size:
        out += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return f"<w:rPr>{out}</w:rPr>"


def example_docx(spec: str = "") -> bytes:
    """A small .docx: a correct 公文 page changed by the directives in ``spec``."""
    import io
    import zipfile
    from xml.sax.saxutils import escape

    cfg = _parse_example(spec)
    paras = []
    for kind, text in _EXAMPLE_TEXT:
        k = {"font": None, "size": BODY_SIZE, "spacing": -5, "indent": 640, "align": "both",
             "line": ("exact", 579), "theme": None}
        k.update(_EXAMPLE_KIND[kind])
        for name, value in cfg.get(kind, {}).items():
            if name == "font":
                k["font"] = value
            elif name == "size":
                k["size"] = _pt(value, 2)
            elif name == "spacing":
                k["spacing"] = _pt(value, 20)
            elif name == "indent":
                k["indent"] = value
            elif name == "line":
                rule_, _, v = value.partition(":")
                k["line"] = (rule_, int(v))
            elif name == "theme":
                k["theme"] = value
            elif name == "align":
                k["align"] = value
        indent = str(k["indent"])
        ind = f'<w:ind w:firstLineChars="{int(indent[:-5]) * 100}"/>' if indent.endswith("chars") else \
            f'<w:ind w:firstLine="{int(indent)}"/>'
        spacing = f'<w:spacing w:line="{k["line"][1]}" w:lineRule="{k["line"][0]}"/>'
        ppr = f'<w:pPr>{spacing}{ind}<w:jc w:val="{k["align"]}"/></w:pPr>'
        run = f'<w:r>{_rpr(k["font"], k["size"], k["spacing"], k["theme"])}<w:t>{escape(text)}</w:t></w:r>'
        paras.append(f"<w:p>{ppr}{run}</w:p>")

    page = cfg.get("page", {}).get("_", "210x297mm")
    pw, ph = (float(x) for x in page.lower().replace("mm", "").split("x"))
    margins = {"top": 37, "bottom": 35, "left": 28, "right": 26}
    margins.update({k: float(v) for k, v in cfg.get("margins", {}).items()})
    twip = {k: int(round(v * TWIPS_PER_MM)) for k, v in margins.items()}
    grid = cfg.get("grid", {}).get("_")
    grid_xml = '<w:docGrid w:linePitch="579"/>'
    if grid:
        bits = grid.split(":")
        grid_xml = f'<w:docGrid w:type="{bits[0]}" w:linePitch="{bits[1]}"' + \
            (f' w:charSpace="{bits[2]}"' if len(bits) > 2 else "") + "/>"
    footer = cfg.get("footer", {})
    has_footer = footer.get("_") != "none"
    refs = ('<w:footerReference w:type="default" r:id="rIdF1"/>'
            '<w:footerReference w:type="even" r:id="rIdF2"/>') if has_footer else ""
    sect = (f'<w:sectPr>{refs}<w:pgSz w:w="{int(round(pw * TWIPS_PER_MM))}" w:h="{int(round(ph * TWIPS_PER_MM))}"/>'
            f'<w:pgMar w:top="{twip["top"]}" w:right="{twip["right"]}" w:bottom="{twip["bottom"]}" '
            f'w:left="{twip["left"]}" w:header="851" w:footer="1417" w:gutter="0"/>{grid_xml}</w:sectPr>')
    document = f'<w:document {_NS}><w:body>{"".join(paras)}{sect}</w:body></w:document>'

    defaults = cfg.get("defaults", {})
    dfont = defaults.get("font", "仿宋_GB2312")
    styles = (f'<w:styles {_NS}><w:docDefaults><w:rPrDefault>'
              f'{_rpr(dfont, BODY_SIZE, 0, defaults.get("theme"))}</w:rPrDefault></w:docDefaults></w:styles>')
    evenodd = cfg.get("evenodd", {}).get("_", "yes") == "yes"
    settings = f'<w:settings {_NS}>{"<w:evenAndOddHeaders/>" if evenodd else ""}</w:settings>'

    def footer_xml(align):
        font = footer.get("font", "宋体")
        size = _pt(footer.get("size", "14pt"), 2)
        rpr = _rpr(font, size, 0, ascii_font=font)
        text = footer.get("text", "— N —")
        before, _, after = text.partition("N")
        runs_ = f'<w:r>{rpr}<w:t xml:space="preserve">{escape(before)}</w:t></w:r>'
        if _:
            runs_ += (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
                      f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                      f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
                      f'<w:r>{rpr}<w:t>1</w:t></w:r><w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
                      f'<w:r>{rpr}<w:t xml:space="preserve">{escape(after)}</w:t></w:r>')
        align = footer.get("align", align)
        return f'<w:ftr {_NS}><w:p><w:pPr><w:jc w:val="{align}"/></w:pPr>{runs_}</w:p></w:ftr>'

    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    rels = (f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rIdS" Type="{rel}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rIdT" Type="{rel}/settings" Target="settings.xml"/>'
            + (f'<Relationship Id="rIdF1" Type="{rel}/footer" Target="footer1.xml"/>'
               f'<Relationship Id="rIdF2" Type="{rel}/footer" Target="footer2.xml"/>' if has_footer else "")
            + "</Relationships>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _PACKAGE_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/styles.xml", styles)
        z.writestr("word/settings.xml", settings)
        z.writestr("word/_rels/document.xml.rels", rels)
        if has_footer:
            z.writestr("word/footer1.xml", footer_xml("right"))
            z.writestr("word/footer2.xml", footer_xml("left"))
    return buf.getvalue()


_CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/footer1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/word/footer2.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    "</Types>")
_PACKAGE_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>')


def example_source(spec: str = "", path: str = "<example>") -> Source:
    """The :class:`Source` of :func:`example_docx` (read from memory, no file written)."""
    import io

    from gongwen.draft.read import read_docx

    return read_docx(path, io.BytesIO(example_docx(spec)))
