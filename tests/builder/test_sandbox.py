"""The render environment's shortcut (builder/sandbox.py) gives exactly what Jinja's immutable
sandbox gives, and the sandbox's refusals stand."""

import jinja2
import pytest
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from gongwen.builder.sandbox import Sandbox


class _Dict(dict):
    kind = "attribute"


def _envs():
    opts = dict(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return Sandbox(**opts), ImmutableSandboxedEnvironment(**opts)


def _seen(value):
    if isinstance(value, jinja2.Undefined):
        return ("undefined", type(value), value._undefined_name, value._undefined_hint,
                value._undefined_exception)
    if callable(value):
        return ("callable", getattr(value, "__name__", type(value).__name__))
    return ("value", value)


OBJECTS = [{"kind": "body", "text": "清河县", "items": "x", "__class__": "y", "update": 1},
           {}, _Dict(kind="item"), ["a"], "通知", 3, None]
NAMES = ["kind", "text", "items", "keys", "update", "pop", "__class__", "__init__", "mro", "missing",
         "_private", "format", "upper", "append"]


@pytest.mark.parametrize("obj", OBJECTS, ids=repr)
def test_every_lookup_as_the_sandbox_gives_it(obj):
    ours, theirs = _envs()
    for name in NAMES:
        assert _seen(ours.getattr(obj, name)) == _seen(theirs.getattr(obj, name)), (obj, name)


@pytest.mark.parametrize("source", ["{{ p.update }}", "{{ p.pop('kind') }}", "{{ p.__class__.__mro__ }}",
                                    "{{ p.items.__self__ }}", "{{ p.missing }}"])
def test_what_the_sandbox_refuses_stays_refused(source):
    ours, theirs = _envs()
    p = {"kind": "body"}
    for env in (ours, theirs):
        with pytest.raises((SecurityError, jinja2.UndefinedError)):
            env.from_string(source).render(p=p)


def test_a_paragraph_renders_alike():
    ours, theirs = _envs()
    source = "{% for p in paragraphs %}<w:t>{{ p.text }}</w:t>{{ p.kind }}{% endfor %}"
    paragraphs = [{"kind": "body", "text": "<关于&开展>"}, {"kind": "title", "text": "{{ 1 }}"}]
    assert ours.from_string(source).render(paragraphs=paragraphs) == \
        theirs.from_string(source).render(paragraphs=paragraphs)
