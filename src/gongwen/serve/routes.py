"""The endpoints of ``gongwen serve``: two pages, a JSON API under ``/api/``, downloads, and the
event stream of changes on disk.  Every request has passed :mod:`gongwen.serve.security` first."""

from __future__ import annotations

import asyncio
import json
import urllib.parse

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse

from gongwen.serve import files, pages
from gongwen.serve.outputs import DRAFT_SUFFIXES
from gongwen.serve.security import MAX_TEXT, MAX_UPLOAD, Refused, plain_name, read_body

#: How often the event stream looks at the folder (seconds).
POLL = 0.5


def _state(request: Request):
    return request.app.state


async def _json(request: Request) -> dict:
    body = await read_body(request, MAX_TEXT + 64 * 1024)
    try:
        value = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Refused(400, "请求内容不是 JSON") from None
    if not isinstance(value, dict):
        raise Refused(400, "请求内容不是 JSON 对象")
    return value


def _text(value, name: str) -> str:
    if not isinstance(value, str):
        raise Refused(400, f"缺少 {name}")
    return value


async def folder_page(request: Request):
    return HTMLResponse(pages.page("folder", _state(request)), headers=pages.HEADERS)


async def document_page(request: Request):
    return HTMLResponse(pages.page("document", _state(request)), headers=pages.HEADERS)


async def api_schema(request: Request):
    from gongwen.content.jsonschema import json_schema

    return JSONResponse(json_schema())


async def api_list(request: Request):
    from gongwen.content.schema import KIND_NAMES

    state = _state(request)
    rows = await run_in_threadpool(files.listing, state.guard)
    return JSONResponse({"folder": str(state.guard.folder), "files": rows,
                         "kinds": [{"kind": k, "name": n} for k, n in KIND_NAMES.items()]})


async def api_read(request: Request):
    path = request.query_params.get("path", "")
    text, version = await run_in_threadpool(files.read, _state(request).guard, path)
    return JSONResponse({"path": path, "text": text, "version": version})


async def api_save(request: Request):
    body = await _json(request)
    path, text = _text(body.get("path"), "path"), _text(body.get("text"), "text")
    base = body.get("version")
    try:
        saved = await run_in_threadpool(files.save, _state(request).guard, path, text, base)
    except files.Conflict as c:  # the first save won: this one gets both texts back
        return JSONResponse({"error": "文件已被别处修改（另一个标签页或其他程序），本次未保存",
                             "disk_text": c.disk_text, "disk_version": c.disk_version, "your_text": c.yours},
                            status_code=409)
    return JSONResponse(saved)


async def api_new(request: Request):
    body = await _json(request)
    path = await run_in_threadpool(files.create, _state(request).guard, str(body.get("folder") or ""),
                                   str(body.get("name") or ""), str(body.get("kind") or ""))
    return JSONResponse({"path": path})


def _check(guard, path: str, text: str) -> dict:
    from gongwen.serve.preview import findings, preview

    target = guard.inside(path)
    return {**preview(text, str(target)), "findings": findings(text, str(target))}


async def api_check(request: Request):
    body = await _json(request)
    path, text = _text(body.get("path"), "path"), _text(body.get("text"), "text")
    if len(text.encode("utf-8")) > MAX_TEXT:
        raise Refused(413, "内容过大")
    return JSONResponse(await run_in_threadpool(_check, _state(request).guard, path, text))


async def api_build(request: Request):
    body = await _json(request)
    state = _state(request)
    source = state.guard.inside(_text(body.get("path"), "path"), must_exist=True)
    if source.suffix.lower() not in files.CONTENT_SUFFIXES:
        raise Refused(400, "只能生成 .yaml 内容文件")
    async with state.heavy:
        made = await run_in_threadpool(state.outputs.build, source, bool(body.get("pdf")))
    return JSONResponse(made)


async def api_download(request: Request):
    state = _state(request)
    path = state.outputs.file(request.path_params["ident"], request.path_params["name"])
    quoted = urllib.parse.quote(path.name)
    return FileResponse(path, headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quoted}"})


async def api_draft(request: Request):
    """A dropped draft: the raw bytes, its name in ``X-File-Name`` (URL-encoded)."""
    state = _state(request)
    name = plain_name(urllib.parse.unquote(request.headers.get("x-file-name", "")), DRAFT_SUFFIXES)
    data = await read_body(request, MAX_UPLOAD)
    if not data:
        raise Refused(400, "文件是空的")
    draft = await run_in_threadpool(state.outputs.store_draft, name, data)
    async with state.heavy:
        return JSONResponse(await run_in_threadpool(state.outputs.review, draft, state.guard.folder / name))


async def api_review(request: Request):
    """A draft in the folder, reviewed as if dropped (the folder's file is only read)."""
    state = _state(request)
    body = await _json(request)
    source = state.guard.inside(_text(body.get("path"), "path"), must_exist=True)
    if source.suffix.lower() not in DRAFT_SUFFIXES or not source.is_file():
        raise Refused(400, "只能检查 .docx .txt .md 草稿")
    if source.stat().st_size > MAX_UPLOAD:
        raise Refused(413, "文件过大")
    draft = await run_in_threadpool(state.outputs.store_draft, source.name, source.read_bytes())
    async with state.heavy:
        return JSONResponse(await run_in_threadpool(state.outputs.review, draft, source))


async def api_layout(request: Request):
    state = _state(request)
    draft = state.outputs.file(request.path_params["ident"], request.path_params["name"])
    async with state.heavy:
        return JSONResponse(await run_in_threadpool(state.outputs.lay_out, draft))


async def api_events(request: Request):
    """Server-sent events: ``change`` with the paths that changed on disk, polled every half second."""
    guard = _state(request).guard

    async def stream():
        before = await run_in_threadpool(files.signature, guard)
        yield "retry: 1000\nevent: hello\ndata: {}\n\n"
        beats = 0
        while not await request.is_disconnected():
            await asyncio.sleep(POLL)
            now = await run_in_threadpool(files.signature, guard)
            changed = sorted(k for k in set(before) | set(now) if before.get(k) != now.get(k))
            before = now
            if changed:
                yield f"event: change\ndata: {json.dumps({'paths': changed[:200]}, ensure_ascii=False)}\n\n"
            beats += 1
            if beats % 30 == 0:
                yield ": keep-alive\n\n"

    return StreamingResponse(stream(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


async def favicon(request: Request):
    return Response(status_code=204)
