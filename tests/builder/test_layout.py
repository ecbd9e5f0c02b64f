"""The red-header layout (gongwen.builder.layout): what goes where, read from the paragraphs it
makes and from the .docx built from them.  Positions on the page are measured in
test_redhead_pdf.py."""

from __future__ import annotations

import zipfile

import pytest
import yaml

from gongwen.builder.layout import paragraphs
from gongwen.builder.titles import PER_LINE, shape as title_lines, width
from gongwen.builder.pages import cells
from gongwen.builder.pipeline import build_one
from gongwen.content.loader import loads
from gongwen.spec.gbt9704 import BODY_CHAR, RED

BASE = {"kind": "通知", "title": "关于做好防汛工作的通知", "issuer": "清河县人民政府办公室",
        "doc_number": "清政办发〔2025〕8号", "recipients": "各乡镇人民政府", "opening": "现就有关事项通知如下。",
        "closing": "特此通知。", "date": "2025-06-01"}


def laid(**changes):
    data = {**BASE, **changes}
    return paragraphs(loads(yaml.safe_dump({k: v for k, v in data.items() if v is not None}, allow_unicode=True)))


def of(paras, kind):
    return [p for p in paras if p["kind"] == kind]


def test_head_in_reading_order_with_mark_spacer_and_separator():
    paras = laid(copy_number="12", secrecy="秘密", urgency="加急")
    kinds = [p["kind"] for p in paras]
    assert kinds[:5] == ["copyno", "secrecy", "urgency", "spacer", "mark"]
    assert paras[0]["text"] == "000012"  # 份号: six digits
    assert of(paras, "mark")[0]["text"] == "清河县人民政府办公室文件"
    assert kinds[kinds.index("mark") + 1: kinds.index("docno")] == ["blank", "blank"]
    docno = kinds.index("docno")
    assert kinds[docno + 1: docno + 4] == ["blank", "blank", "title"]  # title two lines below the separator
    assert of(paras, "recipient")[0]["text"] == "各乡镇人民政府："


def test_the_mark_is_35_mm_below_the_text_top_whatever_stands_above_it():
    plain, full = laid(), laid(copy_number="1", secrecy="机密★1年", urgency="特急")
    assert int(of(plain, "spacer")[0]["height"]) - int(of(full, "spacer")[0]["height"]) == 3 * 579


def test_upward_documents_put_the_number_left_and_signers_right():
    paras = laid(kind="请示", signers=["王建国", "李文", "赵刚"], recipients="清河县人民政府")
    [signer] = of(paras, "signer")
    [up] = of(paras, "docnoup")
    assert signer["label"] == "签发人：" and signer["text"] == "王建国　李文"
    assert up["text"] == "清政办发〔2025〕8号" and up["names"] == "赵刚" and up["label"] == ""
    assert not of(paras, "docno")


def test_a_request_has_one_recipient():
    with pytest.raises(Exception) as info:
        laid(kind="请示", recipients=["清河县人民政府", "江州市水利局"])
    assert "只写一个主送机关" in str(info.value)


def test_letter_format_has_its_own_mark_lines_and_no_printed_line():
    paras = laid(kind="函", cc="江州市财政局", printer="清河县人民政府办公室", printed="2025-06-01")
    assert of(paras, "lettermark")[0]["text"] == "清河县人民政府办公室"  # no 文件
    assert [p["style"] for p in of(paras, "letterline")] == ["thickThinSmallGap", "thinThickSmallGap"]
    assert of(paras, "docnoright") and not of(paras, "docno") and not of(paras, "printed")
    assert not of(paras, "recordline")  # 信函: the 版记 has no lines
    assert of(paras, "record")[0]["text"] == "抄送：江州市财政局。"


def test_recipients_typed_as_one_string_keep_their_commas():
    paras = laid(recipients="各乡镇人民政府，县政府各部门，各有关单位")
    assert of(paras, "recipient")[0]["text"] == "各乡镇人民政府，县政府各部门，各有关单位："
    with pytest.raises(Exception):
        laid(kind="请示", recipients="清河县人民政府，江州市水利局")


def test_a_title_cited_inside_a_cited_title_takes_angle_brackets():
    paras = laid(kind="批复", reply_to={"title": "关于提请审批《清河县规划》的请示"}, opening="同意。")
    assert of(paras, "body")[0]["text"] == "《关于提请审批〈清河县规划〉的请示》收悉。同意。"


def test_reply_cites_the_incoming_document_title_first():
    paras = laid(kind="批复", reply_to={"title": "关于修建村级文化广场的请示", "number": "清农[2025]第05号"},
                 opening="经研究，同意你镇修建村级文化广场。")
    assert of(paras, "body")[0]["text"] == "《关于修建村级文化广场的请示》（清农〔2025〕5号）收悉。经研究，同意你镇修建村级文化广场。"


def test_articles_number_on_through_chapters_with_points():
    paras = laid(kind="办法", opening=None, closing=None, chapters=[
        {"heading": "总则", "articles": ["为了规范管理，制定本办法。", "本办法适用于全县。"]},
        {"heading": "附则", "articles": [{"text": "有下列情形之一的，不予补助：", "points": ["材料不实的", "逾期申报的"]}]}])
    assert [p["text"] for p in of(paras, "chapter")] == ["第一章　总则", "第二章　附则"]
    assert [p["heading"] for p in of(paras, "article")] == ["第一条　", "第二条　", "第三条　"]
    assert [p["text"] for p in of(paras, "body")][-2:] == ["（一）材料不实的", "（二）逾期申报的"]


def test_attachment_note_aligns_wrapped_names_and_attachments_get_pages():
    paras = laid(attachments=[{"title": "防汛值班表", "opening": "见下。"}, "防汛物资清单"])
    first, second = of(paras, "attachnote")
    assert first["text"] == "附件：1.防汛值班表" and second["text"] == "2.防汛物资清单"
    assert int(first["left"]) - int(first["hanging"]) == 2 * BODY_CHAR  # two characters in
    assert first["left"] == second["left"]  # names start at the same place
    assert int(second["left"]) - int(second["hanging"]) == 5 * BODY_CHAR  # 2. under 1.
    assert [p["text"] for p in of(paras, "attachlabel")] == ["附件1"]  # only attachments with a body
    assert of(paras, "attachtitle")[0]["text"] == "防汛值班表"


@pytest.mark.parametrize("seal,blanks", [(None, 2), (False, 1)])
def test_signature_with_and_without_seal(seal, blanks):
    paras = laid(seal=seal, signature="清河县人民政府办公室")
    kinds = [p["kind"] for p in paras]
    at = kinds.index("signature")
    assert kinds[at - blanks: at] == ["blank"] * blanks and kinds[at - blanks - 1] != "blank"
    name, date = paras[at], paras[at + 1]
    if seal is None:  # 成文日期 four characters in, the name centred over it
        assert date["right"] == str(4 * BODY_CHAR)
        centre = lambda p: int(p["right"]) / BODY_CHAR + cells(p["text"]) / 2  # noqa: E731
        assert abs(centre(name) - centre(date)) < 0.01
    else:  # name two in; the date starts two characters right of the name
        assert name["right"] == str(2 * BODY_CHAR)
        start = lambda p: -int(p["right"]) / BODY_CHAR - cells(p["text"])  # noqa: E731
        assert start(date) - start(name) == 2


def test_record_rows_lines_and_the_even_page():
    paras = laid(cc=["县委办公室", "县人大常委会办公室"], printer="清河县人民政府办公室", printed="2025-06-01")
    kinds = [p["kind"] for p in paras]
    assert kinds[-6:] == ["pagebreak", "recordline", "recordline", "recordline", "record", "printed"]
    lines = of(paras, "recordline")
    assert int(lines[-1]["y"]) == 12756 * 635  # the last line on the text block's bottom edge
    assert [int(p["weight"]) for p in lines] == [12700, 9525, 12700]  # thick, thin, thick
    assert of(paras, "printed")[0]["date"] == "2025年6月1日印发"


def test_a_long_recipient_list_moves_to_the_record():
    many = [f"清河县第{n}片区乡镇人民政府及其所属各事业单位" for n in range(1, 40)]
    paras = laid(recipients=many, cc="县委办公室")
    assert not of(paras, "recipient")
    assert of(paras, "record")[0]["text"].startswith("主送：清河县第1片区")


def test_titles_break_into_balanced_lines_without_splitting_words():
    assert title_lines("关于做好防汛工作的通知") == ["关于做好防汛工作的通知"]
    assert title_lines("清河县人民政府关于《清河县高标准农田建设规划（2024—2030年）》的批复") == [
        "清河县人民政府关于", "《清河县高标准农田建设规划", "（2024—2030年）》的批复"]  # not inside （）: a diamond
    assert title_lines("关于加快推进农村寄递物流体系建设的实施意见") == ["关于加快推进农村", "寄递物流体系建设的实施意见"]
    assert title_lines("清河县农村生活污水治理提升行动方案（2024—2026年）")[1] == "行动方案（2024—2026年）"
    assert all(width(line) <= PER_LINE for line in title_lines("清河县人民政府关于进一步加强和改进新时代基层社会治理"
                                                               "推动乡村振兴战略全面落地见效的实施意见"))


def test_built_docx_has_a_red_mark_a_red_separator_and_framed_record(tmp_path):
    source = tmp_path / "n.yaml"
    source.write_text(yaml.safe_dump({**BASE, "cc": "县委办公室", "printer": "县政府办公室", "printed": "2025-06-01"},
                                     allow_unicode=True), encoding="utf-8")
    assert build_one(source, tmp_path / "n.docx").ok
    xml = zipfile.ZipFile(tmp_path / "n.docx").read("word/document.xml").decode("utf-8")
    styles = zipfile.ZipFile(tmp_path / "n.docx").read("word/styles.xml").decode("utf-8")
    assert f'<w:color w:val="{RED}"/>' in styles and "清河县人民政府办公室文件" in xml  # the 标志's style is red
    assert f'w:color="{RED}"/></w:pBdr>' in xml  # the separator under the 发文字号
    assert xml.count('w:vAnchor="margin"') == 2  # the 版记 rows, framed at the bottom
    assert "{{" not in xml and "{%" not in xml


def test_signature_stamp_keeps_its_room_four_characters_in():
    paras = laid(seal="签名章", signature="县长")
    kinds = [p["kind"] for p in paras]
    at = kinds.index("signature")
    assert kinds[at - 2: at] == ["blank", "blank"] and kinds[at + 1: at + 3] == ["blank", "issuedate"]
    assert paras[at]["text"].startswith("县长　　") and paras[at]["right"] == paras[at + 2]["right"] == str(4 * BODY_CHAR)
