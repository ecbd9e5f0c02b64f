"""The web app is an optional part: other commands never import Starlette or uvicorn, and
``gongwen serve`` says how to install it where it is missing."""

import subprocess
import sys

from click.testing import CliRunner

from gongwen.cli import main

from tests.paths import ROOT

PROBE = """
import sys
from gongwen.entry import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
bad = sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn', 'httpx', 'anyio')
             or m.startswith('gongwen.serve'))
print('LOADED:' + ','.join(bad))
"""


def _loaded(*args):
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)
    line = [x for x in out.stdout.splitlines() if x.startswith("LOADED:")][-1]
    return line[len("LOADED:"):]


def test_other_commands_do_not_import_the_web_app():
    assert _loaded("--version") == ""
    assert _loaded("lint", "content/speech.yaml") == ""
    assert _loaded("schema") == ""


def test_serve_without_the_optional_part(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_uvicorn(name, *args, **kwargs):
        if name.split(".")[0] in ("starlette", "uvicorn") or name == "gongwen.serve.app":
            raise ImportError(f"No module named {name!r}", name=name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_uvicorn)
    result = CliRunner().invoke(main, ["serve", str(ROOT / "content"), "--no-browser"])
    assert result.exit_code == 1
    assert "pip install 'gongwen[serve]'" in result.output
