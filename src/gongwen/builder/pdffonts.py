"""Which free fonts stand in for the official faces in PDF previews, told to LibreOffice
through a private fontconfig file.

The .docx keeps the official face names (仿宋_GB2312, 方正小标宋简体, …); those
licensed fonts are rarely installed on a server.  :func:`font_plan` asks
fontconfig (``fc-list``) once per process which families are installed and maps
each missing official face to the best free one (:data:`SUBSTITUTES`);
:func:`fontconfig_text` writes that plan as rules for ``FONTCONFIG_FILE``, and
:func:`faces_used` says which faces one document asks for, so each PDF reports
only its own substitutions.  Running LibreOffice is :mod:`gongwen.builder.pdf`.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import tempfile
from typing import Dict, List, Optional, Sequence, Tuple, Union

from gongwen.errors import ReadError
from gongwen.ooxml.names import escape

PathLike = Union[str, os.PathLike]


#: Official face name → free fonts to use instead, best first: (family, bold).
#: A family also matches installed families that extend it ("AR PL UKai" → "AR PL UKai CN").
#: 仿宋: FandolFang (in Debian's texlive-lang-chinese) or 朱雀仿宋 look like the real face; 楷: FandolKai,
#: AR PL UKai (fonts-arphic-ukai) or LXGW WenKai (fonts-lxgw-wenkai); 黑: a sans; the title face:
#: a bold serif, the nearest free look to 小标宋.  The CJK serif is the last resort for each.
_FANG = (("FandolFang", False), ("Zhuque Fangsong", False), ("Noto Serif CJK SC", False),
         ("Source Han Serif SC", False), ("AR PL UMing", False), ("Noto Sans CJK SC", False))
_KAI = (("FandolKai", False), ("AR PL UKai", False), ("LXGW WenKai", False), ("AR PL KaitiM GB", False),
        ("Noto Serif CJK SC", False), ("Source Han Serif SC", False), ("Noto Sans CJK SC", False))
_HEI = (("FandolHei", False), ("Noto Sans CJK SC", False), ("Source Han Sans SC", False),
        ("WenQuanYi Zen Hei", False), ("WenQuanYi Micro Hei", False), ("Droid Sans Fallback", False))
_SONG = (("FandolSong", False), ("Noto Serif CJK SC", False), ("Source Han Serif SC", False),
         ("AR PL UMing", False), ("Noto Sans CJK SC", False))
_XIAOBIAOSONG = (("Noto Serif CJK SC", True), ("Source Han Serif SC", True), ("FandolSong", True),
                 ("AR PL UMing", True), ("Noto Sans CJK SC", True))
_TIMES = (("Liberation Serif", False), ("TeX Gyre Termes", False), ("Nimbus Roman", False),
          ("FreeSerif", False))
_SANS = (("Liberation Sans", False), ("TeX Gyre Heros", False), ("Nimbus Sans", False), ("DejaVu Sans", False))
SUBSTITUTES: Dict[str, Tuple[Tuple[str, bool], ...]] = {
    "仿宋_GB2312": _FANG, "仿宋": _FANG, "FangSong": _FANG, "FangSong_GB2312": _FANG,
    "方正仿宋_GBK": _FANG, "方正仿宋简体": _FANG, "华文仿宋": _FANG, "STFangsong": _FANG,
    "楷体_GB2312": _KAI, "楷体": _KAI, "KaiTi": _KAI, "KaiTi_GB2312": _KAI,
    "方正楷体_GBK": _KAI, "方正楷体简体": _KAI, "华文楷体": _KAI, "STKaiti": _KAI,
    "黑体": _HEI, "SimHei": _HEI, "方正黑体_GBK": _HEI, "方正黑体简体": _HEI, "华文黑体": _HEI,
    "STHeiti": _HEI, "微软雅黑": _HEI, "Microsoft YaHei": _HEI,
    "方正小标宋简体": _XIAOBIAOSONG, "方正小标宋_GBK": _XIAOBIAOSONG, "小标宋": _XIAOBIAOSONG,
    "华文中宋": _XIAOBIAOSONG, "STZhongsong": _XIAOBIAOSONG,
    "宋体": _SONG, "SimSun": _SONG, "新宋体": _SONG, "NSimSun": _SONG, "方正书宋_GBK": _SONG,
    "华文宋体": _SONG, "STSong": _SONG,
    "Times New Roman": _TIMES, "Arial": _SANS,
}
#: Faces not listed above, recognised by their name (方正仿宋_GB18030, 汉仪楷体简 …): first match wins.
_BY_NAME = ((("小标宋", "标宋", "中宋", "zhongsong"), _XIAOBIAOSONG),
            (("仿宋", "fangsong"), _FANG),
            (("楷", "kaiti", "simkai"), _KAI),
            (("黑", "heiti", "simhei", "yahei"), _HEI),
            (("宋", "song", "simsun"), _SONG))


def candidates(face: str) -> Tuple[Tuple[str, bool], ...]:
    """The free fonts that may stand in for ``face``, best first (empty: not a face we know)."""
    if face in SUBSTITUTES:
        return SUBSTITUTES[face]
    low = face.lower().replace(" ", "")
    for keys, fonts in _BY_NAME:
        if any(k in low for k in keys):
            return fonts
    return ()


def is_title_face(face: str) -> bool:
    """The face of titles (小标宋 and its kin): its substitute is bold."""
    return candidates(face) is _XIAOBIAOSONG


#: Folders where free CJK fonts live without being known to fontconfig
#: (Debian's texlive-lang-chinese ships the Fandol fonts here).
EXTRA_FONT_DIRS = (
    "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol",
    "/usr/share/texmf/fonts/opentype/public/fandol",
    "/usr/local/share/fonts/fandol",
)


def _extra_dirs() -> List[str]:
    return [d for d in EXTRA_FONT_DIRS if os.path.isdir(d)]


def _base_config(extra_dirs: Sequence[str]) -> str:
    dirs = "".join(f"  <dir>{escape(d)}</dir>\n" for d in extra_dirs)
    return ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
            "<!-- Written by gongwen for LibreOffice PDF previews only. -->\n<fontconfig>\n"
            '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n' + dirs)


def _families(config_file: Optional[str]) -> List[str]:
    """Every family name fontconfig knows (localised names included)."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return []
    env = dict(os.environ)
    if config_file:
        env["FONTCONFIG_FILE"] = config_file
    try:
        out = subprocess.run([fc_list, ":", "family"], capture_output=True, env=env, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    names = []
    for line in out.decode("utf-8", "replace").splitlines():
        names.extend(n.strip().replace("\\-", "-") for n in line.split(",") if n.strip())
    return sorted(set(names))


def _installed(family: str, families: Sequence[str]) -> Optional[str]:
    """The installed family matching ``family`` exactly or as a prefix, if any."""
    low = family.lower()
    for name in families:
        if name.lower() == low:
            return name
    for name in families:
        if name.lower().startswith(low + " "):
            return name
    return None


@functools.lru_cache(maxsize=1)
def _probe() -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
    """(installed families, extra font dirs), probed once per process with ``fc-list`` under a
    configuration that also sees :data:`EXTRA_FONT_DIRS`; no families without fontconfig."""
    extra = tuple(_extra_dirs())
    if not shutil.which("fc-list"):
        return (), extra  # no fontconfig (macOS, Windows): LibreOffice substitutes on its own
    config = None
    try:
        if extra:
            fd, config = tempfile.mkstemp(prefix="gongwen-fc-", suffix=".conf")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(_base_config(extra) + "</fontconfig>\n")
        families = _families(config)
    finally:
        if config:
            os.unlink(config)
    return tuple(families), extra


def font_plan(faces: Sequence[str] = ()) -> Tuple[Tuple[Tuple[str, str, bool], ...], Tuple[str, ...]]:
    """((official face, free family, bold), …) for faces not installed; and extra font dirs.

    Covers :data:`SUBSTITUTES` and ``faces`` (those a document asks for: office
    faces such as 方正黑体_GBK are recognised by name, :func:`candidates`).
    Faces that are really installed map to themselves and are left out; so is
    everything when fontconfig is missing.
    """
    families, extra = _probe()
    if not families:
        return (), extra
    plan = []
    for face in list(SUBSTITUTES) + [f for f in dict.fromkeys(faces) if f not in SUBSTITUTES]:
        if _installed(face, families):
            continue  # the real face is installed
        for family, bold in candidates(face):
            name = _installed(family, families)
            if name:
                plan.append((face, name, bold))
                break
    return tuple(plan), extra


def missing(faces: Sequence[str]) -> List[str]:
    """The faces in ``faces`` that are neither installed nor given a substitute by :func:`font_plan`
    (LibreOffice falls back on its own for them); none without fontconfig."""
    families, _ = _probe()
    if not families:
        return []
    planned = {face for face, _, _ in font_plan(faces)[0]}
    return [f for f in dict.fromkeys(faces) if f not in planned and not _installed(f, families)]


def fontconfig_text(plan: Sequence[Tuple[str, str, bool]], extra_dirs: Sequence[str] = ()) -> str:
    """A fontconfig file: the system configuration plus one rule per substituted face."""
    rules = []
    for face, family, bold in plan:
        weight = ('\n    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>'
                  if bold else "")
        rules.append(f'  <match target="pattern">\n'
                     f'    <test qual="any" name="family"><string>{escape(face)}</string></test>\n'
                     f'    <edit name="family" mode="assign" binding="strong"><string>{escape(family)}</string></edit>'
                     f"{weight}\n  </match>\n")
    return _base_config(extra_dirs) + "".join(rules) + "</fontconfig>\n"


_FONT_TAG = re.compile(rb"<w:(?:rFonts|font)\b[^>]*>")
_FACE_ATTR = re.compile(rb'\sw:(?:eastAsia|ascii|hAnsi|cs|name)="([^"]+)"')


def faces_used(docx: PathLike) -> List[str]:
    """Font names a .docx asks for (runs, styles, footers, font table); read through the
    bounded package reader, so a damaged or hostile file yields what could be read."""
    from gongwen.ooxml.package import open_docx

    names: List[str] = []
    try:
        with open_docx(str(docx)) as z:
            for part in z.members():
                if part.startswith("word/") and part.endswith(".xml") and z.size(part) < 20_000_000:
                    for tag in _FONT_TAG.finditer(z.read(part)):
                        for m in _FACE_ATTR.finditer(tag.group(0)):
                            name = m.group(1).decode("utf-8", "replace")
                            if name not in names:
                                names.append(name)
    except ReadError:
        pass
    return names
