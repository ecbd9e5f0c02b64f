"""``gongwen serve`` as a real process (the command, once via subprocess), and the PDF button where
LibreOffice is installed (never skipped where GONGWEN_REQUIRE_PDF=1)."""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from gongwen.builder import pdf

from tests.paths import ROOT
from tests.serve.helpers import client, make_folder

REQUIRED = os.environ.get("GONGWEN_REQUIRE_PDF") == "1"


@pytest.mark.slow
@pytest.mark.skipif(pdf.find_soffice() is None and not REQUIRED, reason="LibreOffice (soffice) is not installed")
def test_build_pdf_and_download(tmp_path):
    c = client(make_folder(tmp_path))
    r = c.post("/api/build", json={"path": "2024/notice.yaml", "pdf": True}).json()
    assert r["ok"] and r.get("pdf") == "notice.pdf", r
    got = c.get(f"/api/download/{r['id']}/notice.pdf")
    assert got.status_code == 200 and got.content.startswith(b"%PDF")


def test_pdf_button_without_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    c = client(make_folder(tmp_path))
    r = c.post("/api/build", json={"path": "speech.yaml", "pdf": True}).json()
    assert r["ok"] and r["files"] == ["speech.docx"] and "LibreOffice" in r["pdf_error"]
    assert '&quot;pdf&quot;: false' in c.get("/").text


def test_the_command_serves_on_loopback(tmp_path):
    pytest.importorskip("uvicorn")
    from gongwen.serve.app import free_port

    folder = make_folder(tmp_path)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "gongwen", "serve", str(folder), "--port", str(port), "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    try:
        page = None
        deadline = time.time() + 60
        while time.time() < deadline and page is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                    page = r.read().decode("utf-8")
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        assert page and 'data-gongwen="' in page
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/list")  # no token
        assert err.value.code == 403
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            out, _ = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
    assert f"http://127.0.0.1:{port}/" in out
