"""Read a draft (.docx, .txt, .md, YAML content or standard input) into a Source of paragraphs.

* text: a line is a paragraph; ``line`` is 1-based, columns count characters
  (decoding: :mod:`gongwen.textio`).
* .docx: every ``w:p`` of the body in document order (:mod:`gongwen.ooxml.text`),
  with Word's numbering labels rendered in front (``label_len`` says how long),
  read through the bounded package reader (:mod:`gongwen.ooxml.package`).
* YAML content: :mod:`gongwen.draft.yamlsource`, positions pointing into the file.

A draft of more than :data:`~gongwen.textio.MAX_PARAGRAPHS` paragraphs (lines of
text, paragraphs of a .docx or of YAML content) is refused with a
:class:`~gongwen.errors.ReadError` naming it, before its paragraphs are made.

Nothing heavy is imported for text files.
"""

from __future__ import annotations

import os

from gongwen.draft.source import Para, Source, source_from_text
from gongwen.errors import ReadError
from gongwen.textio import STDIN, check_paragraphs, decode_text, read_bytes, read_stdin

__all__ = ["read_source", "read_docx", "format_of", "DOCX_SUFFIXES"]

DOCX_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
_NOT_SUPPORTED = (".doc", ".wps", ".rtf", ".odt", ".pdf")
_TEXT_FORMATS = {".md": "md", ".markdown": "md", ".yaml": "yaml", ".yml": "yaml"}


def format_of(path: str) -> str:
    """``docx``, ``yaml``, ``md`` or ``txt``, by the file's suffix."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in DOCX_SUFFIXES:
        return "docx"
    return _TEXT_FORMATS.get(suffix, "txt")


def read_source(path: str) -> Source:
    """Read ``path`` (or ``-`` for standard input, read as text) into a Source."""
    if path == STDIN:
        return _text_source(decode_text(read_stdin(), STDIN), STDIN, "txt")
    fmt = format_of(path)
    if fmt == "docx":
        return read_docx(path)
    if os.path.isdir(path):
        raise ReadError(path, "这是一个文件夹，不是文件")
    suffix = os.path.splitext(path)[1].lower()
    if suffix in _NOT_SUPPORTED and os.path.exists(path):
        raise ReadError(path, f"不支持 {suffix} 格式，请另存为 .docx（或纯文本 .txt）后再检查")
    data = read_bytes(path)
    if data.startswith(b"PK\x03\x04"):
        raise ReadError(path, "这是一个压缩包（可能是改了扩展名的 .docx），不是文本文件；"
                              "如果是 Word 文件，请把扩展名改回 .docx")
    text = decode_text(data, path)
    if fmt == "yaml":
        from gongwen.draft.yamlsource import yaml_source

        return yaml_source(text, path)
    return _text_source(text, path, fmt)


def _text_source(text: str, path: str, fmt: str) -> Source:
    """A line a paragraph, the lines counted before a paragraph is made."""
    ends = text.count("\n") + text.count("\r") - text.count("\r\n")
    check_paragraphs(ends + (1 if text and not text.endswith(("\n", "\r")) else 0), path)
    return source_from_text(text, path, fmt)


def read_docx(path: str, fileobj=None) -> Source:
    """Read a .docx into a Source whose ``docx`` is a :class:`~gongwen.ooxml.parts.DocxParts`."""
    from gongwen.ooxml.parts import load_parts
    from gongwen.ooxml.text import paragraph_texts

    parts = load_parts(path, fileobj)
    paras = [Para(line=line, text=text, label_len=label_len, kind="text" if where == "body" else where)
             for line, (text, label_len, where) in enumerate(paragraph_texts(parts), 1)]
    return Source(path=path, paras=paras, format="docx", docx=parts)
