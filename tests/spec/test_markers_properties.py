"""Property-based tests (hypothesis) for the marker grammar.

Marker format → parse round trip for every level and 1–199, and for the series
openers; reading arbitrary text never raises and agrees with itself.  The budget
of every property is set in conftest.py (``HYPOTHESIS_PROFILE=thorough`` for a
longer hunt).
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from gongwen.spec import markers
from gongwen.spec.markers import LEVELS, find_series, format_marker, format_series, parse_marker, read_marker, series_at_start

from tests.strategies import grammar_text

#: Heading text that cannot be read as part of the marker in front of it: it does not
#: start with a digit, a numeral or blank (``1.`` + ``8项任务`` reads as the decimal 1.8).
heading_text = st.text(alphabet=st.characters(categories=("Lo", "Lu", "Ll", "Po", "Ps", "Pe"),
                                              exclude_characters=markers.NUMERAL_CHARS + "0123456789０１２３４５６７８９"
                                              "（(、.．,，:：;；" + "\u3000"), min_size=1, max_size=20)


# --- heading markers -----------------------------------------------------------------------------


def test_every_marker_1_to_199_round_trips_at_every_level():
    for level in LEVELS:
        for n in range(1, 200):
            marker = format_marker(level, n)
            for tail in ("", "加强组织领导", "《方案》的落实"):
                got = parse_marker(marker + tail)
                assert got is not None, (level, n, tail)
                assert (got.level, got.number, got.raw, got.end) == (level, n, marker, len(marker))
                assert got.is_canonical and got.canonical == marker
            drafted = read_marker("　　" + marker + "加强组织领导")
            assert (drafted.level, drafted.number, drafted.end) == (level, n, 2 + len(marker))


@given(st.sampled_from(LEVELS), st.integers(1, 199), heading_text)
def test_marker_then_any_heading_text_round_trips(level, n, text):
    marker = format_marker(level, n)
    got = parse_marker(marker + text)
    assert got is not None and (got.level, got.number, got.end) == (level, n, len(marker))
    assert markers.strip_marker(marker + text) == text


@given(st.sampled_from(LEVELS), st.integers(1, 199), heading_text)
def test_draft_marker_reader_agrees(level, n, text):
    marker = format_marker(level, n)
    got = read_marker(marker + text)
    assert got is not None and (got.level, got.number) == (level, n)
    assert got.canonical == marker


@given(grammar_text)
@example("（##paidbegin##三）加强")
@example("1.8万元")
@example("一、二季度")
def test_parsing_arbitrary_text_never_raises_and_is_consistent(text):
    got = parse_marker(text)
    if got is not None:
        assert text.startswith(got.raw) and got.end == len(got.raw)
        assert got.level in LEVELS
        if got.number is not None:
            assert got.canonical == format_marker(got.level, got.number)
    drafted = read_marker(text)
    if drafted is not None:
        assert 0 <= drafted.start < drafted.end <= len(text)
        assert text[drafted.start:drafted.end] == drafted.raw


# --- series ------------------------------------------------------------------------------------


@pytest.mark.parametrize("style", markers.SERIES_STYLES)
def test_series_openers_1_to_99_round_trip(style):
    for n in range(1, 100):
        text = format_series(n, style) + "明确目标任务"
        mark = series_at_start(text)
        assert mark is not None and (mark.style, mark.number) == (style, n), (style, n, mark)
        assert text[mark.start:mark.end] == mark.raw


@pytest.mark.parametrize("style", markers.SERIES_STYLES)
def test_series_openers_100_to_199_round_trip(style):
    for n in range(100, 200):
        mark = series_at_start(format_series(n, style) + "明确目标任务")
        assert mark is not None and (mark.style, mark.number) == (style, n), (style, n, mark)


@given(st.lists(st.sampled_from(["明确目标", "抓好落实", "强化保障", "加强领导"]), min_size=1, max_size=30),
       st.sampled_from(markers.SERIES_STYLES))
def test_a_whole_series_reads_back_in_order(items, style):
    sep = "；" if style == "一是" else "。"
    text = sep.join(format_series(i, style) + item for i, item in enumerate(items, 1)) + "。"
    found = [m for m in find_series(text) if m.style == style]
    assert [m.number for m in found] == list(range(1, len(items) + 1))


@given(grammar_text)
def test_finding_series_in_arbitrary_text_never_raises(text):
    last = -1
    for mark in find_series(text):
        assert last <= mark.start < mark.end <= len(text)
        assert text[mark.start:mark.end] == mark.raw
        last = mark.end
