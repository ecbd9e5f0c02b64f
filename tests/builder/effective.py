"""Effective formatting of a built .docx, read through the style chain as Word reads it."""

from gongwen.ooxml.parts import load_parts
from gongwen.ooxml.styles import Resolver, runs

__all__ = ["Resolver", "load", "resolver_of", "text_runs", "paragraphs", "body_paragraphs"]

_resolvers = {}


def load(path):
    return load_parts(str(path))


def resolver_of(paragraph):
    """The resolver of a python-docx paragraph's document (cached per document part)."""
    part = paragraph.part
    if id(part) not in _resolvers:
        import io

        buf = io.BytesIO()
        part.package.save(buf)
        buf.seek(0)
        _resolvers[id(part)] = (part, Resolver(load_parts("built.docx", buf)))
    return _resolvers[id(part)][1]


def text_runs(p, resolver):
    """Effective run properties of every run of ``p`` (an lxml ``w:p``) with text."""
    sid, _ = resolver.para(p)
    return [resolver.run(sid, r) for r, text in runs(p) if text.strip()]


def body_paragraphs(parts):
    """Every ``w:p`` of the body, in document order."""
    return list(parts.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"))


def paragraphs(path):
    """``(text, style name, paragraph properties, [run properties])`` of every body paragraph."""
    parts = load(path)
    resolver = Resolver(parts)
    out = []
    for p in body_paragraphs(parts):
        sid, props = resolver.para(p)
        text = "".join(t for _, t in runs(p))
        out.append((text, resolver.style_name(sid), props, text_runs(p, resolver)))
    return out
