"""The linter never crashes, whatever the text, and fixing is safe: lines are kept, the result is stable."""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongwen.errors import GongwenError
from gongwen.lint import lint_text
from gongwen.lint.engine import lint_source
from gongwen.lint.fix import fix_text

from tests.lint_examples import source_of
from tests.strategies import GRAMMAR, HOSTILE, any_char, any_lines

ALPHABET = list("一二三十是第其首先次（）()、，,.．。;；:：“”\"'《》【】〔〕[]…-—～~ \u3000*X×#<>&@/0123456789１２ab加强领导年月日号附件")
texts = st.lists(st.text(alphabet=ALPHABET, max_size=40), max_size=8).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["txt", "md"]))
def test_lint_and_fix_never_crash(text, fmt):
    findings = lint_source(source_of(text, fmt))
    for f in findings:
        assert f.line >= 1 and f.column >= 1 and f.code.startswith("GW")
    result = fix_text(text, "x", fmt)
    assert result.fixed.count("\n") == text.count("\n")
    again = fix_text(result.fixed, "x", fmt)
    assert again.applied == [], [(f.code, old, new) for f, old, new in again.applied]


yaml_values = st.text(alphabet=[c for c in ALPHABET if c not in "\"'#&*<>[]{}@:-\n"], min_size=1, max_size=30)


@settings(max_examples=150, deadline=None)
@given(st.lists(yaml_values, min_size=1, max_size=5))
def test_yaml_lint_and_fix_never_crash(values):
    body = "".join(f"  - \"{v}\"\n" for v in values)
    text = f"kind: speech\ntitle: 讲话\nopening:\n{body}"
    lint_source(source_of(text, "yaml"))
    result = fix_text(text, "x.yaml", "yaml")
    assert yaml.safe_load(result.fixed)["kind"] == "speech"


@settings(max_examples=120)
@given(any_lines, st.sampled_from(["txt", "md"]))
def test_linter_never_raises_on_arbitrary_text(text, fmt):
    for f in lint_text(text, fmt=fmt):
        assert f.line >= 1 and f.column >= 1 and f.code.startswith("GW")


#: Characters YAML counts as line breaks besides \n (yaml_source splits lines on them too).
YAML_BREAKS = "\x85\u2028\u2029"


@settings(max_examples=60)
@given(st.lists(st.text(alphabet=st.sampled_from(GRAMMAR + HOSTILE + "加强领导测试"), max_size=40), max_size=8))
def test_linter_never_raises_on_arbitrary_yaml_content(paragraphs):
    text = "kind: speech\ntitle: 标题\nsections:\n  - heading: 部分\n    paragraphs:\n" + "".join(
        f"      - {json.dumps(p, ensure_ascii=False)}\n" for p in paragraphs if p.strip())
    lint_text(text, fmt="yaml")


@settings(max_examples=60)
@given(st.text(alphabet=any_char, max_size=400))
def test_linter_on_arbitrary_yaml_text_raises_only_gongwen_errors(text):
    try:
        lint_text(text, fmt="yaml")
    except GongwenError:
        pass


@pytest.mark.parametrize("brk", list(YAML_BREAKS))
def test_yaml_line_breaks_inside_quoted_paragraphs(brk):
    text = ("kind: speech\ntitle: 标题\nsections:\n  - heading: 部分\n    paragraphs:\n"
            f'      - "0{brk}"\n      - "0{brk}"\n      - "一.总体要求"\n')
    lint_text(text, fmt="yaml")


def test_lint_api_on_text_yaml_refuses_reports_a_gongwen_error():
    with pytest.raises(GongwenError):
        lint_text("kind: speech\ntitle: 标\x1f题\n", fmt="yaml")


@settings(max_examples=80)
@given(any_lines, st.sampled_from(["txt", "md"]))
def test_fixing_arbitrary_text_never_raises_and_only_touches_reported_spans(text, fmt):
    result = fix_text(text, "<hypothesis>", fmt)
    if not result.applied:
        assert result.fixed == result.original
    for finding, old, new in result.applied:
        assert old != new and finding.fix is not None
