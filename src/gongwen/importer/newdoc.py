"""``gongwen new``: a skeleton to fill in, or this year's document started from last year's.

Without a previous document, :func:`~gongwen.importer.skeletons.skeleton` writes every
field of the kind with ``【待补充】`` placeholders: it builds at once (so a writer sees
the layout) and ``gongwen lint`` flags every placeholder until it is filled.

With one, :func:`from_last` copies last year's content and

* moves ``date`` and ``printed`` (same month and day), ``vars.year`` and the year of a
  发文字号 to the new year (its serial is the writer's to change);
* wraps every figure and date of the text in a **verify mark**
  ``【核实：…】`` — ``【核实：2022年】``, ``【核实：今年】3月``, ``【核实：86.5万元】`` —
  because each one belonged to the old year; numbers that are names, codes, references or
  rules (``“7·12”特大暴雨``, ``清政发〔2024〕12号``, ``第3款``, ``24小时值班``) stay as written
  (:mod:`gongwen.importer.yearfacts`).  The writer updates the figure and
  deletes the mark; ``gongwen lint`` reports each mark left (GW603) and years
  older than the document's (GW901).  Book titles ``《…》``, ``{{ … }}``
  variables, 份号 and 密级 are left alone.

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
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml

from gongwen.content.schema import ITEMS_KEY, KIND_NAMES, NESTED_KEYS, TEXT_KEYS
from gongwen.errors import GongwenError, Place
from gongwen.spec.chars import VERIFY_MARK
from gongwen.spec.record import dataclass, field
from gongwen.yamlsafe import compose
from gongwen.importer.skeletons import skeleton  # noqa: F401  (``gongwen new`` without --from)

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
#: Text keys never marked: forms the loader checks (份号 is digits, 密级 ``机密★1年``).
_KEPT = frozenset({"copy_number", "secrecy"})


# --- marking ------------------------------------------------------------------------


def mark_figures(text: str, cited: bool = False) -> Tuple[str, int]:
    """``text`` with every figure, date and relative year of the old year wrapped in ``【核实：…】``;
    names, codes, references and rules (:mod:`gongwen.importer.yearfacts`) are left as written.
    ``cited``: the text is the number of the document a reply answers (``reply_to.number``), which
    changes every year: its year and serial are marked."""
    from gongwen.importer.yearfacts import kept_spans

    out, pos, count = [], 0, 0
    kept = kept_spans(text, marked=("发文字号", "门牌或编号") if cited else ())
    skips = [(m.start(), m.end()) for m in _SKIP_RE.finditer(text)] + [(a, b) for a, b, _ in kept]
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
        raise GongwenError(f"去年的内容是{KIND_NAMES[doc.kind]}（{doc.kind}），与要新建的{KIND_NAMES[kind]}（{kind}）不符",
                           Place(str(path)))
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
    """The year of last year's content: its date, vars.year, its 发文字号 or 印发日期, or the year
    its text names most."""
    if doc.date[:4].isdigit():
        return int(doc.date[:4])
    if str((doc.vars or {}).get("year", "")).isdigit():
        return int(doc.vars["year"])
    stamped = re.search(r"〔((?:19|20)\d\d)〕", doc.head.doc_number) or re.match(r"(\d{4})年", doc.head.printed)
    if stamped:
        return int(stamped.group(1))
    articles = doc.articles + [a for c in doc.chapters for a in c.articles]
    text = "".join([doc.title] + doc.opening + [p for s in doc.sections for p in s.paragraphs]
                   + [t for a in articles for t in a.text + a.points])
    years = Counter(int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})年", text))
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
        if key in ("date", "printed") and isinstance(vnode, yaml.ScalarNode):
            new = _moved_date(vnode.value, year)
            if new:
                edits[(vnode.start_mark.index, vnode.end_mark.index)] = new
                if key == "date":
                    result.date = new
                result.notes.append(f"{key} 已改为 {new}：请改成实际日期")
        elif key == "doc_number":
            _doc_number(vnode, year, edits, result)
        elif key in _KEPT:
            continue  # 份号, 密级: forms the loader checks, not figures of last year
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


def _doc_number(node, year: int, edits: Edits, result: NewDocument) -> None:
    """A 发文字号 gets the new year (``清政发〔2024〕5号``, or ``year:`` of its parts); its serial is the
    writer's to change."""
    if isinstance(node, yaml.MappingNode):
        node = next((v for k, v in node.value if k.value == "year" and isinstance(v, yaml.ScalarNode)), None)
        new = str(year) if node is not None else ""
    elif isinstance(node, yaml.ScalarNode):
        new = re.sub(r"(?<=[〔\[［(（])\s*(?:19|20)\d\d\s*(?=[〕\]］)）])", str(year), node.value, count=1)
    else:
        return
    if node is not None and new and new != node.value:
        edits[(node.start_mark.index, node.end_mark.index)] = json.dumps(new, ensure_ascii=False) \
            if node.style in ('"', "'") else new
        result.notes.append(f"发文字号的年份已改为 {year}：序号请改为实际序号")


def _walk(node, source: str, edits: Edits, result: NewDocument) -> None:
    """Sections, points, articles and attachments: mark their text, recurse into nested containers."""
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            if isinstance(child, yaml.ScalarNode):  # an article, an article's point, an attachment's title
                _mark_node(child, source, edits, result)
            else:
                _walk(child, source, edits, result)
        return
    if not isinstance(node, yaml.MappingNode):
        return
    for knode, vnode in node.value:
        key = knode.value
        if key in TEXT_KEYS:
            _mark_node(vnode, source, edits, result, cited=key == "number")
        elif key == ITEMS_KEY and isinstance(vnode, yaml.SequenceNode):
            for item in vnode.value:
                if isinstance(item, yaml.MappingNode):
                    _walk(item, source, edits, result)
                else:
                    _mark_node(item, source, edits, result)
        elif key in CONTAINER_KEYS:
            _walk(vnode, source, edits, result)


def _mark_node(node, source: str, edits: Edits, result: NewDocument, cited: bool = False) -> None:
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            _mark_node(child, source, edits, result, cited)
        return
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
        return
    start, end = node.start_mark.index, node.end_mark.index
    if (start, end) in edits:  # an alias of a scalar already marked: its text is shared
        return
    raw = source[start:end]
    marked, count = mark_figures(node.value, cited)
    if not count:
        return
    if node.style in (None, "'", "|", ">") or (node.style == '"' and "\\" not in raw):
        new, raw_count = mark_figures(raw, cited)
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
