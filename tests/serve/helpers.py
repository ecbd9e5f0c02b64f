"""A folder of content and drafts for the serve tests, and a client of the app in-process."""

import shutil

import pytest

from tests.paths import ROOT

PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
TOKEN = "test-token-0123456789"


def make_folder(tmp_path):
    folder = tmp_path / "公文"
    (folder / "2024").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "speech.yaml", folder / "speech.yaml")
    shutil.copy(ROOT / "content" / "notice.yaml", folder / "2024" / "notice.yaml")
    (folder / "草稿.txt").write_text("关于做好防汛工作的通知\n各乡镇:\n一、 加强领导\n", encoding="utf-8")
    return folder


def client(folder):
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    import warnings

    with warnings.catch_warnings():  # newer Starlette prefers httpx2; httpx works the same here
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    from gongwen.serve.app import make_app

    guarded, app = make_app(folder, PORT, TOKEN)
    c = TestClient(guarded, base_url=BASE)
    c.headers.update({"X-Gongwen-Token": TOKEN, "Origin": BASE})
    c.app_state = app.state
    return c
