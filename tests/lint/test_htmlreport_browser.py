"""The report page in headless Chromium (Debian's chromium and chromium-driver, driven by selenium):
findings visible, a click marks and scrolls to the finding's text, a rule's explanation opens, and
the page asks the network for nothing.  Skips where Chromium or its driver is absent."""

import json
import os

import pytest
from click.testing import CliRunner

from gongwen.cli import main

from tests.chromium import AVAILABLE, SKIP_REASON, chromium
from tests.lint.htmlpages import HOSTILE, MD, PICTURE_DRAFT, TXT, faulty_docx
from tests.paths import ROOT

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
pytestmark = pytest.mark.skipif(not AVAILABLE, reason=SKIP_REASON)


@pytest.fixture
def browser(tmp_path):
    with chromium("1200,800") as driver:
        yield driver


@pytest.fixture
def page(tmp_path):
    txt = tmp_path / "通知.txt"
    txt.write_text(TXT, encoding="utf-8")
    md = tmp_path / "检查通知.md"
    md.write_text(MD, encoding="utf-8")
    out = tmp_path / "报告.html"
    result = CliRunner().invoke(main, ["lint", "--format", "html", "-o", str(out), str(txt), str(md),
                                       str(faulty_docx(tmp_path))], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    return out


def _requests(driver, page_url):
    """URLs the page at ``page_url`` asked for, from the DevTools network log (the browser's own
    start page, loaded before it, is not the page's doing)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            params = message["params"]
            if params.get("documentURL", "").startswith(page_url.split("#")[0]):
                urls.append(params["request"]["url"])
    return urls


def _in_view(driver, element) -> bool:
    return driver.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "return r.bottom > 0 && r.top < window.innerHeight && r.width >= 0;", element)


def test_report_in_chromium(browser, page):
    from selenium.webdriver.common.by import By

    url = page.as_uri()
    browser.get(url)
    items = browser.find_elements(By.CSS_SELECTOR, "li.gw-f")
    assert len(items) >= 6 and all(i.is_displayed() for i in items[:3])
    assert browser.find_elements(By.CSS_SELECTOR, "section.gw-file").__len__() == 3
    # The hostile text is on the page as text and nothing ran.
    assert HOSTILE in browser.find_element(By.TAG_NAME, "body").text.replace("\n", "")
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0

    # Click the last finding of the .docx: its text is marked and scrolled into view.
    last = items[-1]
    fid = last.get_attribute("id")
    browser.execute_script("window.scrollTo(0, 0)")
    last.find_element(By.CSS_SELECTOR, "a.gw-go").click()
    marks = browser.find_elements(By.CSS_SELECTOR, f'mark[data-f~="{fid}"]')
    assert marks and all("gw-active" in m.get_attribute("class") for m in marks)
    assert _in_view(browser, marks[0])
    assert "gw-active" in last.get_attribute("class")
    os.makedirs(ROOT / "out", exist_ok=True)
    browser.save_screenshot(str(ROOT / "out" / "lint-report-hostile.png"))

    # A rule's explanation, one click away, in a dialog.
    first = items[0]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", first)
    first.find_element(By.CSS_SELECTOR, "a.gw-why").click()
    dialog = browser.find_element(By.ID, "gw-dialog")
    assert browser.execute_script("return arguments[0].open", dialog)
    assert "原因" in dialog.text and "错误示例" in dialog.text and "依据" in dialog.text
    browser.save_screenshot(str(ROOT / "out" / "lint-report-dialog.png"))
    dialog.find_element(By.CSS_SELECTOR, "button.gw-close").click()
    assert not browser.execute_script("return arguments[0].open", dialog)

    # A click on marked text finds its finding.
    mark = browser.find_elements(By.CSS_SELECTOR, "mark[data-f]")[0]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    target = mark.get_attribute("data-f").split()[0]
    assert "gw-active" in browser.find_element(By.ID, target).get_attribute("class")

    # Nothing but the page itself was asked for; no resource entries, no console errors (a CSP
    # violation would be one).
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    asked = _requests(browser, url)
    assert url in asked  # the log does see the page's own load
    assert [u for u in asked if u != url] == []
    severe = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    assert severe == []


def test_the_network_log_would_see_a_request(browser, tmp_path):
    """The check above can fail: a page (without the report's policy) that loads an image is seen."""
    probe = tmp_path / "probe.html"
    probe.write_text('<!DOCTYPE html><title>x</title><img src="http://127.0.0.1:9/x.png" alt="">', encoding="utf-8")
    browser.get(probe.as_uri())
    assert "http://127.0.0.1:9/x.png" in _requests(browser, probe.as_uri())


def test_picture_for_readme(browser, tmp_path, monkeypatch):
    """The README's picture of a page: a notice with a few faults, one finding clicked
    (out/lint-report.png; docs/pictures/lint-report.png is a copy)."""
    from selenium.webdriver.common.by import By

    monkeypatch.chdir(tmp_path)
    (tmp_path / "防汛通知.txt").write_text(PICTURE_DRAFT, encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", "--format", "html", "-o", "防汛通知.html", "防汛通知.txt"],
                                catch_exceptions=False)
    assert result.exit_code == 1
    browser.set_window_size(1100, 760)
    browser.get((tmp_path / "防汛通知.html").as_uri())
    item = next(i for i in browser.find_elements(By.CSS_SELECTOR, "li.gw-f") if "GW509" in i.text)
    item.find_element(By.CSS_SELECTOR, "a.gw-go").click()
    marks = browser.find_elements(By.CSS_SELECTOR, f'mark[data-f~="{item.get_attribute("id")}"]')
    assert marks and marks[0].text == "2026.6.15"
    browser.execute_script("window.scrollTo(0, 0)")
    marks[0].click()  # and back: the finding is shown beside it
    assert "gw-active" in item.get_attribute("class") and _in_view(browser, item)
    browser.execute_script("document.querySelector('section.gw-file h2').scrollIntoView()")
    os.makedirs(ROOT / "out", exist_ok=True)
    browser.save_screenshot(str(ROOT / "out" / "lint-report.png"))
