"""Wrapping help text that mixes Chinese and Latin, by the width a terminal shows.

click wraps on spaces and measures characters, so Chinese text (no spaces, each
character two cells wide) overflows, breaks inside Latin words, and lines joined
from the source gain a space between two Chinese characters.  Here a Chinese
character is a place to break, a run of Latin letters is not, two lines are
joined without a space where both sides are wide, and a closing mark never
starts a line (an opening one never ends one).
"""

from __future__ import annotations

from gongwen.spec.chars import is_cjk, is_wide

NO_LINE_START = set("，。、；：？！）》」』〉】〕”’…%·,.;:?!)]}")
NO_LINE_END = set("（《「『〈【〔“‘([{")


def width(text: str) -> int:
    """Display width: two cells for a wide character, one for the rest."""
    return sum(2 if is_wide(ch) else 1 for ch in text)


def join_lines(lines: list[str]) -> str:
    """One paragraph from its source lines: no space is added between two wide characters."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if out and not _tight(out[-1], line[0]):
            out += " "
        out += line
    return out


def _tight(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` written without a space between: two wide characters, or a full-width mark
    (not an ideograph) on either side?"""
    return (is_wide(a) and is_wide(b)) or (is_wide(a) and not is_cjk(a)) or (is_wide(b) and not is_cjk(b))


def _atoms(text: str) -> list[tuple[str, bool]]:
    """Unbreakable pieces with whether a space stood before each."""
    atoms: list[tuple[str, bool]] = []
    space = False
    word = ""

    def flush():
        nonlocal word, space
        if word:
            atoms.append((word, space))
            word, space = "", False

    for ch in text:
        if ch == " ":
            flush()
            space = True
        elif is_wide(ch):
            flush()
            atoms.append((ch, space))
            space = False
        else:
            word += ch
    flush()
    glued: list[tuple[str, bool]] = []
    for atom, space in atoms:
        if glued and not space and (atom[0] in NO_LINE_START or glued[-1][0][-1] in NO_LINE_END
                                    or atom[0] in PATHLIKE or glued[-1][0][-1] in PATHLIKE):
            glued[-1] = (glued[-1][0] + atom, glued[-1][1])
            if atom[0] in PATHLIKE:  # 名称.fixed.docx: keep the Chinese name with its extension
                _pull_name(glued)
        else:
            glued.append((atom, space))
    return glued


PATHLIKE = set("./\\_*<>")


def _pull_name(glued: list[tuple[str, bool]], most: int = 8) -> None:
    """Join the Chinese characters just before a path-like word (no space between) into it."""
    while len(glued) > 1 and not glued[-1][1] and len(glued[-2][0]) == 1 and is_wide(glued[-2][0]) \
            and glued[-2][0] not in NO_LINE_START and len(glued[-1][0]) < most + 20:
        prev, word = glued[-2], glued[-1]
        glued[-2:] = [(prev[0] + word[0], prev[1])]
        most -= 1
        if most <= 0:
            break


def fill(text: str, limit: int, initial_indent: str = "", subsequent_indent: str = "") -> str:
    """Wrap one paragraph to ``limit`` display cells (indents included)."""
    lines: list[str] = []
    line, used = initial_indent, width(initial_indent)
    fresh = True
    for atom, space in _atoms(text):
        gap = " " if space and not fresh else ""
        need = width(gap) + width(atom)
        if not fresh and used + need > limit:
            lines.append(line.rstrip())
            line, used, gap = subsequent_indent, width(subsequent_indent), ""
            need = width(atom)
        line += gap + atom
        used += need
        fresh = False
    lines.append(line.rstrip())
    return "\n".join(lines)


def wrap_text(text: str, limit: int, initial_indent: str = "", subsequent_indent: str = "",
              preserve_paragraphs: bool = False) -> str:
    """click's ``wrap_text`` contract (blank lines part paragraphs, a ``\\b`` line keeps a block
    as written), wrapped by display width."""
    text = text.expandtabs()
    if not preserve_paragraphs:
        return fill(join_lines(text.splitlines()), limit, initial_indent, subsequent_indent)
    paragraphs: list[tuple[int, bool, list[str]]] = []
    buf: list[str] = []
    indent = None
    for line in text.splitlines() + [""]:
        if line.strip():
            if indent is None:
                indent = len(line) - len(line.lstrip())
            buf.append(line if buf else line.lstrip())
            continue
        if buf:
            raw = buf[0].strip() == "\b"
            paragraphs.append((indent or 0, raw, buf[1:] if raw else buf))
        buf, indent = [], None
    out = []
    for extra, raw, lines in paragraphs:
        first, rest = initial_indent + " " * extra, subsequent_indent + " " * extra
        if raw:
            out.append("\n".join((rest + ln).rstrip() if ln.strip() else "" for ln in lines))
        else:
            out.append(fill(join_lines(lines), limit, first, rest))
    return "\n\n".join(out)
