"""A paragraph holding several 一是/二是 items not split by ；: kept as the writer's paragraph, with a
warning — never one item that swallows the next; and a changed paragraph says what changed."""

from gongwen.importer.outline import import_file


def test_items_in_one_paragraph_stay_a_paragraph(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("关于做好防汛工作的讲话\n同志们：\n一、总体要求\n一是严防道路交通事故。二是严防森林火灾。\n",
                    encoding="utf-8")
    result = import_file(path)
    section = result.document.sections[0]
    assert section.series is None and section.paragraphs == ["一是严防道路交通事故。二是严防森林火灾。"]
    assert any("不是用“；”分隔" in w.message for w in result.warnings)


def test_a_changed_paragraph_says_what_changed(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("关于做好防汛工作的通知\n各单位:\n为做好防汛工作，现通知如下。\n一、总体要求\n加强领导。\n",
                    encoding="utf-8")
    warnings = [w.message for w in import_file(path).warnings]
    assert any("原文“各单位:”，生成后为“各单位：”" in w for w in warnings), warnings
