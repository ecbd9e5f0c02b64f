"""The content schema, listed once: kinds, the keys of every node, and what each key holds.

The loader validates against these tables, the dumper writes in their terms,
the draft reader (:mod:`gongwen.draft.yamlsource`) and ``gongwen new --from``
(:mod:`gongwen.importer.newdoc`) find the reader-visible text through them.
A key added here is known to all of them at once; ``docs/content-model.md``
describes the same tables for people.

Pure data: no YAML, no I/O (the command line imports it to list the kinds).
"""

from __future__ import annotations

from typing import Dict, Optional, Tuple

from gongwen.spec.markers import SERIES_STYLES as _MARKER_SERIES_STYLES

#: Document kinds, and what a writer calls them.
KINDS: Tuple[str, ...] = ("speech", "report")
KIND_NAMES: Dict[str, str] = {"speech": "讲话稿", "report": "调研报告"}
#: Every way a kind may be written: its Chinese name or its ASCII name.
KIND_WORDS: Dict[str, str] = {**{k: k for k in KINDS}, **{name: k for k, name in KIND_NAMES.items()}}
#: How messages list the kinds: ``讲话稿（speech）或 调研报告（report）``.
KIND_CHOICES = "或 ".join(f"{KIND_NAMES[k]}（{k}）" for k in KINDS)


def kind_of(written: str) -> Optional[str]:
    """The kind ``kind:`` names, written in Chinese (``讲话稿``) or ASCII (``speech``); None if none."""
    return KIND_WORDS.get(str(written).strip())

#: A report's three parts, in reading order, with the heading each gets when it has none.
REPORT_PARTS: Dict[str, str] = {
    "achievements": "主要做法及成效",
    "problems": "存在的问题",
    "recommendations": "意见和建议",
}
#: How a ``一是…二是…`` series may be set (``series:``); the first is the default.
SERIES_STYLES: Tuple[str, ...] = tuple(_MARKER_SERIES_STYLES)

# --- the keys of each node type, in the order messages list them -------------------------

#: Keys every document may have; ``kind`` and ``title`` are required.
COMMON_KEYS: Tuple[str, ...] = ("kind", "title", "template", "date", "vars")
REQUIRED_KEYS: Tuple[str, ...] = ("kind", "title")
SPEECH_KEYS: Tuple[str, ...] = COMMON_KEYS + ("speaker", "salutation", "opening", "sections", "closing")
REPORT_KEYS: Tuple[str, ...] = COMMON_KEYS + ("author", "intro") + tuple(REPORT_PARTS) + ("sections",)
#: Keys of a series, allowed in sections and points (``items`` is the series itself).
SERIES_KEYS: Tuple[str, ...] = ("items", "inline", "series", "lead_in")
SECTION_KEYS: Tuple[str, ...] = ("heading", "paragraphs", "points") + SERIES_KEYS
POINT_KEYS: Tuple[str, ...] = ("heading", "text", "run_in", "points") + SERIES_KEYS
#: Keys of an item written as a mapping (an item may also be one string).
ITEM_KEYS: Tuple[str, ...] = ("lead", "text")

#: Top-level keys of each kind.
DOCUMENT_KEYS: Dict[str, Tuple[str, ...]] = {"speech": SPEECH_KEYS, "report": REPORT_KEYS}
#: Keys of every node type (a report part is a section).
NODE_KEYS: Dict[str, Tuple[str, ...]] = {**DOCUMENT_KEYS, "section": SECTION_KEYS, "point": POINT_KEYS,
                                         "item": ITEM_KEYS}

# --- what each key holds ----------------------------------------------------------------

#: Keys whose values are text a reader sees: one string, or (``opening``, ``paragraphs``, ``text``…)
#: a list of strings or a string with a paragraph per line.
TEXT_KEYS = frozenset({"title", "speaker", "author", "salutation", "opening", "intro", "closing",
                       "heading", "paragraphs", "text", "lead", "lead_in"})
#: Keys whose values hold nested content: a section (a report part) or a list of sections or points.
NESTED_KEYS = frozenset({"sections", "points", *REPORT_PARTS})
#: The key of a series: a list whose entries are text (a string) or nested (``{lead, text}``).
ITEMS_KEY = "items"
#: Keys that set how content is made, not what it says (never text a reader sees).
SETTING_KEYS = frozenset({"kind", "template", "date", "vars", "run_in", "inline", "series"})
#: Keys whose value is paragraphs (a list of strings, or a string with a paragraph per line).
PARAGRAPHS_KEYS = frozenset({"opening", "intro", "closing", "paragraphs", "text"})
#: Top-level keys that hold the body (after the header lines: title, speaker, date …).
BODY_KEYS: Tuple[str, ...] = ("opening", "intro", *REPORT_PARTS, "sections", "closing")

#: Deepest heading level: 一、（一）1.（1）.
MAX_LEVEL = 4

#: Names of value shapes in messages (``应为文字，实际是列表``).
TYPE_NAMES: Dict[str, str] = {"text": "文字", "paragraphs": "段落（文字或文字列表）", "list": "列表",
                              "mapping": "键值（映射）", "bool": "true 或 false"}


def all_keys() -> frozenset:
    """Every key of every node type."""
    return frozenset(k for keys in NODE_KEYS.values() for k in keys)
