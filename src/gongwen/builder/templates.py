"""Where templates are: built in (``src/gongwen/templates/``), or an office's own in a
``templates/`` folder beside its settings file (or the current folder's ``templates/``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

from gongwen.errors import Place, ReadError, TemplateError
from gongwen.settings import find
from gongwen.trust import untrusted

BUILTIN_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
#: Largest a template may inflate to, all parts together (bytes); a real one is well under 1 MB.
MAX_TEMPLATE_SIZE = 50 * 1024 * 1024


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


def read_template(path: str, wanted: Optional[Callable[[str], bool]] = None
                  ) -> Tuple[List[str], Dict[str, bytes]]:
    """The member names of template ``path`` in zip order, and the bytes of those ``wanted`` accepts
    (every member by default).

    Templates travel between offices, so they go through the bounded package reader
    (``ooxml.package``) under :data:`MAX_TEMPLATE_SIZE`: a zip bomb or an oversized
    member is refused as it inflates, as a :class:`TemplateError` naming the file.
    """
    from gongwen.ooxml.package import open_docx

    try:
        with open_docx(path, max_total=MAX_TEMPLATE_SIZE) as z:
            order = z.members()
            if not z.has("word/document.xml"):
                raise TemplateError("不是 Word 模板：缺少 word/document.xml", Place(path))
            if z.declared_size() > MAX_TEMPLATE_SIZE:
                raise TemplateError(f"模板过大（解压后超过 {MAX_TEMPLATE_SIZE // (1024 * 1024)} MB）", Place(path))
            parts = {name: z.read(name) for name in order if wanted is None or wanted(name)}
    except ReadError as exc:
        raise TemplateError(f"模板无法打开：{exc.message}", Place(path)) from None
    return order, parts


def title_of(path: Path) -> str:
    """The template's title property, when it has one (Word: 文件 → 信息 → 标题)."""
    from gongwen.ooxml.names import DC_NS, clark
    from gongwen.ooxml.package import open_docx, parse_xml

    try:
        with open_docx(str(path), max_total=MAX_TEMPLATE_SIZE) as z:
            if not z.has("docProps/core.xml"):
                return ""
            core = parse_xml(z.read("docProps/core.xml"), str(path), "docProps/core.xml")
    except ReadError:
        return ""
    title = core.find(clark(DC_NS, "title"))
    return "".join(title.itertext()).strip() if title is not None else ""


def ensure_trusted(path: Path) -> None:
    """Refuse an office template found by looking (``templates/NAME.docx``) that someone else
    could have put there or changed (:func:`gongwen.trust.untrusted`)."""
    why = untrusted(path)
    if why is not None:
        raise TemplateError(f"本单位模板{why}，可能是别人放置或改动的，为安全起见不使用。请确认模板可信后放到"
                            "只有你能修改的文件夹，用 --template 指明它的路径；或删除它，改用内置模板", Place(str(path)))


def resolve_template(name: str, source: Optional[Path] = None) -> str:
    """A template name (``speech``) or a path, relative to the content file or the cwd.

    A path is the user's choice and is used as it is; a template found by name in an
    office's ``templates/`` folder is refused when someone else could have put it there.
    """
    candidates = []
    found = set()  # candidates found by looking, not named by the user: they must be trusted
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
        found.update(candidates)
        candidates.append(BUILTIN_TEMPLATES / f"{name}.docx")
    for candidate in candidates:
        if candidate.is_file():
            if candidate in found:
                ensure_trusted(candidate)
            return str(candidate)
    known = "、".join(sorted(p.stem for p in BUILTIN_TEMPLATES.glob("*.docx")))
    raise TemplateError(f"找不到模板 {name}（内置模板：{known}；也可以写 .docx 文件的路径）",
                        Place(str(source) if source else ""))
