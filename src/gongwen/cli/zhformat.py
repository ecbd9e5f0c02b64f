"""click's help page laid out for Chinese: headings, usage line, wrapping, the option table.

``ChineseFormatter`` is what ``ChineseContext.formatter_class`` names, so every
help page and usage line of every gongwen command goes through it.
"""

from __future__ import annotations

import re

import click

from gongwen.cli.chinese import CATALOG
from gongwen.cli.zhwrap import width, wrap_text

USAGE = "用法："
# click's "[default: out; 1<=x<=64; required]" after an option's help, as click writes it
_EXTRA = re.compile(r"\s*\[([^\[\]]*)\]$")
_RANGE_IN = re.compile(r"x>=?-?[\d.]+|(?:-?[\d.]+<=?)?x(?:<=?-?[\d.]+)?")
_RANGE = re.compile(r"^(?:(-?[\d.]+)(<=?))?x(?:(<=?)(-?[\d.]+))?$|^x(>=?)(-?[\d.]+)$")


def _range(text: str) -> str | None:
    """``1<=x<=64`` → ``范围 1–64``; ``x>=1`` → ``范围 ≥1``; None when it is no range."""
    m = _RANGE.match(text.strip())
    if not m:
        return None
    lo, lop, hop, hi, gop, g = m.groups()
    sign = {"<=": "≤", "<": "<", ">=": "≥", ">": ">"}
    if g is not None:
        return f"范围 {sign[gop]}{g}"
    if lo is not None and hi is not None:
        if lop == "<=" and hop == "<=":
            return f"范围 {lo}–{hi}"
        return f"范围 {lo}{sign[lop]}数字{sign[hop]}{hi}"
    if hi is not None:
        return f"范围 {sign[hop]}{hi}"
    return None


def chinese_range(message: str) -> str:
    """Every click range (``1<=x<=64``) in a message, in Chinese terms."""
    return _RANGE_IN.sub(lambda m: _range(m.group(0)) or m.group(0), message)


def chinese_extra(help_text: str) -> str:
    """Rewrite click's ``  [default: out; 1<=x<=64]`` tail as ``（默认：out；1–64）``."""
    m = _EXTRA.search(help_text)
    if not m:
        return help_text
    parts = []
    for item in (p.strip() for p in m.group(1).split(";")):
        for english in ("default: ", "默认："):
            if item.startswith(english):
                item = "默认：" + item[len(english):]
        item = _range(item) or CATALOG.get(item, item)
        parts.append(item)
    return help_text[:m.start()] + "（" + "；".join(parts) + "）"


class ChineseFormatter(click.HelpFormatter):
    """Headings with a full-width colon, ``用法：``, wrapping and columns by display width."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = USAGE if prefix is None else prefix
        head = f"{' ' * self.current_indent}{prefix}{prog}"
        if not args:
            self.write(head + "\n")
            return
        room = self.width - self.current_indent
        if room >= width(head) + 20:
            self.write(wrap_text(args, self.width, head + " ", " " * width(head + " ")) + "\n")
        else:
            indent = " " * (self.current_indent + 4)
            self.write(head + "\n" + wrap_text(args, self.width, indent, indent) + "\n")

    def write_heading(self, heading: str) -> None:
        heading = CATALOG.get(heading, heading)
        self.write(f"{' ' * self.current_indent}{heading}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write(wrap_text(text, self.width, indent, indent, preserve_paragraphs=True) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(first, CATALOG.get(second, chinese_extra(second))) for first, second in rows]
        if not rows:
            return
        first_col = min(max(width(first) for first, _ in rows), col_max) + col_spacing
        margin = " " * (first_col + self.current_indent)
        for first, second in rows:
            self.write(f"{' ' * self.current_indent}{first}")
            if not second:
                self.write("\n")
                continue
            if width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - width(first)))
            else:
                self.write("\n" + margin)
            text_width = max(self.width - first_col - self.current_indent, 20)
            lines = wrap_text(second, text_width, preserve_paragraphs=True).splitlines() or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write((margin + line).rstrip() + "\n")
