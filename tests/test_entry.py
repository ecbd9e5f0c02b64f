"""The fast entry point answers --version and --help exactly as click would."""

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from gongwen import __version__, entry
from gongwen.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_help_text_equals_clicks():
    result = CliRunner().invoke(main, ["--help"], prog_name="gongwen", terminal_width=80)
    assert result.exit_code == 0
    assert entry.HELP == result.output


def test_version_and_help_without_click(capsys):
    assert entry.main(["--version"]) == 0
    assert capsys.readouterr().out == f"gongwen {__version__}\n"
    assert entry.main(["-h"]) == 0
    assert "gongwen build content/" in capsys.readouterr().out


def test_fast_path_imports_nothing_heavy():
    probe = ("import sys\nfrom gongwen.entry import main\nmain(['--version']); main(['--help'])\n"
             "print('LOADED', sorted(m for m in ('click', 'docx', 'lxml', 'jinja2', 'yaml') if m in sys.modules))")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert "LOADED []" in done.stdout, done.stdout + done.stderr


def test_everything_else_goes_to_click(tmp_path):
    try:
        entry.main(["build", str(tmp_path / "missing.yaml")])
    except SystemExit as exc:
        assert exc.code == 2
