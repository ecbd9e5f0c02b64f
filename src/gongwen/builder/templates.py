"""Where templates are: built in (``src/gongwen/templates/``), or an office's own in a
``templates/`` folder beside its settings file (or the current folder's ``templates/``)."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path
from typing import List, Optional, Tuple

from gongwen.errors import Place, TemplateError
from gongwen.settings import find

BUILTIN_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def builtin_dir() -> Path:
    return BUILTIN_TEMPLATES


def office_dirs(start: Optional[Path] = None) -> List[Path]:
    """The office's template folders: beside the nearest gongwen.yaml, then ``./templates``."""
    start = Path(start or Path.cwd())
    found: List[Path] = []
    profile = find(start)
    for folder in ([profile.parent / "templates"] if profile else []) + [start / "templates"]:
        if folder.is_dir() and folder.resolve() != builtin_dir().resolve() \
                and folder.resolve() not in [f.resolve() for f in found]:
            found.append(folder)
    return found


def all_templates(start: Optional[Path] = None) -> List[Tuple[str, str, Path]]:
    """(name, where: 内置/本单位, path) for every template, built-in first."""
    out = [(p.stem, "内置", p) for p in sorted(builtin_dir().glob("*.docx"))]
    for folder in office_dirs(start):
        out.extend((p.stem, "本单位", p) for p in sorted(folder.glob("*.docx"))
                   if not p.name.startswith(("~$", ".")))
    return out


def title_of(path: Path) -> str:
    """The template's title property, when it has one (Word: 文件 → 信息 → 标题)."""
    try:
        with zipfile.ZipFile(path) as zf:
            core = zf.read("docProps/core.xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        return ""
    m = re.search(r"<dc:title>(.*?)</dc:title>", core, re.S)
    if not m:
        return ""
    from xml.sax.saxutils import unescape

    return unescape(m.group(1)).strip()


def resolve_template(name: str, source: Optional[Path] = None) -> str:
    """A template name (``speech``) or a path, relative to the content file or the cwd."""
    candidates = []
    if name.endswith(".docx") or os.sep in name or "/" in name:
        if source is not None and not os.path.isabs(name):
            candidates.append(source.parent / name)
        candidates.append(Path(name))
    else:
        # An office's own copy (templates/ beside its gongwen.yaml, or in the cwd) wins over the built-in.
        house = find(source) if source is not None else None
        if house is not None:
            candidates.append(house.parent / "templates" / f"{name}.docx")
        candidates.append(Path("templates") / f"{name}.docx")
        candidates.append(BUILTIN_TEMPLATES / f"{name}.docx")
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    known = "、".join(sorted(p.stem for p in BUILTIN_TEMPLATES.glob("*.docx")))
    raise TemplateError(f"找不到模板 {name}（内置模板：{known}；也可以写 .docx 文件的路径）",
                        Place(str(source) if source else ""))
