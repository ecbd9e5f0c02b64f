"""The API of ``gongwen serve`` in-process (Starlette's TestClient): listing, reading, saving with
versions and conflicts, the preview with findings, new documents, builds and downloads, drafts."""

import io
import zipfile

from tests.serve.helpers import client, make_folder


def test_listing_has_sub_folders_kinds_titles_and_counts(tmp_path):
    c = client(make_folder(tmp_path))
    r = c.get("/api/list").json()
    by_path = {f["path"]: f for f in r["files"]}
    assert set(by_path) == {"speech.yaml", "2024/notice.yaml", "草稿.txt"}
    assert by_path["speech.yaml"]["kind"] == "讲话稿" and by_path["speech.yaml"]["findings"] == 0
    assert by_path["2024/notice.yaml"]["folder"] == "2024"
    assert by_path["2024/notice.yaml"]["title"].startswith("清河县人民政府办公室关于")
    assert by_path["草稿.txt"]["type"] == "draft" and by_path["草稿.txt"]["findings"] >= 2
    assert {k["name"] for k in r["kinds"]} >= {"通知", "讲话稿", "复函"}


def test_read_save_and_the_first_save_wins(tmp_path):
    folder = make_folder(tmp_path)
    c = client(folder)
    first = c.get("/api/file", params={"path": "speech.yaml"}).json()
    tab_a = first["text"].replace("同志们：", "各位同志：")
    tab_b = first["text"].replace("同志们：", "同志们、朋友们：")
    saved = c.put("/api/file", json={"path": "speech.yaml", "text": tab_a, "version": first["version"]})
    assert saved.status_code == 200 and saved.json()["version"] != first["version"]
    assert (folder / "speech.yaml").read_text(encoding="utf-8") == tab_a
    late = c.put("/api/file", json={"path": "speech.yaml", "text": tab_b, "version": first["version"]})
    assert late.status_code == 409
    body = late.json()
    assert body["disk_text"] == tab_a and body["your_text"] == tab_b  # neither tab's text is lost
    assert (folder / "speech.yaml").read_text(encoding="utf-8") == tab_a
    # the second tab, having seen the disk version, may save over it
    again = c.put("/api/file", json={"path": "speech.yaml", "text": tab_b, "version": body["disk_version"]})
    assert again.status_code == 200
    assert (folder / "speech.yaml").read_text(encoding="utf-8") == tab_b


def test_a_change_on_disk_changes_the_version(tmp_path):
    folder = make_folder(tmp_path)
    c = client(folder)
    before = c.get("/api/file", params={"path": "speech.yaml"}).json()["version"]
    path = folder / "speech.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("同志们", "同志门"), encoding="utf-8")
    assert c.get("/api/file", params={"path": "speech.yaml"}).json()["version"] != before


def test_check_gives_pages_and_findings_with_places(tmp_path):
    c = client(make_folder(tmp_path))
    text = c.get("/api/file", params={"path": "2024/notice.yaml"}).json()["text"]
    r = c.post("/api/check", json={"path": "2024/notice.yaml", "text": text}).json()
    assert r["error"] == "" and r["findings"] == []
    assert len(r["pages"]) % 2 == 0  # the 版记 ends an even page
    kinds = [p["k"] for page in r["pages"] for p in page]
    assert kinds[:3] == ["urgency", "spacer", "mark"] and "record" in kinds and "table" in kinds
    mark = next(p for page in r["pages"] for p in page if p["k"] == "mark")
    assert mark["color"] == "#FF0000" and mark["runs"][0]["role"] == "title"
    bad = text.replace("kind: 通知", "kind: 通知书").replace("各乡镇、各有关部门要始终", "各乡镇、各有关部门要始终,")
    r = c.post("/api/check", json={"path": "2024/notice.yaml", "text": bad}).json()
    assert r["pages"] == [] and r["error"]
    codes = {f["code"]: f for f in r["findings"]}
    assert codes and all(f["line"] >= 1 and f["column"] >= 1 for f in r["findings"])
    kind_line = bad.splitlines().index("kind: 通知书") + 1
    assert any(f["line"] == kind_line for f in r["findings"])


def test_pages_split_a_long_paragraph_at_the_grid(tmp_path):
    c = client(make_folder(tmp_path))
    long = "为切实做好安全生产工作，" * 120
    text = f"kind: 讲话稿\ntitle: 测试讲话\nsections:\n  - heading: 第一部分\n    paragraphs:\n      - {long}\n"
    r = c.post("/api/check", json={"path": "t.yaml", "text": text}).json()
    assert len(r["pages"]) >= 2
    shown = "".join(run["text"] for page in r["pages"] for p in page for run in p["runs"] if p["k"] == "body")
    assert shown == long  # split, nothing lost
    assert r["pages"][1][0].get("continued") and r["pages"][1][0]["indent"] == 0


def test_new_document_from_a_skeleton(tmp_path):
    folder = make_folder(tmp_path)
    c = client(folder)
    r = c.post("/api/new", json={"kind": "请示", "folder": "2024", "name": "请示"})
    assert r.json() == {"path": "2024/请示.yaml"}
    text = (folder / "2024" / "请示.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=gongwen.schema.json\n") and "kind: 请示" in text
    assert (folder / "2024" / "gongwen.schema.json").exists()
    assert c.post("/api/new", json={"kind": "请示", "folder": "2024", "name": "请示"}).status_code == 409
    assert c.post("/api/new", json={"kind": "公告", "folder": "", "name": "x"}).status_code == 400


def test_build_and_download(tmp_path):
    c = client(make_folder(tmp_path))
    r = c.post("/api/build", json={"path": "2024/notice.yaml"}).json()
    assert r["ok"] and r["files"] == ["notice.docx"]
    got = c.get(f"/api/download/{r['id']}/notice.docx")
    assert got.status_code == 200 and "attachment" in got.headers["content-disposition"]
    assert zipfile.ZipFile(io.BytesIO(got.content)).read("word/document.xml")
    assert c.get(f"/api/download/{r['id']}/..%2Fnotice.docx").status_code == 404
    assert c.get("/api/download/zzz/notice.docx").status_code == 404


def test_drop_a_draft(tmp_path):
    from tests.lint.htmlpages import faulty_docx

    c = client(make_folder(tmp_path))
    data = faulty_docx(tmp_path).read_bytes()
    r = c.post("/api/draft", content=data, headers={"X-File-Name": "%E8%8D%89%E7%A8%BF.docx"}).json()
    assert r["name"] == "草稿.docx" and r["findings"]
    assert 'class="gw-report"' in r["report"] and str(tmp_path) not in r["report"]
    names = {f["what"]: f["name"] for f in r["files"]}
    assert set(names) == {"annotated", "fixed"}
    annotated = c.get(f"/api/download/{r['id']}/{names['annotated']}")
    assert b"word/comments" in annotated.content
    laid = c.post(f"/api/layout/{r['id']}/草稿.docx").json()
    assert laid["ok"], laid
    assert c.get(f"/api/download/{laid['id']}/{laid['files'][0]}").status_code == 200
    # a draft in the folder is reviewed the same way, the folder left as it was
    r = c.post("/api/review", json={"path": "草稿.txt"}).json()
    assert r["findings"] and r["files"] == []


def test_schema_endpoint(tmp_path):
    from gongwen.content.jsonschema import json_schema

    assert client(make_folder(tmp_path)).get("/api/schema").json() == json_schema()


def test_pages_carry_the_token_and_a_strict_policy(tmp_path):
    c = client(make_folder(tmp_path))
    page = c.get("/", headers={"X-Gongwen-Token": ""})
    assert page.status_code == 200 and "test-token-0123456789" in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "connect-src 'self'" in csp and "http" not in csp
    assert "<script>" not in page.text and "https://" not in page.text
    assert c.get("/static/editor.js").status_code == 200
    assert c.get("/static/report.css").status_code == 200
    assert c.get("/static/..%2Fapp.py").status_code == 404


def test_preview_pages_agree_with_the_build_estimate():
    """The preview puts every example on as many pages as the build's own estimate (the one that puts
    the 版记 on an even page); measured against LibreOffice's PDFs of content/, they agree too."""
    from gongwen.builder import layout
    from gongwen.builder.pages import last_page
    from gongwen.builder.pipeline import load_document
    from gongwen.serve.preview import preview

    from tests.paths import ROOT

    for path in sorted((ROOT / "content").glob("*.yaml")):
        doc, house = load_document(path)
        expected = last_page(layout.paragraphs(doc, level3=house.level3))[0]
        assert len(preview(path.read_text(encoding="utf-8"), str(path))["pages"]) == expected, path.name
