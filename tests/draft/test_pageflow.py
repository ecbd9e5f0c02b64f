"""The page estimate on the GB/T 9704 grid and the widows it finds (GW826, gongwen build)."""

import subprocess
import sys

from gongwen.draft.pageflow import agreed_widows, estimate, widow_message
from gongwen.draft.pagelines import break_lines, text_widths
from gongwen.lint.docxexample import example_source
from gongwen.lint.rules.layout.widow import _FILL, _LAST

ROOM = 8845


def lines(text, hanging=False):
    return break_lines(text, text_widths(text, 32, -5), ROOM, ROOM, hanging, None)


def test_a_closing_mark_never_starts_a_line():
    text = "一" * 28 + "。后"
    assert lines(text) == ["一" * 27, "一。后"]  # carried with the character before
    assert lines(text, hanging=True) == ["一" * 28 + "。", "后"]  # Word: the mark hangs


def test_figures_are_not_split_and_take_their_width():
    text = "一" * 26 + "2023年"
    assert lines(text)[1].startswith("2023")
    assert len(lines("12345678" * 8)) == 2  # 64 digits: 57 fit on a line


def _example(end):
    return example_source(f"repeat: n=6 text={_FILL} last={_LAST}{end}")


def test_the_widow_is_found_on_its_page():
    (w,) = agreed_widows(_example("改。").docx)
    assert (w.page, w.line) == (2, "改。")
    assert "第 2 页" in widow_message(w) and "删改一两个字" in widow_message(w)


def test_no_widow_with_four_characters_or_a_paragraph_that_fits():
    assert agreed_widows(_example("改到位。").docx) == []
    assert agreed_widows(_example("").docx) == []


def test_off_the_grid_the_estimate_is_silent():
    src = example_source(f"body: line=auto:360\nrepeat: n=6 text={_FILL} last={_LAST}改。")
    assert not estimate(src.docx).reliable and agreed_widows(src.docx) == []
    src = example_source(f"page: 216x279mm\nrepeat: n=6 text={_FILL} last={_LAST}改。")
    assert agreed_widows(src.docx) == []


def test_lint_and_build_report_it(tmp_path):
    from gongwen.lint.engine import lint_source

    codes = [f.code for f in lint_source(_example("改。"))]
    assert "GW826" in codes
    doc = tmp_path / "x.docx"
    from gongwen.lint.docxexample import example_docx

    doc.write_bytes(example_docx(f"repeat: n=6 text={_FILL} last={_LAST}改。"))
    ran = subprocess.run([sys.executable, "-m", "gongwen", "lint", str(doc)], capture_output=True, text=True)
    assert "GW826" in ran.stdout + ran.stderr
