"""The comments part of a .docx (``word/comments.xml``): read the draft's, add new ones.

A comment is a ``w:comment`` (id, author, date, initials) holding paragraphs; the main part points
at the comments part through a relationship, and ``[Content_Types].xml`` names its type.  When the
draft has comments they are kept and new ones appended with fresh ids; when it has none, the part,
its relationship and its content type are added.
"""

from __future__ import annotations

import posixpath
from lxml import etree

from gongwen.ooxml.names import CONTENT_TYPES_NS, PKG_REL_NS, W_NS, clark, w

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable, Optional

COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
CONTENT_TYPES = "[Content_Types].xml"


def comments_part_name(z, main: str) -> Optional[str]:
    """The draft's comments part (``None`` when it has none)."""
    for rtype, name in z.rels(main).values():
        if rtype == "/comments" and z.has(name):
            return name
    return None


def new_comments_root():
    return etree.Element(w("comments"), nsmap={"w": W_NS})


def max_id(*roots) -> int:
    """The largest numeric ``w:id`` under any of ``roots`` (-1 when none)."""
    best = -1
    for root in roots:
        if root is None:
            continue
        for el in root.iter():
            value = el.get(w("id")) if isinstance(el.tag, str) else None
            if value is not None and value.strip().lstrip("-").isdigit():
                best = max(best, int(value))
    return best


def add_comment(root, cid: str, author: str, date: str, lines: Iterable[str], initials: str = "") -> None:
    """Append a comment: its first paragraph opens with the annotation mark, a paragraph per line."""
    comment = etree.SubElement(root, w("comment"), {w("id"): cid, w("author"): author, w("date"): date,
                                                    w("initials"): initials or author[:2]})
    for n, line in enumerate(lines):
        p = etree.SubElement(comment, w("p"))
        ppr = etree.SubElement(p, w("pPr"))
        etree.SubElement(ppr, w("pStyle"), {w("val"): "CommentText"})
        if n == 0:
            mark = etree.SubElement(p, w("r"))
            rpr = etree.SubElement(mark, w("rPr"))
            etree.SubElement(rpr, w("rStyle"), {w("val"): "CommentReference"})
            etree.SubElement(mark, w("annotationRef"))
        run = etree.SubElement(p, w("r"))
        t = etree.SubElement(run, w("t"))
        t.text = line


def add_comments_type(root, part: str) -> bool:
    """Add an override for ``part`` to ``[Content_Types].xml`` (its root); False when it has one."""
    name = "/" + part
    for el in root:
        if el.tag == clark(CONTENT_TYPES_NS, "Override") and el.get("PartName") == name:
            return False
    etree.SubElement(root, clark(CONTENT_TYPES_NS, "Override"), {"PartName": name, "ContentType": COMMENTS_TYPE})
    return True


def add_comments_rel(root, main: str, part: str):
    """The main part's ``.rels`` root (a new one when ``root`` is None) with a relationship to
    ``part`` added under a fresh ``rIdN``."""
    if root is None:
        root = etree.Element(clark(PKG_REL_NS, "Relationships"), nsmap={None: PKG_REL_NS})
    ids = {el.get("Id") for el in root}
    n = len(ids) + 1
    while f"rId{n}" in ids:
        n += 1
    target = posixpath.relpath(part, posixpath.dirname(main) or ".")
    etree.SubElement(root, clark(PKG_REL_NS, "Relationship"),
                     {"Id": f"rId{n}", "Type": COMMENTS_REL, "Target": target})
    return root


def to_bytes(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
