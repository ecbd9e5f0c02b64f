"""The template cache is an optimisation only: cold, warm, corrupted or off, the output is the same."""

import zipfile

import pytest

from gongwen.builder import cache

from gongwen.builder import render

from gongwen.builder import templatecheck
from gongwen.builder.pipeline import build_one

GOOD = "kind: speech\ntitle: 讲话\nsections:\n  - heading: 甲\n    paragraphs: 乙。\n"


def body(path):
    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml")


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("GONGWEN_CACHE", str(tmp_path / "cache"))
    render._cache.clear()
    templatecheck._cache.clear()
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    yield tmp_path
    render._cache.clear()
    templatecheck._cache.clear()


def build(tmp, name):
    render._cache.clear()
    templatecheck._cache.clear()
    assert build_one(tmp / "a.yaml", tmp / name).ok
    return body(tmp / name)


def test_cold_warm_corrupt_and_off_give_the_same_document(fresh, monkeypatch):
    cold = build(fresh, "cold.docx")
    entries = sorted(p.name for p in (fresh / "cache").iterdir())
    assert any(n.startswith("body-") for n in entries) and any(n.startswith("check-") for n in entries)
    assert build(fresh, "warm.docx") == cold
    for entry in (fresh / "cache").iterdir():
        entry.write_bytes(b"\x00garbage")
    assert build(fresh, "corrupt.docx") == cold
    monkeypatch.setenv("GONGWEN_CACHE", "off")
    assert cache.directory() is None
    assert build(fresh, "off.docx") == cold


def test_unwritable_cache_is_ignored(fresh, monkeypatch):
    (fresh / "file").write_text("not a folder")
    monkeypatch.setenv("GONGWEN_CACHE", str(fresh / "file" / "sub"))
    assert build(fresh, "x.docx")


def test_key_depends_on_content_and_versions():
    assert cache.key(b"a") != cache.key(b"b")
    assert cache.key(b"a", "3.1") != cache.key(b"a", "3.2")
    assert cache.key(b"a") == cache.key(b"a")
