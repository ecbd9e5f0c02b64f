"""Hostile content files through ``gongwen build``: refused with a message, never obeyed.

Anchors/aliases expanded beyond a sane size (billion laughs) are
refused; Python tags never construct objects; a 1 MB content file builds.
Whatever the input, the answer is exit 1 with a sentence naming the file and
no traceback, and no output file for that document.

Cases that could hang or exhaust memory if a guard broke run in a
subprocess with a generous timeout, so a regression fails instead of hanging
``make test``; they are marked ``slow``.  No assertion is about speed.  The
same guards protect ``gongwen lint`` of YAML (draft/yamlsource.py composes
through the loader), checked here too.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from gongwen.cli import main

from tests.paths import ROOT

TIMEOUT = 120  # seconds; each case normally takes well under two


def cli(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=True)


def cli_build(source: Path, out: Path):
    result = cli("build", str(source), "-o", str(out))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def run_build(source: Path, out: Path, timeout: int = TIMEOUT) -> subprocess.CompletedProcess:
    """``gongwen build`` as a real process (bounded by ``timeout``)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "gongwen", "build", str(source), "-o", str(out)],
                          capture_output=True, text=True, timeout=timeout, env=env, encoding="utf-8",
                          errors="replace")


def refused(result, source: Path, out: Path, *, words=()) -> str:
    """The build exited 1 with a message naming the file, no traceback, no output."""
    output = result.output if hasattr(result, "output") else result.stdout + result.stderr
    code = result.exit_code if hasattr(result, "exit_code") else result.returncode
    assert code == 1, output[-3000:]
    assert "Traceback" not in output, output[-3000:]
    assert source.name in output
    assert not (out / (source.stem + ".docx")).exists()
    for word in words:
        assert word in output, output[-3000:]
    return output


HEAD = "kind: speech\ntitle: 标题\n"
SECTION = "sections:\n  - heading: 部分\n    paragraphs: [正文。]\n"


# --- Python tags ---------------------------------------------------------------

TAGS = [
    '!!python/object/apply:os.system ["touch {marker}"]',
    '!!python/object/apply:subprocess.check_call [["touch", "{marker}"]]',
    '!!python/object/new:subprocess.Popen [["touch", "{marker}"]]',
    "!!python/name:os.system",
    "!!python/module:os",
    '!!python/object:__main__.Foo {{a: 1}}',
    "!!binary aGVsbG8=",
    "!custom 你好",
]


@pytest.mark.parametrize("tag", TAGS)
@pytest.mark.parametrize("where", ["title", "paragraph", "key", "root"])
def test_python_tags_never_construct_objects(tmp_path, tag, where):
    marker = tmp_path / "pwned"
    value = tag.format(marker=marker)
    if where == "title":
        text = f"kind: speech\ntitle: {value}\n{SECTION}"
    elif where == "paragraph":
        text = f"{HEAD}sections:\n  - heading: 部分\n    paragraphs:\n      - {value}\n"
    elif where == "key":
        text = f"{HEAD}{SECTION}? {value}\n: 值\n"
    else:
        text = f"--- {value}\n"
    source = tmp_path / "tagged.yaml"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = cli_build(source, out)
    refused(result, source, out)
    assert not marker.exists(), "a YAML tag ran a command"


def test_python_tag_in_a_real_process_runs_nothing(tmp_path):
    marker = tmp_path / "pwned"
    source = tmp_path / "tagged.yaml"
    source.write_text(f'{HEAD}{SECTION}closing: !!python/object/apply:os.system ["touch {marker}"]\n',
                      encoding="utf-8")
    result = run_build(source, tmp_path / "out")
    refused(result, source, tmp_path / "out", words=["标签"])
    assert not marker.exists()


def test_tag_on_the_top_level_mapping(tmp_path):
    marker = tmp_path / "pwned"
    source = tmp_path / "tagged.yaml"
    source.write_text(f"!!python/object/apply:os.system\nargs: ['touch {marker}']\n", encoding="utf-8")
    refused(cli_build(source, tmp_path / "out"), source, tmp_path / "out")
    assert not marker.exists()


# --- alias expansion ---------------------------------------------------------------


def laughs(levels: int = 9, width: int = 10) -> str:
    """The classic: each level a list of ``width`` aliases of the level below."""
    lines = [HEAD, SECTION, 'l0: &l0 ["lol"]\n']
    for i in range(1, levels + 1):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]\n")
    return "".join(lines)


@pytest.mark.slow
def test_billion_laughs_in_unknown_keys_is_refused(tmp_path):
    source = tmp_path / "laughs.yaml"
    source.write_text(laughs(), encoding="utf-8")
    refused(run_build(source, tmp_path / "out"), source, tmp_path / "out")


@pytest.mark.slow
def test_billion_laughs_where_text_is_expected_is_refused(tmp_path):
    # opening: paragraphs, each item must be text: a nested list is a type error, not an expansion.
    source = tmp_path / "laughs.yaml"
    source.write_text(laughs().replace(SECTION, SECTION + "opening: *l9\n"), encoding="utf-8")
    refused(run_build(source, tmp_path / "out"), source, tmp_path / "out")


def model_shaped_bomb(width: int = 16) -> str:
    """Aliases nested the way the content model nests: sections → points ×3 → items.

    Every expanded node is valid content, so only the expansion limit stops it:
    ``width**5`` items (about a million for 16).
    """
    def many(name):
        return "[" + ", ".join([f"*{name}"] * width) + "]"

    return (
        "kind: speech\ntitle: 标题\n"
        "defs:\n"  # an unknown key is reported, but the anchors inside still count
        "  - &item {lead: 甲, text: 乙。}\n"
        f"  - &p4 {{heading: 四级, items: {many('item')}}}\n"
        f"  - &p3 {{heading: 三级, points: {many('p4')}}}\n"
        f"  - &p2 {{heading: 二级, points: {many('p3')}}}\n"
        f"  - &s {{heading: 一级, points: {many('p2')}}}\n"
        f"sections: {many('s')}\n"
    )


@pytest.mark.slow
def test_billion_laughs_shaped_like_content_is_refused(tmp_path):
    source = tmp_path / "bomb.yaml"
    source.write_text(model_shaped_bomb(), encoding="utf-8")
    assert source.stat().st_size < 2000
    output = refused(run_build(source, tmp_path / "out"), source, tmp_path / "out", words=["过大"])
    assert len(output) < 20000, "the refusal should be one message, not one per expanded node"


@pytest.mark.slow
def test_text_bomb_is_refused(tmp_path):
    # 1 MB of text, aliased 100 times: 100 MB of paragraphs from a 1 MB file.
    big = "测" * (1024 * 1024 // 3)
    source = tmp_path / "textbomb.yaml"
    source.write_text(f"{HEAD}opening: [&t {big}, " + ", ".join(["*t"] * 100) + f"]\n{SECTION}",
                      encoding="utf-8")
    refused(run_build(source, tmp_path / "out"), source, tmp_path / "out", words=["过大"])


def test_recursive_alias_is_a_message(tmp_path):
    source = tmp_path / "loop.yaml"
    source.write_text(f"{HEAD}opening: &a [*a]\n{SECTION}", encoding="utf-8")
    refused(cli_build(source, tmp_path / "out"), source, tmp_path / "out")


def test_merge_keys_are_not_expanded_silently(tmp_path):
    source = tmp_path / "merge.yaml"
    source.write_text(f"{HEAD}base: &b {{heading: 甲}}\nsections:\n  - <<: *b\n    paragraphs: [正文。]\n",
                      encoding="utf-8")
    refused(cli_build(source, tmp_path / "out"), source, tmp_path / "out")


# --- deep nesting -----------------------------------------------------------------

DEEP = {
    "flow-lists": lambda n: f"{HEAD}sections: " + "[" * n + "]" * n + "\n",
    "flow-maps": lambda n: f"{HEAD}sections: " + "{a: " * n + "1" + "}" * n + "\n",
    "block-lists": lambda n: f"{HEAD}sections:\n" + "- " * n + "x\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("depth", [5_000, 100_000])
@pytest.mark.parametrize("shape", list(DEEP))
def test_deep_nesting_is_a_message_not_a_crash(tmp_path, shape, depth):
    source = tmp_path / f"deep-{shape}.yaml"
    source.write_text(DEEP[shape](depth), encoding="utf-8")
    result = run_build(source, tmp_path / "out")
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert source.name in result.stdout + result.stderr


# --- broken files -------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(6))
def test_random_bytes_named_yaml(tmp_path, seed):
    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(rng.choice((1, 100, 5000))))
    source = tmp_path / "noise.yaml"
    source.write_bytes(data)
    refused(cli_build(source, tmp_path / "out"), source, tmp_path / "out")


@pytest.mark.parametrize("text", [
    "kind: speech\ntitle: 标\x00题\n" + SECTION,  # NUL: YAML refuses it
    "\ufeffkind: speech\ntitle: 标题\n" + SECTION + "\ufeff",  # BOMs
    "kind: speech\ntitle: 标题\n" + SECTION + "closing: \"\\ud800 孤立代理\"\n",  # an escaped lone surrogate
    "kind: speech\ntitle: 标题\n" + SECTION + "closing: \"\\x07 响铃\"\n",  # an escaped control char
])
def test_odd_characters_build_or_are_refused_cleanly(tmp_path, text):
    source = tmp_path / "odd.yaml"
    source.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = cli_build(source, tmp_path / "out")
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    target = tmp_path / "out" / "odd.docx"
    if result.exit_code == 0:
        with zipfile.ZipFile(target) as zf:
            assert zf.testzip() is None
            xml = zf.read("word/document.xml").decode("utf-8")  # valid UTF-8 (no surrogate)
        assert "\x07" not in xml and "\x00" not in xml
    else:
        assert source.name in result.output and not target.exists()


# --- size ---------------------------------------------------------------------------


def one_megabyte_of_content() -> str:
    para = "全县各级各部门坚持人民至上、生命至上，统筹发展和安全，扎实开展安全生产大检查和专项整治。" * 3
    parts = [HEAD, "sections:\n"]
    size, n = 0, 0
    while size < 1024 * 1024:
        n += 1
        chunk = (f"  - heading: 第{n}部分的标题\n    paragraphs:\n"
                 + "".join(f"      - {para}第{n}部分第{i}段。\n" for i in range(1, 6))
                 + f"    points:\n      - heading: 要点\n        text: {para}\n")
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
    return "".join(parts), n


def test_one_megabyte_content_file_builds(tmp_path):
    text, sections = one_megabyte_of_content()
    source = tmp_path / "big.yaml"
    source.write_text(text, encoding="utf-8")
    assert source.stat().st_size >= 1024 * 1024
    out = tmp_path / "out"
    result = cli_build(source, out)
    assert result.exit_code == 0, result.output[-2000:]
    target = out / "big.docx"
    with zipfile.ZipFile(target) as zf:
        assert zf.testzip() is None
        xml = zf.read("word/document.xml").decode("utf-8")
    assert f"第{sections}部分第5段。" in xml

    import docx

    document = docx.Document(str(target))
    assert sum(1 for p in document.paragraphs if p.text.endswith("部分第1段。")) == sections


def run_lint(source: Path, timeout: int = TIMEOUT) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "gongwen", "lint", str(source)], capture_output=True,
                          text=True, timeout=timeout, env=env, encoding="utf-8", errors="replace")


@pytest.mark.slow
@pytest.mark.parametrize("depth", [5_000, 100_000])
@pytest.mark.parametrize("shape", list(DEEP))
def test_linting_deeply_nested_yaml_is_a_message_not_a_crash(tmp_path, shape, depth):
    source = tmp_path / f"deep-{shape}.yaml"
    source.write_text(DEEP[shape](depth), encoding="utf-8")
    result = run_lint(source)
    assert result.returncode in (1, 2), (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    assert source.name in result.stdout + result.stderr


def test_forbidden_character_after_chinese_is_placed_right(tmp_path):
    source = tmp_path / "bell.yaml"
    source.write_text(f"kind: speech\ntitle: 标题标题标题标题\nspeaker: 张三\x07李四\n{SECTION}", encoding="utf-8")
    output = refused(cli_build(source, tmp_path / "out"), source, tmp_path / "out")
    assert "bell.yaml:3:12:" in output, output
