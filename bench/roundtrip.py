#!/usr/bin/env python3
"""Import → build round trip: the share of source paragraphs that come back unchanged.

    .venv/bin/python bench/roundtrip.py [FILE ...]

For each document (by default the fixtures in tests/fixtures/import/, the .docx
gongwen builds from their YAML, and the shared speech seed):

1. read the source paragraphs as Word or an editor shows them (gongwen.draft.read),
   without the blanks around them and without empty paragraphs;
2. ``gongwen import`` it, write the YAML, load it back with the loader and
   ``gongwen build`` it (gongwen.api.build_one);
3. read the built .docx back with python-docx and count the source paragraphs
   found in it, unchanged and in order (difflib matching blocks).

A paragraph whose marker is regenerated in another form (``1、`` → ``1.``) counts
as changed: the figure is strict.  Target 100%.  Prints one line per document
with PASS (100%) or MISS, then the paragraphs that did not come back.
"""

from __future__ import annotations

import difflib
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import List

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
FIXTURES = ROOT / "tests" / "fixtures" / "import"
SEED = ROOT.parent / "shared" / "examples" / "speech-seed.txt"


@dataclass
class RoundTrip:
    source: str
    paragraphs: int = 0
    unchanged: int = 0
    missing: List[str] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)
    kind: str = ""

    @property
    def share(self) -> float:
        return self.unchanged / self.paragraphs if self.paragraphs else 1.0


def source_paragraphs(path: Path) -> List[str]:
    from gongwen.importer.read import markdown_paragraphs
    from gongwen.draft.read import read_source

    source = read_source(str(path))
    if source.format == "md":
        texts = [ln.text for ln in markdown_paragraphs([(p.line, p.text) for p in source.paras])]
    else:
        texts = [p.text for p in source.paras]
    return [t.strip() for t in texts if t.strip()]


def docx_paragraphs(path: Path) -> List[str]:
    import docx

    return [p.text.strip() for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def roundtrip(path: Path, workdir: Path, kind=None) -> RoundTrip:
    """Import ``path``, build the YAML, compare the built paragraphs with the source."""
    from gongwen.builder.pipeline import build_one
    from gongwen.content.dumper import dump
    from gongwen.importer import import_file

    result = RoundTrip(str(path))
    source = source_paragraphs(path)
    imported = import_file(path, kind=kind)
    result.kind = imported.document.kind
    result.warnings = [str(w) for w in imported.warnings]
    yaml_path = workdir / (path.stem + "-" + path.suffix.lstrip(".") + ".yaml")
    yaml_path.write_text(dump(imported.document), encoding="utf-8")
    built = build_one(yaml_path, workdir / (yaml_path.stem + ".docx"), force=True)
    if not built.ok:
        raise RuntimeError(f"{path}: build failed: {built.errors}")
    back = docx_paragraphs(Path(built.target))
    matcher = difflib.SequenceMatcher(None, source, back, autojunk=False)
    same = set()
    for block in matcher.get_matching_blocks():
        same.update(range(block.a, block.a + block.size))
    result.paragraphs = len(source)
    result.unchanged = len(same)
    result.missing = [t for i, t in enumerate(source) if i not in same]
    return result


def default_documents(workdir: Path) -> List[Path]:
    """The fixtures, plus the .docx gongwen builds from each YAML fixture."""
    from gongwen.builder.pipeline import build_one

    docs = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".docx", ".md"))
    for yaml_path in sorted(FIXTURES.glob("*.yaml")):
        target = workdir / f"{yaml_path.stem}-gongwen.docx"
        built = build_one(yaml_path, target, force=True)
        if not built.ok:
            raise RuntimeError(f"{yaml_path}: build failed: {built.errors}")
        docs.append(target)
    if SEED.is_file():
        docs.append(SEED)
    return docs


def main(argv: List[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="gongwen-roundtrip-") as tmp:
        workdir = Path(tmp)
        docs = [Path(a) for a in argv] or default_documents(workdir)
        total = unchanged = 0
        for doc in docs:
            r = roundtrip(doc, workdir)
            total += r.paragraphs
            unchanged += r.unchanged
            verdict = "PASS" if r.unchanged == r.paragraphs else "MISS"
            print(f"roundtrip {doc.name:<24} {r.kind:<6} {r.unchanged:>4}/{r.paragraphs:<4} "
                  f"{100 * r.share:6.1f}%  {verdict}")
            for text in r.missing:
                print(f"    changed: {text[:60]}")
        share = unchanged / total if total else 1.0
        verdict = "PASS" if unchanged == total else "MISS"
        print(f"roundtrip all                      {unchanged:>4}/{total:<4} {100 * share:6.1f}%  {verdict}")
        return 0 if unchanged == total else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
