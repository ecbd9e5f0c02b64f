"""The quick tests that let long texts skip work never change a finding.

Each quick test is compared with what it stands for, on the lint corpus, the rule examples and
random strings built from the characters that matter: the nesting of pair marks (GW406), the
first character of a Markdown line (GW609), the characters of a line of web-page buttons (GW612),
where a series opener can start (GW301–GW304), and the prefilter's two ways of finding the
paragraphs that hold a trigger.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from gongwen.draft.read import read_source
from gongwen.draft.source import source_from_text
from gongwen.lint.context import Context
from gongwen.lint.prefilter import Prefilter
from gongwen.lint.registry import all_rules
from gongwen.lint.rules import leftover, series
from gongwen.lint.rules.punctuation import pairs
from gongwen.lint.textview import masked
from gongwen.settings import LintSettings
from gongwen.spec.markers import find_series

CORPUS = Path(__file__).resolve().parent / "corpus"
RULES = all_rules(layout=False)


def _lines():
    out = []
    for path in sorted(CORPUS.iterdir()):
        if path.suffix in (".txt", ".md", ".docx"):
            out += [p.text for p in read_source(str(path)).paras]
    for r in RULES:
        for ex in (*r.bad, *r.good):
            out += ex.splitlines()
    return out


LINES = _lines()


def random_texts(seed: int, alphabet: str, longest: int, count: int = 30000) -> list:
    """``count`` texts of up to ``longest`` characters drawn from ``alphabet``, the same every run."""
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, longest))) for _ in range(count)]


def _walk_clean(marks: str) -> bool:
    """GW406's walk of the marks: True when every closer meets its opener on top of the stack."""
    stack = []
    for c in marks:
        if c in pairs._PAIRS:
            stack.append(c)
            continue
        want = pairs._CLOSERS[c]
        if not stack or not (stack[-1] == want or pairs._SAME.get(stack[-1]) == pairs._SAME.get(want, want)):
            return False
        stack.pop()
    return not stack


def test_nested_marks_as_the_walk():
    rng = random.Random(406)
    alphabet = "".join(pairs._PAIRS) + "".join(pairs._CLOSERS)
    for _ in range(20000):
        marks = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 9)))
        assert pairs._nested(marks) == _walk_clean(marks), marks
    for text in LINES:
        marks = "".join(pairs._PAIR_CHARS_RE.findall(text))
        assert pairs._nested(marks) == _walk_clean(marks), text


def test_markdown_first_characters():
    """A line whose first character (after spaces and tabs) is not in _MD_FIRST nor a digit
    matches none of the line patterns."""
    patterns = (leftover._MD_HEADING_RE, leftover._MD_BULLET_RE, leftover._MD_TABLE_SEP_RE,
                leftover._MD_TABLE_RE, leftover._MD_ORDERED_RE)
    rng = random.Random(609)
    alphabet = " \t#-*+|:.1２٣文　、" + "\u00a0"
    samples = LINES + ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 10))) + "加强"
                       for _ in range(20000)]
    for text in samples:
        first = text.lstrip(" \t")[:1]
        if first not in leftover._MD_FIRST and not first.isdecimal():
            assert not any(p.match(text) for p in patterns), text


def _chrome_line_by_pieces(text):
    pieces = [p for p in leftover._CHROME_SPLIT_RE.split(leftover._FONT_SIZE_RE.sub("字体大中小", text)) if p]
    return bool(pieces) and all(p in leftover._CHROME_TOKENS for p in pieces)


def test_chrome_characters():
    rng = random.Random(612)
    tokens = sorted(leftover._CHROME_TOKENS)
    seps = [" ", "\u3000", "|", "【", "】", "：", "/", "·", "\t", "。"]
    samples = list(LINES)
    for _ in range(5000):
        parts = [rng.choice(tokens + ["字体：大 中 小", "字号:大中小默认", "关于", "X"]) for _ in range(rng.randrange(1, 4))]
        samples.append("".join(p + rng.choice(seps) for p in parts).strip())
    for text in samples:
        assert leftover._chrome_line(text) == _chrome_line_by_pieces(text), text


@pytest.mark.parametrize("path", sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".docx")),
                         ids=lambda p: p.name)
def test_prefilter_as_a_walk(path):
    ctx = Context(read_source(str(path)), LintSettings())
    texts = masked(ctx)
    for pf in (Prefilter(ctx), Prefilter(ctx)):
        for r in RULES:
            if not r.triggers:
                continue
            want = [i for i, t in enumerate(texts) if any(c in t for c in r.triggers)]
            assert pf.paragraphs(r.triggers) == want, r.code
        for c in "，。、*某《\u3000 ":  # dense and sparse characters alike
            if any(c in t for t in texts):
                assert pf._holding(c) == [i for i, t in enumerate(texts) if c in t], c


def test_prefilter_at_the_edges():
    text = "，开头\n中间\n\n末尾，\n" + "无\n" * 20 + "，"
    ctx = Context(source_from_text(text, "<t>"), LintSettings())
    pf = Prefilter(ctx)
    assert pf.paragraphs("，") == [0, 3, 24]  # few: found in the joined text
    assert pf.paragraphs("开间尾") == [0, 1, 3]
    assert pf.paragraphs("无") == list(range(4, 24))  # many: each paragraph tested
    assert pf.paragraphs("无，") == [0, 3] + list(range(4, 24)) + [24]
    assert pf.paragraphs("啊") == []


def test_announcements_need_a_number_near_a_colon_or_the_end():
    from gongwen.lint.rules.kind import counts

    alphabet = "以下两三四五个项点条大方面“”工作要求：:。，x"
    samples = LINES + random_texts(9, alphabet, 30)
    for text in samples:
        if counts._ANNOUNCE.search(text):
            assert counts._may_announce(text), text


def test_whole_source_characters_as_the_patterns():
    """GW605 and GW608 look for their characters in the whole source first: the characters listed
    are exactly those their patterns match."""
    from gongwen.spec.chars import INVISIBLE

    for pattern, chars in ((INVISIBLE, leftover._INVISIBLE_CHARS), (leftover._CONTROL_RE, leftover._CONTROL_CHARS)):
        matched = {chr(c) for c in range(0x110000) if pattern.fullmatch(chr(c))}
        assert matched == set(chars)


def test_todo_hint_before_todo_pattern():
    alphabet = "【】〔〕[]［］（）(此处待补充填写核实完善盖章?？TODOFIXMEBDx"
    samples = LINES + random_texts(603, alphabet, 16)
    for text in samples:
        if leftover._TODO_RE.search(text):
            assert leftover._TODO_HINT_RE.search(text), text


def test_dunhao_between_titles_as_lookbehind():
    rng = random.Random(408)
    old = re.compile(r"(?<=[》”])、(?=[《“])")
    samples = LINES + ["".join(rng.choice("》”、《“x") for _ in range(rng.randrange(0, 10))) for _ in range(20000)]
    for text in samples:
        assert [m.span() for m in pairs._BETWEEN_TITLES_RE.finditer(text)] == [m.span() for m in old.finditer(text)]


def test_series_openers_as_find_series():
    rng = random.Random(3010)
    alphabet = "一二三是第首先其次再最后，。、：:（）“”x 十百零四"
    samples = LINES + ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14))) for _ in range(40000)]
    for text in samples:
        assert list(series.openers(text)) == list(find_series(text)), text


def test_heading_marker_first_characters():
    from gongwen.draft import phrases
    from gongwen.spec.chars import BLANKS
    from gongwen.spec.markers import read_marker

    rng = random.Random(101)
    alphabet = "（()）一二十百两〇零1２.．、,，#<>&;b/\u200b\u00ad 　\t第附是x"
    samples = LINES + ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 12))) for _ in range(40000)]
    for text in samples:
        if text.lstrip(BLANKS)[:1] not in phrases._MARKER_FIRST:
            assert read_marker(text) is None, text


def test_short_year_hint_before_the_pattern():
    from gongwen.lint.rules import number

    full = re.compile(r"(?<![0-9０-９.\-／/])'?([0-9]{2})年(?=底|初|末|度|上半年|下半年|[0-9]{1,2}月|第[一二三四]季度)")
    alphabet = "0123'年底初末度上半下月第一季.／x"
    samples = LINES + random_texts(501, alphabet, 12)
    for text in samples:
        if full.search(text):
            assert number._SHORT_YEAR_HINT.search(text), text
