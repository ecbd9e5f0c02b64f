"""Brackets and dashes that look right and are not (GW418–GW421), and 发文字号 look-alikes (GW505)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen.draft.read import read_source
from gongwen.draft.source import source_from_text
from gongwen.lint.engine import lint_source
from gongwen.lint.fix import fix_text
from gongwen.settings import LintSettings
from gongwen.spec import docnumber

from tests.paths import CONTENT, SEED

CODES = ("GW418", "GW419", "GW420", "GW421", "GW505")
FAMILY = Path(__file__).resolve().parents[1] / "importer" / "family"


def _found(text, codes=CODES):
    source = source_from_text(text, "draft.txt")
    return lint_source(source, LintSettings(select=list(codes)))


def _codes(text):
    return [(f.line, f.code) for f in _found(text)]


@pytest.mark.parametrize("line, code, fixed", [
    ("根据《关于印发<清河县防汛应急预案>的通知》要求，", "GW418", "根据《关于印发〈清河县防汛应急预案〉的通知》要求，"),
    ("根据《关于印发‹清河县防汛应急预案›的通知》要求，", "GW418", "根据《关于印发〈清河县防汛应急预案〉的通知》要求，"),
    ("学习《关于印发《清河县河长制工作规则》的通知》。", "GW418", "学习《关于印发〈清河县河长制工作规则〉的通知》。"),
    ("﹝2021﹞17号", "GW419", "〔2021〕17号"),
    ("根据嘉发改（2021）17号文件要求。", "GW419", "根据嘉发改〔2021〕17号文件要求。"),
    ("京发﹝2021﹞17号", "GW505", "京发〔2021〕17号"),
    ("嘉发改﹝2021﹞17号", "GW419", "嘉发改〔2021〕17号"),
    ("嘉发改【2021】17号", "GW419", "嘉发改〔2021〕17号"),
    ("财预[2024]第03号", "GW419", "财预〔2024〕3号"),
    ("清政发［2024］5号", "GW505", "清政发〔2024〕5号"),
    ("天山西路——申昆路段施工期间实行交通管制。", "GW421", "天山西路—申昆路段施工期间实行交通管制。"),
    ("开通从江州站——清河站的城乡公交。", "GW421", "开通从江州站—清河站的城乡公交。"),
    ("《清河县国土空间总体规划（2021——2035年）》", "GW421", "《清河县国土空间总体规划（2021—2035年）》"),
    ("每年5月——9月为主汛期。", "GW421", "每年5月—9月为主汛期。"),
])
def test_fault_found_and_fixed(line, code, fixed):
    found = _found(line)
    assert [f.code for f in found] == [code], line
    assert fix_text(line, "draft.txt", "txt", LintSettings(select=[code])).fixed == fixed


@pytest.mark.parametrize("line, code", [
    ("全县粮食总产量12.6万吨〔来源：清河县统计局〕。", "GW420"),
    ("〔注：本表数据截至2024年6月30日〕", "GW420"),
    ("见﹝注1﹞。", "GW419"),
    ("培训时间3——5天。", "GW421"),
])
def test_fault_found_without_fix(line, code):
    found = _found(line)
    assert [(f.code, f.fix) for f in found] == [(code, None)], line


@pytest.mark.parametrize("line", [
    "根据《关于印发〈清河县防汛应急预案〉的通知》要求，",
    "当x<5且y>3时，查阅《清河县统计年鉴》。",
    "根据清政发〔2024〕5号文件精神。",
    "《关于县文化馆维修改造项目立项的请示》（清文旅〔2024〕12号）收悉。",
    "〔英〕赫胥黎著《天演论》。",
    "《清河县统计年鉴（2024）》已印发。",
    "（2024）江01民终123号判决书",
    "全县粮食总产量12.6万吨（来源：清河县统计局）。",
    "——在全县2024年农村工作会议上的讲话",
    "这条路——天山西路，承载着全区三成的车流。",
    "新建道路——清河大道，全长3.2公里。",
    "我们的目标——2035年基本实现现代化。",
    "2013—2015年",
    "天山西路—申昆路段",
    "（此件公开发布）",
    "报送时间〔待定〕。",
])
def test_look_alikes_keep_quiet(line):
    assert _codes(line) == [], line


def test_document_number_pattern_keeps_what_it_read():
    # the shared pattern only grew: the forms it read before read the same
    for text, org in (("国办发[2024]第01号", "国办发"), ("京政发（2024）5号", "京政发"), ("京发﹝2021﹞17号", "京发")):
        assert docnumber.PATTERN.search(text).group("org") == org
    assert docnumber.formatted("嘉发改﹝2021﹞17号") == "嘉发改〔2021〕17号"
    assert docnumber.PATTERN.search("《清河县统计年鉴（2024）》12号") is None


def _own_documents():
    paths = sorted(CONTENT.glob("*.yaml")) + sorted(FAMILY.glob("*.txt"))
    return paths + ([SEED] if SEED.exists() else [])


@pytest.mark.parametrize("path", _own_documents(), ids=lambda p: p.name)
def test_new_rules_keep_quiet_on_the_projects_own_documents(path):
    assert lint_source(read_source(str(path)), LintSettings(select=list(CODES))) == []


@pytest.mark.parametrize("line", ["《" + "<" * 3000 + ">" * 3000 + "》", "《" * 2000 + "<" + "》" * 2000 + ">", "《" * 3000 + "›" * 3000])
def test_deeply_nested_marks_are_read_in_linear_time(line):
    assert _codes(line) == []
