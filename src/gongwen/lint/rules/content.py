"""GW7xx content: faults in the structure of YAML content itself.

In YAML content every marker (``一、`` ``（一）`` ``一是``) is generated, so a
typed one doubles up in the output; a series of one item renders a lone
``一是``; a standalone heading takes no closing punctuation.  Positions point
into the YAML file (see :mod:`gongwen.draft.yamlsource`).

GW710–GW715 are what ``gongwen build`` refuses (syntax, keys, types, values,
variables): they report the loader's own errors (:mod:`gongwen.lint.contentcheck`),
at the line and column build names.  GW701, GW702 and GW708 also report the
loader's errors of their kind that their own check did not find.
"""

from __future__ import annotations

import re

from gongwen.content import faults
from gongwen.content.keypaths import numbering_of, writer_path
from gongwen.spec.markers import read_marker, series_at_start
from gongwen.lint.contentcheck import complete, findings
from gongwen.lint.findings import Finding, hit, replace
from gongwen.lint.registry import CONTENT_FORMAT, rule
from gongwen.draft.yamlsource import key_node, mapping_items
from gongwen.spec.chars import BLANKS

YAML = ("yaml",)
_DOC = "kind: speech\ntitle: 在全市工作会议上的讲话\nsections:\n"


def _paras(ctx, *kinds):
    for para in ctx.paras:
        if para.kind in kinds:
            yield para


def _lead(text):
    return len(text) - len(text.lstrip(BLANKS))


@rule("GW701", "typed-heading-marker", why="YAML 内容里的序号由 gongwen 按层次生成，手写的“一、”会与生成的序号重复（“一、一、总体要求”），gongwen build 因此拒绝生成。",
     severity="error", formats=YAML, example_format="yaml",
      fixable=True, source="practice",
      message="YAML 内容中的标题不要手写序号：“一、”“（一）”“1.”由 gongwen 自动生成，手写会重复。",
      bad=[_DOC + "  - heading: 一、总体要求", _DOC + "  - heading: 总体要求\n    points:\n      - heading: （一）加强领导\n"
                                                   "      - heading: （二）明确责任"],
      good=[_DOC + "  - heading: 总体要求\n    paragraphs: [成立工作专班。]\n  - heading: 保障措施\n    paragraphs: [细化分工。]"])
def typed_heading_marker(ctx):
    return complete(ctx, faults.TYPED_HEADING_MARKER, _typed_heading_markers(ctx))


def _typed_heading_markers(ctx):
    for para in _paras(ctx, "yaml:heading", "yaml:title"):
        m = read_marker(para.text)
        if m is None:
            continue
        end = m.end
        while end < len(para.text) and para.text[end] in BLANKS:
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
    return complete(ctx, faults.TYPED_SERIES_OPENER, _typed_series_openers(ctx))


def _typed_series_openers(ctx):
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


def _named(ctx, key: str) -> str:
    """``key`` (a key path) in the writer's terms (:mod:`gongwen.content.keypaths`)."""
    return writer_path(key, ctx.shared("content.numbering", lambda c: numbering_of(c.yaml)))


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
            yield _at(ctx, seq.value[0], f"{_named(ctx, key)}只有一项，生成后只有“一是”没有“二是”。")


@rule("GW705", "one-point", severity="warning", formats=YAML, example_format="yaml",
      source="practice", message="points 只有一项：只有“（一）”没有“（二）”，不宜分层；并入上级或补足。",
      why="分层是把一件事分成几项：只有“（一）”没有“（二）”，这一层只是多出一个标题，读者会以为后面漏了内容。"
          "把这一项的内容并入上一级，或补足第二项。",
      bad=[_DOC + "  - heading: 总体要求\n    points:\n      - heading: 加强领导"],
      good=[_DOC + "  - heading: 总体要求\n    points:\n      - heading: 加强领导\n      - heading: 明确责任"])
def one_point(ctx):
    for key, seq in _lists(ctx.yaml, "", "points"):
        if len(seq.value) == 1:
            yield _at(ctx, seq.value[0], f"{_named(ctx, key)}只有一项，生成后只有“（一）”没有“（二）”。")


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
      good=[_DOC + "  - heading: 存在的问题\n    paragraphs: [调研发现三个问题。]", _DOC + "  - heading: 总体要求\n    points:\n      - heading: 加强领导。\n"
                                                  "        text: 成立工作专班。\n      - heading: 明确责任\n        text: 细化分工。"])
def heading_end_punctuation(ctx):
    for para in _paras(ctx, "yaml:heading"):
        text = para.text.rstrip(BLANKS)
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
        text = para.text.rstrip(BLANKS)
        if not text or text[-1] in "：，":
            continue
        if text[-1] in "。；,;:":
            yield replace(para, len(text) - 1, len(text), "：", f"lead_in 末尾的“{text[-1]}”应改为“：”。")
        else:
            yield replace(para, len(text) - 1, len(text), text[-1] + "：", "lead_in 应以“：”结尾。")


@rule("GW708", "empty-text", severity="error", formats=YAML, example_format="yaml",
      source="practice", message="文本字段是空的：删去这一项，或补上内容。",
      why="空的文本项不会生成任何内容，gongwen build 会以“不能为空”拒绝生成；多是复制列表时多留了一个“- ”。"
          "lint 先指出它在 YAML 中的位置。",
      bad=[_DOC + "  - heading: 总体要求\n    paragraphs:\n      - \"\"\n      - 正文。"],
      good=[_DOC + "  - heading: 总体要求\n    paragraphs:\n      - 正文。"])
def empty_text(ctx):
    return complete(ctx, faults.EMPTY_TEXT, _empty_texts(ctx))


def _empty_texts(ctx):
    root = ctx.yaml
    for key, seq in list(_lists(root, "", "paragraphs")) + list(_lists(root, "", "items")) + \
            list(_lists(root, "", "opening")) + list(_lists(root, "", "closing")) + list(_lists(root, "", "intro")):
        for i, item in enumerate(seq.value):
            if item.tag == "tag:yaml.org,2002:str" and not item.value.strip(BLANKS):
                yield _at(ctx, item, f"{_named(ctx, f'{key}[{i}]')}是空的。")
            elif item.tag == "tag:yaml.org,2002:null":
                yield _at(ctx, item, f"{_named(ctx, f'{key}[{i}]')}是空的。")


# --- what gongwen build refuses: the loader's own errors -------------------------------------

_SECTION = "  - heading: 总体要求\n    paragraphs:\n      - 成立工作专班，定期研究推进。\n"


@rule("GW710", "yaml-syntax", severity="error", formats=YAML, example_format="yaml", source=CONTENT_FORMAT,
      message="YAML 写法有误，gongwen build 无法读取：如用 Tab 缩进、文字中有半角冒号加空格而没有加引号、"
              "使用了 !! 标签，或别名 * 展开后过大。",
      why="YAML 读不通，整份内容都无法生成；gongwen build 在同一位置报同样的错。",
      bad=[_DOC + "\t- heading: 总体要求\n\t  paragraphs: [成立工作专班。]",
           "kind: speech\ntitle: 讲话: 在全市工作会议上\nsections:\n" + _SECTION],
      good=[_DOC + _SECTION, "kind: speech\ntitle: 讲话：在全市工作会议上\nsections:\n" + _SECTION])
def yaml_syntax(ctx):
    return findings(ctx, faults.YAML_SYNTAX)


@rule("GW711", "unknown-key", severity="error", formats=YAML, example_format="yaml", source=CONTENT_FORMAT,
      message="内容中有 gongwen 不认识的键（多半是拼错了，如 paragraph、sectoins）：按提示改正，可用的键见 docs/content-model.md。",
      why="不认识的键下的文字不会出现在生成的文档里；gongwen build 拒绝生成，以免悄悄丢掉内容。",
      bad=[_DOC + "  - heading: 总体要求\n    paragraph:\n      - 成立工作专班，定期研究推进。",
           "kind: speech\ntitle: 在全市工作会议上的讲话\nspeeker: 张某某\nsections:\n" + _SECTION],
      good=[_DOC + _SECTION])
def unknown_key(ctx):
    return findings(ctx, faults.UNKNOWN_KEY)


@rule("GW712", "duplicate-key", severity="error", formats=YAML, example_format="yaml", source=CONTENT_FORMAT,
      message="同一层里一个键写了两次（或 vars 中一个变量定义了两次）：后一个会覆盖前一个，请合并或删除。",
      why="YAML 会悄悄只留下后一个，前一个下面的文字就丢了；gongwen build 因此拒绝生成。",
      bad=["kind: speech\ntitle: 在全市工作会议上的讲话\ntitle: 在全县工作会议上的讲话\nsections:\n" + _SECTION,
           _DOC + "  - heading: 总体要求\n    paragraphs:\n      - 成立工作专班。\n    paragraphs:\n      - 定期研究推进。"],
      good=[_DOC + "  - heading: 总体要求\n    paragraphs:\n      - 成立工作专班。\n      - 定期研究推进。"])
def duplicate_key(ctx):
    return findings(ctx, faults.DUPLICATE_KEY)


@rule("GW713", "wrong-type", severity="error", formats=YAML, example_format="yaml", source=CONTENT_FORMAT,
      message="值的类型不对（如该写文字处写了列表、run_in 写了 是/否），或缺少必需的内容（title、heading、正文）。",
      why="gongwen build 不知道怎样排这样的内容，拒绝生成；每一处都指出应写成什么。",
      bad=["kind: speech\nsections:\n" + _SECTION,
           _DOC + "  - heading: 总体要求\n    points:\n      - heading: 加强领导\n        run_in: 否\n"
                  "        text: 成立工作专班。\n      - heading: 明确责任\n        text: 细化分工。"],
      good=[_DOC + "  - heading: 总体要求\n    points:\n      - heading: 加强领导\n        run_in: false\n"
                   "        text: 成立工作专班。\n      - heading: 明确责任\n        text: 细化分工。"])
def wrong_type(ctx):
    return findings(ctx, faults.WRONG_TYPE)


@rule("GW714", "invalid-value", severity="error", formats=YAML, example_format="yaml", source=CONTENT_FORMAT,
      message="值不在允许的范围内：kind 只能是 讲话稿（speech）或 调研报告（report），date 要写存在的日期（2026-04-30 或 2026年4月30日），"
              "series 只能是 一是 或 第一，层次最多四级。",
      why="gongwen build 无法按这样的值生成文档（不知道用哪种格式、日期不存在），拒绝生成。",
      bad=["kind: 讲话\ntitle: 在全市工作会议上的讲话\nsections:\n" + _SECTION,
           "kind: speech\ntitle: 在全市工作会议上的讲话\ndate: 2026年4月31日\nsections:\n" + _SECTION],
      good=["kind: speech\ntitle: 在全市工作会议上的讲话\ndate: 2026年4月30日\nsections:\n" + _SECTION,
            "kind: 讲话稿\ntitle: 在全市工作会议上的讲话\nsections:\n" + _SECTION])
def invalid_value(ctx):
    return findings(ctx, faults.INVALID_VALUE)


@rule("GW715", "undefined-variable", severity="error", formats=YAML, example_format="yaml", source=CONTENT_FORMAT,
      message="文字中的 {{ 变量名 }} 没有在 vars 中定义，或写成了不支持的形式（{% %}、过滤器、运算）。",
      why="声明了 vars 的内容在生成时替换 {{ 变量名 }}；找不到的变量无法替换，gongwen build 拒绝生成，"
          "以免“{{ org }}”原样印在文件里。",
      bad=["kind: speech\ntitle: 在{{ org }}工作会议上的讲话\nvars:\n  year: 2026\nsections:\n" + _SECTION],
      good=["kind: speech\ntitle: 在{{ org }}工作会议上的讲话\nvars:\n  org: 全市\nsections:\n" + _SECTION])
def undefined_variable(ctx):
    return findings(ctx, faults.UNDEFINED_VARIABLE)
