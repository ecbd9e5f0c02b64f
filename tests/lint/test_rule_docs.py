"""Every rule is documented the way ruff documents its rules: 问题 (what), 原因 (why), 示例 (examples).

The registry is the single source: ``gongwen rule CODE`` and docs/rules.md are rendered from it,
so a rule whose texts are missing or not in Chinese shows up here, not in a user's terminal.
"""

from __future__ import annotations

import re

import pytest

from gongwen.lint.registry import CONTENT_FORMAT
from click.testing import CliRunner

from gongwen.cli import main
from gongwen.lint.registry import FAMILY_TABLE, all_rules

RULES = all_rules()  # the layout family included
CJK = re.compile(r"[\u4e00-\u9fff]")
# A 原因 says why in a sentence or three: enough to be concrete, short enough to read in a terminal.
WHY_MIN, WHY_MAX = 20, 320


def _cjk(text: str) -> int:
    """How many Chinese characters ``text`` has (identifiers such as w:eastAsia or GB/T 9704 are fine too)."""
    return len(CJK.findall(text))


def test_the_whole_catalogue_is_checked():
    families = {r.family for r in RULES}
    assert families == {f.name for f in FAMILY_TABLE}
    assert len(RULES) >= 80


@pytest.mark.parametrize("r", RULES, ids=[r.code for r in RULES])
def test_message_says_what_is_wrong_in_chinese(r):
    assert r.message.strip(), f"{r.code}: no message (问题)"
    assert _cjk(r.message) >= 4, f"{r.code}: message is not Chinese"


@pytest.mark.parametrize("r", RULES, ids=[r.code for r in RULES])
def test_why_says_why_in_chinese(r):
    why = r.why.strip()
    assert why, f"{r.code}: no why (原因)"
    assert _cjk(why) >= 15, f"{r.code}: why is not Chinese"
    assert WHY_MIN <= len(why) <= WHY_MAX, f"{r.code}: why has {len(why)} characters"
    assert why.endswith("。"), f"{r.code}: why should end with a full sentence"
    assert why != r.message.strip(), f"{r.code}: why repeats the message"
    assert "\n" not in why, f"{r.code}: why is one paragraph"


@pytest.mark.parametrize("r", RULES, ids=[r.code for r in RULES])
def test_standard_rules_cite_a_clause_and_practice_rules_say_so(r):
    assert r.source.strip(), r.code
    if r.source == CONTENT_FORMAT:
        assert r.family == "content" and r.formats == ("yaml",), r.code  # what build refuses in content
    elif not r.is_practice:
        assert re.search(r"GB/T \d+-\d{4}|条例", r.source), f"{r.code}: source {r.source!r} names no standard"
    else:
        assert "办公实践" in r.source_text


@pytest.mark.parametrize("r", RULES, ids=[r.code for r in RULES])
def test_rule_has_bad_and_good_examples(r):
    assert len(r.bad) >= 1 and all(x.strip() for x in r.bad), f"{r.code}: no bad example"
    assert len(r.good) >= 1 and all(x.strip() for x in r.good), f"{r.code}: no good example"
    assert not set(r.bad) & set(r.good), f"{r.code}: an example is both bad and good"


# One rule of every family, plus rules with settings, a .docx example format and YAML examples.
SAMPLE = sorted({next(r.code for r in RULES if r.family == f.name) for f in FAMILY_TABLE}
                | {"GW105", "GW401", "GW607", "GW702", "GW805", "GW901"})


@pytest.mark.parametrize("code", SAMPLE)
def test_rule_command_reads_what_why_example(code):
    r = next(r for r in RULES if r.code == code)
    result = CliRunner().invoke(main, ["rule", code.lower()])
    assert result.exit_code == 0, result.output
    out = result.output
    for label in ("问题", "原因", "示例"):
        assert label in out, f"gongwen rule {code}: no {label}"
    # the labels stand on their own lines, in this order
    labels = [line.split("（")[0] for line in out.splitlines()
              if line.split("（")[0] in ("问题", "原因", "错误示例", "正确示例")]
    assert labels == ["问题", "原因", "错误示例", "正确示例"], out
    assert r.message in out and r.why in out
    assert out.index(r.message) < out.index(r.why) < out.index("错误示例")
    for example in r.bad + r.good:
        assert example.split("\n")[0] in out, f"gongwen rule {code}: example missing"
    # level, source and formats are kept
    assert "级别：" in out and "依据：" in out and "适用：" in out
    assert ("可自动修正" in out) == r.fixable


def test_unknown_rule_is_refused():
    result = CliRunner().invoke(main, ["rule", "GW199"])
    assert result.exit_code == 2
