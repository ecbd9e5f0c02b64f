"""A template that reaches the network or local files: named by ``templates check``,
stripped from every output by ``build`` with a warning.

The template (tests/linkeddocx.py) links a picture to a local file and one to an
``http://127.0.0.1`` URL, has a ``file://`` hyperlink, an ``altChunk``, an
attached template URL in settings.xml and a macro project.  LibreOffice's side
(nothing fetched even if something slips through) is tests/builder/test_pdf_lockdown.py.
"""

from __future__ import annotations

import zipfile

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from gongwen.builder import external, render, templatecheck
from gongwen.cli import main
from gongwen.errors import TemplateError

from tests.linkeddocx import SPEECH, leftovers, linked_template, png

URL = "http://127.0.0.1:9/web.png"
CONTENT = "kind: speech\ntitle: 讲话\nsections:\n  - heading: 一个部分\n    paragraphs: [正文。]\n"
#: What templates check must name, and what the warning calls it.
NAMED = {"seal.png": "链接的外部图片", URL: "链接的外部图片", "file:///etc/passwd": "超链接",
         "afchunk.htm": "altChunk", "vbaProject.bin": "宏", "normal.dotm": "附加模板"}


@pytest.fixture
def template(tmp_path):
    picture = tmp_path / "seal.png"
    picture.write_bytes(png())
    return linked_template(tmp_path / "linked.docx", picture, URL)


def test_templates_check_names_each_reach(template):
    problems = templatecheck.inspect(str(template))
    messages = [p.message for p in problems]
    assert not [p for p in problems if p.error], messages  # stripped by the build: warnings
    for target, what in NAMED.items():
        assert any(target in m and what in m for m in messages), (target, messages)
    assert not any("www.gov.cn" in m for m in messages)  # an https link stays: nothing follows it by itself
    assert len(problems) == len(NAMED), messages


def test_the_builtin_templates_reach_nothing():
    for name in ("speech", "report"):
        with zipfile.ZipFile(SPEECH.with_name(f"{name}.docx")) as zf:
            parts = {n: zf.read(n) for n in zf.namelist()}
        assert external.find(list(parts), parts) == []


def test_build_strips_every_reach_with_a_warning(tmp_path, template):
    source = tmp_path / "doc.yaml"
    source.write_text(CONTENT, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "out"), "--template", str(template)])
    assert result.exit_code == 0, result.output
    for target in NAMED:
        assert target in result.output, (target, result.output)
    assert "成稿里不会带上它" in result.output
    built = tmp_path / "out" / "doc.docx"
    assert leftovers(built) == []
    with zipfile.ZipFile(built) as zf:
        for name in zf.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(zf.read(name))  # still well-formed
        types = zf.read("[Content_Types].xml").decode("utf-8")
        rels = zf.read("word/_rels/document.xml.rels").decode("utf-8")
        body = zf.read("word/document.xml").decode("utf-8")
    assert "wordprocessingml.document.main+xml" in types
    assert "https://www.gov.cn/" in rels and 'r:id="rIdGwWebLink"' in body  # the https link stays, in use
    assert "<w:drawing" not in body.split("讲话")[0]  # the linked pictures went whole, not as red crosses
    text = [p.text for p in docx.Document(str(built)).paragraphs]
    assert "讲话" in text and "本机文件中国政府网" in text  # the hyperlink's text stays, its target does not


def test_render_strips_even_without_the_check(template):
    tpl = render.load_template(str(template))
    for target in NAMED:
        assert any(target in r.target for r in tpl.stripped), (target, tpl.stripped)
    parts = tpl.render([{"kind": "body", "text": "正文"}], "标题", "0")
    out = template.with_name("rendered.docx")
    render.write_docx(parts, tpl.order, out)
    assert leftovers(out) == []


def fielded(tmp_path, instruction: str, simple: bool):
    """The speech template with a Word field ``instruction`` in its odd-page footer."""
    path = tmp_path / "field.docx"
    if simple:
        field = f'<w:fldSimple w:instr="{instruction}"><w:r><w:t>图</w:t></w:r></w:fldSimple>'
    else:
        field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> '
                 + instruction.split(" ", 1)[0] + '</w:instrText></w:r><w:r><w:instrText xml:space="preserve"> '
                 + instruction.split(" ", 1)[1] + ' </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
                 '</w:r><w:r><w:t>图</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    with zipfile.ZipFile(SPEECH) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/footer1.xml":
                data = data.replace(b"</w:p>", field.encode("utf-8") + b"</w:p>", 1)
            out.writestr(info, data)
    return path


@pytest.mark.parametrize("instruction", ["INCLUDEPICTURE &quot;http://127.0.0.1:9/a.png&quot; \\d",
                                         "INCLUDETEXT &quot;file:///etc/passwd&quot;",
                                         "DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe &quot;/k calc&quot;"])
@pytest.mark.parametrize("simple", [True, False], ids=["fldSimple", "complex"])
def test_a_fetching_field_is_refused(tmp_path, instruction, simple):
    template = fielded(tmp_path, instruction, simple)
    [problem] = templatecheck.inspect(str(template))
    field = instruction.split()[0]
    assert problem.error and f"Word 域 {field}" in problem.message and "页脚" in problem.message, problem
    with pytest.raises(TemplateError) as info:
        render.load_template(str(template))
    assert field in info.value.message


def test_the_page_number_field_is_not_a_reach():
    with zipfile.ZipFile(SPEECH) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    assert b"PAGE" in parts["word/footer1.xml"]
    assert external.find(list(parts), parts) == []
