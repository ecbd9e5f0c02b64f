"""The import graph respects the layers (docs/architecture.md): a lower layer never imports a
higher one, the importer and the linter never import each other, and no module imports in a
circle — imports inside functions included."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.paths import ROOT

SRC = ROOT / "src"
PACKAGE = SRC / "gongwen"

#: Layers from the bottom up; a module may import its own layer and those below it.
LAYERS = (
    ("gongwen.errors", "gongwen.textio", "gongwen.atomic", "gongwen.batchwrite", "gongwen.spec", "gongwen.yamlsafe", "gongwen.yamlhints",
     "gongwen.trust", "gongwen.settingvalues"),
    ("gongwen.ooxml", "gongwen.settings", "gongwen.lintsettings"),
    ("gongwen.content",),
    ("gongwen.draft",),
    ("gongwen.builder",),
    ("gongwen.importer", "gongwen.lint"),
    ("gongwen.api",),
    ("gongwen.serve",),
    ("gongwen.cli", "gongwen.entry", "gongwen.__main__"),
)
#: Packages of one layer that must not know each other.
APART = {("gongwen.importer", "gongwen.lint"), ("gongwen.lint", "gongwen.importer")}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports(name: str, path: Path, known: set) -> set:
    """gongwen modules ``name`` imports anywhere in its body (``from a import b`` counts ``a.b``
    when ``b`` is a module)."""
    out = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        out.update(t for t in targets if t in known and t != name)
    return out


def owner(name: str):
    """``(layer index, package)`` of a module; the root ``gongwen`` (version, lazy API) is exempt."""
    for rank, layer in enumerate(LAYERS):
        for prefix in layer:
            if name == prefix or name.startswith(prefix + "."):
                return rank, prefix
    return None


def graph() -> dict:
    found = modules()
    known = set(found)
    # The root only holds the version and answers ``gongwen.build`` & co. lazily from the API.
    return {name: imports(name, path, known) - {"gongwen"} for name, path in found.items() if name != "gongwen"}


def test_every_module_has_a_layer():
    assert [m for m in modules() if m != "gongwen" and owner(m) is None] == []


def test_no_module_imports_a_higher_layer():
    wrong = []
    for name, targets in graph().items():
        rank, package = owner(name)
        for target in sorted(targets):
            t_rank, t_package = owner(target)
            if t_rank > rank or (package, t_package) in APART:
                wrong.append(f"{name} → {target}")
    assert wrong == []


def test_no_import_cycles():
    edges = graph()
    state, stack, cycles = {}, [], []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                cycles.append(" → ".join(stack[stack.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node)
    assert cycles == []


def test_modules_are_small():
    assert [(m, n) for m, p in modules().items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400] == []
