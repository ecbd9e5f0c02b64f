"""``gongwen rule`` and ``gongwen lint --list-rules``: the rules listed, one explained, unknown codes refused."""

from __future__ import annotations


import pytest
from click.testing import CliRunner

from gongwen.cli import main
from gongwen.lint.registry import all_rules


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Run ``gongwen ARGS`` in tmp_path (so no house settings leak in); return the result."""
    monkeypatch.chdir(tmp_path)

    def _run(*args):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return _run


def test_list_rules_and_rule(run):
    r = run("lint", "--list-rules")
    lines = r.stdout.splitlines()
    assert len(lines) >= 40
    assert lines[0].split()[:2] == ["GW001", "警告"]  # GW0xx: the kind family
    assert ["GW101", "错误"] in [l.split()[:2] for l in lines]
    names = {r.name for r in all_rules()}
    assert not any(word in names for l in lines for word in l.split())  # no English rule names
    assert any(l.startswith("GW8") for l in lines)
    assert run("rule", "401").stdout == run("rule", "GW401").stdout
    r = run("rule", "GW401")
    assert r.exit_code == 0 and "错误示例" in r.stdout and "GB/T 15834" in r.stdout
    r = run("rule", "gw999")
    assert r.exit_code == 2 and "没有规则 GW999" in r.stderr
