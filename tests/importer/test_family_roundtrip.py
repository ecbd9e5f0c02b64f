"""The import measure for the red-header family, a speech's subtitle and a report's 落款:
hand-written documents of every kind (tests/importer/family/, as .txt and as an office's .docx)
come back paragraph for paragraph when imported and built; the content examples and the YAML
each document imports to come back when built, imported and built again, as the same model.

The measuring code is bench/family_roundtrip.py (which prints the figures); here every run
must reach 100%.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from gongwen.content.dumper import dump
from gongwen.content.loader import load, loads
from gongwen.content.model import replace
from gongwen.content.schema import FORMS, KINDS
from gongwen.importer import import_file

from tests.paths import CONTENT, ROOT

_spec = importlib.util.spec_from_file_location("family_roundtrip_bench", ROOT / "bench" / "family_roundtrip.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = bench  # dataclasses look their module up
_spec.loader.exec_module(bench)

DOCUMENTS = sorted(bench.DOCUMENTS.glob("*.txt"))
#: The warnings each document must give, and no others (a fragment each).
EXPECTED = {
    "approval": ["不是标题"],  # 一、二、三、 numbered paragraphs with nothing under them
}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("family")


def test_every_kind_has_a_document_of_real_length():
    assert {p.stem for p in DOCUMENTS} == set(KINDS)
    for path in DOCUMENTS:
        assert len(bench.source_paragraphs(path)) >= 14, path.name


def _check(r, kind):
    assert r.kind == kind
    assert r.missing == [] and r.share == 1.0
    wanted = EXPECTED.get(kind, [])
    assert len(r.warnings) == len(wanted), r.warnings
    assert all(any(w in got for got in r.warnings) for w in wanted), r.warnings


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_a_written_document_comes_back(path, workdir):
    _check(bench.import_roundtrip(path, workdir), path.stem)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_an_office_docx_comes_back(path, workdir):
    office = bench.office_docx(path, workdir / f"{path.stem}-office.docx")
    _check(bench.import_roundtrip(office, workdir), path.stem)


@pytest.mark.parametrize("path", sorted(CONTENT.glob("*.yaml")), ids=lambda p: p.name)
def test_a_content_example_comes_back_when_rebuilt(path, workdir):
    r = bench.rebuild_roundtrip(path, workdir)
    assert r.missing == [] and r.share == 1.0 and r.paragraphs >= 20


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_gongwens_own_docx_imports_to_the_same_model(path, workdir):
    """build → import gives back the model the document was built from (tabs, frames, the
    drawn 版记 lines and the spacers of the layout are read through)."""
    yaml_path = bench.imported_yaml(path, workdir)[0]
    doc = load(yaml_path)
    built = bench.build(yaml_path, workdir / f"{path.stem}-gongwen.docx")
    r = import_file(built)
    again = loads(dump(r.document), str(yaml_path))
    assert replace(again, path=doc.path, warnings=doc.warnings) == doc
    assert (r.kind_reason != "") and (r.document.kind in FORMS) == (doc.kind in FORMS)
    wanted = EXPECTED.get(path.stem, [])  # gongwen's layout adds none: titles set in lines, tabs, frames
    assert len(r.warnings) == len(wanted) and all(any(w in str(g) for g in r.warnings) for w in wanted)
    assert bench.rebuild_roundtrip(yaml_path, workdir).share == 1.0


def test_the_bench_prints_every_figure(capsys):
    assert bench.main([str(DOCUMENTS[0])]) == 0
    assert "100.0%  PASS" in capsys.readouterr().out
