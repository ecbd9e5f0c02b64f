"""Running LibreOffice (``soffice --headless --convert-to``) on documents that may come from elsewhere.

Shared by PDF previews (:mod:`gongwen.builder.pdf`: .docx → PDF, PNG) and by
drafts in Word's and WPS's old formats (:mod:`gongwen.builder.drafts`: .doc,
.wps → .docx).  Every run:

* works in a private folder (0700, :func:`workspace`) that also holds
  LibreOffice's own temporary files (``TMPDIR``) and is removed on the way
  out: after an error, a timeout, Ctrl-C, SIGTERM or SIGHUP
  (:func:`gongwen.builder.lockdown.signals_interrupt`);
* gives LibreOffice a throw-away profile there (``-env:UserInstallation``),
  locked down before its first start (:func:`gongwen.builder.lockdown.lock_down`:
  no linked resource is loaded — nothing is fetched from the network or read
  from other files —, macros never run, links never updated), so it never
  touches the user's profile nor talks to a LibreOffice the user has open;
* runs LibreOffice in its own process group with a time limit, and kills the
  whole group on a timeout or an interrupt, so no ``soffice.bin`` outlives it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

from gongwen.builder.lockdown import lock_down, private, signals_interrupt

PROFILE_PREFIX = "gongwen-lo-"  # work folders in the temporary folder (a killed run's are swept by pdf)
START_TIMEOUT = 90  # seconds for LibreOffice to start …
PER_DOCUMENT_TIMEOUT = 20  # … plus this much per document in the call


def find_soffice() -> Optional[str]:
    """The ``soffice`` executable: $GONGWEN_SOFFICE, the PATH, or the usual install places."""
    override = os.environ.get("GONGWEN_SOFFICE")
    if override:
        return override if os.path.isfile(override) and os.access(override, os.X_OK) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in ("/Applications/LibreOffice.app/Contents/MacOS/soffice",
                      r"C:\Program Files\LibreOffice\program\soffice.exe",
                      r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
                      "/opt/libreoffice/program/soffice"):
        if os.path.isfile(candidate):
            return candidate
    return None


@contextlib.contextmanager
def workspace() -> Iterator[Tuple[Path, Dict[str, str]]]:
    """``(work folder, environment for LibreOffice)``: a private folder, removed on the way out
    (SIGTERM and SIGHUP included), whose ``tmp`` takes LibreOffice's temporary files."""
    with signals_interrupt():
        work = Path(tempfile.mkdtemp(prefix=PROFILE_PREFIX))  # 0700, as every folder below
        try:
            private(work)
            (work / "owner").write_text(str(os.getpid()))
            temp = private(work / "tmp")
            env = dict(os.environ)
            env.update(TMPDIR=str(temp), TMP=str(temp), TEMP=str(temp))
            yield work, env
        finally:
            shutil.rmtree(work, ignore_errors=True)


def convert_to(soffice: str, work: Path, env: Dict[str, str], files: Sequence[Path], target: str,
               outdir: Path, limit: float) -> str:
    """One ``soffice --convert-to TARGET`` call on ``files`` (inside ``work``) into ``outdir``,
    with the locked-down profile ``work/profile``; "" when LibreOffice exited normally, else why not.
    After a failure the profile is discarded (a killed LibreOffice may leave it locked)."""
    profile = work / "profile"
    if not (profile / "user" / "registrymodifications.xcu").is_file():
        lock_down(profile)
    cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
           "--nologo", "--norestore", "--nodefault", "--nolockcheck",
           "--convert-to", target, "--outdir", str(outdir), *map(str, files)]
    problem = run(cmd, env, limit, work)
    if problem:
        shutil.rmtree(profile, ignore_errors=True)
    return problem


def run(cmd: List[str], env: dict, limit: float, cwd: Path) -> str:
    """Run LibreOffice in its own process group; "" when it exited normally, else why not."""
    kwargs = {"start_new_session": True} if os.name == "posix" else {}
    try:
        proc = subprocess.Popen(cmd, env=env, cwd=str(cwd), stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
    except OSError as exc:
        return f"无法启动 LibreOffice（{cmd[0]}）：{exc.strerror or exc}"
    try:
        _, err = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        kill(proc)
        return f"LibreOffice 超过 {limit:.0f} 秒仍未完成，已中止"
    except BaseException:  # Ctrl-C, SIGTERM (lockdown.Stopped): no LibreOffice may outlive us
        kill(proc)
        raise
    if proc.returncode != 0:
        text = err.decode("utf-8", "replace").strip().splitlines()
        detail = next((line for line in reversed(text) if "javaldx" not in line), "")
        return f"LibreOffice 出错（退出码 {proc.returncode}）{('：' + detail) if detail else ''}"
    return ""


def kill(proc: subprocess.Popen) -> None:
    """End the LibreOffice we started (oosplash and soffice.bin share its process group)."""
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass
    try:
        proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        pass
