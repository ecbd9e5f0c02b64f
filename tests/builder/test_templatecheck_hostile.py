"""Hostile and broken templates through ``gongwen build``.

A template with broken Jinja, or one that references unknown variables, is
refused with the paragraph named.  Each bad template here is the built-in
speech template with one paragraph added or changed, the way an office editing
it in Word would.  Content that looks like a template is in tests/builder/test_render.py.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from gongwen.cli import main

from tests.paths import ROOT

SPEECH_TEMPLATE = ROOT / "templates" / "speech.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MARK = "标记段落"  # the text of the paragraph the message must name

CONTENT = """\
kind: speech
title: 讲话
sections:
  - heading: 一个部分
    paragraphs: [正文。]
"""


def w(tag):
    return f"{{{W}}}{tag}"


def para_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def make_template(path: Path, *, before: str = None, text: str = None, replace: tuple = None,
                  doctype: str = None) -> Path:
    """A copy of the speech template with a paragraph ``text`` inserted before the
    paragraph whose text is ``before``, or with ``replace=(old, new)`` applied to the
    text of every ``w:t``, or a DOCTYPE put in front of the document."""
    with zipfile.ZipFile(SPEECH_TEMPLATE) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                if before is not None:
                    anchor = next(p for p in root.iter(w("p")) if para_text(p).strip() == before)
                    new = etree.SubElement(anchor.getparent(), w("p"))
                    run = etree.SubElement(new, w("r"))
                    t = etree.SubElement(run, w("t"))
                    t.text = text
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                    anchor.addprevious(new)
                if replace is not None:
                    old, repl = replace
                    hits = [t for t in root.iter(w("t")) if t.text and old in t.text]
                    assert hits, old
                    hits[0].text = hits[0].text.replace(old, repl)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                if doctype is not None:
                    data = data.replace(b"?>", b"?>" + doctype.encode(), 1)
            out.writestr(info, data)
    return path


def build(tmp_path: Path, template: Path, content: str = CONTENT):
    source = tmp_path / "doc.yaml"
    source.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(out), "--template", str(template)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result, out / "doc.docx"


def assert_refused(result, target: Path, template: Path, *, named: str = MARK):
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert not target.exists()
    assert template.name in result.output, result.output
    assert named in result.output, f"the message does not name the paragraph “{named}”:\n{result.output}"


# --- broken Jinja ------------------------------------------------------------------


BROKEN = [
    pytest.param(f"{MARK}：{{{{ p.text ", id="unterminated-variable"),
    pytest.param(f"{MARK}：{{{{ p.text | nosuchfilter }}}}", id="unknown-filter"),
    pytest.param(f"{MARK}：{{% if %}}", id="empty-if"),
    pytest.param(f"{MARK}：{{% endfor %}}", id="stray-endfor"),
    pytest.param(f"{MARK}：{{{{ p.text }}", id="half-closed"),
    pytest.param(f"{MARK}：{{%p if p.kind %}}", id="paragraph-tag-not-alone"),
]


@pytest.mark.parametrize("text", BROKEN)
def test_broken_jinja_is_refused_with_the_paragraph_named(tmp_path, text):
    template = make_template(tmp_path / "broken.docx", before='{%p elif p.kind == "byline" %}', text=text)
    result, target = build(tmp_path, template)
    assert_refused(result, target, template)


def test_broken_paragraph_tag_is_refused_with_the_tag_named(tmp_path):
    template = make_template(tmp_path / "endiff.docx", replace=("{%p endif %}", "{%p endiff %}"))
    result, target = build(tmp_path, template)
    assert_refused(result, target, template, named="endiff")


# --- unknown variables ---------------------------------------------------------------


@pytest.mark.parametrize("text,branch", [
    pytest.param(f"{MARK}：{{{{ nosuch }}}}", '{%p elif p.kind == "byline" %}', id="used-branch"),
    pytest.param(f"{MARK}：{{{{ p.nosuch }}}}", '{%p elif p.kind == "byline" %}', id="unknown-field"),
    pytest.param(f"{MARK}：{{{{ nosuch }}}}", '{%p elif p.kind == "runin2" %}', id="unused-branch"),
])
def test_unknown_variable_is_refused_with_the_paragraph_named(tmp_path, text, branch):
    template = make_template(tmp_path / "unknown.docx", before=branch, text=text)
    result, target = build(tmp_path, template)
    assert_refused(result, target, template)


def test_unknown_variable_is_refused_not_rendered_empty(tmp_path):
    # Whatever the wording, an unknown name must never render as an empty string.
    template = make_template(tmp_path / "unknown.docx", before='{%p elif p.kind == "byline" %}',
                             text=f"{MARK}：{{{{ nosuch }}}}")
    result, target = build(tmp_path, template)
    assert result.exit_code == 1 and not target.exists()
    assert "nosuch" in result.output


# --- hostile templates -----------------------------------------------------------------


def test_template_with_external_entity_never_reads_the_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("绝密内容SECRET-7f3a", encoding="utf-8")
    template = make_template(
        tmp_path / "xxe.docx", before='{%p elif p.kind == "byline" %}', text="XXEHERE",
        doctype=f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>')
    with zipfile.ZipFile(template) as zf:
        xml = zf.read("word/document.xml").replace(b"XXEHERE", b"&x;")
    rewritten = tmp_path / "xxe2.docx"
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(rewritten, "w") as out:
        for info in src.infolist():
            out.writestr(info, xml if info.filename == "word/document.xml" else src.read(info))
    result, target = build(tmp_path, rewritten)
    assert "SECRET-7f3a" not in result.output
    if target.exists():
        with zipfile.ZipFile(target) as zf:
            for name in zf.namelist():
                assert b"SECRET-7f3a" not in zf.read(name)


def test_template_with_a_dtd_never_yields_a_broken_docx(tmp_path):
    template = make_template(tmp_path / "dtd.docx", before='{%p elif p.kind == "byline" %}', text="ENTHERE",
                             doctype='<!DOCTYPE w:document [<!ENTITY x "实体">]>')
    with zipfile.ZipFile(template) as zf:
        xml = zf.read("word/document.xml").replace(b"ENTHERE", b"&x;")
    rewritten = tmp_path / "dtd2.docx"
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(rewritten, "w") as out:
        for info in src.infolist():
            out.writestr(info, xml if info.filename == "word/document.xml" else src.read(info))
    result, target = build(tmp_path, rewritten)
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        with zipfile.ZipFile(target) as zf:
            etree.fromstring(zf.read("word/document.xml"))  # raises on an undefined entity
        docx.Document(str(target))
    else:
        assert result.exit_code == 1 and not target.exists() and "dtd2.docx" in result.output


def test_template_cannot_reach_python_internals(tmp_path):
    template = make_template(tmp_path / "ssti.docx", before='{%p elif p.kind == "byline" %}',
                             text="{{ p.__class__.__mro__[1].__subclasses__() | length }}")
    result, target = build(tmp_path, template)
    assert result.exit_code == 1 and not target.exists()


@pytest.mark.parametrize("data,why", [
    (b"", "empty"),
    (b"PK\x03\x04" + b"\x00" * 100, "truncated zip"),
    (b"not a zip at all", "text"),
])
def test_template_that_is_not_a_docx(tmp_path, data, why):
    template = tmp_path / "bad.docx"
    template.write_bytes(data)
    result, target = build(tmp_path, template)
    assert result.exit_code == 1 and not target.exists(), why
    assert "bad.docx" in result.output and "Traceback" not in result.output


def test_template_without_document_xml(tmp_path):
    template = tmp_path / "empty.docx"
    with zipfile.ZipFile(template, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    result, target = build(tmp_path, template)
    assert result.exit_code == 1 and not target.exists()
    assert "document.xml" in result.output
