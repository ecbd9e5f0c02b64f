"""``gongwen lint --fix`` fixes the file the writer has, and leaves it the same file.

Through a symbolic link the target is fixed (the link stays a link); hard links
stay one file; owner, group and mode are kept, also when the one fixing it may
not give a file away (another user's group-writable draft: written in place);
a read-only file is refused with a message and left alone.  Each run is a real
process with a memory limit and a timeout, as root (these tests run as root) or
as another user (``os.setuid`` in the child).
"""

from __future__ import annotations

import os
import stat

import pytest

from tests.limited import no_traceback, open_folder, run_limited  # noqa: F401 - open_folder is a fixture

DRAFT = "一、总体情况\n我们要加强管理,提高效率.\n"
FIXED = "一、总体情况\n我们要加强管理，提高效率。\n"
OTHER_UID, OTHER_GID = 4242, 4343  # a user and a group with no name here
RUNNER = 65534  # nobody

pytestmark = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                                reason="gives files to other users: needs root")


def fix(*paths, user=None, group=None, cwd=None):
    ran = run_limited(["lint", "--fix", *paths], user=user, group=group, cwd=cwd, timeout=60)
    no_traceback(ran)
    return ran


def draft(path, mode=0o644, owner=(0, 0)):
    path.write_text(DRAFT, encoding="utf-8")
    os.chown(path, *owner)
    os.chmod(path, mode)
    return path


def test_a_symlink_is_followed_and_stays_a_link(tmp_path):
    elsewhere = tmp_path / "shared"
    elsewhere.mkdir()
    real = draft(elsewhere / "讲话.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    ran = fix(link)
    assert ran.returncode == 0, ran.output
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == FIXED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "shared"]
    assert [p.name for p in elsewhere.iterdir()] == ["讲话.txt"]


def test_hard_links_stay_one_file(tmp_path):
    one = draft(tmp_path / "a.txt")
    two = tmp_path / "b.txt"
    os.link(one, two)
    inode = one.stat().st_ino
    ran = fix(one)
    assert ran.returncode == 0, ran.output
    assert one.stat().st_ino == two.stat().st_ino == inode and one.stat().st_nlink == 2
    assert two.read_text(encoding="utf-8") == FIXED


def test_owner_group_and_mode_are_kept(tmp_path):
    """A 640 draft of another user fixed by root: still theirs, still 640 (else they are locked out)."""
    path = draft(tmp_path / "a.txt", mode=0o640, owner=(OTHER_UID, OTHER_GID))
    ran = fix(path)
    assert ran.returncode == 0, ran.output
    st = path.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (OTHER_UID, OTHER_GID, 0o640)
    assert path.read_text(encoding="utf-8") == FIXED


def test_a_colleagues_group_writable_draft_stays_theirs(open_folder):
    """Fixed by a member of its group who cannot give files away: written in place, owner kept."""
    folder = open_folder / "shared"
    folder.mkdir()
    os.chown(folder, OTHER_UID, OTHER_GID)
    os.chmod(folder, 0o775)
    path = draft(folder / "a.txt", mode=0o664, owner=(OTHER_UID, OTHER_GID))
    inode = path.stat().st_ino
    ran = fix(path, user=RUNNER, group=OTHER_GID)
    assert ran.returncode == 0, ran.output
    st = path.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode), st.st_ino) == (OTHER_UID, OTHER_GID, 0o664, inode)
    assert path.read_text(encoding="utf-8") == FIXED
    assert [p.name for p in folder.iterdir()] == ["a.txt"]


@pytest.mark.parametrize("runner", [None, RUNNER], ids=["root", "owner"])
def test_a_read_only_file_is_refused(open_folder, runner):
    os.chmod(open_folder, 0o777)
    path = draft(open_folder / "只读.txt", mode=0o444, owner=(runner or 0, runner or 0))
    other = draft(open_folder / "b.txt", mode=0o666)
    ran = fix(path, other, user=runner, group=runner)
    assert ran.returncode == 2, ran.output
    assert f"{path}: 文件是只读的" in ran.stderr and "未改动" in ran.stderr, ran.stderr
    assert "1 个文件无法写入" in ran.stderr
    assert path.read_text(encoding="utf-8") == DRAFT and stat.S_IMODE(path.stat().st_mode) == 0o444
    assert other.read_text(encoding="utf-8") == FIXED  # the other files are still fixed


def test_a_foreign_link_in_a_shared_folder_is_not_followed(tmp_path):
    """In a sticky world-writable folder (/tmp) a link another user made is not followed (the
    kernel's protected_symlinks rule), nor replaced."""
    shared = tmp_path / "tmp"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    victim = draft(tmp_path / "private.txt", mode=0o600)
    link = shared / "draft.txt"
    link.symlink_to(victim)
    os.lchown(link, OTHER_UID, OTHER_GID)
    ran = fix(link)
    assert ran.returncode == 2, ran.output
    assert f"{link}: " in ran.stderr and "符号链接" in ran.stderr, ran.stderr
    assert link.is_symlink() and victim.read_text(encoding="utf-8") == DRAFT


def test_a_fixed_copy_is_never_written_over(tmp_path):
    """A .docx is fixed into name.fixed.docx, a name gongwen chooses: a read-only draft (as mail
    attachments often are) gives a copy its owner may write; a copy that is there already (edited
    since, or a link someone placed) is never written over, and the message says what to do."""
    from tests.tinydocx import make_docx, p

    path = tmp_path / "草稿.docx"
    path.write_bytes(make_docx(p("一、总体情况") + p("我们要加强管理,提高效率.")))
    os.chmod(path, 0o444)
    copy = tmp_path / "草稿.fixed.docx"
    ran = fix(path)
    assert "修正后的副本已写到" in ran.stderr, ran.output
    assert stat.S_IMODE(copy.stat().st_mode) == 0o644
    copy.write_bytes(b"edited by hand")
    ran = fix(path)
    assert ran.returncode == 2 and "已存在" in ran.stderr and copy.read_bytes() == b"edited by hand"
    copy.unlink()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    copy.symlink_to(victim)
    ran = fix(path)
    assert ran.returncode == 2 and victim.read_text(encoding="utf-8") == "keep"


def test_a_hard_linked_file_that_cannot_grow_is_left_whole(tmp_path, monkeypatch):
    """Written in place, the room for the longer text is reserved before a byte is overwritten:
    a disk too full for it leaves the file as it was (and a message)."""
    import errno

    from gongwen.atomic import WriteError
    from gongwen.lint.fix import fix_file

    one = draft(tmp_path / "a.txt")
    os.link(one, tmp_path / "b.txt")

    def no_room(fd, offset, length):
        raise OSError(errno.ENOSPC, "")

    monkeypatch.setattr(os, "posix_fallocate", no_room)
    with pytest.raises(WriteError, match="磁盘已满"):
        fix_file(str(one), "txt")
    assert one.read_text(encoding="utf-8") == DRAFT and one.stat().st_nlink == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
