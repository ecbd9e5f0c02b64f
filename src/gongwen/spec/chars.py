"""Character classes of Chinese official text: the one place they are spelled.

Pure Python; the patterns compile on first use (:mod:`gongwen.spec.lazyre`).
"""

import unicodedata

from gongwen.spec import lazyre

#: Code point ranges drawn as CJK ideographs (extension A, the basic block,
#: compatibility ideographs, the supplementary planes) and 〇.
CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F), (0x3007, 0x3007))
#: Characters drawn with the East Asian font in Word (ideographs, CJK symbols and marks, full-width
#: forms), as a regex character class body.
EAST_ASIAN_CLASS = "\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
#: Chinese text for joining folded lines: marks, CJK symbols, ideographs, full-width forms.
CHINESE_TEXT_CLASS = "\u2014\u2018\u2019\u201c\u201d\u2026\u3001-\u303f\u3400-\u9fff\uff01-\uffef"

#: Full-width punctuation used in Chinese text.
CN_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕…—～·「」『』"
#: Opening and closing brackets and quotes (a sentence end inside them does not end the sentence).
OPENERS = "“‘（《【〔「『(["
CLOSERS = "”’）》】〕」』)]"
#: Marks that end a sentence, and marks after which a run-in heading or an item lead may end.
SENTENCE_END = "。！？"
HEADING_END = "。！？：；…"
#: Blanks a writer types between words or to indent: space, ideographic space, tab, no-break space.
BLANKS = " \u3000\t\u00a0"

#: Full-width digits and Latin letters → their ASCII forms (a ``str.translate`` table).
FULLWIDTH_FORMS = {c: chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B)}

#: Characters XML 1.0 cannot hold (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF).
XML_ILLEGAL = lazyre.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Characters that show nothing: zero-width spaces and joiners, BOM, soft hyphen, bidi controls.
INVISIBLE = lazyre.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069\u2028\u2029]+")

#: The placeholder gongwen writes where text is still to be written, and the mark
#: ``gongwen new --from`` puts around a figure to check.
PLACEHOLDER = "【待补充】"
VERIFY_MARK = lazyre.compile(r"【核实：[^】]*】")


def is_cjk(ch: str) -> bool:
    """Is ``ch`` a CJK ideograph (or 〇)?"""
    if not ch:
        return False
    o = ord(ch)
    return any(a <= o <= b for a, b in CJK_RANGES)


def is_wide(ch: str) -> bool:
    """Does ``ch`` take a whole character cell (Chinese, full-width forms, East Asian marks, the dash
    ``—``)?  Latin letters, digits and blanks take about half of one."""
    return unicodedata.east_asian_width(ch) in "WFA" or ch == "—"


def is_cn(ch: str) -> bool:
    """A Chinese character or a full-width Chinese punctuation mark."""
    return is_cjk(ch) or (bool(ch) and ch in CN_PUNCT)
