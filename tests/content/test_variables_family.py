"""``{{ name }}`` is filled in every text field of the red-header family, as in speeches and reports:
the 版头, 主送, articles, attachments, 署名 and 版记 too (an office keeps its name in ``vars``)."""

from gongwen.content.loader import loads
from gongwen.content.variables import substitute

TEXT = """kind: 通知
title: 关于做好{{ year }}年防汛工作的通知
date: 2025-05-01
vars:
  org: 清河县人民政府办公室
issuer: "{{ org }}"
mark: "{{ org }}文件"
recipients: 各乡镇人民政府
reply_to_free: no
opening: 现将{{ year }}年防汛工作通知如下。
attachments:
  - title: "{{ year }}年防汛值班表"
    articles:
      - 值班人员由{{ org }}统一安排。
signature: "{{ org }}"
note: 联系人：{{ org }}值班室
cc: 县委办公室
printer: "{{ org }}"
""".replace("reply_to_free: no\n", "")


def test_every_family_field_is_filled():
    doc = loads(TEXT, "n.yaml")
    substitute(doc, text=TEXT)
    org = "清河县人民政府办公室"
    assert doc.title == "关于做好2025年防汛工作的通知" and doc.head.issuers == [org]
    assert doc.head.mark == org + "文件" and doc.head.printer == org and doc.signature == [org]
    assert doc.attachments[0].title == "2025年防汛值班表"
    assert doc.attachments[0].body.articles[0].text == [f"值班人员由{org}统一安排。"]
    assert doc.note == f"（联系人：{org}值班室）"
