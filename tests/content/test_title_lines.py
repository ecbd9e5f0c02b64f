"""A title given as its lines (a list, or a string with a line break between lines), for the
document and for an attachment: loaded joined with its lines kept, dumped as given, variables
filled in every line."""

from __future__ import annotations

import pytest

from gongwen.content import loader, variables
from gongwen.content.dumper import dump
from gongwen.errors import ContentErrors

BODY = "recipients: 各乡镇人民政府\nopening: [现就有关事项通知如下。]\nclosing: [特此通知。]\n"


def test_a_title_as_a_list_of_lines():
    doc = loader.loads("kind: 通知\ntitle:\n  - 清河县人民政府关于进一步加强\n  - 汛期安全生产工作的通知\n" + BODY)
    assert doc.title == "清河县人民政府关于进一步加强汛期安全生产工作的通知"
    assert doc.title_lines == ["清河县人民政府关于进一步加强", "汛期安全生产工作的通知"]


def test_a_title_with_line_breaks():
    doc = loader.loads("kind: 讲话稿\ntitle: |\n  在全县2024年安全生产暨\n  森林防火工作会议上的讲话\n"
                       "sections:\n  - heading: 甲\n    paragraphs: 乙\n")
    assert doc.title_lines == ["在全县2024年安全生产暨", "森林防火工作会议上的讲话"]
    assert doc.title == "在全县2024年安全生产暨森林防火工作会议上的讲话"


def test_a_one_line_title_has_no_lines_and_a_folded_one_stays_one_line():
    doc = loader.loads("kind: 通知\ntitle: 关于做好防汛工作的通知\n" + BODY)
    assert (doc.title, doc.title_lines) == ("关于做好防汛工作的通知", [])
    doc = loader.loads("kind: 通知\ntitle: 关于做好\n  防汛工作的通知\n" + BODY)  # plain scalar: folded
    assert (doc.title, doc.title_lines) == ("关于做好防汛工作的通知", [])


def test_an_attachment_title_as_lines():
    doc = loader.loads("kind: 通知\ntitle: 关于公布名录的通知\n" + BODY + "attachments:\n  - title: [清河县第二批县级, "
                       "非物质文化遗产代表性项目名录]\n    opening: [见下。]\n")
    attachment = doc.attachments[0]
    assert attachment.title == "清河县第二批县级非物质文化遗产代表性项目名录"
    assert attachment.title_lines == ["清河县第二批县级", "非物质文化遗产代表性项目名录"]


@pytest.mark.parametrize("title, fault", [
    ("[关于做好防汛工作的通知。]", "标题末尾不加标点"),
    ("[关于做好, '']", "不能为空"),
    ("[]", "不能为空"),
])
def test_a_title_in_lines_is_checked_as_one(title, fault):
    with pytest.raises(ContentErrors) as info:
        loader.loads(f"kind: 通知\ntitle: {title}\n" + BODY, "c.yaml")
    assert fault in str(info.value)


def test_the_dumper_writes_what_was_given():
    text = ("kind: 通知\ntitle:\n- 清河县人民政府关于进一步加强\n- 汛期安全生产工作的通知\n" + BODY
            + "attachments:\n- title:\n  - 清河县第二批县级\n  - 非物质文化遗产代表性项目名录\n  opening:\n  - 见下。\n")
    doc = loader.loads(text)
    again = loader.loads(dump(doc))
    assert again.title_lines == doc.title_lines and again.attachments[0].title_lines == doc.attachments[0].title_lines
    assert "title: 关于做好防汛工作的通知\n" in dump(loader.loads("kind: 通知\ntitle: 关于做好防汛工作的通知\n" + BODY))


def test_variables_fill_every_line_and_the_joined_title():
    doc = loader.loads("kind: 通知\nvars: {org: 清河县人民政府}\ntitle: ['{{ org }}关于进一步加强', 汛期安全生产工作的通知]\n"
                       + BODY)
    variables.substitute(doc, text="")
    assert doc.title_lines[0] == "清河县人民政府关于进一步加强"
    assert doc.title == "清河县人民政府关于进一步加强汛期安全生产工作的通知"
