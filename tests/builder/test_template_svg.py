"""An SVG picture can point at a local file or a URL that LibreOffice follows: such a template is refused."""

from __future__ import annotations

import zipfile

from click.testing import CliRunner

from gongwen.cli import main
from tests.paths import CONTENT, TEMPLATES

SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" '
       b'height="64"><image xlink:href="file:///etc/hostname" width="64" height="64"/></svg>')


def svg_template(tmp_path):
    path = tmp_path / "svg.docx"
    with zipfile.ZipFile(TEMPLATES / "speech.docx") as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            out.writestr(item, src.read(item))
        out.writestr("word/media/image1.svg", SVG)
    return path


def test_templates_check_and_build_refuse_an_svg_picture(tmp_path):
    template = svg_template(tmp_path)
    checked = CliRunner().invoke(main, ["templates", "check", str(template)])
    assert checked.exit_code == 1 and "SVG" in checked.output, checked.output
    built = CliRunner().invoke(main, ["build", str(CONTENT / "speech.yaml"), "--template", str(template),
                                      "-o", str(tmp_path / "out")])
    assert built.exit_code == 1 and "SVG" in built.output, built.output
    assert not (tmp_path / "out" / "speech.docx").exists()
