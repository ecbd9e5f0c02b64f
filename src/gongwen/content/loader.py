"""YAML content → :class:`~gongwen.content.model.Document`, validated, with places.

The YAML is *composed* (never constructed), so no tag can build a Python
object, and every node keeps its line and column.  Walking the node tree
against the content model lets every fault name its ``file:line:column`` and
key path (``problems.points[2].text``), all faults of a file are reported at
once, and duplicate keys — which PyYAML would silently resolve by keeping the
last one, losing a writer's text — are caught.
"""

from __future__ import annotations

import datetime
import difflib
import re
from pathlib import Path
from typing import Callable, Dict, List, Optional

import yaml

from gongwen.errors import ContentError, ContentErrors, Place
from gongwen.spec.markers import parse_marker, series_at_start
from gongwen.content.model import KINDS, REPORT_PARTS, SERIES_STYLES, Document, Item, Point, Section, Series

#: Upper bound on nodes visited: aliases may not expand a file beyond this
#: (a "billion laughs" file composes small but walks forever).
MAX_NODES = 200_000
#: Upper bound on the text of one file after aliases are expanded (characters).
MAX_CHARS = 20_000_000
MAX_DEPTH = 40
#: Nesting the composer accepts: PyYAML composes recursively (and libyaml's C
#: composer segfaults on ~50 000 levels), so depth is checked as nodes open.
MAX_NESTING = 100
MAX_LEVEL = 4

# XML 1.0 cannot hold these; they are removed with a warning.
# (A positive class: the negated form compiles ten times slower, at every start-up.)
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_SCALAR_TAGS = {_STR, _NULL, _BOOL, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                "tag:yaml.org,2002:timestamp"}

TYPE_NAMES = {"text": "文字", "paragraphs": "段落（文字或文字列表）", "list": "列表",
              "mapping": "键值（映射）", "bool": "true 或 false"}

COMMON_KEYS = ("kind", "title", "template", "date", "vars")
SPEECH_KEYS = COMMON_KEYS + ("speaker", "salutation", "opening", "sections", "closing")
REPORT_KEYS = COMMON_KEYS + ("author", "intro") + tuple(REPORT_PARTS) + ("sections",)
SERIES_KEYS = ("items", "inline", "series", "lead_in")
SECTION_KEYS = ("heading", "paragraphs", "points") + SERIES_KEYS
POINT_KEYS = ("heading", "text", "run_in", "points") + SERIES_KEYS
ITEM_KEYS = ("lead", "text")

# YAML folds a line break inside a plain or ">" scalar into a space; between Chinese
# characters that space is an artefact of wrapping, not the writer's text.
_CJK = "\u2014\u2018\u2019\u201c\u201d\u2026\u3001-\u303f\u3400-\u9fff\uff01-\uffef"
_FOLD_SPACE = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DATE_CN = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_VAR_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class SafeComposer(yaml.SafeLoader):
    """PyYAML's safe loader, refusing nesting deeper than :data:`MAX_NESTING`."""

    _depth = 0

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > MAX_NESTING:
                raise yaml.composer.ComposerError(None, None, "nesting too deep",
                                                  self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def compose(text: str):
    """Compose YAML safely: no tags constructed, nesting bounded; raises ``yaml.YAMLError``.

    libyaml's composer is eight times faster than PyYAML's but recurses in C (a
    segfault near 50 000 levels), so the nesting is first checked on its event
    stream, which is iterative.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None or not _encodable(text):
        # libyaml takes UTF-8 only; PyYAML's reader reports a lone surrogate with its place.
        return yaml.compose(text, Loader=SafeComposer)
    try:
        depth = 0
        for event in yaml.parse(text, Loader=fast):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_NESTING:
                    raise yaml.composer.ComposerError(None, None, "nesting too deep", event.start_mark)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        root = yaml.compose(text, Loader=fast)
    except yaml.reader.ReaderError as exc:  # libyaml counts UTF-8 bytes; places are in characters
        exc.position = len(text.encode("utf-8")[:exc.position].decode("utf-8", "ignore"))
        raise
    _plain_style_as_none(root)
    return root


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _plain_style_as_none(root) -> None:
    """libyaml marks a plain scalar with style "" where PyYAML uses None; use one."""
    stack, seen = [root] if root is not None else [], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.style == "":
                node.style = None
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        else:
            for key, value in node.value:
                stack.append(key)
                stack.append(value)


def load(path, data: Optional[bytes] = None) -> Document:
    """Load and validate one content file (``data``: its bytes, if already read);
    raise :class:`ContentErrors` on faults."""
    path = str(path)
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise ContentErrors([ContentError(f"无法读取文件：{exc.strerror or exc}", Place(path))])
    return loads(_decode(data, path), path)


def _decode(data: bytes, path: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ContentErrors([ContentError("文件编码无法识别：请保存为 UTF-8", Place(path))]) from None


def loads(text: str, path: str = "<内容>") -> Document:
    """Load and validate content given as a string (``path`` names it in messages)."""
    walker = _Walker(path)
    try:
        root = compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        place = Place(path, mark.line + 1, mark.column + 1) if mark else Place(path)
        raise ContentErrors([ContentError(f"YAML 语法错误：{_yaml_problem(exc)}", place)]) from None
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        raise ContentErrors([ContentError(
            f"YAML 中不允许的字符 U+{exc.character if isinstance(exc.character, int) else ord(exc.character):04X}",
            Place(path, line, col))]) from None
    except yaml.YAMLError as exc:
        raise ContentErrors([ContentError(f"YAML 错误：{exc}", Place(path))]) from None
    if root is None:
        raise ContentErrors([ContentError("文件是空的：至少需要 kind 和 title", Place(path, 1, 1))])
    doc = walker.document(root)
    if walker.errors:
        raise ContentErrors(walker.errors)
    return doc


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    problem = " ".join(p.strip() for p in (exc.context, exc.problem) if p)
    known = {
        "expected a single document in the stream": "一个文件只能有一份内容（发现了多个 --- 文档）",
        "found character '\\t' that cannot start any token": "不能用 Tab 缩进，请用空格",
        "mapping values are not allowed here": "此处不能出现冒号，请给含冒号的文字加引号",
        "found undefined alias": "使用了未定义的别名（*）",
        "found duplicate anchor": "锚点（&）重复",
        "nesting too deep": f"嵌套过深（超过 {MAX_NESTING} 层），已拒绝",
    }
    for english, chinese in known.items():
        if english in problem:
            return chinese
    return problem


def _line_col(text: str, position: int):
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


class _Walker:
    """Walks composed nodes against the content model, collecting every fault."""

    def __init__(self, path: str):
        self.path = path
        self.errors: List[ContentError] = []
        self.warnings: List[str] = []
        self.visited = 0
        self.chars = 0

    # -- reporting ---------------------------------------------------------
    def place(self, node, key: str) -> Place:
        mark = node.start_mark
        return Place(self.path, mark.line + 1, mark.column + 1, key)

    def error(self, node, key: str, message: str) -> None:
        self.errors.append(ContentError(message, self.place(node, key)))

    def _count(self, node, key: str, depth: int) -> bool:
        self.visited += 1
        if self.visited > MAX_NODES or depth > MAX_DEPTH:
            if not any("过大" in e.message for e in self.errors):
                self.error(node, key, "内容过大或嵌套过深（别名 * 展开后超出限制），已拒绝")
            return False
        if node.tag not in _SCALAR_TAGS and node.tag not in (
                "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"):
            self.error(node, key, f"不支持的 YAML 标签 {node.tag}：内容只能是文字、列表和键值")
            return False
        return True

    # -- generic shapes ----------------------------------------------------
    def mapping(self, node, key: str, allowed, depth: int) -> Optional[Dict[str, tuple]]:
        """Key → (key node, value node) of a mapping, with unknown/duplicate keys reported."""
        if not self._count(node, key, depth):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.error(node, key, f"应为{TYPE_NAMES['mapping']}，实际是{_shape(node)}")
            return None
        out: Dict[str, tuple] = {}
        for knode, vnode in node.value:
            name = knode.value if isinstance(knode, yaml.ScalarNode) else None
            where = f"{key}.{name}" if key else str(name)
            if name in out:
                first = out[name][0].start_mark.line + 1
                self.error(knode, where, f"键 {name} 重复（第一次出现在第 {first} 行）：后一个会覆盖前一个，请合并或删除")
                continue
            if name not in allowed:
                hint = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
                tip = f"，是不是要写 {hint[0]}？" if hint else f"；可用的键：{'、'.join(allowed)}"
                self.error(knode, where, f"未知的键 {name}{tip}")
                continue
            out[name] = (knode, vnode)
        return out

    def text(self, node, key: str, depth: int, required: bool = False,
             one_line: bool = True) -> str:
        if not self._count(node, key, depth):
            return ""
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, key, f"应为{TYPE_NAMES['text']}，实际是{_shape(node)}")
            return ""
        value = "" if node.tag == _NULL else node.value
        if node.style in (None, ">") and node.end_mark.line > node.start_mark.line:
            value = _FOLD_SPACE.sub("", value)
        self.chars += len(value)
        if self.chars > MAX_CHARS:
            self.visited = MAX_NODES  # the next node visited reports it, once
            return ""
        value = self.clean(value.strip(), node, key)
        if required and not value:
            self.error(node, key, "不能为空")
        if one_line and "\n" in value:
            self.error(node, key, "应写在一行内（不能换行）")
        return value

    def clean(self, value: str, node, key: str) -> str:
        bad = XML_ILLEGAL.findall(value)
        if bad:
            codes = "、".join(sorted({f"U+{ord(c):04X}" for c in bad}))
            self.warnings.append(f"{self.place(node, key)}: {key}：删除了 Word 无法保存的字符 {codes}")
            value = XML_ILLEGAL.sub("", value)
        return value

    def paragraphs(self, node, key: str, depth: int) -> List[str]:
        """A string (one paragraph per line) or a list of strings."""
        if isinstance(node, yaml.SequenceNode):
            if not self._count(node, key, depth):
                return []
            out: List[str] = []
            for i, child in enumerate(node.value):
                text = self.text(child, f"{key}[{i}]", depth + 1, required=True, one_line=False)
                out.extend(_lines(text))
            return out
        if isinstance(node, yaml.ScalarNode):
            return _lines(self.text(node, key, depth, one_line=False))
        self._count(node, key, depth)
        self.error(node, key, f"应为{TYPE_NAMES['paragraphs']}，实际是{_shape(node)}")
        return []

    def boolean(self, node, key: str, depth: int) -> bool:
        if not self._count(node, key, depth):
            return False
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL:
            return node.value.lower() in ("true", "yes", "on")
        self.error(node, key, f"应为 {TYPE_NAMES['bool']}")
        return False

    def sequence(self, node, key: str, depth: int, each: Callable) -> list:
        if not self._count(node, key, depth):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, key, f"应为{TYPE_NAMES['list']}（每项以“- ”开头），实际是{_shape(node)}")
            return []
        if not node.value:
            self.error(node, key, "列表是空的")
        return [each(child, f"{key}[{i}]", depth + 1) for i, child in enumerate(node.value)]

    # -- the content model -------------------------------------------------
    def document(self, root) -> Document:
        if not isinstance(root, yaml.MappingNode):
            self.error(root, "", f"内容的最外层应为键值（kind: …、title: …），实际是{_shape(root)}")
            return Document(kind="", title="")
        kind_node = next((v for k, v in root.value if getattr(k, "value", None) == "kind"), None)
        if kind_node is None:
            self.error(root, "kind", "缺少 kind：请写 kind: speech（讲话稿）或 kind: report（调研报告）")
            return Document(kind="", title="")
        kind = self.text(kind_node, "kind", 1)
        if kind not in KINDS:
            hint = difflib.get_close_matches(kind, KINDS, n=1, cutoff=0.5)
            tip = f"，是不是要写 {hint[0]}？" if hint else ""
            self.error(kind_node, "kind", f"未知的 kind {kind}：只能是 speech（讲话稿）或 report（调研报告）{tip}")
            return Document(kind=kind, title="")
        fields = self.mapping(root, "", SPEECH_KEYS if kind == "speech" else REPORT_KEYS, 0) or {}
        doc = Document(kind=kind, title="", path=self.path)
        if "title" not in fields:
            self.error(root, "title", "缺少 title（标题）")
        for name, (knode, vnode) in fields.items():
            if name == "title":
                doc.title = self.heading(vnode, name, 1, title=True)
            elif name == "template":
                doc.template = self.text(vnode, name, 1, required=True)
            elif name == "date":
                doc.date = self.date(vnode, name)
            elif name in ("speaker", "author"):
                doc.byline = self.text(vnode, name, 1)
            elif name == "salutation":
                doc.salutation = self.text(vnode, name, 1)
            elif name in ("opening", "intro"):
                doc.opening = self.paragraphs(vnode, name, 1)
            elif name == "closing":
                doc.closing = self.paragraphs(vnode, name, 1)
            elif name == "vars":
                doc.vars = self.variables(vnode, name)
        if kind == "report":
            for part, default in REPORT_PARTS.items():
                if part in fields:
                    section = self.section(fields[part][1], part, 1, default_heading=default)
                    if section:
                        section.part = part
                        doc.sections.append(section)
        if "sections" in fields:
            doc.sections.extend(s for s in self.sequence(fields["sections"][1], "sections", 1,
                                                         self.section) if s)
        if not doc.sections and not self.errors:
            key = "sections" if kind == "speech" else "achievements"
            self.error(root, key, "没有正文：至少需要一个部分（sections 或报告的三个部分）")
        doc.warnings = self.warnings
        return doc

    def heading(self, node, key: str, depth: int, title: bool = False) -> str:
        value = self.text(node, key, depth, required=True)
        marker = parse_marker(value) if value else None
        if marker and value[marker.end:].strip():
            self.error(node, key, f"标题开头不要手写序号“{marker.raw}”：序号由 gongwen 自动生成，请删去")
        elif value and _typed_series(value) and not title:
            self.error(node, key, f"标题开头不要手写“{_typed_series(value)}”：序号由 gongwen 自动生成，请删去")
        if title and value and value[-1] in "。，；：、.,;:":
            self.error(node, key, f"标题末尾不加标点“{value[-1]}”")
        return value

    def date(self, node, key: str) -> str:
        raw = self.text(node, key, 1)
        m = _DATE_ISO.fullmatch(raw) or _DATE_CN.fullmatch(raw)
        if not m:
            self.error(node, key, f"日期“{raw}”格式不对：请写 2022-03-01 或 2022年3月1日")
            return ""
        year, month, day = (int(g) for g in m.groups())
        try:
            datetime.date(year, month, day)
        except ValueError:
            self.error(node, key, f"日期“{raw}”不存在")
            return ""
        return f"{year}年{month}月{day}日"

    def variables(self, node, key: str) -> Dict[str, str]:
        out: Dict[str, str] = {}
        if not self._count(node, key, 1):
            return out
        if not isinstance(node, yaml.MappingNode):
            self.error(node, key, f"应为{TYPE_NAMES['mapping']}，实际是{_shape(node)}")
            return out
        for knode, vnode in node.value:
            name = getattr(knode, "value", "")
            if not isinstance(knode, yaml.ScalarNode) or not _VAR_NAME.fullmatch(name):
                self.error(knode, f"{key}.{name}", "变量名只能用英文字母、数字和下划线，且不能以数字开头")
                continue
            if name in out:
                self.error(knode, f"{key}.{name}", f"变量 {name} 重复")
                continue
            out[name] = self.text(vnode, f"{key}.{name}", 2)
        return out

    def section(self, node, key: str, depth: int, default_heading: str = "") -> Optional[Section]:
        fields = self.mapping(node, key, SECTION_KEYS, depth)
        if fields is None:
            return None
        if "heading" in fields:
            heading = self.heading(fields["heading"][1], f"{key}.heading", depth + 1)
        elif default_heading:
            heading = default_heading
        else:
            self.error(node, f"{key}.heading", "缺少 heading（标题）")
            heading = ""
        section = Section(heading=heading)
        if "paragraphs" in fields:
            section.paragraphs = self.paragraphs(fields["paragraphs"][1], f"{key}.paragraphs", depth + 1)
        if "points" in fields:
            section.points = self.points(fields["points"][1], f"{key}.points", depth + 1, level=2)
        section.series = self.series(node, fields, key, depth)
        if not (section.paragraphs or section.points or section.series):
            self.error(node, key, "这一部分没有内容：需要 paragraphs、points 或 items")
        return section

    def points(self, node, key: str, depth: int, level: int) -> List[Point]:
        if level > MAX_LEVEL:
            self.error(node, key, "层次最多四级（一、（一）1.（1））：第五级不能再分 points")
            return []
        return [p for p in self.sequence(node, key, depth, lambda n, k, d: self.point(n, k, d, level)) if p]

    def point(self, node, key: str, depth: int, level: int) -> Optional[Point]:
        fields = self.mapping(node, key, POINT_KEYS, depth)
        if fields is None:
            return None
        if "heading" not in fields:
            self.error(node, f"{key}.heading", "缺少 heading（标题）")
            return None
        point = Point(heading=self.heading(fields["heading"][1], f"{key}.heading", depth + 1))
        if "text" in fields:
            point.text = self.paragraphs(fields["text"][1], f"{key}.text", depth + 1)
        if "run_in" in fields:
            point.run_in = self.boolean(fields["run_in"][1], f"{key}.run_in", depth + 1)
        if "points" in fields:
            point.points = self.points(fields["points"][1], f"{key}.points", depth + 1, level + 1)
        point.series = self.series(node, fields, key, depth)
        return point

    def series(self, node, fields, key: str, depth: int) -> Optional[Series]:
        present = [k for k in SERIES_KEYS if k in fields]
        if not present:
            return None
        if "items" not in fields:
            self.error(fields[present[0]][0], f"{key}.{present[0]}", f"{present[0]} 只能和 items 一起用")
            return None
        series = Series(items=[i for i in self.sequence(
            fields["items"][1], f"{key}.items", depth + 1, self.item) if i])
        if "inline" in fields:
            series.inline = self.boolean(fields["inline"][1], f"{key}.inline", depth + 1)
        if "series" in fields:
            vnode = fields["series"][1]
            style = self.text(vnode, f"{key}.series", depth + 1)
            if style not in SERIES_STYLES:
                self.error(vnode, f"{key}.series", f"series 只能是 一是 或 第一，不能是“{style}”")
            else:
                series.style = style
        if "lead_in" in fields:
            series.lead_in = self.text(fields["lead_in"][1], f"{key}.lead_in", depth + 1)
        return series

    def item(self, node, key: str, depth: int) -> Optional[Item]:
        if isinstance(node, yaml.ScalarNode):
            item = Item(text=self.text(node, key, depth, required=True))
            where, first = node, item.text
        else:
            fields = self.mapping(node, key, ITEM_KEYS, depth)
            if fields is None:
                return None
            if "lead" not in fields and "text" not in fields:
                self.error(node, key, "一项至少要有 lead 或 text")
                return None
            item = Item()
            if "lead" in fields:
                item.lead = self.text(fields["lead"][1], f"{key}.lead", depth + 1, required=True)
            if "text" in fields:
                item.text = self.text(fields["text"][1], f"{key}.text", depth + 1, required=True)
            where = fields["lead" if "lead" in fields else "text"][1]
            first = item.lead or item.text
        marker = parse_marker(first)
        typed = _typed_series(first) or (marker.raw if marker else "")
        if typed:
            self.error(where, key, f"开头不要手写“{typed}”：一是、二是……由 gongwen 自动生成，请删去")
        return item


def _typed_series(text: str) -> str:
    """The series opener a writer typed at the start of ``text`` (``二是``, ``第一，``), or ""."""
    mark = series_at_start(text)
    if mark and (mark.style == "一是" or (mark.style == "第一" and mark.sep and mark.sep in "，,、")):
        return mark.raw
    return ""


def _lines(text: str) -> List[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _shape(node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "键值（映射）"
    if isinstance(node, yaml.SequenceNode):
        return "列表"
    if node.tag == _NULL:
        return "空值"
    return f"“{node.value}”"
