"""Import warns once about one garbled marker."""

from __future__ import annotations

from click.testing import CliRunner

from gongwen.cli import main
from gongwen.importer import import_file

DRAFT = ("关于开展安全检查的通知\n\n各乡镇：\n\n一、总体要求\n\n加强领导。\n\n一）开展检查\n\n落实。\n\n"
         "（二）明确责任\n\n落实。\n")


def test_one_garbled_marker_one_warning(tmp_path):
    path = tmp_path / "草稿.txt"
    path.write_text(DRAFT, encoding="utf-8")
    result = import_file(str(path))
    at9 = [w.message for w in result.warnings if w.line == 9]
    assert at9 == ["序号“一）”有乱码或缺括号，按二级标题导入，生成时写作“（一）”"]
    run = CliRunner().invoke(main, ["import", str(path), "-o", str(tmp_path / "a.yaml")], catch_exceptions=False)
    assert run.output.count("“一）”") == 1


def test_other_non_standard_markers_still_warned(tmp_path):
    path = tmp_path / "草稿.txt"
    path.write_text(DRAFT.replace("一）开展检查", "(一）开展检查"), encoding="utf-8")
    at9 = [w.message for w in import_file(str(path)).warnings if w.line == 9]
    assert at9 == ["序号“(一）”写法不规范，生成时写作“（一）”"]
