"""The red-header rules (GW816–GW825) on red-header documents made by hand in the shapes
offices use: well-made ones give no finding, faulty ones give the finding at the right paragraph."""

import pytest

from gongwen.draft.read import read_source
from gongwen.lint.engine import lint_source
from gongwen.lint.registry import all_rules

from tests.lint.redhead_docs import (FANG, HEI, TABLE_GRID, body, border, docx, drawn_line, issuer, label, p,
                                     record_paragraphs, record_table, right_text, run, section_break, text_box, title)

LAYOUT = [r for r in all_rules() if r.code.startswith("GW8")]
RED = [r for r in LAYOUT if "GW816" <= r.code <= "GW825"]
MM35 = 1984  # 35 mm in twips


def h1(text):
    return p(run(text, HEI), "both", '<w:ind w:firstLine="640"/>')


NOTICE_BODY = (
    title("清河县人民政府关于做好2024年春季森林防火工作的通知")
    + p("各乡镇人民政府，县直各有关单位：")
    + body("当前已进入春季森林防火关键期，气温回升快，降水偏少，野外用火明显增多，防火形势严峻。"
           "为切实做好今年春季森林防火工作，现将有关事项通知如下。")
    + h1("一、压实防火责任")
    + body("各乡镇要落实行政首长负责制，把防火责任分解到村、到山头地块，确保每一片林区都有人管、有人守。")
    + h1("二、严控野外火源")
    + body("清明节前后要在重点路口设立检查站，严禁携带火种进山，对违规用火行为依法从严查处。")
    + body("附件：1.清河县2024年春季森林防火重点区域")
    + p("2.清河县森林防火值班安排表", "both", '<w:ind w:left="1600"/>')
)
CLOSING = p() + right_text("清河县人民政府") + right_text("2024年3月5日")
ATTACHMENTS = (
    label("附件1", brk="run") + p() + title("清河县2024年春季森林防火重点区域")
    + body("城关镇东山林场、清水镇北岭林区、马坊乡西沟水源涵养林等九处为今年春季防火重点区域。")
    + section_break() + label("附件2", brk="none") + p() + title("清河县森林防火值班安排表")
    + body("防火期内县森林防火指挥部办公室实行二十四小时值班，值班电话为0316-5512119。")
)
CC = "抄送：县委办公室，县人大常委会办公室，县政协办公室，县人武部。"
PRINTED = "清河县人民政府办公室\t2024年3月5日印发"


def notice_with_table_record():
    """WPS-style: blank lines and space before push the 标志 down, the red line is the bottom
    border of an empty paragraph, the 版记 a table after blank lines."""
    head = (p() + p() + issuer("清河县人民政府文件", before=MM35 - 2 * 579) + p()
            + p("清政发〔2024〕5号", "center") + p("", "center", f'<w:pBdr>{border("bottom", 12, "FF0000")}</w:pBdr>'))
    return docx(head + p() + NOTICE_BODY + CLOSING + ATTACHMENTS + p() + p() + record_table(CC, PRINTED) + p())


def request_with_drawn_line():
    """A 请示: the 标志 in a text box 35 mm down, 发文字号 and 签发人 on one line, the red line
    drawn as a shape, the 版记 in frames at the bottom as gongwen writes it."""
    mark = text_box(p(run("清河县应急管理局文件", "方正小标宋简体", 60, "FF0000", 0), "center", line=""), 1260000)
    number = p(run("清应急〔2024〕9号\t签发人：王立新") + drawn_line(), "left",
               '<w:ind w:left="320"/><w:tabs><w:tab w:val="right" w:pos="8525"/></w:tabs>')
    request_body = (title("关于申请拨付森林防火专项经费的请示") + p("县人民政府：")
                    + body("为做好今年春季森林防火工作，我局拟购置风力灭火机二十台、对讲机四十部，"
                           "共需经费四十六万元。妥否，请批示。"))
    closing = p() + right_text("清河县应急管理局") + right_text("2024年3月1日")
    note = p("（联系人：刘敏，电话：5512306）", "both", '<w:ind w:firstLine="640"/>')
    record = record_paragraphs("抄送：县财政局。", "清河县应急管理局办公室\t2024年3月1日印发",
                               border("top", 8) + border("bottom", 4), border("bottom", 8))
    return docx(p(mark) + p() + p() + p() + number + p() + request_body + closing + note + record)


def joint_issuers():
    """Two issuers stacked in a table, 文件 beside them; the 版记 in a positioned table."""
    cell = '<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{m}</w:tcPr>{p}</w:tc>'
    name = lambda t: p(run(t, "方正小标宋简体", 52, "FF0000", 0), "distribute", line="")  # noqa: E731
    wen = p(run("文件", "方正小标宋简体", 52, "FF0000", 0), "center", line="")
    table = ('<w:tbl><w:tblPr><w:tblW w:w="8845" w:type="dxa"/><w:jc w:val="center"/></w:tblPr><w:tblGrid>'
             '<w:gridCol w:w="6800"/><w:gridCol w:w="2045"/></w:tblGrid>'
             '<w:tr>' + cell.format(w=6800, m="", p=name("清河县人民政府"))
             + cell.format(w=2045, m='<w:vMerge w:val="restart"/><w:vAlign w:val="center"/>', p=wen) + '</w:tr>'
             '<w:tr>' + cell.format(w=6800, m="", p=name("中共清河县委办公室"))
             + cell.format(w=2045, m="<w:vMerge/>", p=p("", line="")) + '</w:tr></w:tbl>')
    head = table + p() + p("清政发〔2024〕7号", "center", f'<w:pBdr>{border("bottom", 12, "C00000")}</w:pBdr>')
    position = '<w:tblpPr w:vertAnchor="margin" w:horzAnchor="margin" w:tblpYSpec="bottom"/>'
    return docx(head + p() + NOTICE_BODY + CLOSING + ATTACHMENTS + record_table(CC, PRINTED, position=position) + p())


def letter():
    """信函格式: the 标志 30 mm from the paper's top in a frame, a red double line under it, the
    发文字号 flush right, a 版记 of one 抄送 line without lines."""
    frame_ppr = ('<w:framePr w:w="8845" w:wrap="notBeside" w:vAnchor="page" w:hAnchor="margin" w:y="1701"/>'
                 f'<w:pBdr>{border("bottom", 24, "FF0000", "thickThinSmallGap")}</w:pBdr>')
    head = issuer("清河县人民政府办公室", ppr=frame_ppr) + p("清政办函〔2024〕8号", "right")
    letter_body = (title("关于商请支持清河县森林防火物资储备库建设的函") + p("市应急管理局：")
                   + body("为提升森林火灾应急处置能力，我县拟在马坊乡建设森林防火物资储备库，"
                          "恳请贵局在项目立项和资金安排上给予支持。"))
    closing = p() + right_text("清河县人民政府办公室") + right_text("2024年3月8日")
    cc = p(run("抄送：县应急管理局。", FANG, 28, spacing=0), "left", '<w:ind w:left="280" w:right="280"/>'
           '<w:framePr w:wrap="around" w:vAnchor="margin" w:hAnchor="margin" w:yAlign="bottom"/>', line="")
    return docx(head + p() + letter_body + closing + cc)


def minutes():
    """纪要格式: a red 纪要标志 and an issue line, no 发文字号 and no separator."""
    head = issuer("清河县人民政府常务会议纪要", before=MM35) + p("第5期", "center")
    minutes_body = (p() + body("2024年3月4日，县长周文博主持召开县政府第25次常务会议，研究春季森林防火等工作。"
                               "现纪要如下。")
                    + h1("一、关于春季森林防火工作")
                    + body("会议听取了县应急管理局关于春季森林防火工作的汇报，同意所提工作安排。")
                    + p(run("出席：", HEI) + run("周文博　李国强　张海燕　王立新"), "both", '<w:ind w:firstLine="640"/>'))
    return docx(head + minutes_body + p() + p() + record_table("抄送：县委办公室。", PRINTED) + p())


def header_line():
    """The red line drawn in the page header instead of the body."""
    head = issuer("清河县人民政府文件", before=MM35) + p() + p("清政发〔2024〕6号", "center")
    return docx(head + p() + NOTICE_BODY + CLOSING + ATTACHMENTS + p() + record_table(CC, PRINTED),
                header=p(drawn_line(offset=2400000), line=""))


WELL_MADE = [notice_with_table_record, request_with_drawn_line, joint_issuers, letter, minutes, header_line]


def _source(data, tmp_path, name="t.docx"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_source(str(path))


@pytest.mark.parametrize("make", WELL_MADE, ids=lambda f: f.__name__)
def test_well_made_red_header_documents_have_no_layout_finding(make, tmp_path):
    # a 纪要's issue line (第5期) is read as its title by draft.roles: only the red-header rules there
    found = lint_source(_source(make(), tmp_path), rules=RED if make is minutes else LAYOUT)
    assert found == [], [(f.line, f.code, f.message) for f in found]


# --- faulty documents: the finding, at its paragraph --------------------------------------------

GOOD_HEAD = (issuer("清河县人民政府文件", before=MM35) + p()
             + p("清政发〔2024〕5号", "center", f'<w:pBdr>{border("bottom", 12, "FF0000")}</w:pBdr>') + p())


def notice(head=GOOD_HEAD, closing=CLOSING, attachments=ATTACHMENTS, record=None, styles=""):
    record = p() + record_table(CC, PRINTED) + p() if record is None else record
    return docx(head + NOTICE_BODY + closing + attachments + record, styles=styles)


FAULTY = [
    ("black 标志", notice(head=GOOD_HEAD.replace('w:val="FF0000"/><w:sz w:val="60"', 'w:val="000000"/><w:sz w:val="60"')),
     "GW816", "清河县人民政府文件"),
    ("标志 at the top of the page", notice(head=GOOD_HEAD.replace(f'w:before="{MM35}"', 'w:before="0"')),
     "GW817", "清河县人民政府文件"),
    ("black drawn line", notice(head=issuer("清河县人民政府文件", before=MM35) + p()
                                + p(run("清政发〔2024〕5号") + drawn_line("000000"), "center") + p()),
     "GW818", "清政发〔2024〕5号"),
    ("no separator", notice(head=issuer("清河县人民政府文件", before=MM35) + p() + p("清政发〔2024〕5号", "center")),
     "GW818", "清政发〔2024〕5号"),
    ("发文字号 flush left", notice(head=issuer("清河县人民政府文件", before=MM35) + p() + p(
        "清政发〔2024〕5号", "left", f'<w:pBdr>{border("bottom", 12, "FF0000")}</w:pBdr>') + p()),
     "GW819", "清政发〔2024〕5号"),
    ("署名 pushed right with spaces", notice(closing=p() + p("\u3000" * 18 + "清河县人民政府")
                                             + p("\u3000" * 18 + "2024年3月5日")),
     "GW820", "\u3000" * 18 + "2024年3月5日"),
    ("附件 on the same page, in 仿宋", notice(attachments=label("附件", font=FANG, brk="none") + p()
                                              + title("清河县2024年春季森林防火重点区域")
                                              + body("城关镇东山林场等九处为今年春季防火重点区域。")),
     "GW821", "附件"),
    ("版记 in a Table Grid table", notice(record=p() + record_table(CC, PRINTED, style="TableGrid") + p(),
                                          styles=TABLE_GRID),
     "GW822", CC),
    ("版记 paragraphs boxed together", notice(record=p() + record_paragraphs(CC, PRINTED, border("top", 8) + border(
        "bottom", 8), border("top", 8) + border("bottom", 8), framed=False)), "GW822", PRINTED),
    ("附件 after the 版记", notice(attachments="", record=p() + record_table(CC, PRINTED) + ATTACHMENTS),
     "GW823", PRINTED),
    ("版记 right under the date", notice(attachments="", record=record_table(CC, PRINTED) + p()), "GW823", CC),
    ("抄送 without 。 in 三号", notice(record=p() + record_paragraphs(
        "抄送：县委办公室", PRINTED, border("top", 8) + border("bottom", 4), border("bottom", 8)).replace(
        'w:val="28"', 'w:val="32"', 2)), "GW824", "抄送：县委办公室"),
    ("印发 date pushed with spaces", notice(record=p() + record_table(CC, PRINTED.replace("\t", "\u3000" * 9)) + p()),
     "GW825", PRINTED.replace("\t", "\u3000" * 9)),
]


@pytest.mark.parametrize("name, data, code, text", FAULTY, ids=[f[0] for f in FAULTY])
def test_faulty_red_header_documents_give_the_finding_at_its_paragraph(name, data, code, text, tmp_path):
    src = _source(data, tmp_path)
    lines = [para.line for para in src.paras if para.text == text]
    assert lines, [para.text for para in src.paras]
    found = [(f.line, f.code) for f in lint_source(src, rules=RED)]
    assert (lines[0], code) in found, (found, [f.message for f in lint_source(src, rules=RED)])
    assert {c for _, c in found} == {code}, [(f.code, f.message) for f in lint_source(src, rules=RED)]


def test_a_missing_line_is_reported_unless_a_picture_may_hold_it(tmp_path):
    """A 版头 drawn as a picture cannot be read: no "missing line" then (the page header's
    line counts: header_line() above)."""
    head = issuer("清河县人民政府文件", before=MM35) + p() + p("清政发〔2024〕6号", "center")
    bare = docx(head + p() + NOTICE_BODY)
    assert [f.code for f in lint_source(_source(bare, tmp_path), rules=RED)] == ["GW818"]
    picture = docx(head + p('<w:r><w:drawing><pic:pic xmlns:pic="http://schemas.openxmlformats'
                                                       '.org/drawingml/2006/picture"/></w:drawing></w:r>', "center")
                   + NOTICE_BODY)
    assert lint_source(_source(picture, tmp_path, "p.docx"), rules=RED) == []
