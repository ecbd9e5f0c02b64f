"""Findings and their fixes as plain data."""

from __future__ import annotations

from gongwen.lint.findings import Finding, Fix


def test_finding_filled_by_engine():
    f = Finding(message="m")
    assert f.to_dict()["fix"] is None
    assert Fix(1, 2, "x").apply("abc") == "axc"
