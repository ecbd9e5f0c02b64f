"""The tag renderer (builder/tagrender.py) renders exactly what Jinja renders.

Every built-in template with every content example, random templates of the tag language with
random paragraphs (fields present, missing, empty, not strings; XML's special characters), and
the whole build of ``content/`` with Jinja and with the program: the same text, the same errors.
"""

from __future__ import annotations

import math
import time
import zipfile
from pathlib import Path

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen.builder import layout, render, tagrender, tags, templatecheck
from gongwen.builder.pipeline import build_one, load_document, read_content
from gongwen.builder.sandbox import Sandbox

from tests.paths import CONTENT, TEMPLATES

EXAMPLES = sorted(CONTENT.glob("*.yaml"))
BUILT_IN = sorted(TEMPLATES.glob("*.docx"))


def _env():
    return Sandbox(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def outcome(run):
    """What a render gives: its text, or the type-free message of its failure."""
    try:
        return ("text", run())
    except Exception as exc:  # both renderers' failures are compared by their words
        return ("error", str(exc))


def both(source: str, paragraphs, limit: int = 1 << 30):
    """(Jinja's outcome, the tag renderer's) for a template source, or None when Jinja must render it."""
    env = _env()
    prog = tagrender.program(env.parse(source))
    if prog is None:
        return None
    prog, _ = tagrender.loads(tagrender.dumps(prog, (0, 0)))  # as a cached program is read back

    def jinja():
        out, size = [], 0
        for piece in env.from_string(source).generate(paragraphs=paragraphs):
            size += len(piece)
            if size > limit:
                raise tagrender.TooLong()
            out.append(piece)
        return "".join(out)

    return outcome(jinja), outcome(lambda: tagrender.render(prog, paragraphs, limit, math.inf))


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("GONGWEN_CACHE", str(tmp_path / "cache"))
    render._cache.clear()
    templatecheck._cache.clear()
    yield tmp_path
    render._cache.clear()
    templatecheck._cache.clear()


def _paragraphs(example: Path):
    doc, house = load_document(example, read_content(example))
    return layout.paragraphs(doc, level3=house.level3)


@pytest.mark.parametrize("template", BUILT_IN, ids=lambda p: p.stem)
def test_every_built_in_template_with_every_example(template, fresh):
    tpl = render.load_template(str(template))
    assert tpl.program is not None, "a built-in template renders without Jinja"
    for example in EXAMPLES:
        paragraphs = _paragraphs(example)
        limit = tpl.budget(paragraphs)
        theirs = outcome(lambda: tpl._jinja_body(paragraphs, limit, time.monotonic()))
        ours = outcome(lambda: tpl._body(paragraphs))
        assert ours == theirs, (template.name, example.name)
    assert any(p.get("kind") == "table" for e in EXAMPLES for p in _paragraphs(e)), "tables are among them"


def test_cold_and_warm_programs_are_the_same(fresh):
    cold = render.load_template(str(TEMPLATES / "report.docx"))
    render._cache.clear()
    warm = render.load_template(str(TEMPLATES / "report.docx"))
    assert cold.program == warm.program and cold.size == warm.size
    assert any(p.name.endswith(".program") for p in (fresh / "cache").iterdir())
    assert not any(p.name.endswith(".code") for p in (fresh / "cache").iterdir()), "no code in the cache"


def test_the_whole_build_of_content_is_the_same(fresh, monkeypatch):
    def build(folder):
        render._cache.clear()
        out = {}
        for example in EXAMPLES:
            target = fresh / folder / (example.stem + ".docx")
            assert build_one(example, target).ok, example
            out[example.name] = target.read_bytes()
        return out

    ours = build("program")
    monkeypatch.setattr(tagrender, "plain", lambda paragraphs: False)  # every body through Jinja
    theirs = build("jinja")
    assert ours.keys() == theirs.keys()
    for name in ours:
        assert ours[name] == theirs[name], name
        with zipfile.ZipFile(fresh / "program" / name.replace(".yaml", ".docx")) as z:
            assert z.testzip() is None


# -- Random templates of the language ----------------------------------------------------------

FIELDS = ["kind", "text", "lead", "heading"]
LITERALS = ["title", "h1", "body", "", "a b", "清 河"]
#: Text with XML's special characters, newlines of every kind and the tag characters ("{" only
#: before a space: "{{", "{%" and "{#" open tags, and a template holding them otherwise is refused).
TEXT = st.lists(st.sampled_from(["a", "b", " ", "<", ">", "&", "'", '"', "\n", "\r", "\r\n", "\t", "}",
                                 "%", "#", "{ ", "清", "&amp;"]), max_size=8).map("".join)


def _cond(draw, var):
    field = draw(st.sampled_from(FIELDS))
    literal = draw(st.sampled_from(LITERALS))
    quote = draw(st.sampled_from(["'", '"']))
    return draw(st.sampled_from([f"{var}.{field} == {quote}{literal}{quote}",
                                 f"{var}.{field}!={quote}{literal}{quote}",
                                 f"{var}.{field}", f"not {var}.{field}", f"not  {var}.{field}"]))


@st.composite
def loop_body(draw, var="p", depth=0):
    out = []  # at most 3 levels of a few branches: a template of at most a few thousand tags
    for _ in range(draw(st.integers(0, 3))):
        choice = draw(st.integers(0, 3 if depth < 3 else 1))
        if choice == 0:
            out.append(draw(TEXT))
        elif choice == 1:
            out.append("{{ %s.%s }}" % (var, draw(st.sampled_from(FIELDS))))
        else:
            parts = ["{%% if %s %%}" % _cond(draw, var), draw(loop_body(var, depth + 1))]
            for _ in range(draw(st.integers(0, 2))):
                parts += ["{%% elif %s %%}" % _cond(draw, var), draw(loop_body(var, depth + 1))]
            if draw(st.booleans()):
                parts += ["{% else %}", draw(loop_body(var, depth + 1))]
            out.append("".join(parts) + "{%endif%}")
    return "".join(out)


@st.composite
def templates(draw):
    source = draw(TEXT)
    if draw(st.integers(0, 9)):
        source += "{% for p in paragraphs %}" + draw(loop_body())
        if draw(st.booleans()):
            source += "{% else %}" + draw(TEXT)
        source += "{% endfor %}" + draw(TEXT)
    return source


VALUES = st.one_of(TEXT, st.sampled_from(LITERALS), st.sampled_from([None, 0, 1, True, False, ["a"], 2.5]))
#: Paragraphs with every field (mostly strings), or some fields (of any kind): present, missing, empty.
PARAGRAPHS = st.lists(st.one_of(st.fixed_dictionaries({f: st.one_of(st.sampled_from(LITERALS), TEXT) for f in FIELDS}),
                                st.dictionaries(st.sampled_from(FIELDS), VALUES)), max_size=5)


@settings(derandomize=True, max_examples=600, deadline=None)
@given(templates(), PARAGRAPHS)
def test_random_templates_render_alike(source, paragraphs):
    if tags.scan(source):  # random text may make "{{" or "{%": outside the language, never compiled
        return
    found = both(source, paragraphs)
    assert found is not None, source
    theirs, ours = found
    assert ours == theirs, source


@settings(derandomize=True, max_examples=200, deadline=None)
@given(templates(), PARAGRAPHS, st.integers(0, 400))
def test_the_size_limit_stops_both_alike(source, paragraphs, limit):
    if tags.scan(source):
        return
    theirs, ours = both(source, paragraphs, limit)
    assert (ours[0], ours[0] == "text" and ours[1]) == (theirs[0], theirs[0] == "text" and theirs[1])
    if ours[0] == "error":  # too long, or a missing field first: the same one of the two
        assert ours[1] == theirs[1], source


# -- What stays with Jinja, and what a cached program may hold ---------------------------------

@pytest.mark.parametrize("source", [
    "{% for p in paragraphs %}{{ p.items }}{% endfor %}",
    "{% for p in paragraphs %}{{ loop.index }}{% endfor %}",
    "{% for p in paragraphs %}{% if loop.first %}x{% endif %}{% endfor %}",
    "{% for p in paragraphs %}{{ q.text }}{% endfor %}",
    "{% for p in paragraphs %}{% endfor %}{{ p.text }}",
    "{% if p.kind %}x{% endif %}",
    "{% for p in paragraphs %}x{% else %}{{ p.text }}{% endfor %}",
    "{{ paragraphs.count }}",
])
def test_what_only_jinja_can_answer_stays_with_jinja(source):
    assert tagrender.program(_env().parse(source)) is None


def test_a_template_outside_the_program_renders_through_jinja(fresh, monkeypatch):
    tpl = render.load_template(str(TEMPLATES / "speech.docx"))
    paragraphs = _paragraphs(CONTENT / "speech.yaml")
    expected = tpl._body(paragraphs)
    monkeypatch.setattr(tpl, "program", None)
    assert tpl._body(paragraphs) == expected


@pytest.mark.parametrize("entry", [
    b"", b"\x00garbage", b"[]", b'{"format":1}', b'{"format":2,"size":[0,0],"program":null}',
    b'{"format":1,"size":[0,-1],"program":null}',
    b'{"format":1,"size":[0,0],"program":[["o","text"]]}',  # a field outside the loop
    b'{"format":1,"size":[0,0],"program":[["f",[["o","items"]],[]]]}',  # a dict method
    b'{"format":1,"size":[0,0],"program":[["f",[["o","_x"]],[]]]}',
    b'{"format":1,"size":[0,0],"program":[["f",[["f",[],[]]],[]]]}',  # a loop in a loop
    b'{"format":1,"size":[0,0],"program":[["f",[["i",[],[]]],[]]]}',
    b'{"format":1,"size":[0,0],"program":[["f",[["i",[[["eval","x"],[]]],[]]],[]]]}',
    b'{"format":1,"size":[0,0],"program":[["f",[],[["o","text"]]]]}',  # a field in the loop\'s else
    b'{"format":1,"size":[0,0],"program":' + b'[["f",[' + b'["i",[[["t","a"],' * 50 + b"[]" +
    b"]],[]]" * 50 + b"],[]]]}",
])
def test_a_cached_entry_is_data_checked_before_use(entry):
    with pytest.raises(ValueError):
        tagrender.loads(entry)


def test_a_planted_entry_is_ignored_and_the_template_compiled(fresh):
    first = render.load_template(str(TEMPLATES / "speech.docx"))
    for entry in (fresh / "cache").iterdir():
        if entry.name.endswith(".program"):
            entry.write_bytes(b'{"format":1,"size":[0,0],"program":[["o","text"]]}')
    render._cache.clear()
    again = render.load_template(str(TEMPLATES / "speech.docx"))
    assert again.program == first.program


def test_escaping_is_markupsafe_s():
    from markupsafe import escape

    for text in ["", "<a href='x'>&amp;\"</a>", "清河县&<>", "'\"&&<<>>"]:
        assert tagrender.escape(text) == str(escape(text))


def test_a_missing_field_fails_with_jinja_s_words():
    theirs, ours = both("{% for p in paragraphs %}{{ p.lead }}{% endfor %}", [{"kind": "body"}])
    assert ours == theirs == ("error", "'dict object' has no attribute 'lead'")


def test_blocks_as_deep_as_the_language_allows():
    depth = tags.MAX_DEPTH - 2  # with the loop and the innermost if: MAX_DEPTH blocks
    source = ("{% for p in paragraphs %}" + "".join(f"{{% if p.kind != 'x{i}' %}}<{i}>{{{{ p.text }}}}"
                                                      for i in range(depth))
              + "{% if not p.lead %}&{% else %}{{ p.lead }}{% endif %}" + "{% endif %}" * depth + "{% endfor %}")
    assert tags.scan(source) == []
    paragraphs = [{"kind": f"x{i}", "text": "<t>", "lead": ""} for i in range(depth)] + [{"kind": "y", "text": "'",
                                                                                          "lead": '"'}]
    theirs, ours = both(source, paragraphs)
    assert ours == theirs and ours[0] == "text"
