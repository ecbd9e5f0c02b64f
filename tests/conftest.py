import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
# Tests never touch the user's cache (cache.py); subprocesses inherit this.
os.environ["GONGWEN_CACHE"] = tempfile.mkdtemp(prefix="gongwen-cache-")

CONTENT = ROOT / "content"
SEED = ROOT.parent / "shared" / "examples" / "speech-seed.txt"


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
