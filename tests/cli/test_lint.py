"""``gongwen lint`` from the command line (click's CliRunner, and real processes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from gongwen.cli import main

from tests.paths import ROOT

BAD = "一.总体要求\n各单位要高度重视,抓好落实。\n"
CLEAN = "一、总体要求\n各单位要高度重视，抓好落实。\n"
WARN_ONLY = "推进产业 工人队伍建设。\n"


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Run ``gongwen ARGS`` in tmp_path (so no house settings leak in); return the result."""
    monkeypatch.chdir(tmp_path)

    def _run(*args, input=None):
        return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)

    return _run


def _w(path: Path, text: str, encoding="utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def test_findings_exit_1_and_text_format(run, tmp_path):
    _w(tmp_path / "a.txt", BAD)
    r = run("lint", "a.txt")
    assert r.exit_code == 1
    assert r.stdout.splitlines() == [
        "a.txt:1:1: GW101 一级标题序号“一.”应写作“一、”（汉字数字后用顿号）。",
        "a.txt:2:9: GW401 中文文本中的半角“,”应写作全角“，”。",
    ]
    assert "2 个错误" in r.stderr


def test_clean_exits_0(run, tmp_path):
    _w(tmp_path / "a.txt", CLEAN)
    r = run("lint", "a.txt")
    assert r.exit_code == 0 and r.stdout == ""
    assert "未发现问题" in r.stderr


def test_warnings_exit_0_unless_strict(run, tmp_path):
    _w(tmp_path / "a.txt", WARN_ONLY)
    assert run("lint", "a.txt").exit_code == 0
    assert run("lint", "--strict", "a.txt").exit_code == 1


def test_unreadable_files_exit_2_and_the_others_are_linted(run, tmp_path):
    _w(tmp_path / "a.txt", BAD)
    (tmp_path / "utf16.txt").write_bytes("一、总体要求".encode("utf-16"))
    (tmp_path / "fake.docx").write_bytes(b"not a zip")
    r = run("lint", "missing.txt", "utf16.txt", "fake.docx", "a.txt")
    assert r.exit_code == 2
    assert "missing.txt" in r.stderr and "utf16.txt" in r.stderr and "fake.docx" in r.stderr
    assert "Traceback" not in r.output
    assert "a.txt:1:1: GW101" in r.stdout


def test_bad_yaml_content_is_a_finding_with_a_place(run, tmp_path):
    # content that does not parse is reported where gongwen build reports it (GW710), exit 1
    _w(tmp_path / "c.yaml", "kind: speech\ntitle: [没有闭合\n")
    r = run("lint", "c.yaml")
    assert r.exit_code == 1
    assert "c.yaml:2:8: GW710" in r.stdout and "方括号“[”没有配对" in r.stdout  # at the bracket left open


def test_bad_yaml_that_is_not_content_exits_2_with_a_place(run, tmp_path):
    _w(tmp_path / "c.yaml", "repos: [没有闭合\n")
    r = run("lint", "c.yaml")
    assert r.exit_code == 2
    assert "c.yaml:" in r.stderr and "YAML" in r.stderr


def test_gb18030_text_is_read(run, tmp_path):
    _w(tmp_path / "gb.txt", BAD, "gb18030")
    r = run("lint", "gb.txt")
    assert r.exit_code == 1 and "gb.txt:2:9: GW401" in r.stdout


def test_folders_are_searched_recursively(run, tmp_path):
    _w(tmp_path / "d" / "x" / "a.txt", BAD)
    _w(tmp_path / "d" / "b.md", CLEAN)
    _w(tmp_path / "d" / "c.yaml", "kind: speech\ntitle: 在会议上的讲话\nopening:\n  - 第一段,有逗号。\n")
    _w(tmp_path / "d" / "ci.yaml", "steps:\n  - run: echo 一.二\n")  # not content: skipped
    _w(tmp_path / "d" / "notes.csv", "一.二\n")
    _w(tmp_path / "d" / ".hidden" / "h.txt", BAD)
    r = run("lint", "--format", "json", "d")
    data = json.loads(r.stdout)
    assert sorted({d["path"] for d in data}) == [os.path.join("d", "c.yaml"), os.path.join("d", "x", "a.txt")]


def test_stdin(run):
    r = run("lint", "-", input=BAD)
    assert r.exit_code == 1
    assert r.stdout.startswith("-:1:1: GW101")


def test_select_and_ignore(run, tmp_path):
    _w(tmp_path / "a.txt", BAD)
    assert [l.split()[1] for l in run("lint", "--select", "GW4", "a.txt").stdout.splitlines()] == ["GW401"]
    assert [l.split()[1] for l in run("lint", "--ignore", "GW401", "a.txt").stdout.splitlines()] == ["GW101"]
    assert run("lint", "--ignore", "GW1,GW4", "a.txt").exit_code == 0
    assert [l.split()[1] for l in run("lint", "--ignore", "GW4", "--select", "GW401", "a.txt").stdout.splitlines()] \
        == ["GW401"]
    assert "没有以 GW999 开头的规则" in run("lint", "--select", "GW999", "a.txt").stderr


def test_json_github_sarif(run, tmp_path):
    _w(tmp_path / "a.txt", BAD)
    data = json.loads(run("lint", "--format", "json", "a.txt").stdout)
    assert [d["code"] for d in data] == ["GW101", "GW401"]
    gh = run("lint", "--format", "github", "a.txt").stdout.splitlines()
    assert gh[0].startswith("::error file=a.txt,line=1,col=1,")
    sarif = json.loads(run("lint", "--format", "sarif", "a.txt").stdout)
    assert sarif["version"] == "2.1.0" and len(sarif["runs"][0]["results"]) == 2


def test_setup_cfg_settings_in_a_parent_folder(run, tmp_path, monkeypatch):
    _w(tmp_path / "setup.cfg", "[gongwen.lint]\nignore = GW401\nseverity = GW413=error\n")
    _w(tmp_path / "sub" / "a.txt", BAD + WARN_ONLY)
    monkeypatch.chdir(tmp_path / "sub")
    r = CliRunner().invoke(main, ["lint", "--format", "json", "a.txt"])
    data = json.loads(r.stdout)
    assert [(d["code"], d["severity"]) for d in data] == [("GW101", "error"), ("GW413", "error")]


def test_gongwen_yaml_settings(run, tmp_path):
    _w(tmp_path / "gongwen.yaml", "profile: x\nlint:\n  select: [GW4]\n  strict: true\n")
    _w(tmp_path / "a.txt", WARN_ONLY)
    r = run("lint", "a.txt")
    assert r.exit_code == 1 and "GW413" in r.stdout


def test_severity_override_only_for_practice_rules(run, tmp_path):
    _w(tmp_path / "a.txt", BAD + WARN_ONLY)
    r = run("lint", "--format", "json", "--severity", "GW401=warning", "--severity", "GW413=error", "a.txt")
    sev = {d["code"]: d["severity"] for d in json.loads(r.stdout)}
    assert sev == {"GW101": "error", "GW401": "error", "GW413": "error"}
    assert "GW401 依据标准" in r.stderr
    r = run("lint", "--severity", "GW413=warning", "--ignore", "GW1,GW4", "a.txt")
    assert r.exit_code == 0


def test_level3_house_variant(run, tmp_path):
    _w(tmp_path / "a.txt", "一、总体要求\n（一）加强领导\n1．统一思想\n2.明确任务\n")
    assert [l.split()[1] for l in run("lint", "a.txt").stdout.splitlines()] == ["GW105"]
    _w(tmp_path / "setup.cfg", "[gongwen.lint]\nlevel3 = ．\n")
    assert [l.split()[1] for l in run("lint", "a.txt").stdout.splitlines()] == ["GW105"]
    assert "a.txt:4:" in run("lint", "a.txt").stdout


def test_year_setting(run, tmp_path):
    _w(tmp_path / "a.txt", "刚才，我们研究了2022年的工作重点。\n")
    assert run("lint", "a.txt").stdout == ""
    assert "GW607" in run("lint", "--year", "2023", "a.txt").stdout


def test_inline_suppression_in_text(run, tmp_path):
    _w(tmp_path / "a.txt", "一、总体要求\n# gongwen: disable=GW201\n三、保障措施\n各单位要高度重视,抓好落实。 # gongwen: disable=GW401\n"
                           "# gongwen: enable=GW201\n五、组织实施\n")
    r = run("lint", "a.txt")
    assert [l.split(":")[1] + " " + l.split()[1] for l in r.stdout.splitlines()] == ["6 GW201"]


def test_fix_in_place_prints_the_changes(run, tmp_path):
    path = _w(tmp_path / "a.txt", "（一）、加强领导\n各单位要高度重视,抓好落实...\n有*万人。\n", "gb18030")
    r = run("lint", "--fix", "a.txt")
    assert "a.txt:1:1: GW103 已修正" in r.stdout or "GW103 已修正" in r.stdout
    assert "GW401 已修正：“,”→“，”" in r.stdout
    assert path.read_bytes().decode("gb18030") == "（一）加强领导\n各单位要高度重视，抓好落实……\n有*万人。\n"
    assert "a.txt:3:2: GW601" in r.stdout  # what cannot be fixed is still reported
    assert r.exit_code == 1


def test_fix_keeps_bom_and_crlf(run, tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"\xef\xbb\xbf" + "# 标题\r\n\r\n一.总体要求\r\n".encode("utf-8"))
    r = run("lint", "--fix", "a.md")
    assert r.exit_code == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + "# 标题\r\n\r\n一、总体要求\r\n".encode("utf-8")


def test_diff_shows_without_writing(run, tmp_path):
    path = _w(tmp_path / "a.txt", BAD)
    r = run("lint", "--diff", "a.txt")
    assert "-一.总体要求" in r.stdout and "+一、总体要求" in r.stdout
    assert "+各单位要高度重视，抓好落实。" in r.stdout
    assert path.read_text(encoding="utf-8") == BAD
    assert r.exit_code == 1


def test_diff_with_json_keeps_stdout_json(run, tmp_path):
    _w(tmp_path / "a.txt", BAD)
    r = run("lint", "--diff", "--format", "json", "a.txt")
    assert [d["code"] for d in json.loads(r.stdout)] == ["GW101", "GW401"]
    assert "+一、总体要求" in r.stderr


def test_fix_stdin_writes_the_fixed_text(run):
    r = run("lint", "--fix", "-", input=BAD)
    assert CLEAN in r.stdout
    assert r.exit_code == 0


def test_fix_docx_writes_a_fixed_copy(run, tmp_path):
    d = docx.Document()
    d.add_paragraph("一.总体要求")
    p = d.add_paragraph("各单位要高度重视")
    p.add_run(",抓好落实。")
    d.save(str(tmp_path / "d.docx"))
    before = (tmp_path / "d.docx").read_bytes()
    r = run("lint", "--select", "GW1,GW4", "--fix", "d.docx")
    assert "GW101 已修正：“一.”→“一、”" in r.stdout and "GW401 已修正：“,”→“，”" in r.stdout
    assert r.exit_code == 0
    assert (tmp_path / "d.docx").read_bytes() == before
    r = run("lint", "--select", "GW1,GW4", "d.fixed.docx")
    assert r.exit_code == 0 and r.stdout == ""
    r = run("lint", "--select", "GW1,GW4", "--diff", "d.docx")
    assert "d.docx:2:9: GW401 可修正" in r.stdout


def test_no_paths_is_a_usage_error(run):
    r = run("lint")
    assert r.exit_code == 2


def test_pre_commit_hooks_file():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = hooks[0]
    assert hook["id"] == "gongwen-lint" and hook["entry"].startswith("gongwen lint")
    assert hook["types"] == ["file"] and "docx" in hook["files"]


def test_subprocess_lint_of_txt_loads_neither_docx_nor_lxml(tmp_path):
    path = _w(tmp_path / "a.txt", BAD)
    code = (
        "import sys\n"
        "from gongwen.cli import main\n"
        "try:\n"
        f"    main(['lint', {str(path)!r}])\n"
        "except SystemExit as e:\n"
        "    heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'lxml', 'docxtpl', 'jinja2'))\n"
        "    print('HEAVY', heavy, 'EXIT', e.code)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert "HEAVY [] EXIT 1" in out.stdout, out.stdout + out.stderr
    assert "a.txt:1:1: GW101" in out.stdout


def test_subprocess_gongwen_lint(tmp_path):
    _w(tmp_path / "a.txt", BAD)
    exe = Path(sys.executable).with_name("gongwen")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "gongwen"]
    out = subprocess.run(cmd + ["lint", "a.txt"], capture_output=True, text=True, cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert out.returncode == 1
    assert out.stdout.splitlines()[0] == "a.txt:1:1: GW101 一级标题序号“一.”应写作“一、”（汉字数字后用顿号）。"
    assert "\x1b[" not in out.stdout
