"""``gongwen new``: a skeleton to fill in, or this year's document started from last year's.

Without a previous document, :func:`skeleton` writes every field of the kind
with ``【待补充】`` placeholders: it builds at once (so a writer sees the layout)
and ``gongwen lint`` flags every placeholder until it is filled.

With one, :func:`from_last` copies last year's content and

* moves ``date`` (same month and day) and ``vars.year`` to the new year;
* wraps every figure and date of the text in a **verify mark**
  ``【核实：…】`` — ``【核实：2022年】``, ``【核实：今年】3月``, ``【核实：86.5万元】`` —
  because each one belonged to the old year.  The writer updates the figure and
  deletes the mark; ``gongwen lint`` reports each mark left (GW603) and years
  older than the document's (GW901).  Book titles ``《…》`` and ``{{ … }}``
  variables are left alone.

The previous YAML is edited where it stands (comments, layout and line ends
are kept): only the spans of the date, ``vars.year`` and text scalars change.
It is read as every command reads text (:mod:`gongwen.textio`: UTF-8 with or
without BOM, GB18030); the new content is always UTF-8 (without BOM), the
encoding gongwen writes everywhere, and a note says so when last year's file
was GB18030.  A .docx, .txt or .md is imported first
(:mod:`gongwen.importer.outline`).
"""

from __future__ import annotations

import datetime
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml

from gongwen.content.schema import ITEMS_KEY, KIND_CHOICES, NESTED_KEYS, TEXT_KEYS
from gongwen.errors import GongwenError, Place
from gongwen.spec.chars import VERIFY_MARK
from gongwen.yamlsafe import compose

MARK_OPEN, MARK_CLOSE = "【核实：", "】"
#: A verify mark, as ``gongwen lint`` (GW603) finds it.
MARK_RE = VERIFY_MARK

_DATE_OR_YEAR = (r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?|\d{1,2}日"
                 r"|[〇零○一二三四五六七八九]{4}年")
_AMOUNT = r"\d+(?:[.．]\d+)?(?:[%％‰]|(?:千万|百万|万|亿)?元?)"
_ONE = rf"(?:{_DATE_OR_YEAR}|{_AMOUNT})"
_RELATIVE = r"今年|去年|前年|明年|上年|本年度|本年|上半年|下半年"
#: What is marked: a figure or date (with a range ``4000～6000元``) or a relative year.
FIGURE_RE = re.compile(rf"(?<![A-Za-z0-9_.．\\]){_ONE}(?:[～~—–\-至到]{_ONE})?|{_RELATIVE}")
#: Spans never marked: verify marks already there, book titles, variables, standard codes (GB/T 9704-2012).
_SKIP_RE = re.compile(r"【核实：[^】]*】|《[^《》]*》|\{\{.*?\}\}|[A-Z]{1,4}(?:/[A-Z])?[ \u3000]?\d+(?:[.\-—]\d+)*")

#: Keys holding sections and points, walked into for their text.
CONTAINER_KEYS = NESTED_KEYS


# --- marking ------------------------------------------------------------------------


def mark_figures(text: str) -> Tuple[str, int]:
    """``text`` with every figure, date and relative year wrapped in ``【核实：…】``."""
    out, pos, count = [], 0, 0
    skips = [(m.start(), m.end()) for m in _SKIP_RE.finditer(text)]
    for m in FIGURE_RE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in skips):
            continue
        out.append(text[pos:m.start()])
        out.append(f"{MARK_OPEN}{m.group(0)}{MARK_CLOSE}")
        pos = m.end()
        count += 1
    out.append(text[pos:])
    return "".join(out), count


# --- gongwen new --from ----------------------------------------------------------------


@dataclass
class NewDocument:
    """What :func:`from_last` made: the YAML text and what it changed."""

    text: str
    kind: str
    old_year: Optional[int]
    new_year: int
    marks: int = 0
    date: str = ""  # the new date, as written
    notes: List[str] = field(default_factory=list)  # sentences for the user
    source_encoding: str = "utf-8"  # how last year's file was encoded; ``text`` is written as UTF-8


def from_last(path, year: Optional[int] = None, kind: Optional[str] = None) -> NewDocument:
    """Start this year's content from last year's (YAML, or a document to import)."""
    from gongwen.content import loader

    from gongwen.textio import decode_text_as, read_bytes

    path = Path(path)
    notes: List[str] = []
    encoding = "utf-8"
    if path.suffix.lower() in (".yaml", ".yml"):
        source, encoding = decode_text_as(read_bytes(str(path)), str(path))  # a ReadError names the file
        if encoding != "utf-8":
            notes.append(f"{path.name} 是 {encoding.upper()} 编码；新内容按 UTF-8 编码写出（gongwen 各命令都能读）")
    else:
        from gongwen.content.dumper import dump
        from gongwen.importer import import_file

        imported = import_file(path, kind=kind)
        source = dump(imported.document, header=f"由 gongwen new 从 {path.name} 导入")
        notes.append(f"已先导入 {path.name}（导入时发现 {len(imported.warnings)} 处问题，"
                     f"可用 gongwen import 查看）")
    doc = loader.loads(source, str(path))
    if kind and doc.kind != kind:
        raise GongwenError(f"去年的内容是 {doc.kind}，与要新建的 {kind} 不符", Place(str(path)))
    old_year = _year_of(doc)
    if year is None:
        if old_year is None:
            raise GongwenError("看不出去年内容的年份（没有 date、vars.year，文中也没有年份）："
                               "请用 --year 指定新的年份", Place(str(path)))
        year = old_year + 1
    result = NewDocument("", doc.kind, old_year, year, notes=notes, source_encoding=encoding)
    result.text = _edit(source, str(path), old_year, year, result)
    if result.marks:
        since = f"属于 {old_year} 年" if old_year else "属于旧稿"
        newline = "\r\n" if "\r\n" in source else "\n"  # the file's own line ends
        result.text = (f"# 由 gongwen new 从 {path.name} 新建 {year} 年的内容：【核实：…】标出的数字和日期{since}，"
                       "逐一核实或更新后删去标记。" + newline + result.text)
    loader.loads(result.text, str(path))  # the edit must leave valid content
    return result


def _year_of(doc) -> Optional[int]:
    if doc.date[:4].isdigit():
        return int(doc.date[:4])
    if str((doc.vars or {}).get("year", "")).isdigit():
        return int(doc.vars["year"])
    years = Counter(int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})年", doc.title + "".join(
        doc.opening + [p for s in doc.sections for p in s.paragraphs])))
    return years.most_common(1)[0][0] if years else None


#: (start, end) of a node's span → its new text.  An alias (``*p``) is the very node its anchor
#: (``&p``) made: walked once per use, its span is edited once (every use reads the new text).
Edits = Dict[Tuple[int, int], str]


def _edit(source: str, path: str, old_year: Optional[int], year: int, result: NewDocument) -> str:
    """Apply the year change and the verify marks to the YAML text, keeping its layout."""
    root = compose(source)
    edits: Edits = {}
    for knode, vnode in root.value:
        key = knode.value
        if key == "date" and isinstance(vnode, yaml.ScalarNode):
            new = _moved_date(vnode.value, year)
            if new:
                edits[(vnode.start_mark.index, vnode.end_mark.index)] = new
                result.date = new
                result.notes.append(f"date 已改为 {new}：请改成实际日期")
        elif key == "vars" and isinstance(vnode, yaml.MappingNode):
            for vk, vv in vnode.value:
                if vk.value == "year" and isinstance(vv, yaml.ScalarNode):
                    edits[(vv.start_mark.index, vv.end_mark.index)] = str(year)
                    result.notes.append(f"vars.year 已改为 {year}：文中的 {{{{ year }}}} 随之更新")
        elif key in TEXT_KEYS:
            _mark_node(vnode, source, edits, result)
        elif key in CONTAINER_KEYS:
            _walk(vnode, source, edits, result)
    for (start, end), new in sorted(edits.items(), reverse=True):  # distinct nodes: spans never overlap
        source = source[:start] + new + source[end:]
    if result.marks:
        result.notes.append(f"文中 {result.marks} 处数字、日期已标为【核实：…】：逐一核实或更新后删去标记"
                            "（gongwen lint 会列出剩下的，规则 GW603）")
    return source


def _walk(node, source: str, edits: Edits, result: NewDocument) -> None:
    """Sections and points: mark their text keys, recurse into nested containers."""
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            _walk(child, source, edits, result)
        return
    if not isinstance(node, yaml.MappingNode):
        return
    for knode, vnode in node.value:
        key = knode.value
        if key in TEXT_KEYS:
            _mark_node(vnode, source, edits, result)
        elif key == ITEMS_KEY and isinstance(vnode, yaml.SequenceNode):
            for item in vnode.value:
                if isinstance(item, yaml.MappingNode):
                    _walk(item, source, edits, result)
                else:
                    _mark_node(item, source, edits, result)
        elif key in CONTAINER_KEYS:
            _walk(vnode, source, edits, result)


def _mark_node(node, source: str, edits: Edits, result: NewDocument) -> None:
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            _mark_node(child, source, edits, result)
        return
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
        return
    start, end = node.start_mark.index, node.end_mark.index
    if (start, end) in edits:  # an alias of a scalar already marked: its text is shared
        return
    raw = source[start:end]
    marked, count = mark_figures(node.value)
    if not count:
        return
    if node.style in (None, "'", "|", ">") or (node.style == '"' and "\\" not in raw):
        new, raw_count = mark_figures(raw)
        if raw_count == count and _reads_back(new, node, marked):
            edits[(start, end)] = new
            result.marks += count
            return
    # escapes or a token split across lines: rewrite the scalar as one quoted line
    edits[(start, end)] = json.dumps(marked, ensure_ascii=False)
    result.marks += count


def _reads_back(raw: str, node, wanted: str) -> bool:
    """Does the edited scalar source still read as ``wanted``?"""
    try:
        value = yaml.safe_load("k: " + raw)
    except yaml.YAMLError:
        return False
    return isinstance(value, dict) and value.get("k") == wanted


def _moved_date(raw: str, year: int) -> str:
    m = re.fullmatch(r"(\d{4})(-|年)(\d{1,2})(-|月)(\d{1,2})(日?)", raw.strip())
    if not m:
        return ""
    month, day = int(m.group(3)), int(m.group(5))
    try:
        datetime.date(year, month, day)
    except ValueError:
        day = 28  # 29 February in a year that has none
    if m.group(2) == "-":
        return f"{year}-{month:02d}-{day:02d}"
    return f"{year}年{month}月{day}日"


# --- gongwen new (skeleton) -------------------------------------------------------------

_SPEECH = """\
# 讲话稿骨架（gongwen new speech）。把每个【待补充】换成实际内容，不需要的键可以删去；
# gongwen lint 会列出还没填的地方。序号（一、（一）1.（1）一是）由 gongwen 自动生成，不要手写。
# 文中的 {{{{ year }}}}、{{{{ org }}}} 在生成时换成下面 vars 中的值，明年改一处即可。
kind: speech
title: 在{{{{ org }}}}{{{{ year }}}}年【待补充：会议名称】上的讲话
template: speech                    # 内置模板 speech，或本单位模板 .docx 的路径
speaker: 【待补充：职务】　【待补充：姓名】
date: {date}                    # 讲话日期，请改为实际日期
vars:
  year: {year}
  org: {org}
salutation: 同志们：

opening:
  - 今天召开{{{{ org }}}}{{{{ year }}}}年【待补充：会议名称】，主要任务是【待补充：会议任务】。
  - 【待补充：对会议议程的简要评价】下面，我讲几点意见。

sections:
  - heading: 【待补充：第一部分标题】
    paragraphs:
      - 【待补充：这一部分的导语】
    points:                         # 二级要点（一）（二）……
      - heading: 【待补充：要点标题】
        text: 【待补充：要点正文，与标题同段】
      - heading: 【待补充：要点标题】
        run_in: false               # 标题单独成行
        text: 【待补充：要点正文】
        points:                     # 三级要点 1. 2. ……，其下还可有四级（1）（2）
          - heading: 【待补充：三级要点标题】
            text: 【待补充：三级要点正文】
          - heading: 【待补充：三级要点标题】
            text: 【待补充：三级要点正文】
  - heading: 【待补充：第二部分标题】
    paragraphs:
      - 【待补充：这一部分的导语】
    series: 一是                    # 一是……二是……；或写 第一（第一，……第二，……）
    items:                          # 每项一段
      - lead: 【待补充：第一项的要点】
        text: 【待补充：第一项正文】
      - lead: 【待补充：第二项的要点】
        text: 【待补充：第二项正文】
  - heading: 【待补充：第三部分标题】
    paragraphs:
      - 【待补充：这一部分的导语】
    inline: true                    # 各项写在同一段：“引导语一是……；二是……。”
    lead_in: 【待补充：引导语】：
    items:
      - 【待补充：第一项】
      - 【待补充：第二项】

closing:
  - 同志们，【待补充：结束语】
"""

_REPORT = """\
# 调研报告骨架（gongwen new report）。把每个【待补充】换成实际内容，不需要的键可以删去；
# gongwen lint 会列出还没填的地方。序号（一、（一）1.（1）一是）由 gongwen 自动生成，不要手写。
# 文中的 {{{{ year }}}}、{{{{ org }}}} 在生成时换成下面 vars 中的值，明年改一处即可。
kind: report
title: 关于【待补充：调研题目】情况的调研报告
template: report                    # 内置模板 report，或本单位模板 .docx 的路径
author: "{{{{ org }}}}调研组"
date: {date}                    # 成文日期，请改为实际日期
vars:
  year: {year}
  org: {org}

intro:
  - 为【待补充：调研目的】，{{{{ year }}}}年【待补充：时间】，{{{{ org }}}}组成调研组，采取【待补充：调研方式】等方式，深入了解【待补充：调研内容】。
  - 【待补充：基本情况和主要数据】现将调研情况报告如下。

achievements:                       # 一、主要做法及成效（heading 可改）
  heading: 主要做法及成效
  paragraphs:
    - 【待补充：总体评价】
  points:
    - heading: 【待补充：做法或成效】
      text: 【待补充：具体情况和数据】
    - heading: 【待补充：做法或成效】
      text: 【待补充：具体情况和数据】
      inline: true                  # 各项写在同一段
      lead_in: 主要做法有：
      items:
        - 【待补充：第一项】
        - 【待补充：第二项】

problems:                           # 二、存在的问题
  heading: 存在的问题
  paragraphs:
    - 【待补充：总体判断】
  points:
    - heading: 【待补充：问题】
      text: 【待补充：表现和原因】
      series: 一是                  # 或 第一
      items:                        # 每项一段
        - lead: 【待补充：第一方面】    # 生成“一是第一方面。具体表现……”
          text: 【待补充：具体表现】
        - 【待补充：第二方面，也可以只写一句】
    - heading: 【待补充：问题】
      text: 【待补充：表现和原因】

recommendations:                    # 三、意见和建议
  heading: 意见和建议
  paragraphs:
    - 【待补充：总体思路】
  points:
    - heading: 【待补充：建议】
      run_in: false                 # 标题单独成行
      text: 【待补充：建议的具体内容】
      points:                       # 三级要点 1. 2. ……
        - heading: 【待补充：具体措施】
          text: 【待补充：措施内容】
        - heading: 【待补充：具体措施】
          text: 【待补充：措施内容】
    - heading: 【待补充：建议】
      text: 【待补充：建议的具体内容】

# 需要时可在三个部分之后再加部分（编为 四、五、……）：
# sections:
#   - heading: 下一步工作打算
#     paragraphs:
#       - 【待补充】
"""

SKELETONS = {"speech": _SPEECH, "report": _REPORT}


def skeleton(kind: str, year: Optional[int] = None, org: str = "", today: Optional[datetime.date] = None) -> str:
    """The YAML skeleton of ``kind`` for ``year`` (default: this year)."""
    if kind not in SKELETONS:
        raise GongwenError(f"未知的类型 {kind}：只能是 {KIND_CHOICES}")
    today = today or datetime.date.today()
    year = year or today.year
    date = today if today.year == year else datetime.date(year, 1, 1)
    org_value = org or "【待补充：单位名称】"
    return SKELETONS[kind].format(year=year, org=json.dumps(org_value, ensure_ascii=False)
                                  if _needs_quotes(org_value) else org_value,
                                  date=f"{date.year}-{date.month:02d}-{date.day:02d}")


def _needs_quotes(value: str) -> bool:
    try:
        return yaml.safe_load(f"k: {value}") != {"k": value}
    except yaml.YAMLError:
        return True

