"""Headless Chromium for the browser tests: Debian's chromium and chromium-driver, driven by selenium.

One way to find them and start them, for every browser test: a fresh profile, no background networking
(this machine's closed network refuses it), the performance log on (so a test can see every request).
Tests skip where Chromium, its driver or selenium is absent (``.ci/run`` installs them)."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
                 if p and os.path.exists(p)), None)
DRIVER = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
AVAILABLE = bool(CHROMIUM and DRIVER)
SKIP_REASON = "Debian chromium and chromium-driver are not installed"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
         "--disable-extensions", "--hide-scrollbars"]


@contextmanager
def chromium(size: str = "1200,800", downloads: Optional[Path] = None):
    """A selenium driver of headless Chromium (``driver.downloads`` is ``downloads`` when given)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + [f"--window-size={size}"]:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="gongwen-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    if downloads is not None:
        options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                                  "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    if downloads is not None:
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
