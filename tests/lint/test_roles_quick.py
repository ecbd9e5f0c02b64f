"""The recogniser's quick decision (a paragraph that cannot open with anything but body text is
body text, without the patterns) never changes a role; nor does the bracket-aware sentence end
read by a pattern instead of character by character.

Roles are computed with the quick decision and without it on every rule example, every file of
the lint corpus, the long speech seed and hand-written paragraphs that open with what a marker
may hide behind (junk, zero-width characters, half brackets).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen.draft import phrases
from gongwen.draft import roles as R
from gongwen.draft.read import read_source
from gongwen.lint.context import Context
from gongwen.lint.registry import all_rules
from gongwen.lint.textview import roles
from gongwen.settings import LintSettings
from gongwen.spec.chars import CLOSERS, OPENERS, SENTENCE_END

from tests.lint_examples import source_of

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "corpus"
SEED = ROOT.parent / "shared" / "examples" / "speech-seed.txt"
EXAMPLES = [(ex, r.example_format) for r in all_rules(layout=False) if r.example_format in ("txt", "md")
            for ex in (*r.bad, *r.good)]
ODD = "\n".join([
    "关于做好春季农业生产工作的通知", "各乡镇人民政府：", "同志们：", "　　<b>一、</b>总体要求", "##paidbegin##（二）加强领导",
    "\u200b三、抓好落实", "&nbsp;1．做好准备。", "1）细化措施", "一）压实责任", "（1）明确分工。", "２．全角数字",
    "第一章　总则", "第三条　本办法适用于全县。", "第一，要提高认识。", "一是加强组织。", "首先，统一思想。",
    "其次，完善制度。", "最后，强化督查。", "再次，严格考核。", "附件：1．实施方案", "附件2", "（此件公开发布）",
    "出席：张三、李四", "请假：王五", "列席人员：赵六", "缺席：无", "各位代表：", "一、二季度经济平稳。",
    "3、4月份降雨偏少。", "2024年全县生产总值增长5%。", "＜p＞正文", "#标题", "&amp;正文", "<p>二、工作措施",
    "　（三）", "十二、附则", "两项重点工作：", "零星项目", "〇九年", "百分之八十", "千方百计抓落实。",
    "抄送：县财政局。", "清河县人民政府", "2026年3月1日",
])


def _texts():
    out = [(ex, fmt) for ex, fmt in EXAMPLES]
    out.append((ODD, "txt"))
    if SEED.exists():
        out.append((SEED.read_text(encoding="utf-8"), "txt"))
    return out


def _roles_both(source):
    out = []
    for quick in (True, False):
        R.QUICK = quick
        try:
            out.append(roles(Context(source, LintSettings())))
        finally:
            R.QUICK = True
    return out


@pytest.mark.parametrize("text,fmt", _texts(), ids=lambda x: str(len(x)) if isinstance(x, str) and len(x) > 9 else x)
def test_quick_roles_equal_on_examples(text, fmt):
    quick, slow = _roles_both(source_of(text, fmt))
    assert quick == slow


@pytest.mark.parametrize("path", sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".docx")),
                         ids=lambda p: p.name)
def test_quick_roles_equal_on_corpus(path):
    quick, slow = _roles_both(read_source(str(path)))
    assert quick == slow


def _first_sentence_end_by_char(text, start=0):
    depth = 0
    for i in range(start, len(text)):
        c = text[i]
        if c in OPENERS:
            depth += 1
        elif c in CLOSERS:
            depth = max(0, depth - 1)
        elif c in SENTENCE_END and depth == 0:
            return i
    return None


def test_first_sentence_end_as_by_character():
    import random

    rng = random.Random(16)
    alphabet = OPENERS + CLOSERS + SENTENCE_END + "文字，、；a1 "
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        for start in range(0, len(text) + 2):
            assert phrases.first_sentence_end(text, start) == _first_sentence_end_by_char(text, start), (text, start)
