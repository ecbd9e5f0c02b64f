"""The build's widow check from the rendered parts (builder/widowcheck.py) gives what the check of
the written file gives: the same warnings and the same page breaks, for every content example,
long documents and several seeds of the long report, built one after another in one process (so
the styles resolved for a template serve the documents after the first)."""

import pytest
import yaml

from gongwen.builder import widowcheck
from gongwen.builder.pipeline import build_one
from gongwen.draft.pageflow import agreed_widows, estimate, widow_message
from gongwen.ooxml.parts import load_parts, parts_in_memory
from tests.builder.test_pdf_marks import long_speech
from tests.draft.longreport import long_report
from tests.paths import ROOT


def _pages(est):
    return est.reason, est.stopped, [(p.block.key, p.block.lines, p.pages) for p in est.placed]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("widowcheck")
    (tmp / "long.yaml").write_text(yaml.safe_dump(long_speech(), allow_unicode=True), encoding="utf-8")
    sources = sorted((ROOT / "content").glob("*.yaml")) + [tmp / "long.yaml"]
    for seed in range(1, 9):
        src = tmp / f"longreport{seed}.yaml"
        src.write_text(yaml.safe_dump(long_report(seed=seed), allow_unicode=True), encoding="utf-8")
        sources.append(src)
    seen = []
    original = widowcheck.warnings

    def keep(target, parts, template):
        found = original(target, parts, template)
        seen.append((target, parts, template, found))
        return found

    mp = pytest.MonkeyPatch()
    mp.setattr(widowcheck, "warnings", keep)
    try:
        for s in sources:
            result = build_one(s, tmp / "out" / (s.stem + ".docx"))
            assert result.ok, result.errors
            assert [w for w in result.warnings if "页页首只有" in w] == seen[-1][3]
    finally:
        mp.undo()
    return seen


def test_the_same_warnings_as_the_written_file(built):
    widows = 0
    for target, parts, template, found in built:
        reread = [f"{target}: {widow_message(w)}" for w in agreed_widows(load_parts(str(target)))]
        assert found == reread, target
        widows += len(found)
    assert widows  # the comparison covers documents that have widows


def test_the_same_page_breaks_as_the_written_file(built):
    for target, parts, template, _ in built:
        ours = parts_in_memory(str(target), parts, template.pageflow["parts"])
        theirs = load_parts(str(target))
        assert ours.styles is template.pageflow["parts"]["word/styles.xml"][1]  # parsed once
        for hanging in (False, None, True):
            assert _pages(estimate(ours, hanging)) == _pages(estimate(theirs, hanging)), (target, hanging)


def test_a_document_on_another_grid_is_not_estimated(tmp_path):
    """Off the grid (the reader's refusal) the in-memory check is as silent as the file's."""
    parts = {"word/document.xml": b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org'
                                  b'/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>'}
    docx = parts_in_memory(str(tmp_path / "x.docx"), parts, {})
    assert not estimate(docx).reliable and agreed_widows(docx, {}) == []
