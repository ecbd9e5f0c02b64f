"""``gongwen new``: a skeleton, or this year's content from last year's, from the command line."""

from __future__ import annotations

from click.testing import CliRunner

from gongwen.cli import main
from gongwen.content import loader

from tests.paths import IMPORT_FIXTURES as FIXTURES


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_cli_new_skeleton_and_from(tmp_path):
    out = tmp_path / "content" / "2024" / "speech.yaml"
    r = run("new", "speech", "--year", "2024", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert "【待补充】" in r.stderr and loader.load(out).vars["year"] == "2024"
    r = run("new", "speech", "-o", str(out))
    assert r.exit_code == 1 and "已存在" in r.stderr
    nxt = tmp_path / "content" / "2025" / "speech.yaml"
    r = run("new", "speech", "--from", str(FIXTURES / "speech.yaml"), "-o", str(nxt))
    assert r.exit_code == 0, r.stderr
    assert "从 2023 年的内容新建 2024 年的内容" in r.stderr and "【核实：…】" in r.stderr
    assert loader.load(nxt).date == "2024年4月18日"
    r = run("new", "report", "--from", str(FIXTURES / "speech.yaml"))
    assert r.exit_code == 1 and "不符" in r.stderr
    r = run("new", "speech")
    assert r.exit_code == 0 and r.stdout.startswith("# 讲话稿骨架")


def test_cli_new_takes_the_office_name_from_the_profile(tmp_path):
    (tmp_path / "gongwen.yaml").write_text("org: 清河县总工会\n", encoding="utf-8")
    out = tmp_path / "report.yaml"
    r = run("new", "report", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert loader.load(out).vars["org"] == "清河县总工会"


def test_cli_new_help():
    r = run("new", "--help")
    assert r.exit_code == 0 and "示例" in r.stdout and "--from" in r.stdout and "【核实：2023年】" in r.stdout
    assert run("new", "memo").exit_code == 2
