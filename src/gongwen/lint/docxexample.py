"""A small language for example .docx files: a correct 公文 page, changed by a few directives.

The layout rules' ``bad``/``good`` examples and the tests are written in it.
``key: name=value …`` lines (or ``;``-separated) are applied to a correct
speech-like document.  Keys:

- ``page: 216x279mm``; ``margins: top=… bottom=… left=… right=…`` (mm);
- ``title|body|h1|h2|h3|h4: font=NAME|inherit size=16pt spacing=-0.25pt
  indent=2chars|640 line=exact:579|auto:240 theme=minorEastAsia align=center``;
- ``defaults: font=NAME|none theme=minorEastAsia``;
- ``grid: lines:579`` or ``linesAndChars:579:-1000``;
- ``footer: text="— N —" font=宋体 size=14pt align=right`` or ``footer: none``;
- ``evenodd: yes|no``;
- ``repeat: n=11 text=… last=…``: ``n`` more body paragraphs of ``text``, then one of ``last``
  (a page and more of text, for the page-break rules);
- ``head:``, ``close:``, ``attach:``, ``record:``: a 版头 above the page, a 落款, an 附件
  page and a 版记 after it (:mod:`gongwen.lint.redexample`).

``example_docx("")`` is the correct page: it lints clean.  The numbers come
from :mod:`gongwen.spec.gbt9704`.  Nothing heavy at module level.
"""

from __future__ import annotations

import re
from typing import Dict

from gongwen.draft.source import Source
from gongwen.ooxml.names import PKG_REL_NS, R_NS, W_NS, escape
from gongwen.spec.gbt9704 import (A4, BODY_SIZE, CHAR_SPACING, DEFAULT_FACES, FOOTER_DISTANCE, INDENT, LATIN_FACE,
                                  LINE_PITCH, MARGINS, PAGE_NUMBER_SIZE, TITLE_SIZE, TWIPS_PER_MM)

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
    "title": {"font": DEFAULT_FACES["title"], "size": TITLE_SIZE, "spacing": 0, "indent": 0, "align": "center"},
    "h1": {"font": DEFAULT_FACES["h1"]},
    "h2": {"font": DEFAULT_FACES["h2"]},
    "h3": {"font": DEFAULT_FACES["body"]},
    "h4": {"font": DEFAULT_FACES["body"]},
    "body": {"font": DEFAULT_FACES["body"]},
}
_HEADER_DISTANCE = 851  # 15 mm, Word's usual header distance (the standard sets none)
_NS = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'


def _parse_example(spec: str) -> Dict[str, dict]:
    """``{key: {name: value}}`` of the directives in ``spec`` (a bare word is stored as ``"_"``)."""
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


def _twips(mm: float) -> int:
    return int(round(mm * TWIPS_PER_MM))


def _rpr(font, size, spacing, theme=None, ascii_font=LATIN_FACE) -> str:
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


def _paragraphs(cfg: Dict[str, dict]) -> str:
    paras = []
    for kind, text in _EXAMPLE_TEXT:
        k = {"font": None, "size": BODY_SIZE, "spacing": CHAR_SPACING, "indent": INDENT, "align": "both",
             "line": ("exact", LINE_PITCH), "theme": None}
        k.update(_EXAMPLE_KIND[kind])
        for name, value in cfg.get(kind, {}).items():
            if name in ("font", "indent", "theme", "align"):
                k[name] = value
            elif name == "size":
                k["size"] = _pt(value, 2)
            elif name == "spacing":
                k["spacing"] = _pt(value, 20)
            elif name == "line":
                rule_, _, v = value.partition(":")
                k["line"] = (rule_, int(v))
        indent = str(k["indent"])
        ind = f'<w:ind w:firstLineChars="{int(indent[:-5]) * 100}"/>' if indent.endswith("chars") else \
            f'<w:ind w:firstLine="{int(indent)}"/>'
        spacing = f'<w:spacing w:line="{k["line"][1]}" w:lineRule="{k["line"][0]}"/>'
        ppr = f'<w:pPr>{spacing}{ind}<w:jc w:val="{k["align"]}"/></w:pPr>'
        run = f'<w:r>{_rpr(k["font"], k["size"], k["spacing"], k["theme"])}<w:t>{escape(text)}</w:t></w:r>'
        paras.append(f"<w:p>{ppr}{run}</w:p>")
    rep = cfg.get("repeat", {})
    more = [rep.get("text", "")] * min(int(rep.get("n", 0)), 200) + ([rep["last"]] if "last" in rep else [])
    for text in more:
        paras.append(f'<w:p><w:pPr><w:spacing w:line="{LINE_PITCH}" w:lineRule="exact"/>'
                     f'<w:ind w:firstLine="{INDENT}"/><w:jc w:val="both"/></w:pPr>'
                     f'<w:r>{_rpr(DEFAULT_FACES["body"], BODY_SIZE, CHAR_SPACING)}<w:t>{escape(text)}</w:t></w:r></w:p>')
    return "".join(paras)


def _section(cfg: Dict[str, dict], has_footer: bool) -> str:
    page = cfg.get("page", {}).get("_")
    if page is None:
        pw, ph = A4
    else:
        pw, ph = (_twips(float(x)) for x in page.lower().replace("mm", "").split("x"))
    twip = dict(MARGINS)
    twip.update({k: _twips(float(v)) for k, v in cfg.get("margins", {}).items()})
    grid = cfg.get("grid", {}).get("_")
    grid_xml = f'<w:docGrid w:linePitch="{LINE_PITCH}"/>'
    if grid:
        bits = grid.split(":")
        grid_xml = f'<w:docGrid w:type="{bits[0]}" w:linePitch="{bits[1]}"' + \
            (f' w:charSpace="{bits[2]}"' if len(bits) > 2 else "") + "/>"
    refs = ('<w:footerReference w:type="default" r:id="rIdF1"/>'
            '<w:footerReference w:type="even" r:id="rIdF2"/>') if has_footer else ""
    return (f'<w:sectPr>{refs}<w:pgSz w:w="{pw}" w:h="{ph}"/>'
            f'<w:pgMar w:top="{twip["top"]}" w:right="{twip["right"]}" w:bottom="{twip["bottom"]}" '
            f'w:left="{twip["left"]}" w:header="{_HEADER_DISTANCE}" w:footer="{FOOTER_DISTANCE}" w:gutter="0"/>'
            f'{grid_xml}</w:sectPr>')


def _footer_xml(footer: dict, align: str) -> str:
    font = footer.get("font", DEFAULT_FACES["page"])
    size = _pt(footer["size"], 2) if "size" in footer else PAGE_NUMBER_SIZE
    rpr = _rpr(font, size, 0, ascii_font=font)
    text = footer.get("text", "— N —")
    before, field, after = text.partition("N")
    runs_ = f'<w:r>{rpr}<w:t xml:space="preserve">{escape(before)}</w:t></w:r>'
    if field:
        runs_ += (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
                  f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                  f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
                  f'<w:r>{rpr}<w:t>1</w:t></w:r><w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
                  f'<w:r>{rpr}<w:t xml:space="preserve">{escape(after)}</w:t></w:r>')
    align = footer.get("align", align)
    return f'<w:ftr {_NS}><w:p><w:pPr><w:jc w:val="{align}"/></w:pPr>{runs_}</w:p></w:ftr>'


def example_docx(spec: str = "") -> bytes:
    """A small .docx: a correct 公文 page changed by the directives in ``spec``."""
    import io
    import zipfile

    cfg = _parse_example(spec)
    footer = cfg.get("footer", {})
    has_footer = footer.get("_") != "none"
    from gongwen.lint.redexample import around

    head, tail = around(cfg)
    document = (f'<w:document {_NS}><w:body>{head}{_paragraphs(cfg)}{tail}{_section(cfg, has_footer)}</w:body>'
                f'</w:document>')

    defaults = cfg.get("defaults", {})
    dfont = defaults.get("font", DEFAULT_FACES["body"])
    styles = (f'<w:styles {_NS}><w:docDefaults><w:rPrDefault>'
              f'{_rpr(dfont, BODY_SIZE, 0, defaults.get("theme"))}</w:rPrDefault></w:docDefaults></w:styles>')
    evenodd = cfg.get("evenodd", {}).get("_", "yes") == "yes"
    settings = f'<w:settings {_NS}>{"<w:evenAndOddHeaders/>" if evenodd else ""}</w:settings>'

    rels = (f'<Relationships xmlns="{PKG_REL_NS}">'
            f'<Relationship Id="rIdS" Type="{R_NS}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rIdT" Type="{R_NS}/settings" Target="settings.xml"/>'
            + (f'<Relationship Id="rIdF1" Type="{R_NS}/footer" Target="footer1.xml"/>'
               f'<Relationship Id="rIdF2" Type="{R_NS}/footer" Target="footer2.xml"/>' if has_footer else "")
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
            z.writestr("word/footer1.xml", _footer_xml(footer, "right"))
            z.writestr("word/footer2.xml", _footer_xml(footer, "left"))
    return buf.getvalue()


_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    + "".join(f'<Override PartName="/word/{part}.xml" ContentType="{_WML}{kind}+xml"/>'
              for part, kind in (("document", "document.main"), ("styles", "styles"), ("settings", "settings"),
                                 ("footer1", "footer"), ("footer2", "footer")))
    + "</Types>")
_PACKAGE_RELS = (
    f'<Relationships xmlns="{PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="word/document.xml"/></Relationships>')


def example_source(spec: str = "", path: str = "<example>") -> Source:
    """The :class:`Source` of :func:`example_docx` (read from memory, no file written)."""
    import io

    from gongwen.draft.read import read_docx

    return read_docx(path, io.BytesIO(example_docx(spec)))
