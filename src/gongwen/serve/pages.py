"""The two HTML pages (the folder, a document): one shell whose script (``static/app.js``) builds
the page; the session token and the page's numbers travel in ``data-`` attributes, so no inline
script is needed and the Content-Security-Policy allows scripts from this server only."""

from __future__ import annotations

import html
import json

from gongwen import __version__

CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
       "img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "Cache-Control": "no-store"}


def page(which: str, state) -> str:
    from gongwen.builder.pdf import available
    from gongwen.serve.preview import spec

    data = {"token": state.guard.token, "page": which, "pdf": available(), "version": __version__,
            "folder": state.guard.folder.name, "spec": spec()}
    title = "gongwen 公文" if which == "folder" else "gongwen 公文编辑"
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="stylesheet" href="/static/report.css">
</head>
<body data-gongwen="{html.escape(json.dumps(data, ensure_ascii=False), quote=True)}">
<div id="app"></div>
<script src="/static/editor.js"></script>
<script src="/static/preview.js"></script>
<script src="/static/app.js"></script>
</body>
</html>
"""
