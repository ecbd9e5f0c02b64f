"""The import measure: import → build gives back every source paragraph, for both kinds,
from .txt and .docx (built by gongwen, and written plainly by python-docx as an office does).

The measuring code is bench/roundtrip.py (which prints the figures); here each
fixture must reach 100%, and the structure recovered must be the one the
document was written from.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from gongwen.content import loader
from gongwen.builder.pipeline import build_one
from gongwen.importer import import_file
from gongwen.content.model import Document, Item, Point, Section

from tests.paths import IMPORT_FIXTURES as FIXTURES, ROOT, SEED

_spec = importlib.util.spec_from_file_location("roundtrip_bench", ROOT / "bench" / "roundtrip.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = bench  # dataclasses look their module up
_spec.loader.exec_module(bench)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("roundtrip")


@pytest.fixture(scope="module")
def built(workdir):
    """The .docx gongwen builds from each YAML fixture."""
    out = {}
    for name in ("speech", "report"):
        result = build_one(FIXTURES / f"{name}.yaml", workdir / f"{name}-gongwen.docx")
        assert result.ok, result.errors
        out[name] = Path(result.target)
    return out


def _documents(built):
    docs = {f.name: f for f in FIXTURES.iterdir() if f.suffix in (".txt", ".docx")}
    docs.update({p.name: p for p in built.values()})
    return docs


NAMES = ["speech.txt", "speech-office.docx", "speech-gongwen.docx",
         "report.txt", "report-office.docx", "report-gongwen.docx"]


@pytest.mark.parametrize("name", NAMES)
def test_every_paragraph_comes_back(name, built, workdir):
    path = _documents(built)[name]
    r = bench.roundtrip(path, workdir)
    assert r.paragraphs >= 35, "a document of real length"
    assert r.missing == []
    assert r.share == 1.0
    assert r.kind == name.split("-")[0].split(".")[0]
    assert r.warnings == []


@pytest.mark.skipif(not SEED.is_file(), reason="shared seed not present")
def test_the_shared_seed_comes_back(workdir):
    r = bench.roundtrip(SEED, workdir)
    assert r.share == 1.0 and r.missing == []
    assert len(r.warnings) == 1 and "标题" in r.warnings[0]  # it has none


def test_fixtures_are_real_documents():
    for name in ("speech.txt", "report.txt"):
        paras = bench.source_paragraphs(FIXTURES / name)
        assert sum(len(p) for p in paras) > 3000
    # the office files look like office files: indents, blank lines, GB18030 and CRLF
    raw = (FIXTURES / "report.txt").read_bytes()
    assert b"\r\n" in raw and "　　".encode("gb18030") in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


def shape(doc: Document):
    """The model with equivalent spellings merged: an item's lead is part of its text,
    ``run_in`` is what it does."""

    def item(i: Item):
        return (i.lead + "。" + i.text) if i.lead and i.text else (i.lead or i.text)

    def series(s):
        return None if s is None else (tuple(item(i) for i in s.items), s.inline, s.style, s.lead_in)

    def point(p: Point):
        return (p.heading, tuple(p.text), p.is_run_in, series(p.series), tuple(point(c) for c in p.points))

    def section(s: Section):
        return (s.heading, s.part, tuple(s.paragraphs), series(s.series), tuple(point(p) for p in s.points))

    return (doc.kind, doc.title, doc.byline, doc.date, doc.salutation, tuple(doc.opening),
            tuple(section(s) for s in doc.sections), tuple(doc.closing))


@pytest.mark.parametrize("name", NAMES)
def test_structure_is_the_one_written(name, built):
    path = _documents(built)[name]
    original = loader.load(FIXTURES / (name.split("-")[0].split(".")[0] + ".yaml"))
    assert shape(import_file(path).document) == shape(original)
