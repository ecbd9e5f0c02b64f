"""The relationships of a package (its ``.rels`` parts), read as data through the safe parser.

Every part of a .docx that points elsewhere (a picture, a hyperlink, the
template Word should attach, a macro project) does so through a relationship
in the ``_rels/NAME.rels`` part beside it.  :func:`read` lists them without
following any; :func:`rels_part`, :func:`source_of` and :func:`resolve` turn
part names into ``.rels`` names and back, and targets into part names.
"""

from __future__ import annotations

import posixpath
import re
from typing import List, NamedTuple, Optional

from gongwen.ooxml.package import parse_xml

#: A target that names a place outside the package by itself: a URI scheme, a UNC or a drive path.
_ABSOLUTE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|\\\\|//)")


class Relationship(NamedTuple):
    id: str
    type: str  # the full type URI
    target: str
    external: bool  # TargetMode="External", or a target that names another place by itself

    @property
    def kind(self) -> str:
        """The last segment of the type: ``image``, ``hyperlink``, ``attachedTemplate``, …"""
        return self.type.strip().rstrip("/").rsplit("/", 1)[-1].strip()


def rels_part(part: str) -> str:
    """``word/document.xml`` → ``word/_rels/document.xml.rels``; ``""`` (the package) → ``_rels/.rels``."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def is_rels(name: str) -> bool:
    folder, base = posixpath.split(name)
    return base.endswith(".rels") and posixpath.basename(folder) == "_rels"


def source_of(name: str) -> Optional[str]:
    """The part whose relationships ``name`` holds (``""`` for the package), or ``None`` if not a .rels."""
    if not is_rels(name):
        return None
    folder, base = posixpath.split(name)
    parent = posixpath.dirname(folder)
    return posixpath.join(parent, base[: -len(".rels")]) if base != ".rels" else ""


def resolve(source: str, target: str) -> str:
    """The part name an internal ``target`` of ``source``'s relationships points to."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def read(data: bytes, path: str, name: str) -> List[Relationship]:
    """The relationships in the ``.rels`` part ``name`` of the package at ``path``.

    Raises :class:`gongwen.errors.ReadError` (from the safe parser) when the
    part is not well-formed or declares a DTD.
    """
    root = parse_xml(data, path, name)
    out = []
    for rel in root:
        if not isinstance(rel.tag, str) or not rel.tag.endswith("}Relationship"):
            continue
        target = (rel.get("Target") or "").strip()
        external = (rel.get("TargetMode") or "").strip().lower() == "external" or bool(_ABSOLUTE.match(target))
        out.append(Relationship(rel.get("Id") or "", rel.get("Type") or "", target, external))
    return out
