"""Which files found by searching may be used (gongwen.trust), and where the search stops.

The tests run as root here: files owned by another user are made with
``os.chown`` (root can), so those cases are skipped for anyone else.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from gongwen import trust

pytestmark = pytest.mark.skipif(not trust.ENFORCED, reason="owners and modes are POSIX")
as_root = pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="os.chown to another user needs root")
OTHER = 54321  # a uid no one on the machine has


def private(tmp_path) -> Path:
    folder = tmp_path / "private"
    folder.mkdir(mode=0o700)
    return folder


def test_your_own_file_in_your_own_folder_is_trusted(tmp_path):
    f = private(tmp_path) / "gongwen.yaml"
    f.write_text("level3: '1.'\n", encoding="utf-8")
    assert trust.untrusted(f) is None


@as_root
def test_a_file_another_user_owns_is_not(tmp_path):
    f = private(tmp_path) / "gongwen.yaml"
    f.write_text("level3: '1.'\n", encoding="utf-8")
    os.chown(f, OTHER, -1)
    assert "属于其他用户" in trust.untrusted(f) and str(OTHER) in trust.untrusted(f)


def test_a_file_everyone_may_write_is_not(tmp_path):
    f = private(tmp_path) / "gongwen.yaml"
    f.write_text("level3: '1.'\n", encoding="utf-8")
    f.chmod(0o666)
    assert "任何人都可以修改" in trust.untrusted(f)
    f.chmod(0o664)  # a group the owner shares with is the owner's choice
    assert trust.untrusted(f) is None


def test_a_folder_everyone_may_write_without_the_sticky_bit_is_not(tmp_path):
    shared = tmp_path / "shared"
    (shared / "sub").mkdir(parents=True)
    f = shared / "sub" / "gongwen.yaml"
    f.write_text("level3: '1.'\n", encoding="utf-8")
    shared.chmod(0o777)  # anyone could have renamed sub/ away and put their own in its place
    assert f"所在文件夹 {shared}" in trust.untrusted(f) and "粘滞位" in trust.untrusted(f)
    shared.chmod(0o1777)  # like /tmp: what is yours there stays yours
    assert trust.untrusted(f) is None


@as_root
def test_in_a_sticky_folder_what_another_user_put_there_is_not_trusted(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    planted = shared / "gongwen.yaml"
    planted.write_text("level3: '1.'\n", encoding="utf-8")
    os.chown(planted, OTHER, -1)
    assert "属于其他用户" in trust.untrusted(planted)


@as_root
def test_a_folder_another_user_owns_is_not(tmp_path):
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    f = theirs / "speech.docx"
    f.write_bytes(b"x")
    os.chown(theirs, OTHER, -1)
    assert f"所在文件夹 {theirs} 属于其他用户" in trust.untrusted(f)


@as_root
def test_root_owned_files_and_symlinks_are_judged_by_their_target(tmp_path):
    folder = private(tmp_path)
    target = tmp_path / "elsewhere.yaml"
    target.write_text("level3: '1.'\n", encoding="utf-8")
    os.chown(target, 0, 0)
    link = folder / "gongwen.yaml"
    link.symlink_to(target)
    assert trust.untrusted(link) is None
    os.chown(target, OTHER, -1)
    assert "属于其他用户" in trust.untrusted(link)


def test_the_search_stops_at_the_home_folder(tmp_path, monkeypatch):
    home = tmp_path / "home"
    deep = home / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    assert list(trust.search_folders(deep.resolve())) == [deep.resolve(), (home / "a").resolve(), home.resolve()]


def test_the_search_stops_at_a_repository_root(tmp_path):
    repo = tmp_path / "repo"
    deep = repo / "content" / "2024"
    deep.mkdir(parents=True)
    (repo / ".git").mkdir()
    assert list(trust.search_folders(deep.resolve()))[-1] == repo.resolve()


@as_root
def test_a_git_folder_someone_else_put_there_does_not_stop_the_search(tmp_path):
    repo = tmp_path / "repo"
    deep = repo / "content"
    deep.mkdir(parents=True)
    (repo / ".git").mkdir()
    os.chown(repo / ".git", OTHER, -1)
    assert repo.resolve() in list(trust.search_folders(deep.resolve()))[:-1]


def test_the_search_does_not_leave_its_filesystem():
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.path.ismount(shm) and os.access(shm, os.W_OK)):
        pytest.skip("no separate filesystem to try")
    with tempfile.TemporaryDirectory(dir=shm) as folder:
        start = Path(folder).resolve()
        assert list(trust.search_folders(start)) == [start, shm.resolve()]
