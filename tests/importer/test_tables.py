"""Tables of a .docx come back as content tables: gongwen's own output round-trips, and a table
typed in Word (caption above, notes under, merged cells, its own alignment) reads as a writer
would have written it."""

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from gongwen.builder.pipeline import build_one
from gongwen.content.dumper import dump
from gongwen.content.loader import load, loads
from gongwen.content.model import Table
from gongwen.importer.outline import import_file
from tests.paths import CONTENT


def tables_of(blocks):
    return [b for b in blocks if isinstance(b, Table)]


def test_the_examples_tables_come_back_whole(tmp_path):
    for name in ("report", "notice"):
        source = load(CONTENT / f"{name}.yaml")
        built = build_one(CONTENT / f"{name}.yaml", tmp_path / f"{name}.docx")
        assert built.ok, built.errors
        result = import_file(tmp_path / f"{name}.docx")
        assert not [w for w in result.warnings if "表" in w.message], result.warnings
        back = result.document
        if name == "report":
            assert tables_of(back.opening) == tables_of(source.opening) != []
        else:
            theirs = [t for a in source.attachments for s in a.body.sections for t in tables_of(s.paragraphs)]
            ours = [t for a in back.attachments for s in a.body.sections for t in tables_of(s.paragraphs)]
            assert ours == theirs != []
        assert loads(dump(back), "again.yaml").opening == back.opening


def word_table(tmp_path):
    d = docx.Document()
    d.add_paragraph("关于清河县粮食生产情况的调研报告")
    d.add_paragraph("一、基本情况")
    d.add_paragraph("各镇情况如下。")
    d.add_paragraph("表1　各镇粮食产量")
    t = d.add_table(rows=4, cols=3)
    for r, row in enumerate([["镇", "产量（吨）", "备注"], ["城关镇", "5400", "含城郊"], ["河口镇", "3900", ""],
                             ["合计", "9300", ""]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
            if c == 1 and r:
                t.cell(r, c).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    t.cell(3, 1).merge(t.cell(3, 2))
    d.add_paragraph("资料来源：清河县统计局。")
    d.add_paragraph("以上数据为初步统计。")
    path = tmp_path / "word.docx"
    d.save(path)
    return path


def test_a_word_table_reads_with_caption_notes_alignment_and_merged_cells(tmp_path):
    result = import_file(word_table(tmp_path))
    section = result.document.sections[0]
    [table] = tables_of(section.paragraphs)
    assert table.caption == "表1　各镇粮食产量" and table.notes == ["资料来源：清河县统计局。"]
    assert table.header == ["镇", "产量（吨）", "备注"]
    assert table.rows[:2] == [["城关镇", "5400", "含城郊"], ["河口镇", "3900", ""]]
    assert table.rows[2][0] == "合计" and "9300" in table.rows[2][1]
    assert table.align[1] == "center"  # as the writer set it, not as gongwen would
    assert section.paragraphs[0] == "各镇情况如下。"
    assert "以上数据为初步统计。" in section.paragraphs + result.document.closing
    assert "表1　各镇粮食产量" not in section.paragraphs and "资料来源：清河县统计局。" not in section.paragraphs
    assert any("合并单元格" in w.message for w in result.warnings)


def test_a_word_table_builds_again(tmp_path):
    result = import_file(word_table(tmp_path))
    (tmp_path / "back.yaml").write_text(dump(result.document), encoding="utf-8")
    built = build_one(tmp_path / "back.yaml", tmp_path / "back.docx")
    assert built.ok, built.errors
    [t] = docx.Document(str(tmp_path / "back.docx")).tables
    assert t.rows[1].cells[0].text == "城关镇"
