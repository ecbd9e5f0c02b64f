"""``gongwen import`` from the command line: output, messages, overwriting, exit codes."""

from __future__ import annotations

from click.testing import CliRunner

from gongwen.content import loader
from gongwen.cli import main

from tests.paths import IMPORT_FIXTURES as FIXTURES


def run(*args):
    """Click ≥ 8.2 keeps stderr apart from stdout (``result.stderr``)."""
    return CliRunner().invoke(main, list(args))


def test_import_to_a_file_then_build(tmp_path):
    out = tmp_path / "content" / "2023" / "speech.yaml"
    r = run("import", str(FIXTURES / "speech-office.docx"), "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert "类型：讲话稿（speech），依据：有称呼“同志们：”" in r.stderr
    assert f"→ {out}" in r.stderr and "gongwen build" in r.stderr
    assert r.stdout == ""
    doc = loader.load(out)
    assert doc.title == "在全市2023年防汛抗旱工作会议上的讲话"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 由 gongwen import 从 speech-office.docx 导入")
    built = run("build", str(out), "-o", str(tmp_path / "out"))
    assert built.exit_code == 0, built.stderr + built.stdout


def test_import_to_stdout_keeps_messages_apart():
    r = run("import", str(FIXTURES / "report.txt"))
    assert r.exit_code == 0
    assert "kind: report" in r.stdout and "依据：标题以“调研报告”结尾" in r.stderr
    assert "依据" not in r.stdout
    assert loader.loads(r.stdout).kind == "report"


def test_kind_given_is_not_announced():
    r = run("import", str(FIXTURES / "report.txt"), "--kind", "report")
    assert r.exit_code == 0 and "依据" not in r.stderr


def test_existing_output_is_not_overwritten_without_force(tmp_path):
    out = tmp_path / "speech.yaml"
    out.write_text("我的修改\n", encoding="utf-8")
    r = run("import", str(FIXTURES / "speech.txt"), "-o", str(out))
    assert r.exit_code == 1 and "已存在" in r.stderr and "--force" in r.stderr
    assert out.read_text(encoding="utf-8") == "我的修改\n"
    r = run("import", str(FIXTURES / "speech.txt"), "-o", str(out), "--force")
    assert r.exit_code == 0 and out.read_text(encoding="utf-8").count("kind: speech") == 1
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_warnings_carry_line_numbers(tmp_path):
    src = tmp_path / "草稿.txt"
    src.write_text("在全市工作会议上的讲话\n一、总体要求\n正文。\n三、工作措施\n正文。\n", encoding="utf-8")
    r = run("import", str(src))
    assert r.exit_code == 0
    assert f"警告 {src}:4: 序号不连续" in r.stderr
    assert "导入时有 1 处警告" in r.stdout


def test_unreadable_input_exits_1_with_its_name(tmp_path):
    r = run("import", str(tmp_path / "没有.docx"))
    assert r.exit_code == 1 and "没有.docx" in r.stderr and "Traceback" not in r.stderr
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"not a zip")
    r = run("import", str(bad))
    assert r.exit_code == 1 and "坏.docx" in r.stderr
    empty = tmp_path / "空.txt"
    empty.write_text("\n\n", encoding="utf-8")
    r = run("import", str(empty))
    assert r.exit_code == 1 and "没有文字" in r.stderr


def test_usage_errors_exit_2():
    assert run("import").exit_code == 2
    assert run("import", "a.txt", "--kind", "memo").exit_code == 2


def test_help_is_chinese_with_examples():
    r = run("import", "--help")
    assert r.exit_code == 0
    assert "示例" in r.stdout and "gongwen import 去年讲话.docx -o content/2023/speech.yaml" in r.stdout
    assert "--force" in r.stdout and "退出码" in r.stdout
