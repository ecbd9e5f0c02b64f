"""Tiny .docx packages written by hand (WordprocessingML fragments), for the reader tests."""

from __future__ import annotations

import io
import zipfile

from gongwen.draft.read import read_source

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC_NS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def make_docx(body="", numbering=None, styles=None, extra=None, document=None):
    """Bytes of a tiny .docx whose body is ``body`` (WordprocessingML)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", document if document is not None else
                   f"<w:document {W_NS} {MC_NS}><w:body>{body}</w:body></w:document>")
        if numbering is not None:
            z.writestr("word/numbering.xml", f"<w:numbering {W_NS}>{numbering}</w:numbering>")
        if styles is not None:
            z.writestr("word/styles.xml", f"<w:styles {W_NS}>{styles}</w:styles>")
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def docx_paras(tmp_path, *args, **kw):
    """The paragraphs ``read_source`` gives for ``make_docx(*args, **kw)``."""
    path = tmp_path / "t.docx"
    path.write_bytes(make_docx(*args, **kw))
    return read_source(str(path)).paras


def p(text="", ppr=""):
    return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>" if text else f"<w:p>{ppr}</w:p>"


def numbered(text, num_id=1, ilvl=0, style=None):
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return p(text, f"<w:pPr>{ppr}</w:pPr>")


def abstract(abs_id, *levels):
    """levels: (fmt, lvlText[, start]) for ilvl 0, 1, …"""
    out = f'<w:abstractNum w:abstractNumId="{abs_id}">'
    for i, level in enumerate(levels):
        fmt, text = level[:2]
        start = level[2] if len(level) > 2 else 1
        out += (f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/></w:lvl>')
    return out + "</w:abstractNum>"


def num(num_id, abs_id, overrides=""):
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abs_id}"/>{overrides}</w:num>'


OUTLINE = abstract(0, ("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."),
                   ("decimal", "（%4）"))
