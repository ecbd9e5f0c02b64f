"""Rendering: content is never a template, and the renderer itself is sandboxed.

Whatever a content file holds (Jinja syntax, XML, dunder attributes), it reaches
the .docx as literal text; a template that reaches for Python internals or
declares a DTD is refused even without the template check in front.
"""

from __future__ import annotations

import json
import zipfile

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from gongwen.builder import render
from gongwen.builder.templates import BUILTIN_TEMPLATES
from gongwen.cli import main
from gongwen.errors import TemplateError


HOSTILE = ["{{ 7*7 }}", "{% for x in paragraphs %}X{% endfor %}", "{%p if true %}", "{# 注释 #}",
           "</w:t></w:r></w:p><w:p><w:r><w:t>注入", "]]>", "&amp;", "<script>", "{{ p.__class__ }}",
           "{{ self._TemplateReference__context }}", "{{ cycler.__init__.__globals__ }}"]


def hostile(i: int) -> str:
    return json.dumps(f"甲{HOSTILE[i % len(HOSTILE)]}乙{i}", ensure_ascii=False)


def test_content_never_executes_as_a_template_in_any_field(tmp_path):
    h = hostile
    speech = f"""\
kind: speech
title: {h(0)}
speaker: {h(1)}
date: 2023-03-01
salutation: {h(2)}
opening: [{h(3)}]
sections:
  - heading: {h(4)}
    paragraphs: [{h(5)}]
    points:
      - heading: {h(6)}
        text: {h(7)}
        points:
          - heading: {h(8)}
            text: [{h(9)}, {h(10)}]
      - heading: {h(11)}
        items: [{{lead: {h(12)}, text: {h(13)}}}, {h(14)}]
  - heading: {h(15)}
    inline: true
    lead_in: {h(16)}
    items: [{h(17)}, {{lead: {h(18)}, text: {h(19)}}}]
  - heading: {h(20)}
    series: 第一
    items: [{h(21)}]
closing: [{h(22)}]
"""
    source = tmp_path / "hostile.yaml"
    source.write_text(speech, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(out / "hostile.docx")).paragraphs)
    for i in range(23):
        expected = json.loads(hostile(i)).rstrip("；;。")
        assert expected in text, (i, expected)
    assert "49" not in text.replace("乙49", "")
    with zipfile.ZipFile(out / "hostile.docx") as zf:
        body = zf.read("word/document.xml")
    etree.fromstring(body)  # still well-formed XML
    assert b"<script>" not in body and "注入".encode() in body


def test_report_content_never_executes_as_a_template(tmp_path):
    source = tmp_path / "report.yaml"
    source.write_text(f"""\
kind: report
title: {hostile(0)}
author: {hostile(1)}
intro: {hostile(2)}
achievements:
  heading: {hostile(3)}
  paragraphs: [{hostile(4)}]
problems:
  points: [{{heading: {hostile(5)}, text: {hostile(6)}}}]
recommendations:
  items: [{hostile(7)}]
""", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(out / "report.docx")).paragraphs)
    for i in range(8):
        assert json.loads(hostile(i)).rstrip("；;。") in text, i


def test_renderer_itself_is_sandboxed_and_refuses_doctype(tmp_path):
    """Defence in depth: even without the template check, render.py refuses both."""
    src = BUILTIN_TEMPLATES / "speech.docx"
    with zipfile.ZipFile(src) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    cases = {
        "ssti.docx": parts["word/document.xml"].replace(
            b"{{ p.text }}", b"{{ p.__class__.__mro__ }}", 1),
        "dtd.docx": parts["word/document.xml"].replace(
            b"<w:document", b'<!DOCTYPE w:document [<!ENTITY x "y">]><w:document', 1),
    }
    for name, xml in cases.items():
        with zipfile.ZipFile(tmp_path / name, "w") as zf:
            for part, data in parts.items():
                zf.writestr(part, xml if part == "word/document.xml" else data)
        with pytest.raises(TemplateError):
            tpl = render.load_template(str(tmp_path / name))
            tpl.render([{"kind": "title", "text": "x"}], "t", "0")
