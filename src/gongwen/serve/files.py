"""The folder ``gongwen serve`` works in: what it lists, reading and saving with versions, new
documents from skeletons, and the signature the event stream polls.

A save names the version it was based on; when the file has changed since (another tab, an editor,
git), the save is refused with both texts — the first save wins, the second writer gets the
conflict and keeps their text to merge by hand.  Writes are atomic (:mod:`gongwen.atomic`).
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from gongwen.serve.security import MAX_TEXT, Guard, Refused

CONTENT_SUFFIXES = (".yaml", ".yml")
DRAFT_SUFFIXES = (".docx", ".txt", ".md")
#: Folders never listed: outputs, tools, hidden ones.
SKIPPED = frozenset({"out", "node_modules", "__pycache__", ".venv", "venv", "build", "dist"})
MAX_FILES = 2000
MAX_DEPTH = 6
#: Drafts larger than this are listed without a findings count.
MAX_COUNTED = 5 * 1024 * 1024

_save_lock = threading.Lock()


def version_of(data: bytes, st: os.stat_result) -> str:
    """A file's version: mtime, size and a hash of the bytes (an edit within one mtime tick still shows)."""
    return f"{st.st_mtime_ns}-{st.st_size}-{hashlib.sha256(data).hexdigest()[:16]}"


def read(guard: Guard, relative: str) -> Tuple[str, str]:
    """``(text, version)`` of a content file."""
    path = guard.inside(relative, must_exist=True)
    if not path.is_file() or path.suffix.lower() not in CONTENT_SUFFIXES:
        raise Refused(400, f"{relative} 不是内容文件（.yaml）")
    with open(path, "rb") as fh:
        st = os.fstat(fh.fileno())
        if st.st_size > MAX_TEXT:
            raise Refused(413, f"{relative} 过大")
        data = fh.read(MAX_TEXT + 1)
    return _decode(data, relative), version_of(data, st)


def _decode(data: bytes, relative: str) -> str:
    from gongwen.textio import decode_text as decode

    try:
        return decode(data, relative)
    except Exception as exc:  # a ReadError: not text we can read
        raise Refused(415, str(exc)) from None


def save(guard: Guard, relative: str, text: str, base: Optional[str]) -> Dict[str, str]:
    """Write ``text`` when the file is still at version ``base`` (None: the file must not exist).

    Returns ``{"version"}``; raises :class:`Conflict` with the text on disk when it moved on."""
    from gongwen import atomic

    path = guard.inside(relative)
    if path.suffix.lower() not in CONTENT_SUFFIXES:
        raise Refused(400, "只能保存 .yaml 内容文件")
    data = text.encode("utf-8")
    if len(data) > MAX_TEXT:
        raise Refused(413, "内容过大")
    with _save_lock:
        current = None
        if path.exists():
            current = read(guard, relative)
        if (current[1] if current else None) != base:
            raise Conflict(current[0] if current else "", current[1] if current else None, text)
        try:
            with atomic.replace(path) as fh:
                fh.write(data)
        except atomic.WriteError as exc:
            raise Refused(500, str(exc)) from None
        return {"version": read(guard, relative)[1]}


class Conflict(Exception):
    """A save based on an old version: what is on disk now, and the text that was not saved."""

    def __init__(self, disk_text: str, disk_version: Optional[str], yours: str):
        super().__init__("conflict")
        self.disk_text, self.disk_version, self.yours = disk_text, disk_version, yours


def create(guard: Guard, folder: str, name: str, kind: str) -> str:
    """A new content file of ``kind`` from its skeleton (as ``gongwen new``); its relative path."""
    from gongwen import settings
    from gongwen.content.jsonschema import with_modeline, write_beside
    from gongwen.content.schema import kind_of
    from gongwen.errors import GongwenError
    from gongwen.importer.skeletons import skeleton

    ascii_kind = kind_of(kind or "")
    if ascii_kind is None:
        raise Refused(400, f"没有这种文种：{kind}")
    name = os.path.basename((name or "").strip()) or ascii_kind
    if not name.lower().endswith(CONTENT_SUFFIXES):
        name += ".yaml"
    base = guard.inside(folder or "", must_exist=True)
    if not base.is_dir():
        raise Refused(400, "请选择一个文件夹")
    target = guard.inside(guard.relative(base / name) if base != guard.folder else name)
    if os.path.lexists(target):
        raise Refused(409, f"{name} 已存在")
    try:
        text = with_modeline(skeleton(ascii_kind, org=settings.load(base).house.org))
    except GongwenError as exc:
        raise Refused(400, str(exc)) from None
    save(guard, guard.relative(target), text, None)
    write_beside(base)
    return guard.relative(target)


def walk(guard: Guard) -> List[Tuple[Path, os.stat_result]]:
    """Content files and drafts in the folder and its sub-folders (bounded), with their stat."""
    out: List[Tuple[Path, os.stat_result]] = []
    root = guard.folder

    def visit(folder: Path, depth: int) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            if len(out) >= MAX_FILES or entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                if entry.is_symlink() and root not in path.resolve().parents:
                    continue  # a link out of the folder is not listed
                if entry.is_dir():
                    if depth < MAX_DEPTH and entry.name not in SKIPPED:
                        visit(path, depth + 1)
                elif path.suffix.lower() in CONTENT_SUFFIXES + DRAFT_SUFFIXES and not _output(entry.name):
                    out.append((path, entry.stat()))
            except OSError:
                continue

    visit(root, 0)
    return out


def _output(name: str) -> bool:
    low = name.lower()
    return low.endswith((".annotated.docx", ".fixed.docx")) or low.startswith("~$")


def signature(guard: Guard) -> Dict[str, Tuple[int, int]]:
    """What the event stream compares every half second: each listed file's mtime and size."""
    return {guard.relative(p): (st.st_mtime_ns, st.st_size) for p, st in walk(guard)}


_summaries: Dict[Tuple[str, int, int], dict] = {}


def listing(guard: Guard) -> List[dict]:
    """Each file: path, folder, name, type (content/draft), kind, title, findings count."""
    rows = []
    for path, st in walk(guard):
        rel = guard.relative(path)
        key = (str(path), st.st_mtime_ns, st.st_size)
        if key not in _summaries:
            if len(_summaries) > 4 * MAX_FILES:
                _summaries.clear()
            _summaries[key] = _summary(path, st)
        folder, _, name = rel.rpartition("/")
        rows.append({"path": rel, "folder": folder, "name": name, **_summaries[key]})
    return rows


def _summary(path: Path, st: os.stat_result) -> dict:
    from gongwen.content.schema import KIND_NAMES, kind_of
    from gongwen.lint.engine import lint_source
    from gongwen.lint.files import is_content, settings_for

    is_yaml = path.suffix.lower() in CONTENT_SUFFIXES
    out = {"type": "content" if is_yaml else "draft", "kind": "", "title": "", "findings": None}
    if st.st_size > (MAX_TEXT if is_yaml else MAX_COUNTED):
        return out
    try:
        if is_yaml:
            from gongwen.draft.yamlsource import yaml_source

            source = yaml_source(_decode(path.read_bytes(), path.name), str(path))
            if not is_content(source):
                return {**out, "type": "other"}
            kind = kind_of(_scalar(source.yaml, "kind"))
            out["kind"] = KIND_NAMES.get(kind, "") if kind else ""
            out["title"] = _scalar(source.yaml, "title")
        else:
            from gongwen.draft.read import read_source

            source = read_source(str(path))
            out["kind"] = "草稿"
            out["title"] = next((p.text.strip() for p in source.paras if p.text.strip()), "")[:60]
        out["findings"] = len(lint_source(source, settings_for(str(path))))
    except Exception:  # an unreadable file is listed, without a count
        pass
    return out


def _scalar(root, key: str) -> str:
    """The text of a top-level key of a composed YAML mapping (a list of lines joined)."""
    for k, v in getattr(root, "value", None) or []:
        if getattr(k, "value", None) == key:
            if isinstance(v.value, list):
                return "".join(str(getattr(x, "value", "")) for x in v.value)[:80]
            return str(v.value)[:80]
    return ""
