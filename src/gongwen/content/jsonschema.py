"""The JSON Schema of content YAML, generated from the key tables of :mod:`gongwen.content.schema`.

``gongwen schema`` prints it; ``gongwen new`` points its files at it (a
``# yaml-language-server: $schema=…`` first line, for VS Code's YAML extension); the web editor of
``gongwen serve`` completes keys and kinds from it.  Nothing here lists keys: which keys a node has
comes from ``NODE_KEYS``, what a value holds from ``TEXT_KEYS``/``PARAGRAPHS_KEYS``/``NAMES_KEYS``/
``NESTED_KEYS``/``SETTING_KEYS``, and each key's description from :mod:`gongwen.content.keydocs`.
The loader stays the judge: the schema is a little looser (a number where text is expected is
accepted, since YAML reads ``serial: 21`` as one).  Draft 7, which the YAML extension knows best.
"""

from __future__ import annotations

from typing import Any, Dict, List

from gongwen.content import schema as s
from gongwen.content.keydocs import KEY_DOCS

DRAFT = "http://json-schema.org/draft-07/schema#"
#: The file name ``gongwen new`` writes beside content, and the line that points at it.
SCHEMA_FILE = "gongwen.schema.json"
MODELINE = "# yaml-language-server: $schema="

Schema = Dict[str, Any]


def _ref(name: str) -> Schema:
    return {"$ref": f"#/definitions/{name}"}


def _list_of(*shapes: Schema) -> Schema:
    return {"type": "array", "items": shapes[0] if len(shapes) == 1 else {"anyOf": list(shapes)}}


#: Nodes whose entries may be one string instead of a mapping (an item, an article, an attachment).
_TEXT_OR_NODE = {"items": "item", "articles": "article", "attachments": "attachment"}
#: Nested keys → the node type of their value (a list of it, or — report parts, reply_to, table — one).
_NESTED_NODE = {"sections": "section", "points": "point", "chapters": "chapter", "reply_to": "reply_to",
                s.TABLE_KEY: "table", **{part: "section" for part in s.REPORT_PARTS}}
_ONE_NODE = frozenset({"reply_to", s.TABLE_KEY, *s.REPORT_PARTS})


def value_shape(key: str, node: str = "") -> Schema:
    """What ``key`` holds in a ``node`` (its type name in ``NODE_KEYS``); ValueError for a key no table
    describes, so a key added to the schema without a shape fails the tests, not the editor."""
    if key == "kind":
        return {"type": "string", "enum": list(s.KIND_WORDS)}
    if key == "series":
        return {"type": "string", "enum": list(s.SERIES_STYLES)}
    if key == "seal":
        return {"anyOf": [{"type": "boolean"}, {"const": s.SIGNATURE_STAMP}]}
    if key == "vars":
        return {"type": "object", "additionalProperties": _ref("text")}
    if key == "align":
        return _list_of({"type": "string", "enum": list(s.ALIGN_WORDS)})
    if key == "header":
        return _list_of(_ref("text"))
    if key == "rows":
        return _list_of(_list_of(_ref("text")))
    if key == "doc_number":
        return {"anyOf": [_ref("text"), _ref("doc_number")]}
    if (key, node) in (("points", "article"), ("notes", "table")):  # （一）（二）… of an article; 注 lines
        return _ref("paragraphs")
    if key in _TEXT_OR_NODE:
        return _list_of(_ref("text"), _ref(_TEXT_OR_NODE[key]))
    if key in _NESTED_NODE:
        return _ref(_NESTED_NODE[key]) if key in _ONE_NODE else _list_of(_ref(_NESTED_NODE[key]))
    if key in s.PARAGRAPHS_KEYS:
        holds_tables = key in s.TABLE_HOLDERS and node != "article"
        return _ref("paragraphs_tables" if holds_tables else "paragraphs")
    if key in s.TITLE_LINES_KEYS or key in s.NAMES_KEYS:
        return _ref("lines")
    if key in s.TEXT_KEYS or key in ("template", "date", "printed", "year"):
        return _ref("text")
    if key in s.SETTING_KEYS:  # the rest are switches: run_in, inline
        return {"type": "boolean"}
    raise ValueError(f"no shape for key {key!r}")


def _properties(keys, node: str) -> Schema:
    return {k: {**value_shape(k, node), "description": KEY_DOCS[k]} for k in keys}


def _node(node: str, required: List[str] = ()) -> Schema:
    out = {"type": "object", "properties": _properties(s.NODE_KEYS[node], node), "additionalProperties": False}
    if required:
        out["required"] = list(required)
    return out


def _document() -> Schema:
    """The top level: every document key, and per kind (written either way) only its own keys."""
    keys: List[str] = []
    for kind_keys in s.DOCUMENT_KEYS.values():
        keys += [k for k in kind_keys if k not in keys]
    by_keys: Dict[tuple, List[str]] = {}
    for word, kind in s.KIND_WORDS.items():
        by_keys.setdefault(s.DOCUMENT_KEYS[kind], []).append(word)
    rules = [{"if": {"properties": {"kind": {"enum": words}}, "required": ["kind"]},
              "then": {"propertyNames": {"enum": list(kind_keys)}}}
             for kind_keys, words in by_keys.items()]
    return {"type": "object", "properties": _properties(keys, "document"), "required": list(s.REQUIRED_KEYS),
            "additionalProperties": False, "allOf": rules}


def json_schema() -> Schema:
    """The whole schema, as a dict ready for ``json.dumps``."""
    text = {"type": ["string", "number"]}
    paragraphs = {"anyOf": [text, _list_of(text)]}
    definitions = {
        "text": text,
        "lines": {"anyOf": [text, _list_of(text)]},
        "paragraphs": paragraphs,
        "paragraphs_tables": {"anyOf": [text, _list_of(text, _ref("entry"))]},
        "entry": _node("entry", [s.TABLE_KEY]),
        "table": _node("table", ["rows"]),
    }
    for node in ("section", "point", "item", "attachment", "chapter", "article", "reply_to", "doc_number"):
        definitions[node] = _node(node)
    definitions["chapter"]["required"] = ["heading", "articles"]
    definitions["doc_number"]["required"] = list(s.DOC_NUMBER_KEYS)
    return {"$schema": DRAFT, "title": "gongwen 公文内容（YAML）",
            "description": "gongwen 的内容文件：文种、标题和正文各部分；gongwen build 把它排成 GB/T 9704 公文。",
            **_document(), "definitions": definitions}


def dumps() -> str:
    """The schema as JSON text (UTF-8, Chinese as is, ending in a newline)."""
    import json

    return json.dumps(json_schema(), ensure_ascii=False, indent=1) + "\n"


def with_modeline(text: str, ref: str = SCHEMA_FILE, after_header: bool = False) -> str:
    """``text`` with a line pointing the YAML extension at the schema (kept if it has one): the first
    line, or with ``after_header`` the second when the first is a comment (``gongwen new --from``'s note
    of what it did stays on top; the extension reads the line wherever it is)."""
    if any(line.startswith(MODELINE) for line in text.splitlines()):
        return text
    if after_header and text.startswith("#") and "\n" in text:
        head, rest = text.split("\n", 1)
        return f"{head}\n{MODELINE}{ref}\n{rest}"
    return f"{MODELINE}{ref}\n{text}"


def write_beside(folder) -> str:
    """Write :data:`SCHEMA_FILE` into ``folder`` when it is missing or an older one of gongwen's (a file
    of that name that is not gongwen's is left alone); its path, or "" when nothing was written.

    Beside the content, named by a relative path, because that works offline and goes wherever
    the folder goes (a copy, a share, git): VS Code's YAML extension reads a relative ``$schema``
    from the YAML file's folder, while a URL needs the network and a path into site-packages
    breaks on the next machine."""
    import os

    from gongwen import atomic

    path = os.path.join(os.fspath(folder), SCHEMA_FILE)
    text = dumps()
    if os.path.lexists(path):
        try:
            with open(path, encoding="utf-8") as fh:
                old = fh.read(1 << 20)
        except (OSError, UnicodeDecodeError):
            return ""
        if old == text or f'"title": "{json_schema()["title"]}"' not in old:
            return ""
    with atomic.replace(path) as fh:
        fh.write(text.encode("utf-8"))
    return path
