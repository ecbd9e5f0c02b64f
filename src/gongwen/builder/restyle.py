"""An office's house style applied to a template's parts: faces and page-number placement, as data.

A face name comes from ``gongwen.yaml``, which may come from anywhere: it is
written as an escaped attribute value (``quoteattr``) and never reaches Jinja.
The body (``word/document.xml``) is compiled by Jinja, so its faces are applied
to the *rendered* body (:func:`with_faces`, called by render); the other parts
are never compiled and are restyled once per template (:func:`restyle`).
"""

from __future__ import annotations

import re
from typing import Callable, Dict, List, Optional

from gongwen.errors import GongwenError, Place
from gongwen.ooxml.names import quoteattr


#: Characters XML 1.0 cannot hold at all, not even as a character reference.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def face_attributes(faces: Dict[str, str]) -> List[tuple]:
    """(old, new) attribute texts for each face, the new value escaped as data.

    A face name is whatever ``gongwen.yaml`` says; it is written as an escaped
    attribute value and never reaches Jinja (render applies it to the body after
    rendering).  A character XML cannot hold is refused rather than written.
    """
    pairs = []
    for old, new in faces.items():
        bad = _NOT_XML.search(new)
        if bad:
            raise GongwenError(f"字体名“{_NOT_XML.sub('?', new)[:40]}”含有控制字符（U+{ord(bad.group(0)):04X}），"
                               "无法写入文档；请改正 gongwen.yaml 的 faces", Place("gongwen.yaml", key="faces"))
        for attr in ("w:eastAsia", "w:name"):
            # Tabs and line breaks as references, or XML would read them back as spaces.
            value = quoteattr(new).replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;")
            pairs.append((f"{attr}={quoteattr(old)}", f"{attr}={value}"))
    return pairs


def with_faces(text: str, faces: Dict[str, str]) -> str:
    """``text`` (XML) with each default face attribute replaced by the office's face, in one pass
    (so ``{仿宋_GB2312: 黑体, 黑体: 楷体}`` swaps rather than chains).

    Content in the rendered body is escaped (``"`` becomes ``&#34;``), so only
    the template's own attributes can match.
    """
    pairs = dict(face_attributes(faces))
    if not pairs:
        return text
    pattern = re.compile("|".join(re.escape(old) for old in sorted(pairs, key=len, reverse=True)))
    return pattern.sub(lambda m: pairs[m.group(0)], text)


def restyle(parts: Dict[str, bytes], faces: Dict[str, str], page_numbers: str,
            text_of: Optional[Callable[[str], str]] = None) -> None:
    """Apply an office's faces and page-number placement to the template's parts, except the body
    (compiled by Jinja: its faces are applied after rendering, see :func:`with_faces`).

    ``text_of(name)`` decodes a part (render's raises a sentence for one that is not UTF-8).
    """
    for name, data in parts.items():
        if not (name.startswith("word/") and name.endswith(".xml")) or name == "word/document.xml":
            continue
        if not faces and not (page_numbers == "center" and name.startswith("word/footer")):
            continue  # nothing to change: the part stays byte for byte
        text = with_faces(text_of(name) if text_of else data.decode("utf-8"), faces)
        if page_numbers == "center" and name.startswith("word/footer"):
            text = re.sub(r'<w:jc w:val="(?:right|left)"/>', '<w:jc w:val="center"/>', text)
            text = re.sub(r'<w:ind w:(?:right|left)="\d+"', "<w:ind", text)
        parts[name] = text.encode("utf-8")
