"""Tables in content build as GB/T 9704 tables: read back from the .docx with python-docx and
through the style chain (as Word resolves it), and rendered by LibreOffice where it is installed."""

import shutil
import subprocess

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from docx.shared import Pt

from gongwen.builder import pdf
from gongwen.builder.pipeline import build_one
from gongwen.builder.tables import MIN_COLUMN, column_widths
from gongwen.spec.gbt9704 import TEXT_WIDTH
from tests.builder import effective
from tests.builder.test_pdf import REQUIRED, needs_soffice
from tests.paths import CONTENT, TEMPLATES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

TABLE = {"caption": "表1　2025年各镇粮食生产情况", "header": ["镇", "播种面积（亩）", "产量（吨）", "说明"],
         "rows": [["城关镇", "12,000", "5400", "含城郊两个村"], ["河口镇", "8500", "3900.5", ""],
                  ["合计", "20,500", "9300.5", "—"]],
         "notes": ["资料来源：清河县统计局。", "注：产量为初步统计数。"]}


def report(tmp_path, body, name="r"):
    doc = {"kind": "调研报告", "title": "关于清河县粮食生产情况的调研报告",
           "achievements": {"paragraphs": ["全县粮食生产总体平稳。"]}, "sections": body}
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build(tmp_path, source, template=None):
    target = tmp_path / "out" / (source.stem + ".docx")
    result = build_one(source, target, template=template)
    assert result.ok, result.errors
    return target


def test_a_table_is_built_with_header_alignment_styles_and_widths(tmp_path):
    target = build(tmp_path, report(tmp_path, [{"heading": "基本情况", "paragraphs": ["各镇情况见表1。",
                                                                                  {"table": TABLE}]}]))
    d = docx.Document(str(target))
    [table] = d.tables
    assert [[c.text for c in r.cells] for r in table.rows] == [TABLE["header"]] + TABLE["rows"]
    header = table.rows[0]._tr
    assert header.find(f"{W}trPr/{W}tblHeader") is not None  # repeated on every page
    assert all(r._tr.find(f"{W}trPr/{W}tblHeader") is None for r in table.rows[1:])
    assert {c.paragraphs[0].style.name for c in table.rows[0].cells} == {"表格表头"}
    assert {c.paragraphs[0].style.name for r in table.rows[1:] for c in r.cells} == {"表格文字"}
    aligns = [c.paragraphs[0].alignment for c in table.rows[1].cells]
    assert [str(a).split(".")[-1].split(" ")[0] for a in aligns] == ["LEFT", "RIGHT", "RIGHT", "LEFT"]
    widths = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(widths) == TEXT_WIDTH and widths[1] == max(widths)  # 播种面积（亩）: the longest line
    texts = [p.text for p in d.paragraphs]
    assert texts.index(TABLE["caption"]) + 1 == texts.index(TABLE["notes"][0])  # the table sits between them
    styles = {p.text: p.style.name for p in d.paragraphs}
    assert styles[TABLE["caption"]] == "表题" and styles[TABLE["notes"][1]] == "表注"


def test_cells_are_four_hao_fangsong_single_spaced_header_heiti(tmp_path):
    target = build(tmp_path, report(tmp_path, [{"heading": "基本情况", "paragraphs": [{"table": TABLE}]}]))
    parts = effective.load(target)
    resolver = effective.Resolver(parts)
    cells = [p for p in effective.body_paragraphs(parts) if p.getparent().tag == f"{W}tc"]
    assert len(cells) == 16
    for p in cells:
        sid, props = resolver.para(p)
        assert props.get("line") == ("auto", 240), props
        for run in effective.text_runs(p, resolver):
            assert run["sz"] == 28
            assert run["eastAsia"] == ("name", "黑体" if resolver.style_name(sid) == "表格表头" else "仿宋_GB2312")


def test_tables_stand_in_points_after_series_and_attachments_and_never_touch(tmp_path):
    small = {"header": ["项目", "数量"], "rows": [["甲", "1"], ["乙", "2"]]}
    doc = {"kind": "通知", "title": "关于开展清河县汛前检查的通知", "recipients": "各乡镇人民政府",
           "sections": [{"heading": "检查内容", "points": [
               {"heading": "检查范围", "text": [{"table": small}, {"table": small}, "以上为重点。"]},
               {"heading": "检查方式", "items": ["自查。", "抽查。"], "after": [{"table": small}]}]}],
           "closing": "特此通知。", "signature": "清河县人民政府", "date": "2025-05-06",
           "attachments": [{"title": "检查表", "opening": [{"table": small}]}]}
    path = tmp_path / "n.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    target = build(tmp_path, path)
    body = docx.Document(str(target)).element.body
    assert len(body.findall(qn("w:tbl"))) == 4
    children = list(body)
    for a, b in zip(children, children[1:]):
        assert not (a.tag == b.tag == qn("w:tbl")), "two tables that touch are joined by Word"
    headings = [p.text for p in docx.Document(str(target)).paragraphs if p.text.startswith("（一）")]
    assert headings == ["（一）检查范围"]  # a heading is never run into a table


def test_hostile_cell_text_stays_text(tmp_path):
    table = {"header": ["<w:p>", "&amp;"], "rows": [["{{ p.text }}", "]]>\"'"]]}
    target = build(tmp_path, report(tmp_path, [{"heading": "基本情况", "paragraphs": [{"table": table}]}]))
    [t] = docx.Document(str(target)).tables
    assert [[c.text for c in r.cells] for r in t.rows] == [table["header"]] + table["rows"]


def test_column_widths_fill_the_text_block_and_short_columns_keep_their_width():
    rows = [["序号", "事项", "牵头单位"], ["1", "对全县范围内的水库、山塘、河道堤防进行拉网式排查" * 3, "县水利局"]]
    widths = column_widths(rows, 3)
    assert sum(widths) == TEXT_WIDTH and all(w >= MIN_COLUMN for w in widths)
    assert widths[1] > widths[2] > widths[0]
    assert sum(column_widths([["甲", "乙"]], 2)) == TEXT_WIDTH


def test_a_template_without_the_table_kind_fails_only_documents_with_tables(tmp_path):
    from gongwen.builder.templatemaker import document_xml, parts
    import zipfile

    old = tmp_path / "old.docx"
    template = parts("report")
    xml = document_xml({**__import__("gongwen.spec.gbt9704", fromlist=["x"]).DEFAULT_FACES}, "report")
    start = xml.index('{%p elif p.kind == "table" %}')
    start = xml.rfind("<w:p>", 0, start)
    end = xml.index("<w:p>", xml.index("</w:tbl>"))
    template["word/document.xml"] = xml[:start] + xml[end:]
    with zipfile.ZipFile(old, "w") as z:
        for name, data in template.items():
            z.writestr(name, data)
    plain = report(tmp_path, [{"heading": "基本情况", "paragraphs": ["没有表格。"]}], "plain")
    assert build_one(plain, tmp_path / "plain.docx", template=str(old)).ok
    with_table = report(tmp_path, [{"heading": "基本情况", "paragraphs": [{"table": TABLE}]}], "tabled")
    result = build_one(with_table, tmp_path / "tabled.docx", template=str(old))
    assert not result.ok and any("表格文字" in str(e) for e in result.errors)


def test_modify_style_restyles_table_cells(tmp_path):
    copy = tmp_path / "restyled.docx"
    shutil.copy(TEMPLATES / "report.docx", copy)
    document = docx.Document(str(copy))
    document.styles["表格文字"].font.size = Pt(12)
    document.styles["表格表头"].element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "方正黑体")
    document.save(str(copy))
    target = build(tmp_path, report(tmp_path, [{"heading": "基本情况", "paragraphs": [{"table": TABLE}]}]),
                   template=str(copy))
    parts = effective.load(target)
    resolver = effective.Resolver(parts)
    for p in effective.body_paragraphs(parts):
        if p.getparent().tag != f"{W}tc":
            continue
        sid, _ = resolver.para(p)
        for run in effective.text_runs(p, resolver):
            if resolver.style_name(sid) == "表格表头":
                assert run["eastAsia"] == ("name", "方正黑体")
            else:
                assert run["sz"] == 24


@needs_soffice
def test_a_long_table_repeats_its_header_on_the_next_page(tmp_path):
    if not shutil.which("pdftotext") and not REQUIRED:
        pytest.skip("pdftotext is not installed")
    rows = [[f"第{i}组", str(100 + i), f"{i}.5"] for i in range(1, 71)]
    table = {"caption": "表2　各组数据", "header": ["组别", "人数（人）", "比例（%）"], "rows": rows}
    target = build(tmp_path, report(tmp_path, [{"heading": "数据", "paragraphs": [{"table": table}, "以上为全部数据。"]}]))
    [result] = pdf.convert([target])
    assert result.ok, result.error
    text = subprocess.run(["pdftotext", "-layout", str(result.pdf), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    pages = [p.replace(" ", "") for p in text.split("\f")]
    with_rows = [p for p in pages if any(f"第{i}组" in p for i in range(1, 71))]
    assert len(with_rows) >= 2
    assert all("人数（人）" in p for p in with_rows)  # the header row on every page the table runs onto
    assert all(f"第{i}组" in "".join(pages) for i in range(1, 71))


def test_the_examples_hold_tables():
    for name in ("report", "notice"):
        assert "table:" in (CONTENT / f"{name}.yaml").read_text(encoding="utf-8")
