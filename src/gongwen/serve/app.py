"""``gongwen serve``: the Starlette app (its routes, the guard in front of them) and the uvicorn run."""

from __future__ import annotations

import asyncio
import socket
import threading
from pathlib import Path
from typing import Optional

from starlette.applications import Starlette
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from gongwen.serve import routes
from gongwen.serve.outputs import Outputs
from gongwen.serve.security import Guard, Refused, new_token

STATIC = Path(__file__).with_name("static")
#: Static files served, by name, and their types (nothing else under /static/ is).
STATIC_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


class Guarded:
    """ASGI middleware: every HTTP request passes :meth:`Guard.check_request` or is refused."""

    def __init__(self, app, guard: Guard):
        self.app, self.guard = app, guard

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
            from urllib.parse import parse_qs

            query = {k: v[0] for k, v in parse_qs(scope.get("query_string", b"").decode("latin-1")).items()}
            try:
                self.guard.check_request(scope["method"], scope["path"], headers, query)
            except Refused as exc:
                response = _refusal(exc, scope["path"])
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _refusal(exc: Refused, path: str) -> Response:
    if path.startswith("/api/"):
        return JSONResponse({"error": exc.message}, status_code=exc.status)
    return PlainTextResponse(exc.message, status_code=exc.status)


async def _refused(request, exc: Refused):
    return _refusal(exc, request.url.path)


async def static(request):
    name = request.path_params["name"]
    path = STATIC / name
    if name == "report.css":  # the lint report's own style, shared with `lint --format html`
        path = Path(__file__).parent.parent / "lint" / "report.css"
    if "/" in name or name.startswith(".") or path.suffix not in STATIC_TYPES or not path.is_file():
        return PlainTextResponse("找不到", status_code=404)
    return Response(path.read_bytes(), media_type=STATIC_TYPES[path.suffix],
                    headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"})


async def _not_found(request, exc):
    return PlainTextResponse("找不到这个页面", status_code=404)


async def _not_allowed(request, exc):
    return PlainTextResponse("不支持这种请求方式", status_code=405)


def make_app(folder, port: int, token: Optional[str] = None):
    """The app for ``folder`` served on 127.0.0.1:``port``."""
    guard = Guard(Path(folder), port, token or new_token())
    r = routes
    app = Starlette(routes=[
        Route("/", r.folder_page), Route("/doc", r.document_page), Route("/favicon.ico", r.favicon),
        Route("/static/{name}", static),
        Route("/api/schema", r.api_schema), Route("/api/list", r.api_list),
        Route("/api/file", r.api_read, methods=["GET"]), Route("/api/file", r.api_save, methods=["PUT", "POST"]),
        Route("/api/new", r.api_new, methods=["POST"]), Route("/api/check", r.api_check, methods=["POST"]),
        Route("/api/build", r.api_build, methods=["POST"]),
        Route("/api/download/{ident}/{name}", r.api_download),
        Route("/api/draft", r.api_draft, methods=["POST"]), Route("/api/review", r.api_review, methods=["POST"]),
        Route("/api/layout/{ident}/{name}", r.api_layout, methods=["POST"]),
        Route("/api/events", r.api_events),
    ], exception_handlers={Refused: _refused, 404: _not_found, 405: _not_allowed})
    app.state.guard = guard
    app.state.outputs = Outputs()
    app.state.heavy = asyncio.Semaphore(2)  # builds and reviews at once: bounded work
    return Guarded(app, guard), app


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(folder, port: int = 0, open_browser: bool = True, log_level: str = "warning") -> None:
    """Run the server on 127.0.0.1 until interrupted."""
    import uvicorn

    port = port or free_port()
    guarded, app = make_app(folder, port)
    url = f"http://127.0.0.1:{port}/"
    config = uvicorn.Config(guarded, host="127.0.0.1", port=port, log_level=log_level, access_log=False,
                            lifespan="off", server_header=False)
    server = uvicorn.Server(config)
    print(f"gongwen serve：{app.state.guard.folder}\n在浏览器中打开 {url}（按 Ctrl+C 停止）", flush=True)
    if open_browser:
        threading.Timer(0.8, _open, (url,)).start()
    try:
        server.run()
    finally:
        app.state.outputs.close()


def _open(url: str) -> None:
    import webbrowser

    try:
        webbrowser.open(url)
    except Exception:  # no browser here: the URL is printed
        pass
