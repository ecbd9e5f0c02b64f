"""``{{ name }}`` substitution: only where ``vars`` is declared, plain names only, faults with places."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen.content import loader
from gongwen.errors import ContentErrors
from gongwen.importer.probe import expected_paragraphs
from gongwen.content.variables import fields, substitute

from tests.paths import gongwen_env

EVERYWHERE = """\
kind: speech
title: 在{{ org }}{{ year }}年工作会议上的讲话
speaker: "{{org}}主要负责人　{{ name }}"
date: 2024-03-01
vars:
  org: 清河县
  name: 张三
salutation: "{{ org }}的同志们："
opening: ["今天召开{{ org }}会议。", "下面讲三点。"]
sections:
  - heading: "{{ year }}年总体要求"
    paragraphs: ["{{ org }}要做好工作。"]
    points:
      - heading: 加强{{ org }}领导
        text: ["{{ name }}同志牵头。", 第二段。]
        points:
          - heading: 三级{{ year }}
            text: 三级正文{{ org }}。
    inline: true
    lead_in: "{{ org }}要做到："
    items:
      - "{{ org }}检查到位"
      - {lead: "{{ org }}整改", text: "{{ year }}年完成。"}
closing: "{{ org }}，加油！"
"""


def test_every_text_field_is_substituted():
    doc = loader.loads(EVERYWHERE, "e.yaml")
    substitute(doc)
    text = "\n".join(expected_paragraphs(doc))
    assert "{{" not in text and "}}" not in text
    assert expected_paragraphs(doc)[:4] == [
        "在清河县2024年工作会议上的讲话", "清河县主要负责人　张三", "（2024年3月1日）", "清河县的同志们："]
    section = doc.sections[0]
    assert section.heading == "2024年总体要求" and section.points[0].points[0].heading == "三级2024"
    assert section.series.lead_in == "清河县要做到：" and section.series.items[1].text == "2024年完成。"
    assert doc.closing == ["清河县，加油！"]


def test_without_vars_text_is_never_interpreted():
    text = EVERYWHERE.replace("vars:\n  org: 清河县\n  name: 张三\n", "")
    doc = loader.loads(text.replace("{{ name }}", "{% if x %}{{ a.b | upper }}{# c #}"), "e.yaml")
    before = expected_paragraphs(doc)
    substitute(doc)
    assert expected_paragraphs(doc) == before
    assert doc.title == "在{{ org }}{{ year }}年工作会议上的讲话"


def test_unknown_name_is_an_error_with_its_place(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(EVERYWHERE.replace("{{ name }}同志", "{{ nmae }}同志"), encoding="utf-8")
    doc = loader.load(path)
    with pytest.raises(ContentErrors) as info:
        substitute(doc)
    (error,) = info.value.errors
    assert error.place.key == "sections[0].points[0].text[0]"
    assert (error.place.line, error.place.column) == (15, 17)
    assert "nmae" in error.message and "是不是要写 name" in error.message and "org、year" in str(error)
    assert error.place.label == "第一部分（一）的第1段"
    assert str(error).startswith(f"{path}:15:17: 第一部分（一）的第1段：未定义的变量 nmae")


@pytest.mark.parametrize("expr,what", [
    ("{{ org.name }}", "不是变量名"), ("{{ org[0] }}", "不是变量名"), ("{{ org | upper }}", "不是变量名"),
    ("{{ org() }}", "不是变量名"), ("{{ year + 1 }}", "不是变量名"), ("{{ 单位 }}", "不是变量名"),
    ("{{ }}", "不是变量名"), ("{{ org.__class__ }}", "不是变量名"), ("{% for x in y %}", "语句"),
    ("{# 注释 #}", "注释"), ("{{ org", "配对"),
])
def test_only_plain_names(expr, what):
    doc = loader.loads(EVERYWHERE.replace("下面讲三点。", f"下面{expr}讲三点。"), "e.yaml")
    with pytest.raises(ContentErrors) as info:
        substitute(doc)
    (error,) = info.value.errors
    assert what in error.message and error.place.key == "opening[1]"


def test_all_faults_are_reported_at_once():
    doc = loader.loads(EVERYWHERE.replace("{{ org }}会议", "{{ a }}{{ b.c }}").replace("第二段。", "\"{{ d }}\""))
    with pytest.raises(ContentErrors) as info:
        substitute(doc)
    assert [e.place.key for e in info.value.errors] == ["opening[0]", "opening[0]",
                                                        "sections[0].points[0].text[1]"]


def test_values_are_inserted_once_as_plain_text():
    doc = loader.loads(EVERYWHERE.replace("org: 清河县", 'org: "{{ name }}<&>"'))
    substitute(doc)
    assert doc.title == "在{{ name }}<&>2024年工作会议上的讲话"


def test_year_comes_from_the_date_unless_declared():
    doc = loader.loads(EVERYWHERE)
    substitute(doc)
    assert "2024年" in doc.title
    doc = loader.loads(EVERYWHERE.replace("name: 张三", "name: 张三\n  year: 2025"))
    substitute(doc)
    assert "2025年" in doc.title
    undated = loader.loads(EVERYWHERE.replace("date: 2024-03-01\n", ""))
    with pytest.raises(ContentErrors, match="未定义的变量 year"):
        substitute(undated)


def test_defaults_from_the_caller():
    doc = loader.loads(EVERYWHERE.replace("  org: 清河县\n", ""))
    substitute(doc, defaults={"org": "河东区"})
    assert doc.title.startswith("在河东区")
    doc = loader.loads(EVERYWHERE)
    substitute(doc, defaults={"org": "河东区"})
    assert doc.title.startswith("在清河县")  # the document wins


def test_report_keys_name_the_parts():
    doc = loader.loads("kind: report\ntitle: 报告\nvars: {a: 1}\nintro: 开头{{ x }}\n"
                       "problems:\n  paragraphs: [\"问题{{ y }}\"]\nsections:\n  - heading: 其他\n"
                       "    paragraphs: [\"其他{{ z }}\"]\n")
    with pytest.raises(ContentErrors) as info:
        substitute(doc)
    assert [e.place.key for e in info.value.errors] == ["intro[0]", "problems.paragraphs[0]",
                                                        "sections[0].paragraphs[0]"]
    assert [key for key, _, _ in fields(doc)][:2] == ["title", "author"]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_text_without_braces_is_untouched(text):
    doc = loader.loads(EVERYWHERE)
    doc.opening[1] = text.replace("{", "")
    substitute(doc)
    assert doc.opening[1] == text.replace("{", "")


def test_build_substitutes(tmp_path):
    from gongwen.builder.pipeline import build_one

    path = tmp_path / "s.yaml"
    path.write_text(EVERYWHERE, encoding="utf-8")
    result = build_one(path, tmp_path / "s.docx")
    assert result.ok, result.errors
    with zipfile.ZipFile(tmp_path / "s.docx") as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    assert "清河县2024年" in xml and "{{" not in xml


@pytest.mark.slow
def test_unclosed_variables_in_a_large_paragraph_finish(tmp_path):
    """Half a million unclosed ``{{``: one message, and no quadratic scan (a real process with a
    generous timeout, so a regression fails instead of hanging)."""
    source = tmp_path / "vars.yaml"
    source.write_text("kind: speech\ntitle: 标题\nvars: {org: 县总工会}\nsections:\n  - heading: 部分\n"
                      "    paragraphs:\n      - \"" + "{{" * (1 << 19) + "\"\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "gongwen", "build", str(source), "-o", str(tmp_path / "o")],
                          capture_output=True, timeout=90, env=gongwen_env())
    out = (proc.stdout + proc.stderr).decode("utf-8", "replace")
    assert proc.returncode == 1 and "Traceback" not in out
    assert len(out) < 100_000, "one message per unclosed '{{' floods the terminal"
