"""An office's house settings, read by build and lint alike.

Found in ``gongwen.yaml`` (top-level keys below) or in ``setup.cfg`` under
``[gongwen]``, in the folder of the file being built or linted or any parent.
gbt9704.md: offices differ (仿宋 vs 仿宋_GB2312, ``1．`` vs ``1.``), so these
belong to the office, not to code::

    faces:                 # setup.cfg: face_body = 仿宋
      body: 仿宋
      h2: 楷体
    page_numbers: center   # outer (GB/T 9704: odd right, even left) | center
    author: 清河县总工会调研组
    org: 清河县总工会
    level3: "1．"          # the level-3 marker variant: "1." (default) or "1．"
"""

from __future__ import annotations

import configparser
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Optional

from gongwen.errors import GongwenError, Place

#: Face roles and GB/T 9704 defaults (the names written into the built-in templates).
DEFAULT_FACES = {
    "title": "方正小标宋简体",
    "h1": "黑体",
    "h2": "楷体_GB2312",
    "body": "仿宋_GB2312",
    "page": "宋体",
}
PAGE_NUMBER_STYLES = ("outer", "center")
PROFILE_KEYS = ("faces", "page_numbers", "author", "org", "level3", "lint")


@dataclass
class Profile:
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


def find(start: Optional[Path] = None) -> Optional[Path]:
    """The nearest ``gongwen.yaml`` or ``setup.cfg`` with a [gongwen] section."""
    here = Path(start or Path.cwd()).resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        for name in ("gongwen.yaml", "gongwen.yml"):
            if (folder / name).is_file():
                return folder / name
        cfg = folder / "setup.cfg"
        if cfg.is_file() and "[gongwen]" in cfg.read_text(encoding="utf-8", errors="replace"):
            return cfg
    return None


_cache: Dict[Optional[Path], Profile] = {}


def load(start: Optional[Path] = None) -> Profile:
    """The profile that applies to files under ``start`` (defaults when there is none)."""
    path = find(start)
    if path not in _cache:
        _cache[path] = _read(path) if path else Profile()
    return _cache[path]


def _read(path: Path) -> Profile:
    if path.suffix == ".cfg":
        parser = configparser.ConfigParser()
        parser.read(path, encoding="utf-8")
        section = dict(parser["gongwen"])
        data: dict = {k: v for k, v in section.items() if not k.startswith("face_")}
        data["faces"] = {k[5:]: v for k, v in section.items() if k.startswith("face_")}
    else:
        import yaml

        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise GongwenError(f"单位配置无法读取：{exc}", Place(str(path))) from None
        if not isinstance(data, dict):
            raise GongwenError("单位配置应为键值（faces: …、level3: …）", Place(str(path)))
    return _validate(data, str(path))


def _validate(data: dict, path: str) -> Profile:
    profile = Profile(path=path)
    for key, value in data.items():
        if key not in PROFILE_KEYS:
            raise GongwenError(f"单位配置中未知的键 {key}；可用的键：{'、'.join(PROFILE_KEYS)}", Place(path))
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
