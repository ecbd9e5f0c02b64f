"""YAML mistakes Chinese writers make: found where they are, explained in Chinese with the fix.

Each case is a realistic speech with one mistake; the loader (as ``gongwen build``
runs it) and ``gongwen lint`` (in-process) must name the mistake's own line and
column, in Chinese, never the parser's English alone.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from gongwen.cli import main
from gongwen.content.loader import loads
from gongwen.errors import ContentErrors, GongwenError
from gongwen.yamlhints import diagnose

SPEECH = """kind: 讲话稿
title: 在清河县安全生产工作会议上的讲话
speaker: 县长 王建国
date: 2024-03-01
salutation: 同志们：
sections:
  - heading: 充分认识安全生产的重要性
    paragraphs:
      - 安全生产事关人民群众生命财产安全。
      - 今年以来，全县安全形势总体平稳。
  - heading: 突出抓好重点领域整治
    points:
      - heading: 抓好道路交通安全
        text: 要加强对重点路段的巡查。
"""

#: (name, the mistake, where it is, words the message must have)
CASES = [
    ("full-width colon after a key", ("salutation: 同志们：", "salutation：同志们："), (5, 11),
     ["全角冒号", "把“salutation：”改为“salutation: ”"]),
    ("no space after the colon", ("speaker: 县长", "speaker:县长"), (3, 8), ["冒号后面缺少半角空格", "speaker: "]),
    ("full-width space after the colon", ("speaker: 县长", "speaker:\u3000县长"), (3, 8), ["全角空格换成半角空格"]),
    ("indent of full-width spaces", ("  - heading: 突出", "\u3000\u3000- heading: 突出"), (11, 1),
     ["全角空格（U+3000）缩进", "从第 3 列开始"]),
    ("full-width spaces under a key", ("      - 安全生产", "\u3000\u3000\u3000- 安全生产"), (9, 1),
     ["全角空格", "从第 7 列开始"]),
    ("tab in the indentation", ("        text: 要加强", "\t\ttext: 要加强"), (14, 1),
     ["Tab 缩进", "从第 9 列开始", "heading"]),
    ("unclosed double quote", ("title: 在清河县", 'title: "在清河县'), (2, 8), ["引号没有配对", '补上 "']),
    ("unclosed single quote", ("      - 安全生产", "      - '安全生产"), (9, 9), ["引号没有配对", "补上 '"]),
    ("half-width quote closed by a Chinese one", ("      - 安全生产事关人民群众生命财产安全。",
                                                  '      - "安全生产事关人民群众生命财产安全。”'), (9, 9),
     ["引号没有配对", "中文引号，不能结束英文引号"]),
    ("bad escape in double quotes", ("      - 安全生产事关", '      - "安全生产\\d事关'), (9, 9), ["反斜杠"]),
    ("': ' inside Chinese text", ("text: 要加强对", "text: 要求: 加强对"), (14, 17),
     ["半角冒号加空格", "加上英文引号", "全角“：”"]),
    ("Chinese quotes taken for YAML's", ("text: 要加强对重点路段的巡查。", "text: “要求: 加强对重点路段的巡查。”"), (14, 18),
     ["中文引号“”不是 YAML 的引号", "全角“：”"]),
    ("key indented too far", ("        text: 要加强", "         text: 要加强"), (14, 10),
     ["缩进不对", "“text”应从第 9 列开始", "第 13 行的“heading”", "现在从第 10 列开始"]),
    ("key indented too little", ("    points:\n", "   points:\n"), (12, 4),
     ["缩进不对", "“points”应从第 5 列开始", "“heading”对齐"]),
    ("list entry indented wrongly", ("  - heading: 突出", "   - heading: 突出"), (11, 4),
     ["缩进不对", "应从第 3 列开始", "列表项“-”"]),
]


def _broken(mistake) -> str:
    old, new = mistake
    assert old in SPEECH
    return SPEECH.replace(old, new, 1)


def _error(text: str):
    with pytest.raises(ContentErrors) as info:
        loads(text, "讲话.yaml")
    (error,) = info.value.errors
    return error


@pytest.mark.parametrize("name,mistake,where,words", CASES, ids=[c[0] for c in CASES])
def test_each_mistake_is_placed_and_explained_in_chinese(name, mistake, where, words):
    error = _error(_broken(mistake))
    assert error.code == "GW710"
    assert (error.place.line, error.place.column) == where, str(error)
    for word in words:
        assert word in error.message, error.message
    assert str(error).startswith(f"讲话.yaml:{where[0]}:{where[1]}: YAML 语法错误：")
    assert not re.search(r"[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}", error.message), error.message  # no English sentence


@pytest.mark.parametrize("name,mistake,where,words", CASES[:7], ids=[c[0] for c in CASES[:7]])
def test_lint_reports_the_same_message_at_the_same_place(name, mistake, where, words, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "讲话.yaml").write_text(_broken(mistake), encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", "讲话.yaml"], catch_exceptions=False)
    built = str(_error(_broken(mistake)))
    line = next(x for x in result.output.splitlines() if "GW710" in x)
    assert line == built.replace(f":{where[1]}: ", f":{where[1]}: GW710 ", 1), result.output


def test_text_with_a_colon_read_as_a_mapping_says_so_once():
    text = SPEECH.replace("- 今年以来，全县安全形势总体平稳。", "- 今年以来，全县安全形势总体平稳: 事故起数下降。")
    error = _error(text)
    assert (error.place.line, error.place.column) == (10, 9)
    assert "第一部分的第2段" in str(error) and "半角冒号加空格" in error.message and "全角“：”" in error.message
    points = SPEECH.replace("      - heading: 抓好道路交通安全\n        text: 要加强对重点路段的巡查。\n",
                            "      - 抓好道路交通安全: 要加强巡查\n      - heading: 抓好消防安全\n")
    error = _error(points)
    assert str(error).startswith("讲话.yaml:13:9: 第二部分（一）：文字“…抓好道路交通安全: …”中的半角冒号")


def test_a_flow_mapping_is_not_taken_for_text():
    error = _error(SPEECH.replace("title: 在清河县安全生产工作会议上的讲话", "title: {讲话: 甲}"))
    assert "应为文字，实际是键值" in error.message


def test_the_parser_words_come_only_after_a_chinese_explanation():
    error = _error(SPEECH + "closing: [同志们, 努力\n")
    assert error.message.startswith("YAML 语法错误：")
    head, _, tail = error.message.partition("（解析器原文：")
    assert re.search("[\u4e00-\u9fff]{4}", head) and (not tail or tail.endswith("）"))


def test_text_that_is_right_is_not_blamed():
    """A list entry ``- GDP：增长`` is text; the mistake is the Tab two lines below."""
    text = SPEECH.replace("      - 今年以来，全县安全形势总体平稳。", "      - GDP：增长6.5%\n      - note：以上为初步统计")
    text = text.replace("        text: 要加强", "\t\ttext: 要加强")
    error = _error(text)
    assert "Tab" in error.message and error.place.line == 15


def test_non_content_yaml_is_explained_too(tmp_path):
    from gongwen.draft.yamlsource import yaml_source

    with pytest.raises(GongwenError) as info:
        yaml_source("名单:\n  - 张三\n - 李四\n", "名单.yaml")
    assert "缩进不对" in info.value.message and "无法检查" in info.value.message


def test_diagnose_is_bounded_to_the_lines_before_the_mark():
    text = "a: 1\n" + "b: 2\n" * 100_000 + "c：3\n"
    assert diagnose(text, "could not find expected ':'", "while scanning a simple key", (3, 0), (2, 0)) is None
