"""Templates and gongwen's outputs read through the bounded package reader.

Every .docx gongwen opens goes through ``ooxml.package``: the template's parts for
render and for the check, the title ``templates list`` shows, the property that
marks a file as gongwen's, the faces a PDF preview substitutes.  The messages
are the ones offices already know.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from gongwen.builder import pdffonts, render, templatecheck
from gongwen.builder.pipeline import build_one, made_by_gongwen
from gongwen.builder.templates import MAX_TEMPLATE_SIZE, read_template, title_of
from gongwen.cli import main
from gongwen.errors import TemplateError

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "templates" / "speech.docx"
ENTITY = b'<!DOCTYPE x [<!ENTITY e "entity">]>'


def copy_with(path: Path, part: str, edit) -> Path:
    """The speech template with ``part`` changed by ``edit`` (bytes → bytes)."""
    with zipfile.ZipFile(SPEECH) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                data = edit(data)
            out.writestr(info, data)
    return path


def with_doctype(data: bytes) -> bytes:
    return data.replace(b"?>", b"?>" + ENTITY, 1)


def test_read_template_gives_every_member_in_order():
    order, parts = read_template(str(SPEECH))
    with zipfile.ZipFile(SPEECH) as zf:
        assert order == zf.namelist()
        assert parts == {name: zf.read(name) for name in zf.namelist()}
    order, parts = read_template(str(SPEECH), wanted=lambda name: name.startswith("word/footer"))
    assert sorted(parts) == ["word/footer1.xml", "word/footer2.xml"] and "word/document.xml" in order
    assert MAX_TEMPLATE_SIZE == 50 * 1024 * 1024


def test_not_a_template_keeps_its_messages(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    with pytest.raises(TemplateError) as info:
        read_template(str(bad))
    assert info.value.message.startswith("模板无法打开") and info.value.place.path == str(bad)
    empty = tmp_path / "empty.docx"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(TemplateError) as info:
        render.load_template(str(empty))
    assert info.value.message == "不是 Word 模板：缺少 word/document.xml"


def test_doctype_in_the_body_keeps_its_messages(tmp_path):
    path = copy_with(tmp_path / "dtd.docx", "word/document.xml", with_doctype)
    assert templatecheck.check(str(path)) == [
        "模板正文（document.xml）带有文档类型声明（DOCTYPE），Word 不会这样保存；为安全起见不使用这个模板"]
    with pytest.raises(TemplateError) as info:
        render.load_template(str(path))
    assert info.value.message == "模板的 document.xml 带有文档类型声明（DOCTYPE），为安全起见不使用"


def test_malformed_body_keeps_its_messages(tmp_path):
    path = copy_with(tmp_path / "broken.docx", "word/document.xml", lambda data: data[:-20])
    problems = templatecheck.check(str(path))
    assert len(problems) == 1 and problems[0].startswith("模板正文（document.xml）已损坏，无法解析："), problems
    with pytest.raises(TemplateError) as info:
        render.load_template(str(path))
    assert info.value.message.startswith("模板的 document.xml 无法解析：")


@pytest.mark.parametrize("part", ["word/styles.xml", "word/footer1.xml", "word/_rels/document.xml.rels",
                                  "[Content_Types].xml"])
def test_doctype_in_any_other_part_is_refused_too(tmp_path, part):
    # Those parts are copied into every document as they are: an entity in them would reach every reader.
    path = tmp_path / "dtd.docx"
    with zipfile.ZipFile(SPEECH) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            out.writestr(info, with_doctype(data) if info.filename == part else data)
    assert templatecheck.check(str(path)) == [
        f"模板的 {part} 带有文档类型声明（DOCTYPE）或实体声明，Word 不会这样保存；为安全起见不使用这个模板"]
    source = tmp_path / "doc.yaml"
    source.write_text("kind: speech\ntitle: 讲话\nsections:\n  - heading: 部分\n    paragraphs: [正文。]\n",
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "out"), "--template", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert part in result.output and not (tmp_path / "out" / "doc.docx").exists()


def test_broken_styles_keep_their_message(tmp_path):
    path = copy_with(tmp_path / "styles.docx", "word/styles.xml", lambda data: data[:-30])
    problems = templatecheck.check(str(path))
    assert any(p.startswith("样式表（styles.xml）已损坏，无法解析：") for p in problems), problems


def test_title_is_read_safely(tmp_path):
    assert title_of(SPEECH) == "讲话稿模板（GB/T 9704-2012）"
    escaped = copy_with(tmp_path / "amp.docx", "docProps/core.xml", lambda data: data.replace(
        "讲话稿模板".encode(), "甲&amp;乙 &lt;模板&gt;".encode()))
    assert title_of(escaped) == "甲&乙 <模板>（GB/T 9704-2012）"
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-5d1", encoding="utf-8")
    hostile = copy_with(tmp_path / "xxe.docx", "docProps/core.xml", lambda data: data.replace(
        b"?>", f'?><!DOCTYPE x [<!ENTITY e SYSTEM "{secret.as_uri()}">]>'.encode(), 1).replace(
        "讲话稿模板".encode(), b"&e;"))
    assert title_of(hostile) == ""
    assert title_of(tmp_path / "missing.docx") == ""
    notzip = tmp_path / "text.docx"
    notzip.write_text("plain")
    assert title_of(notzip) == ""


def test_gongwen_outputs_are_recognised_through_the_reader(tmp_path):
    built = build_one(ROOT / "content" / "speech.yaml", tmp_path / "speech.docx")
    assert built.ok, built.errors
    assert made_by_gongwen(tmp_path / "speech.docx")
    assert not made_by_gongwen(SPEECH)
    assert not made_by_gongwen(tmp_path / "missing.docx")
    huge = tmp_path / "huge.docx"
    huge.write_bytes(SPEECH.read_bytes())
    with zipfile.ZipFile(huge, "a") as zf:  # a property part far too big to be gongwen's
        zf.writestr("docProps/custom.xml", b'name="gongwen"' + b" " * 1_100_000)
    assert not made_by_gongwen(huge)


def test_faces_used_reads_through_the_reader(tmp_path):
    faces = pdffonts.faces_used(SPEECH)
    assert "仿宋_GB2312" in faces and "黑体" in faces
    notzip = tmp_path / "text.docx"
    notzip.write_text("plain")
    assert pdffonts.faces_used(notzip) == []
