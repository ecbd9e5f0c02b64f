"""A draft is read at the cost of a real document: at most MAX_PARAGRAPHS paragraphs, whatever
the format (.docx paragraphs, lines of text, paragraphs of YAML content, aliases included), and
a long YAML block is read in time proportional to its length."""

from __future__ import annotations

import pytest

from gongwen.draft.read import read_source
from gongwen.errors import ReadError
from gongwen.textio import MAX_PARAGRAPHS

from tests.capped import assert_refused, run_capped
from tests.tinydocx import make_docx


def test_a_docx_of_max_paragraphs_is_read_one_more_is_refused(tmp_path):
    ok = tmp_path / "ok.docx"
    ok.write_bytes(make_docx("<w:p/>" * MAX_PARAGRAPHS))
    assert len(read_source(str(ok)).paras) == MAX_PARAGRAPHS
    over = tmp_path / "多一段.docx"
    over.write_bytes(make_docx("<w:p/>" * (MAX_PARAGRAPHS + 1)))
    with pytest.raises(ReadError) as info:
        read_source(str(over))
    assert str(info.value).startswith(str(over)) and str(MAX_PARAGRAPHS) in info.value.message


def test_paragraphs_in_tables_and_text_boxes_count_too(tmp_path):
    cell = "<w:tbl><w:tr><w:tc>" + "<w:p/>" * (MAX_PARAGRAPHS // 2) + "</w:tc></w:tr></w:tbl>"
    path = tmp_path / "表格.docx"
    path.write_bytes(make_docx(cell + "<w:p/>" * (MAX_PARAGRAPHS // 2 + 1)))
    with pytest.raises(ReadError):
        read_source(str(path))


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_text_of_max_lines_is_read_one_more_is_refused(tmp_path, newline):
    ok = tmp_path / "ok.txt"
    ok.write_bytes(("段。" + newline).encode() * MAX_PARAGRAPHS)
    assert len(read_source(str(ok)).paras) == MAX_PARAGRAPHS
    over = tmp_path / "多一行.md"
    over.write_bytes(("段。" + newline).encode() * (MAX_PARAGRAPHS + 1))
    with pytest.raises(ReadError) as info:
        read_source(str(over))
    assert str(info.value).startswith(str(over))


def test_ten_million_empty_lines_are_refused_and_the_batch_goes_on(tmp_path):
    (tmp_path / "空行.txt").write_bytes(b"\n" * 10_000_000)
    (tmp_path / "正常.txt").write_text("正常的草稿,有半角逗号。\n", encoding="utf-8")
    ran = run_capped(["lint", str(tmp_path)], timeout=120)
    assert_refused(ran, 2, "空行.txt", str(MAX_PARAGRAPHS), "正常.txt", "检查了 1 个文件")


def laughs(depth: int) -> str:
    """Content whose paragraphs are a short list aliased nine times at each of ``depth`` levels."""
    lines = ["kind: speech", "title: 标题", 'x0: &a0 ["段落甲。", "段落乙。", "段落丙。"]']
    for i in range(1, depth + 1):
        lines.append(f"x{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    lines += ["sections:", "  - heading: 一", f"    paragraphs: *a{depth}"]
    return "\n".join(lines) + "\n"


def test_yaml_aliases_cannot_multiply_paragraphs(tmp_path):
    within = tmp_path / "ok.yaml"
    within.write_text(laughs(2), encoding="utf-8")
    assert len(read_source(str(within)).paras) == 2 + 3 * 81  # title, heading and the paragraphs
    # 3 × 9**7 = 14 million paragraphs from 600 bytes, had the walk followed every alias.
    bomb = tmp_path / "别名.yaml"
    bomb.write_text(laughs(7), encoding="utf-8")
    assert bomb.stat().st_size < 1000
    (tmp_path / "正常.txt").write_text("正常的草稿。\n", encoding="utf-8")
    within.unlink()
    ran = run_capped(["lint", str(tmp_path)], timeout=120)
    assert_refused(ran, 2, "别名.yaml", "拒绝读取", "检查了 1 个文件")


@pytest.mark.slow
def test_a_long_yaml_block_is_read_in_linear_time(tmp_path):
    # Each paragraph used to look through every line of its block: 60,000 lines took minutes.
    path = tmp_path / "长.yaml"
    path.write_text("kind: speech\ntitle: 标题\nsections:\n  - heading: 一\n    paragraphs: |\n"
                    + "      这是一段正文。\n" * 60_000, encoding="utf-8")
    ran = run_capped(["lint", str(path)], timeout=60)
    assert ran.returncode in (0, 1) and "Traceback" not in ran.output, ran.output[-2000:]
