"""The bundle's pieces that need no network: install.bat's steps (it cannot run here), install.sh's,
the extras read from setup.cfg, and the check that a wheel folder holds everything a target needs,
with the target's own markers (pip download evaluates them for the machine it runs on)."""

from __future__ import annotations

import configparser
import importlib
import sys
import zipfile
from pathlib import Path

import pytest

from tests.paths import ROOT

TOOLS = ROOT / ".ci" / "bundle"


@pytest.fixture(scope="module")
def tools():
    sys.path.insert(0, str(TOOLS))
    try:
        yield importlib.import_module("make_bundle"), importlib.import_module("wheelset")
    finally:
        sys.path.remove(str(TOOLS))


def text(name: str) -> str:
    return (TOOLS / name).read_text(encoding="utf-8")


def test_install_bat_steps_in_order():
    bat = text("install.bat")
    bat.encode("gbk")  # written in GBK for cmd.exe: every character must exist there
    steps = [
        'for %%v in (@PYTHONS@)',                       # the py launcher, newest supported first
        'py -%%v -c',
        'python -c "%CHECK%"',                           # else python on PATH
        '%PY% -m venv "%VENV%"',
        '--no-index --find-links "%WHEELS%" --upgrade "gongwen@EXTRAS@"',
        'echo gongwen serve',                            # the launcher: the web page …
        'echo if not errorlevel 1 goto :eof',
        'echo gongwen --help',                           # … else a console with the help
        'echo cmd /k',
        "GetFolderPath('Desktop')",
        "gongwen.lnk",
        'copy /y "%START%" "%DESK%\\gongwen.bat"',      # no PowerShell: a .bat on the desktop
        "安装完成",
    ]
    at = 0
    for step in steps:  # each after the one before
        found = bat.find(step, at)
        assert found >= 0, step
        at = found
    assert 'set "PREFIX=%LOCALAPPDATA%\\gongwen"' in bat and 'set "VENV=%PREFIX%\\venv"' in bat
    assert 'set "PIP_CONFIG_FILE=NUL"' in bat and "http" not in bat.lower()
    assert "升级已有安装" in bat and 'rmdir /s /q "%VENV%"' in bat  # re-running upgrades; a dead venv is redone


def test_install_sh_steps():
    sh = text("install.sh")
    for step in ('PREFIX="${XDG_DATA_HOME:-$HOME/.local/share}/gongwen"', '"$PY" -m venv "$VENV"',
                 '--no-index --find-links "$WHEELS" --upgrade "gongwen@EXTRAS@"', "gongwen serve && exit 0",
                 "gongwen.desktop", "export PIP_CONFIG_FILE=/dev/null"):
        assert step in sh, step
    assert "http" not in sh.lower()


def test_readme_in_the_bundle_is_chinese_steps():
    readme = text("README-安装.txt")
    for step in ("全部解压缩", "双击 install.bat", "桌面上的「gongwen」", "install.sh", "卸载"):
        assert step in readme, step


def test_extras_come_from_setup_cfg(tools):
    make_bundle, _ = tools
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    declared = set(config["options.extras_require"]) if config.has_section("options.extras_require") else set()
    assert set(make_bundle.bundled_extras()) == declared - {"test", "dev", "docs"}


def fake_wheel(folder: Path, name: str, version: str, tag: str, requires=(), python: str = "") -> Path:
    path = folder / f"{name}-{version}-{tag}.whl"
    meta = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    meta += f"Requires-Python: {python}\n" if python else ""
    meta += "".join(f"Requires-Dist: {r}\n" for r in requires)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{name}-{version}.dist-info/METADATA", meta)
    return path


def test_missing_uses_the_targets_markers(tools, tmp_path):
    _, wheelset = tools
    fake_wheel(tmp_path, "gongwen", "1.0", "py3-none-any",
               ["click>=8", "lxml>=4.9", 'uvicorn>=0.29; extra == "serve"', 'pytest; extra == "test"'])
    fake_wheel(tmp_path, "click", "8.1", "py3-none-any", ['colorama; platform_system == "Windows"'])
    fake_wheel(tmp_path, "uvicorn", "0.30", "py3-none-any", ['typing_extensions; python_version < "3.11"'])
    fake_wheel(tmp_path, "lxml", "6.0", "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64")
    fake_wheel(tmp_path, "lxml", "6.0", "cp39-cp39-win_amd64")
    linux = wheelset.Target("linux", "3.11")
    lacking, needed = wheelset.missing(tmp_path, ["gongwen[serve]"], linux)
    assert lacking == [] and len(needed) == 4  # no colorama, no typing_extensions, no pytest
    lacking, _ = wheelset.missing(tmp_path, ["gongwen[serve]"], wheelset.Target("win", "3.9"))
    assert sorted(r.name for r in lacking) == ["colorama", "typing_extensions"]
    lacking, _ = wheelset.missing(tmp_path, ["gongwen[serve]"], wheelset.Target("linux", "3.12"))
    assert [r.name for r in lacking] == ["lxml"]  # the cp311 wheel does not fit 3.12
    lacking, _ = wheelset.missing(tmp_path, ["gongwen"], wheelset.Target("win", "3.11"))
    assert sorted(r.name for r in lacking) == ["colorama", "lxml"]  # no extra asked: no uvicorn


def test_requires_python_is_honoured(tools, tmp_path):
    _, wheelset = tools
    fake_wheel(tmp_path, "starlette", "1.0", "py3-none-any", python=">=3.10")
    lacking, _ = wheelset.missing(tmp_path, ["starlette"], wheelset.Target("linux", "3.9"))
    assert [r.name for r in lacking] == ["starlette"]
    assert wheelset.missing(tmp_path, ["starlette"], wheelset.Target("linux", "3.10"))[0] == []


def test_pip_arguments_name_the_target(tools):
    _, wheelset = tools
    args = wheelset.Target("win", "3.12").pip_args()
    assert "--only-binary=:all:" in args and args[args.index("--platform") + 1] == "win_amd64"
    assert ["--python-version", "3.12"] == args[args.index("--python-version"):][:2]
    assert "cp312" in args and "--implementation" in args
