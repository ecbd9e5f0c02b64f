"""Content model → YAML for people (``gongwen import``, ``gongwen new --from``).

The YAML a writer keeps must read like the examples in ``content/``: block
style, Chinese as Chinese (no ``\\uXXXX``), keys in the order of
docs/content-model.md, one paragraph per list entry on one line (editors wrap
long lines; a YAML folded scalar would put spaces between Chinese lines), and
a blank line between the top-level parts.  Defaults are left out (a report
part's default heading, ``inline: false``, ``series: 一是``).

:func:`dump` output loads back with :mod:`gongwen.content.loader` to an equal model;
tests check this on real documents and on random text.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

import yaml

from gongwen.content.model import Document, Item, Point, Section, Series
from gongwen.content.schema import BODY_KEYS, REPORT_PARTS, SERIES_STYLES


class _Dumper(yaml.SafeDumper):
    """Block style with sequences indented under their key, as people write them."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)

    def ignore_aliases(self, data):
        return True


def _text(paragraphs: List[str]) -> Any:
    """One paragraph as a string, several as a list."""
    return paragraphs[0] if len(paragraphs) == 1 else list(paragraphs)


def _series(series: Optional[Series], out: Dict[str, Any]) -> None:
    if not series:
        return
    out["items"] = [_item(i) for i in series.items]
    if series.inline:
        out["inline"] = True
    if series.style != SERIES_STYLES[0]:
        out["series"] = series.style
    if series.lead_in:
        out["lead_in"] = series.lead_in


def _item(item: Item) -> Any:
    if not item.lead:
        return item.text
    out: Dict[str, Any] = {"lead": item.lead}
    if item.text:
        out["text"] = item.text
    return out


def _point(point: Point) -> Dict[str, Any]:
    out: Dict[str, Any] = {"heading": point.heading}
    if point.text:
        out["text"] = _text(point.text)
    if point.run_in is not None:
        out["run_in"] = point.run_in
    if point.points:
        out["points"] = [_point(p) for p in point.points]
    _series(point.series, out)
    return out


def _section(section: Section, default_heading: str = "") -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    if section.heading != default_heading:
        out["heading"] = section.heading
    if section.paragraphs:
        out["paragraphs"] = list(section.paragraphs)
    if section.points:
        out["points"] = [_point(p) for p in section.points]
    _series(section.series, out)
    return out


def to_data(doc: Document) -> Dict[str, Any]:
    """The document as plain data, keys in the documented order."""
    speech = doc.kind == "speech"
    out: Dict[str, Any] = {"kind": doc.kind, "title": doc.title}
    if doc.template:
        out["template"] = doc.template
    if doc.byline:
        out["speaker" if speech else "author"] = doc.byline
    if doc.date:
        out["date"] = doc.date
    if doc.vars is not None:
        out["vars"] = {k: (int(v) if v.isdigit() and v == str(int(v)) else v) for k, v in doc.vars.items()}
    if speech and doc.salutation:
        out["salutation"] = doc.salutation
    if doc.opening:
        out["opening" if speech else "intro"] = list(doc.opening)
    rest = []
    for section in doc.sections:
        if not speech and section.part in REPORT_PARTS:
            out[section.part] = _section(section, REPORT_PARTS[section.part])
        else:
            rest.append(_section(section))
    if rest:
        out["sections"] = rest
    if speech and doc.closing:
        out["closing"] = list(doc.closing)
    return out


#: Top-level keys after which the header block ends (a blank line before them).
_SPACED = BODY_KEYS


def dump(doc: Document, header: str = "") -> str:
    """YAML text for ``doc``; ``header`` (lines) is written first as ``#`` comments."""
    text = yaml.dump(to_data(doc), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=2 ** 30, indent=2)
    lines = []
    for line in text.splitlines():
        if line.startswith(_SPACED) and line.split(":", 1)[0] in _SPACED and lines:
            lines.append("")
        lines.append(line)
    comments = [f"# {h}".rstrip() for h in header.splitlines()] if header else []
    return "\n".join(comments + lines) + "\n"
