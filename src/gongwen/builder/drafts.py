"""Drafts named to ``gongwen build`` (.docx .txt .md, and .doc .wps through LibreOffice) → a Document.

A writer with a draft from a colleague or an assistant builds it in one step:
``gongwen build 草稿.docx`` imports it on the fly and lays it out like YAML
content.  The import itself is the importer's (:mod:`gongwen.importer`), a
layer above the builder, so it is handed down as an :data:`Importer` (the API's
:func:`gongwen.api.import_draft`); this module does the builder's part:

* which files are drafts (:func:`is_draft`, by suffix; a folder gives only YAML
  content, see :func:`gongwen.builder.pipeline.collect`);
* never writing over the draft (:func:`refuse_self`): the output is a .docx
  and a .docx draft could be its own output (``gongwen build 草稿.docx -o .``);
* a draft in Word's or WPS's old binary format converted to .docx by
  LibreOffice in a throw-away, locked-down work folder
  (:mod:`gongwen.builder.soffice`, as PDF previews are made), after its first
  bytes show it is one (:func:`old_format`): a web page, a text file or
  anything else named ``.doc`` is refused with what it is instead.

Drafts are read within the limits every command reads with: the bytes
(:mod:`gongwen.textio`) and the .docx package (:mod:`gongwen.ooxml.package`).
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Tuple

from gongwen.errors import GongwenError, Place, ReadError
from gongwen.textio import MAX_TEXT_SIZE

#: Drafts read as they are (the importer's formats).
DIRECT_SUFFIXES = (".docx", ".docm", ".txt", ".md", ".markdown")
#: Drafts in old binary formats, converted to .docx by LibreOffice first.
OLD_SUFFIXES = (".doc", ".wps")
DRAFT_SUFFIXES = DIRECT_SUFFIXES + OLD_SUFFIXES

#: How a draft becomes content: ``importer(path, shown)`` reads ``path`` (the draft, or the
#: .docx made of it) and returns ``(Document, note)``: the document with the import's warnings
#: in ``Document.warnings`` (naming ``shown``, the draft, with line numbers), and a sentence
#: saying which kind it chose and why.  Picklable (a module-level function or a partial of one),
#: as parallel builds send it to their workers.
Importer = Callable[[str, str], Tuple[Any, str]]

#: Seconds LibreOffice gets to convert one draft (start-up included).
CONVERT_TIMEOUT = 110

INSTALL_HINT = ("未找到 LibreOffice（soffice），无法读取 .doc、.wps 草稿。\n"
                "安装方法（Debian/Ubuntu）：sudo apt install libreoffice-writer-nogui\n"
                "或者用 WPS、Word 打开草稿，另存为 .docx 后再生成"
                "（也可用环境变量 GONGWEN_SOFFICE 指明 soffice 的路径）")

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of Word 97–2003 and WPS 文字
_ZIP = b"PK\x03\x04"
_WEB = re.compile(rb"^\s*(<!doctype html|<html|<\?xml|mime-version:|<meta|<head|<body)", re.IGNORECASE)
_RESAVE = "请用 WPS 或 Word 打开，另存为 .docx 后再生成"


def is_draft(path) -> bool:
    """True for a file ``gongwen build`` imports on the fly (by its suffix) rather than loads as YAML."""
    return os.path.splitext(str(path))[1].lower() in DRAFT_SUFFIXES


def refuse_self(source: Path, target: Path) -> None:
    """Refuse an output that is the draft itself (the same name, or the same file by another name)."""
    same = os.path.normcase(os.path.abspath(source)) == os.path.normcase(os.path.abspath(target))
    if not same:
        try:
            same = os.path.samefile(source, target)
        except OSError:  # no output yet: it cannot be the draft
            same = False
    if same:
        raise GongwenError(f"输出文件 {target} 就是草稿本身，为免覆盖草稿，未生成；"
                           "请用 -o 指定另一个输出文件夹（默认 out/）", Place(str(source)))


def old_format(data: bytes, source: Path) -> str:
    """``"ole"`` (Word 97–2003 or WPS: LibreOffice converts it), ``"rtf"`` (idem) or ``"zip"``
    (a .docx under an old name: read as it is), from a .doc or .wps draft's first bytes;
    anything else is refused with a ReadError saying what it is instead."""
    path = str(source)
    if not data:
        raise ReadError(path, "文件是空的，不是 Word 或 WPS 文档")
    if data.startswith(_OLE2):
        return "ole"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(_ZIP):
        return "zip"
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _WEB.match(head):
        raise ReadError(path, f"这不是 Word 或 WPS 文档，而是网页或 XML 文件（只是扩展名为 {source.suffix}）；{_RESAVE}")
    if b"\0" not in head:
        raise ReadError(path, f"这不是 Word 或 WPS 文档，看起来是纯文本（只是扩展名为 {source.suffix}）；"
                              "请把扩展名改为 .txt 后再生成")
    raise ReadError(path, "这不是 Word 或 WPS 文档（文件开头没有 Word、WPS 文档的标志），"
                          f"可能已损坏或是别的格式；{_RESAVE}")


@contextlib.contextmanager
def readable(source: Path, data: bytes) -> Iterator[str]:
    """The path the importer reads for ``source`` (whose bytes are ``data``): the draft itself,
    or — for .doc and .wps — a .docx in a private work folder that is removed afterwards."""
    if os.path.splitext(str(source))[1].lower() not in OLD_SUFFIXES:
        yield str(source)
        return
    fmt = old_format(data, source)
    from gongwen.builder.lockdown import private
    from gongwen.builder.soffice import convert_to, find_soffice, workspace

    soffice = None
    if fmt != "zip":
        soffice = find_soffice()
        if soffice is None:
            raise GongwenError(INSTALL_HINT, Place(str(source)))
    with workspace() as (work, env):
        staged = private(work / "in") / ("draft.docx" if fmt == "zip" else "draft" + source.suffix.lower())
        staged.write_bytes(data)  # the bytes read once, within the limit: what was checked is converted
        if fmt == "zip":
            with _named(source, staged, ""):
                yield str(staged)
            return
        outdir = private(work / "docx")
        problem = convert_to(soffice, work, env, [staged], "docx:MS Word 2007 XML", outdir, CONVERT_TIMEOUT)
        made = outdir / "draft.docx"
        if not made.is_file() or made.stat().st_size == 0:
            why = f"：{problem}" if problem else "（它可能已损坏、加了密码，或不是文字文档）"
            raise GongwenError(f"LibreOffice 没能把它转换为 .docx{why}；{_RESAVE}", Place(str(source)))
        with _named(source, made, "LibreOffice 转换出的 .docx 无法读取："):
            yield str(made)


@contextlib.contextmanager
def _named(source: Path, copy: Path, lead: str) -> Iterator[None]:
    """Errors about ``copy`` (made of the draft in the work folder) name the draft instead."""
    try:
        yield
    except GongwenError as exc:
        if exc.place.path == str(copy):
            exc.place.path = str(source)
            if isinstance(exc, ReadError):
                exc.path = str(source)
            exc.message = lead + exc.message
            exc.args = (exc.message,)
        raise


def load(source: Path, data: bytes, importer: Optional[Importer]) -> Tuple[Any, str]:
    """``(Document, note)`` of the draft ``source`` (``data``: its bytes), imported by ``importer``."""
    if importer is None:
        raise GongwenError("这是草稿，不是 YAML 内容：请用 gongwen build 命令或 gongwen.build() 生成"
                           "（它们边导入边排版），或先 gongwen import 成 YAML", Place(str(source)))
    if len(data) > MAX_TEXT_SIZE:  # as lint and import refuse it (textio); read no further
        raise ReadError(str(source), f"文件超过 {MAX_TEXT_SIZE // (1024 * 1024)} MB，拒绝读取")
    with readable(source, data) as path:
        return importer(path, str(source))

