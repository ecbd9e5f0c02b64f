"""Ctrl-C before a chosen bytecode instruction: the harness of the atomic-write tests.

``interrupted_at(step, action)`` runs ``action()`` and raises a real SIGINT just before
the ``step``-th instruction executed below it (with everything it calls), the way a
Ctrl-C lands between two statements; where the code holds signals it stays pending.
The k-th instruction is the same in every run: nothing depends on timing.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from typing import Callable, Optional


def interrupted_at(step: int, action: Callable[[], None]) -> Optional[bool]:
    """None when ``action`` took fewer than ``step`` instructions (nothing was sent), else
    whether a KeyboardInterrupt came out."""
    count = 0

    def per_instruction(frame, event, arg):
        nonlocal count
        if event == "opcode":
            count += 1
            if count == step:
                signal.raise_signal(signal.SIGINT)
        return per_instruction

    def per_call(frame, event, arg):
        frame.f_trace_opcodes = True
        return per_instruction

    interrupted = False
    sys.settrace(per_call)
    try:
        action()
    except KeyboardInterrupt:
        interrupted = True
    finally:
        sys.settrace(None)
    return interrupted if count >= step else None


def open_descriptors() -> set:
    """The file descriptors this process has open (empty where /proc is missing)."""
    try:
        return set(os.listdir("/proc/self/fd"))
    except FileNotFoundError:
        return set()


@contextlib.contextmanager
def quiet_process():
    """The process as stepping needs it: Ctrl-C raises KeyboardInterrupt, and the collector is off.

    A garbage collection callback in Python (hypothesis installs one) swallows a SIGINT that lands
    in it, an artefact of sharing the process with other tests: none while this runs.  Files other
    tests left open may be closed by the collector at any moment: it collects now and stays off, so
    a descriptor that disappears or appears is the stepped code's."""
    default = signal.signal(signal.SIGINT, signal.default_int_handler)
    callbacks = gc.callbacks[:]
    gc.callbacks.clear()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        signal.signal(signal.SIGINT, default)
        gc.callbacks[:] = callbacks
