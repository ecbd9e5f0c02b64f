"""A batch looks up settings and templates once per folder (builder/folders.py): every document
gets what it gets built on its own — each folder's own settings, a broken settings file named for
every document under it, a linked content file the settings of the folder it points into."""

from __future__ import annotations

import os

from gongwen.builder.pipeline import build, build_one

TEXT = "kind: speech\nvars: {{n: 1}}\ntitle: \"{{{{ org }}}}关于{title}的讲话\"\nsections:\n  - heading: 一\n    paragraphs: 正文。\n"


def _folder(path, settings, *titles):
    path.mkdir(parents=True)
    if settings is not None:
        (path / "gongwen.yaml").write_text(settings, encoding="utf-8")
    for title in titles:
        (path / f"{title}.yaml").write_text(TEXT.format(title=title), encoding="utf-8")
    return path


def _outcome(result):
    return result.ok, result.errors, result.warnings, result.summary


def test_a_batch_builds_what_each_document_builds_on_its_own(tmp_path):
    top = tmp_path / "c"
    _folder(top / "甲", "org: 甲单位\n", "一", "二", "三")
    _folder(top / "乙", "org: 乙单位\n", "四", "五")
    _folder(top / "丙", "lint: 5\n", "六", "七")  # a fault in the settings
    _folder(top / "丙" / "丁", "org: 丁单位\n", "八")
    os.symlink(top / "甲" / "一.yaml", top / "乙" / "链接.yaml")
    results = build(top, tmp_path / "batch")
    assert len(results) == 9
    for r in results:
        alone = build_one(r.source, tmp_path / "alone" / os.path.relpath(r.target, tmp_path / "batch"))
        assert _outcome(r) == _outcome(alone), r.source
        if r.ok:
            assert open(r.target, "rb").read() == open(alone.target, "rb").read(), r.source
    by_name = {os.path.basename(r.source): r for r in results}
    assert not by_name["六.yaml"].ok and not by_name["七.yaml"].ok
    assert by_name["六.yaml"].errors == by_name["七.yaml"].errors
    assert by_name["八.yaml"].ok and by_name["链接.yaml"].ok
    assert "lint" in by_name["六.yaml"].errors[0]


def test_each_folder_gets_its_own_organisation(tmp_path):
    from gongwen.builder.pipeline import load_document

    top = tmp_path / "c"
    _folder(top / "甲", "org: 甲单位\n", "一")
    _folder(top / "乙", "org: 乙单位\n", "四")
    os.symlink(top / "甲" / "一.yaml", top / "乙" / "链接.yaml")
    from gongwen.builder.folders import Folders

    folders = Folders()
    titles = [load_document(top / "乙" / name, folders=folders)[0].title for name in ("四.yaml", "链接.yaml")]
    assert titles == ["乙单位关于四的讲话", "甲单位关于一的讲话"]
