"""Temporary files of ``gongwen.atomic``: short names, and one sweep per folder.

* A name of 80 Chinese characters is 240 bytes of the 255 a name may have: the
  temporary file beside it must not add the name again (build and ``--fix``).
* Stale temporary files are swept once per folder per process, not after every
  document: a batch of N documents into one folder reads the folder once, not N times.
"""

from __future__ import annotations

import os
import time

from gongwen import atomic

from tests.limited import no_traceback, run_limited
from tests.paths import CONTENT

LONG = "关于进一步加强和改进全县安全生产工作的实施意见" * 4  # 23 × 4 = 92 characters
NAME = LONG[:80]  # 240 bytes in UTF-8


def test_long_names_build_and_fix(tmp_path):
    assert len(NAME.encode("utf-8")) == 240
    source = tmp_path / f"{NAME}.yaml"
    source.write_bytes((CONTENT / "speech.yaml").read_bytes())
    ran = run_limited(["build", source, "-o", tmp_path / "out"])
    no_traceback(ran)
    assert ran.returncode == 0, ran.output
    assert (tmp_path / "out" / f"{NAME}.docx").is_file()
    draft = tmp_path / f"{NAME}.txt"
    draft.write_text("一、总体情况\n我们要加强管理,提高效率.\n", encoding="utf-8")
    ran = run_limited(["lint", "--fix", draft])
    no_traceback(ran)
    assert ran.returncode == 0, ran.output
    assert draft.read_text(encoding="utf-8") == "一、总体情况\n我们要加强管理，提高效率。\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([source.name, draft.name, "out"])


def test_temporary_names_are_short(tmp_path, monkeypatch):
    seen = []
    replace = os.replace

    def spy(src, dst):
        seen.append(os.path.basename(src))
        replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    with atomic.replace(tmp_path / f"{NAME}.docx") as fh:
        fh.write(b"x")
    assert len(seen) == 1 and len(seen[0].encode()) <= 24, seen


def test_each_folder_is_swept_once(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "_swept", set(), raising=False)  # as in a fresh process
    scanned = []
    scandir = os.scandir

    def counting(path="."):
        scanned.append(os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", counting)
    one, two = tmp_path / "one", tmp_path / "two"
    two.mkdir()
    prefix = getattr(atomic, "TEMP_PREFIX", ".gongwen-")
    stale, fresh = two / f"{prefix}abcdefgh.tmp", two / f"{prefix}ijklmnop.tmp"
    for path in (stale, fresh):
        path.write_bytes(b"half")
    past = time.time() - atomic.STALE_SECONDS - 10
    os.utime(stale, (past, past))
    for i in range(200):
        with atomic.replace(one / f"doc{i}.docx") as fh:
            fh.write(b"whole")
    with atomic.replace(two / "doc.docx") as fh:
        fh.write(b"whole")
    assert scanned == [str(one), str(two)]
    assert len(list(one.iterdir())) == 200
    assert not stale.exists() and fresh.exists()  # the sweep still removes what a killed writer left
