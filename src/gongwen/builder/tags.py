"""The small tag language of gongwen templates, checked before Jinja sees a single tag.

Jinja folds constant expressions while it compiles, sandboxed or not, so a
template holding ``{{ 9**(9**9) }}`` never finishes compiling, and
``{{ 'a'*10**9 }}`` or a loop over ``'x'*100000`` costs what the template
asks.  Templates travel between offices, so nothing outside the language below
may reach Jinja's parser, its compiler or ``jinja2.meta``: :func:`scan` reads
the whole source render would compile (every ``{{``, ``{%`` and ``{#`` in it,
text, attributes and field codes alike) and refuses anything else.

gongwen's own templates (:mod:`gongwen.builder.templatemaker`) use exactly::

    {%p for p in paragraphs %}            {%p endfor %}
    {%p if p.kind == "title" %}           {%p elif p.kind == "h1" %}      {%p endif %}
    {{ p.text }}   {{ p.heading }}   {{ p.lead }}

Accepted, a little wider and no dearer (``NAME`` is a plain ASCII name that
does not start with ``_``, a literal at most :data:`MAX_LITERAL` characters)::

    statement   for NAME in paragraphs | if COND | elif COND | else | endif | endfor
    COND        NAME.NAME == "literal" | NAME.NAME != "literal" | NAME.NAME | not NAME.NAME
    output      {{ NAME.NAME }}

A statement stands alone in its paragraph (``{%p … %}``) or inside one
paragraph's text (``{% if p.lead %}…{% endif %}``); a ``for`` is never nested
in another ``for``, blocks nest at most :data:`MAX_DEPTH` deep and a template
holds at most :data:`MAX_TAGS` tags.  So rendering costs at most the body of
the loop once per paragraph plus each paragraph's own text a few times over;
render (``render.Template.render``) still stops at a size and a time limit.

No filters, no calls, no arithmetic, no ``set``/``include``/``import``/
``macro``/``raw``, no comments, no whitespace control (``{%-``): a template that
needs them is not a template gongwen makes.
"""

from __future__ import annotations

import re
from typing import List, NamedTuple, Optional

# A tag ends before the next opener, so an unclosed one does not rescan the paragraph.
TAG = re.compile(r"\{\{(?:(?!\{\{).)*?\}\}|\{%(?:(?!\{%).)*?%\}|\{#(?:(?!\{#).)*?#\}", re.S)
PARA_TAG = re.compile(r"^\s*\{%p\s(.*?)%\}\s*$", re.S)

#: The statements of the language, and the words Jinja knows that gongwen refuses.
KEYWORDS = ("for", "endfor", "if", "elif", "else", "endif")
JINJA_ONLY = ("set", "include", "import", "from", "with", "endwith", "macro", "endmacro", "call", "endcall",
              "filter", "endfilter", "block", "endblock", "raw", "endraw", "extends", "do", "break", "continue",
              "autoescape", "endautoescape", "trans", "endtrans", "endset")
MAX_LITERAL = 40
MAX_DEPTH = 16  # blocks inside blocks (the built-in templates: 2); Jinja's parser recurses per level
MAX_TAGS = 10000  # tags in one template (the built-in templates: about 35)
#: What the messages show as the whole language.
SUMMARY = ("gongwen 模板只认这几种标签：{{ p.text }} 这样的段落字段，"
           "和 {%p for p in paragraphs %}、{%p if p.kind == \"…\" %}、{%p elif … %}、{%p else %}、"
           "{%p endif %}、{%p endfor %}")

_NAME = r"[A-Za-z][A-Za-z0-9_]{0,39}"
_FIELD = rf"{_NAME}\.{_NAME}"
_LITERAL = (r'"[^"\\{}%%#<>&\n]{0,%d}"' % MAX_LITERAL) + "|" + (r"'[^'\\{}%%#<>&\n]{0,%d}'" % MAX_LITERAL)
_COND = re.compile(rf"(?:not\s+)?{_FIELD}|{_FIELD}\s*(?:==|!=)\s*(?:{_LITERAL})")
_FOR = re.compile(rf"for\s+{_NAME}\s+in\s+paragraphs")
_OUTPUT = re.compile(_FIELD)
_OPENER = re.compile(r"\{[{%#]")
# What Jinja would read as one tag, given that the language has no string holding "}", "%" or "#".
_CANDIDATE = re.compile(r"\{\{(?P<out>[^{}%#]*)\}\}|\{%(?P<stmt>[^{}%#]*)%\}")


def statement_error(statement: str) -> Optional[str]:
    """Why the statement of a ``{% … %}`` tag is outside the language (Chinese), or ``None``."""
    text = statement.strip()
    words = text.split()
    word = words[0] if words else ""
    if not word:
        return "空标签"
    if word.startswith(("-", "+")) or text.endswith(("-", "+")):
        return "不支持 {%- … -%} 这类空白控制写法"
    if word in JINJA_ONLY:
        return f"不支持 {word} 标签（只支持 for、endfor、if、elif、else、endif）"
    if word not in KEYWORDS:
        return f"未知的标签 {word}（只支持 for、endfor、if、elif、else、endif）"
    if word in ("else", "endif", "endfor"):
        return None if len(words) == 1 else f"{word} 后面不能再写别的"
    if word == "for":
        return None if _FOR.fullmatch(text) else "for 只能写成 for p in paragraphs（逐段输出内容）"
    condition = text[len(word):].strip()
    if not condition:
        return f"{word} 后面缺少条件"
    if _COND.fullmatch(condition):
        return None
    under = _underscore(condition)
    if under:
        return under
    return (f"条件“{condition[:40]}”不是 gongwen 模板的写法；条件只能写成 p.kind == \"h1\"、"
            "p.kind != \"h1\"、p.lead 或 not p.lead 这样")


def output_error(expression: str) -> Optional[str]:
    """Why the inside of a ``{{ … }}`` tag is outside the language (Chinese), or ``None``."""
    text = expression.strip()
    if _OUTPUT.fullmatch(text):
        return None
    if text.startswith(("-", "+")) or text.endswith(("-", "+")):
        return "不支持 {{- … -}} 这类空白控制写法"
    under = _underscore(text)
    if under:
        return under
    if "|" in text:
        return "不能用过滤器（| …）"
    if re.search(r"[A-Za-z0-9_)\]]\s*\(", text) and not re.search(r"[-+*/%~]", text):
        return "不能调用函数"
    if re.search(r"[-+*/%~\[]|\d", text):
        return "不能写运算、下标或数字"
    return "{{ … }} 里只能写段落的一个字段，如 {{ p.text }}、{{ p.heading }}、{{ p.lead }}"


def _underscore(text: str) -> Optional[str]:
    m = re.search(r"(?<![A-Za-z0-9])_\w*|\.\s*(_\w*)", text)
    if m:
        return f"不允许访问以下划线开头的属性 {m.group(1) or m.group(0)}"
    return None


def tag_error(tag: str) -> Optional[str]:
    """Why one whole tag (``{{ … }}``, ``{% … %}``, ``{# … #}``) is outside the language, or ``None``."""
    if tag.startswith("{#"):
        return "不支持 {# … #} 注释（说明文字请写在模板以外）"
    m = _CANDIDATE.fullmatch(tag)
    if m is None:
        return "标签里不能有 {、}、%、# 这些符号"
    if m.group("out") is not None:
        return output_error(m.group("out"))
    return statement_error(m.group("stmt"))


class Finding(NamedTuple):
    """One place of the Jinja source that is outside the language."""

    offset: int
    tag: str  # the tag as written (shortened), or what follows the opener
    why: str


def scan(source: str, limit: int = 20) -> List[Finding]:
    """Everything in ``source`` (what render hands to Jinja) outside the language.

    Every ``{{``, ``{%`` and ``{#`` must open an accepted tag; between tags
    Jinja reads plain data only.  Block depth, ``for`` inside ``for`` and the
    number of tags are bounded too.  At most ``limit`` findings are returned;
    an empty list means the source is safe to compile.
    """
    found: List[Finding] = []
    stack: List[str] = []
    count = 0
    pos = 0
    while len(found) < limit:
        opener = _OPENER.search(source, pos)
        if opener is None:
            break
        start = opener.start()
        m = _CANDIDATE.match(source, start)
        if m is None:
            shown = TAG.match(source, start)
            text = shown.group(0) if shown else source[start:start + 40]
            why = tag_error(text) if shown else "标签不完整（有开头却没有与之配对的结尾）"
            found.append(Finding(start, shorten(text), why or "标签里不能有 {、}、%、# 这些符号"))
            pos = start + 2
            continue
        pos = m.end()
        count += 1
        if count > MAX_TAGS:
            found.append(Finding(start, shorten(m.group(0)), f"模板里的标签超过 {MAX_TAGS} 个"))
            break
        why = tag_error(m.group(0))
        if why:
            found.append(Finding(start, shorten(m.group(0)), why))
            continue
        if m.group("stmt") is None:
            continue
        word = m.group("stmt").split()[0]
        if word in ("for", "if"):
            if word == "for" and "for" in stack:
                found.append(Finding(start, shorten(m.group(0)), "for 里不能再套 for（每段内容只输出一次）"))
            stack.append(word)
            if len(stack) > MAX_DEPTH:
                found.append(Finding(start, shorten(m.group(0)), f"标签块嵌套超过 {MAX_DEPTH} 层"))
                break
        elif word in ("endfor", "endif") and stack and stack[-1] == word[3:]:
            stack.pop()
        # Other imbalances are Jinja syntax errors: reported by its parser, at no cost.
    return found


def loop_size(source: str) -> int:
    """Characters of ``source`` inside ``for`` blocks: what one paragraph can cost at most.

    Meant for a source :func:`scan` accepted (no ``for`` inside ``for``).
    """
    total = 0
    start = None
    for m in _CANDIDATE.finditer(source):
        stmt = (m.group("stmt") or "").split()
        if stmt[:1] == ["for"] and start is None:
            start = m.end()
        elif stmt[:1] == ["endfor"] and start is not None:
            total += m.start() - start
            start = None
    return total if total else len(source)


def shorten(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= 60 else text[:59] + "…"
