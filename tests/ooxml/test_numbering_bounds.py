"""Word numbering from a draft is rendered within bounds: start values held to 0..MAX_START,
Word's nine levels, labels of at most MAX_LABEL characters, however numbering.xml is written."""

from __future__ import annotations

from gongwen.ooxml.numbering import MAX_LABEL, MAX_START, format_number

from tests.capped import run_capped
from tests.tinydocx import abstract, docx_paras, make_docx, num, numbered


def labels(paras):
    return [q.text[: q.label_len] for q in paras]


def test_a_huge_start_value_is_held_to_the_range(tmp_path):
    # (the 100-billion start of a real attack runs in a capped process below)
    numbering = abstract(0, ("upperLetter", "%1.", 1_000_000)) + num(1, 0)
    got = labels(docx_paras(tmp_path, numbered("甲") + numbered("乙"), numbering=numbering))
    assert got == [f"{MAX_START}.", f"{MAX_START + 1}."]  # letters that long are written in digits


def test_negative_and_overridden_starts_are_held_too(tmp_path):
    numbering = (abstract(0, ("decimal", "%1.", -5)) + num(1, 0)
                 + num(2, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="99999999999999"/></w:lvlOverride>'))
    got = labels(docx_paras(tmp_path, numbered("甲", 1) + numbered("乙", 2), numbering=numbering))
    assert got == ["0.", f"{MAX_START}."]


def test_a_million_placeholders_make_a_short_label(tmp_path):
    numbering = abstract(0, ("decimal", "%1" * 1_000_000)) + num(1, 0)
    paras = docx_paras(tmp_path, numbered("甲") * 3, numbering=numbering)
    assert all(len(label) <= MAX_LABEL for label in labels(paras))
    assert paras[2].text == "3" * (MAX_LABEL // 2) + "甲"  # lvlText itself is read to MAX_LABEL


def test_letters_for_a_large_counter_stay_short():
    assert len(format_number(26 * MAX_LABEL, "upperLetter")) == MAX_LABEL
    assert format_number(26 * MAX_LABEL + 1, "lowerLetter") == str(26 * MAX_LABEL + 1)
    assert format_number(28, "upperLetter") == "BB"


def test_only_word_levels_are_read(tmp_path):
    # Levels past 8 do not exist in Word; a million of them must not be looked through per paragraph.
    extra = "".join(f'<w:lvl w:ilvl="{i}"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>'
                    for i in range(9, 2000))
    numbering = abstract(0, ("decimal", "%1.")).replace("</w:abstractNum>", extra + "</w:abstractNum>") + num(1, 0)
    body = numbered("甲") + numbered("乙", ilvl=1500)
    assert labels(docx_paras(tmp_path, body, numbering=numbering)) == ["1.", ""]


def test_the_small_numbering_bombs_lint_without_memory_error(tmp_path):
    start = tmp_path / "起始值.docx"
    start.write_bytes(make_docx(numbered("甲") + numbered("乙"),
                                numbering=abstract(0, ("upperLetter", "%1.", 100_000_000_000)) + num(1, 0)))
    assert start.stat().st_size < 2000
    text = tmp_path / "编号格式.docx"
    text.write_bytes(make_docx(numbered("甲") * 2000, numbering=abstract(0, ("decimal", "%1" * 1_000_000))
                               + num(1, 0)))
    ran = run_capped(["lint", str(start), str(text)], timeout=120)
    assert ran.returncode in (0, 1), ran.output[-3000:]
    assert "Traceback" not in ran.output and "检查了 2 个文件" in ran.output
