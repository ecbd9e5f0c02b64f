"""Looks live in named styles: an office that restyles a copied template through Modify Style alone
(done here with python-docx, as Word would save it) sees every output paragraph of that kind follow,
and no other paragraph change; formatting the example paragraph still works, and `templates check`
says when direct formatting on an example paragraph overrides its style."""

import shutil
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from gongwen.builder import geometry, templatecheck
from gongwen.builder.pipeline import build_one
from gongwen.builder.templatemaker import TEMPLATE_TITLES, parts

from tests.builder import effective
from tests.paths import CONTENT, TEMPLATES

H1_FACE, H1_SIZE, BODY_FIRST = "方正黑体", 36, 960  # 18 pt; a three-character first-line indent


def restyled(tmp_path, name: str):
    """A copy of template ``name`` with 一级标题 in 方正黑体 18 pt and 正文 indented three characters."""
    path = tmp_path / f"restyled-{name}.docx"
    shutil.copy(TEMPLATES / f"{name}.docx", path)
    document = docx.Document(str(path))
    h1 = document.styles["一级标题"]
    h1.font.size = Pt(18)
    h1.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), H1_FACE)
    document.styles["正文"].paragraph_format.first_line_indent = Pt(48)
    document.save(str(path))
    return path


def built(tmp_path, content: str, template) -> list:
    target = tmp_path / f"{content}-{template.stem}.docx"
    result = build_one(CONTENT / f"{content}.yaml", target, template=str(template))
    assert result.ok, result.errors
    return effective.paragraphs(target)


@pytest.mark.parametrize("content, name", [("speech", "speech"), ("notice", "redhead")])
def test_modify_style_restyles_every_paragraph_of_the_kind_and_nothing_else(tmp_path, content, name):
    plain = shutil.copy(TEMPLATES / f"{name}.docx", tmp_path / f"plain-{name}.docx")
    before = built(tmp_path, content, plain)
    after = built(tmp_path, content, restyled(tmp_path, name))
    assert [p[0] for p in before] == [p[0] for p in after]
    changed = {"一级标题": 0, "正文": 0}
    for (text, style, props, runs), (_, style2, props2, runs2) in zip(before, after):
        assert style == style2, text
        if style == "一级标题":
            changed[style] += 1
            assert all(r["eastAsia"] == ("name", H1_FACE) and r["sz"] == H1_SIZE for r in runs2), text
            assert runs and all(r["eastAsia"] == ("name", "黑体") and r["sz"] == 32 for r in runs), text
            assert props2 == props
        elif style == "正文":
            changed[style] += 1
            assert props["first"] == ("twips", 640) and props2["first"] == ("twips", BODY_FIRST), text
            assert runs2 == runs
        else:  # every other paragraph exactly as before
            assert (props2, runs2) == (props, runs), text
    assert changed["一级标题"] >= 3 and changed["正文"] >= 3, changed


def test_formatting_the_example_paragraph_still_works_and_is_named_by_the_check(tmp_path):
    path = tmp_path / "direct.docx"
    shutil.copy(TEMPLATES / "speech.docx", path)
    document = docx.Document(str(path))
    example = next(p for p in document.paragraphs if p.style.name == "一级标题")
    for run in example.runs:
        run.font.size = Pt(18)
        run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), H1_FACE)
    document.save(str(path))
    problems = templatecheck.check(str(path))
    assert len(problems) == 1 and problems[0].startswith("提醒：第 13 段“{{ p.text }}”：示例段落直接设置了")
    assert f"字体“{H1_FACE}”（样式为黑体）" in problems[0] and "字号 18 磅（样式为16 磅）" in problems[0]
    assert "盖过样式“一级标题”" in problems[0] and "Ctrl+空格" in problems[0]
    for text, style, _, runs in built(tmp_path, "speech", path):
        if style == "一级标题":
            assert all(r["eastAsia"] == ("name", H1_FACE) and r["sz"] == H1_SIZE for r in runs), text


@pytest.mark.parametrize("name", sorted(TEMPLATE_TITLES))
def test_builtin_example_paragraphs_carry_only_style_structure_and_geometry(name):
    assert templatecheck.check(str(TEMPLATES / f"{name}.docx")) == []
    xml = parts(name)["word/document.xml"]
    assert "<w:widowControl" not in xml and "<w:color" not in xml and "<w:spacing w:val" not in xml
    styles = parts(name)["word/styles.xml"]
    assert "Theme" not in styles and "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts" in styles


def test_a_template_without_the_element_geometry_writes_still_gets_the_number():
    """Ctrl+Q on the 署名 example removes its w:ind; the layout's right indent still arrives."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = (f'<w:document {w}><w:body><w:p><w:pPr><w:pStyle w:val="gwSignature"/></w:pPr><w:r><w:t>清河县人民政府</w:t>'
            '</w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>gw:right=1280;height=1984;size=72</w:t></w:r></w:p>'
            "<w:p><w:r><w:t>附件</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>gw:left=640</w:t></w:r></w:p>"
            "</w:body></w:document>")
    out = geometry.apply(body)
    assert ('<w:pPr><w:pStyle w:val="gwSignature"/><w:spacing w:lineRule="exact" w:line="1984"/>'
            '<w:ind w:right="1280"/></w:pPr>') in out
    assert '<w:rPr><w:sz w:val="72"/><w:szCs w:val="72"/></w:rPr><w:t>清河县人民政府' in out
    assert '<w:p><w:pPr><w:ind w:left="640"/></w:pPr><w:r><w:t>附件' in out and "gw:" not in out


def test_office_faces_reach_the_styles(tmp_path, monkeypatch):
    (tmp_path / "gongwen.yaml").write_text("faces:\n  h1: 方正黑体_GBK\n  body: 仿宋\n", encoding="utf-8")
    shutil.copy(CONTENT / "speech.yaml", tmp_path / "speech.yaml")
    monkeypatch.chdir(tmp_path)
    from gongwen import settings

    settings._cache.clear()
    try:
        assert build_one(tmp_path / "speech.yaml", tmp_path / "out.docx").ok
    finally:
        settings._cache.clear()
    faces = {r["eastAsia"][1] for _, style, _, runs in effective.paragraphs(tmp_path / "out.docx")
             if style in ("一级标题", "正文") for r in runs}
    assert faces == {"方正黑体_GBK", "仿宋"}
    with zipfile.ZipFile(tmp_path / "out.docx") as z:
        assert "仿宋_GB2312" not in z.read("word/styles.xml").decode("utf-8")
