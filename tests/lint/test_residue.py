"""Draft residue (GW6xx): bracket placeholders, 某某, web-page chrome, Markdown, drafters' notes.

Each fault is found on the line it is on; the look-alike lines offices write on purpose are not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen.draft.read import read_source
from gongwen.draft.source import source_from_text
from gongwen.lint.engine import lint_source
from gongwen.settings import LintSettings

from tests.paths import CONTENT, SEED

RESIDUE = ("GW601", "GW602", "GW603", "GW609", "GW610", "GW611", "GW612", "GW613")
FAMILY = Path(__file__).resolve().parents[1] / "importer" / "family"


def _codes(text, fmt="txt", codes=RESIDUE):
    source = source_from_text(text, "draft." + fmt, fmt)
    return [(f.line, f.code) for f in lint_source(source, LintSettings(select=list(codes)))]


# A notice drafted from a template and pasted together from a web page: one fault per line.
FAULTY = """\
关于做好2024年汛期安全防范工作的通知
[主送单位]：
为切实做好今年汛期安全防范工作，现将有关事项通知如下。
一、全县共排查各类隐患[X]项，已整改[X]项。
（联系人：[联系人]，联系电话：[固定电话]）
请于【】前将排查情况报县应急管理局。
会议地点：［］
报送时间〔待定〕。
请×××同志作表态发言。
请某某同志负责会务保障。
由某某单位牵头，各乡镇配合。
（此处插入隐患排查统计表）
打印本页
关闭窗口
收藏
【字体：大 中 小】
文字解读
来源：清河县应急管理局　　浏览次数：1234
发布时间：2024-05-06 10:23
当前位置：首页 > 政务公开 > 通知公告
| 项目 | 金额 |
|---|---|
1. 加强组织领导，压实各级责任。
- 落实24小时值班制度。
各单位要**高度重视**汛期安全工作。
# 二、工作要求
目前这版内容还比较粗，数据还没有核对。
此处需补充近三年汛情数据。
请领导审阅后删除。
以下是为您起草的通知，希望对您有所帮助。
[发文单位]
[日期]
"""


def test_every_residue_line_is_found():
    lines = FAULTY.splitlines()
    found = {line for line, _ in _codes(FAULTY)}
    missed = [(n, lines[n - 1]) for n in range(2, len(lines) + 1)
              if lines[n - 1] not in ("为切实做好今年汛期安全防范工作，现将有关事项通知如下。",) and n not in found]
    assert missed == []
    assert 1 not in found and 3 not in found


@pytest.mark.parametrize("line, code", [
    ("[主送单位]：", "GW610"), ("全县共排查各类隐患[X]项。", "GW610"), ("联系电话：[固定电话]", "GW610"),
    ("会议时间：【】", "GW610"), ("会议地点：［］", "GW610"), ("签发日期：【日期】", "GW610"),
    ("定于X月X日召开全县防汛工作会议。", "GW602"), ("报送时间〔待定〕。", "GW603"), ("请于［待补充］前报送。", "GW603"),
    ("请某某同志发言。", "GW611"), ("关于某某同志任职的通知", "GW611"), ("某某某违规收受礼品。", "GW611"),
    ("打印本页　关闭窗口", "GW612"), ("【打印本页】【关闭窗口】", "GW612"), ("字号：大 中 小", "GW612"),
    ("上一篇：关于开展安全生产大检查的通知", "GW612"), ("点击数：2356", "GW612"),
    ("| 序号 | 项目名称 | 投资（万元） |", "GW609"), ("| --- | :---: |", "GW609"), ("2. 完善预警机制。", "GW609"),
    ("目前这一版材料还比较粗，请大家提意见。", "GW613"), ("（本段定稿时删除）", "GW613"),
    ("（这一段分管领导还没定，先按上季度的写法放着）", "GW613"), ("（数据等局务会开会后再改）", "GW613"),
    ("以上讲话稿仅供参考，可结合实际补充。", "GW613"),
    ("来源：清河县水利局　　发布时间：2024-06-03 08:45　　浏览次数：862", "GW612"),
    ("发布日期：2024-06-03　　来源：清河县人民政府办公室　　【字体：大 中 小】", "GW612"),
    ("相关链接：文字解读｜图片解读", "GW612"),
    ("如需进一步修改，请随时告诉我。", "GW613"), ("作为AI助手，我无法核实数据。", "GW613"),
])
def test_each_residue_shape(line, code):
    assert code in {c for _, c in _codes(line)}, line


@pytest.mark.parametrize("line", [
    "全面开展X射线设备安全检查。",
    "【编者按】今年以来，全县上下认真贯彻落实防汛工作部署。",
    "【新华社北京消息】",
    "根据清政发〔2024〕5号文件精神，结合实际，制定本方案。",
    "参见文献[1]和[2]。",
    "〔英〕赫胥黎著《天演论》。",
    "市委副书记　张某某",
    "经查，村民王某某未经批准擅自占用耕地。",
    "欧阳某某违规收受礼品。",
    "某公司未按规定报送安全生产台账。",
    "资料来源：清河县统计局。",
    "各单位要收藏好有关档案资料。",
    "请各单位于2024年5月6日前报送。",
    "部分乡镇应急管理还比较粗放。",
    "群众希望进一步完善配套设施。",
    "请领导审阅。",
    "以上数据仅供参考，以统计部门正式公布的为准。",
    "具体实施时间经县政府研究后再行确定。",
    "（三）政策问答和解读材料同步发布",
    "对违法违规信息，经审核后依法处理。",
    "1.加强组织领导，压实各级责任。",
    "附件：1. 清河县防汛应急预案",
    "发文字号用六角括号“〔〕”括入年份。",
    "是否参加：[ ]是　[ ]否",
    "（此件公开发布）",
    "【咨询电话】0571-88886666",
    "【办理时间】周一至周五9:00—17:00",
    "（三）政务网站点击量稳步增长",
    "填表说明：此处请填写单位全称。",
    "全县粮食播种面积稳定在80万亩以上，时间待定的项目另行通知。",
])
def test_look_alikes_are_not_residue(line):
    assert _codes(line) == [], line


def test_markdown_is_the_format_of_an_md_file():
    text = "# 关于做好汛期安全防范工作的通知\n\n| 项目 | 金额 |\n|---|---|\n\n1. 加强组织领导。\n\n要**高度重视**。\n"
    assert _codes(text, "md") == []


def _own_documents():
    paths = sorted(CONTENT.glob("*.yaml")) + sorted(FAMILY.glob("*.txt"))
    return paths + ([SEED] if SEED.exists() else [])


@pytest.mark.parametrize("path", _own_documents(), ids=lambda p: p.name)
def test_new_rules_keep_quiet_on_the_projects_own_documents(path):
    config = LintSettings(select=["GW609", "GW610", "GW611", "GW612", "GW613"])
    assert lint_source(read_source(str(path)), config) == []


def test_markdown_and_web_chrome_pasted_into_a_docx(tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    for text in ("关于做好汛期安全防范工作的通知", "| 项目 | 金额 |", "|---|---|", "1. 加强组织领导。", "打印本页　关闭窗口"):
        doc.add_paragraph(text)
    doc.add_paragraph("加强组织领导，压实责任。", style="List Number")  # Word's own numbering: not Markdown
    path = tmp_path / "draft.docx"
    doc.save(path)
    found = lint_source(read_source(str(path)), LintSettings(select=list(RESIDUE)))
    assert [(f.line, f.code) for f in found] == [(2, "GW609"), (3, "GW609"), (4, "GW609"), (5, "GW612")]


def test_a_long_line_of_buttons_and_words_is_read_in_one_pass():
    # a line of buttons is split on its separators, not matched by a pattern that could backtrack
    assert _codes("微信 微博 " * 9 + "和其他平台") == []
    assert _codes("微信 微博 " * 5) == [(1, "GW612")]
