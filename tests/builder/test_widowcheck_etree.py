"""The build's widow check reads the rendered parts with ElementTree (builder/widowcheck.py), not
lxml: the same page breaks, in both layouts, as the written file read by lint's reader, for every
content example and long documents with widows; a section change's old properties are left out as
lint leaves them out; and the check itself imports no lxml."""

from __future__ import annotations

import builtins

from gongwen.builder import widowcheck
from gongwen.draft.pageflow import estimate
from gongwen.ooxml.parts import load_parts, parts_in_memory
from tests.builder.test_widowcheck import _pages, built  # noqa: F401 - the fixture: every document built

W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_the_same_page_breaks_as_lints_reader(built):  # noqa: F811
    for target, parts, template, _ in built:
        ours = widowcheck.read(str(target), parts, {})
        theirs = load_parts(str(target))
        assert len(ours.section_properties()) == len(theirs.section_properties())
        for hanging in (False, None, True):
            assert _pages(estimate(ours, hanging)) == _pages(estimate(theirs, hanging)), (target, hanging)


def test_section_changes_are_left_out_as_lint_leaves_them(tmp_path):
    body = (b'<w:body><w:p><w:pPr><w:sectPr><w:pgSz w:w="11906"/><w:sectPrChange><w:sectPr>'
            b'<w:pgSz w:w="1"/></w:sectPr></w:sectPrChange></w:sectPr></w:pPr></w:p>'
            b'<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body>')
    parts = {"word/document.xml": b"<w:document " + W + b">" + body + b"</w:document>"}
    ours = widowcheck.read(str(tmp_path / "x.docx"), parts, {}).section_properties()
    theirs = parts_in_memory(str(tmp_path / "x.docx"), parts, {}).section_properties()
    assert [len(s) for s in ours] == [len(s) for s in theirs] == [2, 1]


def test_a_declaration_is_refused_and_nothing_is_said(tmp_path):
    parts = {"word/document.xml": b'<!DOCTYPE x [<!ENTITY a "b">]><w:document ' + W + b"><w:body/></w:document>"}
    template = type("T", (), {"pageflow": {}})()
    assert widowcheck.warnings(tmp_path / "x.docx", parts, template) == []
    parts = {"word/document.xml": b"<w:document " + W + b"><w:body>"}
    assert widowcheck.warnings(tmp_path / "x.docx", parts, template) == []


def test_the_check_imports_no_lxml(built, monkeypatch):  # noqa: F811
    target, parts, template, found = built[-1]
    asked = []
    real = builtins.__import__

    def spy(name, *args, **kwargs):
        asked.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", spy)
    template.pageflow.clear()  # as for a template met for the first time
    assert widowcheck.warnings(target, parts, template) == found
    assert asked and not [name for name in asked if name.startswith("lxml")]
