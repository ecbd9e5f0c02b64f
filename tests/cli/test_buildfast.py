"""``gongwen build FILE [-o DIR]`` answered without click, exactly as click would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from click.testing import CliRunner

from gongwen import entry
from gongwen.cli import main
from gongwen.cli.buildfast import fast, parse

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"


def _parts(path: Path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def test_fast_build_prints_and_writes_what_click_does(tmp_path, capsys, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(CONTENT / "speech.yaml", src / "讲话.yaml")
    shutil.copy(CONTENT / "report.yaml", src / "调研.yaml")
    (src / "坏.yaml").write_text("kind: speech\ntitle: 清河县春耕动员讲话\nsections: 不是列表\n", encoding="utf-8")
    for args in ([str(src / "讲话.yaml")], [str(src), "-o", "{out}"], [str(src / "调研.yaml"), "--out={out}"]):
        fast_dir, click_dir = tmp_path / "fast", tmp_path / "click"
        for d in (fast_dir, click_dir):
            shutil.rmtree(d, ignore_errors=True)
        monkeypatch.chdir(tmp_path)
        code = entry.main(["build", *[a.format(out=fast_dir) for a in args]])
        fast_out = capsys.readouterr()
        clicked = CliRunner().invoke(main, ["build", *[a.format(out=click_dir) for a in args]], prog_name="gongwen")
        expected = clicked.exit_code
        assert code == expected, (args, clicked.output)
        assert fast_out.out.replace(str(fast_dir), "OUT") == clicked.stdout.replace(str(click_dir), "OUT")
        assert fast_out.err.replace(str(fast_dir), "OUT") == clicked.stderr.replace(str(click_dir), "OUT")
        if len(args) == 1:
            continue  # both wrote to out/ (the second over the first)
        built = sorted(p.relative_to(fast_dir) for p in fast_dir.rglob("*.docx"))
        assert built and built == sorted(p.relative_to(click_dir) for p in click_dir.rglob("*.docx"))
        for rel in built:
            assert _parts(fast_dir / rel) == _parts(click_dir / rel)
        assert "已生成" in fast_out.out
        if args[1:2] == ["-o"]:
            assert "失败" in fast_out.err and code == 1  # the bad one fails alike


def test_anything_else_goes_to_click(tmp_path):
    speech = str(CONTENT / "speech.yaml")
    assert parse([speech]) == ([speech], "out")
    assert parse([speech, "-o", "x"]) == ([speech], "x")
    for args in ([], [speech, "--pdf"], [speech, "-j", "2"], [speech, "-o"], [speech, "-o", "a", "-o", "b"],
                 [str(tmp_path / "missing.yaml")], [speech, "--template", "report"], ["草稿.docx"]):
        assert parse(args) is None, args
    draft = tmp_path / "草稿.txt"
    draft.write_text("清河县人民政府关于春耕的通知\n", encoding="utf-8")
    assert fast([str(draft), "-o", str(tmp_path / "o")]) is None  # a draft: the importer, via click
    many = tmp_path / "many"
    many.mkdir()
    for i in range(6):
        shutil.copy(CONTENT / "speech.yaml", many / f"{i}.yaml")
    assert fast([str(many), "-o", str(tmp_path / "o")]) is None  # a progress bar: click


def test_fast_build_imports_no_click(tmp_path):
    probe = ("import sys\nfrom gongwen.entry import main\nmain(['build', sys.argv[1], '-o', sys.argv[2]])\n"
             "print('LOADED', sorted(m for m in ('click', 'docx', 'docxtpl') if m in sys.modules))")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run([sys.executable, "-c", probe, str(CONTENT / "speech.yaml"), str(tmp_path / "o")],
                          capture_output=True, text=True, env=env)
    assert "LOADED []" in done.stdout, done.stdout + done.stderr
    assert (tmp_path / "o" / "speech.docx").exists()
