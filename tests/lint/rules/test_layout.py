"""Layout rules (GW8xx) on .docx files; what gongwen builds has no layout findings."""

import glob
import re
import io
import os
import zipfile

import docx
import pytest

from gongwen import api
from gongwen.lint.registry import all_rules

from gongwen.lint.engine import lint_source
from gongwen.lint.docxexample import example_docx, example_source
from gongwen.draft.read import read_source

from tests.paths import ROOT

LAYOUT = [r for r in all_rules() if r.code.startswith("GW8")]


def layout_findings(source):
    return lint_source(source, rules=LAYOUT)


def codes(source):
    return sorted({f.code for f in layout_findings(source)})


def test_layout_rules_are_registered_with_examples():
    assert len(LAYOUT) >= 15
    for r in LAYOUT:
        assert r.family == "layout" and r.formats == ("docx",) and r.example_format == "docx"
        assert r.bad and r.good, r.code
        assert r.source and r.message and r.why, r.code


def test_the_example_baseline_is_clean():
    assert layout_findings(example_source("")) == []


@pytest.mark.parametrize("r", LAYOUT, ids=lambda r: r.code)
def test_bad_examples_trigger_and_good_ones_do_not(r):
    for example in r.bad:
        found = [f.code for f in layout_findings(example_source(example))]
        assert r.code in found, (r.code, example, found)
    for example in r.good:
        found = [f for f in layout_findings(example_source(example)) if f.code == r.code]
        assert not found, (r.code, example, [f.message for f in found])


def test_reported_once_per_style_with_a_count():
    findings = [f for f in layout_findings(example_source("body: font=宋体")) if f.code == "GW803"]
    assert len(findings) == 1
    f = findings[0]
    assert f.line == 2 and f.severity == "error" and f.family == "layout"
    assert "宋体" in f.message and "共 5 段" in f.message


def test_listing_the_layout_rules_loads_neither_lxml_nor_docx():
    """The layout family, the layout view, style resolution and the example language are
    imported to list rules (``gongwen rule``): nothing heavy at their module level."""
    import subprocess
    import sys

    probe = ("import sys\n"
             "import gongwen.lint.rules.layout, gongwen.lint.layoutview, gongwen.lint.docxexample\n"
             "import gongwen.ooxml.styles\n"
             "from gongwen.lint.registry import all_rules\n"
             "assert sum(r.code.startswith('GW8') for r in all_rules()) >= 15\n"
             "print('HEAVY', sorted(m for m in sys.modules if m.split('.')[0] in ('lxml', 'docx', 'zipfile')))\n")
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "src"))
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert "HEAVY []" in done.stdout, done.stdout + done.stderr


# --- resolving formatting the way Word does --------------------------------------------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def rewrite(data: bytes, name: str, fn) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info)
            if info.filename == name:
                body = fn(body.decode("utf-8")).encode("utf-8")
            zout.writestr(info, body)
    return out.getvalue()


def source_of(data: bytes, tmp_path, name="t.docx"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_source(str(path))


def test_fonts_resolve_through_styles_and_based_on(tmp_path):
    styles = (f'<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="宋体"/>'
              '<w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
              '<w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>'
              '</w:style><w:style w:type="paragraph" w:styleId="Body"><w:name w:val="正文段"/>'
              '<w:basedOn w:val="Normal"/></w:style></w:styles>')
    data = example_docx("")
    # strip run fonts and sizes from body paragraphs: the styles must supply them
    data = rewrite(data, "word/document.xml", lambda x: x.replace(
        '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/>', "").replace(
        '<w:pPr><w:spacing', '<w:pPr><w:pStyle w:val="Body"/><w:spacing'))
    data = rewrite(data, "word/styles.xml", lambda x: styles)
    found = layout_findings(source_of(data, tmp_path))
    assert not [f for f in found if f.code in ("GW803", "GW808", "GW809")], [f.message for f in found]


def test_theme_font_in_a_style_is_reported_once_with_the_style_name(tmp_path):
    data = rewrite(example_docx(""), "word/document.xml", lambda x: x.replace(
        'w:eastAsia="仿宋_GB2312"', 'w:eastAsiaTheme="minorEastAsia"'))
    found = [f for f in layout_findings(source_of(data, tmp_path)) if f.code == "GW809"]
    assert len(found) == 1 and "minorEastAsia" in found[0].message


def test_heading_levels_come_from_word_numbering_labels(tmp_path):
    numbering = (f'<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    data = rewrite(example_docx("h1: font=仿宋_GB2312"), "word/document.xml", lambda x: x.replace(
        "一、总体要求", "总体要求").replace(
        '<w:pPr><w:spacing w:line="579" w:lineRule="exact"/><w:ind w:firstLine="640"/><w:jc w:val="both"/></w:pPr>'
        '<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/>'
        '<w:spacing w:val="-5"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t>总体要求',
        '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:spacing w:line="579" '
        'w:lineRule="exact"/><w:ind w:firstLine="640"/><w:jc w:val="both"/></w:pPr>'
        '<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/>'
        '<w:spacing w:val="-5"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t>总体要求'))
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(buf, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info))
        zout.writestr("word/numbering.xml", numbering)
    src = source_of(buf.getvalue(), tmp_path)
    assert src.paras[2].text == "一、总体要求" and src.paras[2].label_len == 2
    assert "GW805" in codes(src)


def test_run_in_heading_checks_the_heading_part_only(tmp_path):
    run = ('<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{f}"/>'
           '<w:spacing w:val="-5"/><w:sz w:val="32"/></w:rPr><w:t>{t}</w:t></w:r>')

    def make(heading_font):
        def fn(x):
            start = x.index("<w:r>", x.index("（一）加强组织领导") - 300)
            end = x.index("</w:r>", start) + len("</w:r>")
            return x[:start] + run.format(f=heading_font, t="（一）加强组织领导。") + run.format(
                f="仿宋_GB2312", t="各单位主要负责人要亲自研究部署，层层压实责任，确保各项工作落到实处。") + x[end:]
        return rewrite(example_docx(""), "word/document.xml", fn)

    assert "GW806" not in codes(source_of(make("楷体_GB2312"), tmp_path))
    assert "GW806" in codes(source_of(make("仿宋_GB2312"), tmp_path, "b.docx"))


def test_tables_and_centred_lines_are_not_body_text(tmp_path):
    table = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="21"/></w:rPr>'
             '<w:t>表格里的小字</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
             '<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="楷体"/></w:rPr>'
             '<w:t>县人民政府</w:t></w:r></w:p>')
    data = rewrite(example_docx(""), "word/document.xml", lambda x: x.replace("<w:sectPr>", table + "<w:sectPr>"))
    assert codes(source_of(data, tmp_path)) == []


def test_python_docx_default_document_is_read_and_linted(tmp_path):
    d = docx.Document()
    d.add_paragraph("关于做好安全生产工作的通知")
    d.add_paragraph("各单位要高度重视，认真落实。")
    path = tmp_path / "pd.docx"
    d.save(str(path))
    found = codes(read_source(str(path)))
    # Letter paper, Word margins, theme fonts (Calibri / minorEastAsia), no page numbers
    assert {"GW801", "GW802", "GW809", "GW813"} <= set(found)


# --- the built output must be clean ------------------------------------------------------


def _built_files():
    files = sorted(glob.glob(os.path.join(ROOT, "templates", "*.docx")))
    files += sorted(glob.glob(os.path.join(ROOT, "src", "gongwen", "templates", "*.docx")))
    files += sorted(glob.glob(os.path.join(ROOT, "out", "*.docx")))
    return [f for f in files if not f.endswith(".fixed.docx")]


def assert_clean(path):
    found = [(f.code, f.message) for f in layout_findings(read_source(path))]
    assert found == [], (path, found)


@pytest.mark.parametrize("path", _built_files(), ids=os.path.basename)
def test_templates_and_built_output_have_no_layout_findings(path):
    assert_clean(path)


def test_freshly_built_content_has_no_layout_findings(tmp_path):
    contents = sorted(glob.glob(os.path.join(ROOT, "content", "*.yaml")))
    assert contents
    results = api.build(contents, str(tmp_path))
    assert results and all(r.ok for r in results), [r.errors for r in results]
    for r in results:
        assert_clean(r.target)


# --- the fixed copy -------------------------------------------------------------------------


def test_office_conventions_are_not_faults(tmp_path):
    """A red 版头, a 版记, an attachment list aligned under its first item, a long 主送 line and
    a framed page number placed ``outside`` are all correct."""
    rpr = ('<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{f}"/>'
           '<w:color w:val="{c}"/><w:spacing w:val="-5"/><w:sz w:val="{s}"/></w:rPr>')

    def para(text, jc="both", font="仿宋_GB2312", size=32, color="000000", ind='<w:ind w:firstLine="640"/>'):
        return (f'<w:p><w:pPr><w:spacing w:line="579" w:lineRule="exact"/>{ind}<w:jc w:val="{jc}"/></w:pPr>'
                f'<w:r>{rpr.format(f=font, c=color, s=size)}<w:t>{text}</w:t></w:r></w:p>')

    head = (para("清河县人民政府办公室", "center", "方正小标宋简体", 72, "FF0000", "")
            + para("清政办发〔2024〕3号", "center", ind=""))
    tail = (para("附件：1.安全生产工作要点") + para("2.安全生产专项整治方案", ind='<w:ind w:left="1600"/>')
            + para("抄送：县委办公室，县人大常委会办公室，县政协办公室。", size=28, ind='<w:ind w:left="320"/>')
            + para("清河县人民政府办公室　　　　　　　　2024年3月5日印发", size=28, ind='<w:ind w:left="320"/>'))
    salutation = para("各乡镇人民政府，县直各有关单位，各驻县单位，各有关企业和社会组织，各村（居）民委员会：", ind="")

    def fn(x):
        body_start = x.index("<w:body>") + len("<w:body>")
        second = x.index("<w:p>", x.index("</w:p>", body_start))
        x = x[:body_start] + head + x[body_start:second] + salutation + x[second:]
        return x.replace("<w:sectPr>", tail + "<w:sectPr>")

    data = rewrite(example_docx(""), "word/document.xml", fn)
    framed = '<w:pPr><w:framePr w:wrap="around" w:vAnchor="text" w:hAnchor="margin" w:xAlign="outside" w:y="1"/>'
    for footer in ("word/footer1.xml", "word/footer2.xml"):
        data = rewrite(data, footer, lambda x: re.sub(r"<w:pPr><w:jc w:val=\"\w+\"/>", framed, x))
    src = source_of(data, tmp_path)
    assert src.paras[2].text == "关于做好全县安全生产工作的通知"
    # the red-header rules (GW816–) judge where these elements sit: tests/lint/test_redhead*.py
    found = [f for f in layout_findings(src) if f.code < "GW816"]
    assert found == [], [(f.line, f.code, f.message) for f in found]
