"""Word numbering (numbering.xml): the labels Word shows in front of numbered paragraphs."""

from __future__ import annotations

import pytest

from gongwen.ooxml.numbering import format_number

from tests.tinydocx import OUTLINE, abstract, docx_paras, num, numbered, p


def test_numbering_labels_levels_and_restarts(tmp_path):
    body = (numbered("总体要求", ilvl=0) + numbered("加强领导", ilvl=1) + numbered("明确责任", ilvl=2)
            + numbered("细化措施", ilvl=3) + numbered("落实到位", ilvl=3) + numbered("压实责任", ilvl=1)
            + p("正文") + numbered("主要任务", ilvl=0) + numbered("第一项", ilvl=1))
    for _ in range(9):
        body += numbered("凑数", ilvl=0)
    paras = docx_paras(tmp_path, body, numbering=OUTLINE + num(1, 0))
    labels = [q.text[: q.label_len] for q in paras]
    assert labels[:9] == ["一、", "（一）", "1.", "（1）", "（2）", "（二）", "", "二、", "（一）"]
    assert labels[-2:] == ["十、", "十一、"]
    assert paras[0].text == "一、总体要求" and paras[0].label_len == 2


def test_start_values_and_overrides(tmp_path):
    numbering = (abstract(0, ("chineseCounting", "%1、", 3), ("decimal", "%1.%2"))
                 + num(1, 0) + num(2, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
                 + num(3, 0, '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="5"/>'
                             '<w:numFmt w:val="decimal"/><w:lvlText w:val="第%1条"/></w:lvl></w:lvlOverride>'))
    body = (numbered("甲", 1) + numbered("乙", 1) + numbered("乙一", 1, 1) + numbered("丙", 2)
            + numbered("丁", 3) + numbered("无", "0"))
    labels = [q.text[: q.label_len] for q in docx_paras(tmp_path, body, numbering=numbering)]
    assert labels == ["三、", "四、", "四.1", "一、", "第5条", ""]  # %1 keeps level 1’s format


def test_numbering_through_the_paragraph_style(tmp_path):
    styles = ('<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
              '</w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/>'
              '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    body = (numbered("一", None, style="H1") + numbered("二", None, style="H2")
            + numbered("三", None, style="H1b") + numbered("无编号", "0", style="H1"))
    labels = [q.text[: q.label_len] for q in docx_paras(tmp_path, body, numbering=OUTLINE + num(1, 0), styles=styles)]
    assert labels == ["一、", "（一）", "二、", ""]


def test_bullets_have_no_label_and_legal_numbering(tmp_path):
    numbering = (abstract(0, ("bullet", "\uf0b7")) + num(1, 0)
                 + '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/>'
                   '<w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:isLgl/><w:numFmt w:val="decimal"/>'
                   '<w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>' + num(2, 1))
    body = numbered("点", 1) + numbered("章", 2) + numbered("节", 2, 1)
    paras = docx_paras(tmp_path, body, numbering=numbering)
    assert [q.text for q in paras] == ["点", "一、章", "1.1节"]


@pytest.mark.parametrize("fmt, n, shown", [
    ("decimal", 12, "12"), ("chineseCounting", 11, "十一"), ("chineseCounting", 20, "二十"),
    ("chineseCountingThousand", 105, "一百零五"), ("ideographTraditional", 3, "丙"),
    ("ideographZodiac", 2, "丑"), ("chineseLegalSimplified", 12, "拾贰"),
    ("decimalEnclosedCircle", 3, "③"), ("decimalEnclosedCircleChinese", 21, "21"),
    ("decimalFullWidth", 12, "１２"), ("upperRoman", 14, "XIV"), ("lowerLetter", 28, "bb"),
    ("decimalZero", 7, "07"), ("ideographDigital", 10, "一〇"), ("none", 4, ""), ("weird", 4, "4"),
])
def test_number_formats(fmt, n, shown):
    assert format_number(n, fmt) == shown
