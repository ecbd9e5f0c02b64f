"""The committed templates are exactly what ``gongwen.builder.templatemaker`` generates."""

import zipfile

import pytest

from gongwen.builder import templatemaker

from tests.paths import ROOT

NAMES = sorted(templatemaker.TEMPLATE_TITLES)


@pytest.mark.parametrize("name", NAMES)
def test_committed_template_matches_generator_part_by_part(name):
    expected = templatemaker.parts(name)
    with zipfile.ZipFile(ROOT / "templates" / f"{name}.docx") as zf:
        assert zf.namelist() == list(expected), "parts differ: run `make templates`"
        for part, xml in expected.items():
            assert zf.read(part).decode("utf-8") == xml, f"{name}.docx {part} differs: run `make templates`"


@pytest.mark.parametrize("name", NAMES)
def test_regenerating_is_byte_for_byte_reproducible(name, tmp_path):
    target = tmp_path / f"{name}.docx"
    templatemaker.write(name, target)
    assert target.read_bytes() == (ROOT / "templates" / f"{name}.docx").read_bytes()


def test_package_templates_are_the_committed_ones():
    package = ROOT / "src" / "gongwen" / "templates"
    assert sorted(p.name for p in package.glob("*.docx")) == [f"{n}.docx" for n in NAMES]
    for name in NAMES:
        assert (package / f"{name}.docx").read_bytes() == (ROOT / "templates" / f"{name}.docx").read_bytes()
