"""``gongwen serve`` in headless Chromium (Debian's chromium and chromium-driver, driven by selenium),
against a real uvicorn on a free port: the folder, a document, typing with the preview and a finding
following, a change on disk, a dropped faulty .docx and its annotated copy, and no request leaving
127.0.0.1.  Screenshots of each step go to out/serve/.  Skips where Chromium or its driver is absent.

It also prints how long a keystroke takes to reach the preview on content/speech.yaml (the median of
20, measured in the page from the editor's change to the preview's DOM updated) and the page weight;
nothing is asserted about time."""

import json
import statistics
import threading
import time
import urllib.error
import urllib.request

import pytest

from tests.chromium import AVAILABLE, SKIP_REASON, chromium
from tests.paths import ROOT
from tests.serve.helpers import make_folder

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
pytest.importorskip("uvicorn")
pytestmark = pytest.mark.skipif(not AVAILABLE, reason=SKIP_REASON)

SHOTS = ROOT / "out" / "serve"
WAIT = 30


@pytest.fixture
def server(tmp_path):
    import uvicorn

    from gongwen.serve.app import free_port, make_app

    folder = make_folder(tmp_path)
    port = free_port()
    guarded, app = make_app(folder, port)
    srv = uvicorn.Server(uvicorn.Config(guarded, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + WAIT
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started
    yield folder, f"http://127.0.0.1:{port}", app.state.guard.token
    srv.should_exit = True
    thread.join(10)
    app.state.outputs.close()


@pytest.fixture
def browser(tmp_path):
    downloads = tmp_path / "下载"
    downloads.mkdir()
    with chromium("1400,860", downloads) as driver:
        yield driver


def _until(driver, check, what):
    deadline = time.time() + WAIT
    while time.time() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}; browser log: {driver.get_log('browser')}")


def _shot(driver, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / name))


def _preview_text(driver):
    return driver.execute_script("return document.getElementById('pages').textContent")


def _findings(driver):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#findings li[data-code]')).map(li => li.dataset.code)")


def test_serve_in_chromium(server, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    folder, base, token = server
    d = browser

    # the folder: files of the sub-folder too, with kinds and counts
    d.get(base + "/")
    _until(d, lambda: d.find_elements(By.CSS_SELECTOR, "#files tr[data-path='2024/notice.yaml']"), "the listing")
    rows = d.find_element(By.ID, "files").text
    assert "讲话稿" in rows and "通知" in rows and "草稿.txt" in rows and "2024/" in rows
    _shot(d, "1-folder.png")

    # a document: the editor and the pages
    d.find_element(By.LINK_TEXT, "speech.yaml").click()
    _until(d, lambda: d.find_elements(By.CSS_SELECTOR, "#pages .page"), "the preview")
    assert "坚持人民至上" in _preview_text(d)
    pages = len(d.find_elements(By.CSS_SELECTOR, "#pages .page"))
    assert pages >= 5
    assert _findings(d) == []
    _shot(d, "2-document.png")

    # type: the preview and a finding follow
    d.execute_script("window.gongwenEditor.goto(6, 100)")  # the end of `salutation: 同志们：`
    editor = d.find_element(By.CSS_SELECTOR, ".cm-content")
    editor.send_keys("各位代表,朋友们")
    _until(d, lambda: "同志们：各位代表,朋友们" in _preview_text(d), "the typed text in the preview")
    codes = _until(d, lambda: _findings(d), "a finding for the ASCII comma")
    assert any(c.startswith("GW4") for c in codes), codes
    assert d.find_elements(By.CSS_SELECTOR, ".cm-lintRange, .cm-lint-marker"), "the finding is marked in the editor"
    assert d.find_elements(By.CSS_SELECTOR, "#pages .p.hit"), "the finding is marked in the preview"
    _shot(d, "3-typed.png")
    import base64  # a smaller picture of this step, for the README

    shot = d.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "clip": {
        "x": 0, "y": 0, "width": 1400, "height": 720, "scale": 0.65}})
    (SHOTS / "readme.png").write_bytes(base64.b64decode(shot["data"]))

    # completion of keys from the schema: a new line under the salutation
    editor.send_keys(Keys.END, Keys.ENTER, "subt")
    option = _until(d, lambda: d.find_elements(By.CSS_SELECTOR, ".cm-tooltip-autocomplete li"), "the completion list")
    assert "subtitle" in option[0].text
    editor.send_keys(Keys.ESCAPE)
    for _ in range(5):
        editor.send_keys(Keys.BACKSPACE)

    # how long a keystroke takes to reach the preview: 20 keystrokes, one at a time
    for n in range(20):
        before = d.execute_script("return window.gongwenTimings.length")
        editor.send_keys("安" if n % 2 == 0 else Keys.BACKSPACE)
        _until(d, lambda: d.execute_script("return window.gongwenTimings.length") > before, "the preview update")
    timings = d.execute_script("return window.gongwenTimings.slice(-20)")
    print(f"\nkeystroke → preview on content/speech.yaml: median {statistics.median(timings):.0f} ms "
          f"(min {min(timings):.0f}, max {max(timings):.0f}, n={len(timings)})")

    # save (Ctrl+S), then another program changes the file: the page follows
    editor.send_keys(Keys.CONTROL, "s")
    _until(d, lambda: d.find_element(By.ID, "status").text == "已保存", "the save")
    assert "各位代表,朋友们" in (folder / "speech.yaml").read_text(encoding="utf-8")
    text = (folder / "speech.yaml").read_text(encoding="utf-8")
    (folder / "speech.yaml").write_text(text.replace("坚持人民至上", "始终坚持人民至上"), encoding="utf-8")
    _until(d, lambda: "始终坚持人民至上" in _preview_text(d), "the change on disk in the preview")
    assert "始终坚持人民至上" in d.execute_script("return window.gongwenEditor.text()")
    _shot(d, "4-changed-on-disk.png")

    # build the .docx and download it
    d.find_element(By.ID, "build").click()
    link = _until(d, lambda: d.find_elements(By.ID, "dl-docx"), "the build")[0]
    link.click()
    _until(d, lambda: (d.downloads / "speech.docx").exists(), "the downloaded .docx")

    # drop a faulty .docx: the report, then the annotated copy downloaded
    from tests.lint.htmlpages import faulty_docx

    draft = faulty_docx(tmp_path)
    d.get(base + "/")
    _until(d, lambda: d.find_elements(By.ID, "drop-input"), "the drop zone")
    d.find_element(By.ID, "drop-input").send_keys(str(draft))
    link = _until(d, lambda: d.find_elements(By.CSS_SELECTOR, "a.dl-annotated"), "the review")[0]
    assert d.find_elements(By.CSS_SELECTOR, "#review .gw-report .gw-f")
    d.execute_script("arguments[0].scrollIntoView()", d.find_element(By.ID, "review"))
    _shot(d, "5-draft-dropped.png")
    link.click()
    annotated = _until(d, lambda: [p for p in d.downloads.glob("*.annotated.docx")], "the annotated copy")[0]
    import zipfile

    assert any(n.startswith("word/comments") for n in zipfile.ZipFile(annotated).namelist())

    # nothing left 127.0.0.1
    urls = []
    for entry in d.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    network = [u for u in urls if u.split(":", 1)[0] in ("http", "https", "ws", "wss", "ftp")]
    assert any(u.startswith(base + "/api/") for u in network)
    assert [u for u in network if not u.startswith(base + "/")] == []  # chrome:// pages are the browser's own

    # the page weight: HTML + JS + CSS of the document page
    weight = 0
    for path in ("/doc?path=speech.yaml", "/static/editor.js", "/static/app.js", "/static/preview.js", "/static/app.css", "/static/report.css"):
        with urllib.request.urlopen(base + path) as r:
            weight += len(r.read())
    print(f"page weight (HTML+JS+CSS, uncompressed): {weight / 1024:.0f} KiB")


def test_real_server_refuses_foreign_host_and_paths_out(server):
    folder, base, token = server
    port = base.rsplit(":", 1)[1]
    request = urllib.request.Request(base + "/", headers={"Host": f"rebind.example:{port}"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request)
    assert err.value.code == 421
    request = urllib.request.Request(base + "/api/file?path=..%2F..%2Fetc%2Fpasswd", headers={"X-Gongwen-Token": token})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request)
    assert err.value.code == 403
