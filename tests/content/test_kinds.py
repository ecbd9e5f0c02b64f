"""A kind is written in Chinese or as its ASCII alias, in content and on the command line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from gongwen.cli import main
from gongwen.content.loader import loads
from gongwen.content.schema import kind_of
from gongwen.errors import ContentErrors

BODY = "title: 在全县工作会议上的讲话\nsections:\n  - heading: 总体要求\n    paragraphs: [要抓好落实。]\n"


@pytest.mark.parametrize("written,kind", [("讲话稿", "speech"), ("speech", "speech"), ("调研报告", "report"),
                                          ("report", "report")])
def test_chinese_names_and_ascii_aliases_are_one_kind(written, kind):
    assert kind_of(written) == kind
    if kind == "speech":
        assert loads(f"kind: {written}\n" + BODY).kind == "speech"


def test_an_unknown_kind_names_the_choices_and_a_near_one():
    with pytest.raises(ContentErrors) as info:
        loads("kind: 讲话\n" + BODY)
    assert "讲话稿（speech）" in str(info.value) and "是不是要写 讲话稿" in str(info.value)


def test_new_and_import_take_chinese_kinds(tmp_path):
    out = tmp_path / "r.yaml"
    result = CliRunner().invoke(main, ["new", "调研报告", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert loads(out.read_text(encoding="utf-8")).kind == "report"
    draft = tmp_path / "d.txt"
    draft.write_text("在全县工作会议上的讲话\n一、总体要求\n要抓好落实。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(draft), "--kind", "讲话稿"])
    assert result.exit_code == 0 and "kind: 讲话稿" in result.output
