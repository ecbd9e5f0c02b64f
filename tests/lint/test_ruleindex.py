"""The rule index (gongwen.lint.ruleindex) is what the registry says, and linting a text
imports only the rule modules it needs, finding what every rule module finds."""

import subprocess
import sys

from gongwen.lint.engine import lint_source, rules_for, rules_to_run
from gongwen.lint.indexgen import INDEX_PATH, render_index
from gongwen.draft.source import source_from_text
from gongwen.settings import LintSettings


def test_the_committed_index_is_current():
    assert INDEX_PATH.read_text(encoding="utf-8") == render_index(), (
        "the rule index is stale: run `python -m gongwen.lint.indexgen --write`")


def test_rules_left_out_are_those_no_trigger_can_reach():
    text = "清河县人民政府关于做好2026年春季农业生产工作的通知\n一、总体要求\n请各单位于3月1日前报送。"
    source = source_from_text(text, "t.txt", "txt")
    config = LintSettings()
    run = {r.code for r in rules_to_run(source, config)}
    every = rules_for(source, config)
    assert run <= {r.code for r in every}
    for r in every:
        if r.code not in run:
            assert r.triggers and not any(c in text for c in r.triggers), r.code
    assert lint_source(source, config) == lint_source(source, config, prefilter=False)


def test_a_one_line_text_imports_few_rule_modules():
    code = ("import sys; from gongwen.lint.engine import lint_text; lint_text('清河县人民政府关于春耕的通知')\n"
            "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('gongwen.lint.rules.'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert "gongwen.lint.rules.content" not in out  # YAML only
    assert "gongwen.lint.rules.punctuation.brackets" not in out  # no bracket in the text
    assert "gongwen.lint.rules.structure" in out  # whole-document rules still run
    assert not any(m.startswith("gongwen.lint.rules.layout") for m in out)
