"""Messages a writer meets on first use: rules named in Chinese, a bad choice with a did-you-mean,
--annotate on a text file refused without a misleading summary, a swapped number explained."""

from __future__ import annotations

from click.testing import CliRunner

from gongwen.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args), prog_name="gongwen")


def test_rule_explanation_and_list_have_no_english_names():
    text = run("rule", "GW401").output
    assert text.splitlines()[0] == "GW401（标点符号（GW4xx））" and "halfwidth" not in text
    assert run("rule", "401").output == text


def test_a_wrong_kind_gets_a_suggestion():
    r = run("new", "通告")
    assert r.exit_code == 2
    assert "文种的值不对：“通告”不在可选值中" in r.output and "是不是要用 通知？" in r.output


def test_annotate_on_text_is_refused_as_such(tmp_path):
    draft = tmp_path / "a.txt"
    draft.write_text("各单位:\n一、总体要求\n", encoding="utf-8")
    r = run("lint", "--annotate", str(draft))
    assert r.exit_code == 2
    assert "--annotate 只能给 .docx 加 Word 批注" in r.output
    assert "无法写入" not in r.output and "1 个文件不是 .docx，没有加批注" in r.output
    assert not (tmp_path / "a.annotated.txt").exists()


def test_swapped_numbers_are_explained_by_position(tmp_path):
    draft = tmp_path / "b.txt"
    draft.write_text("关于做好防汛工作的通知\n一、总体要求\n加强领导。\n三、工作措施\n抓好落实。\n二、保障措施\n强化保障。\n",
                     encoding="utf-8")
    out = run("lint", str(draft)).output
    assert "“二、”排在“三、”之后" in out and "按位置此处应为“三、”" in out and "应为“四、”" not in out


def test_kind_for_yaml_is_said_to_be_ignored(tmp_path):
    from tests.paths import CONTENT

    r = run("build", str(CONTENT / "speech.yaml"), "--kind", "请示", "-o", str(tmp_path))
    assert r.exit_code == 0 and "已忽略 --kind" in r.output
