"""What a settings value may be: a face name is a font name, author and org one line of text."""

from __future__ import annotations

import pytest

from gongwen import settings
from gongwen.errors import GongwenError
from gongwen.settingvalues import MAX_FACE_LENGTH, code_problem, face_problem, text_problem, year_problem

REAL_FACES = ["仿宋_GB2312", "方正小标宋简体", "方正小标宋_GBK", "楷体_GB2312", "黑体", "Times New Roman",
              "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "思源宋体 CN", "华文中宋", "ＭＳ 明朝",
              "Source Han Serif SC (Heavy)", "Adobe 宋体 Std L", "M+ 1p", "STFangsong", "Ｆ" * MAX_FACE_LENGTH]


@pytest.mark.parametrize("face", REAL_FACES)
def test_real_font_names_are_accepted(face):
    assert face_problem(face) is None


@pytest.mark.parametrize("face,words", [
    ("X{{ paragraphs|length*1111 }}X", "“{”"),
    ("{% raw %}", "“%”"),
    ('宋体"/><w:b/>', "“<”"),
    ("宋体&amp;", "“&”"),
    ("仿\x01宋", "U+0001"),
    ("仿宋\u202e", "U+202E"),
    ("仿宋\u200b体", "U+200B"),
    ("仿" * (MAX_FACE_LENGTH + 1), "过长"),
    ("  ", "不能为空"),
    (["仿宋"], "应为字体名"),
    (None, "应为字体名"),
])
def test_what_is_not_a_font_name_is_refused(face, words):
    assert words in face_problem(face)


@pytest.mark.parametrize("text", ["清河县总工会调研组", "县总工会、县发改局联合调研组", "XX 市 R&D 中心", "《工人日报》社",
                                  "中共清河县委办公室（县档案局）", None, ""])
def test_real_authors_and_orgs_are_accepted(text):
    assert text_problem(text) is None


@pytest.mark.parametrize("text,words", [
    ("调研\x00组", "U+0000"), ("调研\t组", "U+0009"), ("调研\n组", "U+000A"), ("调研\x85组", "U+0085"),
    ("调研\u2028组", "U+2028"), ("调研\u2066组", "U+2066"), ("调研\ufeff组", "U+FEFF"), ("\ufffe", "U+FFFE"),
    ("{{ org }}", "花括号"), ("组" * 101, "过长"), (["组"], "一行文字"),
])
def test_control_characters_and_braces_in_text_are_refused(text, words):
    assert words in text_problem(text)


def test_codes_and_years():
    assert code_problem("GW413") is None and code_problem("GW") is None
    assert "无效" in code_problem("GW4\x1b[2J") and "U+001B" in code_problem("GW4\x1b[2J")
    assert year_problem("2024") is None and year_problem(2024) is None
    assert year_problem("９" * 4) and year_problem("9" * 5000) and year_problem("二〇二四")


def test_a_bad_value_names_the_file_line_and_key(tmp_path):
    path = tmp_path / "gongwen.yaml"
    path.write_text("page_numbers: outer\nfaces:\n  body: \"仿宋{{ x }}\"\n", encoding="utf-8")
    with pytest.raises(GongwenError) as info:
        settings.read(path).require_house()
    assert str(info.value).startswith(f"{path}:3:9: faces.body：字体名中不能有 “{{”、“}}”")


def test_lint_values_that_are_not_codes_are_reported_and_dropped(tmp_path):
    path = tmp_path / "gongwen.yaml"
    path.write_text("lint:\n  ignore: [GW413, \"GW4\\e[2J\"]\n  severity: {\"\\e]0;x\": error}\n  year: 20245\n",
                    encoding="utf-8")
    lint = settings.read(path).lint
    assert lint.ignore == ["GW413"] and lint.severity == {} and lint.year is None
    assert len(lint.problems) == 3 and not any("\x1b" in p for p in lint.problems)


def test_yaml_scalars_are_read_as_written(tmp_path):
    """``level3: 1.`` is the text 1., not the number 1.0; ``author: yes`` the text yes."""
    path = tmp_path / "gongwen.yaml"
    path.write_text("level3: 1．\nauthor: yes\norg: 2024\nlint: {strict: true, year: 2024}\n", encoding="utf-8")
    read = settings.read(path)
    assert read.error is None, read.error
    assert (read.house.level3, read.house.author, read.house.org) == ("．", "yes", "2024")
    assert read.lint.strict and read.lint.year == 2024
