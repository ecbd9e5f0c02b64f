"""The private copy of a .docx that LibreOffice converts for a PDF preview.

The writer's .docx is never changed: :func:`stage` writes a copy into the
conversion's private work folder, adjusted only where LibreOffice reads the
file differently from Word:

* **Line-end punctuation.**  Word lets a closing mark (，、。…) that falls
  after the 28th character of a line hang past it.  LibreOffice's own
  "hanging punctuation" does not draw such a mark at all (five marks were lost
  in the example speech) or draws it a character's width into the right
  margin; and its importer reads ``w:overflowPunct`` the other way round from
  Word (``0`` turns hanging *on*).  The copy says ``w:overflowPunct="1"``
  everywhere (document defaults, every style and paragraph that sets it),
  which LibreOffice reads as "no hanging": every mark is drawn, inside the
  text block, the character before it carried to the next line with it (as
  Word does when 允许标点溢出边界 is off).  Word would read the same value as
  "hang", so it must never reach the writer's file.
* **Title digits.**  Runs in the title face (方正小标宋简体 …) keep their Latin
  face (Times New Roman) in the .docx; when the title face is substituted in
  the preview, the copy gives those runs the title face for Latin too, so the
  digits of ``2023年`` come out in the bold substitute next to the ideographs
  instead of a thin Times New Roman.

The copy is read through the bounded package reader; a file it cannot read is
copied as it is (LibreOffice then reports what it makes of it).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from typing import Iterable

from gongwen.errors import ReadError

#: Parts whose paragraphs and runs are adjusted (styles.xml also holds the document defaults).
_PARTS = re.compile(r"^word/(document|styles|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")
_OVERFLOW = re.compile(rb"<w:overflowPunct\b[^>]*?/>|<w:overflowPunct\b[^>]*>\s*</w:overflowPunct>")
NO_HANGING = b'<w:overflowPunct w:val="1"/>'  # LibreOffice: ParaIsHangingPunctuation = false
_RFONTS = re.compile(rb"<w:rFonts\b[^>]*/>")


def stage(docx: Path, target: Path, title_faces: Iterable[str] = ()) -> None:
    """Write the copy of ``docx`` that LibreOffice converts to ``target``."""
    from gongwen.ooxml.package import open_docx

    faces = {f.encode("utf-8") for f in title_faces}
    try:
        with open_docx(str(docx)) as z, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            for info in z.infos():
                name = info.filename.lstrip("/")
                entry = zipfile.ZipInfo(info.filename, info.date_time)  # not ``info``: writing moves it
                entry.compress_type = zipfile.ZIP_DEFLATED
                if _PARTS.match(name):
                    out.writestr(entry, adjust(name, z.read(name), faces))
                    continue
                with out.open(entry, "w") as dest:
                    for chunk in z.chunks(info):
                        dest.write(chunk)
    except (ReadError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        shutil.copyfile(docx, target)


def adjust(name: str, data: bytes, title_faces=frozenset()) -> bytes:
    """One part of the copy: no hanging punctuation for LibreOffice; title faces for Latin too."""
    data = _OVERFLOW.sub(NO_HANGING, data)
    if name == "word/styles.xml":
        data = _defaults(data)
    if title_faces:
        data = _RFONTS.sub(lambda m: _latin_like_title(m.group(0), title_faces), data)
    return data


def _defaults(styles: bytes) -> bytes:
    """styles.xml with ``w:overflowPunct="1"`` in the document defaults' paragraph properties."""
    pdef = re.search(rb"<w:pPrDefault\b[^>]*>(.*?)</w:pPrDefault>|<w:pPrDefault\b[^>]*/>", styles, re.S)
    if pdef:
        inner = pdef.group(1) or b""
        if NO_HANGING in inner:
            return styles
        if re.search(rb"<w:pPr\b[^>]*/>", inner):
            inner = re.sub(rb"<w:pPr\b[^>]*/>", b"<w:pPr>" + NO_HANGING + b"</w:pPr>", inner, 1)
        elif re.search(rb"<w:pPr\b[^>]*>", inner):
            inner = re.sub(rb"(<w:pPr\b[^>]*>)", lambda m: m.group(1) + NO_HANGING, inner, 1)
        else:
            inner = b"<w:pPr>" + NO_HANGING + b"</w:pPr>" + inner
        return styles[:pdef.start()] + b"<w:pPrDefault>" + inner + b"</w:pPrDefault>" + styles[pdef.end():]
    block = b"<w:pPrDefault><w:pPr>" + NO_HANGING + b"</w:pPr></w:pPrDefault>"
    defaults = re.search(rb"<w:docDefaults\b[^>]*/>|<w:docDefaults\b[^>]*>", styles)
    if defaults and defaults.group(0).endswith(b"/>"):
        return styles[:defaults.start()] + b"<w:docDefaults>" + block + b"</w:docDefaults>" + \
            styles[defaults.end():]
    if defaults:
        close = styles.find(b"</w:docDefaults>", defaults.end())
        return styles[:close] + block + styles[close:]
    root = re.search(rb"<w:styles\b[^>]*>", styles)
    if not root:
        return styles
    return styles[:root.end()] + b"<w:docDefaults>" + block + b"</w:docDefaults>" + styles[root.end():]


def _latin_like_title(tag: bytes, title_faces) -> bytes:
    """A ``w:rFonts`` whose East Asian face is a title face, with that face for Latin text too."""
    east = re.search(rb'\sw:eastAsia="([^"]*)"', tag)
    if not east or east.group(1) not in title_faces:
        return tag
    face = east.group(1)
    for attr in (b"w:asciiTheme", b"w:hAnsiTheme"):  # a theme font would win over the name
        tag = re.sub(rb"\s" + attr + rb'="[^"]*"', b"", tag)
    for attr in (b"w:ascii", b"w:hAnsi"):
        pattern = rb"\s" + attr + rb'="[^"]*"'
        if re.search(pattern, tag):
            tag = re.sub(pattern, lambda _m, a=attr: b" " + a + b'="' + face + b'"', tag)
        else:
            tag = tag[:-2].rstrip() + b" " + attr + b'="' + face + b'"/>'
    return tag
