"""YAML content of the red-header family as paragraphs: string entries of nested content
(articles, an article's points, attachment titles) are text that lint reads, in place."""

from __future__ import annotations

from gongwen.draft.yamlsource import yaml_source

TEXT = """\
kind: 办法
title: 清河县资金管理办法
articles:
  - 为了规范管理，制定本办法。
  - text: 下列资金适用本办法：
    points: [专项资金；, 补助资金。]
attachments:
  - 资金申请表
"""


def test_articles_points_and_attachment_titles_are_paragraphs():
    paras = {p.text: p for p in yaml_source(TEXT, "c.yaml").paras}
    assert set(paras) == {"清河县资金管理办法", "为了规范管理，制定本办法。", "下列资金适用本办法：", "专项资金；",
                          "补助资金。", "资金申请表"}
    article = paras["为了规范管理，制定本办法。"]
    assert (article.line, article.column, article.key, article.kind) == (4, 5, "articles[0]", "yaml:articles")
    assert paras["补助资金。"].key == "articles[1].points[1]"
    assert paras["资金申请表"].position(2) == (8, 7)
