"""How LibreOffice is run on documents that may come from elsewhere: a locked-down profile, private
folders, and no LibreOffice left behind by a signal.

:func:`lock_down` writes :data:`LOCKDOWN` into a throw-away profile before
LibreOffice first starts on it: every linked resource blocked
(``BlockUntrustedRefererLinks`` with no trusted location), macros never run,
links never updated.  :func:`private` makes the work folders 0700.
:func:`signals_interrupt` turns SIGTERM and SIGHUP into an exception during a
conversion, so the caller's clean-up (kill LibreOffice's process group, remove
the work folder) runs before the signal takes its usual course.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from pathlib import Path

from gongwen.ooxml.names import escape, quoteattr

PRIVATE = 0o700  # every folder of the work area

_SCRIPTING = "/org.openoffice.Office.Common/Security/Scripting"
#: (path, property, type, value) written into each throw-away profile's registrymodifications.xcu.
#: Checked by experiment (tests/builder/test_pdf_lockdown.py): with BlockUntrustedRefererLinks on
#: and no trusted location, LibreOffice neither fetches a picture linked to http://… nor reads one
#: linked to file:///… into the PDF; without it, it does both.
LOCKDOWN = (
    (_SCRIPTING, "BlockUntrustedRefererLinks", "xs:boolean", "true"),  # no linked resource is loaded
    (_SCRIPTING, "SecureURL", "oor:string-list", ""),  # … from any document: no location is trusted
    (_SCRIPTING, "MacroSecurityLevel", "xs:int", "3"),  # macros: never
    (_SCRIPTING, "DisableMacrosExecution", "xs:boolean", "true"),
    # Links (sections, OLE, DDE) are never updated on load: 0 is LinkUpdateModes.NEVER.
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "xs:int", "0"),
)


class Stopped(BaseException):
    """SIGTERM or SIGHUP arrived during a conversion (raised so the work folder is cleaned up)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def signals_interrupt():
    """SIGTERM and SIGHUP end the conversion like Ctrl-C does (LibreOffice killed, work folder removed),
    then take their usual course with the handlers the caller had."""
    if os.name != "posix" or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise Stopped(signum)

    previous = {}
    for sig in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) not in (signal.SIG_IGN, None):  # nohup's SIGHUP stays ignored
            previous[sig] = signal.signal(sig, stop)
    try:
        yield
    except Stopped as exc:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        previous = {}
        os.kill(os.getpid(), exc.signum)  # the caller's handler, or the default: end the process
        raise KeyboardInterrupt from None  # a handler that returned: treat as an interrupt
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def private(folder: Path) -> Path:
    """``folder``, created (if need be) readable by its owner only."""
    folder.mkdir(mode=PRIVATE, parents=True, exist_ok=True)
    os.chmod(folder, PRIVATE)
    return folder


def lock_down(profile: Path) -> None:
    """Write :data:`LOCKDOWN` into the throw-away profile before LibreOffice first starts on it."""
    user = private(private(profile) / "user")
    items = []
    for path, name, kind, value in LOCKDOWN:
        shown = f"<value>{escape(value)}</value>" if value else "<value/>"
        items.append(f"<item oor:path={quoteattr(path)}><prop oor:name={quoteattr(name)} oor:op=\"fuse\" "
                     f"oor:type={quoteattr(kind)}>{shown}</prop></item>")
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' + "\n".join(items) + "\n</oor:items>\n",
        encoding="utf-8")
