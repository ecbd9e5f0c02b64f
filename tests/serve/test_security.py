"""``gongwen serve`` refuses what a local server must: other host names (DNS rebinding), other
sites' pages, requests without the session token, paths out of the folder, oversize bodies."""

import os

import pytest

from gongwen.serve.security import MAX_TEXT, MAX_UPLOAD

from tests.serve.helpers import BASE, PORT, TOKEN, client, make_folder


@pytest.fixture
def c(tmp_path):
    return client(make_folder(tmp_path))


def test_foreign_host_refused(c):
    assert c.get("/api/list").status_code == 200
    for host in ("evil.example:8765", f"127.0.0.1:{PORT + 1}", "127.0.0.1", f"attacker.test:{PORT}"):
        r = c.get("/api/list", headers={"Host": host})
        assert r.status_code == 421, host
        assert c.get("/", headers={"Host": host}).status_code == 421
    assert c.get("/api/list", headers={"Host": f"localhost:{PORT}", "Origin": f"http://localhost:{PORT}"}).status_code == 200


def test_foreign_origin_refused(c):
    body = {"path": "speech.yaml", "text": "kind: 讲话稿\n", "version": None}
    for origin in ("http://evil.example", f"http://127.0.0.1:{PORT + 1}", "null"):
        r = c.put("/api/file", json=body, headers={"Origin": origin})
        assert r.status_code == 403, origin
        assert c.post("/api/check", json={"path": "a.yaml", "text": ""}, headers={"Origin": origin}).status_code == 403
    # a write with no Origin at all, or marked cross-site by the browser
    r = c.put("/api/file", json=body, headers={"Origin": ""})
    assert r.status_code == 403
    del c.headers["Origin"]
    assert c.post("/api/check", json={"path": "a.yaml", "text": ""}).status_code == 403
    assert c.post("/api/check", json={"path": "a.yaml", "text": ""},
                  headers={"Origin": BASE, "Sec-Fetch-Site": "cross-site"}).status_code == 403


def test_missing_or_wrong_token_refused(c):
    for token in ("", "x" + TOKEN, TOKEN[:-1]):
        assert c.get("/api/list", headers={"X-Gongwen-Token": token}).status_code == 403
        assert c.get("/api/events", headers={"X-Gongwen-Token": token}).status_code == 403
        r = c.post("/api/check", json={"path": "a.yaml", "text": ""}, headers={"X-Gongwen-Token": token})
        assert r.status_code == 403
    assert c.get("/api/list", params={"t": TOKEN}, headers={"X-Gongwen-Token": ""}).status_code == 200


@pytest.mark.parametrize("path", ["../secret.yaml", "2024/../../secret.yaml", "/etc/passwd", "..\\secret.yaml",
                                  "C:/secret.yaml", "a\x00.yaml"])
def test_paths_out_of_the_folder_refused(c, tmp_path, path):
    (tmp_path / "secret.yaml").write_text("kind: 讲话稿\ntitle: 机密\n", encoding="utf-8")
    assert c.get("/api/file", params={"path": path}).status_code in (400, 403)
    r = c.put("/api/file", json={"path": path, "text": "kind: 讲话稿\n", "version": None})
    assert r.status_code in (400, 403)
    assert (tmp_path / "secret.yaml").read_text(encoding="utf-8") == "kind: 讲话稿\ntitle: 机密\n"
    assert c.post("/api/build", json={"path": path}).status_code in (400, 403, 404)
    assert c.post("/api/review", json={"path": path}).status_code in (400, 403, 404)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_symlink_out_of_the_folder_refused(c, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("kind: 讲话稿\ntitle: 机密\n", encoding="utf-8")
    (outside / "草稿.txt").write_text("机密\n", encoding="utf-8")
    folder = c.app_state.guard.folder
    os.symlink(outside / "secret.yaml", folder / "link.yaml")
    os.symlink(outside, folder / "linkdir")
    os.symlink(outside / "草稿.txt", folder / "link.txt")
    assert c.get("/api/file", params={"path": "link.yaml"}).status_code == 403
    assert c.get("/api/file", params={"path": "linkdir/secret.yaml"}).status_code == 403
    r = c.put("/api/file", json={"path": "link.yaml", "text": "kind: 讲话稿\n", "version": None})
    assert r.status_code == 403
    assert (outside / "secret.yaml").read_text(encoding="utf-8") == "kind: 讲话稿\ntitle: 机密\n"
    assert c.post("/api/review", json={"path": "link.txt"}).status_code == 403
    assert c.post("/api/new", json={"kind": "通知", "folder": "linkdir", "name": "x"}).status_code == 403
    listed = {f["path"] for f in c.get("/api/list").json()["files"]}
    assert not any(p.startswith(("link", "linkdir/")) for p in listed)


def test_oversize_bodies_refused(c):
    big = b"x" * (MAX_UPLOAD + 1)
    r = c.post("/api/draft", content=big, headers={"X-File-Name": "big.txt"})
    assert r.status_code == 413
    r = c.post("/api/check", content=b'{"path": "a.yaml", "text": "' + b"x" * (MAX_TEXT + 70 * 1024) + b'"}',
               headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    text = "kind: 讲话稿\ntitle: 长\n# " + "x" * (MAX_TEXT + 10) + "\n"
    assert c.post("/api/check", json={"path": "a.yaml", "text": text}).status_code == 413


def test_only_drafts_may_be_dropped(c):
    r = c.post("/api/draft", content=b"MZ\x90\x00", headers={"X-File-Name": "tool.exe"})
    assert r.status_code == 415
    r = c.post("/api/draft", content=b"kind: x", headers={"X-File-Name": "..%2F..%2Fa.txt"})
    assert r.status_code == 200 and r.json()["name"] == "a.txt"


def test_binds_to_loopback_only(monkeypatch):
    pytest.importorskip("uvicorn")
    import uvicorn

    from gongwen.serve import app as serve_app

    seen = {}

    class FakeServer:
        def __init__(self, config):
            seen["host"] = config.host

        def run(self):
            pass

    monkeypatch.setattr(uvicorn, "Server", FakeServer)
    serve_app.serve(".", port=0, open_browser=False)
    assert seen["host"] == "127.0.0.1"
