"""The numbers a layout computes reach the paragraph's properties after Jinja (builder.geometry),
so the built-in templates hold only valid property values: Word opens them for restyling."""

import re
import zipfile

import pytest

from gongwen.builder import geometry
from gongwen.builder.templatemaker import TEMPLATE_TITLES, parts

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize("name", sorted(TEMPLATE_TITLES))
def test_templates_have_tags_only_in_text(name):
    xml = parts(name)["word/document.xml"]
    assert not re.search(r'="[^"]*[{}%][^"]*"', xml)  # no tag inside an attribute
    assert not re.search(r"<wp:posOffset>[^<]*\{", xml)


def test_geometry_is_written_into_the_paragraph_and_its_run_removed():
    body = (f'<w:document {W}><w:body><w:p><w:pPr><w:spacing w:line="579"/><w:ind w:left="0" w:hanging="0"/>'
            '<w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="32"/></w:rPr><w:t>附件：</w:t></w:r>'
            '<w:r><w:rPr><w:vanish/></w:rPr><w:t>gw:height=1984;left=1600;hanging=960;align=distribute;size=72</w:t>'
            "</w:r></w:p></w:body></w:document>")
    out = geometry.apply(body)
    assert 'w:line="1984"' in out and 'w:left="1600"' in out and 'w:hanging="960"' in out
    assert 'w:val="distribute"' in out and '<w:sz w:val="72"/>' in out and "gw:" not in out


@pytest.mark.parametrize("bad", ["height=1e9", "align=justify\" evil=\"1", "weight=", "unknown=1"])
def test_a_value_outside_its_form_is_refused(bad):
    body = f'<w:document {W}><w:body><w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>gw:{bad}</w:t></w:r></w:p></w:body></w:document>'
    with pytest.raises(ValueError):
        geometry.apply(body)


def test_text_that_only_looks_like_geometry_is_left_alone():
    body = f'<w:document {W}><w:body><w:p><w:r><w:t>gw:height=5</w:t></w:r></w:p></w:body></w:document>'
    assert geometry.apply(body) == body  # not a hidden run: a writer's text


def test_encode_takes_only_the_fields_that_go_into_properties():
    assert geometry.encode({"kind": "mark", "text": "清河县人民政府文件", "size": "72", "height": "840"}) \
        == "gw:height=840;size=72"
    assert geometry.encode({"kind": "body", "text": "正文"}) == ""


def test_built_output_keeps_no_geometry_run(tmp_path):
    from gongwen.builder.pipeline import build_one
    from tests.paths import ROOT

    target = tmp_path / "notice.docx"
    assert build_one(ROOT / "content" / "notice.yaml", target).ok
    xml = zipfile.ZipFile(target).read("word/document.xml").decode("utf-8")
    assert "gw:" not in xml and "<w:vanish/>" not in xml
