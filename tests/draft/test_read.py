"""The reader: text encodings and lines, .docx paragraphs, Word numbering labels."""

import io
import subprocess
import sys
import zipfile

import pytest

from gongwen.errors import ReadError

from gongwen.textio import decode_text

from gongwen.ooxml.numbering import format_number

from gongwen.draft.read import read_docx, read_source

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC_NS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def make_docx(body="", numbering=None, styles=None, extra=None, document=None):
    """Bytes of a tiny .docx whose body is ``body`` (WordprocessingML)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", document if document is not None else
                   f"<w:document {W_NS} {MC_NS}><w:body>{body}</w:body></w:document>")
        if numbering is not None:
            z.writestr("word/numbering.xml", f"<w:numbering {W_NS}>{numbering}</w:numbering>")
        if styles is not None:
            z.writestr("word/styles.xml", f"<w:styles {W_NS}>{styles}</w:styles>")
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def docx_paras(tmp_path, *args, **kw):
    path = tmp_path / "t.docx"
    path.write_bytes(make_docx(*args, **kw))
    return read_source(str(path)).paras


def p(text="", ppr=""):
    return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>" if text else f"<w:p>{ppr}</w:p>"


def numbered(text, num_id=1, ilvl=0, style=None):
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return p(text, f"<w:pPr>{ppr}</w:pPr>")


def abstract(abs_id, *levels):
    """levels: (fmt, lvlText[, start]) for ilvl 0, 1, …"""
    out = f'<w:abstractNum w:abstractNumId="{abs_id}">'
    for i, level in enumerate(levels):
        fmt, text = level[:2]
        start = level[2] if len(level) > 2 else 1
        out += (f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/></w:lvl>')
    return out + "</w:abstractNum>"


def num(num_id, abs_id, overrides=""):
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abs_id}"/>{overrides}</w:num>'


OUTLINE = abstract(0, ("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."),
                   ("decimal", "（%4）"))


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


def test_random_bytes_are_refused():
    import random

    rnd = random.Random(5)
    for _ in range(20):
        data = bytes(rnd.getrandbits(8) for _ in range(3000))
        with pytest.raises(ReadError):
            decode_text(data, "x.txt")


def test_nul_lone_surrogate_and_zero_width_do_not_break_reading():
    text = decode_text("正文\x00有NUL\u200b和零宽".encode("utf-8"), "x")
    assert text == "正文\x00有NUL\u200b和零宽"
    # UTF-8 encoding of a lone surrogate (U+D800), as some tools write it
    text = decode_text("前".encode() + b"\xed\xa0\x80" + "后".encode(), "x")
    assert text == "前\ufffd后"
    text.encode("utf-8")  # no surrogate survives


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


# --- Word numbering ----------------------------------------------------------------------


def test_numbering_labels_levels_and_restarts(tmp_path):
    body = (numbered("总体要求", ilvl=0) + numbered("加强领导", ilvl=1) + numbered("明确责任", ilvl=2)
            + numbered("细化措施", ilvl=3) + numbered("落实到位", ilvl=3) + numbered("压实责任", ilvl=1)
            + p("正文") + numbered("主要任务", ilvl=0) + numbered("第一项", ilvl=1))
    for _ in range(9):
        body += numbered("凑数", ilvl=0)
    paras = docx_paras(tmp_path, body, numbering=OUTLINE + num(1, 0))
    labels = [q.text[: q.label_len] for q in paras]
    assert labels[:9] == ["一、", "（一）", "1.", "（1）", "（2）", "（二）", "", "二、", "（一）"]
    assert labels[-2:] == ["十、", "十一、"]
    assert paras[0].text == "一、总体要求" and paras[0].label_len == 2


def test_start_values_and_overrides(tmp_path):
    numbering = (abstract(0, ("chineseCounting", "%1、", 3), ("decimal", "%1.%2"))
                 + num(1, 0) + num(2, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
                 + num(3, 0, '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="5"/>'
                             '<w:numFmt w:val="decimal"/><w:lvlText w:val="第%1条"/></w:lvl></w:lvlOverride>'))
    body = (numbered("甲", 1) + numbered("乙", 1) + numbered("乙一", 1, 1) + numbered("丙", 2)
            + numbered("丁", 3) + numbered("无", "0"))
    labels = [q.text[: q.label_len] for q in docx_paras(tmp_path, body, numbering=numbering)]
    assert labels == ["三、", "四、", "四.1", "一、", "第5条", ""]  # %1 keeps level 1’s format


def test_numbering_through_the_paragraph_style(tmp_path):
    styles = ('<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
              '</w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/>'
              '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    body = (numbered("一", None, style="H1") + numbered("二", None, style="H2")
            + numbered("三", None, style="H1b") + numbered("无编号", "0", style="H1"))
    labels = [q.text[: q.label_len] for q in docx_paras(tmp_path, body, numbering=OUTLINE + num(1, 0), styles=styles)]
    assert labels == ["一、", "（一）", "二、", ""]


def test_bullets_have_no_label_and_legal_numbering(tmp_path):
    numbering = (abstract(0, ("bullet", "\uf0b7")) + num(1, 0)
                 + '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/>'
                   '<w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:isLgl/><w:numFmt w:val="decimal"/>'
                   '<w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>' + num(2, 1))
    body = numbered("点", 1) + numbered("章", 2) + numbered("节", 2, 1)
    paras = docx_paras(tmp_path, body, numbering=numbering)
    assert [q.text for q in paras] == ["点", "一、章", "1.1节"]


@pytest.mark.parametrize("fmt, n, shown", [
    ("decimal", 12, "12"), ("chineseCounting", 11, "十一"), ("chineseCounting", 20, "二十"),
    ("chineseCountingThousand", 105, "一百零五"), ("ideographTraditional", 3, "丙"),
    ("ideographZodiac", 2, "丑"), ("chineseLegalSimplified", 12, "拾贰"),
    ("decimalEnclosedCircle", 3, "③"), ("decimalEnclosedCircleChinese", 21, "21"),
    ("decimalFullWidth", 12, "１２"), ("upperRoman", 14, "XIV"), ("lowerLetter", 28, "bb"),
    ("decimalZero", 7, "07"), ("ideographDigital", 10, "一〇"), ("none", 4, ""), ("weird", 4, "4"),
])
def test_number_formats(fmt, n, shown):
    assert format_number(n, fmt) == shown


# --- broken and hostile .docx ----------------------------------------------------------------


def _refused(tmp_path, data, name="坏.docx"):
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(ReadError) as info:
        read_source(str(f))
    assert name in str(info.value)
    return str(info.value)


def test_random_bytes_named_docx(tmp_path):
    import random

    rnd = random.Random(1)
    assert "zip" in _refused(tmp_path, bytes(rnd.getrandbits(8) for _ in range(5000)))


def test_truncated_zip(tmp_path):
    data = make_docx("".join(p(f"第{i}段内容较长一些") for i in range(2000)))
    for cut in (len(data) // 2, len(data) - 30, 100):
        _refused(tmp_path, data[:cut])


def test_zip_without_document(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/styles.xml", "<x/>")
    assert "word/document.xml" in _refused(tmp_path, buf.getvalue())


def test_malformed_xml_and_wrong_root(tmp_path):
    _refused(tmp_path, make_docx(document="<w:document><w:body>"))
    _refused(tmp_path, make_docx(document="<html/>"))


def test_bad_crc(tmp_path):
    data = bytearray(make_docx(p("正文")))
    i = data.find(b"PK\x01\x02")
    data[i + 16] ^= 0xFF  # CRC-32 in the central directory
    _refused(tmp_path, bytes(data))


SECRET = "TOP-SECRET-7f3a"


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "word/numbering.xml"])
def test_external_entities_never_resolved(tmp_path, part):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)

    def hostile(root, inner):
        return (f'<?xml version="1.0"?><!DOCTYPE {root} [<!ENTITY xxe SYSTEM "file://{secret}">]>'
                f"<{root} {W_NS}>{inner}</{root}>")

    parts = {"word/document.xml": f"<w:document {W_NS}><w:body>{p('正文')}</w:body></w:document>",
             "word/styles.xml": f"<w:styles {W_NS}/>", "word/numbering.xml": f"<w:numbering {W_NS}/>"}
    parts[part] = {
        "word/document.xml": hostile("w:document", "<w:body>" + p("&xxe;") + "</w:body>"),
        "word/styles.xml": hostile("w:styles", '<w:style w:styleId="a"><w:name w:val="&xxe;"/></w:style>'),
        "word/numbering.xml": hostile("w:numbering", '<w:abstractNum w:abstractNumId="&xxe;"/>'),
    }[part]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    message = _refused(tmp_path, buf.getvalue())
    assert SECRET not in message
    assert "DTD" in message


def test_doctype_far_from_the_start_and_billion_laughs(tmp_path):
    laughs = '<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    doc = ('<?xml version="1.0"?>' + "<!-- " + " " * 6000 + " -->"
           + f"<!DOCTYPE w:document [{laughs}]><w:document {W_NS}><w:body>{p('&i;')}</w:body></w:document>")
    assert "DTD" in _refused(tmp_path, make_docx(document=doc))


def _patch_declared_size(data: bytes, size: int) -> bytes:
    """Make every header of the (single-member) zip claim ``size`` uncompressed bytes."""
    import struct

    data = bytearray(data)
    i = data.find(b"PK\x03\x04")
    struct.pack_into("<I", data, i + 22, size)
    i = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, i + 24, size)
    return bytes(data)


def _zeros_member(total: int) -> bytes:
    buf = io.BytesIO()
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w", force_zip64=False) as out:
            for _ in range(total >> 20):
                out.write(chunk)
    return buf.getvalue()


def test_zip_bomb_refused_from_its_headers(tmp_path):
    import time

    data = _patch_declared_size(make_docx(p("正文")), 3_000_000_000)
    t = time.perf_counter()
    message = _refused(tmp_path, data)
    assert time.perf_counter() - t < 1.0
    assert "压缩炸弹" in message


def test_zip_bomb_refused_by_ratio_and_by_size(tmp_path, monkeypatch):
    from gongwen.ooxml import package as docxsafe

    data = _zeros_member(48 << 20)  # 48 MB of zeros in about 50 KB
    assert len(data) < 200_000
    assert "压缩" in _refused(tmp_path, data)  # ratio ~1000:1
    monkeypatch.setattr(docxsafe, "MAX_RATIO", 10**6)
    monkeypatch.setattr(docxsafe, "MAX_MEMBER_SIZE", 16 << 20)
    assert "压缩炸弹" in _refused(tmp_path, data)  # over the per-member limit


def test_member_lying_about_its_size_is_cut_off(tmp_path):
    import time
    import tracemalloc

    data = _patch_declared_size(_zeros_member(48 << 20), 1000)
    tracemalloc.start()
    t = time.perf_counter()
    _refused(tmp_path, data)
    elapsed = time.perf_counter() - t
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 2.0
    assert peak < 8 << 20  # never holds the 48 MB


def test_streaming_limit_when_inflating(tmp_path, monkeypatch):
    """A member that inflates past its limit is abandoned mid-stream, even when the
    zip implementation would keep going (CPython already stops at the declared size)."""
    from gongwen.ooxml import package as docxsafe

    f = tmp_path / "b.docx"
    f.write_bytes(make_docx(p("正文")))
    monkeypatch.setattr(docxsafe, "MAX_MEMBER_SIZE", 4 << 20)
    served = []

    class Endless(io.RawIOBase):
        def readable(self):
            return True

        def read(self, n=-1):
            served.append(n)
            return b"\0" * (n if n and n > 0 else 1 << 20)

    z = docxsafe.open_docx(str(f))
    monkeypatch.setattr(z.zip, "open", lambda info: Endless())
    with pytest.raises(ReadError) as info:
        z.read("word/document.xml")
    z.close()
    assert "压缩炸弹" in str(info.value)
    assert sum(served) <= (4 << 20) + docxsafe.CHUNK


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
