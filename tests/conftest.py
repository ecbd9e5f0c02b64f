import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.paths import SRC

sys.path.insert(0, str(SRC))
# Tests never touch the user's cache (cache.py); subprocesses inherit this.
os.environ["GONGWEN_CACHE"] = tempfile.mkdtemp(prefix="gongwen-cache-")

# Every property has a bounded budget (``max_examples``, no deadline) so ``make test`` stays
# quick, and draws the same examples every run (``derandomize``) so a run's result never depends on
# luck; set HYPOTHESIS_PROFILE=thorough for a longer, random hunt.
settings.register_profile("default", max_examples=150, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def write(tmp_path):
    """Write a text file under tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


def soffice():
    return shutil.which("soffice") or shutil.which("libreoffice")
