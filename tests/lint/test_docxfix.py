"""The fixed copy ``--fix`` writes beside a .docx: runs and media kept, the original untouched."""

import zipfile

import pytest

from gongwen.draft.read import read_source
from gongwen.errors import ReadError
from gongwen.lint.docxfix import write_fixed_copy
from gongwen.lint.findings import Finding, Fix

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx_with_runs(tmp_path, runs_xml, name="草稿.docx"):
    doc = (f'<w:document {W_NS}><w:body><w:p><w:r><w:t>标题</w:t></w:r></w:p>'
           f'<w:p>{runs_xml}</w:p></w:body></w:document>')
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", doc)
        z.writestr("word/media/image1.png", b"\x89PNG" + bytes(range(256)) * 40)
    return path


def _fix(source, index, start, end, new):
    f = Finding(code="GW401", message="x", fix=Fix(start, end, new, para=index), para=source.paras[index])
    return f


def test_fixed_copy_keeps_runs_and_leaves_the_original(tmp_path):
    runs = ('<w:r><w:rPr><w:b/></w:rPr><w:t>完成,取得</w:t></w:r>'
            '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">成效;下一步</w:t></w:r>'
            '<w:r><w:t>工作</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>尾,</w:t></w:r>')
    path = _docx_with_runs(tmp_path, runs)
    before = path.read_bytes()
    src = read_source(str(path))
    assert src.paras[1].text == "完成,取得成效;下一步工作\t尾,"
    text = src.paras[1].text
    fixes = [
        _fix(src, 1, text.index(","), text.index(",") + 1, "，"),
        _fix(src, 1, text.index(";"), text.index(";") + 1, "；"),
        _fix(src, 1, text.index("得"), text.index("成效") + 2, "得了成效"),  # spans two runs
        _fix(src, 1, text.index("工作") + 2, text.index("尾"), ""),  # over the tab: left out
    ]
    skipped = []
    out = write_fixed_copy(src, fixes, skipped)
    assert out == str(tmp_path / "草稿.fixed.docx")
    assert path.read_bytes() == before
    fixed = read_source(out)
    assert fixed.paras[1].text == "完成，取得了成效；下一步工作\t尾,"
    assert [f.fix.new for f in skipped] == [""]
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
        assert z.read("word/media/image1.png") == b"\x89PNG" + bytes(range(256)) * 40
    assert "<w:b/></w:rPr><w:t>完成，取得了成效</w:t>" in xml
    assert "<w:i/></w:rPr><w:t xml:space=\"preserve\">；下一步</w:t>" in xml


def test_fixed_copy_ignores_labels_and_changed_files(tmp_path):
    path = _docx_with_runs(tmp_path, "<w:r><w:t>一，总体</w:t></w:r>")
    src = read_source(str(path))
    src.paras[1].text = "变了"  # the paragraph no longer reads as the file does
    skipped = []
    out = write_fixed_copy(src, [_fix(src, 1, 0, 1, "x")], skipped)
    assert len(skipped) == 1
    assert read_source(out).paras[1].text == "一，总体"


def test_no_fixed_copy_for_strict_open_xml(tmp_path):
    path = tmp_path / "strict.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main">'
                                        "<w:body><w:p><w:r><w:t>一，总体</w:t></w:r></w:p></w:body></w:document>")
    src = read_source(str(path))
    with pytest.raises(ReadError):
        write_fixed_copy(src, [_fix(src, 0, 1, 2, "、")])
    assert not (tmp_path / "strict.fixed.docx").exists()
