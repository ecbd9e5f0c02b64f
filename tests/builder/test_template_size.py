"""A template whose body is far larger than a 公文 template needs is refused before it is rendered
(the body is repeated for every paragraph of a document)."""

from __future__ import annotations

import zipfile

from click.testing import CliRunner

from gongwen.builder import render
from gongwen.cli import main
from tests.paths import CONTENT, TEMPLATES


def test_an_oversized_template_body_is_refused_by_check_and_build(tmp_path):
    path = tmp_path / "big.docx"
    line = "甲" * 10_000
    filler = "</w:t></w:r></w:p><w:p><w:r><w:t>".join([line] * (render.MAX_BODY // 10_000 + 1))
    with zipfile.ZipFile(TEMPLATES / "speech.docx") as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:body>", f"<w:p><w:r><w:t>{filler}</w:t></w:r></w:p></w:body>".encode())
            out.writestr(item, data)
    checked = CliRunner().invoke(main, ["templates", "check", str(path)])
    assert checked.exit_code == 1 and "模板正文过大" in checked.output, checked.output
    built = CliRunner().invoke(main, ["build", str(CONTENT / "speech.yaml"), "--template", str(path),
                                      "-o", str(tmp_path / "out")])
    assert built.exit_code == 1 and "模板正文过大" in built.output, built.output
