"""An office profile is read by build and lint alike: what gongwen builds for an office lints clean."""

import zipfile

import pytest
from click.testing import CliRunner

from gongwen import settings
from gongwen.builder.pipeline import build_one
from gongwen.cli import main
from gongwen.errors import GongwenError

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
    assert 'w:eastAsia="仿宋"' in document and "仿宋_GB2312" not in document
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
