"""gongwen: Chinese official documents (公文) from structured content.

The library API is imported lazily so that ``import gongwen`` (and the
``gongwen --version`` / ``--help`` commands) stay fast: python-docx, lxml and
jinja2 are loaded only by the functions that need them.
"""

__version__ = "0.1.0"

__all__ = ["build", "load", "BuildResult", "GongwenError", "__version__"]


def __getattr__(name):
    if name in ("build", "BuildResult"):
        from gongwen import api

        return getattr(api, name)
    if name == "load":
        from gongwen.content.loader import load

        return load
    if name == "GongwenError":
        from gongwen.errors import GongwenError

        return GongwenError
    raise AttributeError(f"module 'gongwen' has no attribute {name!r}")
