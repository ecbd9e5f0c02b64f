"""Direct formatting on a template's example paragraphs that overrides their named style.

An office restyles a kind of paragraph two ways: by formatting its example paragraph, or by
Modify Style on the kind's named style (一级标题, 正文 …).  Direct formatting wins over the style,
so once the example paragraph carries a font, size, indent or spacing of its own, changing the
style no longer changes that kind.  Both ways work; the check says (提醒) which paragraphs the
style no longer governs, and what the paragraph sets against what the style chain gives
(resolved with :class:`gongwen.ooxml.styles.Resolver`).

Not reported: what a run must set because it differs inside one paragraph (the run-in heading,
条's 第X条, the 签发人 label), and the numbers the layout writes into a paragraph
(:mod:`gongwen.builder.geometry`), for the kinds whose example paragraphs carry them.
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional

from gongwen.builder.kinds import TAB, Kind
from gongwen.builder.redhead import all_kinds
from gongwen.builder.tagcheck import Para, Problem
from gongwen.ooxml.names import W
from gongwen.ooxml.styles import Resolver, _ppr_props, _rpr_props, runs

_KIND_TAG = re.compile(r'^(?:if|elif)\s+p\.kind\s*==\s*"(\w+)"$')
_FIELD = re.compile(r"\{\{\s*p\.(\w+)\s*\}\}")
_FONT_KEYS = ("eastAsia", "ascii", "hAnsi")


class _Parts:
    """Just enough of :class:`gongwen.ooxml.parts.DocxParts` for the resolver: the styles part."""

    def __init__(self, styles_root):
        from gongwen.ooxml.parts import DocxParts

        self._parts = DocxParts("")
        self._parts.styles = styles_root
        self._parts._index_styles()

    def __getattr__(self, name):
        return getattr(self._parts, name)


def _style_role(kind: Kind) -> str:
    roles = [role for role, field in kind.runs if field == "p.text"] or [role for role, _ in kind.runs]
    return roles[0] if roles else "body"


def _pt(half_points) -> str:
    return f"{half_points / 2:g} 磅"


def _unless(value: str, style: Optional[str]) -> str:
    """``（样式为 …）`` when the style says otherwise."""
    return "" if value == style else f"（样式为{style or '未设'}）"


def _face(value) -> Optional[str]:
    return value[1] if value and value[0] == "name" else None


def _run_overrides(kind: Kind, text: str, direct: dict, style: dict) -> List[str]:
    fields = {m.group(1) for m in _FIELD.finditer(text)}
    roles = {role for role, field in kind.runs if field != TAB and field.split(".", 1)[1] in fields}
    differs = bool(roles) and _style_role(kind) not in roles  # this run is meant to differ
    out = []
    if not differs and any(k in direct for k in _FONT_KEYS):
        face = _face(direct.get("eastAsia")) or _face(direct.get("ascii")) or _face(direct.get("hAnsi"))
        if face:  # a theme font is reported on its own
            out.append(f"字体“{face}”" + _unless(face, _face(style.get("eastAsia"))))
    if "sz" in direct and "{" not in str(kind.size):
        out.append(f"字号 {_pt(direct['sz'])}" + _unless(_pt(direct["sz"]), _pt(style["sz"]) if "sz" in style else None))
    if "spacing" in direct:
        out.append(f"字符间距 {direct['spacing'] / 20:g} 磅"
                   + _unless(f"{direct['spacing'] / 20:g} 磅", f"{style.get('spacing', 0) / 20:g} 磅"))
    return out


def _para_overrides(kind: Kind, direct: dict, style: dict) -> List[str]:
    out = []
    if ("first" in direct or "left" in direct) and "{" not in kind.ind:
        out.append("缩进")
    if "line" in direct and "{" not in str(kind.line):
        rule, line = direct["line"]
        out.append(f"行距 {line / 20:g} 磅" if rule == "exact" else "行距")
    if "jc" in direct and "{" not in kind.align and direct["jc"] != style.get("jc"):
        out.append("对齐方式")
    return out


def find(paras: List[Para], root, styles_root) -> List[Problem]:
    """提醒 for each example paragraph whose direct formatting overrides its style."""
    if styles_root is None:
        return []
    by_name: Dict[str, Kind] = {k.name: k for k in all_kinds()}
    resolver = Resolver(_Parts(styles_root))
    problems: List[Problem] = []
    styles: List[str] = []
    kind: Optional[Kind] = None
    for para, element in zip(paras, root.iter(W + "p")):
        if para.tag is not None:
            m = _KIND_TAG.match(para.tag)
            kind = by_name.get(m.group(1)) if m else None
            continue
        if kind is None:
            continue
        sid, _ = resolver.para(element)
        ppr = element.find(W + "pPr")
        found = _para_overrides(kind, _ppr_props(ppr), resolver.para(_bare(element))[1])
        base = resolver.run_base(sid, None)
        for r, text in runs(element):
            if text.strip():
                found += [f for f in _run_overrides(kind, text, _rpr_props(r.find(W + "rPr")), base)
                          if f not in found]
        if found:
            style = resolver.style_name(sid)
            problems.append(Problem(f"{para.where()}：示例段落直接设置了{'、'.join(found)}，盖过样式“{style}”；"
                                    f"{_WHY}", error=False))
            styles.append(style)
    if len(problems) > MAX_LISTED:  # a template restyled paragraph by paragraph: one sentence says it
        return [Problem(f"{len(problems)} 个示例段落直接设置了字体、字号、缩进或行距，盖过各自的样式"
                        f"（{'、'.join(styles[:8])}{'……' if len(styles) > 8 else ''}）；{_WHY}", error=False)]
    return problems


MAX_LISTED = 6
_WHY = ("成稿按示例段落排，在 Word 里“修改样式”对这类段落不起作用。两种改法都可以；要让样式说了算，"
        "选中示例段落按 Ctrl+空格、Ctrl+Q 清除直接格式")


def _bare(element):
    """A paragraph with ``element``'s style and no direct formatting (what the style chain gives)."""
    from lxml import etree

    p = etree.Element(W + "p")
    ppr = element.find(W + "pPr")
    style = None if ppr is None else ppr.find(W + "pStyle")
    if style is not None:
        etree.SubElement(p, W + "pPr").append(etree.fromstring(etree.tostring(style)))
    return p
