"""Build gongwen's wheel and the offline install bundle for office PCs (``make dist``).

    out/dist/gongwen-<version>-py3-none-any.whl
    out/dist/gongwen-<version>-offline/      wheels/ install.bat install.sh README-安装.txt 示例/
    out/dist/gongwen-<version>-offline.zip

``wheels/`` holds gongwen, pip and every dependency of gongwen and of its extras (read from setup.cfg,
all but ``test``) for each target: Windows (win_amd64) and Linux (manylinux x86_64) × the CPython
versions given. Needs a package index to download from; installing from the bundle needs none.

    python .ci/bundle/make_bundle.py                         # every target
    python .ci/bundle/make_bundle.py --systems linux --pythons current --no-zip
"""

from __future__ import annotations

import argparse
import configparser
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from wheelset import Target, missing, plain

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT_PYTHONS = ("3.9", "3.10", "3.11", "3.12", "3.13", "3.14", "3.15")
EXAMPLES = ROOT / "content"
#: Extras that are for developers, never for an office PC.
DEV_EXTRAS = {"test", "dev", "docs"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "dist")
    parser.add_argument("--systems", default="win,linux", help="win,linux")
    parser.add_argument("--pythons", default=",".join(DEFAULT_PYTHONS), help="3.9,3.10,… or 'current'")
    parser.add_argument("--wheel", type=Path, help="use this gongwen wheel instead of building one")
    parser.add_argument("--no-zip", action="store_true")
    args = parser.parse_args(argv)
    pythons = [f"{sys.version_info[0]}.{sys.version_info[1]}"] if args.pythons == "current" \
        else args.pythons.split(",")
    targets = [Target(system, python) for system in args.systems.split(",") for python in pythons]
    args.out.mkdir(parents=True, exist_ok=True)
    wheel = args.wheel or build_wheel(args.out)
    version = wheel.name.split("-")[1]
    extras = bundled_extras()
    bundle = args.out / f"gongwen-{version}-offline"
    if bundle.exists():
        shutil.rmtree(bundle)
    wheels = bundle / "wheels"
    wheels.mkdir(parents=True)
    shutil.copy2(wheel, wheels / wheel.name)
    root = f"gongwen{'[' + ','.join(extras) + ']' if extras else ''}=={version}"
    needed: set = set()
    for target in targets:
        needed |= fill(wheels, wheel, extras, root, target)
    for path in wheels.glob("*.whl"):  # pip's host-marker guesses that no target needs
        if path not in needed:
            path.unlink()
    write_scripts(bundle, version, extras, pythons)
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    print(f"bundle: {bundle} ({len(list(wheels.glob('*.whl')))} wheels, {size / 1e6:.1f} MB)")
    if not args.no_zip:
        archive = zip_bundle(bundle)
        print(f"zip: {archive} ({archive.stat().st_size / 1e6:.1f} MB)")
    return 0


def build_wheel(out: Path) -> Path:
    for old in out.glob("gongwen-*.whl"):
        old.unlink()
    pip(["wheel", "--no-deps", "-w", str(out), str(ROOT)])
    return next(out.glob("gongwen-*.whl"))


def bundled_extras() -> list:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    if not config.has_section("options.extras_require"):
        return []
    return sorted(name for name in config["options.extras_require"] if name not in DEV_EXTRAS)


def fill(wheels: Path, wheel: Path, extras: list, root: str, target: Target) -> set:
    """Download what ``target`` needs into ``wheels``; the wheel files it needs."""
    print(f"== {target}", flush=True)
    spec = f"{wheel}{'[' + ','.join(extras) + ']' if extras else ''}"
    # pip resolves versions for the target; it may stop at a wheel it guesses for the host's markers
    pip(["download", "-q", "-d", str(wheels), *target.pip_args(), spec, "pip"], check=False)
    for _round in range(8):
        lacking, needed = missing(wheels, [root, "pip"], target)
        if not lacking:
            return needed
        for req in lacking:
            print(f"   + {plain(req)}", flush=True)
            pip(["download", "-q", "--no-deps", "-d", str(wheels), *target.pip_args(), plain(req)])
    raise SystemExit(f"{target}: still missing {', '.join(map(str, lacking))}")


def pip(args: list, check: bool = True) -> int:
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    done = subprocess.run([sys.executable, "-m", "pip", *args], env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    quiet = "\n".join(line for line in done.stdout.splitlines() if "is ignored: it is neither" not in line)
    if done.returncode and check:
        print(quiet, file=sys.stderr)
        raise SystemExit(f"pip {' '.join(args[:2])} failed ({done.returncode})")
    return done.returncode


def write_scripts(bundle: Path, version: str, extras: list, pythons: list) -> None:
    ordered = sorted(pythons, key=lambda v: tuple(map(int, v.split("."))))
    values = {
        "@VERSION@": version,
        "@EXTRAS@": f"[{','.join(extras)}]" if extras else "",
        "@PYMIN@": ordered[0], "@PYMAX@": ordered[-1],
        "@PYTHONS@": " ".join(reversed(ordered)),
        "@PYMIN_TUPLE@": ordered[0].replace(".", ","), "@PYMAX_TUPLE@": ordered[-1].replace(".", ","),
    }

    def render(name: str) -> str:
        text = (HERE / name).read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(key, value)
        leftover = re.findall(r"@[A-Z_]+@", text)
        assert not leftover, (name, leftover)
        return text

    (bundle / "install.sh").write_text(render("install.sh"), encoding="utf-8", newline="\n")
    (bundle / "install.sh").chmod(0o755)
    # cmd.exe reads a .bat in the console's code page: GBK (936) on Chinese Windows
    (bundle / "install.bat").write_text(render("install.bat"), encoding="gbk", newline="\r\n")
    # Notepad reads UTF-8 with a BOM on every Windows version
    (bundle / "README-安装.txt").write_text(render("README-安装.txt"), encoding="utf-8-sig", newline="\r\n")
    examples = bundle / "示例"
    examples.mkdir()
    for path in sorted(EXAMPLES.glob("*.yaml")):
        shutil.copy2(path, examples / path.name)


def zip_bundle(bundle: Path) -> Path:
    archive = bundle.parent / f"{bundle.name}.zip"
    if archive.exists():
        archive.unlink()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(bundle.rglob("*")):
            if path.is_file():
                name = path.relative_to(bundle.parent).as_posix()
                info = zipfile.ZipInfo.from_file(path, name)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = (0o755 if path.name == "install.sh" else 0o644) << 16
                out.writestr(info, path.read_bytes())
    return archive


if __name__ == "__main__":
    sys.exit(main())
