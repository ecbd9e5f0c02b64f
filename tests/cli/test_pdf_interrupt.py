"""Ctrl-C, SIGTERM and SIGHUP during ``gongwen build --pdf``: LibreOffice does not outlive the build,
and nothing it wrote is left behind or readable by others.

The build runs as a real process whose ``TMPDIR`` is a folder of the test, so
every temporary file it or LibreOffice makes can be looked for afterwards.  The
stand-in ``soffice`` (tests/soffice_stub.py, ``hang-family``) behaves like
LibreOffice where it matters: it starts a child (oosplash starts soffice.bin),
writes a half PDF into ``$TMPDIR`` and hangs.  One slow test does the same with
the real LibreOffice.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gongwen.builder import pdf

from tests.paths import gongwen_env
from tests.processes import gongwen_command
from tests.soffice_stub import FAKE

pytestmark = pytest.mark.skipif(os.name != "posix", reason="signals and process groups are POSIX")

CONTENT = "kind: speech\ntitle: 中断测试\nsections:\n  - heading: 一个部分\n    paragraphs: [正文。]\n"
REQUIRED = os.environ.get("GONGWEN_REQUIRE_PDF") == "1"


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


def wait_for(predicate, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def start_build(tmp_path: Path, soffice: str, count: int = 1, **env) -> subprocess.Popen:
    """``gongwen build … --pdf`` as a process of its own, with TMPDIR inside ``tmp_path``."""
    content = tmp_path / "content"
    content.mkdir()
    for i in range(count):
        (content / f"doc{i}.yaml").write_text(CONTENT, encoding="utf-8")
    temp = tmp_path / "tmp"
    temp.mkdir()
    return subprocess.Popen(gongwen_command() + ["build", str(content), "-o", str(tmp_path / "out"), "--pdf"],
                            cwd=tmp_path, env=gongwen_env(GONGWEN_SOFFICE=soffice, TMPDIR=str(temp), **env),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=default_signals)


def default_signals() -> None:
    """In the child: the signals' default actions, even when the test run ignores some (nohup, ``&``)."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)


def stand_in(tmp_path: Path) -> Path:
    script = tmp_path / "soffice"
    script.write_text(FAKE.format(python=sys.executable), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def leftovers(temp: Path) -> list:
    return sorted(str(p.relative_to(temp)) for p in temp.rglob("*"))


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["ctrl-c", "sigterm", "sighup"])
def test_an_interrupted_pdf_step_leaves_no_libreoffice_and_no_files(tmp_path, how):
    log = tmp_path / "calls.log"
    build = start_build(tmp_path, str(stand_in(tmp_path)), FAKE_SOFFICE="hang-family", FAKE_SOFFICE_LOG=str(log))
    pids_file = Path(str(log) + ".pids")
    try:
        # the stand-in writes both ids after creating the file: wait for the whole line
        assert wait_for(lambda: pids_file.exists() and len(pids_file.read_text().split()) == 2), \
            "the stand-in soffice never started"
        soffice_pid, child_pid = map(int, pids_file.read_text().split())
        temp = tmp_path / "tmp"
        # While it runs: the work folder is private, and LibreOffice's temporary files are inside it.
        work = [p for p in temp.iterdir() if p.name.startswith(pdf.PROFILE_PREFIX)]
        assert len(work) == 1 and stat.S_IMODE(work[0].stat().st_mode) == 0o700, work
        assert not (temp / "lu-fake.tmp").exists(), "LibreOffice's TMPDIR is not the private work folder"
        for folder in work[0].rglob("*"):
            if folder.is_dir():
                assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
        build.send_signal(how)  # as the terminal does: to gongwen, not to LibreOffice's own group
        _, err = build.communicate(timeout=60)
    finally:
        if build.poll() is None:
            build.kill()
            build.communicate()
    err = err.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    if how == signal.SIGINT:
        assert build.returncode == 130, (build.returncode, err)
        assert "已中断" in err, err
    else:
        assert build.returncode == -how, (build.returncode, err)
    assert wait_for(lambda: not alive(soffice_pid) and not alive(child_pid), 10), "LibreOffice outlived the build"
    assert leftovers(tmp_path / "tmp") == []
    assert (tmp_path / "out" / "doc0.docx").is_file() and not (tmp_path / "out" / "doc0.pdf").exists()


def test_a_timeout_kills_the_whole_group(tmp_path, monkeypatch):
    """The stand-in's child (soffice.bin) dies with it when the call times out."""
    from tests.soffice_stub import stand_in_soffice

    stand_in_soffice(tmp_path, monkeypatch)
    monkeypatch.setenv("FAKE_SOFFICE", "hang-family")
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(pdf.tempfile, "tempdir", str(temp))
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK fake")
    [result] = pdf.convert([docx], timeout=3)
    assert not result.ok and "已中止" in result.error
    soffice_pid, child_pid = map(int, Path(os.environ["FAKE_SOFFICE_LOG"] + ".pids").read_text().split())
    assert wait_for(lambda: not alive(soffice_pid) and not alive(child_pid), 10)
    assert leftovers(temp) == []


@pytest.mark.slow
@pytest.mark.skipif(pdf.find_soffice() is None and not REQUIRED, reason="LibreOffice (soffice) is not installed")
def test_ctrl_c_stops_the_real_libreoffice(tmp_path):
    build = start_build(tmp_path, pdf.find_soffice() or "soffice", count=30)
    temp = tmp_path / "tmp"
    try:
        # Wait until LibreOffice has started on its profile, then interrupt as a terminal would.
        assert wait_for(lambda: any(temp.glob(pdf.PROFILE_PREFIX + "*/profile/user/*.xcu"))
                        and any(temp.glob(pdf.PROFILE_PREFIX + "*/tmp/*")), 120), "LibreOffice never started"
        work = next(temp.glob(pdf.PROFILE_PREFIX + "*"))
        build.send_signal(signal.SIGINT)
        _, err = build.communicate(timeout=120)
    finally:
        if build.poll() is None:
            build.kill()
            build.communicate()
    err = err.decode("utf-8", "replace")
    assert build.returncode == 130 and "Traceback" not in err, err

    def ours() -> list:
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if str(work).encode() in (entry / "cmdline").read_bytes():
                        found.append(int(entry.name))
                except OSError:
                    continue
        return found

    if Path("/proc").is_dir():
        assert wait_for(lambda: not [p for p in ours() if alive(p)], 10), "LibreOffice outlived the build"
    assert leftovers(temp) == []
