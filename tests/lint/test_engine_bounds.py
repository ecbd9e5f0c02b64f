"""One rule lists at most MAX_PER_RULE findings per file: memory stays bounded on any input."""

from __future__ import annotations

from gongwen.lint.engine import MAX_PER_RULE, lint_text


def test_findings_of_one_rule_are_capped_and_the_rest_counted():
    found = [f for f in lint_text("甲,乙" * (MAX_PER_RULE * 3)) if f.code == "GW401"]
    assert len(found) == MAX_PER_RULE + 1
    last = found[-1]
    assert last.fix is None and "未逐一列出" in last.message and f"约 {MAX_PER_RULE * 2} 处" in last.message


def test_fewer_findings_are_all_listed():
    found = [f for f in lint_text("甲,乙" * 10) if f.code == "GW401"]
    assert len(found) == 10 and all(f.fix is not None for f in found)
