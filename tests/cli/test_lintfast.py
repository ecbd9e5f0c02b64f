"""``gongwen lint FILE`` and ``gongwen lint --help`` answered without click, exactly as click would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from gongwen import entry
from gongwen.cli import main
from gongwen.cli.lintfast import HELP, fast

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "lint" / "corpus"


def test_help_equals_clicks():
    """What the click command prints to a pipe (as the fast path is used: scripts, hooks)."""
    probe = "from gongwen.cli import main; main(['lint', '--help'], prog_name='gongwen')"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    env.pop("COLUMNS", None)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                          encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert HELP == done.stdout


def test_fast_path_prints_what_click_prints(tmp_path, capsys):
    draft = tmp_path / "通知.txt"
    draft.write_text("清河县人民政府关于做好春季农业生产工作的通知\n各乡镇人民政府,县直各部门:\n力争25年底前完成。\n",
                     encoding="utf-8")
    paths = [str(draft), str(CORPUS)]
    code = entry.main(["lint", *paths])
    fast_out = capsys.readouterr()
    clicked = CliRunner().invoke(main, ["lint", *paths], prog_name="gongwen")
    assert code == clicked.exit_code == 1
    assert fast_out.out == clicked.stdout
    assert fast_out.err == clicked.stderr
    assert "GW501" in fast_out.out


def test_anything_else_goes_to_click(tmp_path):
    assert fast(["--select", "GW4", str(tmp_path)]) is None
    assert fast(["-"]) is None
    assert fast([str(tmp_path / "missing.txt")]) is None
    assert fast([]) is None


def test_fast_path_imports_no_click(tmp_path):
    draft = tmp_path / "a.txt"
    draft.write_text("一、总体要求\n", encoding="utf-8")
    probe = ("import sys\nfrom gongwen.entry import main\nmain(['lint', sys.argv[1]]); main(['lint', '--help'])\n"
             "print('LOADED', sorted(m for m in ('click', 'docx', 'lxml', 'jinja2') if m in sys.modules))")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run([sys.executable, "-c", probe, str(draft)], capture_output=True, text=True, env=env)
    assert "LOADED []" in done.stdout, done.stdout + done.stderr
