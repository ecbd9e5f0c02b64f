"""The on-disk cache holds compiled code: it reads only entries nobody else could have written."""

from __future__ import annotations

import os

import pytest

from gongwen.builder import cache

pytestmark = pytest.mark.skipif(os.name != "posix", reason="owners and modes")


def test_own_private_entries_are_read(tmp_path, monkeypatch):
    monkeypatch.setenv("GONGWEN_CACHE", str(tmp_path / "cache"))
    cache.put("body-x.code", b"compiled")
    assert cache.get("body-x.code") == b"compiled"
    assert oct((tmp_path / "cache").stat().st_mode & 0o777) == oct(0o700)


def test_a_folder_others_can_write_is_ignored(tmp_path, monkeypatch):
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / "body-x.code").write_bytes(b"planted")
    folder.chmod(0o1777)
    monkeypatch.setenv("GONGWEN_CACHE", str(folder))
    assert cache.get("body-x.code") is None


def test_an_entry_someone_else_wrote_or_can_write_is_ignored(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("GONGWEN_CACHE", str(folder))
    entry = folder / "body-x.code"
    entry.write_bytes(b"planted")
    entry.chmod(0o666)
    assert cache.get("body-x.code") is None
    entry.chmod(0o644)
    if os.geteuid() == 0:
        os.chown(entry, 65534, -1)
        assert cache.get("body-x.code") is None
    link = folder / "body-y.code"
    link.symlink_to(entry)
    assert cache.get("body-y.code") is None
