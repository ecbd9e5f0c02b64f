"""What marks an output as gongwen's own: its document properties and a digest of what it wrote.

The title goes into ``docProps/core.xml``; a custom property ``gongwen`` holds
``VERSION SOURCE-DIGEST WRITTEN-DIGEST``.  Word, WPS and LibreOffice keep the
property when they save but rewrite the parts, so a rebuild tells its own untouched
output (the parts still hash to WRITTEN-DIGEST) from one a writer edited since.
"""

from __future__ import annotations

import hashlib
import re
from typing import Dict, Optional

from gongwen.ooxml.names import CUSTOM_PROPS_NS, R_NS, VT_NS, escape

GONGWEN_PROPERTY = "gongwen"  # custom document property marking gongwen's own outputs
CUSTOM_PART = "docProps/custom.xml"
CUSTOM_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_PROPS_REL = R_NS + "/custom-properties"


def properties(parts: Dict[str, bytes], title: str, digest: str) -> Dict[str, bytes]:
    """Document properties: the title, and a custom property marking the file as gongwen's."""
    from gongwen import __version__

    out: Dict[str, bytes] = {}
    out[CUSTOM_PART] = _custom_xml(f"{__version__} {digest}")
    types = parts.get("[Content_Types].xml", b"").decode("utf-8")
    if "/docProps/custom.xml" not in types:
        types = types.replace("</Types>", f'<Override PartName="/docProps/custom.xml" '
                              f'ContentType="{CUSTOM_PROPS_TYPE}"/></Types>')
        out["[Content_Types].xml"] = types.encode("utf-8")
    rels = parts.get("_rels/.rels", b"").decode("utf-8")
    if CUSTOM_PROPS_REL not in rels:
        rels = rels.replace("</Relationships>", f'<Relationship Id="rIdGongwenCustom" '
                            f'Type="{CUSTOM_PROPS_REL}" Target="docProps/custom.xml"/></Relationships>')
        out["_rels/.rels"] = rels.encode("utf-8")
    core = parts.get("docProps/core.xml", b"").decode("utf-8")
    if "<dc:title>" in core:
        core = re.sub(r"<dc:title>.*?</dc:title>", f"<dc:title>{escape(title)}</dc:title>", core, flags=re.S)
        out["docProps/core.xml"] = core.encode("utf-8")
    return out


def _custom_xml(value: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Properties xmlns="{CUSTOM_PROPS_NS}" xmlns:vt="{VT_NS}">'
            f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="{GONGWEN_PROPERTY}">'
            f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property></Properties>").encode("utf-8")


_PROPERTY_VALUE = re.compile(rb'<(?:[\w.-]+:)?property\b[^>]*\bname="' + GONGWEN_PROPERTY.encode()
                             + rb'"[^>]*>\s*<(?:[\w.-]+:)?lpwstr>([^<]*)<')


def property_value(custom_xml: bytes) -> Optional[str]:
    """The value of gongwen's property in a ``docProps/custom.xml`` (as gongwen, Word, WPS or
    LibreOffice write it), or None without one: ``VERSION SOURCE-DIGEST WRITTEN-DIGEST``."""
    m = _PROPERTY_VALUE.search(custom_xml)
    return m.group(1).decode("utf-8", "replace") if m else None


def written_digest(members) -> str:
    """SHA-256 over ``(name, chunks)`` pairs, every part of a package but :data:`CUSTOM_PART`,
    in name order: what gongwen wrote, recorded in its property (:func:`stamped`) so that a
    rebuild tells its own untouched output from one edited since (a save by Word, WPS or
    LibreOffice rewrites the parts and keeps the property)."""
    whole = hashlib.sha256()
    for name, chunks in sorted(members, key=lambda member: member[0]):
        part = hashlib.sha256()
        for chunk in chunks:
            part.update(chunk)
        whole.update(name.encode("utf-8") + b"\0" + part.digest())
    return whole.hexdigest()


def stamped(parts: Dict[str, bytes]) -> Dict[str, bytes]:
    """``parts`` with gongwen's property completed by the :func:`written_digest` of the others."""
    value = property_value(parts.get(CUSTOM_PART, b""))
    if value is None:
        return parts
    digest = written_digest((name, (data,)) for name, data in parts.items() if name != CUSTOM_PART)
    return {**parts, CUSTOM_PART: _custom_xml(" ".join(value.split()[:2] + [digest]))}
