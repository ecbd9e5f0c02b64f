"""YAML content → :class:`~gongwen.content.model.Document`, validated, with places.

The YAML is *composed* (never constructed: :mod:`gongwen.content.yamlsafe`),
so no tag can build a Python object, and every node keeps its line and column.
Walking the node tree against the content schema (:mod:`gongwen.content.schema`)
lets every fault name its ``file:line:column`` and key path
(``problems.points[2].text``), all faults of a file are reported at once, and
duplicate keys — which PyYAML would silently resolve by keeping the last one,
losing a writer's text — are caught.

Every fault carries the lint code it is reported under
(:mod:`gongwen.content.faults`): ``gongwen lint`` runs this same loader, so it
reports exactly what ``gongwen build`` refuses.
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional

from gongwen.yamlsafe import yaml  # before any other import of yaml: see yamlsafe._import_yaml

from gongwen.content import faults
from gongwen.content.model import Document, Item, Point, Section, Series
from gongwen.content.schema import (DOCUMENT_KEYS, FORMS, ITEM_KEYS, KIND_CHOICES, KIND_WORDS, KINDS, kind_of,
                                    MAX_LEVEL, POINT_KEYS, REPORT_PARTS, SECTION_KEYS, SERIES_KEYS,
                                    SERIES_STYLES, TYPE_NAMES)
from gongwen.content.family import FamilyWalker
from gongwen.content.keypaths import numbering_of
from gongwen.content.shapes import compose_content, shape
from gongwen.errors import ContentError, ContentErrors, Place, ReadError
from gongwen.spec import dates
from gongwen.spec.markers import parse_marker, series_at_start
from gongwen.textio import decode_text, read_bytes

__all__ = ["load", "loads", "validate"]

_VAR_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def load(path, data: Optional[bytes] = None) -> Document:
    """Load and validate one content file (``data``: its bytes, if already read);
    raise :class:`ContentErrors` on faults.

    The bytes are decoded as every command decodes text (:mod:`gongwen.textio`:
    UTF-8 with or without BOM, GB18030).
    """
    path = str(path)
    try:
        text = decode_text(read_bytes(path) if data is None else data, path)
    except ReadError as exc:
        raise ContentErrors([ContentError(exc.message, exc.place, faults.YAML_SYNTAX)]) from None
    return loads(text, path)


def loads(text: str, path: str = "<内容>") -> Document:
    """Load and validate content given as a string (``path`` names it in messages)."""
    return validate(compose_content(text, path), path)


def validate(root, path: str = "<内容>") -> Document:
    """Validate composed content (the root node, None for an empty file) into a Document."""
    if root is None:
        raise ContentErrors([ContentError("文件是空的：至少需要 kind 和 title", Place(path, 1, 1),
                                          faults.WRONG_TYPE)])
    walker = _ContentWalker(path)
    walker.numbering = numbering_of(root)
    doc = walker.document(root)
    if walker.errors:
        raise ContentErrors(walker.errors)
    return doc


class _ContentWalker(FamilyWalker):
    """Walks composed nodes against the content model, collecting every fault."""

    def document(self, root) -> Document:
        if not isinstance(root, yaml.MappingNode):
            self.error(root, "", f"内容的最外层应为键值（kind: …、title: …），实际是{shape(root)}", faults.WRONG_TYPE)
            return Document(kind="", title="")
        kind_node = next((v for k, v in root.value if getattr(k, "value", None) == "kind"), None)
        if kind_node is None:
            self.error(root, "kind", f"缺少 kind：请写文种，如 kind: 通知；可用的文种：{KIND_CHOICES}",
                       faults.WRONG_TYPE)
            return Document(kind="", title="")
        written = self.text(kind_node, "kind", 1)
        kind = kind_of(written) or written
        if kind not in KINDS:
            import difflib  # only for a fault: 1.5 ms to import
            hint = difflib.get_close_matches(kind, list(KIND_WORDS), n=1, cutoff=0.5)
            tip = f"，是不是要写 {hint[0]}？" if hint else ""
            self.error(kind_node, "kind", f"未知的 kind {kind}：只能是 {KIND_CHOICES}{tip}", faults.INVALID_VALUE)
            return Document(kind=kind, title="")
        fields = self.mapping(root, "", DOCUMENT_KEYS[kind], 0) or {}
        doc = Document(kind=kind, title="", path=self.path)
        if "title" not in fields:
            self.error(root, "title", "缺少 title（标题）", faults.WRONG_TYPE)
        for name, (knode, vnode) in fields.items():
            if name == "title":
                doc.title, doc.title_lines = self.title(vnode, name, 1)
                self.heading(vnode, name, 1, title=True, value=doc.title)
            elif name == "template":
                doc.template = self.text(vnode, name, 1, required=True)
            elif name == "date":
                doc.date = self.date(vnode, name)
            elif name == "subtitle":
                doc.subtitle = self.text(vnode, name, 1, required=True).lstrip("—-－ ")
            elif name in ("speaker", "author"):
                doc.byline = self.text(vnode, name, 1)
            elif name == "salutation":
                doc.salutation = self.text(vnode, name, 1)
            elif name in ("opening", "intro"):
                doc.opening = self.paragraphs(vnode, name, 1, empty_code=faults.EMPTY_TEXT, tables=True)
            elif name == "closing" and kind not in FORMS:
                doc.closing = self.paragraphs(vnode, name, 1, empty_code=faults.EMPTY_TEXT)
            elif name == "signature" and kind == "report":
                doc.signature = self.names(vnode, name)
            elif name == "vars":
                doc.vars = self.variables(vnode, name)
        if kind in FORMS:
            self.family(doc, fields)
            doc.warnings = self.warnings
            return doc
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
            key = "sections" if kind == "speech" else next(iter(REPORT_PARTS))
            self.error(root, key, "没有正文：至少需要一个部分（sections 或报告的三个部分）", faults.WRONG_TYPE)
        doc.warnings = self.warnings
        return doc

    def heading(self, node, key: str, depth: int, title: bool = False, value: Optional[str] = None) -> str:
        """A heading's text, checked (``value``: a title already read, its lines joined)."""
        if value is None:
            value = self.text(node, key, depth, required=True)
        marker = parse_marker(value) if value else None
        if marker and value[marker.end:].strip():
            self.error(node, key, f"标题开头不要手写序号“{marker.raw}”：序号由 gongwen 自动生成，请删去",
                       faults.TYPED_HEADING_MARKER)
        elif value and _typed_series(value) and not title:
            self.error(node, key, f"标题开头不要手写“{_typed_series(value)}”：序号由 gongwen 自动生成，请删去",
                       faults.TYPED_HEADING_MARKER)
        if title and value and value[-1] in "。，；：、.,;:":
            self.error(node, key, f"标题末尾不加标点“{value[-1]}”", faults.TITLE_PUNCTUATION)
        return value

    def date(self, node, key: str) -> str:
        raw = self.text(node, key, 1)
        if not (dates.ISO.fullmatch(raw) or dates.CN_WRITTEN.fullmatch(raw)):
            self.error(node, key, f"日期“{raw}”格式不对：请写 2022-03-01 或 2022年3月1日", faults.INVALID_VALUE)
            return ""
        day = dates.parse(raw)
        if day is None:
            self.error(node, key, f"日期“{raw}”不存在", faults.INVALID_VALUE)
            return ""
        return dates.written(day)

    def variables(self, node, key: str) -> Dict[str, str]:
        out: Dict[str, str] = {}
        if not self.count(node, key, 1):
            return out
        if not isinstance(node, yaml.MappingNode):
            self.error(node, key, f"应为{TYPE_NAMES['mapping']}，实际是{shape(node)}", faults.WRONG_TYPE)
            return out
        for knode, vnode in node.value:
            name = getattr(knode, "value", "")
            if not isinstance(knode, yaml.ScalarNode) or not _VAR_NAME.fullmatch(name):
                self.error(knode, f"{key}.{name}", "变量名只能用英文字母、数字和下划线，且不能以数字开头",
                           faults.INVALID_VALUE)
                continue
            if name in out:
                self.error(knode, f"{key}.{name}", f"变量 {name} 重复", faults.DUPLICATE_KEY)
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
            self.error(node, f"{key}.heading", "缺少 heading（标题）", faults.WRONG_TYPE)
            heading = ""
        section = Section(heading=heading)
        if "paragraphs" in fields:
            section.paragraphs = self.paragraphs(fields["paragraphs"][1], f"{key}.paragraphs", depth + 1,
                                                 empty_code=faults.EMPTY_TEXT, tables=True)
        if "points" in fields:
            section.points = self.points(fields["points"][1], f"{key}.points", depth + 1, level=2)
        section.series = self.series(node, fields, key, depth)
        section.after = self.after(fields, key, depth)
        if not (section.paragraphs or section.points or section.series):
            self.error(node, key, "这一部分没有内容：需要 paragraphs、points 或 items", faults.WRONG_TYPE)
        return section

    def points(self, node, key: str, depth: int, level: int) -> List[Point]:
        if level > MAX_LEVEL:
            self.error(node, key, "层次最多四级（一、（一）1.（1））：第五级不能再分 points", faults.INVALID_VALUE)
            return []
        return [p for p in self.sequence(node, key, depth, lambda n, k, d: self.point(n, k, d, level)) if p]

    def point(self, node, key: str, depth: int, level: int) -> Optional[Point]:
        fields = self.mapping(node, key, POINT_KEYS, depth)
        if fields is None:
            return None
        if "heading" not in fields:
            self.error(node, f"{key}.heading", "缺少 heading（标题）", faults.WRONG_TYPE)
            return None
        point = Point(heading=self.heading(fields["heading"][1], f"{key}.heading", depth + 1))
        if "text" in fields:
            point.text = self.paragraphs(fields["text"][1], f"{key}.text", depth + 1, empty_code=faults.EMPTY_TEXT,
                                         tables=True)
        if "run_in" in fields:
            point.run_in = self.boolean(fields["run_in"][1], f"{key}.run_in", depth + 1)
        if "points" in fields:
            point.points = self.points(fields["points"][1], f"{key}.points", depth + 1, level + 1)
        point.series = self.series(node, fields, key, depth)
        point.after = self.after(fields, key, depth)
        return point

    def series(self, node, fields, key: str, depth: int) -> Optional[Series]:
        present = [k for k in SERIES_KEYS if k in fields and k != "after"]
        if not present:
            return None
        if "items" not in fields:
            self.error(fields[present[0]][0], f"{key}.{present[0]}", f"{present[0]} 只能和 items 一起用",
                       faults.WRONG_TYPE)
            return None
        series = Series(items=[i for i in self.sequence(
            fields["items"][1], f"{key}.items", depth + 1, self.item) if i])
        if "inline" in fields:
            series.inline = self.boolean(fields["inline"][1], f"{key}.inline", depth + 1)
        if "series" in fields:
            vnode = fields["series"][1]
            style = self.text(vnode, f"{key}.series", depth + 1)
            if style not in SERIES_STYLES:
                self.error(vnode, f"{key}.series", f"series 只能是 {' 或 '.join(SERIES_STYLES)}，不能是“{style}”",
                           faults.INVALID_VALUE)
            else:
                series.style = style
        if "lead_in" in fields:
            series.lead_in = self.text(fields["lead_in"][1], f"{key}.lead_in", depth + 1)
        return series

    def after(self, fields, key: str, depth: int) -> List[str]:
        """Paragraphs after a series (``after``), which needs a series before it."""
        if "after" not in fields:
            return []
        if "items" not in fields:
            self.error(fields["after"][0], f"{key}.after", "after 是分项（items）之后的段落，只能和 items 一起用",
                       faults.WRONG_TYPE)
        return self.paragraphs(fields["after"][1], f"{key}.after", depth + 1, empty_code=faults.EMPTY_TEXT,
                               tables=True)

    def item(self, node, key: str, depth: int) -> Optional[Item]:
        if isinstance(node, yaml.ScalarNode):
            item = Item(text=self.text(node, key, depth, required=True, empty_code=faults.EMPTY_TEXT))
            where, first = node, item.text
        else:
            fields = self.mapping(node, key, ITEM_KEYS, depth)
            if fields is None:
                return None
            if "lead" not in fields and "text" not in fields:
                self.error(node, key, "一项至少要有 lead 或 text", faults.WRONG_TYPE)
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
            self.error(where, key, f"开头不要手写“{typed}”：一是、二是……由 gongwen 自动生成，请删去",
                       faults.TYPED_SERIES_OPENER)
        return item


def _typed_series(text: str) -> str:
    """The series opener a writer typed at the start of ``text`` (``二是``, ``第一，``), or ""."""
    mark = series_at_start(text)
    if mark and (mark.style == "一是" or (mark.style == "第一" and mark.sep and mark.sep in "，,、")):
        return mark.raw
    return ""
