"""``gongwen templates``: list, copy (never overwriting), check — through the CLI."""

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from gongwen.cli import main

from tests.paths import ROOT

SPEECH = ROOT / "templates" / "speech.docx"


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def office(tmp_path, monkeypatch):
    """An office folder with gongwen.yaml and its own templates/ folder, as the cwd."""
    (tmp_path / "gongwen.yaml").write_text("author: 县总工会调研组\n", encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "县总工会讲话稿.docx").write_bytes(SPEECH.read_bytes())
    sub = tmp_path / "content"
    sub.mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_bare_command_lists_builtin_templates(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("templates")
    assert result.exit_code == 0
    assert "内置模板" in result.output
    assert re.search(r"^  speech\s+讲话稿模板", result.output, re.M)
    assert re.search(r"^  report\s+调研报告模板", result.output, re.M)
    assert "没有本单位模板" in result.output and "gongwen templates copy" in result.output
    assert run("templates", "list").output == result.output


def test_lists_office_templates_beside_gongwen_yaml(office, monkeypatch):
    monkeypatch.chdir(office / "content")  # the profile is found in a parent folder
    result = run("templates")
    assert result.exit_code == 0
    assert f"本单位模板（{office / 'templates'}）" in result.output
    assert "县总工会讲话稿" in result.output


def test_lists_cwd_templates_folder(tmp_path, monkeypatch):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "mine.docx").write_bytes(SPEECH.read_bytes())
    monkeypatch.chdir(tmp_path)
    assert re.search(r"^  mine\s", run("templates").output, re.M)


def test_copy_to_folder_then_never_overwrites(office):
    result = run("templates", "copy", "speech", "templates/")
    assert result.exit_code == 0, result.output
    target = office / "templates" / "speech.docx"
    assert target.read_bytes() == SPEECH.read_bytes()
    assert "gongwen templates check templates/speech.docx" in result.output

    target.write_bytes(b"restyled in Word")
    again = run("templates", "copy", "speech", "templates/")
    assert again.exit_code == 1
    assert "已存在，未覆盖" in again.output
    assert target.read_bytes() == b"restyled in Word"


def test_copy_to_new_file_name_and_from_office_template(office):
    assert run("templates", "copy", "report", "新建/县总工会调研报告.docx").exit_code == 0
    assert (office / "新建" / "县总工会调研报告.docx").is_file()
    assert run("templates", "copy", "县总工会讲话稿", "副本/").exit_code == 0
    assert (office / "副本" / "县总工会讲话稿.docx").is_file()


def test_copy_unknown_name_is_a_usage_error(office):
    result = run("templates", "copy", "nosuch", "templates/")
    assert result.exit_code == 2
    assert "找不到模板 nosuch" in result.output


def test_check_clean_templates(office):
    result = run("templates", "check", "speech", "report", "templates/县总工会讲话稿.docx")
    assert result.exit_code == 0
    assert result.output.count("没有发现问题") == 3


def _restyled(path: Path, old: str, new: str) -> None:
    with zipfile.ZipFile(SPEECH) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].decode().replace(old, new, 1).encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def test_check_reports_errors_with_paragraph_and_exit_1(office):
    _restyled(office / "templates" / "bad.docx", "{{ p.text }}", "{{ p.tex }}")
    result = run("templates", "check", "templates/bad.docx")
    assert result.exit_code == 1
    assert "templates/bad.docx: 2 个错误，0 个提醒" in result.output
    assert "第 3 段“{{ p.tex }}”：未知变量 p.tex" in result.output
    assert "<w:" not in result.output


def test_check_warnings_only_exit_0(office):
    _restyled(office / "templates" / "split.docx", "{{ p.text }}</w:t></w:r>",
              "{{ p.te</w:t></w:r><w:r><w:t>xt }}</w:t></w:r>")
    result = run("templates", "check", "templates/split.docx")
    assert result.exit_code == 0
    assert "0 个错误，1 个提醒" in result.output and "提醒：第 3 段" in result.output


def test_help_has_examples():
    for args in (["templates", "--help"], ["templates", "copy", "--help"], ["templates", "check", "--help"]):
        result = run(*args)
        assert result.exit_code == 0 and "示例" in result.output and "gongwen templates" in result.output


def test_an_office_template_someone_else_owns_is_listed_as_not_used(tmp_path, monkeypatch):
    import os
    import shutil

    from tests.paths import TEMPLATES

    if os.geteuid() != 0:
        pytest.skip("making a file another user owns needs root")
    office = tmp_path / "templates"
    office.mkdir()
    shutil.copyfile(TEMPLATES / "speech.docx", office / "theirs.docx")
    os.chown(office / "theirs.docx", 65534, -1)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["templates", "list"])
    line = next(l for l in result.output.splitlines() if "theirs" in l)
    assert "不会使用" in line and "属于" in line
