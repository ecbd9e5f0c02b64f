"""Heading markers and series openers: written, read (tolerantly), found in text."""

import pytest

from gongwen.spec.markers import find_series, format_marker, format_series, parse_marker, series_at_start, strip_marker


@pytest.mark.parametrize("level,n,marker", [
    (1, 1, "一、"), (1, 10, "十、"), (1, 11, "十一、"), (1, 20, "二十、"), (1, 21, "二十一、"),
    (2, 3, "（三）"), (2, 12, "（十二）"), (3, 7, "7."), (3, 12, "12."), (4, 5, "（5）"),
])
def test_format_marker(level, n, marker):
    assert format_marker(level, n) == marker
    parsed = parse_marker(marker + "标题")
    assert (parsed.level, parsed.number, parsed.is_canonical) == (level, n, True)


def test_level3_variant():
    assert format_marker(3, 2, "．") == "2．"


def test_series_formats():
    assert [format_series(n) for n in (1, 2, 10, 11, 12)] == ["一是", "二是", "十是", "十一是", "十二是"]
    assert format_series(3, "第一") == "第三，"


@pytest.mark.parametrize("text,level,number,raw", [
    ("一.总体要求", 1, 1, "一."), ("一 、总体", 1, 1, "一 、"), ("(一)加强", 2, 1, "(一)"),
    ("（一）、加强", 2, 1, "（一）、"), ("1、加强", 3, 1, "1、"), ("１.加强", 3, 1, "１."),
    ("(1)加强", 4, 1, "(1)"), ("十 一、加强", 1, 11, "十 一、"), ("一十一、加强", 1, 11, "一十一、"),
])
def test_tolerant_parse(text, level, number, raw):
    m = parse_marker(text)
    assert (m.level, m.number, m.raw) == (level, number, raw)
    assert not m.is_canonical


@pytest.mark.parametrize("text", ["1.8万人参加", "一些同志", "十分重要", "2022.3", "一是加强", "第一，要",
                                  "三五成群", "12345、"])
def test_not_markers(text):
    assert parse_marker(text) is None


def test_strip_marker():
    assert strip_marker("（二）完善制度") == "完善制度"
    assert strip_marker("完善制度") == "完善制度"


def test_find_series_needs_boundary():
    marks = list(find_series("统一是关键，一是加强领导；二是，完善机制；第一次会议；第三，落实。"))
    assert [(m.style, m.number, m.sep) for m in marks] == [("一是", 1, ""), ("一是", 2, "，"), ("第一", 3, "，")]
    assert series_at_start("三是抓住重点").number == 3
    assert series_at_start("我们要三是") is None
