"""Markdown syntax is not mistaken for faults, and positions point into the original lines."""

from __future__ import annotations

from tests.lint_examples import codes, where


def test_markdown_syntax_is_not_a_fault():
    text = """\
---
title: 草稿
tags: [a, b]
---
# 关于做好安全生产工作的通知

## 一、总体要求

> 引用：坚持人民至上、生命至上。

- 第一项内容，要点。
* 第二项内容，要点。
+ [x] 已完成的事项。

要**高度重视**安全生产，做到*守土有责*，详见[通知原文](https://www.gov.cn/zhengce/a_b,c.htm)和<https://example.cn/x?y=1,2>。

行内代码`print("a,b")`不检查，图片![示意图](img/a,b.png)也不检查。

```
code, with: half-width; marks!
二、不是标题
```

| 项目 | 数量 |
|---|---|
| 检查 | 37 |

---
<!-- 注释, 不检查 -->
"""
    assert codes(text, "md") == []


def test_faults_in_markdown_are_found_at_their_column():
    text = "## 一.总体要求\n\n- 要高度重视,抓好落实。\n> 引用中有半角逗号,也要查。\n**重点**,然后\n"
    assert where(text, "md") == [(1, 4, "GW101"), (3, 8, "GW401"), (4, 11, "GW401"), (5, 7, "GW401")]


def test_markdown_heading_outline_is_checked():
    text = "# 标题\n\n## 一、总体要求\n\n## 三、保障措施\n"
    assert where(text, "md") == [(5, 4, "GW201")]


def test_markdown_ordered_list_is_a_level3_marker():
    assert codes("一、总体要求\n（一）加强领导\n1. 统一思想\n2. 明确任务\n", "md") == []
    assert codes("一、总体要求\n（一）加强领导\n1. 统一思想\n3. 明确任务\n", "md") == ["GW201"]


def test_star_placeholder_versus_emphasis():
    # emphasis pairs are syntax; a star used for a missing figure is a placeholder
    assert codes("全市共有*万人，然而*的短板在工业。", "md") == ["GW601", "GW601"]
    assert codes("要*高度重视*安全生产。", "md") == []
    assert codes("要**高度重视**安全生产。", "txt") == ["GW609"]


def test_html_is_allowed_in_markdown_but_not_in_text():
    assert codes("第一段<br>第二段", "md") == []
    assert codes("第一段<br>第二段", "txt") == ["GW604"]
    assert codes("##paidbegin##加强领导。", "md") == ["GW604"]
