"""Property-based tests (hypothesis) for the marker grammar and the linter.

Issue 5: marker grammar format → parse round trip for every level and 1–199;
the linter never raises on arbitrary text.  Each property has a bounded budget
(``max_examples``, no deadline) so ``make test`` stays quick; set
``HYPOTHESIS_PROFILE=thorough`` for a longer hunt.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gongwen.spec import markers
from gongwen.spec.markers import LEVELS, find_series, format_marker, format_series, parse_marker, read_marker, series_at_start
from gongwen.spec.numerals import from_chinese, to_chinese

settings.register_profile("default", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

#: Characters that matter to the grammar and the rules, mixed with anything at all.
GRAMMAR = "零〇一二两三四五六七八九十百千0123456789０１２３４５６７８９（）()、.．,，:：;；。是第首先其次最后 \u3000\t"
HOSTILE = "\x00\ufeff\u200b\u2028\u2029\ufffd\r#<>!-[]()`*_{}%@/\\\"'“”《》…—～"

grammar_text = st.text(alphabet=st.sampled_from(GRAMMAR + HOSTILE) | st.characters(), max_size=60)
#: Any code point, lone surrogates included (the API takes Python strings, which may hold them).
any_char = st.characters(codec=None, categories=None) | st.sampled_from(GRAMMAR + HOSTILE)
any_text = st.text(alphabet=any_char, max_size=400)
any_lines = st.lists(st.text(alphabet=any_char, max_size=80), max_size=12).map("\n".join)

#: Heading text that cannot be read as part of the marker in front of it: it does not
#: start with a digit, a numeral or blank (``1.`` + ``8项任务`` reads as the decimal 1.8).
heading_text = st.text(alphabet=st.characters(categories=("Lo", "Lu", "Ll", "Po", "Ps", "Pe"),
                                              exclude_characters=markers.NUMERAL_CHARS + "0123456789０１２３４５６７８９"
                                              "（(、.．,，:：;；" + "\u3000"), min_size=1, max_size=20)


# --- numerals --------------------------------------------------------------------------------


def test_chinese_numerals_round_trip_1_to_9999():
    for n in range(1, 10000):
        assert from_chinese(to_chinese(n)) == n, n


@given(st.text(alphabet=markers.NUMERAL_CHARS, max_size=8))
def test_reading_any_numeral_never_raises_and_canonical_reads_back(text):
    n = from_chinese(text)
    if n is not None and 1 <= n <= 9999:
        assert from_chinese(to_chinese(n)) == n


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


# --- the linter --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lint_text():
    from gongwen.lint import lint_text

    return lint_text


@settings(max_examples=120)
@given(any_lines, st.sampled_from(["txt", "md"]))
def test_linter_never_raises_on_arbitrary_text(lint_text, text, fmt):
    for f in lint_text(text, fmt=fmt):
        assert f.line >= 1 and f.column >= 1 and f.code.startswith("GW")


#: Characters YAML counts as line breaks besides \n (yaml_source splits lines on them too).
YAML_BREAKS = "\x85\u2028\u2029"


@settings(max_examples=60)
@given(st.lists(st.text(alphabet=st.sampled_from(GRAMMAR + HOSTILE + "加强领导测试"), max_size=40), max_size=8))
def test_linter_never_raises_on_arbitrary_yaml_content(lint_text, paragraphs):
    import json

    text = "kind: speech\ntitle: 标题\nsections:\n  - heading: 部分\n    paragraphs:\n" + "".join(
        f"      - {json.dumps(p, ensure_ascii=False)}\n" for p in paragraphs if p.strip())
    lint_text(text, fmt="yaml")


@settings(max_examples=60)
@given(st.text(alphabet=any_char, max_size=400))
def test_linter_on_arbitrary_yaml_text_raises_only_gongwen_errors(lint_text, text):
    from gongwen.errors import GongwenError

    try:
        lint_text(text, fmt="yaml")
    except GongwenError:
        pass


@pytest.mark.parametrize("brk", list(YAML_BREAKS))
def test_yaml_line_breaks_inside_quoted_paragraphs(lint_text, brk):
    text = ("kind: speech\ntitle: 标题\nsections:\n  - heading: 部分\n    paragraphs:\n"
            f'      - "0{brk}"\n      - "0{brk}"\n      - "一.总体要求"\n')
    lint_text(text, fmt="yaml")


def test_lint_api_on_text_yaml_refuses_reports_a_gongwen_error(lint_text):
    from gongwen.errors import GongwenError

    with pytest.raises(GongwenError):
        lint_text("kind: speech\ntitle: 标\x1f题\n", fmt="yaml")


@settings(max_examples=80)
@given(any_lines, st.sampled_from(["txt", "md"]))
def test_fixing_arbitrary_text_never_raises_and_only_touches_reported_spans(text, fmt):
    from gongwen.lint.fix import fix_text

    result = fix_text(text, "<hypothesis>", fmt)
    if not result.applied:
        assert result.fixed == result.original
    for finding, old, new in result.applied:
        assert old != new and finding.fix is not None


@settings(max_examples=100)
@given(st.binary(max_size=2000))
def test_decoding_arbitrary_bytes_raises_only_read_error(data):
    from gongwen.errors import ReadError
    from gongwen.textio import decode_text

    try:
        text = decode_text(data, "x.txt")
    except ReadError:
        return
    text.encode("utf-8")  # never a lone surrogate


@settings(max_examples=100)
@given(any_text)
def test_loading_arbitrary_yaml_raises_only_content_errors(text):
    from gongwen.errors import ContentErrors
    from gongwen.content.loader import loads

    try:
        loads(text, "x.yaml")
    except ContentErrors as exc:
        assert all(str(e) for e in exc.errors)
