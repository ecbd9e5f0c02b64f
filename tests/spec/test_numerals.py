"""Chinese numerals: reading, writing, the canonical form."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongwen.spec import markers
from gongwen.spec.numerals import from_chinese, is_canonical_chinese, to_chinese


KNOWN = {1: "一", 9: "九", 10: "十", 11: "十一", 19: "十九", 20: "二十", 21: "二十一",
         30: "三十", 45: "四十五", 99: "九十九", 100: "一百", 101: "一百零一", 110: "一百一十",
         111: "一百一十一", 199: "一百九十九", 1005: "一千零五"}


@pytest.mark.parametrize("n,text", KNOWN.items())
def test_known_numerals(n, text):
    assert to_chinese(n) == text
    assert from_chinese(text) == n


def test_numerals_round_trip_1_to_999():
    for n in range(1, 1000):
        text = to_chinese(n)
        assert from_chinese(text) == n
        assert is_canonical_chinese(text)


@pytest.mark.parametrize("text", ["一十一", "十 一", "两", "二二", "十十", "零", "", "百"])
def test_non_canonical_numerals(text):
    assert not is_canonical_chinese(text)


def test_out_of_range():
    with pytest.raises(ValueError):
        to_chinese(0)


def test_chinese_numerals_round_trip_1_to_9999():
    for n in range(1, 10000):
        assert from_chinese(to_chinese(n)) == n, n


@given(st.text(alphabet=markers.NUMERAL_CHARS, max_size=8))
def test_reading_any_numeral_never_raises_and_canonical_reads_back(text):
    n = from_chinese(text)
    if n is not None and 1 <= n <= 9999:
        assert from_chinese(to_chinese(n)) == n
