"""Precision: real documents give exactly their real faults, and correct ones give none."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from gongwen.settings import LintSettings

from gongwen.lint.engine import lint_source

from gongwen.draft.read import read_source as load_source

from gongwen.draft.source import source_from_text

from tests.paths import CONTENT, SEED


# The seed speech has two kinds of real fault: half-width commas in its first paragraph and
# ``*`` placeholders for figures and place names.  Nothing else in it is wrong.
SEED_FINDINGS = [
    (2, 117, "GW401"), (2, 123, "GW401"), (2, 129, "GW401"), (2, 141, "GW401"),
    (6, 101, "GW601"), (6, 121, "GW601"), (6, 198, "GW601"),
    (7, 52, "GW601"), (7, 61, "GW601"), (7, 105, "GW601"), (7, 118, "GW601"), (7, 129, "GW601"),
    (7, 149, "GW601"), (7, 177, "GW601"), (7, 179, "GW601"), (7, 191, "GW601"), (7, 202, "GW601"),
    (9, 22, "GW601"), (10, 179, "GW601"), (10, 303, "GW601"), (12, 268, "GW601"), (12, 330, "GW601"),
]


@pytest.mark.skipif(not SEED.exists(), reason="shared seed example not present")
def test_seed_speech_gives_exactly_its_real_faults():
    source = load_source(str(SEED))
    found = [(f.line, f.column, f.code) for f in lint_source(source)]
    assert found == SEED_FINDINGS
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for line, column, code in found:
        assert lines[line - 1][column - 1] == ("," if code == "GW401" else "*")


@pytest.mark.skipif(not SEED.exists(), reason="shared seed example not present")
def test_seed_speech_once_filled_in_is_clean():
    text = SEED.read_text(encoding="utf-8").replace(",", "，").replace("*%", "12%").replace("*", "清河")
    assert lint_source(source_from_text(text, "seed.txt")) == []


CONTENT_FILES = sorted(CONTENT.glob("*.yaml"))


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: p.name)
def test_content_examples_are_clean(path):
    source = load_source(str(path))
    assert len(source.paras) > 20
    assert [(f.line, f.code, f.message) for f in lint_source(source)] == []


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from gongwen.api import build

    out = tmp_path_factory.mktemp("built")
    results = build([str(p) for p in CONTENT_FILES], out)
    return sorted(Path(r.target) for r in results if Path(r.target).exists())


def _text_rules_only():
    return LintSettings(ignore=["GW8"])


def test_built_documents_pass_the_text_rules(built):
    assert built, "gongwen build produced nothing"
    for path in built:
        source = load_source(str(path))
        assert len(source.paras) > 20
        assert [(f.line, f.code, f.message) for f in lint_source(source, _text_rules_only())] == [], path.name


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_built_documents_saved_as_text_are_clean(built, fmt):
    # The same paragraphs as a text file (and as Markdown with a # title) are just as clean.
    for path in built:
        paras = [p.text for p in load_source(str(path)).paras]
        if fmt == "md":
            paras[0] = "# " + paras[0]
        source = source_from_text("\n".join(paras) + "\n", f"{path.stem}.{fmt}", fmt)
        assert [(f.line, f.code, f.message) for f in lint_source(source)] == [], path.name


CORRECT_NOTICE = """\
关于做好2024年安全生产工作的通知
各区县人民政府，市政府各部门：
为深入贯彻落实《中华人民共和国安全生产法》，按照省委、省政府部署，现就有关事项通知如下。
一、总体要求
坚持人民至上、生命至上，全年生产安全事故起数同比下降10%以上，较大事故起数控制在2起以内。
二、重点任务
（一）强化道路交通安全。严查“三超一疲劳”等违法行为，2024年完成隐患整治42处（含2023年结转任务）。
（二）加强危化品管理
1.开展专项检查。4月1日至6月30日，对37家经营单位逐一检查。
2.健全监测预警。依托市应急管理局网站（https://yjj.example.gov.cn/a?b=1,2）发布预警，电话：0571-88888888。
（1）明确责任人。每个点位落实1名责任人。
（2）完善预案。预案每3～5年修订一次，2021—2025年滚动实施。
（三）抓实建筑施工安全。重点盯住深基坑、高支模等危险性较大的分部分项工程，依据GB/T 9704-2012和JGJ 59-2011执行。
三、保障措施
各单位要高度重视，主要负责人要亲自抓。会议定于14:30召开，请于3月5日前报送材料，邮箱aqsc@example.gov.cn，附件格式为.docx或.pdf文件。
第一，提高认识；第二，压实责任；第三，狠抓落实。
一是加强领导，二是强化保障，三是严格考核。
一、二季度全市GDP增长5.2%，人均可支配收入达4.8万元，同比增长1.8个百分点，比例约为3:2。
正如《人民日报》评论员文章所说：“安全是发展的前提。”这是‘底线’思维。
坚持把“第一责任人”责任落到实处，第一时间处置，统一是关键，十分重要。
英文名称为Work Safety Month，简称WSM（Work Safety Month）。国发〔2024〕1号文件已印发。
附件：1. 2024年安全生产工作要点
　　　2. 重点任务分工表
清河市人民政府办公室
2024年3月1日
"""


def test_a_correct_notice_is_clean():
    source = source_from_text(CORRECT_NOTICE, "notice.txt")
    found = lint_source(source)
    assert [f for f in found if f.severity == "error"] == []
    # GW9xx (the annual cycle) has its own tests (test_cycle.py); the text families must be silent
    assert [(f.line, f.column, f.code, f.message) for f in found if not f.code.startswith("GW9")] == []


OFFICE_DOCX_PARAS = [
    "清河县人民政府办公室文件",
    "清政办发〔2024〕3号",
    "",
    "清河县人民政府办公室关于做好2024年安全生产工作的通知",
    "各乡镇人民政府，县直各有关单位：",
    "为深入贯彻落实上级部署，现就做好今年安全生产工作通知如下。",
    "一、总体要求",
    "坚持人民至上、生命至上，全年生产安全事故起数同比下降10%以上。",
    "二、重点任务",
    "（一）强化道路交通安全。严查“三超一疲劳”等违法行为。",
    "（二）加强危化品管理。开展专项检查，逐一建立台账。",
    "附件：1. 2024年安全生产工作要点",
    "　　　2. 重点任务分工表",
    "",
    "　　　　　　　　　　　　　　　　清河县人民政府办公室",
    "　　　　　　　　　　　　　　　　　2024年3月1日",
    "（此件公开发布）",
    "抄送：县委办公室，县人大常委会办公室，县政协办公室。",
    "清河县人民政府办公室　　　　　　　　　2024年3月5日印发",
]


def test_an_office_docx_with_header_and_imprint_is_clean(tmp_path):
    d = docx.Document()
    for text in OFFICE_DOCX_PARAS:
        d.add_paragraph(text)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "序号"
    table.cell(0, 1).text = "任务"
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "完善监测预警，健全应急预案，加强队伍建设"
    path = tmp_path / "通知.docx"
    d.save(str(path))
    source = load_source(str(path))
    assert [p.text for p in source.paras][:len(OFFICE_DOCX_PARAS)] == OFFICE_DOCX_PARAS
    found = lint_source(source, _text_rules_only())
    assert [(f.line, f.code, f.message) for f in found] == []
