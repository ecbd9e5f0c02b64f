"""Titles built a line a paragraph, and read back: as the joined title when gongwen set the lines
itself, as the writer's lines when they are set elsewhere; attachment titles alike; speeches too."""

from __future__ import annotations

import docx

from gongwen.builder.pipeline import build_one
from gongwen.builder.titles import shape
from gongwen.importer import import_file

NOTICE = ("kind: 通知\ntitle: {title}\ndate: 2024-05-06\nissuer: 清河县人民政府\ndoc_number: 清政发〔2024〕7号\n"
          "recipients: 各乡镇人民政府\nopening: [现就有关事项通知如下。]\nclosing: [特此通知。]\n"
          "attachments:\n  - title: {attachment}\n    opening: [名录见下。]\nsignature: 清河县人民政府\n")
TITLE = "清河县人民政府关于公布清河县第二批县级非物质文化遗产代表性项目名录的通知"
ATTACHMENT = "清河县第二批县级非物质文化遗产代表性项目名录及保护单位"


def built(tmp_path, text, name="t"):
    source = tmp_path / f"{name}.yaml"
    source.write_text(text, encoding="utf-8")
    result = build_one(source, tmp_path / f"{name}.docx")
    assert result.ok, result.errors
    return result.target


def styled(path, style):
    return [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == style]


def test_a_long_title_is_built_a_line_a_paragraph_and_read_back_whole(tmp_path):
    target = built(tmp_path, NOTICE.format(title=TITLE, attachment=ATTACHMENT))
    titles = [p.text for p in docx.Document(str(target)).paragraphs if p.text in shape(TITLE) + shape(ATTACHMENT)]
    assert titles == shape(TITLE) + shape(ATTACHMENT) and len(shape(TITLE)) > 1
    doc = import_file(target).document
    assert (doc.title, doc.title_lines) == (TITLE, [])
    assert (doc.attachments[0].title, doc.attachments[0].title_lines) == (ATTACHMENT, [])


def test_a_writers_lines_are_built_and_read_back_as_lines(tmp_path):
    lines = ["清河县人民政府关于公布", "清河县第二批县级非物质文化遗产", "代表性项目名录的通知"]
    own = ["清河县第二批县级非物质文化遗产", "代表性项目名录及保护单位"]
    target = built(tmp_path, NOTICE.format(title=lines, attachment=own))
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert all(line in texts for line in lines + own)
    doc = import_file(target).document
    assert (doc.title, doc.title_lines) == (TITLE, lines)
    assert doc.attachments[0].title_lines == own


def test_a_speech_title_is_shaped_too(tmp_path):
    title = "在清河县第十八届人民代表大会第三次会议闭幕会上的讲话"
    target = built(tmp_path, f"kind: 讲话稿\ntitle: {title}\nsections:\n  - heading: 总体要求\n"
                             "    paragraphs: [要把握好总体要求。]\n", "s")
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert texts[:len(shape(title))] == shape(title) and len(shape(title)) == 2
    assert import_file(target).document.title == title
