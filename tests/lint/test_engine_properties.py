"""The linter never crashes, whatever the text, and fixing is safe: lines are kept, the result is stable."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongwen.lint.engine import lint_source
from gongwen.lint.fix import fix_text

from tests.lint_examples import source_of

ALPHABET = list("一二三十是第其首先次（）()、，,.．。;；:：“”\"'《》【】〔〕[]…-—～~ \u3000*X×#<>&@/0123456789１２ab加强领导年月日号附件")
texts = st.lists(st.text(alphabet=ALPHABET, max_size=40), max_size=8).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["txt", "md"]))
def test_lint_and_fix_never_crash(text, fmt):
    findings = lint_source(source_of(text, fmt))
    for f in findings:
        assert f.line >= 1 and f.column >= 1 and f.code.startswith("GW")
    result = fix_text(text, "x", fmt)
    # a fix keeps every line, but a deletion that empties its line takes the line with it (fixlines)
    emptied = sum(1 for f, _, new in result.applied if not new)
    assert text.count("\n") - emptied * 2 <= result.fixed.count("\n") <= text.count("\n")
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
    import yaml

    assert yaml.safe_load(result.fixed)["kind"] == "speech"
