"""A template's body as a small program of plain data, rendered without Jinja.

The tag language (:mod:`gongwen.builder.tags`) is small enough that a template
written in it is a tree of four things: text, a paragraph's field
(``{{ p.text }}``), ``if``/``elif``/``else`` on fields and one ``for`` over the
paragraphs.  :func:`program` reads that tree off Jinja's own parse of the
source, once per template (Jinja still parses and compiles it: its errors stay
the messages a template author sees), and :func:`render` walks it for every
document.  The program is cached on disk as JSON (:func:`dumps`,
:func:`loads`) and read back as data only: nothing of a template is ever
executed, and a build from a cached template imports no Jinja.

The walk gives what Jinja's sandbox gives for the same tree (autoescape on,
``StrictUndefined``, ``keep_trailing_newline``, no block trimming), provided
every paragraph is a plain ``dict`` (:func:`plain`): a field is the dict's item;
a missing one fails the render with Jinja's own message; a value is escaped as
:func:`markupsafe.escape` escapes it; ``if`` tests Python truth, ``==``/``!=``
compare with the literal.  Whatever else Jinja would have to decide (a name
other than the loop's, a field that is also a ``dict`` method such as
``p.items``, ``loop.index``, a name outside the loop) makes :func:`program`
answer ``None``, and such a template renders through Jinja as before.
``tests/builder/test_tagrender.py`` holds both renderers to the same output.

A program is a list of nodes::

    "text"                                    template data, as Jinja's lexer left it
    ["o", FIELD]                              {{ VAR.FIELD }}, escaped (inside the loop only)
    ["i", [[COND, NODES], ...], NODES]        if / elif … / else (inside the loop only)
    ["f", NODES, NODES]                       for VAR in paragraphs … else … (at the top only)

with ``COND`` one of ``["t", FIELD]``, ``["n", FIELD]`` (``not``),
``["==", FIELD, "literal"]``, ``["!=", FIELD, "literal"]``.
"""

from __future__ import annotations

import time

#: Fields that a plain dict also has as attributes: Jinja's sandbox would return the method.
_DICT_ATTRIBUTES = frozenset(dir(dict))
#: Most levels of nodes a cached program may hold (the tag language allows 16 blocks).
MAX_LEVELS = 40
FORMAT = 1
_MISSING = object()


class Undefined(Exception):
    """A field the paragraph lacks: Jinja's ``StrictUndefined`` error, word for word."""


class TooLong(Exception):
    """The rendered body passed the character limit given to :func:`render`."""


class TooSlow(Exception):
    """The render passed the deadline given to :func:`render`."""


# -- From Jinja's parse ------------------------------------------------------------------------

def program(tree):
    """The program of a parsed template (``jinja2.nodes.Template``), or ``None`` when Jinja must render it."""
    try:
        return _nodes(tree.body, None, True)
    except _NotPlain:
        return None


class _NotPlain(Exception):
    pass


def _nodes(body, var, top):
    from jinja2 import nodes

    out = []
    for node in body:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if type(child) is nodes.TemplateData:
                    out.append(child.data)
                else:
                    out.append(["o", _field(child, var)])
        elif type(node) is nodes.If and var is not None:
            branches = [[_cond(node.test, var), _nodes(node.body, var, False)]]
            for extra in node.elif_:
                if type(extra) is not nodes.If or extra.elif_ or extra.else_:
                    raise _NotPlain
                branches.append([_cond(extra.test, var), _nodes(extra.body, var, False)])
            out.append(["i", branches, _nodes(node.else_, var, False)])
        elif type(node) is nodes.For and top:
            target, it = node.target, node.iter
            if (type(target) is not nodes.Name or target.ctx != "store" or target.name == "loop"
                    or type(it) is not nodes.Name or it.name != "paragraphs" or node.test is not None
                    or node.recursive):
                raise _NotPlain
            out.append(["f", _nodes(node.body, target.name, False), _nodes(node.else_, None, False)])
        else:
            raise _NotPlain
    return out


def _field(node, var):
    from jinja2 import nodes

    if (type(node) is not nodes.Getattr or type(node.node) is not nodes.Name or node.node.name != var
            or node.node.ctx != "load" or type(node.attr) is not str or node.attr.startswith("_")
            or node.attr in _DICT_ATTRIBUTES):
        raise _NotPlain
    return node.attr


def _cond(node, var):
    from jinja2 import nodes

    if type(node) is nodes.Not:
        return ["n", _field(node.node, var)]
    if type(node) is nodes.Compare:
        if len(node.ops) != 1 or node.ops[0].op not in ("eq", "ne"):
            raise _NotPlain
        literal = node.ops[0].expr
        if type(literal) is not nodes.Const or type(literal.value) is not str:
            raise _NotPlain
        return ["==" if node.ops[0].op == "eq" else "!=", _field(node.expr, var), literal.value]
    return ["t", _field(node, var)]


# -- As data on disk ---------------------------------------------------------------------------

def dumps(prog, size) -> bytes:
    """The cache entry of a program (``None``: Jinja renders this template) and its budget size."""
    import json

    return json.dumps({"format": FORMAT, "size": list(size), "program": prog},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes):
    """``(program or None, size)`` from :func:`dumps`; ``ValueError`` if the entry is not one."""
    import json

    try:
        entry = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, RecursionError) as exc:
        raise ValueError(str(exc)) from None
    if type(entry) is not dict or entry.get("format") != FORMAT:
        raise ValueError("not a program")
    size = entry.get("size")
    if type(size) is not list or len(size) != 2 or any(type(n) is not int or n < 0 for n in size):
        raise ValueError("bad size")
    prog = entry.get("program")
    if prog is not None:
        prog = _valid(prog, "top", 0)
    return prog, (size[0], size[1])


def _valid(nodes, where, level):
    """``nodes`` as tuples, checked node by node (what :func:`_nodes` can make at ``where``),
    adjacent text joined and each ``if`` made ready for :func:`_choose`."""
    if type(nodes) is not list or level > MAX_LEVELS:
        raise ValueError("bad nodes")
    out = []
    for node in nodes:
        if type(node) is str:
            if out and type(out[-1]) is str:
                out[-1] += node
            elif node:
                out.append(node)
            continue
        if type(node) is not list or not node:
            raise ValueError("bad node")
        tag = node[0]
        if tag == "o" and where == "loop" and len(node) == 2 and _is_field(node[1]):
            out.append(("o", node[1]))
        elif tag == "i" and where == "loop" and len(node) == 3 and type(node[1]) is list and node[1]:
            branches = []
            for branch in node[1]:
                if type(branch) is not list or len(branch) != 2:
                    raise ValueError("bad branch")
                branches.append((_valid_cond(branch[0]), _valid(branch[1], "loop", level + 1)))
            out.append(("i", _cases(branches), _valid(node[2], "loop", level + 1)))
        elif tag == "f" and where == "top" and len(node) == 3:
            out.append(("f", _valid(node[1], "loop", level + 1), _valid(node[2], "else", level + 1)))
        else:
            raise ValueError("bad node")
    return tuple(out)


def _cases(branches):
    """The branches of an ``if``, each run of ``FIELD == "…"`` on one field made one case
    ``("m", FIELD, {literal: body}, ((literal, body), …))``: a ``str`` value picks its body
    by lookup (the first branch of a literal wins, as in the chain), any other value goes
    down the chain.  Other conditions stay cases of their own: ``(op, FIELD, [literal,] body)``."""
    cases = []
    for cond, body in branches:
        last = cases[-1] if cases else None
        if cond[0] == "==":
            if last is not None and last[0] == "m" and last[1] == cond[1]:
                last[2].setdefault(cond[2], body)
                last[3].append((cond[2], body))
            else:
                cases.append(["m", cond[1], {cond[2]: body}, [(cond[2], body)]])
        else:
            cases.append([*cond, body])
    return tuple((c[0], c[1], c[2], tuple(c[3])) if c[0] == "m" else tuple(c) for c in cases)


def _is_field(name) -> bool:
    return type(name) is str and name != "" and not name.startswith("_") and name not in _DICT_ATTRIBUTES


def _valid_cond(cond):
    if type(cond) is list and cond and _is_field(cond[1] if len(cond) > 1 else None):
        if cond[0] in ("t", "n") and len(cond) == 2:
            return (cond[0], cond[1])
        if cond[0] in ("==", "!=") and len(cond) == 3 and type(cond[2]) is str:
            return (cond[0], cond[1], cond[2])
    raise ValueError("bad condition")


# -- Rendering ---------------------------------------------------------------------------------

def plain(paragraphs) -> bool:
    """Can :func:`render` take ``paragraphs`` (a list of plain dicts, as the layout makes them)?"""
    return type(paragraphs) is list and all(type(p) is dict for p in paragraphs)


def render(prog, paragraphs, limit: int, deadline: float) -> str:
    """The body ``prog`` renders to for ``paragraphs`` (see :func:`plain`).

    Raises :class:`TooLong` when it passes ``limit`` characters (checked per
    paragraph, and before any failure of the template is reported, so the
    first of the two to happen in Jinja's order is the one raised),
    :class:`TooSlow` past ``deadline`` (``time.monotonic``), :class:`Undefined`
    for a field a paragraph lacks, or whatever a value's comparison raises.
    """
    out = []
    try:
        for node in prog:
            if type(node) is str:
                out.append(node)
            else:  # ("f", body, else): the program's one kind of top node besides text
                body = node[1]
                if not paragraphs:
                    out.extend(node[2])
                    continue
                size = _size(out)
                mark = len(out)
                for count, p in enumerate(paragraphs):
                    _walk(body, p, out)
                    size += _size(out, mark)
                    mark = len(out)
                    if size > limit:
                        raise TooLong
                    if count & 63 == 0 and time.monotonic() > deadline:  # from the first on, as Jinja's
                        raise TooSlow
    except (TooLong, TooSlow):
        raise
    except Exception:
        if _size(out) > limit:
            raise TooLong from None
        raise
    text = "".join(out)
    if len(text) > limit:
        raise TooLong
    if time.monotonic() > deadline:
        raise TooSlow
    return text


def _size(out, start=0) -> int:
    return sum(map(len, out[start:])) if start else sum(map(len, out))


def _walk(nodes, p, out) -> None:
    append = out.append
    for node in nodes:
        if type(node) is str:
            append(node)
        elif node[0] == "o":
            value = p.get(node[1], _MISSING)
            append(escape(value) if type(value) is str else _escaped(value, node[1]))
        else:  # ("i", cases, else)
            body = _choose(node, p)
            if body:
                _walk(body, p, out)


def _choose(node, p):
    """The body an ``if`` node picks for paragraph ``p``: its conditions in order, as Jinja tests them."""
    for case in node[1]:
        op, name = case[0], case[1]
        value = p.get(name, _MISSING)
        if value is _MISSING:
            raise Undefined(f"'dict object' has no attribute {name!r}")
        if op == "m":
            if type(value) is str:
                body = case[2].get(value)
                if body is not None:
                    return body
            else:
                for literal, body in case[3]:
                    if value == literal:
                        return body
        elif op == "==":
            if value == case[2]:
                return case[3]
        elif op == "!=":
            if value != case[2]:
                return case[3]
        elif op == "t":
            if value:
                return case[2]
        elif not value:
            return case[2]
    return node[2]


def escape(text: str) -> str:
    """``markupsafe.escape`` of a ``str``, as a plain ``str``."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if "'" in text:
        text = text.replace("'", "&#39;")
    if '"' in text:
        text = text.replace('"', "&#34;")
    return text


def _escaped(value, name) -> str:
    if value is _MISSING:
        raise Undefined(f"'dict object' has no attribute {name!r}")
    if hasattr(value, "__html__"):  # never in a layout's paragraph; markupsafe decides, as in Jinja
        from markupsafe import escape as markup_escape

        return str(markup_escape(value))
    return escape(str(value))
