"""The build pipeline: real .docx files read back (numbering, GB/T 9704 layout, literal text),
failed builds leave the old file, hand-edited output is not overwritten."""

import json
import zipfile

import docx
import pytest
from docx.shared import Mm, Pt
from lxml import etree

from gongwen.builder.pipeline import build_one, made_by_gongwen

from tests.builder import effective

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

FULL = """\
kind: speech
title: 在全县安全生产工作会议上的讲话
speaker: 县长　王某某
date: 2023-03-01
salutation: 同志们：
opening:
  - 今天召开会议。
sections:
  - heading: 统一思想
    paragraphs: 第一段。
    points:
      - heading: 强化组织领导
        text: 成立了领导小组。
      - heading: 完善制度体系
        points:
          - heading: 健全责任制
            text: [落实责任。, 第二段。]
            points:
              - heading: 明确清单
                text: 列出清单。
              - heading: 定期通报
      - heading: 加强考核
        run_in: false
        text: 考核正文。
  - heading: 明确任务
    items:
      - lead: 明确思路目标
        text: 《方案》提出了思路。
      - 把握核心要点，做好工作。
  - heading: 强化责任
    inline: true
    lead_in: 主要有：
    items: [甲, 乙；, {lead: 丙, text: 丙的内容。}]
  - heading: 落实措施
    series: 第一
    items: [第一项内容。, 第二项内容。]
closing: 同志们，加油！
"""

EXPECTED = [
    "在全县安全生产工作会议上的讲话", "县长　王某某", "（2023年3月1日）", "", "同志们：", "今天召开会议。",
    "一、统一思想", "第一段。", "（一）强化组织领导。成立了领导小组。", "（二）完善制度体系",
    "1.健全责任制。落实责任。", "第二段。", "（1）明确清单。列出清单。", "（2）定期通报",
    "（三）加强考核", "考核正文。",
    "二、明确任务", "一是明确思路目标。《方案》提出了思路。", "二是把握核心要点，做好工作。",
    "三、强化责任", "主要有：一是甲；二是乙；三是丙，丙的内容。",
    "四、落实措施", "第一，第一项内容。", "第二，第二项内容。",
    "同志们，加油！",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("build")
    src = tmp / "speech.yaml"
    src.write_text(FULL, encoding="utf-8")
    result = build_one(src, tmp / "speech.docx")
    assert result.ok, result.errors
    return tmp / "speech.docx"


def part(path, name):
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


def test_paragraphs_numbered_in_order(built):
    assert [p.text for p in docx.Document(built).paragraphs] == EXPECTED


def test_page_and_margins(built):
    section = docx.Document(built).sections[0]
    assert (section.page_width, section.page_height) == (Mm(210).emu // 635 * 635, Mm(297).emu // 635 * 635) or (
        abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1))
    for edge, mm in (("top_margin", 37), ("bottom_margin", 35), ("left_margin", 28), ("right_margin", 26)):
        assert abs(getattr(section, edge) - Mm(mm)) <= Mm(1), edge


def run_fonts(paragraph, resolver=None):
    """(eastAsia face, size in half-points, character spacing) of every run with text, through the
    style chain (the looks live in named styles)."""
    out = []
    for props in effective.text_runs(paragraph._p, resolver or effective.resolver_of(paragraph)):
        out.append((props["eastAsia"][1], str(props["sz"]),
                    str(props["spacing"]) if props.get("spacing") else None))
    return out


FACE_BY_TEXT = {
    "在全县": [("方正小标宋简体", "44", "-5")],  # the −0.25 pt of docDefaults, as before styles held the looks
    "一、统一": [("黑体", "32", "-5")],
    "（一）强化": [("楷体_GB2312", "32", "-5"), ("仿宋_GB2312", "32", "-5")],
    "（二）完善": [("楷体_GB2312", "32", "-5")],
    "1.健全": [("仿宋_GB2312", "32", "-5")] * 2,
    "（2）定期": [("仿宋_GB2312", "32", "-5")],
    "今天召开": [("仿宋_GB2312", "32", "-5")],
    "县长": [("楷体_GB2312", "32", "-5")],
}


def test_fonts_by_level(built):
    document = docx.Document(built)
    seen = set()
    for p in document.paragraphs:
        for start, expected in FACE_BY_TEXT.items():
            if p.text.startswith(start):
                assert run_fonts(p) == expected, p.text
                seen.add(start)
    assert seen == set(FACE_BY_TEXT)


def test_every_run_has_explicit_east_asian_font_and_no_theme(built):
    parts = effective.load(built)
    resolver = effective.Resolver(parts)
    paras = effective.body_paragraphs(parts)
    assert paras
    for p in paras:
        for props in effective.text_runs(p, resolver):  # the style chain names the face
            assert props["eastAsia"][0] == "name" and props["eastAsia"][1]
    with zipfile.ZipFile(built) as zf:
        for name in zf.namelist():
            if name.endswith(".xml"):
                assert b"Theme=" not in zf.read(name), name
        assert "word/theme/theme1.xml" not in zf.namelist()


def test_body_indent_line_pitch_and_alignment(built):
    document = docx.Document(built)
    body = [p for p in document.paragraphs if p.style.name in ("正文", "二级标题段", "分项段", "一级标题")]
    assert body
    for p in body:
        fmt = p.style.paragraph_format  # the style holds it; the paragraph sets nothing itself
        assert p.paragraph_format.first_line_indent is None and p.paragraph_format.line_spacing is None
        assert fmt.first_line_indent == Pt(32), p.text
        assert fmt.line_spacing == Pt(28.95) and fmt.line_spacing_rule == 4, p.text  # EXACTLY
    title = document.paragraphs[0]
    assert title.style.paragraph_format.alignment == 1  # centre


def test_page_numbers_odd_right_even_left(built):
    settings = part(built, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    document = part(built, "word/document.xml")
    refs = {ref.get(f"{{{W}}}type"): ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            for ref in document.iter(f"{{{W}}}footerReference")}
    assert set(refs) == {"default", "even"}
    rels = part(built, "word/_rels/document.xml.rels")
    target = {r.get("Id"): r.get("Target") for r in rels}
    for kind, align, side in (("default", "right", "right"), ("even", "left", "left")):
        footer = part(built, "word/" + target[refs[kind]])
        p = footer.find("w:p", NS)
        assert p.find("w:pPr/w:jc", NS).get(f"{{{W}}}val") == align
        assert p.find("w:pPr/w:ind", NS).get(f"{{{W}}}{side}") == "280"  # one 14 pt character
        text = "".join(t.text for t in p.iter(f"{{{W}}}t"))
        assert text == "— 1 —"
        assert "PAGE" in "".join(p.itertext())
        for rpr in p.iter(f"{{{W}}}rPr"):
            assert rpr.find("w:rFonts", NS).get(f"{{{W}}}eastAsia") == "宋体"
            assert rpr.find("w:sz", NS).get(f"{{{W}}}val") == "28"


def test_output_marked_as_gongwen(built):
    assert made_by_gongwen(built)
    assert docx.Document(built).core_properties.title == "在全县安全生产工作会议上的讲话"


HOSTILE = ['<w:p>&amp;</w:p>', "A & B < C > D", "]]>", "{{ paragraphs }}", "{% for x in y %}",
           "{%p endfor %}", "{# c #}", '"\'']


def test_hostile_text_is_literal(tmp_path):
    items = "\n".join(f"      - {json.dumps(t, ensure_ascii=False)}" for t in HOSTILE)
    src = tmp_path / "h.yaml"
    src.write_text(f"kind: speech\ntitle: 讲话\nsections:\n  - heading: '{{{{ x }}}}'\n    paragraphs:\n{items}\n",
                   encoding="utf-8")
    result = build_one(src, tmp_path / "h.docx")
    assert result.ok, result.errors
    texts = [p.text for p in docx.Document(tmp_path / "h.docx").paragraphs]
    assert texts[2] == "一、{{ x }}"
    assert texts[3:] == HOSTILE


def test_bad_content_leaves_no_output_and_keeps_old_file(tmp_path):
    src = tmp_path / "bad.yaml"
    src.write_text("kind: speech\ntitle: 讲话\nsectoins: []\n", encoding="utf-8")
    result = build_one(src, tmp_path / "bad.docx")
    assert not result.ok and not (tmp_path / "bad.docx").exists()
    (tmp_path / "old.docx").write_bytes(b"old")
    import os
    os.utime(tmp_path / "old.docx", (1, 1))
    result = build_one(src, tmp_path / "old.docx")
    assert (tmp_path / "old.docx").read_bytes() == b"old"
    assert list(tmp_path.glob(".*tmp")) == []


def test_hand_edited_output_is_not_overwritten(tmp_path, built):
    import os
    import shutil
    src = tmp_path / "s.yaml"
    src.write_text(FULL, encoding="utf-8")
    target = tmp_path / "s.docx"
    shutil.copy(built, target)
    # An edited file: newer than its content and without gongwen's property.
    with zipfile.ZipFile(built) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            if item.filename != "docProps/custom.xml":
                zout.writestr(item, zin.read(item))
    os.utime(src, (1, 1))
    before = target.read_bytes()
    result = build_one(src, target)
    assert not result.ok and "--force" in result.errors[0]
    assert target.read_bytes() == before
    assert build_one(src, target, force=True).ok
    assert build_one(src, target).ok  # ours now: rebuilt freely


def test_numbering_past_ten(tmp_path):
    sections = "\n".join(f"  - heading: 部分{n}\n    items: [{', '.join(f'项{i}' for i in range(1, 13))}]"
                         for n in range(1, 23))
    src = tmp_path / "many.yaml"
    src.write_text(f"kind: speech\ntitle: 讲话\nsections:\n{sections}\n", encoding="utf-8")
    assert build_one(src, tmp_path / "many.docx").ok
    texts = [p.text for p in docx.Document(tmp_path / "many.docx").paragraphs]
    heads = [t for t in texts if t.startswith("部分") is False and "、部分" in t]
    assert heads[9:12] == ["十、部分10", "十一、部分11", "十二、部分12"]
    assert heads[19:22] == ["二十、部分20", "二十一、部分21", "二十二、部分22"]
    items = texts[texts.index("十一、部分11") + 1: texts.index("十二、部分12")]
    assert items[9:] == ["十是项10", "十一是项11", "十二是项12"]
