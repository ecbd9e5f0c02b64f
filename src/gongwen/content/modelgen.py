"""Writes :mod:`gongwen.content.modelcode`: the ``__init__``, ``__repr__`` and ``__eq__`` of the
content model's records (:mod:`gongwen.content.model`), as ``@dataclass`` would write them.

    python -m gongwen.content.modelgen --write   # after changing a field of the model

``tests/content/test_modelcode.py`` fails when the written module is not what this writes now.
"""

from __future__ import annotations

import sys

from gongwen.content.modelsource import HEADER, class_source


def source() -> str:
    from gongwen.content import model

    return HEADER + "".join("\n\n" + class_source(cls) for cls in model.RECORDS)


def main(argv=None) -> int:
    from pathlib import Path

    argv = sys.argv[1:] if argv is None else argv
    text = source()
    if "--write" in argv:
        Path(__file__).with_name("modelcode.py").write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
