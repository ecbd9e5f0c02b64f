"""``--fix`` for .docx: write the safe text fixes into a copy, ``name.fixed.docx``.

The original is only read, never written.  A fix replaces ``para.text[start:end]``;
the paragraph's text is the concatenation of its ``w:t`` pieces (plus tabs and
breaks), so each fix is mapped back onto the ``w:t`` elements it covers: the
replacement goes into the first one, the covered part of the others is cut.
Run properties are untouched, so bold, fonts and sizes stay where they were.

A fix is left out (and put in ``skipped`` when the caller passes a list) when
it touches a tab or break, overlaps another fix, or when the paragraph no
longer reads as it did when linted.  Every other part of the package is copied
byte for byte (inflated and deflated again, in bounded chunks), read through the
same bounded package reader as the check itself (``ooxml.package``).
"""

from __future__ import annotations

import os
from typing import Dict, List, Optional

#: Largest total size copied into a fixed file (bytes): the copy streams every
#: member, media included, so it has its own bound.
MAX_COPY_SIZE = 1024 * 1024 * 1024


def fixed_path(path: str) -> str:
    """``draft.docx`` → ``draft.fixed.docx`` (next to the original)."""
    base, ext = os.path.splitext(path)
    return f"{base}.fixed{ext or '.docx'}"


def refuse_target(source_path: str, target: str, what: str = "副本") -> None:
    """Refuse to write the copy ``target`` over its original, or over anything already there (a
    name gongwen chose, not the user: what is there may be someone's work, or a link)."""
    from gongwen.atomic import WriteError
    from gongwen.errors import ReadError

    if os.path.abspath(target) == os.path.abspath(source_path):  # pragma: no cover - defensive
        raise ReadError(source_path, f"{what}不能覆盖原文件")
    if os.path.lexists(target):
        raise WriteError(target, f"{what}已存在（可能有人改过，或是别人放的链接），为免覆盖，未写入；"
                                 "要重新生成，请先删除或改名这个文件")


def refuse_strict(z, path: str) -> None:
    """Strict Open XML (other namespaces throughout) is read for checking, never written."""
    from gongwen.errors import ReadError

    if z.strict:
        raise ReadError(path, "这是 Strict Open XML 格式的文件，暂不能写副本；请在 Word 中另存为普通 .docx 后再处理")


def write_fixed_copy(source, findings, skipped: Optional[list] = None) -> str:
    """Apply the fixes of ``findings`` to a copy of ``source.path``; return the copy's path."""
    from lxml import etree

    from gongwen.errors import ReadError
    from gongwen.ooxml.names import w
    from gongwen.ooxml.package import open_docx
    from gongwen.ooxml.parts import DocxParts
    from gongwen.ooxml.text import paragraph_texts, text_nodes

    by_para: Dict[int, list] = {}
    for f in findings:
        if f.fix is not None and 0 <= f.fix.para < len(source.paras):
            by_para.setdefault(f.fix.para, []).append(f)
        elif f.fix is not None and skipped is not None:
            skipped.append(f)
    target = fixed_path(source.path)
    refuse_target(source.path, target, "修正后的副本")

    with open_docx(source.path) as z:
        main = z.main_part()
        root = z.xml(main)
        refuse_strict(z, source.path)
        parts = DocxParts(source.path)
        parts.document = root
        parts.body = root.find(w("body"))
        paragraph_texts(parts)  # the same walk as the reader: same paragraphs, same order
        if len(parts.elements) != len(source.paras):
            raise ReadError(source.path, "文件在检查之后被改动，未写入修正副本")
        for index, group in by_para.items():
            para = source.paras[index]
            pieces, nodes = text_nodes(parts.elements[index])
            if "".join(pieces) != para.text[para.label_len:]:
                if skipped is not None:
                    skipped.extend(group)
                continue
            left_out = _apply(pieces, nodes, para.label_len, group)
            for f in left_out:
                if skipped is not None:
                    skipped.append(f)
            if len(left_out) < len(group) and para.text.strip() and not para.label_len:
                _drop_if_emptied(parts.elements[index], nodes)
        data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        _write_zip(z, main, data, target)
    return target


def _apply(pieces: List[str], nodes: list, label_len: int, findings) -> list:
    """Apply fixes right to left onto the ``w:t`` nodes; return the findings not applied."""
    from gongwen.ooxml.names import XML_SPACE

    starts, pos = [], 0
    for piece in pieces:
        starts.append(pos)
        pos += len(piece)
    total = pos
    left_out = []
    limit = total + 1
    for f in sorted(findings, key=lambda f: (f.fix.start, f.fix.end), reverse=True):
        s, e = f.fix.start - label_len, f.fix.end - label_len
        if s < 0 or e > total or e > limit or (e == limit and s == e):
            left_out.append(f)
            continue
        if s == e:  # insertion: into the piece that holds s, or the one that ends there
            covered = [i for i, a in enumerate(starts) if a <= s < a + len(pieces[i])] or \
                      [i for i, a in enumerate(starts) if a + len(pieces[i]) == s]
            covered = covered[:1]
        else:
            covered = [i for i, a in enumerate(starts) if a < e and a + len(pieces[i]) > s]
        if not covered or any(nodes[i] is None for i in covered):
            left_out.append(f)
            continue
        for n, i in enumerate(covered):
            node, a = nodes[i], starts[i]
            text = node.text or ""
            lo, hi = max(s - a, 0), min(e - a, len(text))
            node.text = text[:lo] + (f.fix.new if n == 0 else "") + text[hi:]
            if node.text != node.text.strip():
                node.set(XML_SPACE, "preserve")
        limit = s
    return left_out


#: What a paragraph may hold besides text that keeps it: pictures, objects, fields, a section's end.
_KEEPS = ("drawing", "pict", "object", "sectPr", "fldSimple", "fldChar", "footnoteReference",
          "endnoteReference", "commentReference", "bookmarkStart", "tab", "br", "sym")


def _drop_if_emptied(p, nodes) -> None:
    """A paragraph whose fixes deleted all its text (``##paidend##`` alone on it) is removed, so
    that no empty paragraph is left; one that holds anything else, or is the last of its cell, stays."""
    from gongwen.ooxml.names import w

    if any((n.text or "").strip() for n in nodes if n is not None):
        return
    parent = p.getparent()
    if parent is None or sum(1 for c in parent if c.tag == w("p")) < 2:
        return
    if any(el.tag in {w(k) for k in _KEEPS} for el in p.iter()):
        return
    parent.remove(p)


def _write_zip(z, main: str, data: bytes, target: str, extra: Optional[Dict[str, bytes]] = None) -> None:
    """Copy the package with ``main`` replaced, atomically (temp file, then rename).

    ``extra`` maps other part names to new contents: parts that exist are replaced in place,
    the others added at the end."""
    import zipfile
    import zlib

    from gongwen import atomic
    from gongwen.errors import ReadError

    too_big = ReadError(z.path, "文件解压后过大，拒绝写入修正副本")
    extra = dict(extra or {})
    try:
        # The copy has its original's permission bits, writable by its owner: a read-only draft
        # (as mail attachments often are) gives a copy the next --fix may replace.
        mode = (os.stat(z.path).st_mode & 0o777) | 0o200
    except OSError:
        mode = None
    try:
        copied = 0
        with atomic.replace(target, mode_of=mode) as fh, \
                zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as out:
            for info in z.infos():
                clone = zipfile.ZipInfo(info.filename, info.date_time)
                clone.compress_type = info.compress_type if info.compress_type in (
                    zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) else zipfile.ZIP_DEFLATED
                clone.external_attr = info.external_attr
                name = info.filename.lstrip("/")
                if name == main or name in extra:
                    out.writestr(clone, data if name == main else extra.pop(name))
                    continue
                with out.open(clone, "w", force_zip64=info.file_size > 2**31) as dst:
                    for chunk in z.chunks(info):
                        copied += len(chunk)
                        if copied > MAX_COPY_SIZE:
                            raise too_big
                        dst.write(chunk)
            for name, content in extra.items():
                out.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), content, zipfile.ZIP_DEFLATED)
    except ReadError as exc:
        if exc is too_big:
            raise
        raise ReadError(z.path, f"复制文件内容时出错，未写入修正副本（{exc.message}）") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as exc:
        raise ReadError(z.path, f"复制文件内容时出错，未写入修正副本（{exc}）") from None
