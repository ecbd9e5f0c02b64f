"""The layout analysis the GW8xx rules read: paragraphs by role, their runs, the sections.

Computed once per source (:func:`layout_of`, kept in the context) and shared
by every layout rule.  Faults are grouped (:class:`Grouped`): reported once per
kind of paragraph, style and observed value, at its first paragraph with a
count, never once per paragraph: a wrong body font in style “正文” is one fix
for the writer.

No lxml at module level: the rules only touch elements the reader made.
"""

from __future__ import annotations

from gongwen.draft import roles as R
from gongwen.lint.context import Context
from gongwen.lint.findings import Finding, hit
from gongwen.lint.registry import rule
from gongwen.lint.textview import resolver, roles
from gongwen.ooxml.names import R_ID, W
from gongwen.ooxml.styles import Resolver, cjk_count, runs, solid_count
from gongwen.spec.gbt9704 import A4, MARGINS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, Iterable, List, Optional, Tuple

ROLE_NAME = {"title": "标题", "h1": "一级标题", "h2": "二级标题", "h3": "三级标题", "h4": "四级标题",
             "body": "正文", "salutation": "称谓行"}


class Paragraph:
    """A body paragraph with a role (see :func:`classify`), its style and effective properties."""

    __slots__ = ("para", "el", "role", "style", "props", "heading_end")

    def __init__(self, para, el, role, style, props, heading_end=0):
        self.para, self.el, self.role, self.style, self.props = para, el, role, style, props
        self.heading_end = heading_end  # end of the heading part in text (run-in headings)


# --- paragraph roles ------------------------------------------------------------------

#: Roles whose paragraphs the standard sets apart (版头, 版记, the lines under the title, the
#: 落款, the attachment list with its names aligned after ``附件：``, the 附件N label in 黑体 flush left):
#: not checked as body text.
_SET_APART = R.FRONT_MATTER + R.BACK_MATTER + (R.BLANK, R.TABLE, R.TEXTBOX, R.SUBTITLE, R.BYLINE, R.DATE_LINE,
                                               R.SIGNATURE, R.ISSUE_DATE, R.ATTACHMENT_NOTE, R.ATTACHMENT_ITEM,
                                               R.ATTACHMENT_LABEL, R.ATTENDANCE, R.TABLE_CAPTION, R.TABLE_NOTE)


def classify(ctx: Context, res: Resolver) -> List[Paragraph]:
    """Body paragraphs with the role layout checks: title, h1–h4, salutation, body; others left out.

    What a paragraph is comes from :mod:`gongwen.draft.roles` (through
    :func:`gongwen.lint.textview.roles`, with the .docx hints: alignment, red type).
    Left out besides: template placeholders, and centred or right-aligned lines other
    than the title.
    """
    parts = ctx.docx
    out: List[Paragraph] = []
    for i, (para, role) in enumerate(zip(ctx.paras, roles(ctx))):
        if i >= len(parts.elements) or parts.where[i] != "body" or role.kind in _SET_APART:
            continue
        if "{{" in para.text or "{%" in para.text:
            continue  # a template's placeholder: its role cannot be told from its text
        el = parts.elements[i]
        style, props = res.para(el)
        if role.kind == R.TITLE:
            out.append(Paragraph(para, el, "title", style, props))
        elif props.get("jc", "left") in ("center", "right", "end", "distribute"):
            continue  # set apart by its alignment
        elif role.kind == R.HEADING and role.item:
            continue  # a numbered item (a sentence, a list entry): set as heading or as body by house habit
        elif role.kind == R.HEADING:
            out.append(Paragraph(para, el, f"h{role.level}", style, props, role.heading_end))
        elif role.kind in (R.SALUTATION, R.RECIPIENT):
            out.append(Paragraph(para, el, "salutation", style, props))
        else:
            out.append(Paragraph(para, el, "body", style, props))
    return out


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
        self.res = resolver(ctx)
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
