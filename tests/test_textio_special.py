"""Only regular files are read: a FIFO, a device or a socket named like a draft is refused at
once with a message naming it, so no command waits forever for a writer or reads without end."""

from __future__ import annotations

import os
import socket

import pytest

from gongwen.errors import ReadError
from gongwen.textio import open_binary, read_bytes

from tests.capped import assert_refused, run_capped


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "x.yaml"
    os.mkfifo(path)
    return path


def test_lint_of_a_folder_with_a_fifo_does_not_block(tmp_path, fifo):
    (tmp_path / "a.txt").write_text("正文,半角逗号。\n", encoding="utf-8")
    ran = run_capped(["lint", str(tmp_path)], timeout=60)
    assert_refused(ran, 2, "x.yaml", "命名管道", "a.txt", "检查了 1 个文件")


@pytest.mark.parametrize("args", [["import", "{}"], ["new", "speech", "--from", "{}", "-o", "{out}"],
                                  ["lint", "{}"]])
def test_commands_refuse_a_fifo_at_once(tmp_path, fifo, args):
    args = [a.format(fifo, out=tmp_path / "new.yaml") for a in args]
    ran = run_capped(args, timeout=60)
    assert ran.returncode in (1, 2), ran.output
    assert "x.yaml" in ran.output and "命名管道" in ran.output and "Traceback" not in ran.output


def test_a_fifo_named_docx_is_refused_too(tmp_path):
    path = tmp_path / "x.docx"
    os.mkfifo(path)
    ran = run_capped(["lint", str(path)], timeout=60)
    assert_refused(ran, 2, "x.docx", "命名管道")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_is_refused_not_read():
    with pytest.raises(ReadError) as info:
        read_bytes("/dev/zero")  # used to read 256 MB of zeros before refusing them
    assert "设备" in info.value.message and info.value.path == "/dev/zero"


def test_a_socket_is_refused_a_regular_file_read(tmp_path):
    sock_path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        with pytest.raises(ReadError) as info:
            open_binary(str(sock_path))
    assert "套接字" in info.value.message
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc")
    with open_binary(str(path)) as fh:
        assert fh.read() == b"abc"
    with pytest.raises(ReadError, match="文件夹"):
        open_binary(str(tmp_path))
    with pytest.raises(ReadError, match="不存在"):
        open_binary(str(tmp_path / "missing.txt"))
    link = tmp_path / "link.txt"
    link.symlink_to(path)
    assert read_bytes(str(link)) == b"abc"
