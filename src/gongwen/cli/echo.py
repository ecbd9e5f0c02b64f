"""``click.echo`` for the paths that do without click (the fast ``lint`` and ``build``).

Text goes to stdout (or stderr, or ``file``) with a newline unless ``nl=False``,
flushed, as click.echo does; a stream that cannot encode a character gets it
escaped rather than an error (a Windows console with a legacy code page).
"""

from __future__ import annotations

import sys


def echo(message="", nl: bool = True, err: bool = False, file=None) -> None:
    out = file if file is not None else (sys.stderr if err else sys.stdout)
    if out is None:  # pythonw: no console at all
        return
    text = f"{message}" + ("\n" if nl else "")
    try:
        out.write(text)
    except UnicodeEncodeError:
        encoding = getattr(out, "encoding", None) or "utf-8"
        out.write(text.encode(encoding, "backslashreplace").decode(encoding))
    out.flush()
