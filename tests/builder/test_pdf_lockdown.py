"""LibreOffice cannot fetch or read what a document links to, found by experiment.

A .docx with a picture linked to a local file and one linked to
``http://127.0.0.1:PORT/…`` (served by a ``python -m http.server`` the test
starts and stops) goes through :func:`gongwen.builder.pdf.convert` as it is, as
if it had slipped past the build's stripping: the server must see no request and
the PDF must hold no picture.  The same pictures embedded in the package do show
(so "no picture" means blocked, not lost), and ``gongwen build --pdf`` with the
linked template does not reach out either.  Real LibreOffice, so ``slow``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from gongwen.builder import lockdown, pdf
from gongwen.cli import main

from tests.linkeddocx import embedded_template, linked_template, png

REQUIRED = os.environ.get("GONGWEN_REQUIRE_PDF") == "1"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(pdf.find_soffice() is None and not REQUIRED, reason="LibreOffice (soffice) is not installed"),
    pytest.mark.skipif(not shutil.which("pdfimages") and not REQUIRED, reason="poppler-utils is not installed"),
]
CONTENT = "kind: speech\ntitle: 讲话\nsections:\n  - heading: 一个部分\n    paragraphs: [正文。]\n"


@pytest.fixture
def server(tmp_path):
    """A local HTTP server on 127.0.0.1 serving a picture; yields (base URL, a function returning its log)."""
    served = tmp_path / "served"
    served.mkdir()
    (served / "web.png").write_bytes(png((0, 0, 200)))
    (served / "normal.dotm").write_bytes(b"template")
    log = tmp_path / "http.log"
    with open(log, "wb") as err:
        proc = subprocess.Popen([sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
                                 "--directory", str(served)], stdout=subprocess.PIPE, stderr=err)
    try:
        line = proc.stdout.readline().decode()  # "Serving HTTP on 127.0.0.1 port 45678 (…) ..."
        port = int(line.split(" port ")[1].split()[0])
        yield f"http://127.0.0.1:{port}", lambda: log.read_text(errors="replace")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()


def pictures(pdf_path) -> int:
    out = subprocess.run(["pdfimages", "-list", str(pdf_path)], capture_output=True, check=True).stdout.decode()
    return len(out.splitlines()) - 2  # two header lines


def test_libreoffice_neither_fetches_nor_reads_linked_pictures(tmp_path, server):
    base, requests = server
    picture = tmp_path / "seal.png"
    picture.write_bytes(png())
    linked = linked_template(tmp_path / "linked.docx", picture, base + "/web.png", only_pictures=True)
    embedded = embedded_template(tmp_path / "embedded.docx", picture)
    results = pdf.convert([linked, embedded], tmp_path / "pdf")
    assert all(r.ok for r in results), [r.error for r in results]
    time.sleep(0.5)  # let the server write any request it got
    assert "GET" not in requests() and "HEAD" not in requests() and "OPTIONS" not in requests(), requests()
    assert pictures(results[0].pdf) == 0  # neither the local file nor the URL's picture
    assert pictures(results[1].pdf) >= 1  # the control: embedded pictures do show


def test_build_pdf_with_a_linked_template_reaches_nothing(tmp_path, server):
    base, requests = server
    picture = tmp_path / "seal.png"
    picture.write_bytes(png())
    template = linked_template(tmp_path / "linked.docx", picture, base + "/web.png")
    source = tmp_path / "doc.yaml"
    source.write_text(CONTENT, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "out"), "--template",
                                       str(template), "--pdf"])
    assert result.exit_code == 0, result.output
    time.sleep(0.5)
    assert requests().count("GET") == 0, requests()
    assert pictures(tmp_path / "out" / "doc.pdf") == 0


def test_every_profile_is_locked_down(tmp_path, monkeypatch):
    """What the experiment above relies on is written into each throw-away profile."""
    profile = tmp_path / "profile"
    lockdown.lock_down(profile)
    text = (profile / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    assert 'oor:name="BlockUntrustedRefererLinks" oor:op="fuse" oor:type="xs:boolean"><value>true</value>' in text
    assert 'oor:name="SecureURL"' in text and 'oor:name="DisableMacrosExecution"' in text
    assert oct(profile.stat().st_mode & 0o777) == "0o700"
