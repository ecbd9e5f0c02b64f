"""Scores ``gongwen lint`` on the corpus against faults.yaml: recall of the seeded fault lines,
errors (and warnings) on lines without a fault.  Used by tests/lint/test_corpus.py and
bench/lint_corpus.py."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Dict, List, Tuple

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = os.path.join(HERE, "faults.yaml")
SUFFIXES = (".txt", ".docx")

#: file-name prefix -> the kind of document, for the per-kind figures
KINDS = {
    "notice": "通知", "request": "请示", "report": "报告", "letter": "函", "reply": "函",
    "approval": "批复", "minutes": "纪要", "plan": "方案/意见", "opinion": "方案/意见",
    "rules": "办法/规定/细则", "provisions": "办法/规定/细则", "speech": "讲话稿", "survey": "调研报告",
    "ai": "AI 草稿", "web": "网页粘贴",
}


def kind_of(name: str) -> str:
    return KINDS[name.split("_", 1)[0]]


def corpus_files() -> List[str]:
    return sorted(n for n in os.listdir(HERE) if n.endswith(SUFFIXES) and not n.startswith("."))


def load_manifest() -> Dict[str, List[dict]]:
    with open(MANIFEST, encoding="utf-8") as f:
        return {name: list(entries or []) for name, entries in yaml.safe_load(f).items()}


def alternatives(code: str) -> Tuple[str, ...]:
    """``"GW2|GW7"`` -> ``("GW2", "GW7")``: any finding whose code starts with one of them counts."""
    return tuple(c.strip() for c in str(code).split("|") if c.strip())


def family_label(code: str) -> str:
    return "|".join(sorted({c[:3] for c in alternatives(code)}))


@dataclass
class Seed:
    file: str
    line: int
    code: str
    what: str
    found: List[str] = field(default_factory=list)  # codes of findings on the line

    @property
    def hit(self) -> bool:
        return any(c.startswith(alternatives(self.code)) for c in self.found)


@dataclass
class Score:
    seeds: List[Seed] = field(default_factory=list)
    false_errors: List[Tuple[str, int, str, str]] = field(default_factory=list)  # file, line, code, message
    false_warnings: List[Tuple[str, int, str, str]] = field(default_factory=list)
    problems: List[str] = field(default_factory=list)
    files: int = 0

    @property
    def recall(self) -> float:
        return sum(s.hit for s in self.seeds) / len(self.seeds) if self.seeds else 1.0

    @property
    def misses(self) -> List[Seed]:
        return [s for s in self.seeds if not s.hit]

    def by(self, key) -> Dict[str, Tuple[int, int]]:
        """``{group: (hit, seeded)}`` grouping the seeds by ``key(seed)``."""
        out: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
        for s in self.seeds:
            out[key(s)][0] += s.hit
            out[key(s)][1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def score() -> Score:
    """Lint every file of the manifest (in process, each with its own settings) and score it."""
    from gongwen import api

    result = Score()
    for name, entries in load_manifest().items():
        path = os.path.join(HERE, name)
        checked = api.check([path])
        result.problems += [str(p) for p in checked.problems]
        result.files += checked.files
        on_line: Dict[int, List[str]] = defaultdict(list)
        for f in checked.findings:
            on_line[f.line].append(f.code)
        seeded = set()
        for e in entries:
            result.seeds.append(Seed(name, int(e["line"]), str(e["code"]), str(e.get("what", "")),
                                     on_line.get(int(e["line"]), [])))
            seeded.add(int(e["line"]))
        for f in checked.findings:
            if f.line not in seeded:
                bucket = result.false_errors if f.severity == "error" else result.false_warnings
                bucket.append((name, f.line, f.code, f.message))
    return result
