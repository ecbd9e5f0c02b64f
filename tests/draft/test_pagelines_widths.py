"""text_widths (characters' advances kept per size) answers what the character-by-character rule does."""

import random

from gongwen.draft import pagelines as pl


def _reference(text, size, spacing=0, prev="", gaps=None):
    out = []
    for ch in text:
        w = pl.char_width(ch, size, spacing)
        gap = pl.AUTOSPACE * size / 32 if pl.autospaced(prev, ch) else 0
        out.append(w + gap)
        if gaps is not None:
            gaps.append(gap)
        prev = ch
    return out


def test_widths_equal_the_rule_character_by_character():
    alpha = "中文〇一二abcXYZ019 ，。%.-“”（）《》…—＆ａ１\u3000é𠀀"
    rnd = random.Random(16)
    for _ in range(5000):
        text = "".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 12)))
        prev = rnd.choice(["", *alpha])
        size, spacing = rnd.choice([32, 28, 30, 44]), rnd.choice([0, -5, 10])
        g1, g2 = [], []
        expected = _reference(text, size, spacing, prev, g1)
        got = pl.text_widths(text, size, spacing, prev, g2)
        assert got == expected and g2 == g1, (text, prev)
        assert [type(x) for x in got + g2] == [type(x) for x in expected + g1]
