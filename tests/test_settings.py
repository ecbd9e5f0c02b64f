"""Settings: the nearest gongwen.yaml, gongwen.yml or setup.cfg, read by build and lint alike.

An office profile is what gongwen builds for that office, and lints clean.
"""

import zipfile

import pytest
from click.testing import CliRunner

from gongwen import settings
from gongwen.builder.pipeline import build_one
from gongwen.cli import main
from gongwen.errors import GongwenError
from gongwen.settings import is_selected, lint_settings_from

REPORT = """\
kind: report
title: 关于职工之家建设情况的调研报告
intro: 为了解情况，调研组开展了调研。
achievements:
  points:
    - heading: 强化组织领导
      points:
        - heading: 健全机制
          text: 建立了联席会议制度。
        - heading: 压实责任
          text: 明确了责任分工。
    - heading: 丰富服务内容
      text: 开展了送温暖活动。
problems:
  paragraphs: [部分单位重视不够，工作进展不平衡。]
recommendations:
  paragraphs: [建议进一步加强指导。]
"""

HOUSE = "faces:\n  body: 仿宋\n  h2: 楷体\npage_numbers: center\nlevel3: \"1．\"\nauthor: 县总工会调研组\n"


@pytest.fixture
def office(tmp_path, monkeypatch):
    (tmp_path / "gongwen.yaml").write_text(HOUSE, encoding="utf-8")
    (tmp_path / "report.yaml").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    settings._cache.clear()
    yield tmp_path
    settings._cache.clear()


def test_build_uses_faces_page_numbers_level3_and_author(office):
    assert build_one(office / "report.yaml", office / "out/report.docx").ok
    with zipfile.ZipFile(office / "out/report.docx") as zf:
        document = zf.read("word/document.xml").decode("utf-8")
        footer = zf.read("word/footer1.xml").decode("utf-8")
        styles = zf.read("word/styles.xml").decode("utf-8")
    assert 'w:eastAsia="仿宋"' in styles and "仿宋_GB2312" not in styles + document
    assert 'w:eastAsia="楷体"' in document and "楷体_GB2312" not in document
    assert "1．健全机制。" in document and "2．压实责任。" in document
    assert "县总工会调研组" in document
    assert '<w:jc w:val="center"/>' in footer


def test_what_is_built_for_the_office_lints_clean(office):
    assert build_one(office / "report.yaml", office / "out/report.docx").ok
    result = CliRunner().invoke(main, ["lint", "out/report.docx", "report.yaml"])
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.output


def test_setup_cfg_section(tmp_path):
    (tmp_path / "setup.cfg").write_text("[gongwen]\nface_body = 仿宋\nlevel3 = 1．\n", encoding="utf-8")
    house = settings.read(tmp_path / "setup.cfg").house
    assert house.faces["body"] == "仿宋" and house.level3 == "．"
    assert house.face_map == {"仿宋_GB2312": "仿宋"}


@pytest.mark.parametrize("text,message", [
    ("colour: red\n", "未知的键 colour"),
    ("faces:\n  footnote: 宋体\n", "未知的角色 footnote"),
    ("page_numbers: left\n", "page_numbers 只能是"),
    ("level3: '1、'\n", "level3 只能是"),
])
def test_bad_profile_is_a_clear_error(tmp_path, text, message):
    (tmp_path / "gongwen.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(GongwenError) as info:
        settings.read(tmp_path / "gongwen.yaml").require_house()
    assert message in str(info.value) and "gongwen.yaml" in str(info.value)


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
