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
"""

from __future__ import annotations

import configparser
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from gongwen.errors import GongwenError, Place
from gongwen.spec.gbt9704 import DEFAULT_FACES
from gongwen.textio import decode_text, read_bytes

NAMES = ("gongwen.yaml", "gongwen.yml", "setup.cfg")
PAGE_NUMBER_STYLES = ("outer", "center")
HOUSE_KEYS = ("faces", "page_numbers", "author", "org", "level3", "lint")
SEVERITIES = ("error", "warning")
LINT_KEYS = ("select", "ignore", "extend-ignore", "severity", "year", "level3", "strict")
#: Largest settings file read (bytes): settings travel between offices.
MAX_SETTINGS_SIZE = 1024 * 1024


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
class LintSettings:
    """House settings: which rules run, at what severity, and a few facts.

    ``severity`` maps a code (or prefix) to 'error' or 'warning' and applies to
    practice rules only: a standard's requirement stays an error.
    ``year`` is the office's current year (for stale-year checks); ``level3``
    the level-3 marker a house uses (``.`` by default, or ``．``).
    """

    select: List[str] = field(default_factory=lambda: ["GW"])
    ignore: List[str] = field(default_factory=list)
    severity: Dict[str, str] = field(default_factory=dict)
    year: Optional[int] = None
    level3: str = "."
    page_numbers: str = "outer"  # from the office profile: outer (GB/T 9704) | center
    org: str = ""  # from the office profile: the value of {{ org }} in YAML content, as build uses it
    strict: bool = False
    origin: str = ""  # the file the settings came from
    problems: List[str] = field(default_factory=list)  # messages about the settings themselves
    explicit_level3: bool = False  # set in the lint settings (else the office profile decides)

    def rule_enabled(self, code: str) -> bool:
        return is_selected(code, self.select, self.ignore)

    def severity_of(self, r) -> str:
        """The severity of rule ``r`` here (a registry Rule: ``code``, ``severity``, ``is_practice``)."""
        if not r.is_practice:
            return r.severity
        best = None
        for prefix, sev in self.severity.items():
            if r.code.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
                best = (prefix, sev)
        return best[1] if best else r.severity


def _parse_severity(value, problems: List[str], origin: str) -> Dict[str, str]:
    out: Dict[str, str] = {}
    if isinstance(value, dict):
        items = list(value.items())
    else:
        items = []
        for part in re.split(r"[,\n]+", str(value or "")):
            part = part.strip()
            if not part:
                continue
            if "=" in part or ":" in part:
                k, v = re.split(r"[=:]", part, maxsplit=1)
                items.append((k, v))
            else:
                problems.append(f"{origin}: severity 项 {part!r} 应写作 代码=error 或 代码=warning")
    for k, v in items:
        k, v = str(k).strip().upper(), str(v).strip().lower()
        if v not in SEVERITIES:
            problems.append(f"{origin}: {k} 的级别 {v!r} 无效，应为 error 或 warning")
            continue
        out[k] = v
    return out


def lint_settings_from(data: dict, origin: str) -> LintSettings:
    cfg = LintSettings(origin=origin)
    for key in data:
        if str(key).replace("_", "-") not in LINT_KEYS:
            cfg.problems.append(f"{origin}: 未知的设置项 {key!r}（可用：{'、'.join(LINT_KEYS)}）")
    get = lambda k: data.get(k, data.get(k.replace("-", "_")))  # noqa: E731
    if get("select") is not None:
        cfg.select = split_codes(get("select"))
    cfg.ignore = split_codes(get("ignore")) + split_codes(get("extend-ignore"))
    cfg.severity = _parse_severity(get("severity"), cfg.problems, origin)
    year = get("year")
    if year not in (None, ""):
        try:
            cfg.year = int(str(year).strip())
        except ValueError:
            cfg.problems.append(f"{origin}: year 应为年份数字，如 2024")
    level3 = get("level3")
    if level3 not in (None, ""):
        level3 = str(level3).strip()
        if level3 not in (".", "．", "1.", "1．"):
            cfg.problems.append(f"{origin}: level3 应为 \"1.\" 或 \"1．\"")
        else:
            cfg.level3 = level3[-1]
            cfg.explicit_level3 = True
    strict = get("strict")
    if strict not in (None, ""):
        cfg.strict = str(strict).strip().lower() in ("1", "true", "yes", "on")
    return cfg



@dataclass
class LintOverrides:
    """What the command line says on top of the settings file (``--select`` and the like)."""

    select: Optional[List[str]] = None
    ignore: List[str] = field(default_factory=list)
    severity: Dict[str, str] = field(default_factory=dict)
    year: Optional[int] = None
    strict: bool = False

    def apply(self, base: LintSettings) -> LintSettings:
        import dataclasses

        out = dataclasses.replace(base, select=list(self.select) if self.select else list(base.select),
                                  ignore=list(base.ignore) + list(self.ignore),
                                  severity={**base.severity, **self.severity}, problems=list(base.problems))
        if self.year is not None:
            out.year = self.year
        if self.strict:
            out.strict = True
        return out


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
    """The settings file that applies to ``start`` (a file or folder; default: the cwd)."""
    here = Path(start or Path.cwd()).resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        for name in NAMES[:2]:
            if (folder / name).is_file():
                return folder / name
        cfg = folder / "setup.cfg"
        if cfg.is_file() and _cfg_sections(cfg):
            return cfg
    return None


_cache: Dict[object, Settings] = {}


def load(start=None) -> Settings:
    """The settings that apply to files under ``start`` (defaults when there is none).

    The nearest settings file decides alone: files further up are not merged in.
    A file is read once per process while it stays unchanged.
    """
    path = find(start)
    if path is None:
        return Settings()
    try:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = (str(path), 0, 0)
    if key not in _cache:
        _cache[key] = read(path)
    return _cache[key]


def house(start=None) -> House:
    """The house style for ``start``; a ``GongwenError`` naming the file when it is wrong."""
    return load(start).require_house()


def read(path: Path) -> Settings:
    """Read one settings file (a fault in it never raises: see :class:`Settings`)."""
    settings = Settings(path=str(path))
    try:
        if path.suffix == ".cfg":
            sections = _cfg_sections(path)
            house_data = _cfg_house(sections.get("gongwen", {}))
            lint_data = sections.get("gongwen.lint")
        else:
            house_data = _yaml_mapping(path)
            lint_data = house_data.get("lint")
            if lint_data is not None and not isinstance(lint_data, dict):
                raise GongwenError("lint 应为键值（select: …、ignore: …）", Place(str(path)))
    except GongwenError as exc:
        settings.error = exc
        settings.lint.problems.append(str(exc))
        return settings
    if lint_data is not None:
        settings.lint = lint_settings_from(lint_data, str(path))
    try:
        settings.house = _house_from(house_data, str(path))
    except GongwenError as exc:
        settings.error = exc
        settings.lint.problems.append(str(exc))
    if not settings.lint.explicit_level3:
        settings.lint.level3 = settings.house.level3
    settings.lint.page_numbers = settings.house.page_numbers
    settings.lint.org = settings.house.org
    return settings


def _text(path: Path) -> str:
    data = read_bytes(str(path))
    if len(data) > MAX_SETTINGS_SIZE:
        raise GongwenError(f"设置文件超过 {MAX_SETTINGS_SIZE // 1024} KB，拒绝读取", Place(str(path)))
    return decode_text(data, str(path))


def _cfg_sections(path: Path) -> Dict[str, dict]:
    """The [gongwen] and [gongwen.lint] sections of a setup.cfg ({} when it has neither)."""
    try:
        text = _text(path)
    except GongwenError:
        return {}
    if "[gongwen" not in text:
        return {}
    parser = configparser.ConfigParser()
    try:
        parser.read_string(text, str(path))
    except configparser.Error as exc:
        raise GongwenError(f"设置无法读取：{exc.__class__.__name__}", Place(str(path))) from None
    return {name: dict(parser.items(name)) for name in ("gongwen", "gongwen.lint") if parser.has_section(name)}


def _cfg_house(section: dict) -> dict:
    data: dict = {k: v for k, v in section.items() if not k.startswith("face_")}
    data["faces"] = {k[5:]: v for k, v in section.items() if k.startswith("face_")}
    return data


def _yaml_mapping(path: Path) -> dict:
    import yaml

    try:
        data = yaml.safe_load(_text(path)) or {}
    except yaml.YAMLError as exc:
        raise GongwenError(f"单位设置无法读取：{exc}", Place(str(path))) from None
    if not isinstance(data, dict):
        raise GongwenError("单位设置应为键值（faces: …、level3: …）", Place(str(path)))
    return data


def split_codes(value) -> List[str]:
    """Rule codes or prefixes from a list or a comma/space separated string, upper-cased."""
    if value is None:
        return []
    if isinstance(value, str):
        value = re.split(r"[,，\s]+", value)
    return [str(v).strip().upper() for v in value if v is not None and str(v).strip()]


def is_selected(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """Longest matching prefix wins; on a tie, ignore wins (``--ignore GW4 --select GW401``
    keeps GW401)."""
    best_select = max((len(p) for p in select if code.startswith(p)), default=-1)
    best_ignore = max((len(p) for p in ignore if code.startswith(p)), default=-1)
    return best_select > best_ignore


def _house_from(data: dict, path: str) -> House:
    profile = House(path=path)
    for key, value in data.items():
        if key not in HOUSE_KEYS:
            raise GongwenError(f"单位配置中未知的键 {key}；可用的键：{'、'.join(HOUSE_KEYS)}", Place(path))
    faces = data.get("faces") or {}
    if not isinstance(faces, dict):
        raise GongwenError("faces 应为键值，如 body: 仿宋", Place(path))
    for role, face in faces.items():
        if role not in DEFAULT_FACES:
            raise GongwenError(f"faces 中未知的角色 {role}；可用：{'、'.join(DEFAULT_FACES)}", Place(path))
        profile.faces[role] = str(face).strip()
    style = str(data.get("page_numbers", "outer"))
    if style not in PAGE_NUMBER_STYLES:
        raise GongwenError("page_numbers 只能是 outer（单页居右、双页居左）或 center（居中）", Place(path))
    profile.page_numbers = style
    level3 = str(data.get("level3", "1."))
    if level3 not in ("1.", "1．", ".", "．"):
        raise GongwenError("level3 只能是 \"1.\" 或 \"1．\"", Place(path))
    profile.level3 = level3[-1]
    profile.author = str(data.get("author") or "")
    profile.org = str(data.get("org") or "")
    return profile
