"""Errors that carry a place, so every failure reads as a sentence with a location."""

from __future__ import annotations

from gongwen.spec.record import dataclass

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional


@dataclass
class Place:
    """Where something is: a file, a 1-based line and column, and a key path.

    ``label`` names the key path in the writer's terms (``第三部分（三）的标题`` for
    ``sections[2].points[2].heading``, :mod:`gongwen.content.keypaths`); messages show it
    in place of ``key`` when it is set.
    """

    path: str = ""
    line: Optional[int] = None
    column: Optional[int] = None
    key: str = ""
    label: str = ""

    @property
    def named(self) -> str:
        """The key path as messages name it: ``label``, or ``key``."""
        return self.label or self.key

    def __str__(self) -> str:
        where = self.path or "<输入>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where


class GongwenError(Exception):
    """A failure the user can act on; ``str()`` is the Chinese message with its place."""

    def __init__(self, message: str, place: Optional[Place] = None):
        super().__init__(message)
        self.message = message
        self.place = place or Place()

    def __str__(self) -> str:
        key = f"{self.place.named}：" if self.place.named else ""
        return f"{self.place}: {key}{self.message}"


class ContentError(GongwenError):
    """The content YAML is wrong (syntax, schema, typed markers).

    ``code`` is the lint code the fault is reported under by ``gongwen lint``
    (:mod:`gongwen.content.faults`); build shows the message alone.
    """

    def __init__(self, message: str, place: Optional[Place] = None, code: str = ""):
        super().__init__(message, place)
        self.code = code


class TemplateError(GongwenError):
    """A .docx template cannot be used."""


class ContentErrors(GongwenError):
    """Several content errors found in one file: all are reported at once."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__(self.errors[0].message, self.errors[0].place)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


class ReadError(GongwenError):
    """A file cannot be read at all: missing, not a .docx, undecodable, hostile.

    Commands report it with the file's name and go on with the other files (lint exits 2).
    """

    def __init__(self, path: str, message: str):
        super().__init__(message, Place(path=path or "<标准输入>"))
        self.path = path


class ImportFailure(GongwenError):
    """Nothing could be imported (a file with no text)."""
