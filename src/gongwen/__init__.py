"""gongwen: Chinese official documents (公文) from structured content, checked against GB/T 9704.

The library API (:mod:`gongwen.api`) is imported lazily so that ``import gongwen``
(and ``gongwen --version`` / ``--help``) stay fast: python-docx, lxml and jinja2
are loaded only by the functions that need them.
"""

__version__ = "0.1.0"

_API = ("build", "check", "import_document", "start_from", "load", "BuildResult", "CheckResult")
__all__ = [*_API, "GongwenError", "__version__"]


def __getattr__(name):
    if name in _API:
        from gongwen import api

        return getattr(api, name)
    if name == "GongwenError":
        from gongwen.errors import GongwenError

        return GongwenError
    raise AttributeError(f"module 'gongwen' has no attribute {name!r}")
