"""What ``gongwen lint`` imports to answer the short cases: a one-line .txt, ``--help``, a .docx.

Start-up time is mostly imports, so the modules a run loads are checked, not its
time: a one-line .txt in a folder without settings loads none of typing,
dataclasses (and inspect), pathlib, json, configparser, decimal, datetime, importlib
or fcntl; ``lint --help`` loads no part of the lint engine.  A regression here
(an annotation import, a module-level pattern, a dataclass on the lint path) shows
as a module name, not as a slower machine.
"""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.paths import gongwen_env

HEAVY = ("typing", "dataclasses", "inspect", "pathlib", "json", "configparser", "decimal", "datetime",
         "importlib", "fcntl", "zipfile", "lxml", "yaml", "click")

PROBE = ("import sys, io, contextlib\n"
         "from gongwen.entry import main\n"
         "out = io.StringIO()\n"
         "with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):\n"
         "    code = main(sys.argv[1:])\n"
         "print(repr((code, out.getvalue(), sorted(sys.modules))))\n")


def _modules(args, cwd):
    """(exit code, stdout, modules loaded) of ``gongwen ARGS`` run in a fresh interpreter."""
    # io and contextlib are the probe's own; the bare interpreter's modules are left out of the count.
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=cwd, env=gongwen_env(),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    code, out, modules = ast.literal_eval(proc.stdout.strip().splitlines()[-1])
    bare = subprocess.run([sys.executable, "-c", "import sys, io, contextlib; print(repr(sorted(sys.modules)))"],
                          cwd=cwd, env=gongwen_env(), capture_output=True, text=True, timeout=120)
    before = set(ast.literal_eval(bare.stdout.strip()))
    return code, out, {m for m in modules if m not in before}


def test_one_line_text_imports_nothing_heavy(tmp_path):
    (tmp_path / "one.txt").write_text("今天召开会议。\n", encoding="utf-8")
    code, out, loaded = _modules(["lint", "one.txt"], tmp_path)
    assert code == 0
    assert sorted(m for m in loaded if m.split(".")[0] in HEAVY) == []
    assert not [m for m in loaded if m.startswith(("gongwen.lint.rules.layout", "gongwen.ooxml", "gongwen.builder"))]


def test_lint_help_imports_no_engine(tmp_path):
    code, out, loaded = _modules(["lint", "--help"], tmp_path)
    assert code == 0 and out.startswith("用法：gongwen lint")
    assert sorted(m for m in loaded if m.split(".")[0] in HEAVY or m.startswith("gongwen.lint")) == []


def test_docx_imports_only_rule_modules_that_can_fire(tmp_path):
    """A .docx imports the layout family and the rule modules for .docx whose triggers occur in it:
    not the YAML content rules (nor what they import to read YAML)."""
    from tests.tinydocx import make_docx, p

    (tmp_path / "a.docx").write_bytes(make_docx(p("关于召开会议的通知") + p("今天召开会议。")))
    code, out, loaded = _modules(["lint", "a.docx"], tmp_path)
    assert "gongwen.lint.rules.layout" in loaded
    assert not [m for m in loaded if m in ("gongwen.lint.rules.content", "gongwen.draft.yamlsource", "yaml")]
