"""What a batch looks up once per content folder rather than once per document.

Every document of a folder has the same settings file (:func:`gongwen.settings.find` searches
upwards from the folder) and finds a template named ``speech`` in the same place
(:func:`gongwen.builder.templates.resolve_template`); looking again costs a dozen ``stat`` calls
per document.  A :class:`Folders` lives for one batch (:func:`gongwen.builder.pipeline.build_pairs`),
so a settings file or template changed while a batch runs is taken up by the next batch, as a
document built while it changes would be.  A content file that is a symbolic link is looked up on
its own (its settings are those of the folder it points into).
"""

from __future__ import annotations

import os


class Folders:
    def __init__(self) -> None:
        self._house: dict = {}
        self._templates: dict = {}

    @staticmethod
    def _folder(source):
        try:
            if os.path.islink(source):
                return None
        except (OSError, ValueError):
            return None
        return os.path.dirname(os.fspath(source)) or "."

    def house(self, source):
        """:func:`gongwen.settings.house` of ``source``; a fault in the settings raised for each document."""
        from gongwen import settings
        from gongwen.errors import GongwenError

        folder = self._folder(source)
        if folder is None:
            return settings.house(source)
        held = self._house.get(folder)
        if held is None:
            try:
                held = self._house[folder] = (settings.house(source), None)
            except GongwenError as exc:  # the settings' fault: every document of the folder names it
                held = self._house[folder] = (None, exc)
        if held[1] is not None:
            raise held[1]
        return held[0]

    def template(self, name: str, source) -> str:
        """:func:`gongwen.builder.templates.resolve_template`; a template not found is looked for again
        (its message names the document)."""
        from gongwen.builder.templates import resolve_template

        folder = self._folder(source)
        if folder is None:
            return resolve_template(name, source)
        key = (folder, name)
        found = self._templates.get(key)
        if found is None:
            found = self._templates[key] = resolve_template(name, source)
        return found


_worker = None


def in_worker() -> Folders:
    """The lookups of a pool worker (a process that lives for one batch)."""
    global _worker
    if _worker is None:
        _worker = Folders()
    return _worker
