"""The wheels one target (platform + CPython version) needs, and the check that a folder holds all of them.

``pip download --platform … --python-version …`` picks wheels for the target but evaluates environment
markers for the machine it runs on: from Linux it never fetches ``colorama; platform_system == "Windows"``
(click on Windows), and for Python 3.13 it never fetches ``exceptiongroup; python_version < "3.11"``
(anyio on 3.9/3.10). So after pip's own pass, :func:`missing` walks the requirements from the root
again with the target's markers and names what the folder lacks; the caller downloads those and asks
again until nothing is missing.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from email.parser import Parser
from pathlib import Path

try:  # pip's test extra brings packaging; pip itself always vendors it
    from packaging.markers import Marker
    from packaging.requirements import Requirement
    from packaging.tags import Tag, compatible_tags, cpython_tags
    from packaging.utils import canonicalize_name, parse_wheel_filename
    from packaging.version import Version
except ImportError:  # pragma: no cover
    from pip._vendor.packaging.markers import Marker  # type: ignore
    from pip._vendor.packaging.requirements import Requirement  # type: ignore
    from pip._vendor.packaging.tags import Tag, compatible_tags, cpython_tags  # type: ignore
    from pip._vendor.packaging.utils import canonicalize_name, parse_wheel_filename  # type: ignore
    from pip._vendor.packaging.version import Version  # type: ignore

#: pip's --platform values per system; the manylinux list covers glibc 2.17 (CentOS 7 era) and newer.
PLATFORMS = {
    "win": ["win_amd64"],
    "linux": ["manylinux_2_28_x86_64", "manylinux2014_x86_64", "manylinux_2_17_x86_64"],
}
#: Environment markers of each system (PEP 508), the rest come from the Python version.
SYSTEM_MARKERS = {
    "win": {"os_name": "nt", "sys_platform": "win32", "platform_system": "Windows", "platform_machine": "AMD64"},
    "linux": {"os_name": "posix", "sys_platform": "linux", "platform_system": "Linux",
              "platform_machine": "x86_64"},
}


@dataclass(frozen=True)
class Target:
    system: str  # "win" or "linux"
    python: str  # "3.11"

    @property
    def nodot(self) -> str:
        return self.python.replace(".", "")

    def pip_args(self) -> list:
        args = ["--only-binary=:all:", "--implementation", "cp", "--python-version", self.python]
        for platform in PLATFORMS[self.system]:
            args += ["--platform", platform]
        for abi in (f"cp{self.nodot}", "abi3", "none"):
            args += ["--abi", abi]
        return args

    def tags(self) -> set:
        version = tuple(int(x) for x in self.python.split("."))
        platforms = expand_platforms(PLATFORMS[self.system])
        tags = set(cpython_tags(version, abis=[f"cp{self.nodot}", "abi3", "none"], platforms=platforms))
        tags |= set(compatible_tags(version, interpreter=f"cp{self.nodot}", platforms=platforms))
        return tags

    def markers(self) -> dict:
        major, minor = self.python.split(".")
        env = dict(SYSTEM_MARKERS[self.system])
        env.update(python_version=self.python, python_full_version=f"{self.python}.0",
                   implementation_name="cpython", platform_python_implementation="CPython",
                   implementation_version=f"{self.python}.0", platform_release="", platform_version="")
        return env

    def __str__(self) -> str:
        return f"{self.system}-cp{self.nodot}"


def expand_platforms(platforms: list) -> list:
    """manylinux_2_28 also accepts every older manylinux wheel (as pip does)."""
    out = []
    for platform in platforms:
        out.append(platform)
        if platform.startswith("manylinux_2_"):
            top = int(platform.split("_")[2])
            out += [f"manylinux_2_{minor}_x86_64" for minor in range(top - 1, 4, -1)]
            out += ["manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64"]
    return list(dict.fromkeys(out))


def wheels_for(folder: Path, target: Target) -> dict:
    """{canonical name: [(version, path)]} of the wheels in ``folder`` that ``target`` can install."""
    tags = target.tags()
    out: dict = {}
    for path in sorted(folder.glob("*.whl")):
        name, version, _build, wheel_tags = parse_wheel_filename(path.name)
        if any(tag in tags for tag in wheel_tags):
            out.setdefault(canonicalize_name(name), []).append((version, path))
    return out


def requires(path: Path) -> list:
    """Requires-Dist of a wheel."""
    with zipfile.ZipFile(path) as archive:
        meta = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA") and n.count("/") == 1)
        text = archive.read(meta).decode("utf-8")
    return [Requirement(r) for r in Parser().parsestr(text).get_all("Requires-Dist") or []]


def requires_python(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        meta = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA") and n.count("/") == 1)
        text = archive.read(meta).decode("utf-8")
    return Parser().parsestr(text).get("Requires-Python") or ""


def applies(req: Requirement, env: dict, extras: set) -> bool:
    if req.marker is None:
        return True
    return any(req.marker.evaluate(dict(env, extra=extra)) for extra in (extras or {""}))


def missing(folder: Path, roots: list, target: Target) -> tuple:
    """(requirements the folder cannot satisfy for ``target``, wheel files it needs)."""
    available = wheels_for(folder, target)
    env = target.markers()
    python = Version(f"{target.python}.0")
    queue = [Requirement(r) for r in roots]
    seen: set = set()
    lacking: list = []
    needed: set = set()
    while queue:
        req = queue.pop()
        key = (canonicalize_name(req.name), str(req.specifier), tuple(sorted(req.extras)))
        if key in seen:
            continue
        seen.add(key)
        candidates = [(v, p) for v, p in available.get(key[0], [])
                      if req.specifier.contains(v, prereleases=True) and fits_python(p, python)]
        if not candidates:
            lacking.append(req)
            continue
        _version, path = max(candidates, key=lambda c: c[0])
        needed.add(path)
        queue += [r for r in requires(path) if applies(r, env, set(req.extras))]
    return lacking, needed


def fits_python(path: Path, python: Version) -> bool:
    spec = requires_python(path)
    if not spec:
        return True
    try:
        from packaging.specifiers import SpecifierSet
    except ImportError:  # pragma: no cover
        from pip._vendor.packaging.specifiers import SpecifierSet  # type: ignore
    return SpecifierSet(spec).contains(python, prereleases=True)


def plain(req: Requirement) -> str:
    """The requirement without its marker, for pip download."""
    extras = f"[{','.join(sorted(req.extras))}]" if req.extras else ""
    return f"{req.name}{extras}{req.specifier}"


__all__ = ["Marker", "Tag", "Target", "missing", "plain", "wheels_for"]
