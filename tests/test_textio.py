"""Decoding drafts: UTF-8 (with or without BOM) or GB18030, anything else a clear error."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen.errors import ReadError
from gongwen.textio import decode_text


def test_random_bytes_are_refused():
    rnd = random.Random(5)
    for _ in range(20):
        data = bytes(rnd.getrandbits(8) for _ in range(3000))
        with pytest.raises(ReadError):
            decode_text(data, "x.txt")


def test_nul_lone_surrogate_and_zero_width_do_not_break_reading():
    text = decode_text("正文\x00有NUL\u200b和零宽".encode("utf-8"), "x")
    assert text == "正文\x00有NUL\u200b和零宽"
    # UTF-8 encoding of a lone surrogate (U+D800), as some tools write it
    text = decode_text("前".encode() + b"\xed\xa0\x80" + "后".encode(), "x")
    assert text == "前\ufffd后"
    text.encode("utf-8")  # no surrogate survives


@settings(max_examples=100)
@given(st.binary(max_size=2000))
def test_decoding_arbitrary_bytes_raises_only_read_error(data):
    try:
        text = decode_text(data, "x.txt")
    except ReadError:
        return
    text.encode("utf-8")  # never a lone surrogate
