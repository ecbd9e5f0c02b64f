"""The README's content example is the contract writers copy: it must build."""

import re
from pathlib import Path

import docx

from gongwen.builder.pipeline import build_one

ROOT = Path(__file__).resolve().parents[1]


def test_readme_speech_example_builds(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(kind: 讲话稿.*?)```", readme, re.S).group(1)
    (tmp_path / "speech.yaml").write_text(example, encoding="utf-8")
    result = build_one(tmp_path / "speech.yaml", tmp_path / "speech.docx")
    assert result.ok, result.errors
    texts = [p.text for p in docx.Document(tmp_path / "speech.docx").paragraphs]
    assert "要做到：一是检查到位；二是整改到位；三是问责到位。" in texts
    assert "第一，加大投入。" in texts and "2.定期通报" in texts


def test_readme_shows_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme


def test_every_command_is_documented_in_help():
    from click.testing import CliRunner

    from gongwen.cli import COMMANDS, main

    for name in COMMANDS:
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "示例" in result.output, name
        assert f"gongwen {name}" in readme_text() or name == "rule", name


def readme_text():
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_developer_table_lists_every_module():
    """The README's layer table names every module of each package (docs/architecture.md says what each does)."""
    import re

    from tests.paths import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    src = ROOT / "src" / "gongwen"
    for package in ("spec", "ooxml", "content", "draft", "builder", "importer", "lint", "serve"):
        row = re.search(rf"^\| `{package}/` \| (.*?) \|", readme, re.M)
        assert row, package
        listed = set(re.findall(r"`(\w+)`", row.group(1)))
        present = {p.stem for p in (src / package).glob("*.py") if p.stem != "__init__"}
        assert present <= listed, (package, sorted(present - listed))
