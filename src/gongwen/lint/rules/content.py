"""GW7xx content: faults in the structure of YAML content itself.

In YAML content every marker (``一、`` ``（一）`` ``一是``) is generated, so a
typed one doubles up in the output; a series of one item renders a lone
``一是``; a standalone heading takes no closing punctuation.  Positions point
into the YAML file (see :mod:`gongwen.draft.yamlsource`).
"""

from __future__ import annotations

import re

from gongwen.spec.markers import read_marker, series_at_start
from gongwen.lint.findings import Finding, hit, replace
from gongwen.lint.registry import rule
from gongwen.draft.yamlsource import key_node, mapping_items

YAML = ("yaml",)
_DOC = "kind: speech\ntitle: 在全市工作会议上的讲话\nsections:\n"
_BLANK = " \u3000\t\u00a0"


def _paras(ctx, *kinds):
    for para in ctx.paras:
        if para.kind in kinds:
            yield para


def _lead(text):
    return len(text) - len(text.lstrip(_BLANK))


@rule("GW701", "typed-heading-marker", why="YAML 内容里的序号由 gongwen 按层次生成，手写的“一、”会与生成的序号重复（“一、一、总体要求”），gongwen build 因此拒绝生成。",
     severity="error", formats=YAML, example_format="yaml",
      fixable=True, source="practice",
      message="YAML 内容中的标题不要手写序号：“一、”“（一）”“1.”由 gongwen 自动生成，手写会重复。",
      bad=[_DOC + "  - heading: 一、总体要求", _DOC + "  - heading: 总体要求\n    points:\n      - heading: （一）加强领导\n"
                                                   "      - heading: （二）明确责任"],
      good=[_DOC + "  - heading: 总体要求\n  - heading: 保障措施"])
def typed_heading_marker(ctx):
    for para in _paras(ctx, "yaml:heading", "yaml:title"):
        m = read_marker(para.text)
        if m is None:
            continue
        end = m.end
        while end < len(para.text) and para.text[end] in _BLANK:
            end += 1
        if end >= len(para.text):
            continue
        yield replace(para, m.start, end, "", f"标题中手写了序号“{m.raw}”，序号由 gongwen 生成，应删去。")


@rule("GW702", "typed-series-opener", severity="error", formats=YAML, example_format="yaml",
      fixable=True, source="practice",
      message="items 中的条目不要手写“一是”“第一，”：序列标记由 gongwen 自动生成，手写会变成“一是一是”。",
      why="items 的每一项由 gongwen 按位置生成“一是”“二是”（或“第一，”），手写的“一是”会与生成的重复，gongwen build 会拒绝生成这样的文件。"
          "自动修正删去手写的部分。",
      bad=[_DOC + "  - heading: 总体要求\n    items:\n      - 一是加强领导\n      - 二是明确责任"],
      good=[_DOC + "  - heading: 总体要求\n    items:\n      - 加强领导\n      - 明确责任"])
def typed_series_opener(ctx):
    for para in ctx.paras:
        if not (para.kind == "yaml:items" or (para.kind == "yaml:lead" and ".items[" in para.key)
                or (para.kind == "yaml:text" and re.search(r"\.items\[\d+\]\.text$", para.key)
                    and key_node(ctx.yaml, para.key[: -len(".text")] + ".lead") is None)):
            continue
        lead = _lead(para.text)
        mark = series_at_start(para.text[lead:])
        if mark is None or mark.number is None:
            continue
        end = lead + mark.end
        yield replace(para, lead, end, "", f"条目开头手写了“{mark.raw}”，序列标记由 gongwen 生成，应删去。")


@rule("GW703", "typed-marker-in-text", severity="warning", formats=YAML, example_format="yaml",
      source="practice",
      message="正文段落以手写的标题序号开头：若是标题，应写成 heading/points；若是正文，宜改写开头。",
      why="正文段落以“（一）”“1.”开头，生成后是一个按正文格式排的段落：看起来像标题，却不在层次序号之中，不随前后标题编号，也没有标题的字体。"
          "确属正文（如引用原文条目）时可以保留，所以只作警告；items 中的条目不在此列。",
      bad=[_DOC + "  - heading: 总体要求\n    paragraphs:\n      - （一）加强领导。成立工作专班。"],
      good=[_DOC + "  - heading: 总体要求\n    paragraphs:\n      - 成立工作专班，定期研究推进。"])
def typed_marker_in_text(ctx):
    for para in _paras(ctx, "yaml:paragraphs", "yaml:text", "yaml:opening", "yaml:closing", "yaml:intro"):
        if re.search(r"\.items\[\d+\]", para.key):
            continue
        m = read_marker(para.text)
        if m is not None:
            yield hit(para, m.start, f"段落以手写序号“{m.raw}”开头：序号由 gongwen 生成，标题应写成 heading 或 points。")


def _lists(node, key, name):
    """``(keypath, seq node)`` of every list under key ``name`` anywhere in the tree."""
    if node is None:
        return
    if node.tag == "tag:yaml.org,2002:map":
        for k, v in mapping_items(node):
            sub = f"{key}.{k}" if key else k
            if k == name and v.tag == "tag:yaml.org,2002:seq":
                yield sub, v
            yield from _lists(v, sub, name)
    elif node.tag == "tag:yaml.org,2002:seq":
        for i, item in enumerate(node.value):
            yield from _lists(item, f"{key}[{i}]", name)


def _at(ctx, node, message):
    return Finding(path=ctx.path, line=node.start_mark.line + 1, column=node.start_mark.column + 1,
                   message=message)


@rule("GW704", "one-item-series", why="items 生成“一是……二是……”；只有一项时生成孤零零的“一是”。",
     severity="error", formats=YAML, example_format="yaml",
      source="practice", message="items 只有一项：生成后是孤零零的“一是”，一项不成序列；写成段落，或补足条目。",
      bad=[_DOC + "  - heading: 总体要求\n    items:\n      - 加强领导"],
      good=[_DOC + "  - heading: 总体要求\n    items:\n      - 加强领导\n      - 明确责任"])
def one_item_series(ctx):
    for key, seq in _lists(ctx.yaml, "", "items"):
        if len(seq.value) == 1:
            yield _at(ctx, seq.value[0], f"{key} 只有一项，生成后只有“一是”没有“二是”。")


@rule("GW705", "one-point", severity="warning", formats=YAML, example_format="yaml",
      source="practice", message="points 只有一项：只有“（一）”没有“（二）”，不宜分层；并入上级或补足。",
      why="分层是把一件事分成几项：只有“（一）”没有“（二）”，这一层只是多出一个标题，读者会以为后面漏了内容。"
          "把这一项的内容并入上一级，或补足第二项。",
      bad=[_DOC + "  - heading: 总体要求\n    points:\n      - heading: 加强领导"],
      good=[_DOC + "  - heading: 总体要求\n    points:\n      - heading: 加强领导\n      - heading: 明确责任"])
def one_point(ctx):
    for key, seq in _lists(ctx.yaml, "", "points"):
        if len(seq.value) == 1:
            yield _at(ctx, seq.value[0], f"{key} 只有一项，生成后只有“（一）”没有“（二）”。")


def _standalone(ctx, para) -> bool:
    """Is the heading at ``para`` set on its own line (a section, or a point with no run-in text)?"""
    owner = para.key[: -len(".heading")]
    node = key_node(ctx.yaml, owner)
    fields = dict(mapping_items(node))
    if re.search(r"(^|\.)points\[\d+\]$", owner):
        run_in = fields.get("run_in")
        has_text = "text" in fields and fields["text"].value not in ("", [], None)
        return not has_text or (run_in is not None and str(run_in.value).lower() in ("false", "no", "off"))
    return True


@rule("GW706", "heading-end-punctuation", why="章节标题和不带正文的要点标题单独成行，不加标点；带正文的要点标题与正文同段，句号由 gongwen 补上。",
     severity="error", formats=YAML, example_format="yaml",
      fixable=True, source="practice",
      message="单独成行的标题末尾不加标点；带正文的（run-in）标题的句号由 gongwen 自动补上。",
      bad=[_DOC + "  - heading: 存在的问题。", _DOC + "  - heading: 总体要求\n    points:\n      - heading: 加强领导，\n"
                                                  "        text: 成立工作专班。\n      - heading: 明确责任\n        text: 细化分工。"],
      good=[_DOC + "  - heading: 存在的问题", _DOC + "  - heading: 总体要求\n    points:\n      - heading: 加强领导。\n"
                                                  "        text: 成立工作专班。\n      - heading: 明确责任\n        text: 细化分工。"])
def heading_end_punctuation(ctx):
    for para in _paras(ctx, "yaml:heading"):
        text = para.text.rstrip(_BLANK)
        if not text or text[-1] not in "。，；、：,.;:":
            continue
        if text[-1] == "。" and not _standalone(ctx, para):
            continue
        yield replace(para, len(text) - 1, len(text), "", f"标题末尾的“{text[-1]}”应删去。")


@rule("GW707", "lead-in-ending", severity="warning", formats=YAML, example_format="yaml",
      fixable=True, source="practice",
      message="lead_in 是引出“一是……二是……”的话，应以冒号“：”结尾，如“主要做法有：”。",
      why="gongwen 把 lead_in 和各条目排在同一段（“主要做法有：一是……；二是……。”），lead_in 不以冒号结尾，就成了“主要做法有一是……”。"
          "以逗号结尾的不报告；以句号、分号或半角冒号结尾的，修正为“：”。",
      bad=[_DOC + "  - heading: 总体要求\n    inline: true\n    lead_in: 主要做法有\n    items:\n      - 加强领导\n      - 明确责任"],
      good=[_DOC + "  - heading: 总体要求\n    inline: true\n    lead_in: 主要做法有：\n    items:\n      - 加强领导\n      - 明确责任"])
def lead_in_ending(ctx):
    for para in _paras(ctx, "yaml:lead_in"):
        text = para.text.rstrip(_BLANK)
        if not text or text[-1] in "：，":
            continue
        if text[-1] in "。；,;:":
            yield replace(para, len(text) - 1, len(text), "：", f"lead_in 末尾的“{text[-1]}”应改为“：”。")
        else:
            yield replace(para, len(text) - 1, len(text), text[-1] + "：", "lead_in 应以“：”结尾。")


@rule("GW708", "empty-text", severity="warning", formats=YAML, example_format="yaml",
      source="practice", message="文本字段是空的：删去这一项，或补上内容。",
      why="空的文本项不会生成任何内容，gongwen build 会以“不能为空”拒绝生成；多是复制列表时多留了一个“- ”。"
          "lint 先指出它在 YAML 中的位置。",
      bad=[_DOC + "  - heading: 总体要求\n    paragraphs:\n      - \"\"\n      - 正文。"],
      good=[_DOC + "  - heading: 总体要求\n    paragraphs:\n      - 正文。"])
def empty_text(ctx):
    root = ctx.yaml
    for key, seq in list(_lists(root, "", "paragraphs")) + list(_lists(root, "", "items")) + \
            list(_lists(root, "", "opening")) + list(_lists(root, "", "closing")) + list(_lists(root, "", "intro")):
        for i, item in enumerate(seq.value):
            if item.tag == "tag:yaml.org,2002:str" and not item.value.strip(_BLANK):
                yield _at(ctx, item, f"{key}[{i}] 是空的。")
            elif item.tag == "tag:yaml.org,2002:null":
                yield _at(ctx, item, f"{key}[{i}] 是空的。")
