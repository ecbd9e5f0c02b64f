"""Generate the built-in GB/T 9704 templates from code.

``python -m gongwen.builder.templatemaker templates/`` rewrites ``templates/speech.docx``
and ``templates/report.docx``; a test checks that the committed files match
what this module makes, so the numbers below are the single source of truth.

A template is a docxtpl template: its body loops over ``paragraphs`` and holds
one example paragraph per paragraph kind, so an office restyles a kind by
restyling its example paragraph (or its named style) in Word.  Every run
carries its East Asian font explicitly and no theme font is referenced, since
a theme attribute beats the explicit name in Word and WPS.
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path
from typing import Dict, List

from gongwen.builder import geometry
from gongwen.builder.kinds import (CELL_STYLES, KINDS, PAGE, TAB, Kind, sect_pr,  # noqa: F401  (re-exported)
                                   style_id)
from gongwen.builder.tablemaker import table_example, table_style
from gongwen.builder.redhead import family_kinds
from gongwen.ooxml.names import (CONTENT_TYPES_NS, CORE_PROPS_NS, DC_NS, DCTERMS_NS, EXTENDED_PROPS_NS,
                                 PKG_REL_NS, R_NS, W_NS, XSI_NS, escape, quoteattr)
from gongwen.spec.gbt9704 import (BODY_SIZE, CHAR_SPACING, DEFAULT_FACES as FACES, INDENT,  # noqa: F401
                                  LATIN_FACE as LATIN, LINE_PITCH, MARGINS, PAGE_NUMBER_SIZE, TITLE_SIZE)

# --- XML pieces ---------------------------------------------------------------

def rpr(face: str, size, spacing: int = CHAR_SPACING, latin: str = LATIN, color: str = "000000") -> str:
    """Run properties in schema order: rFonts, color, spacing, sz, szCs, lang."""
    space = f'<w:spacing w:val="{spacing}"/>' if spacing else ""
    return (f"<w:rPr>{fonts(face, latin)}<w:color w:val=\"{color}\"/>{space}<w:sz w:val=\"{size}\"/>"
            f"<w:szCs w:val=\"{size}\"/><w:lang w:eastAsia=\"zh-CN\"/></w:rPr>")


def ppr(kind: Kind, with_style: bool = True) -> str:
    """Paragraph properties in schema order: pStyle, keepNext, (lead), widowControl, (middle),
    spacing, ind, jc, (tail).

    A style (``with_style=False``) gets the kind's whole look; an example paragraph
    (``with_style=True``) only its style, its structure (frames, borders, tabs, page and section
    breaks) and the elements :mod:`gongwen.builder.geometry` writes numbers into, so Modify Style
    in Word restyles every paragraph of the kind."""
    keep = "<w:keepNext/>" if kind.keep_next else ""
    ind = kind.ind or (f'<w:ind w:firstLine="{kind.indent}"/>' if kind.indent else '<w:ind w:firstLine="0"/>')
    line, align = kind.line, kind.align
    spacing = f'<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="{kind.rule}"/>'
    if with_style:
        return (f'<w:pPr><w:pStyle w:val="{style_id(kind)}"/>{kind.lead}{kind.middle}'
                + (spacing if "{" in str(line) else "") + (ind if "{" in ind else "")
                + (f'<w:jc w:val="{align}"/>' if "{" in align else "") + f"{kind.tail}</w:pPr>")
    align = align if "{" not in align else "center"
    spacing = spacing if "{" not in str(line) else spacing.replace(str(line), str(LINE_PITCH))
    ind = ind if "{" not in ind else '<w:ind w:firstLine="0"/>'
    return (f'<w:pPr>{keep}<w:widowControl w:val="0"/>{spacing}{ind}<w:jc w:val="{align}"/></w:pPr>')


def fonts(face: str, latin: str = LATIN) -> str:
    return (f'<w:rFonts w:ascii={quoteattr(latin)} w:hAnsi={quoteattr(latin)} w:eastAsia={quoteattr(face)} '
            f'w:cs={quoteattr(latin)} w:hint="eastAsia"/>')


def style_role(kind: Kind) -> str:
    """The face role of a kind's style: that of its ``p.text`` run (its first run's otherwise)."""
    roles = [role for role, field in kind.runs if field == "p.text"] or [role for role, _ in kind.runs]
    return roles[0] if roles else "body"


def run(kind: Kind, role: str, field: str, faces: Dict[str, str]) -> str:
    """One run of an example paragraph: direct formatting only where the run differs from the
    style (the run-in heading's face) or where the layout writes a number (the 标志's size)."""
    props = fonts(faces[role]) if faces[role] != faces[style_role(kind)] else ""
    if "{" in str(kind.size):
        props += f'<w:sz w:val="{kind.size}"/><w:szCs w:val="{kind.size}"/>'
    props = f"<w:rPr>{props}</w:rPr>" if props else ""
    if field == TAB:
        return f"<w:r>{props}<w:tab/></w:r>"
    return f'<w:r>{props}<w:t xml:space="preserve">{escape("{{ %s }}" % field)}</w:t></w:r>'


def tag_paragraph(tag: str) -> str:
    """A docxtpl paragraph tag: the whole paragraph is replaced by the tag."""
    return f"<w:p><w:r><w:t>{escape(tag)}</w:t></w:r></w:p>"


def example_paragraph(kind: Kind, faces: Dict[str, str]) -> str:
    """One kind's example paragraph.  Numbers the layout computes stand as their defaults (Word refuses
    a property that is not a number) and reach the paragraph through a hidden ``{{ p.geometry }}`` run
    (:mod:`gongwen.builder.geometry`)."""
    runs = "".join(run(kind, role, field, faces) for role, field in kind.runs)
    hidden = ""
    if kind.attrs:
        hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">{{ p.geometry }}</w:t></w:r>'
    xml = f"<w:p>{ppr(kind)}{runs}{kind.extra}{hidden}</w:p>"
    return re.sub(r"\{\{ p\.(\w+) \}\}", lambda m: m.group(0) if m.group(1) in FIELDS_AS_TEXT
                  else geometry.placeholder(m.group(1)), xml)


#: Fields shown as text (the rest are numbers in properties, written by :mod:`geometry`).
FIELDS_AS_TEXT = frozenset({"text", "heading", "lead", "label", "names", "date", "geometry"})


def kinds_of(name: str) -> List[Kind]:
    """The paragraph kinds of built-in template ``name``."""
    if name in FAMILY_TEMPLATES:
        return KINDS + family_kinds(letter=name == "letter")
    return KINDS


def document_xml(faces: Dict[str, str], name: str = "speech") -> str:
    body = [tag_paragraph("{%p for p in paragraphs %}")]
    for i, kind in enumerate(kinds_of(name)):
        keyword = "if" if i == 0 else "elif"
        body.append(tag_paragraph('{%%p %s p.kind == "%s" %%}' % (keyword, kind.name)))
        body.append(table_example(kind, faces) if kind.name == "table" else example_paragraph(kind, faces))
    body.append(tag_paragraph("{%p endif %}"))
    body.append(tag_paragraph("{%p endfor %}"))
    final = (sect_pr(continuous=True, first_page=name == "letter") if name in FAMILY_TEMPLATES else sect_pr())
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{"".join(body)}{final}'
            f"</w:body></w:document>")


def styles_xml(faces: Dict[str, str], name: str = "speech") -> str:
    defaults = (f"<w:docDefaults><w:rPrDefault>{rpr(faces['body'], BODY_SIZE)}</w:rPrDefault>"
                f"<w:pPrDefault><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{LINE_PITCH}\" "
                f"w:lineRule=\"exact\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>")
    styles = [
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        f'<w:qFormat/><w:pPr><w:ind w:firstLine="{INDENT}"/></w:pPr>{rpr(faces["body"], BODY_SIZE)}</w:style>',
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
        '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/>'
        f'<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:line="240" w:lineRule="auto"/>'
        f'<w:ind w:firstLine="0"/></w:pPr>{rpr(faces["page"], PAGE_NUMBER_SIZE, 0, faces["page"])}</w:style>',
    ]
    for kind in kinds_of(name) + CELL_STYLES:
        face = faces[style_role(kind)]
        size = kind.size if "{" not in str(kind.size) else TITLE_SIZE
        spacing = 0 if size == TITLE_SIZE else CHAR_SPACING
        styles.append(
            f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id(kind)}">'
            f'<w:name w:val="{kind.style}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
            f"{ppr(kind, with_style=False)}"
            f"{rpr(face, size, spacing, color=kind.color)}</w:style>")
    styles.append(table_style())
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:styles xmlns:w="{W_NS}">{defaults}{"".join(styles)}</w:styles>')


def footer_xml(odd: bool, faces: Dict[str, str]) -> str:
    """``— N —`` in 4号 宋体 (half-width 宋体 digits too): odd pages right, even left, one character in."""
    props = rpr(faces["page"], PAGE_NUMBER_SIZE, 0, faces["page"])
    ind = f'<w:ind w:{"right" if odd else "left"}="{PAGE_NUMBER_SIZE * 10}" w:firstLine="0"/>'
    align = "right" if odd else "left"

    def r(inner: str) -> str:
        return f"<w:r>{props}{inner}</w:r>"

    runs = (r('<w:t xml:space="preserve">— </w:t>') + r('<w:fldChar w:fldCharType="begin"/>')
            + r('<w:instrText xml:space="preserve"> PAGE </w:instrText>')
            + r('<w:fldChar w:fldCharType="separate"/>') + r("<w:t>1</w:t>")
            + r('<w:fldChar w:fldCharType="end"/>') + r('<w:t xml:space="preserve"> —</w:t>'))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="Footer"/>{ind}'
            f'<w:jc w:val="{align}"/></w:pPr>{runs}</w:p></w:ftr>')


def footer_none_xml() -> str:
    """A footer that shows nothing: the blank page and the 版记 page after it, page 1 of a 信函."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p></w:ftr>')


SETTINGS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:settings xmlns:w="{W_NS}"><w:evenAndOddHeaders/><w:defaultTabStop w:val="420"/>'
            f'<w:characterSpacingControl w:val="compressPunctuation"/>'
            f'<w:compat><w:compatSetting w:name="compatibilityMode" '
            f'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>')


def font_table(faces: Dict[str, str]) -> str:
    names = sorted(set(faces.values()) | {LATIN})
    fonts = "".join(f'<w:font w:name={quoteattr(n)}><w:charset w:val="{"00" if n == LATIN else "86"}"/>'
                    f'<w:family w:val="{"roman" if n == LATIN else "modern"}"/></w:font>' for n in names)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:fonts xmlns:w="{W_NS}">{fonts}</w:fonts>')


CT = "application/vnd.openxmlformats-officedocument"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Types xmlns="{CONTENT_TYPES_NS}">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{CT}.wordprocessingml.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{CT}.wordprocessingml.styles+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{CT}.wordprocessingml.settings+xml"/>'
    f'<Override PartName="/word/fontTable.xml" ContentType="{CT}.wordprocessingml.fontTable+xml"/>'
    f'<Override PartName="/word/footer1.xml" ContentType="{CT}.wordprocessingml.footer+xml"/>'
    f'<Override PartName="/word/footer2.xml" ContentType="{CT}.wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    f'<Override PartName="/docProps/app.xml" ContentType="{CT}.extended-properties+xml"/>'
    "</Types>")

PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="word/document.xml"/>'
    f'<Relationship Id="rId2" Type="{PKG_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{R_NS}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>")

DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{PKG_REL_NS}">'
    f'<Relationship Id="rIdStyles" Type="{R_NS}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rIdSettings" Type="{R_NS}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rIdFonts" Type="{R_NS}/fontTable" Target="fontTable.xml"/>'
    f'<Relationship Id="rIdFooterOdd" Type="{R_NS}/footer" Target="footer1.xml"/>'
    f'<Relationship Id="rIdFooterEven" Type="{R_NS}/footer" Target="footer2.xml"/>'
    "</Relationships>")


def core_xml(title: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<cp:coreProperties xmlns:cp="{CORE_PROPS_NS}" '
        f'xmlns:dc="{DC_NS}" xmlns:dcterms="{DCTERMS_NS}" '
        f'xmlns:xsi="{XSI_NS}">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>gongwen</dc:creator>"
        "</cp:coreProperties>")


APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       f'<Properties xmlns="{EXTENDED_PROPS_NS}">'
       "<Application>gongwen</Application></Properties>")

TEMPLATE_TITLES = {"speech": "讲话稿模板（GB/T 9704-2012）", "report": "调研报告模板（GB/T 9704-2012）",
                   "redhead": "红头公文模板（GB/T 9704-2012 文件格式、纪要格式）",
                   "letter": "信函格式模板（GB/T 9704-2012 函、复函）"}
#: Templates of the red-header family (an extra footer that shows nothing, section breaks).
FAMILY_TEMPLATES = ("redhead", "letter")


def parts(name: str, faces: Dict[str, str] = FACES) -> Dict[str, str]:
    """Every part of template ``name``, in the order they are written."""
    family = name in FAMILY_TEMPLATES
    none = f'<Override PartName="/word/footer3.xml" ContentType="{CT}.wordprocessingml.footer+xml"/>'
    none_rel = f'<Relationship Id="rIdFooterNone" Type="{R_NS}/footer" Target="footer3.xml"/>'
    out = {
        "[Content_Types].xml": CONTENT_TYPES.replace("</Types>", none + "</Types>") if family else CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "docProps/core.xml": core_xml(TEMPLATE_TITLES[name]),
        "docProps/app.xml": APP,
        "word/document.xml": document_xml(faces, name),
        "word/_rels/document.xml.rels": (DOCUMENT_RELS.replace("</Relationships>", none_rel + "</Relationships>")
                                         if family else DOCUMENT_RELS),
        "word/styles.xml": styles_xml(faces, name),
        "word/settings.xml": SETTINGS,
        "word/fontTable.xml": font_table(faces),
        "word/footer1.xml": footer_xml(True, faces),
        "word/footer2.xml": footer_xml(False, faces),
    }
    if family:
        out["word/footer3.xml"] = footer_none_xml()
    return out


def write(name: str, path: Path) -> None:
    """Write template ``name`` to ``path`` byte-for-byte reproducibly (fixed timestamps)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for part, xml in parts(name).items():
            info = zipfile.ZipInfo(part, date_time=(2012, 7, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, xml.encode("utf-8"))


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0] if args else "templates")
    target.mkdir(parents=True, exist_ok=True)
    for name in TEMPLATE_TITLES:
        write(name, target / f"{name}.docx")
        print(f"{target / name}.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
