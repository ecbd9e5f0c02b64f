#!/usr/bin/env python3
"""Round trips of the red-header family (and of a speech's subtitle, a report's 落款):
the share of paragraphs that come back unchanged.

    .venv/bin/python bench/family_roundtrip.py [FILE ...]

Two measures, each a count of paragraphs found unchanged and in order (difflib matching
blocks) over the paragraphs there were:

* **import** — a document written by hand (tests/importer/family/*.txt, and each as a plain
  .docx an office would write) is imported, its YAML written, loaded and built: every source
  paragraph must be in the built .docx;
* **rebuild** — a content file (content/*.yaml, and the YAML each hand-written document imports
  to) is built, the .docx imported, and the YAML built again: every paragraph of the first build
  must be in the second.

A title the layout breaks into lines (a paragraph a line) counts as the one paragraph it is.
A layout gap inside a paragraph (a tab, or two blanks or more: ``清河县人民政府办公室　　　2024年
3月1日印发``) counts as one gap however it was typed; every other character counts.  Target 100%.
"""

from __future__ import annotations

import difflib
import sys
import tempfile
from pathlib import Path
from typing import List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
DOCUMENTS = ROOT / "tests" / "importer" / "family"
CONTENT = ROOT / "content"

from roundtrip import RoundTrip, source_paragraphs  # noqa: E402


def docx_paragraphs(path: Path) -> List[str]:
    """The paragraphs of a built .docx as a reader counts them: a title the layout set over
    several lines (each its own paragraph of the title's style) is one paragraph."""
    import docx

    from gongwen.builder.redhead import all_kinds

    titles = {k.style for k in all_kinds() if k.name in ("title", "attachtitle")}
    out: List[str] = []
    joining = False
    for p in docx.Document(str(path)).paragraphs:
        text = p.text.strip()
        if not text:
            joining = False
            continue
        title = p.style is not None and p.style.name in titles
        if title and joining:
            out[-1] += text
        else:
            out.append(text)
        joining = title
    return out


def _compare(result: RoundTrip, source: List[str], back: List[str]) -> RoundTrip:
    from gongwen.importer.probe import same_text

    a, b = [same_text(t) for t in source], [same_text(t) for t in back]
    same = set()
    for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        same.update(range(block.a, block.a + block.size))
    result.paragraphs, result.unchanged = len(source), len(same)
    result.missing = [t for i, t in enumerate(source) if i not in same]
    return result


def build(yaml_path: Path, target: Path) -> Path:
    from gongwen.builder.pipeline import build_one

    built = build_one(yaml_path, target, force=True)
    if not built.ok:
        raise RuntimeError(f"{yaml_path}: build failed: {built.errors}")
    return Path(built.target)


def imported_yaml(path: Path, workdir: Path, kind: Optional[str] = None) -> Tuple[Path, RoundTrip]:
    """Import ``path`` and write its YAML into ``workdir``."""
    from gongwen.content.dumper import dump
    from gongwen.importer import import_file

    result = RoundTrip(str(path))
    imported = import_file(path, kind=kind)
    result.kind = imported.document.kind
    result.warnings = [str(w) for w in imported.warnings]
    yaml_path = workdir / f"{path.stem}-{path.suffix.lstrip('.')}.yaml"
    yaml_path.write_text(dump(imported.document), encoding="utf-8")
    return yaml_path, result


def import_roundtrip(path: Path, workdir: Path, kind: Optional[str] = None) -> RoundTrip:
    """A hand-written document → import → build: its paragraphs in the built .docx."""
    yaml_path, result = imported_yaml(path, workdir, kind)
    back = docx_paragraphs(build(yaml_path, workdir / f"{yaml_path.stem}.docx"))
    return _compare(result, source_paragraphs(path), back)


def rebuild_roundtrip(yaml_path: Path, workdir: Path) -> RoundTrip:
    """Content → build → import → build: the first build's paragraphs in the second."""
    first = build(yaml_path, workdir / f"{yaml_path.stem}-first.docx")
    again, result = imported_yaml(first, workdir)
    second = build(again, workdir / f"{yaml_path.stem}-second.docx")
    result.source = str(yaml_path)
    return _compare(result, docx_paragraphs(first), docx_paragraphs(second))


def office_docx(path: Path, target: Path) -> Path:
    """``path`` (a .txt) as an office writes it in Word: a paragraph a line, the title centred,
    the 版头 and 落款 aligned, nothing else (python-docx, no styles of gongwen's)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from gongwen.draft import roles as R

    lines = [ln.rstrip("\n") for ln in path.read_text(encoding="utf-8").splitlines()]
    found = R.assign([R.Line(t) for t in lines])
    d = docx.Document()
    centred = (R.TITLE, R.ISSUER, R.DOC_NUMBER, R.SUBTITLE, R.BYLINE, R.DATE_LINE, R.ATTACHMENT_TITLE)
    for text, role in zip(lines, found):
        para = d.add_paragraph(text)
        if role.kind in centred:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif role.kind in (R.SIGNATURE, R.ISSUE_DATE):
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.save(str(target))
    return target


def default_runs(workdir: Path) -> List[Tuple[str, Path]]:
    """(measure, file): each hand-written document as .txt and as an office .docx, the content
    examples, and the YAML each hand-written document imports to."""
    runs: List[Tuple[str, Path]] = []
    for txt in sorted(DOCUMENTS.glob("*.txt")):
        runs.append(("import", txt))
        runs.append(("import", office_docx(txt, workdir / f"{txt.stem}-office.docx")))
    runs += [("rebuild", y) for y in sorted(CONTENT.glob("*.yaml"))]
    for txt in sorted(DOCUMENTS.glob("*.txt")):
        runs.append(("rebuild", imported_yaml(txt, workdir)[0]))
    return runs


def main(argv: List[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="gongwen-family-") as tmp:
        workdir = Path(tmp)
        runs = [("import", Path(a)) for a in argv] or default_runs(workdir)
        total = unchanged = 0
        for measure, path in runs:
            r = import_roundtrip(path, workdir) if measure == "import" else rebuild_roundtrip(path, workdir)
            total += r.paragraphs
            unchanged += r.unchanged
            verdict = "PASS" if r.unchanged == r.paragraphs else "MISS"
            print(f"{measure:<8} {path.name:<28} {r.kind:<13} {r.unchanged:>4}/{r.paragraphs:<4} "
                  f"{100 * r.share:6.1f}%  {verdict}")
            for text in r.missing:
                print(f"    changed: {text[:60]}")
        share = unchanged / total if total else 1.0
        print(f"all      {'':<28} {'':<13} {unchanged:>4}/{total:<4} {100 * share:6.1f}%  "
              f"{'PASS' if unchanged == total else 'MISS'}")
        return 0 if unchanged == total else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
