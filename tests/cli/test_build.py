"""The build command through click's CliRunner, and once as a real process."""

import os
import subprocess
import sys

import docx
from click.testing import CliRunner

from gongwen.cli import main

from tests.paths import ROOT

GOOD = "kind: speech\ntitle: 讲话\nsections:\n  - heading: 甲\n    paragraphs: 乙。\n"


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_folder_build_mirrors_subfolders(tmp_path, write):
    write("c/2022/speech.yaml", GOOD)
    write("c/2023/speech.yaml", GOOD.replace("讲话", "新讲话"))
    write("c/gongwen.yaml", "level3: '1.'\n")  # settings, not a document
    result = run("build", str(tmp_path / "c"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "已生成" in result.output and "共 2 份：成功 2 份" in result.output
    assert docx.Document(tmp_path / "out/2022/speech.docx").paragraphs[0].text == "讲话"
    assert docx.Document(tmp_path / "out/2023/speech.docx").paragraphs[0].text == "新讲话"


def test_one_bad_file_fails_others_still_built(tmp_path, write):
    write("c/a.yaml", GOOD)
    write("c/b.yaml", "kind: speech\ntitle: 讲话\nsectoins: []\n")
    result = run("build", str(tmp_path / "c"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert (tmp_path / "out/a.docx").exists() and not (tmp_path / "out/b.docx").exists()
    assert "b.yaml:3:1: sectoins：未知的键 sectoins，是不是要写 sections？" in result.output
    assert "Traceback" not in result.output


def test_usage_errors_exit_2(tmp_path):
    assert run("build").exit_code == 2
    missing = run("build", str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 2 and "找不到这个文件或文件夹" in missing.output
    (tmp_path / "empty").mkdir()
    assert run("build", str(tmp_path / "empty")).exit_code == 2


def test_progress_bar_for_batches_and_parallel_jobs(tmp_path, write):
    for i in range(8):
        write(f"c/d{i}.yaml", GOOD)
    result = run("build", str(tmp_path / "c"), "-o", str(tmp_path / "out"), "-j", "2")
    assert result.exit_code == 0, result.output
    assert "生成中" in result.output and result.output.count("已生成") == 8
    assert len(list((tmp_path / "out").glob("*.docx"))) == 8


def test_same_output_name_is_not_overwritten(tmp_path, write):
    write("c/a.yaml", GOOD)
    write("c/a.yml", GOOD)
    result = run("build", str(tmp_path / "c"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and "重名" in result.output


def test_template_option_and_unknown_template(tmp_path, write):
    write("a.yaml", GOOD)
    result = run("build", str(tmp_path / "a.yaml"), "-o", str(tmp_path / "out"), "--template", "report")
    assert result.exit_code == 0
    bad = run("build", str(tmp_path / "a.yaml"), "-o", str(tmp_path / "out"), "--template", "nope")
    assert bad.exit_code == 1 and "找不到模板 nope" in bad.output


def test_help_shows_examples():
    assert "gongwen build content/" in run("--help").output
    assert "示例" in run("build", "--help").output


def test_real_process_build_and_fast_start(tmp_path, write):
    write("a.yaml", GOOD)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run([sys.executable, "-m", "gongwen", "build", str(tmp_path / "a.yaml"),
                           "-o", str(tmp_path / "out")], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out/a.docx").exists()
    probe = ("import sys\nfrom gongwen.cli import main\n"
             "for args in (['--version'], ['--help']):\n"
             "    try: main(args)\n"
             "    except SystemExit: pass\n"
             "heavy = [m for m in ('docx', 'lxml', 'docxtpl', 'jinja2', 'yaml') if m in sys.modules]\n"
             "print('HEAVY', heavy)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert "gongwen 0.1.0" in done.stdout
    assert "HEAVY []" in done.stdout
