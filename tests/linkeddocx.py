"""Templates that reach outside themselves, made from the built-in speech template.

:func:`linked_template` adds, before the ``{%p for %}`` paragraph (so every
output would carry them): a picture linked to a local file, a picture linked to
an ``http://127.0.0.1`` URL, a ``file://`` hyperlink and an ``https`` one (which
stays), an ``altChunk``; an attached template URL in ``settings.xml``; a macro
project (``vbaProject.bin``) with a macro-enabled content type.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from tests.paths import TEMPLATES

SPEECH = TEMPLATES / "speech.docx"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def png(rgb=(200, 0, 0), size=48) -> bytes:
    """A small solid PNG."""
    raw = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def drawing(rel_id: str, number: int) -> str:
    """An inline picture whose bytes are linked (``r:link``), not embedded."""
    return (f'<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'distT="0" distB="0" distL="0" distR="0"><wp:extent cx="914400" cy="914400"/>'
            f'<wp:docPr id="{number}" name="Picture {number}"/>'
            '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:nvPicPr><pic:cNvPr id="{number}" name="p{number}.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:link="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            '</wp:inline></w:drawing></w:r>')


def relationship(rel_id: str, kind: str, target: str, external: bool = True) -> str:
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{rel_id}" Type="{R}/{kind}" Target="{target}"{mode}/>'


def linked_template(path: Path, picture: Path, url: str, *, only_pictures: bool = False) -> Path:
    """The speech template reaching ``picture`` (a local file) and ``url`` (say http://127.0.0.1:PORT/x.png).

    ``only_pictures`` leaves out everything but the two linked pictures (for a
    document LibreOffice converts as it is).
    """
    local = picture.resolve().as_uri()
    extra_rels = relationship("rIdGwLocal", "image", local) + relationship("rIdGwWeb", "image", url)
    body = f"<w:p><w:r><w:t>链接图片：</w:t></w:r>{drawing('rIdGwLocal', 901)}{drawing('rIdGwWeb', 902)}</w:p>"
    if not only_pictures:
        extra_rels += (relationship("rIdGwFile", "hyperlink", "file:///etc/passwd")
                       + relationship("rIdGwWebLink", "hyperlink", "https://www.gov.cn/")
                       + relationship("rIdGwChunk", "aFChunk", "afchunk.htm", external=False)
                       + '<Relationship Id="rIdGwVba" Type="http://schemas.microsoft.com/office/2006/relationships/'
                         'vbaProject" Target="vbaProject.bin"/>')
        body += ('<w:p><w:hyperlink r:id="rIdGwFile"><w:r><w:t>本机文件</w:t></w:r></w:hyperlink>'
                 '<w:hyperlink r:id="rIdGwWebLink"><w:r><w:t>中国政府网</w:t></w:r></w:hyperlink></w:p>'
                 '<w:altChunk r:id="rIdGwChunk"/>')
    with zipfile.ZipFile(SPEECH) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info).decode("utf-8")
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace("</Relationships>", extra_rels + "</Relationships>")
            elif info.filename == "word/document.xml":
                data = data.replace("<w:body>", "<w:body>" + body, 1)
            elif info.filename == "word/settings.xml" and not only_pictures:
                data = data.replace("<w:evenAndOddHeaders/>",
                                    f'<w:attachedTemplate xmlns:r="{R}" r:id="rIdGwTemplate"/><w:evenAndOddHeaders/>')
            elif info.filename == "[Content_Types].xml" and not only_pictures:
                data = data.replace(DOCX_MAIN, MACRO_MAIN).replace(
                    "</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                                '<Override PartName="/word/afchunk.htm" ContentType="application/xhtml+xml"/></Types>')
            out.writestr(info, data.encode("utf-8"))
        if not only_pictures:
            out.writestr("word/_rels/settings.xml.rels",
                         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         + relationship("rIdGwTemplate", "attachedTemplate", url.rsplit("/", 1)[0] + "/normal.dotm")
                         + "</Relationships>")
            out.writestr("word/afchunk.htm", f'<html><body><img src="{url}"></body></html>')
            out.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 not really a macro project")
    return path


def leftovers(docx: Path) -> list:
    """What of :func:`linked_template`'s reach is still in ``docx`` (empty when all is stripped)."""
    import re

    found = []
    with zipfile.ZipFile(docx) as z:
        for name in z.namelist():
            data = z.read(name)
            if re.search(r"vbaProject|afchunk", name, re.I):
                found.append(name)
            for word in (b"file:///", b"attachedTemplate", b"altChunk", b"aFChunk", b"macroEnabled", b"127.0.0.1",
                         b"rIdGwLocal", b"rIdGwWeb\"", b"rIdGwFile"):
                if word in data:
                    found.append(f"{name}: {word.decode()}")
            for target in re.findall(rb'Target="([^"]*)" TargetMode="External"', data):
                if not target.startswith(b"https://"):
                    found.append(f"{name}: {target.decode()}")
    return found


def embedded_template(path: Path, picture: Path) -> Path:
    """:func:`linked_template`'s two pictures, embedded in the package instead (a control: LibreOffice
    shows embedded pictures, so a PDF without them shows the links were blocked, not lost otherwise)."""
    linked = linked_template(path.with_name(path.stem + "-linked.docx"), picture, "http://127.0.0.1:9/x.png",
                             only_pictures=True)
    with zipfile.ZipFile(linked) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info).decode("utf-8")
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(relationship("rIdGwLocal", "image", picture.resolve().as_uri()),
                                    relationship("rIdGwLocal", "image", "media/seal.png", external=False))
                data = data.replace(relationship("rIdGwWeb", "image", "http://127.0.0.1:9/x.png"),
                                    relationship("rIdGwWeb", "image", "media/seal.png", external=False))
            elif info.filename == "word/document.xml":
                data = data.replace('r:link="rIdGw', 'r:embed="rIdGw')
            elif info.filename == "[Content_Types].xml":
                data = data.replace("</Types>", '<Default Extension="png" ContentType="image/png"/></Types>')
            out.writestr(info, data.encode("utf-8"))
        out.writestr("word/media/seal.png", picture.read_bytes())
    return path
