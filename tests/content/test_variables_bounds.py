"""``{{ name }}`` substitution is bounded like loading: the whole text after substitution is at
most MAX_CHARS characters, counted as values are inserted, and going over is a fault naming the
file, the field and the line — never gigabytes written and reported as built."""

from __future__ import annotations

import pytest

from gongwen.content import loader
from gongwen.content.shapes import MAX_CHARS
from gongwen.content.variables import substitute
from gongwen.errors import ContentErrors

from tests.capped import assert_refused, run_capped


def amplified(value_chars: int, uses: int) -> str:
    """A content file whose one paragraph uses a ``value_chars``-long variable ``uses`` times."""
    return ("kind: speech\ntitle: 标题\nvars:\n  v: " + "长" * value_chars
            + "\nsections:\n  - heading: 一\n    paragraphs:\n      - 开头" + "{{v}}" * uses + "\n")


def test_expansion_over_the_limit_is_refused_with_its_place():
    text = amplified(1000, 100)
    doc = loader.loads(text, "v.yaml")
    substitute(doc, text=text)
    assert doc.sections[0].paragraphs == ["开头" + "长" * 100_000]
    # (336 kB expanding to 4.8 billion characters runs in a capped process below)
    text = amplified(100_000, MAX_CHARS // 100_000 + 5)
    doc = loader.loads(text, "v.yaml")
    with pytest.raises(ContentErrors) as info:
        substitute(doc, text=text)
    [error] = info.value.errors
    assert error.code == "GW715" and error.place.path == "v.yaml"
    assert error.place.line == 8 and error.place.key == "sections[0].paragraphs[0]"
    assert f"{MAX_CHARS // 10000} 万字" in error.message


def test_the_limit_counts_every_field_not_one():
    per = MAX_CHARS // 10 - 1000  # ten fit, the eleventh does not
    text = ("kind: speech\ntitle: 标题\nvars:\n  v: " + "长" * per + "\nsections:\n  - heading: 一\n"
            "    paragraphs: [" + ", ".join(["'{{v}}'"] * 11) + "]\n")
    doc = loader.loads(text, "v.yaml")
    with pytest.raises(ContentErrors) as info:
        substitute(doc, text=text)
    assert info.value.errors[0].place.key == "sections[0].paragraphs[10]"


def test_a_vars_bomb_fails_its_build_and_writes_nothing(tmp_path):
    source = tmp_path / "变量.yaml"
    source.write_text(amplified(300_000, 16_000), encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(amplified(10, 3), encoding="utf-8")
    out = tmp_path / "out"
    ran = run_capped(["build", str(source), str(good), "-o", str(out)], timeout=120)
    assert_refused(ran, 1, "变量.yaml:8:", "万字", "成功 1 份")
    assert not (out / "变量.docx").exists() and (out / "good.docx").exists()
    ran = run_capped(["lint", str(source)], timeout=120)
    assert_refused(ran, 1, "变量.yaml:8:", "GW715")
