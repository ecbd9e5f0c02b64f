"""The content schema is listed once (gongwen.content.schema) and every reader derives from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gongwen.content import schema
from gongwen.content.dumper import dump
from gongwen.content.loader import loads
from gongwen.errors import ContentErrors

SRC = Path(__file__).resolve().parents[2] / "src" / "gongwen"


def test_every_key_is_text_nested_items_or_a_setting():
    text, nested, settings = schema.TEXT_KEYS, schema.NESTED_KEYS, schema.SETTING_KEYS
    items = {schema.ITEMS_KEY}
    assert text | nested | settings | items == schema.all_keys()
    for a, b in [(text, nested), (text, settings), (nested, settings), (text, items), (nested, items),
                 (settings, items)]:
        assert not a & b
    assert schema.PARAGRAPHS_KEYS <= text


def test_kinds_and_parts():
    assert set(schema.DOCUMENT_KEYS) == set(schema.KINDS) == set(schema.KIND_NAMES)
    assert set(schema.REPORT_PARTS) <= set(schema.REPORT_KEYS)
    assert not set(schema.REPORT_PARTS) & set(schema.SPEECH_KEYS)
    assert set(schema.REQUIRED_KEYS) <= set(schema.COMMON_KEYS)
    assert set(schema.BODY_KEYS) <= {k for keys in schema.DOCUMENT_KEYS.values() for k in keys}
    assert schema.KIND_CHOICES.startswith("讲话稿（speech）、调研报告（report）、通知（notice）")
    assert schema.kind_of("讲话稿") == schema.kind_of("speech") == "speech"
    assert schema.kind_of("报告") == "work_report" and schema.kind_of("调研报告") == "report"
    assert set(schema.FORMS) == set(schema.FAMILY) == set(schema.KINDS) - {"speech", "report"}
    assert set(schema.TEMPLATE_OF) == set(schema.KINDS)


def test_readers_derive_their_keys_from_the_schema():
    from gongwen.draft import yamlsource
    from gongwen.importer import newdoc

    assert yamlsource.TEXT_KEYS == schema.TEXT_KEYS | {schema.ITEMS_KEY}
    assert yamlsource.NESTED_KEYS == schema.NESTED_KEYS | {schema.ITEMS_KEY}
    assert newdoc.CONTAINER_KEYS == schema.NESTED_KEYS
    assert newdoc.TEXT_KEYS == schema.TEXT_KEYS


_LITERAL = re.compile(r"[\(\[{]\s*(?:[\"'][a-z_]+[\"']\s*,\s*)+[\"'][a-z_]+[\"']")


@pytest.mark.parametrize("module", ["content/loader.py", "content/family.py", "content/shapes.py", "content/model.py",
                                    "content/dumper.py", "content/variables.py", "draft/yamlsource.py",
                                    "importer/newdoc.py"])
def test_no_second_list_of_keys(module):
    """Only the schema lists keys: no other module has a literal of three or more of them
    (code that handles one key, or two read into one field, names them)."""
    source = (SRC / module).read_text(encoding="utf-8")
    for literal in _LITERAL.findall(source):
        keys = set(re.findall(r"[\"']([a-z_]+)[\"']", literal)) & schema.all_keys()
        assert len(keys) < 3, (module, literal)


def _every_key(kind: str) -> str:
    """A document using every key the schema gives ``kind`` (for the red-header family, every key
    its form allows: see :func:`_expected_keys`)."""
    point = ("heading: 加强领导\n{i}text: 成立专班。\n{i}run_in: false\n{i}points:\n"
             "{i}  - heading: 细化分工\n{i}    text: 明确责任。\n{i}  - heading: 压实责任\n")
    series = "{i}items:\n{i}  - lead: 抓检查\n{i}    text: 检查到位。\n{i}  - 整改到位\n{i}inline: true\n" \
             "{i}series: 第一\n{i}lead_in: 要做到：\n{i}after: [此外，还要加强宣传。]\n"
    section = ("heading: 总体要求\n{i}paragraphs: [正文。]\n{i}points:\n{i}  - " + point.replace("{i}", "{i}    ")
               + "{i}  - heading: 明确责任\n" + series.replace("{i}", "{i}    ") + series)
    head = (f"kind: {kind}\ntitle: 标题\ntemplate: {kind}\ndate: 2026-04-30\nvars:\n  org: 全市\n")
    if kind == "speech":
        return (head + "subtitle: ——在全市工作会议上的讲话\nspeaker: 张某某\nsalutation: 同志们：\nopening: [开场。]\n"
                "sections:\n  - " + section.replace("{i}", "    ") + "closing: [结束。]\n")
    parts = "".join(f"{part}:\n  " + section.replace("{i}", "  ") for part in schema.REPORT_PARTS)
    if kind == "report":
        return (head + "author: 调研组\nintro: [引言。]\n" + parts + "sections:\n  - " + section.replace("{i}", "    ")
                + "closing: [以上报告，请审阅。]\nsignature: 县总工会调研组\n")
    return head + _family_keys(kind, section)


def _family_keys(kind: str, section: str) -> str:
    """The 版头, 主体 and 版记 of a red-header document, with its own body and two attachments that
    carry the body structures the top level does not (one structure per body)."""
    form = schema.FORMS[kind]
    sections = "sections:\n  - " + section.replace("{i}", "    ")
    articles = "articles:\n  - 为了规范管理，制定本办法。\n  - text: [本办法适用于下列单位：, 另有规定的，从其规定。]\n" \
               "    points: [县直各部门；, 各乡镇。]\n"
    chapters = "chapters:\n  - heading: 总则\n    articles:\n      - 本办法自发布之日起施行。\n"

    def nested(block: str) -> str:
        return "".join(f"    {line}\n" for line in block.splitlines())

    top, inner = (articles, [sections, chapters]) if form.articles else (sections, [articles, chapters])
    text = ("copy_number: '000123'\nsecrecy: 机密★1年\nurgency: 特急\nissuer: [清河县人民政府, 清河县人民武装部]\n"
            "mark: 清河县人民政府文件\ndoc_number:\n  code: 清政发\n  year: 2024\n  serial: 5\n")
    if form.upward:
        text += "signers: [周文博, 李明]\n"
    text += "recipients: 各乡镇人民政府、县直各单位\n" if not form.one_recipient else "recipients: 市人民政府\n"
    if form.reply:
        text += "reply_to:\n  addressee: 你局\n  title: 关于修缮县文化馆的请示\n  number: 清文〔2024〕5号\n"
    text += "opening: [为做好有关工作，现通知如下。]\n" + top + "closing: [特此通知。]\n"
    if form.layout == "minutes":
        text += "".join(f"{key}: [张三, 李四]\n" for key in schema.ATTENDANCE)
    text += ("attachments:\n  - 工作要点\n  - title: 实施细则\n    opening: [细则如下。]\n" + nested(inner[0])
             + "  - title: 管理办法\n" + nested(inner[1]))
    return text + ("signature: 清河县人民政府\nseal: false\nnote: 此件公开发布\ncc: 县委办公室，县人大常委会办公室\n"
                   "printer: 清河县人民政府办公室\nprinted: 2024-03-05\n")


def _expected_keys(kind: str) -> set:
    """Every key the schema gives ``kind`` and its nodes, less those its form refuses."""
    keys = set(schema.DOCUMENT_KEYS[kind]) | set(schema.SECTION_KEYS) | set(schema.POINT_KEYS) \
        | set(schema.ITEM_KEYS)
    if kind in schema.FORMS:
        form = schema.FORMS[kind]
        keys |= {k for node in ("attachment", "chapter", "article", "reply_to", "doc_number")
                 for k in schema.NODE_KEYS[node]}
        keys -= (set() if form.upward else {"signers"}) | (set() if form.reply else {"reply_to", "number", "addressee"})
        keys -= set() if form.layout == "minutes" else set(schema.ATTENDANCE)
    return keys


@pytest.mark.parametrize("kind", schema.KINDS)
def test_the_loader_accepts_every_key_of_the_schema(kind):
    text = _every_key(kind)
    used = set(re.findall(r"^[ -]*([a-z_]+):", text, re.M)) - {"org"}
    assert used == _expected_keys(kind)
    doc = loads(text, "c.yaml")
    assert loads(dump(doc), "c.yaml") == doc  # the dumper writes what the loader reads
    assert dump(doc).startswith(f"kind: {schema.KIND_NAMES[kind]}\n")


@pytest.mark.parametrize("where,text", [
    ("top", "kind: speech\ntitle: 标题\nfoo: 1\nsections:\n  - heading: 甲\n    paragraphs: [乙。]\n"),
    ("section", "kind: speech\ntitle: 标题\nsections:\n  - heading: 甲\n    foo: 1\n    paragraphs: [乙。]\n"),
    ("point", "kind: speech\ntitle: 标题\nsections:\n  - heading: 甲\n    points:\n      - heading: 乙\n"
              "        foo: 1\n"),
    ("item", "kind: speech\ntitle: 标题\nsections:\n  - heading: 甲\n    items:\n      - lead: 乙\n        foo: 1\n"
             "      - 丙\n"),
])
def test_unknown_keys_list_the_schema_keys_of_their_node(where, text):
    with pytest.raises(ContentErrors) as info:
        loads(text, "c.yaml")
    [error] = info.value.errors
    node = {"top": "speech", "section": "section", "point": "point", "item": "item"}[where]
    assert error.code == "GW711"
    assert error.message == "未知的键 foo；可用的键：" + "、".join(schema.NODE_KEYS[node])
