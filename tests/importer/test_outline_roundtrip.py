"""Issue 4's measure: import → build gives back every source paragraph, for both kinds,
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
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen.content import loader
from gongwen.builder.pipeline import build_one
from gongwen.content.dumper import dump
from gongwen.importer.outline import import_file
from gongwen.content.model import Document, Item, Point, Section, Series

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


@pytest.mark.parametrize("name", ["speech.yaml", "report.yaml"])
def test_dump_loads_back_equal(name):
    doc = loader.load(FIXTURES / name)
    again = loader.loads(dump(doc), doc.path)
    assert again == doc


def test_dump_reads_like_the_examples():
    text = dump(loader.load(FIXTURES / "report.yaml"))
    assert text.startswith("kind: report\ntitle: 关于全市中小学课后服务开展情况的调研报告\nauthor:")
    assert "\\u" not in text and "\\x" not in text  # Chinese unescaped
    assert "intro:\n  - 开展中小学课后服务" in text  # block style, indented lists
    assert "\n\nachievements:\n" in text and "\n\nproblems:\n" in text  # parts set apart
    assert "{" not in text and "[" not in text.replace("【", "")  # no flow style
    assert all(len(line) < 400 or line.lstrip().startswith(("- ", "text: ")) for line in text.splitlines())


# --- the dumper quotes whatever needs quoting --------------------------------------------

_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff\x85"),
                min_size=1, max_size=40).map(str.strip).filter(bool)
_SAMPLES = st.sampled_from(["yes", "no", "null", "~", "2023", "1.5", "- 列表", "# 注释", "a: b", "*别名",
                            "&锚", "!标签", "{{ year }}", "[1]", "'引号'", '"双引号"', "@", "`", "%", "|", ">",
                            "？", "：", "2023-02-16", "0x1F", "1e3", ".inf", "=", "<<"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_TEXT, _SAMPLES), min_size=2, max_size=6))
def test_any_text_survives_dump_and_load(texts):
    first, *rest = texts
    # headings must not open with a marker (the loader refuses those): prefix them
    doc = Document(kind="speech", title="标题" + first.rstrip("。，；：、.,;:") if first else "标题",
                   salutation=first, opening=list(rest), closing=[first],
                   sections=[Section(heading="甲" + first, paragraphs=list(rest),
                                     points=[Point(heading="乙" + first, text=list(rest))],
                                     series=Series(items=[Item(text="丙" + t) for t in rest], lead_in=first))])
    doc.title = doc.title.rstrip("。，；：、.,;:").strip() or "标题"
    again = loader.loads(dump(doc), "<t>")
    again.path, again.warnings = doc.path, doc.warnings
    assert again == doc
