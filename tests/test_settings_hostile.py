"""Hostile settings through real ``gongwen build`` and ``gongwen lint`` processes.

Settings come from shared folders and other offices: they are data.  A value
that is not what its key holds (a face name with template code or markup,
control characters in a face, the author or org), an alias bomb, deep
nesting or a ``%(x)s`` interpolation bomb is refused with a Chinese message
naming the settings file (and the key): build builds nothing, lint says
``设置有误`` and goes on with the defaults.  Every case runs in a child
bounded in memory and time (tests/settings_helpers.py).
"""

from __future__ import annotations

import zipfile

import pytest

from tests.settings_helpers import REPORT, SPEECH, output, run_gongwen


def office(tmp_path, settings_text: str, name: str = "gongwen.yaml"):
    (tmp_path / name).write_text(settings_text, encoding="utf-8")
    (tmp_path / "report.yaml").write_text(REPORT, encoding="utf-8")
    (tmp_path / "speech.yaml").write_text(SPEECH, encoding="utf-8")
    return tmp_path


def assert_build_refused(folder, *words):
    result = run_gongwen("build", "report.yaml", "speech.yaml", "-o", "out", cwd=folder)
    text = output(result)
    assert result.returncode == 1, text[-2000:]
    assert "Traceback" not in text and "已生成" not in text, text[-2000:]
    assert not (folder / "out").exists() or not any((folder / "out").iterdir())
    for word in words:
        assert word in text, text[-2000:]
    return text


def assert_lint_goes_on(folder, *words):
    result = run_gongwen("lint", "report.yaml", "speech.yaml", cwd=folder)
    text = output(result)
    assert result.returncode in (0, 1), text[-2000:]  # findings or none: the files were linted
    assert "Traceback" not in text and "设置有误" in text, text[-2000:]
    assert "检查了 2 个文件" in text, text[-2000:]
    for word in words:
        assert word in text, text[-2000:]
    return text


# --- values that are not data (template code, markup, control characters) ------------------

BAD_VALUES = {
    "template code in a face": ('faces:\n  body: "X{{ paragraphs|length*1111 }}X"\n', "faces.body"),
    "a hanging expression": ('faces:\n  title: "{{ 9**(9**9) }}"\n', "faces.title"),
    "a statement": ('faces:\n  h1: "黑体{% for x in range(9) %}{% endfor %}"\n', "faces.h1"),
    "markup in a face": ('faces:\n  h2: \'楷体"/><w:b/><w:rFonts w:ascii="x\'\n', "faces.h2"),
    "an entity in a face": ('faces:\n  page: "宋体&amp;"\n', "faces.page"),
    "a long face": (f'faces:\n  body: "{"仿" * 65}"\n', "faces.body"),
    "a list for a face": ("faces:\n  body: [仿宋]\n", "faces.body"),
    "an empty face": ('faces:\n  body: ""\n', "faces.body"),
    "template code in org": ('org: "{{ 9**(9**9) }}"\n', "org"),
    "a long author": (f'author: "{"调研组" * 40}"\n', "author"),
}

CONTROL = {
    "a control character in a face": ('faces:\n  body: "仿\\x01宋"\n', "faces.body"),
    "a form feed in a face": ('faces:\n  title: "方正小标宋\\f简体"\n', "faces.title"),
    "a control character in author": ('author: "县总工会\\x02调研组"\n', "author"),
    "a line break in author": ('author: "县总工会\\n调研组"\n', "author"),
    "an escape in org": ('org: "清河县\\e[31m总工会"\n', "org"),
    "a bidi override in org": ('org: "清河县\\u202e会工总"\n', "org"),
    "DEL in author": ('author: "调研\\x7f组"\n', "author"),
}


@pytest.mark.parametrize("case", list(BAD_VALUES) + list(CONTROL))
def test_a_bad_value_is_refused_by_build_naming_file_and_key(tmp_path, case):
    text, key = {**BAD_VALUES, **CONTROL}[case]
    folder = office(tmp_path, text)
    assert_build_refused(folder, "gongwen.yaml", f"{key}：")


@pytest.mark.parametrize("case", ["template code in a face", "a control character in author"])
def test_a_bad_value_is_reported_by_lint_which_goes_on(tmp_path, case):
    text, key = {**BAD_VALUES, **CONTROL}[case]
    assert_lint_goes_on(office(tmp_path, text), "gongwen.yaml", f"{key}：")


def test_a_bad_value_in_setup_cfg_names_its_key(tmp_path):
    folder = office(tmp_path, "[gongwen]\nface_body = 仿宋{{ 9**(9**9) }}\n", "setup.cfg")
    assert_build_refused(folder, "setup.cfg", "face_body")


def test_control_characters_never_reach_the_document(tmp_path):
    """Once they made six broken XML parts, reported as 已生成."""
    folder = office(tmp_path, 'faces:\n  body: "仿\\x01宋"\n  h1: "黑\\x0b体"\n'
                    'author: "调研\\x02组"\norg: "总工\\x03会"\n')
    text = assert_build_refused(folder, "faces.body：", "U+0001")
    assert "成功 0 份" in text


def test_real_font_names_and_text_still_build(tmp_path):
    folder = office(tmp_path, "faces:\n  title: 方正小标宋_GBK\n  h1: Noto Sans CJK SC\n  h2: 楷体_GB2312\n"
                    "  body: 仿宋_GB2312\n  page: Times New Roman\n"
                    "author: 清河县总工会（县职工服务中心）调研组\norg: 清河县总工会\n")
    result = run_gongwen("build", "report.yaml", "-o", "out", cwd=folder)
    assert result.returncode == 0, output(result)
    with zipfile.ZipFile(folder / "out" / "report.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
        styles = z.read("word/styles.xml").decode("utf-8")
    assert 'w:eastAsia="方正小标宋_GBK"' in styles and 'w:eastAsia="Noto Sans CJK SC"' in styles
    assert "清河县总工会（县职工服务中心）调研组" in xml and "清河县总工会开展了调研。" in xml
    lint = run_gongwen("lint", "out/report.docx", "report.yaml", cwd=folder)
    assert "设置有误" not in output(lint), output(lint)


# --- bombs ----------------------------------------------------------------------------------------

def alias_bomb() -> str:
    """Ten levels of nine aliases in one list: 3.9 billion strings once expanded (a 3 GB MemoryError
    after 30 s when the value was turned into text)."""
    levels = ['&a0 ["笑", "笑", "笑", "笑", "笑", "笑", "笑", "笑", "笑"]']
    levels += [f"&a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return "[" + ", ".join(levels) + "]"


BOMBS = {
    "alias bomb in author": f"author: {alias_bomb()}\n",
    "alias bomb in the lint settings": f"lint:\n  ignore: {alias_bomb()}\n",
    "deep flow nesting": "author: " + "[" * 5000 + "]" * 5000 + "\n",
    "deep flow mappings": "faces: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n",
    "deep block nesting": "author:\n" + "- " * 5000 + "x\n",
}


@pytest.mark.parametrize("case", list(BOMBS))
def test_settings_bombs_are_refused_by_build(tmp_path, case):
    assert_build_refused(office(tmp_path, BOMBS[case]), "gongwen.yaml")


@pytest.mark.parametrize("case", list(BOMBS))
def test_settings_bombs_are_reported_by_lint(tmp_path, case):
    assert_lint_goes_on(office(tmp_path, BOMBS[case]), "gongwen.yaml")


def test_setup_cfg_values_are_taken_as_written(tmp_path):
    """``%(x)s`` interpolation would grow eight short lines into gigabytes: values are not expanded."""
    lines = ["[gongwen]", "author = 调研组", "org = 清河县总工会", "[gongwen.lint]", "x0 = " + "笑" * 100]
    lines += [f"x{i} = " + f"%(x{i - 1})s" * 50 for i in range(1, 8)]
    folder = office(tmp_path, "\n".join(lines + ["year = %(x7)s"]) + "\n", "setup.cfg")
    built = run_gongwen("build", "report.yaml", "-o", "out", cwd=folder)
    assert built.returncode == 0 and "Traceback" not in output(built), output(built)[-2000:]
    assert_lint_goes_on(folder, "setup.cfg", "year 应为四位年份数字")
