"""The offline bundle (`make dist`): built for Linux and the running Python, installed by install.sh
into a fresh venv with no index (HOME is a temporary folder, so nothing real is touched), and the
installed gongwen builds the examples. install.bat cannot run here: its text is checked for the steps.

Building needs a package index; where none answers the test skips, unless GONGWEN_REQUIRE_BUNDLE=1
(CI) makes it fail."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from tests.paths import ROOT

TOOLS = ROOT / ".ci" / "bundle"
MAKE = TOOLS / "make_bundle.py"


def clean_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "XDG_"))}
    env.update(extra)
    return env


def index_answers(tmp: Path) -> bool:
    done = subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
                           "-d", str(tmp), "click"], capture_output=True, timeout=300)
    return done.returncode == 0


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    if not index_answers(out / "probe"):
        if os.environ.get("GONGWEN_REQUIRE_BUNDLE") == "1":
            pytest.fail("no package index answers: the bundle cannot be built")
        pytest.skip("no package index answers here: the offline bundle cannot be built")
    done = subprocess.run([sys.executable, str(MAKE), "--out", str(out), "--systems", "linux",
                           "--pythons", "current"], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    (folder,) = out.glob("gongwen-*-offline")
    assert (out / f"{folder.name}.zip").is_file()
    return folder


@pytest.mark.slow
def test_bundle_installs_offline_and_builds_the_examples(bundle, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    # unzip as a writer would: the zip alone, somewhere else
    with zipfile.ZipFile(bundle.parent / f"{bundle.name}.zip") as archive:
        archive.extractall(tmp_path / "usb")
    unpacked = tmp_path / "usb" / bundle.name
    env = clean_env(HOME=str(home), GONGWEN_PYTHON=sys.executable)
    first = subprocess.run(["sh", str(unpacked / "install.sh")], env=env, capture_output=True, text=True,
                           timeout=600)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "安装完成" in first.stdout and "创建运行环境" in first.stdout
    venv = home / ".local" / "share" / "gongwen" / "venv"
    gongwen = home / ".local" / "bin" / "gongwen"
    assert gongwen.resolve() == (venv / "bin" / "gongwen").resolve()
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import gongwen; print(gongwen.__file__)"],
                           env=env, capture_output=True, text=True, cwd=tmp_path)
    assert str(venv) in where.stdout, where  # the installed copy, not this source tree

    work = home / "Documents" / "gongwen"
    for name in ("speech.yaml", "notice.yaml"):
        assert (work / "示例" / name).is_file()
    built = subprocess.run([str(gongwen), "build", "示例/speech.yaml", "示例/notice.yaml", "-o", "out"],
                           env=env, capture_output=True, text=True, cwd=work, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    for name in ("speech.docx", "notice.docx"):
        assert docx.Document(work / "out" / name).paragraphs

    desktop = (home / "Desktop" / "gongwen.desktop").read_text(encoding="utf-8")
    assert "Name=gongwen" in desktop and "Terminal=true" in desktop
    start = home / ".local" / "share" / "gongwen" / "gongwen-start.sh"
    assert f'Exec="{start}"' in desktop and os.access(start, os.X_OK)

    # running it again upgrades in place and keeps the writer's files
    (work / "示例" / "notice.yaml").write_text("kind: 通知\ntitle: 我改过的通知\n", encoding="utf-8")
    again = subprocess.run(["sh", str(unpacked / "install.sh")], env=env, capture_output=True, text=True,
                           timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "升级已有安装" in again.stdout
    assert "我改过的通知" in (work / "示例" / "notice.yaml").read_text(encoding="utf-8")


@pytest.mark.slow
def test_launcher_falls_back_to_a_console_with_help(bundle, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = clean_env(HOME=str(home), GONGWEN_PYTHON=sys.executable)
    done = subprocess.run(["sh", str(bundle / "install.sh")], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    start = home / ".local" / "share" / "gongwen" / "gongwen-start.sh"
    probe = subprocess.run([str(home / ".local" / "share" / "gongwen" / "venv" / "bin" / "python"), "-c",
                            "import gongwen.serve.app"], env=env, capture_output=True, timeout=120)
    if probe.returncode == 0:
        pytest.skip("serve is installed: the launcher opens the web page instead of a console")
    shown = subprocess.run(["sh", str(start)], env=dict(env, SHELL="/bin/true"), stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert "网页版没有启动" in shown.stdout and "gongwen build" in shown.stdout
    assert "在这个窗口里输入 gongwen 命令" in shown.stdout


@pytest.mark.slow
def test_bundle_files_are_readable_on_windows(bundle):
    bat = (bundle / "install.bat").read_bytes()
    assert b"\r\n" in bat and b"\n" not in bat.replace(b"\r\n", b"")
    text = bat.decode("gbk")  # cmd.exe on Chinese Windows reads the console code page
    assert "安装完成" in text and "@" + "VERSION@" not in text
    readme = (bundle / "README-安装.txt").read_bytes()
    assert readme.startswith("\ufeff".encode("utf-8")) and "install.bat" in readme.decode("utf-8-sig")
    names = [p.name for p in (bundle / "wheels").glob("*.whl")]
    assert any(n.startswith("gongwen-") for n in names) and any(n.startswith("lxml-") for n in names)
    assert all(n.endswith(("none-any.whl", "x86_64.whl")) for n in names), names
