"""gongwen.ooxml.styles: formatting resolved the way Word resolves it, from short XML strings."""

import io
import zipfile

from gongwen.ooxml.names import W, W_NS
from gongwen.ooxml.parts import load_parts
from gongwen.ooxml.styles import Resolver, cjk_count, runs, solid_count

NS = f'xmlns:w="{W_NS}"'


def resolver(styles: str = "", body: str = "<w:p/>", numbering: str = "") -> Resolver:
    """A Resolver over a .docx made of ``body`` paragraphs, ``w:styles`` children and numbering."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", f"<w:document {NS}><w:body>{body}</w:body></w:document>")
        z.writestr("word/styles.xml", f"<w:styles {NS}>{styles}</w:styles>")
        if numbering:
            z.writestr("word/numbering.xml", f"<w:numbering {NS}>{numbering}</w:numbering>")
    buf.seek(0)
    return Resolver(load_parts("<test>", buf))


def body(res: Resolver) -> list:
    """The paragraphs of the document ``res`` resolves."""
    return list(res.parts.body.iterfind(W + "p"))


DEFAULTS = ('<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="宋体" w:ascii="Calibri"/>'
            '<w:sz w:val="21"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:jc w:val="left"/></w:pPr></w:pPrDefault></w:docDefaults>')
NORMAL = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
          '<w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style>')
HEADING = ('<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="标题 1"/><w:basedOn w:val="Normal"/>'
           '<w:pPr><w:ind w:firstLineChars="200"/></w:pPr>'
           '<w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>')
EMPHASIS = ('<w:style w:type="character" w:styleId="Em"><w:name w:val="强调"/>'
            '<w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/><w:spacing w:val="-5"/></w:rPr></w:style>')
STYLES = DEFAULTS + NORMAL + HEADING + EMPHASIS


def test_the_style_chain_inherits_from_based_on_styles_and_doc_defaults():
    res = resolver(STYLES, '<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>一、总体要求</w:t></w:r></w:p>')
    p = body(res)[0]
    style, props = res.para(p)
    assert style == "H1"
    assert props == {"jc": "left", "first": ("chars", 200)}
    run = res.run(style, next(iter(runs(p)))[0])
    # eastAsia from H1, size from Normal (its basedOn), ascii from docDefaults
    assert run == {"eastAsia": ("name", "黑体"), "ascii": ("name", "Calibri"), "sz": 32}
    assert res.style_name(style) == "标题 1"


def test_a_paragraph_without_a_style_uses_the_default_paragraph_style():
    res = resolver(STYLES, '<w:p><w:pPr><w:pStyle w:val="Missing"/></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>')
    p = body(res)[0]
    style, _ = res.para(p)
    assert style == "Normal"
    assert res.run(style, next(iter(runs(p)))[0])["eastAsia"] == ("name", "仿宋_GB2312")


def test_direct_formatting_wins_over_the_character_and_paragraph_styles():
    res = resolver(STYLES, '<w:p><w:pPr><w:pStyle w:val="H1"/><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr>'
                           '<w:r><w:rPr><w:rStyle w:val="Em"/></w:rPr><w:t>甲</w:t></w:r>'
                           '<w:r><w:rPr><w:rStyle w:val="Em"/><w:rFonts w:eastAsia="宋体"/><w:sz w:val="28"/>'
                           '</w:rPr><w:t>乙</w:t></w:r></w:p>')
    p = body(res)[0]
    style, props = res.para(p)
    assert props["jc"] == "center" and props["first"] == ("twips", 0)
    styled, direct = (res.run(style, r) for r, _ in runs(p))
    assert styled["eastAsia"] == ("name", "楷体_GB2312") and styled["spacing"] == -5 and styled["sz"] == 32
    assert direct["eastAsia"] == ("name", "宋体") and direct["spacing"] == -5 and direct["sz"] == 28


def test_a_theme_font_is_recorded_as_a_theme_and_hides_the_named_face():
    res = resolver(DEFAULTS, '<w:p><w:r><w:rPr><w:rFonts w:eastAsia="仿宋" w:eastAsiaTheme="minorEastAsia"'
                             ' w:asciiTheme="minorHAnsi"/></w:rPr><w:t>文字</w:t></w:r></w:p>')
    p = body(res)[0]
    style, _ = res.para(p)
    props = res.run(style, next(iter(runs(p)))[0])
    assert props["eastAsia"] == ("theme", "minorEastAsia")
    assert props["ascii"] == ("theme", "minorHAnsi")


def test_numbering_indents_sit_between_the_style_and_the_paragraph():
    numbering = ('<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:pPr><w:ind w:left="420"'
                 ' w:hanging="420"/></w:pPr></w:lvl></w:abstractNum>'
                 '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>')
    numbered = '<w:pPr><w:pStyle w:val="H1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>{}</w:pPr>'
    indented = numbered.format('<w:ind w:firstLineChars="200"/>')
    res = resolver(STYLES, f'<w:p>{numbered.format("")}</w:p><w:p>{indented}</w:p>', numbering)
    first, second = (res.para(p)[1] for p in body(res))
    assert first["first"] == ("twips", -420) and first["left"] == ("left", 420)
    assert second["first"] == ("chars", 200)


def test_runs_walk_into_hyperlinks_and_insertions_but_not_deletions():
    res = resolver("", '<w:p><w:r><w:t>一</w:t></w:r><w:hyperlink><w:r><w:t>二</w:t></w:r></w:hyperlink>'
                       '<w:ins><w:r><w:t>三</w:t></w:r></w:ins><w:del><w:r><w:delText>四</w:delText></w:r></w:del>'
                       '</w:p>')
    assert [text for _, text in runs(body(res)[0])] == ["一", "二", "三"]


def test_character_counts():
    assert cjk_count("第1章　总则，A") == 5  # ideographs and the ideographic space (U+FF0C is not in the class)
    assert cjk_count("") == 0
    assert solid_count(" a b\u3000c ") == 3
