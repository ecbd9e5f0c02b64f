"""The layout analysis the GW8xx rules read: paragraphs by role, their runs, the sections.

Computed once per source (:func:`layout_of`, kept in the context) and shared
by every layout rule.  Faults are grouped (:class:`Grouped`): reported once per
kind of paragraph, style and observed value, at its first paragraph with a
count, never once per paragraph: a wrong body font in style “正文” is one fix
for the writer.

No lxml at module level: the rules only touch elements the reader made.
"""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional, Tuple

from gongwen.lint.context import Context
from gongwen.lint.findings import Finding, hit
from gongwen.lint.registry import rule
from gongwen.ooxml.names import R_ID, W
from gongwen.ooxml.styles import Resolver, cjk_count, runs, solid_count
from gongwen.spec.gbt9704 import A4, MARGINS
from gongwen.spec.markers import parse_marker

ROLE_NAME = {"title": "标题", "h1": "一级标题", "h2": "二级标题", "h3": "三级标题", "h4": "四级标题",
             "body": "正文", "salutation": "称谓行"}


class Paragraph:
    """A body paragraph with a role (see :func:`classify`), its style and effective properties."""

    __slots__ = ("para", "el", "role", "style", "props", "heading_end")

    def __init__(self, para, el, role, style, props, heading_end=0):
        self.para, self.el, self.role, self.style, self.props = para, el, role, style, props
        self.heading_end = heading_end  # end of the heading part in text (run-in headings)


# --- paragraph roles ------------------------------------------------------------------
#
# Everything from here to the end of this section decides which paragraph is the
# title, a heading, the salutation or body text.  It is one function and its own
# helpers so that it can be swapped for a shared recogniser of paragraph roles.

_DOCNUMBER = re.compile(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号")
_VERSION_NOTE = re.compile(r"(抄送|抄报|分送)[：:]")
_ATTACHMENTS = re.compile(r"附\s*件[：:]")
_TITLE_END = re.compile(r"(通知|通报|报告|请示|意见|决定|决议|方案|讲话|发言|致辞|函|纪要|办法|规定|细则|条例|要点|"
                        r"总结|计划|规划|批复|公告|通告|命令|议案|公报|汇报|说明|提纲|倡议书|建议)$")


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


# --- end of paragraph roles -------------------------------------------------------------


class RunInfo:
    """One run of a paragraph: effective properties, text, where it starts, character counts."""

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


# --- findings ---------------------------------------------------------------------


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
    """A finding about the whole document (page, margins, footers), at its first paragraph."""
    return Finding(path=ctx.path, line=line, column=1, message=message)


# --- registering a layout rule ------------------------------------------------------

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
    """:func:`~gongwen.lint.registry.rule` for .docx layout: the check's docstring is the
    rule's explanation, and the rule reads .docx only with examples in the language of
    :mod:`gongwen.lint.docxexample`."""
    def register(check):
        return rule(code, name, why=_why(check.__doc__), **DOCX, **kw)(check)
    return register
