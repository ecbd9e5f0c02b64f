"""Settings: the one lookup of an office's ``gongwen.yaml`` | ``gongwen.yml`` | ``setup.cfg``.

The nearest folder (the file's own, then its parents) that holds one of these
files decides, for build and lint alike::

    # gongwen.yaml (or gongwen.yml)        # setup.cfg
    faces: {body: 仿宋, h2: 楷体}            [gongwen]
    page_numbers: outer                     face_body = 仿宋
    author: 清河县总工会调研组                page_numbers = outer
    org: 清河县总工会                        [gongwen.lint]
    level3: "1．"                           ignore = GW413
    lint: {ignore: [GW413], year: 2024}

:class:`House` is the office's house style (faces, page numbers, level-3
marker, author, org): build renders with it and lint checks against it, so
what gongwen builds for an office lints clean.  :class:`LintSettings` says
which rules run and how.  Files are decoded like every other text file
(:mod:`gongwen.textio`: UTF-8, BOM, GB18030).

Settings travel between offices and sit in shared folders, so they are data
and nothing more: the YAML is composed within bounds (:mod:`gongwen.yamlsafe`:
no tags, no alias bombs, no deep nesting), every value is checked
(:mod:`gongwen.settingvalues`), the search stops at the home folder, a
mount point or a repository root, and a file someone else could have put
there or changed is refused (:mod:`gongwen.trust`).  A bad settings file is
a Chinese message naming it (and the key): build refuses, lint reports it and
goes on with the defaults.
"""

from __future__ import annotations

import os
import re

from gongwen import settingvalues, trust
from gongwen.errors import GongwenError, Place, ReadError
from gongwen.lintsettings import (LINT_KEYS, SEVERITIES, LintOverrides, LintSettings, is_selected,
                                  lint_settings_from, split_codes)
from gongwen.spec.gbt9704 import DEFAULT_FACES
from gongwen.spec.record import dataclass, field
from gongwen.textio import decode_text, open_binary

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Dict, Optional, Tuple

__all__ = ["NAMES", "House", "Settings", "find", "load", "house", "read",
           # the lint settings, kept here for who reads them as settings.X (gongwen.lintsettings)
           "LINT_KEYS", "SEVERITIES", "LintOverrides", "LintSettings", "is_selected", "lint_settings_from",
           "split_codes"]

NAMES = ("gongwen.yaml", "gongwen.yml", "setup.cfg")
PAGE_NUMBER_STYLES = ("outer", "center")
HOUSE_KEYS = ("faces", "page_numbers", "author", "org", "level3", "lint")
#: Largest settings file read (bytes): settings travel between offices.
MAX_SETTINGS_SIZE = 1024 * 1024
#: Bounds on a settings file's YAML once aliases are expanded: values, nesting, characters.
MAX_SETTINGS_NODES = 10_000
MAX_SETTINGS_DEPTH = 8
MAX_SETTINGS_CHARS = 1024 * 1024


@dataclass
class House:
    """An office's house style (defaults: GB/T 9704)."""

    faces: Dict[str, str] = field(default_factory=lambda: dict(DEFAULT_FACES))
    page_numbers: str = "outer"
    author: str = ""
    org: str = ""
    level3: str = "."
    path: str = ""  # where it was read from ("" for defaults)

    @property
    def face_map(self) -> Dict[str, str]:
        """Default face name → this office's face, for the faces that differ."""
        return {DEFAULT_FACES[r]: f for r, f in self.faces.items() if f != DEFAULT_FACES[r]}


@dataclass
class Settings:
    """What one settings file says: the house style and the lint settings.

    ``error`` is set when the house part is wrong: build refuses to run with it,
    lint reports it and goes on with the defaults.
    """

    house: House = field(default_factory=House)
    lint: LintSettings = field(default_factory=LintSettings)
    path: str = ""
    error: Optional[GongwenError] = None

    def require_house(self) -> House:
        if self.error is not None:
            raise self.error
        return self.house


def find(start=None) -> Optional[Path]:
    """The settings file that applies to ``start`` (a file or folder; default: the cwd).

    Folders are searched upwards from ``start`` to a boundary
    (:func:`gongwen.trust.search_folders`: the home folder, a mount point, a
    repository root); whether the file found may be used is :func:`read`'s question.
    """
    name = find_name(start)
    if name is None:
        return None
    from pathlib import Path

    return Path(name)


def find_name(start=None) -> Optional[str]:
    """:func:`find` as a string, with :mod:`os.path` alone (no :mod:`pathlib` when there is none)."""
    here = os.path.realpath(os.fspath(start) if start else os.getcwd())
    if os.path.isfile(here) or not os.path.exists(here):
        here = os.path.dirname(here)
    for folder in trust.search_folder_names(here):
        for name in NAMES[:2]:
            if os.path.isfile(os.path.join(folder, name)):
                return os.path.join(folder, name)
        cfg = os.path.join(folder, "setup.cfg")
        if os.path.isfile(cfg) and _has_gongwen_section(cfg):
            return cfg
    return None


def _has_gongwen_section(path) -> bool:
    try:
        text = _text(path)
    except GongwenError:
        return False
    return re.search(r"^\s*\[gongwen(\.lint)?\]", text, re.M) is not None


_cache: Dict[object, Settings] = {}


def load(start=None) -> Settings:
    """The settings that apply to files under ``start`` (defaults when there is none).

    The nearest settings file decides alone: files further up are not merged in.
    A file is read once per process while it stays unchanged.
    """
    name = find_name(start)
    if name is None:
        return Settings()
    try:
        stat = os.stat(name)
        key = (name, stat.st_mtime_ns, stat.st_size, stat.st_uid, stat.st_mode)
    except OSError:
        key = (name, 0, 0)
    if key not in _cache:
        from pathlib import Path

        _cache[key] = read(Path(name))
    return _cache[key]


def house(start=None) -> House:
    """The house style for ``start``; a ``GongwenError`` naming the file when it is wrong."""
    return load(start).require_house()


def read(path: Path) -> Settings:
    """Read one settings file (a fault in it never raises: see :class:`Settings`).

    A file someone else could have put there or changed (:func:`gongwen.trust.untrusted`)
    is not read at all.
    """
    settings = Settings(path=str(path))
    try:
        _ensure_trusted(path)
        if path.suffix == ".cfg":
            sections = _cfg_sections(path)
            house_data, places = _cfg_house(sections.get("gongwen", {}), str(path))
            lint_data = sections.get("gongwen.lint")
        else:
            house_data, places = _yaml_mapping(path)
            lint_data = house_data.get("lint")
            if lint_data is not None and not isinstance(lint_data, dict):
                raise GongwenError("lint 应为键值（select: …、ignore: …）", places.get("lint", Place(str(path))))
    except GongwenError as exc:
        settings.error = exc
        settings.lint.problems.append(str(exc))
        return settings
    if lint_data is not None:
        settings.lint = lint_settings_from(lint_data, str(path))
    try:
        settings.house = _house_from(house_data, str(path), places)
    except GongwenError as exc:
        settings.error = exc
        settings.lint.problems.append(str(exc))
    if not settings.lint.explicit_level3:
        settings.lint.level3 = settings.house.level3
    settings.lint.page_numbers = settings.house.page_numbers
    settings.lint.org = settings.house.org
    return settings


def _ensure_trusted(path: Path) -> None:
    why = trust.untrusted(path)
    if why is not None:
        raise GongwenError(f"设置文件{why}，可能是别人放置或改动的，为安全起见不使用。请确认内容可信后把它复制到"
                           "只有你能修改的文件夹；或在内容所在的文件夹放一个自己的 gongwen.yaml"
                           "（离内容最近的设置文件优先，不会再往上找）", Place(str(path)))


def _text(path: Path) -> str:
    with open_binary(str(path), "设置文件") as f:
        try:
            data = f.read(MAX_SETTINGS_SIZE + 1)
        except OSError as exc:
            raise ReadError(str(path), f"无法读取：{exc.strerror or exc}") from None
    if len(data) > MAX_SETTINGS_SIZE:
        raise GongwenError(f"设置文件超过 {MAX_SETTINGS_SIZE // 1024} KB，拒绝读取", Place(str(path)))
    return decode_text(data, str(path))


def _cfg_sections(path: Path) -> Dict[str, dict]:
    """The [gongwen] and [gongwen.lint] sections of a setup.cfg ({} when it has neither).

    Values are taken as written: ``%(name)s`` interpolation is off, so a value
    cannot expand into others (a few lines of ``%(x)s`` would otherwise grow
    into gigabytes).
    """
    import configparser

    text = _text(path)
    if "[gongwen" not in text:
        return {}
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text, str(path))
    except configparser.Error as exc:
        raise GongwenError(f"设置无法读取：{_cfg_problem(exc)}", Place(str(path), getattr(exc, "lineno", None))) from None
    return {name: dict(parser.items(name)) for name in ("gongwen", "gongwen.lint") if parser.has_section(name)}


def _cfg_problem(exc) -> str:
    """What configparser found wrong, in Chinese."""
    import configparser

    if isinstance(exc, configparser.DuplicateOptionError):
        return f"[{exc.section}] 中的 {exc.option} 写了两次"
    if isinstance(exc, configparser.DuplicateSectionError):
        return f"节 [{exc.section}] 写了两次"
    if isinstance(exc, configparser.MissingSectionHeaderError):
        return "第一行应是节名，如 [gongwen]"
    return "有无法解析的行（应为 名称 = 值）"


def _cfg_house(section: dict, path: str) -> Tuple[dict, Dict[str, Place]]:
    """The [gongwen] section as the YAML's shape, and each value's place (its key as written)."""
    data: dict = {k: v for k, v in section.items() if not k.startswith("face_")}
    data["faces"] = {k[5:]: v for k, v in section.items() if k.startswith("face_")}
    places = {k: Place(path, key=f"[gongwen] {settingvalues.shown(k)}") for k in data}
    places.update({f"faces.{k[5:]}": Place(path, key=f"[gongwen] {settingvalues.shown(k)}")
                   for k in section if k.startswith("face_")})
    return data, places


def _yaml_mapping(path: Path) -> Tuple[dict, Dict[str, Place]]:
    """The YAML settings as plain data (composed and converted within bounds: an alias bomb
    or deep nesting is refused, never expanded), and each value's place."""
    import yaml

    from gongwen.yamlsafe import compose, plain, syntax_problem

    text = _text(path)
    try:
        root = compose(text)
    except yaml.YAMLError as exc:
        message, place = syntax_problem(exc, text, str(path))
        raise GongwenError(f"单位设置无法读取：{message}", place) from None
    data, places = plain(root, str(path), max_nodes=MAX_SETTINGS_NODES, max_depth=MAX_SETTINGS_DEPTH,
                         max_chars=MAX_SETTINGS_CHARS)
    if data is None:
        return {}, places
    if not isinstance(data, dict):
        raise GongwenError("单位设置应为键值（faces: …、level3: …）", places.get("", Place(str(path))))
    return data, places


def _house_from(data: dict, path: str, places: Optional[Dict[str, Place]] = None) -> House:
    """The house style in ``data``, every value checked (:mod:`gongwen.settingvalues`); the first
    fault raises a GongwenError naming the file, the line where known, and the key."""
    profile = House(path=path)
    places = places or {}

    def fault(key: str, message: str) -> GongwenError:
        return GongwenError(message, places.get(key, Place(path, key=key)))

    for key in data:
        if key not in HOUSE_KEYS:
            raise GongwenError(f"单位配置中未知的键 {settingvalues.shown(key)}；可用的键：{'、'.join(HOUSE_KEYS)}",
                               Place(path))
    faces = data.get("faces") or {}
    if not isinstance(faces, dict):
        raise fault("faces", "faces 应为键值，如 body: 仿宋")
    for role, face in faces.items():
        if role not in DEFAULT_FACES:
            raise GongwenError(f"faces 中未知的角色 {settingvalues.shown(role)}；可用：{'、'.join(DEFAULT_FACES)}",
                               Place(path))
        problem = settingvalues.face_problem(face)
        if problem:
            raise fault(f"faces.{role}", problem)
        profile.faces[role] = face.strip()
    style = data.get("page_numbers") or "outer"
    if style not in PAGE_NUMBER_STYLES:
        raise fault("page_numbers", "page_numbers 只能是 outer（单页居右、双页居左）或 center（居中）")
    profile.page_numbers = style
    level3 = data.get("level3") or "1."
    if level3 not in ("1.", "1．", ".", "．"):
        raise fault("level3", "level3 只能是 \"1.\" 或 \"1．\"")
    profile.level3 = level3[-1]
    for key in ("author", "org"):
        problem = settingvalues.text_problem(data.get(key))
        if problem:
            raise fault(key, problem)
        setattr(profile, key, (data.get(key) or "").strip())
    return profile
