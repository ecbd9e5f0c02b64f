"""The web app answers unknown pages and methods in Chinese, as the rest of gongwen does."""

from tests.serve.helpers import client, make_folder


def test_unknown_page_and_method_in_chinese(tmp_path):
    c = client(make_folder(tmp_path))
    missing = c.get("/nope")
    assert missing.status_code == 404 and missing.text == "找不到这个页面"
    wrong = c.delete("/api/list")
    assert wrong.status_code in (403, 405) and "Method Not Allowed" not in wrong.text
