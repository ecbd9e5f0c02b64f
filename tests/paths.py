"""Where things are, for every test module whatever its depth under tests/."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # the repository (this file is tests/paths.py)
SRC = ROOT / "src"
CONTENT = ROOT / "content"
TEMPLATES = ROOT / "templates"
FIXTURES = ROOT / "tests" / "fixtures"
IMPORT_FIXTURES = FIXTURES / "import"
#: The shared seed speech lives outside the repository, beside it.
SEED = ROOT.parent / "shared" / "examples" / "speech-seed.txt"


def gongwen_env(**extra: str) -> dict:
    """The environment for a ``python -m gongwen`` child: this checkout's sources, UTF-8 output."""
    return dict(os.environ, PYTHONPATH=str(SRC), PYTHONIOENCODING="utf-8", **extra)
