"""What every request to ``gongwen serve`` passes before a handler sees it.

* **Host**: only ``127.0.0.1:PORT`` and ``localhost:PORT`` — a page on another site whose name was
  pointed at 127.0.0.1 (DNS rebinding) sends its own name and is refused.
* **Origin**: a request that changes anything (any method but GET/HEAD) must come from this
  server's own pages; a GET that names another origin is refused too.
* **Token**: a random token made at start-up, written into the pages, required (header
  ``X-Gongwen-Token``, or ``t=`` in the query for downloads and the event stream) by every ``/api/``
  request — another page on this machine cannot read it, so cannot use the API.
* **Paths**: a path from a request is relative to the folder, without ``..`` or a drive, and
  resolved (symbolic links followed) inside the folder, or refused.
* **Sizes**: bodies are read up to a limit and refused beyond it.
"""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path, PurePosixPath
from typing import Iterable

#: A content file saved or previewed (bytes); a dropped draft.
MAX_TEXT = 2 * 1024 * 1024
MAX_UPLOAD = 20 * 1024 * 1024
TOKEN_HEADER = "x-gongwen-token"
SAFE_METHODS = frozenset({"GET", "HEAD"})


class Refused(Exception):
    """A request refused: ``status`` and a Chinese ``message`` for the page."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Guard:
    """The checks of one server: its port, token and folder."""

    def __init__(self, folder: Path, port: int, token: str):
        self.folder = Path(folder).resolve()
        self.port = port
        self.token = token
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.origins = {f"http://{h}" for h in self.hosts}

    def check_request(self, method: str, path: str, headers, query) -> None:
        """Refuse a request whose Host, Origin or token is not this server's (raises :class:`Refused`)."""
        host = (headers.get("host") or "").lower()
        if host not in self.hosts:
            raise Refused(421, f"拒绝访问：请求的主机名 {host or '（空）'} 不是本机服务地址")
        origin = headers.get("origin")
        if origin is not None and origin.lower() not in self.origins:
            raise Refused(403, "拒绝访问：请求来自其他网站")
        if method not in SAFE_METHODS:
            if origin is None:
                raise Refused(403, "拒绝访问：修改操作必须来自本服务的页面")
            if headers.get("sec-fetch-site") not in (None, "same-origin"):
                raise Refused(403, "拒绝访问：请求来自其他网站")
        if path.startswith("/api/"):
            given = headers.get(TOKEN_HEADER) or query.get("t") or ""
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                raise Refused(403, "拒绝访问：缺少或错误的会话令牌（请从 gongwen serve 打开的页面操作）")

    def inside(self, relative: str, must_exist: bool = False) -> Path:
        """The file or folder ``relative`` names inside the folder; :class:`Refused` for anything else:
        an absolute path, ``..``, a NUL, or a symbolic link that leads out."""
        relative = (relative or "").replace("\\", "/")
        if "\x00" in relative or len(relative) > 1024:
            raise Refused(400, "路径无效")
        parts = PurePosixPath(relative).parts
        if relative.startswith("/") or any(p == ".." or ":" in p for p in parts):
            raise Refused(403, f"拒绝访问：{relative} 不在文件夹内")
        target = (self.folder.joinpath(*parts) if parts else self.folder).resolve()
        if target != self.folder and self.folder not in target.parents:
            raise Refused(403, f"拒绝访问：{relative} 指向文件夹以外")
        if must_exist and not target.exists():
            raise Refused(404, f"找不到 {relative}")
        return target

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.folder).as_posix()


async def read_body(request, limit: int) -> bytes:
    """The request's body, at most ``limit`` bytes (413 beyond, before reading it when it says so)."""
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > limit):
        raise Refused(413, f"内容过大：上限 {limit // (1024 * 1024)} MB")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refused(413, f"内容过大：上限 {limit // (1024 * 1024)} MB")
        chunks.append(chunk)
    return b"".join(chunks)


def plain_name(name: str, suffixes: Iterable[str]) -> str:
    """A dropped file's name as shown and stored: its last path part, one of ``suffixes``."""
    base = os.path.basename((name or "").replace("\\", "/")).strip() or "草稿"
    base = "".join(c for c in base if c.isprintable() and c not in '<>:"|?*')[:120] or "草稿"
    if not base.lower().endswith(tuple(suffixes)):
        raise Refused(415, f"只能检查 {'、'.join(suffixes)} 文件")
    return base
