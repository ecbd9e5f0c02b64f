"""A stand-in ``soffice`` for the PDF tests that need no LibreOffice: batching, naming, errors.

``FAKE_SOFFICE`` in the environment picks its behaviour: ``ok`` (default), ``hang``,
``fail``, ``skip-second``, or ``hang-family``: like LibreOffice, start a child
(oosplash starts soffice.bin), write a temporary file into ``$TMPDIR``, write
both process ids to ``$FAKE_SOFFICE_LOG.pids``, then hang.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys

import pytest

from gongwen.builder import pdf

FAKE = """\
#!{python}
# A stand-in soffice: writes "%PDF-" files named after its inputs, as LibreOffice does.
import os, sys, time
args = sys.argv[1:]
behaviour = os.environ.get("FAKE_SOFFICE", "ok")
with open(os.environ["FAKE_SOFFICE_LOG"], "a") as log:
    log.write(repr(args) + "\\n")
assert any(a.startswith("-env:UserInstallation=file://") for a in args)
assert "--headless" in args
if behaviour == "hang":
    time.sleep(60)
if behaviour == "hang-family":
    import subprocess, tempfile
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    with open(os.path.join(tempfile.gettempdir(), "lu-fake.tmp"), "wb") as fh:
        fh.write(b"%PDF-1.4 half written")
    with open(os.environ["FAKE_SOFFICE_LOG"] + ".pids", "w") as fh:
        fh.write(f"{{os.getpid()}} {{child.pid}}\\n")
    time.sleep(60)
if behaviour == "fail":
    sys.stderr.write("Error: source file could not be loaded\\n")
    sys.exit(1)
out = args[args.index("--outdir") + 1]
fmt = args[args.index("--convert-to") + 1].split(":")[0]
os.makedirs(out, exist_ok=True)
for path in args[args.index("--outdir") + 2:]:
    if behaviour == "skip-second" and path.endswith("00001-b.docx"):
        continue
    stem = os.path.splitext(os.path.basename(path))[0]
    with open(os.path.join(out, stem + "." + fmt), "wb") as fh:
        fh.write(b"%PDF-1.4 fake " + open(path, "rb").read() if fmt == "pdf" else b"\\x89PNG fake")
"""


def stand_in_soffice(tmp_path, monkeypatch):
    """Point gongwen at the stand-in (and hide pdftoppm); return a function listing its calls' argv."""
    if os.name != "posix":
        pytest.skip("the stand-in soffice is a POSIX script")
    script = tmp_path / "soffice"
    script.write_text(FAKE.format(python=sys.executable), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    log = tmp_path / "calls.log"
    monkeypatch.setenv("GONGWEN_SOFFICE", str(script))
    monkeypatch.setenv("FAKE_SOFFICE_LOG", str(log))
    real_which = shutil.which
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None if name == "pdftoppm" else real_which(name))

    def calls():
        return [eval(line) for line in log.read_text().splitlines()] if log.exists() else []

    return calls
