"""Packaging is quiet and complete: building the wheel or installing with `pip install -e .` (what
`make demo` does) prints none of setuptools' warnings about data folders taken for packages, and the
wheel carries every data file gongwen reads at run time. pip shows the build backend's output only
with -v, so the builds here are verbose. Needs a package index for the isolated build environment."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.paths import ROOT

PACKAGE = ROOT / "src" / "gongwen"
WARNINGS = ("Package would be ignored", "Installing 'gongwen.", "as data is deprecated",
            "SetuptoolsDeprecationWarning")


def pip(python: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONPATH", "VIRTUAL_ENV"))}
    return subprocess.run([python, "-m", "pip", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)


def no_index(done: subprocess.CompletedProcess) -> bool:
    text = done.stdout + done.stderr
    return done.returncode != 0 and ("No matching distribution" in text or "Could not find a version" in text)


def skip_or_fail(why: str):
    if os.environ.get("GONGWEN_REQUIRE_BUNDLE") == "1":
        pytest.fail(why)
    pytest.skip(why)


def assert_quiet(done: subprocess.CompletedProcess):
    text = done.stdout + done.stderr
    assert done.returncode == 0, text[-3000:]
    said = [w for w in WARNINGS if w in text]
    assert not said, (said, text[-3000:])


@pytest.mark.slow
def test_wheel_builds_quietly_with_every_data_file(tmp_path):
    done = pip(sys.executable, "wheel", "-v", "--no-deps", "-w", str(tmp_path), str(ROOT), cwd=tmp_path)
    if no_index(done):
        skip_or_fail("no package index for the build environment (setuptools)")
    assert_quiet(done)
    (wheel,) = tmp_path.glob("gongwen-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data = [*PACKAGE.glob("templates/*.docx"), PACKAGE / "lint" / "report.css", PACKAGE / "lint" / "report.js",
            PACKAGE / "spec" / "precompiled.bin", *(p for p in PACKAGE.glob("serve/static/**/*") if p.is_file())]
    absent = [p.relative_to(PACKAGE.parent).as_posix() for p in data
              if p.relative_to(PACKAGE.parent).as_posix() not in names]
    assert not absent, absent
    assert not [n for n in names if "__pycache__" in n or "node_modules" in n]


@pytest.mark.slow
def test_editable_install_prints_no_packaging_warning(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    done = pip(str(venv / "bin" / "python"), "install", "-v", "--no-deps", "-e", str(ROOT), cwd=tmp_path)
    if no_index(done):
        skip_or_fail("no package index for the build environment (setuptools)")
    assert_quiet(done)
