"""``gongwen build PATH... [-o DIR]`` without click.

Importing click costs more than a bare Python start-up, a large share of building
one document.  When the arguments are only existing YAML content paths and ``-o``/``--out``
(no other option, no draft, few enough documents that no progress bar is shown),
:func:`fast` builds them as the click command would and returns the exit code;
anything else returns ``None`` and goes to click (:mod:`gongwen.cli.build`).
``tests/cli/test_buildfast.py`` checks that both print the same and write the same.
"""

from __future__ import annotations

import os

from gongwen.cli.echo import echo

PROGRESS_THRESHOLD = 5  # the same as gongwen.cli.build: more documents get a progress bar


def parse(args):
    """``(paths, out_dir)`` when ``args`` are plain paths and at most one ``-o DIR``, else None."""
    paths, out_dir, i = [], None, 0
    while i < len(args):
        a = args[i]
        if a in ("-o", "--out"):
            if out_dir is not None or i + 1 >= len(args) or not args[i + 1] or args[i + 1].startswith("-"):
                return None
            out_dir = args[i + 1]
            i += 2
            continue
        if a.startswith("--out="):
            if out_dir is not None or not a[6:]:
                return None
            out_dir = a[6:]
        elif not a or a.startswith("-") or not os.path.exists(a) or os.path.splitext(a)[1].lower() not in (
                ".yaml", ".yml", ""):
            return None
        else:
            paths.append(a)
        i += 1
    if not paths or (out_dir is not None and os.path.exists(out_dir) and not os.path.isdir(out_dir)):
        return None
    return paths, out_dir or "out"


def fast(args):
    """The exit code of ``gongwen build ARGS``, or ``None`` when click must parse them."""
    parsed = parse(args)
    if parsed is None:
        return None
    paths, out_dir = parsed
    from gongwen.builder.drafts import is_draft
    from gongwen.builder.pipeline import build_pairs, collect
    from gongwen.errors import GongwenError

    try:
        pairs = collect(paths, out_dir)
    except GongwenError:
        return None  # click says it, as a usage error
    total = len(pairs)
    if not 0 < total <= PROGRESS_THRESHOLD or any(is_draft(source) for source, _ in pairs):
        return None
    failed = 0

    def report(result):
        nonlocal failed
        for note in result.notes:
            echo(note, err=True)
        for warning in result.warnings:
            echo(f"警告 {warning}", err=True)
        if result.ok:
            line = f"已生成 {result.target}" + (f"\n{result.summary}" if result.summary else "")
        else:
            failed += 1
            line = "\n".join(result.errors) + f"\n失败 {result.source}：未生成"
        echo(line, err=not result.ok)

    build_pairs(pairs, template=None, force=False, jobs=1, progress=report, importer=None, strict=False)
    echo(f"共 {total} 份：成功 {total - failed} 份" + (f"，失败 {failed} 份" if failed else ""))
    return 1 if failed else 0
