"""The title shaper (GB/T 9704 7.3.1) measured on titles_corpus.txt: long titles of every kind,
with the breaks a careful typesetter accepts marked ``|``.  Every shaped title breaks only there,
takes the standard's shape (正梯形 or 菱形), and every line fits the text block at 二号."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen.builder import titles as T

CORPUS = Path(__file__).with_name("titles_corpus.txt")


def corpus():
    out = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        allowed, pos = set(), 0
        for part in line.split("|")[:-1]:
            pos += len(part)
            allowed.add(pos)
        out.append((line.replace("|", ""), allowed))
    return out


def cuts(title, lines):
    """Where in ``title`` the lines part (a space dropped at a line's end is skipped)."""
    out, pos = [], 0
    for line in lines[:-1]:
        pos = title.index(line, pos) + len(line)
        while title[pos] in "　 ":
            pos += 1
        out.append(pos)
    return out


def test_the_corpus_is_long_titles_of_every_kind():
    titles = [t for t, _ in corpus()]
    long = [t for t in titles if T.width(t) > T.PER_LINE]
    assert len(long) >= 50
    for word in ("通知", "请示", "报告", "函", "纪要", "意见", "方案", "办法", "规定", "细则", "批复", "讲话", "调研报告",
                 "名单", "《", "（", "2024"):
        assert any(word in t for t in long), word


def test_every_title_breaks_only_between_words_in_shape():
    wrong = []
    for title, allowed in corpus():
        lines = T.shape(title)
        widths = [T.width(line) for line in lines]
        assert "".join(lines) == title.replace("　", "") or "　".join(lines).replace("　", "") == title.replace("　", "")
        split = [c for c in cuts(title, lines) if c not in allowed]
        if split or not T.shape_ok(widths) or max(widths) > T.PER_LINE:
            wrong.append(" / ".join(lines))
    assert wrong == []


def test_a_title_that_fits_stays_one_line():
    assert T.shape("清河县县级储备粮管理办法") == ["清河县县级储备粮管理办法"]


@pytest.mark.parametrize("widths, ok", [
    ([10, 14], True), ([14, 10], False), ([8, 12, 16], True), ([10, 16, 12], True),
    ([16, 12, 8], False), ([12, 8, 14], False), ([13, 13], True)])
def test_shape(widths, ok):
    assert T.shape_ok(widths) is ok


def test_never_a_joining_word_or_closing_mark_first_nor_a_short_citation_split():
    for title in ("清河县人民政府关于表彰2023年度全县经济社会发展先进单位和先进个人的通知",
                  "清河县人民政府关于印发《清河县乡村振兴考核办法（试行）》的通知",
                  "清河县人民政府关于2024年1—6月全县主要经济指标完成情况的通报"):
        lines = T.shape(title)
        assert len(lines) > 1
        for line in lines[1:]:
            assert line[0] not in "的和与及》）、，"
        assert all(line.count("《") == line.count("》") for line in lines) or "》" not in title[:20]
        assert not any(line.endswith(("2024", "1—")) for line in lines)


def test_a_title_with_no_known_word_still_fits():
    title = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒"
    lines = T.shape(title)
    assert "".join(lines) == title and all(T.width(line) <= T.PER_LINE for line in lines)
    assert T.shape_ok([T.width(line) for line in lines])


def test_digits_next_to_chinese_take_the_room_word_puts_around_them():
    assert T.width("清河") == 2 and T.width("2024") == 2
    assert T.width("清河2024年") == 2 + 2 + 1 + 2 * 0.25  # a quarter cell each side of the number
    assert T.width("1—6月") == 0.5 + 1 + 0.5 + 1 + 0.25


def test_given_lines_are_kept():
    assert T.lines("甲乙", ["甲", "乙"]) == ["甲", "乙"]
    assert T.lines("清河县县级储备粮管理办法") == ["清河县县级储备粮管理办法"]
