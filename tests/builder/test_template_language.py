"""Templates that would hang or exhaust the machine, and settings that would run as template code
(templates from other offices are not trusted).

Jinja folds constant expressions while it compiles, sandboxed or not: ``{{ 9**(9**9) }}``
never finishes compiling, ``{{ 'a'*10**9 }}`` takes gigabytes, loops over
``'x'*100000`` nested in each other never end.  A template may only use gongwen's
small tag language (builder/tags.py), checked as text before Jinja parses
anything, and rendering is bounded in size and time.  Face names from
``gongwen.yaml`` are data: escaped where they go, never compiled.

The hostile templates run as real processes with an address-space limit and a
timeout, so a regression fails instead of hanging or swapping the test run.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from gongwen.builder import pipeline, render, tags, templatecheck
from gongwen.errors import GongwenError, TemplateError

from tests.builder.test_templatecheck_hostile import MARK, make_template
from tests.paths import ROOT, TEMPLATES, gongwen_env

SPEECH = TEMPLATES / "speech.docx"
MEMORY_LIMIT = 768 << 20
TIMEOUT = 60
BYLINE = '{%p elif p.kind == "byline" %}'
CONTENT = """\
kind: speech
title: 讲话
sections:
  - heading: 一个部分
    paragraphs: [正文。]
"""

#: name → (where the hostile text goes, the text): a paragraph of its own, or a paragraph tag pair.
HOSTILE = {
    "power": f"{MARK}：{{{{ 9**(9**9) }}}}",
    "huge-string": f"{MARK}：{{{{ 'a'*10**9 }}}}",
    "set": f"{MARK}：{{% set x = 9**(9**9) %}}",
    "filter": f"{MARK}：{{{{ p.text * 100000000 | length }}}}",
    "comment": f"{MARK}：{{# 9**(9**9) #}}",
    "raw": f"{MARK}：{{% raw %}}{{{{ x }}}}{{% endraw %}}",
}


def nested_loops(path: Path) -> Path:
    """Two loops over ``'x'*100000`` around the example paragraphs: 10^10 rounds."""
    with zipfile.ZipFile(SPEECH) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                para = b"<w:p><w:r><w:t>%s</w:t></w:r></w:p>"
                data = data.replace(b"<w:body>", b"<w:body>" + para % b"{%p for a in 'x'*100000 %}"
                                    + para % b"{%p for b in 'x'*100000 %}" + para % f"{MARK}".encode(), 1)
                data = data.replace(b"<w:sectPr>", para % b"{%p endfor %}" + para % b"{%p endfor %}" + b"<w:sectPr>")
            out.writestr(info, data)
    return path


def hidden_in_an_attribute(path: Path) -> Path:
    """``{{ 9**(9**9) }}`` where no paragraph text shows it: a style name in the body's XML."""
    with zipfile.ZipFile(SPEECH) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b'<w:pStyle w:val="gwBody"/>', b'<w:pStyle w:val="{{ 9**(9**9) }}"/>', 1)
            out.writestr(info, data)
    return path


def hostile_templates(folder: Path) -> dict:
    out = {name: make_template(folder / f"{name}.docx", before=BYLINE, text=text) for name, text in HOSTILE.items()}
    out["nested-loops"] = nested_loops(folder / "nested-loops.docx")
    out["attribute"] = hidden_in_an_attribute(folder / "attribute.docx")
    return out


def run(*args, cwd: Path):
    """``gongwen *args`` with MEMORY_LIMIT of address space and a timeout: (exit code, output)."""
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    done = subprocess.run([sys.executable, "-m", "gongwen", *map(str, args)], cwd=cwd, env=gongwen_env(),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=TIMEOUT, preexec_fn=limit)
    return done.returncode, done.stdout.decode("utf-8", "replace")


# --- the language, as text ---------------------------------------------------------------


def test_the_builtin_templates_use_only_the_language():
    for name in ("speech", "report"):
        source = render.jinja_source(zipfile.ZipFile(TEMPLATES / f"{name}.docx").read("word/document.xml"))
        assert tags.scan(source) == []
        assert {m.group(0) for m in tags.TAG.finditer(source)} >= {"{{ p.text }}", "{{ p.heading }}", "{{ p.lead }}",
                                                                     "{% for p in paragraphs %}", "{% endfor %}"}


@pytest.mark.parametrize("source", [
    "{{ 9**(9**9) }}", "{{ 'a'*10**9 }}", "{% for a in 'x'*100000 %}{% endfor %}", "{% set x = 1 %}",
    "{{ p.text|length }}", "{{ p.__class__ }}", "{{ lipsum() }}", "{# x #}", "{%- if p.text %}{% endif %}",
    "{{{ p.text }}", "{{ p.text }", "{% raw %}{{ 9**9 }}{% endraw %}", "{{ p.text ~ p.text }}",
    "{% if p.kind == 'x' * 9 %}{% endif %}", "{% for p in paragraphs %}{% for q in paragraphs %}"
    "{% endfor %}{% endfor %}", '{% if p.kind == "%}{{ 9**9 }}" %}{% endif %}',
])
def test_anything_outside_the_language_is_refused_before_jinja(source):
    found = tags.scan("<w:t>" + source + "</w:t>")
    assert found and all(f.why for f in found), source
    with pytest.raises(TemplateError) as info:
        render.check_source(source, "t.docx")
    assert "模板标签有误" in info.value.message


@pytest.mark.parametrize("source", [
    "{{ p.text }}", "{{p.heading}}", "{% if p.kind == \"h1\" %}x{% elif p.kind != 'h2' %}y{% else %}z{% endif %}",
    "{% for p in paragraphs %}{% if not p.lead %}{{ p.text }}{% endif %}{% endfor %}", "a } b %} c #} d",
])
def test_the_language_itself_passes(source):
    assert tags.scan(source) == []


def test_depth_and_count_are_bounded():
    deep = "{% if p.text %}" * (tags.MAX_DEPTH + 1) + "{% endif %}" * (tags.MAX_DEPTH + 1)
    assert "嵌套" in tags.scan(deep)[0].why
    assert "超过" in tags.scan("{{ p.text }}" * (tags.MAX_TAGS + 1))[-1].why


# --- in process: checked quickly, named by paragraph ----------------------------------------


@pytest.mark.parametrize("name", ["power", "huge-string", "set", "filter", "comment", "raw"])
def test_templates_check_names_the_paragraph(tmp_path, name):
    template = hostile_templates(tmp_path)[name]
    errors = [p for p in templatecheck.inspect(str(template)) if p.error]
    assert errors and MARK in errors[0].message, errors
    assert re.match(r"第 \d+ 段", errors[0].message), errors
    with pytest.raises(TemplateError):
        render.load_template(str(template))


def test_a_tag_hidden_in_an_attribute_is_named_with_its_paragraph(tmp_path):
    template = hidden_in_an_attribute(tmp_path / "attr.docx")
    [problem] = [p for p in templatecheck.inspect(str(template)) if p.error]
    assert "段落的格式、域代码或属性里藏有模板标签 {{ 9**(9**9) }}" in problem.message
    assert problem.message.startswith("第 ")
    with pytest.raises(TemplateError) as info:
        render.load_template(str(template))
    assert "{{ 9**(9**9) }}" in info.value.message


def test_nested_loops_are_refused(tmp_path):
    problems = [str(p) for p in templatecheck.inspect(str(nested_loops(tmp_path / "loops.docx")))]
    assert any("for 只能写成 for p in paragraphs" in p for p in problems), problems
    assert any("for 里不能再套 for" in p for p in problems), problems


# --- real processes: bounded memory and time ------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS bounds memory on Linux")
def test_hostile_templates_are_refused_by_check_and_build_within_bounds(tmp_path):
    (tmp_path / "doc.yaml").write_text(CONTENT, encoding="utf-8")
    for name, template in hostile_templates(tmp_path).items():
        code, output = run("templates", "check", template, cwd=tmp_path)
        assert code == 1 and "Traceback" not in output and "MemoryError" not in output, (name, output)
        named = {"attribute": "{{ 9**(9**9) }}", "nested-loops": "'x'*100000"}.get(name, MARK)
        assert named in output, (name, output)
        code, output = run("build", "doc.yaml", "-o", "out", "--template", template, cwd=tmp_path)
        assert code == 1 and "Traceback" not in output, (name, output)
        assert "模板有问题" in output and template.name in output, (name, output)
        assert not (tmp_path / "out" / "doc.docx").exists()


# --- rendering is bounded ---------------------------------------------------------------------


def test_a_render_over_its_budget_fails_that_document_only(tmp_path, monkeypatch):
    small = tmp_path / "small.yaml"
    small.write_text(CONTENT, encoding="utf-8")
    big = tmp_path / "big.yaml"
    big.write_text(CONTENT.replace("[正文。]", "[" + ", ".join(["很长的一段正文。" * 200] * 60) + "]"),
                   encoding="utf-8")
    sizes = {}
    for path in (small, big):
        tpl = render.load_template(str(SPEECH))
        from gongwen.builder import numbering
        from gongwen.content import loader

        paragraphs = numbering.paragraphs(loader.load(path, path.read_bytes()))
        sizes[path.name] = len(tpl._body(paragraphs))
        assert sizes[path.name] < tpl.budget(paragraphs) / 4  # a real document stays far below
    monkeypatch.setattr(render, "MAX_OUTPUT", (sizes["small.yaml"] + sizes["big.yaml"]) // 2)
    results = pipeline.build_pairs([(big, tmp_path / "out" / "big.docx"), (small, tmp_path / "out" / "small.docx")])
    assert not results[0].ok and "模板生成的正文超过上限" in results[0].errors[0], results[0].errors
    assert results[1].ok and (tmp_path / "out" / "small.docx").is_file()
    assert not (tmp_path / "out" / "big.docx").exists()


def test_a_render_over_its_time_stops(monkeypatch):
    tpl = render.load_template(str(SPEECH))
    monkeypatch.setattr(render, "RENDER_SECONDS", -1)
    with pytest.raises(TemplateError) as info:
        tpl.render([{"kind": "body", "text": "正文"}], "t", "0")
    assert "秒" in info.value.message


# --- settings are data (case 3) ----------------------------------------------------------------


def rendered(faces: dict) -> dict:
    tpl = render.load_template(str(SPEECH), faces)
    paragraphs = [{"kind": "title", "text": "标题"}] + [{"kind": "body", "text": f"正文{i}"} for i in range(3)]
    return tpl.render(paragraphs, "标题", "0")


@pytest.mark.parametrize("face", ["X{{ paragraphs|length*1111 }}X", "{{ 9**(9**9) }}", "{% for x in paragraphs %}",
                                  'A"B<C>&D', "仿宋{#"])
def test_a_face_name_is_written_as_data(face):
    parts = rendered({"仿宋_GB2312": face})
    for name in ("word/styles.xml", "word/fontTable.xml"):  # the body's faces live in its styles
        root = etree.fromstring(parts[name])  # well-formed
        values = {v for e in root.iter() for k, v in e.attrib.items() if k.endswith("}eastAsia") or k.endswith("}name")}
        assert face in values, (name, values)
        assert "仿宋_GB2312" not in values
    assert b"X4444X" not in parts["word/document.xml"]


def test_faces_swap_rather_than_chain():
    parts = rendered({"仿宋_GB2312": "黑体", "黑体": "楷体"})
    styles = parts["word/styles.xml"].decode("utf-8")
    assert 'w:eastAsia="仿宋_GB2312"' not in styles and 'w:eastAsia="黑体"' in styles


def test_a_face_xml_cannot_hold_is_refused_not_written():
    with pytest.raises(GongwenError) as info:
        rendered({"仿宋_GB2312": "仿宋\x01"})
    assert "控制字符" in info.value.message


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS bounds memory on Linux")
def test_a_face_in_gongwen_yaml_never_runs(tmp_path):
    """Refused by the settings check, or written as data: never evaluated, never a hang."""
    (tmp_path / "gongwen.yaml").write_text('faces:\n  body: "X{{ paragraphs|length*1111 }}X{{ 9**(9**9) }}"\n',
                                           encoding="utf-8")
    (tmp_path / "doc.yaml").write_text(CONTENT, encoding="utf-8")
    code, output = run("build", "doc.yaml", "-o", "out", cwd=tmp_path)
    assert "Traceback" not in output, output
    target = tmp_path / "out" / "doc.docx"
    if code == 0:
        with zipfile.ZipFile(target) as zf:
            body = zf.read("word/document.xml").decode("utf-8")
        assert 'w:eastAsia="X{{ paragraphs|length*1111 }}X{{ 9**(9**9) }}"' in body
        assert "X4444X" not in body
    else:
        assert code == 1 and "gongwen.yaml" in output and not target.exists(), output


def test_the_checked_source_is_what_render_compiles(tmp_path, monkeypatch):
    """Nothing reaches Jinja's compiler that check_source did not see."""
    seen = []
    real = render.check_source
    monkeypatch.setattr(render, "check_source", lambda source, path="": (seen.append(source), real(source, path)))
    monkeypatch.setenv("GONGWEN_CACHE", "off")
    render._cache.clear()
    tpl = render.load_template(str(ROOT / "templates" / "report.docx"))
    assert seen and tpl.size == (len(seen[0]), tags.loop_size(seen[0]))



def test_a_part_that_is_not_utf8_is_named_not_a_traceback(tmp_path):
    path = tmp_path / "utf16.docx"
    with zipfile.ZipFile(SPEECH) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/styles.xml":
                data = data.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
            out.writestr(info, data)
    with pytest.raises(TemplateError) as info:
        render.load_template(str(path), {"仿宋_GB2312": "仿宋"})
    assert "word/styles.xml" in info.value.message and "UTF-8" in info.value.message


# --- tags Word split across runs: joined in one pass -------------------------------------------


def _texts(pieces):
    W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
    out = []
    for piece in pieces:
        element = etree.Element(W_T)
        element.text = piece
        out.append(element)
    return out


def test_split_tags_are_joined_whole_and_nothing_else_moves():
    from hypothesis import given, strategies as st

    @given(st.lists(st.sampled_from(["{{ p.text }}", "{%p if p.kind == \"h1\" %}", "字", "{", "}", " "]),
                    max_size=12), st.lists(st.integers(0, 40), max_size=8))
    def check(tokens, cuts):
        whole = "".join(tokens)
        points = sorted({c % (len(whole) + 1) for c in cuts} | {0, len(whole)})
        texts = _texts([whole[a:b] for a, b in zip(points, points[1:])] or [""])
        render._join_split_tags(texts)
        assert "".join(t.text or "" for t in texts) == whole
        joined = [t.text or "" for t in texts]
        for m in tags.TAG.finditer(whole):
            assert any(m.group(0) in text for text in joined), (m.group(0), joined)

    check()


@pytest.mark.slow
def test_thousands_of_split_tags_in_one_paragraph_are_checked_in_bounded_time(tmp_path):
    pieces = '<w:r><w:t xml:space="preserve">{{ p.te</w:t></w:r><w:r><w:t xml:space="preserve">xt }}</w:t></w:r>'
    path = tmp_path / "split.docx"
    with zipfile.ZipFile(SPEECH) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body><w:p>" + pieces.encode() * 9000 + b"</w:p>", 1)
            out.writestr(info, data)
    (tmp_path / "doc.yaml").write_text(CONTENT, encoding="utf-8")
    code, output = run("build", "doc.yaml", "-o", "out", "--template", path, cwd=tmp_path)
    assert "Traceback" not in output, output
    assert code == 1 and "第 1 段" in output, output  # checked to the end (it sits outside the loop)
