"""Content is loaded within the bounds of a real document, and a fault over a bound is reported
where it is: lists of at most MAX_SIBLINGS sections, points or items (the numerals are written
only to 9,999), at most MAX_PARAGRAPHS paragraphs, and the text that crosses the character
limit refused even when it is the last one."""

from __future__ import annotations

import pytest

from gongwen.content.loader import loads
from gongwen.content.shapes import MAX_CHARS, MAX_SIBLINGS
from gongwen.errors import ContentErrors
from gongwen.textio import MAX_PARAGRAPHS

from tests.capped import assert_refused, run_capped
from tests.paths import ROOT

HEAD = "kind: speech\ntitle: 标题\n"


def points(n: int, indent: str = "      ") -> str:
    return "".join(f"{indent}- heading: 要点{i}\n" for i in range(n))


def errors_of(text: str):
    with pytest.raises(ContentErrors) as info:
        loads(text, "c.yaml")
    return info.value.errors


def test_max_siblings_load_one_more_is_refused_at_the_list():
    doc = loads(HEAD + "sections:\n  - heading: 一\n    points:\n" + points(MAX_SIBLINGS), "c.yaml")
    assert len(doc.sections[0].points) == MAX_SIBLINGS
    found = errors_of(HEAD + "sections:\n  - heading: 一\n    points:\n" + points(MAX_SIBLINGS + 1))
    assert len(found) == 1, [str(e) for e in found]  # no cascade ("这一部分没有内容")
    error = found[0]
    assert error.code == "GW714" and error.place.line == 6 and error.place.key == "sections[0].points"
    assert str(MAX_SIBLINGS + 1) in error.message


@pytest.mark.parametrize("where", ["sections", "items"])
def test_sections_and_items_are_bounded_too(where):
    if where == "sections":
        text = HEAD + "sections:\n" + "".join(f"  - {{heading: 部分{i}, paragraphs: [正文。]}}\n"
                                             for i in range(MAX_SIBLINGS + 1))
    else:
        text = HEAD + "sections:\n  - heading: 一\n    items:\n" + "".join(
            f"      - 第{i}项。\n" for i in range(MAX_SIBLINGS + 1))
    found = errors_of(text)
    assert [e.code for e in found] == ["GW714"], [str(e) for e in found]


def test_paragraphs_of_one_document_are_bounded():
    lines = "\n".join(["段。"] * (MAX_PARAGRAPHS + 1))
    found = errors_of(HEAD + 'sections:\n  - heading: 一\n    paragraphs: "' + lines.replace("\n", "\\n") + '"\n')
    assert len(found) == 1 and str(MAX_PARAGRAPHS) in found[0].message
    assert found[0].place.key == "sections[0].paragraphs"


def test_the_text_that_crosses_the_limit_is_refused_even_when_last():
    # Twenty aliases of a million characters: the last one crosses the limit.  It used to be
    # read as an empty paragraph, and with nothing after it the document loaded without it.
    size = MAX_CHARS // 20
    text = (HEAD + "sections:\n  - heading: 一\n    paragraphs: [&t " + "字" * size + ", "
            + ", ".join(["*t"] * 19) + "]\n")
    found = errors_of(text)
    assert len(found) == 1 and "过大" in found[0].message
    assert found[0].place.key == "sections[0].paragraphs[19]"


def test_ten_thousand_points_fail_one_document_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "a.yaml").write_text(HEAD + "sections:\n  - heading: 一\n    points:\n" + points(10_000),
                                   encoding="utf-8")
    (folder / "b.yaml").write_text((ROOT / "content" / "speech.yaml").read_text(encoding="utf-8"),
                                   encoding="utf-8")
    out = tmp_path / "out"
    ran = run_capped(["build", str(folder), "-o", str(out), "-j", "1"], timeout=120)
    assert_refused(ran, 1, "a.yaml:6:7", "10000", "成功 1 份")
    assert (out / "b.docx").exists() and not (out / "a.docx").exists()


def test_lint_reports_what_build_refuses(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(HEAD + "sections:\n  - heading: 一\n    points:\n" + points(MAX_SIBLINGS + 1), encoding="utf-8")
    ran = run_capped(["lint", str(path)], timeout=120)
    assert_refused(ran, 1, "a.yaml:6:7: GW714")


@pytest.mark.slow
def test_a_build_whose_last_paragraph_crosses_the_limit_fails(tmp_path):
    size = MAX_CHARS // 20
    source = tmp_path / "last.yaml"
    source.write_text(HEAD + "sections:\n  - heading: 一\n    paragraphs: [&t " + "a" * size + ", "
                      + ", ".join(["*t"] * 19) + "]\n", encoding="utf-8")
    ran = run_capped(["build", str(source), "-o", str(tmp_path / "out")], timeout=120)
    assert_refused(ran, 1, "last.yaml", "过大")
    assert not (tmp_path / "out" / "last.docx").exists()
