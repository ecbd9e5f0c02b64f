"""Writes :mod:`gongwen.spec.recordcode`: the methods of every record of the package (the classes
``@dataclass`` of :mod:`gongwen.spec.record` decorates), so that they are compiled once with the
package instead of on every import.

    python -m gongwen.spec.recordgen --write   # after adding or changing a record

It imports every module of the package that declares records (found by their import of
:mod:`gongwen.spec.record`; a module of ``gongwen.serve`` whose optional dependencies are missing is
left out).  ``tests/spec/test_recordcode.py`` fails when the written module is not what this writes now.
"""

from __future__ import annotations

import sys

HEADER = '''"""The methods of the package's records, as ``@dataclass`` writes them.

Written by ``python -m gongwen.spec.recordgen --write``; do not edit.  :mod:`gongwen.spec.record`
uses a class's methods only when its signature below equals the one computed from the class.
"""

_MISSING = object()  # an argument not given: the field's default is bound, or made afresh

_setattr = object.__setattr__
'''


def declaring_modules() -> list:
    """The names of the package's modules that import :mod:`gongwen.spec.record`, sorted."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    names = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "gongwen.spec.record import" in text or "from gongwen.spec import record" in text:
            parts = path.relative_to(root.parent).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return [n for n in names if n not in ("gongwen.spec.recordgen", "gongwen.spec.recordcode")]


def source() -> str:
    import importlib

    from gongwen.spec import record

    for name in declaring_modules():
        try:
            importlib.import_module(name)
        except ImportError:
            if not name.startswith("gongwen.serve"):
                raise
    keys = sorted(k for k in record.DECLARED if k.startswith("gongwen.") and "<locals>" not in k)
    parts, signatures = [HEADER], []
    for key in keys:
        fields, frozen, post_init = record.DECLARED[key]
        parts.append("\n" + record.source(record.prefix(key), fields, frozen, post_init))
        signatures.append(f"    {key!r}: {record.signature(fields, frozen, post_init)!r},\n")
    return "".join(parts) + "\n\nSIGNATURES = {\n" + "".join(signatures) + "}\n"


def main(argv=None) -> int:
    from pathlib import Path

    argv = sys.argv[1:] if argv is None else argv
    text = source()
    if "--write" in argv:
        Path(__file__).with_name("recordcode.py").write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
