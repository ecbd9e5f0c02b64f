"""Walking composed YAML nodes as generic shapes — mappings, text, paragraphs, booleans, lists —
collecting every fault with its place, key path and lint code.

The content model (:mod:`gongwen.content.loader`) is built on these: a shape
that is wrong is reported once, where it is, and the walk goes on, so every
fault of a file is reported at once.  Every node visited counts against the
limits of :mod:`gongwen.yamlsafe`, so aliases cannot make a walk
endless.
"""

from __future__ import annotations

import re
from typing import Callable, Dict, List, Optional

import yaml

from gongwen import textio
from gongwen.content.faults import DUPLICATE_KEY, INVALID_VALUE, UNKNOWN_KEY, WRONG_TYPE, YAML_SYNTAX
from gongwen.content.keypaths import Numbering, writer_path
from gongwen.content.schema import TYPE_NAMES
from gongwen.errors import ContentError, Place
from gongwen.spec import lazyre
from gongwen.spec.chars import CHINESE_TEXT_CLASS, XML_ILLEGAL
from gongwen.yamlhints import colon_in_text
from gongwen.yamlsafe import MAX_CHARS, MAX_DEPTH, MAX_NODES
from gongwen.yamlsafe import compose_content as _compose_content

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
_SCALAR_TAGS = {STR, NULL, BOOL, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                "tag:yaml.org,2002:timestamp"}
_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
#: Most entries in one list of sections, points or items.  A real 公文 numbers a few dozen
#: siblings at most (一、 … 二十、); the numerals are written up to 9,999.
MAX_SIBLINGS = 500
#: Most paragraphs of one document (:data:`gongwen.textio.MAX_PARAGRAPHS`, as for drafts).
MAX_PARAGRAPHS = textio.MAX_PARAGRAPHS

# YAML folds a line break inside a plain or ">" scalar into a space; between Chinese
# characters that space is an artefact of wrapping, not the writer's text.
_FOLD_SPACE = lazyre.compile(f"(?<=[{CHINESE_TEXT_CLASS}]) (?=[{CHINESE_TEXT_CLASS}])")


def compose_content(text: str, path: str):
    """Content composed within bounds (:mod:`gongwen.yamlsafe`); a YAML fault is raised as
    :class:`~gongwen.errors.ContentErrors` under the content family's code (GW710)."""
    return _compose_content(text, path, YAML_SYNTAX)


class ShapeWalker:
    """Reads composed nodes as shapes, collecting every fault (``errors``) and fix (``warnings``).

    Bounds are reported where they are crossed, once: the text that crosses the character
    limit (even the last one), a list of more than :data:`MAX_SIBLINGS` sections, points or
    items, more than :data:`~gongwen.textio.MAX_PARAGRAPHS` paragraphs — what a real 公文
    needs many times over, far below what the numerals are written for (9,999).
    """

    def __init__(self, path: str):
        self.path = path
        self.errors: List[ContentError] = []
        self.warnings: List[str] = []
        self.visited = 0
        self.chars = 0
        self.paras = 0  # paragraphs read so far, against MAX_PARAGRAPHS
        self.refused = False  # "too big" has been reported (once)
        self.numbering: Optional[Numbering] = None  # how places are numbered (set from the root)

    # -- reporting ---------------------------------------------------------
    def place(self, node, key: str) -> Place:
        mark = node.start_mark
        return Place(self.path, mark.line + 1, mark.column + 1, key, writer_path(key, self.numbering))

    def error(self, node, key: str, message: str, code: str) -> None:
        self.errors.append(ContentError(message, self.place(node, key), code))

    def count(self, node, key: str, depth: int) -> bool:
        """Count a node against the limits; False (reported) when over them or not plain YAML."""
        self.visited += 1
        if self.visited > MAX_NODES or depth > MAX_DEPTH:
            self.too_big(node, key, "内容过大或嵌套过深（别名 * 展开后超出限制），已拒绝")
            return False
        if node.tag not in _SCALAR_TAGS and node.tag not in _COLLECTION_TAGS:
            self.error(node, key, f"不支持的 YAML 标签 {node.tag}：内容只能是文字、列表和键值", YAML_SYNTAX)
            return False
        return True

    # -- shapes --------------------------------------------------------------
    def mapping(self, node, key: str, allowed, depth: int) -> Optional[Dict[str, tuple]]:
        """Key → (key node, value node) of a mapping, with unknown/duplicate keys reported."""
        if not self.count(node, key, depth):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.error(node, key, _full_colon(node, allowed) or f"应为{TYPE_NAMES['mapping']}，实际是{shape(node)}",
                       WRONG_TYPE)
            return None
        if colon_in_text(node) and node.value[0][0].value not in allowed:
            self.error(node, key, colon_in_text(node), WRONG_TYPE)  # text, not a mapping: one finding
            return None
        out: Dict[str, tuple] = {}
        for knode, vnode in node.value:
            name = knode.value if isinstance(knode, yaml.ScalarNode) else None
            where = f"{key}.{name}" if key else str(name)
            if name in out:
                first = out[name][0].start_mark.line + 1
                self.error(knode, where, f"键 {name} 重复（第一次出现在第 {first} 行）：后一个会覆盖前一个，请合并或删除",
                           DUPLICATE_KEY)
                continue
            if name not in allowed:
                import difflib  # only for a fault: 1.5 ms to import
                hint = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
                tip = f"，是不是要写 {hint[0]}？" if hint else f"；可用的键：{'、'.join(allowed)}"
                self.error(knode, where, f"未知的键 {name}{tip}", UNKNOWN_KEY)
                continue
            out[name] = (knode, vnode)
        return out

    def text(self, node, key: str, depth: int, required: bool = False, one_line: bool = True,
             empty_code: str = WRONG_TYPE) -> str:
        """A string (null reads as empty); ``required``: an empty one is an error (``empty_code``)."""
        if not self.count(node, key, depth):
            return ""
        if not isinstance(node, yaml.ScalarNode):
            message = colon_in_text(node) or f"应为{TYPE_NAMES['text']}，实际是{shape(node)}"
            self.error(node, key, message, WRONG_TYPE)
            return ""
        value = "" if node.tag == NULL else node.value
        if node.style in (None, ">") and node.end_mark.line > node.start_mark.line:
            value = _FOLD_SPACE.sub("", value)
        self.chars += len(value)
        if self.chars > MAX_CHARS:
            self.visited = MAX_NODES  # no node after this one is read
            self.too_big(node, key, f"内容过大：文字超过 {MAX_CHARS // 10000} 万字"
                                    "（含别名 * 展开的部分），已拒绝")
            return ""
        value = self.clean(value.strip(), node, key)
        if required and not value:
            self.error(node, key, "不能为空", empty_code)
        if one_line and "\n" in value:
            self.error(node, key, "应写在一行内（不能换行）", INVALID_VALUE)
        return value

    def too_big(self, node, key: str, message: str) -> None:
        """Report, once, that the content is over a limit (here, at ``node``)."""
        if not self.refused:
            self.refused = True
            self.error(node, key, message, YAML_SYNTAX)

    def clean(self, value: str, node, key: str) -> str:
        """``value`` without characters XML cannot hold (a warning names them)."""
        bad = XML_ILLEGAL.findall(value)
        if bad:
            codes = "、".join(sorted({f"U+{ord(c):04X}" for c in bad}))
            self.warnings.append(f"{self.place(node, key)}: {self.place(node, key).named}：删除了 Word 无法保存的字符 {codes}")
            value = XML_ILLEGAL.sub("", value)
        return value

    def paragraphs(self, node, key: str, depth: int, empty_code: str = WRONG_TYPE, tables: bool = False) -> list:
        """A string (one paragraph per line) or a list of strings (an empty entry: ``empty_code``);
        ``tables``: an entry may be a table (``- table: {…}``, :mod:`gongwen.content.tableread`)."""
        if isinstance(node, yaml.SequenceNode):
            if not self.count(node, key, depth):
                return []
            out: list = []
            for i, child in enumerate(node.value):
                if isinstance(child, yaml.MappingNode):
                    from gongwen.content.tableread import table_entry

                    found = table_entry(self, child, f"{key}[{i}]", depth + 1, tables)
                    if found is not None:
                        out.append(found)
                    continue
                text = self.text(child, f"{key}[{i}]", depth + 1, required=True, one_line=False,
                                 empty_code=empty_code)
                out.extend(self.paragraph_lines(text, child, f"{key}[{i}]"))
            return out
        if isinstance(node, yaml.ScalarNode):
            return self.paragraph_lines(self.text(node, key, depth, one_line=False), node, key)
        self.count(node, key, depth)
        self.error(node, key, f"应为{TYPE_NAMES['paragraphs']}，实际是{shape(node)}", WRONG_TYPE)
        return []

    def paragraph_lines(self, text: str, node, key: str) -> List[str]:
        """:func:`lines` of ``text``, counted against MAX_PARAGRAPHS before they are made."""
        room = max(MAX_PARAGRAPHS - self.paras, 0)
        self.paras += text.count("\n") + 1 if text else 0
        if self.paras > MAX_PARAGRAPHS:  # refused; the lines within the limit are still read
            self.too_big(node, key, f"段落超过 {MAX_PARAGRAPHS} 个（一份 300 页的报告约 1 万段），已拒绝；"
                                    "如确是这样长的文档，请分成几个文件")
            return lines("\n".join(text.split("\n", room)[:room]))
        return lines(text)

    def boolean(self, node, key: str, depth: int) -> bool:
        if not self.count(node, key, depth):
            return False
        if isinstance(node, yaml.ScalarNode) and node.tag == BOOL:
            return node.value.lower() in ("true", "yes", "on")
        self.error(node, key, f"应为 {TYPE_NAMES['bool']}", WRONG_TYPE)
        return False

    def sequence(self, node, key: str, depth: int, each: Callable) -> list:
        if not self.count(node, key, depth):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, key, f"应为{TYPE_NAMES['list']}（每项以“- ”开头），实际是{shape(node)}", WRONG_TYPE)
            return []
        if not node.value:
            self.error(node, key, "列表是空的", WRONG_TYPE)
        if len(node.value) > MAX_SIBLINGS:  # refused; the first ones are still read for their faults
            self.error(node, key, f"列表有 {len(node.value)} 项，超过 {MAX_SIBLINGS} 项的上限"
                                  "（同一层的部分、要点或分项不会这样多），已拒绝；请分层或拆分", INVALID_VALUE)
        return [each(child, f"{key}[{i}]", depth + 1) for i, child in enumerate(node.value[:MAX_SIBLINGS])]


def _full_colon(node, allowed) -> str:
    """For ``- heading：抓好…`` (a key and a full-width colon, read as text): what to change, or ""."""
    if not isinstance(node, yaml.ScalarNode):
        return ""
    name = re.match(r"([a-z_]+)[ \t]*：", node.value)
    if not name or name.group(1) not in allowed:
        return ""
    key = name.group(1)
    return (f"键 {key} 后面用了全角冒号“：”，这一项被读成了一段文字：请把“{key}：”改为“{key}: ”"
            "（半角冒号，后面加一个空格）")


def lines(text: str) -> List[str]:
    """The non-empty lines of ``text``, stripped: one paragraph each."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def shape(node) -> str:
    """What a node is, for messages: ``列表``, ``空值``, ``“原文”``."""
    if isinstance(node, yaml.MappingNode):
        return "键值（映射）"
    if isinstance(node, yaml.SequenceNode):
        return "列表"
    if node.tag == NULL:
        return "空值"
    return f"“{node.value}”"
