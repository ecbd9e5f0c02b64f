"""The tolerant marker reader added to markers.py for drafts (``read_marker``)."""

from __future__ import annotations

import pytest

from gongwen.spec.markers import parse_marker, read_marker


@pytest.mark.parametrize("text,level,number,raw,start,end", [
    ("一、总体要求", 1, 1, "一、", 0, 2),
    ("　　二、工作任务", 1, 2, "二、", 2, 4),
    ("  1、统一思想", 3, 1, "1、", 2, 4),
    ("（##paidbegin##三）加强宣传", 2, 3, "（##paidbegin##三）", 0, 17),
    ("##paidbegin##一、总体要求", 1, 1, "##paidbegin##一、", 0, 15),
    ("（<span>二</span>）加强", 2, 2, "（<span>二</span>）", 0, 17),
    ("1）明确责任", 4, 1, "1）", 0, 2),
    ("一）加强领导", 2, 1, "一）", 0, 2),
    ("十 一、组织实施", 1, 11, "十 一、", 0, 4),
    ("（１）明确", 4, 1, "（１）", 0, 3),
])
def test_read_marker(text, level, number, raw, start, end):
    m = read_marker(text)
    assert (m.level, m.number, m.raw, m.start) == (level, number, raw, start)
    assert m.end == start + len(raw)
    assert text[m.start:m.end] == m.raw


@pytest.mark.parametrize("text", [
    "一、二季度经济运行平稳", "三、四月份降雨偏多", "一、二级响应", "一、二、三等奖获得者",
    "2024）年", "1.8万人", "十分重要", "一是加强领导", "第一，提高认识", "", "　　", "（2022年3月1日）",
])
def test_not_a_marker(text):
    assert read_marker(text) is None


def test_junk_is_reported():
    assert read_marker("（##x##三）加强").junk == ("##x##",)
    assert read_marker("（三）加强").junk == ()


def test_half_bracket_flag():
    assert read_marker("1）明确").half_bracket
    assert not read_marker("（1）明确").half_bracket


def test_parse_marker_is_unchanged():
    # read_marker is an addition: the strict reader others use keeps its behaviour
    assert parse_marker("一、二季度").raw == "一、"
    assert parse_marker("1）明确") is None
    assert parse_marker("　一、总体") is None
