"""Reading drafts: text files as lines, .docx bodies as paragraphs, the format from the name.

Word numbering labels are in tests/ooxml/test_numbering.py, the package's
defences against broken and hostile files in tests/ooxml/test_package.py.
"""

import io
import subprocess
import sys
import zipfile

import pytest

from gongwen.errors import ReadError

from gongwen.draft.read import read_docx, read_source

from tests.tinydocx import W_NS, docx_paras, make_docx, p


# --- text ----------------------------------------------------------------------


def test_text_lines_are_paragraphs_with_1_based_lines(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("一、总体要求\r\n\r\n正文,有逗号\n最后一行".encode("utf-8"))
    src = read_source(str(f))
    assert src.format == "txt"
    assert [(q.line, q.text) for q in src.paras] == [(1, "一、总体要求"), (2, ""), (3, "正文,有逗号"), (4, "最后一行")]
    assert src.text is not None and src.docx is None


def test_md_format_and_trailing_newline(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("# 标题\n\n正文\n", encoding="utf-8")
    src = read_source(str(f))
    assert src.format == "md"
    assert [q.text for q in src.paras] == ["# 标题", "", "正文"]


def test_utf8_bom_and_gb18030(tmp_path):
    text = "关于做好安全生产工作的通知\n各单位：𠮷镕"
    for data in ("\ufeff" + text).encode("utf-8"), text.encode("gb18030"):
        f = tmp_path / "a.txt"
        f.write_bytes(data)
        assert [q.text for q in read_source(str(f)).paras] == ["关于做好安全生产工作的通知", "各单位：𠮷镕"]


@pytest.mark.parametrize("data", [
    "一、总体要求\n（一）加强领导".encode("utf-16-le"),
    "一、总体要求（一）加强领导，确保实效".encode("utf-16-le"),  # no newline, so no NUL bytes
    "一、总体要求\n".encode("utf-16-be"),
    "一、总体要求\n".encode("utf-16"),  # with BOM
    bytes(range(256)) * 8,
])
def test_other_encodings_are_a_clear_error(tmp_path, data):
    f = tmp_path / "草稿.txt"
    f.write_bytes(data)
    with pytest.raises(ReadError) as info:
        read_source(str(f))
    assert "草稿.txt" in str(info.value)
    assert "UTF-8" in str(info.value)


def test_ten_megabytes_on_one_line(tmp_path):
    f = tmp_path / "big.txt"
    f.write_bytes(("加强管理," * 2_000_000).encode("utf-8"))
    src = read_source(str(f))
    assert len(src.paras) == 1 and len(src.paras[0].text) == 10_000_000


def test_stdin(monkeypatch):
    class Stdin:
        buffer = io.BytesIO("第一行\n第二行\n".encode("gb18030"))

    monkeypatch.setattr(sys, "stdin", Stdin)
    src = read_source("-")
    assert src.path == "-" and [q.text for q in src.paras] == ["第一行", "第二行"]


def test_missing_file_and_folder(tmp_path):
    for path in (tmp_path / "nope.txt", tmp_path / "nope.docx", tmp_path):
        with pytest.raises(ReadError) as info:
            read_source(str(path))
        assert str(path) in str(info.value)


def test_text_path_imports_neither_lxml_nor_docx(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("一、总体要求\n", encoding="utf-8")
    code = ("import sys; from gongwen.draft.read import read_source; read_source(sys.argv[1]); "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('lxml', 'docx', 'zipfile')]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code, str(f)], check=True)


# --- .docx paragraphs --------------------------------------------------------------


def test_every_body_paragraph_counted_tables_included(tmp_path):
    body = (p("第一段") + p() + "<w:tbl><w:tr><w:tc>" + p("单元格一") + "</w:tc><w:tc>" + p("单元格二")
            + "<w:tbl><w:tr><w:tc>" + p("嵌套") + "</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>"
            + p("表后") + '<w:sectPr/>')
    paras = docx_paras(tmp_path, body)
    assert [(q.line, q.text, q.kind) for q in paras] == [
        (1, "第一段", "text"), (2, "", "text"), (3, "单元格一", "table"), (4, "单元格二", "table"),
        (5, "嵌套", "table"), (6, "表后", "text")]


def test_docx_lines_match_text_lines(tmp_path):
    lines = ["关于做好工作的通知", "", "各单位：", "一、总体要求", "", "正文。"]
    f = tmp_path / "a.txt"
    f.write_text("\n".join(lines), encoding="utf-8")
    as_text = [(q.line, q.text) for q in read_source(str(f)).paras]
    as_docx = [(q.line, q.text) for q in docx_paras(tmp_path, "".join(p(t) for t in lines))]
    assert as_text == as_docx


def test_shown_text_only(tmp_path):
    body = ('<w:p><w:r><w:t>保留</w:t></w:r>'
            '<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink>'
            '<w:ins><w:r><w:t>插入</w:t></w:r></w:ins>'
            '<w:del><w:r><w:delText>删除</w:delText></w:r></w:del>'
            '<w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom>'
            '<w:smartTag><w:r><w:t>标记</w:t></w:r></w:smartTag>'
            '<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>域结果</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:r><w:tab/><w:t>制表</w:t><w:br/><w:t>换行</w:t><w:br w:type="page"/></w:r></w:p>')
    assert docx_paras(tmp_path, body)[0].text == "保留链接插入标记控件域结果\t制表\n换行"


def test_text_box_paragraphs_follow_their_anchor_without_fallback_copies(tmp_path):
    box = "<w:txbxContent>" + p("框内") + "</w:txbxContent>"
    body = (p("前") + '<w:p><w:r><w:t>锚</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
            f'<w:drawing><x>{box}</x></w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict>'
            '</mc:Fallback></mc:AlternateContent></w:r></w:p>' + p("后"))
    paras = docx_paras(tmp_path, body)
    assert [(q.line, q.text, q.kind) for q in paras] == [
        (1, "前", "text"), (2, "锚", "text"), (3, "框内", "textbox"), (4, "后", "text")]


def test_strict_ooxml_namespace(tmp_path):
    doc = ('<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>'
           + p("严格格式") + "</w:body></w:document>")
    assert docx_paras(tmp_path, document=doc)[0].text == "严格格式"


def test_main_part_found_through_package_relationships(tmp_path):
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document2.xml"/></Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document2.xml", f"<w:document {W_NS}><w:body>{p('另一个')}</w:body></w:document>")
    assert [q.text for q in read_docx("x.docx", io.BytesIO(buf.getvalue())).paras] == ["另一个"]


# --- formats that are not what their names say -----------------------------------------------


def test_old_formats_and_renamed_zips_get_a_helpful_message(tmp_path):
    old = tmp_path / "旧稿.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(500))
    with pytest.raises(ReadError) as info:
        read_source(str(old))
    assert ".docx" in str(info.value)
    renamed = tmp_path / "稿.txt"
    renamed.write_bytes(make_docx(p("正文")))
    with pytest.raises(ReadError) as info:
        read_source(str(renamed))
    assert "扩展名" in str(info.value)
