"""The engine: selection, settings, suppression, positions, fixes."""

from __future__ import annotations

from gongwen.lint.findings import Finding, Fix

from gongwen.settings import LintSettings, is_selected, lint_settings_from

from gongwen.draft.source import Para, Source, source_from_text

from gongwen import settings

from gongwen.lint.engine import lint_source

from gongwen.lint.suppress import parse_suppressions
from gongwen.lint.fix import fix_text

from tests.lint_examples import codes, where


def test_is_selected_longest_prefix_wins():
    assert is_selected("GW401", ["GW"], [])
    assert not is_selected("GW401", ["GW"], ["GW4"])
    assert is_selected("GW401", ["GW", "GW401"], ["GW4"])
    assert not is_selected("GW401", ["GW4"], ["GW4"])
    assert not is_selected("GW101", ["GW4"], [])


def test_config_from_mapping_and_problems():
    cfg = lint_settings_from({"select": "GW1, GW4", "ignore": ["gw401"], "extend-ignore": "GW9",
                               "severity": "GW413=error, GW110:warning", "year": "2024", "level3": "．",
                               "strict": "yes", "colour": "x"}, "setup.cfg")
    assert cfg.select == ["GW1", "GW4"] and cfg.ignore == ["GW401", "GW9"]
    assert cfg.severity == {"GW413": "error", "GW110": "warning"}
    assert (cfg.year, cfg.level3, cfg.strict) == (2024, "．", True)
    assert any("colour" in p for p in cfg.problems)
    bad = lint_settings_from({"severity": {"GW413": "fatal"}, "year": "明年", "level3": "、"}, "g.yaml")
    assert len(bad.problems) == 3 and bad.severity == {}


def test_find_config_prefers_the_nearest_folder(tmp_path):
    (tmp_path / "setup.cfg").write_text("[gongwen.lint]\nignore = GW4\n", encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert settings.load(str(sub)).lint.ignore == ["GW4"]
    (tmp_path / "a" / "gongwen.yaml").write_text("lint:\n  ignore: [GW5]\n", encoding="utf-8")
    cfg = settings.load(str(sub)).lint
    assert cfg.ignore == ["GW5"] and cfg.origin.endswith("gongwen.yaml")
    # the nearest settings file decides alone, for lint as for build (a wrong key is reported)
    (sub / "gongwen.yml").write_text("profile:\n  name: x\n", encoding="utf-8")
    nearest = settings.load(str(sub))
    assert nearest.path.endswith("gongwen.yml") and nearest.lint.ignore == []
    assert any("profile" in p for p in nearest.lint.problems)


def test_severity_override_applies_to_practice_rules_only():
    cfg = LintSettings(severity={"GW413": "error", "GW401": "warning", "GW6": "warning"})
    found = {f.code: f.severity for f in lint_source(source_from_text("推进产业 工人,队伍有*人。"), cfg)}
    assert found == {"GW413": "error", "GW401": "error", "GW601": "warning"}


def test_suppressions():
    sup = parse_suppressions([
        "text # gongwen: disable=GW401",
        "<!-- gongwen: disable=GW2,GW301 -->",
        "x",
        "<!-- gongwen: enable=GW2,GW301 -->",
        "# gongwen: disable",
        "y",
    ])
    assert sup.suppressed(1, "GW401") and not sup.suppressed(1, "GW402")
    assert sup.suppressed(3, "GW201") and sup.suppressed(3, "GW301") and not sup.suppressed(3, "GW302")
    assert not sup.suppressed(4 + 0, "GW101")
    assert not sup.suppressed(3, "GW101")
    assert sup.suppressed(6, "GW101") and sup.suppressed(6, "GW999")


def test_suppression_for_the_whole_file():
    assert codes("# gongwen: disable=GW401\n完成,取得。\n其他,内容。\n") == []


def test_para_positions_with_segments():
    p = Para(3, "第一行 第二行", 5, segments=((0, 3, 5), (4, 4, 7)))
    assert p.position(0) == (3, 5)
    assert p.position(2) == (3, 7)
    assert p.position(4) == (4, 7)
    assert p.position(6) == (4, 9)
    assert Para(2, "有\t转义", 7, exact=False).position(3) == (2, 7)




def test_fixes_never_touch_a_word_numbering_label():
    # docx paragraphs carry the rendered w:numPr label; a fix inside it cannot be applied
    para = Para(1, "一.总体要求", label_len=2)
    source = Source("x.docx", [para], "docx")
    found = lint_source(source, LintSettings(select=["GW101"]))
    assert [f.code for f in found] == ["GW101"]
    assert found[0].fix is None


def test_fix_iterates_until_stable():
    # (一）、 needs two fixes that overlap: brackets, then the stray 、
    result = fix_text("一、总体要求\n(一）、加强领导\n", "x.txt", "txt")
    assert result.fixed == "一、总体要求\n（一）加强领导\n"
    assert {f.code for f, _, _ in result.applied} == {"GW102", "GW103"}


def test_fix_leaves_what_is_not_safe():
    result = fix_text("有*万人,共XX个。\n", "x.txt", "txt")
    assert result.fixed == "有*万人，共XX个。\n"


def test_fix_preserves_other_lines_exactly():
    text = "第一行没有问题。\n\n  缩进的行,有问题。\n最后一行\n"
    assert fix_text(text, "x.txt", "txt").fixed == "第一行没有问题。\n\n  缩进的行，有问题。\n最后一行\n"


def test_diff_output():
    result = fix_text("完成,取得。\n", "x.txt", "txt")
    d = result.diff("x.txt")
    assert "-完成,取得。" in d and "+完成，取得。" in d


def test_where_helper_positions_are_one_based():
    assert where("完成,取得。") == [(1, 3, "GW401")]


def test_finding_filled_by_engine():
    f = Finding(message="m")
    assert f.to_dict()["fix"] is None
    assert Fix(1, 2, "x").apply("abc") == "axc"


def test_table_cells_are_not_part_of_the_outline():
    paras = [Para(1, "一、总体要求"), Para(2, "1、序号", kind="table"), Para(3, "二、工作任务"),
             Para(4, "这是表格里的一段长文字，写的是短语而不是句子，所以没有句号", kind="table")]
    found = lint_source(Source("x.docx", paras, "docx"), LintSettings(ignore=["GW8"]))
    assert found == []
