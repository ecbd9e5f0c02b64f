"""The ``gongwen`` command line.

The click group lives in :mod:`gongwen.cli.group` and is loaded on first use of
``gongwen.cli.main`` (or ``COMMANDS``, ``LazyGroup``, ``MAIN_HELP``): importing a
module of this package (the click-free ``lintrun``, ``lintfast``, ``echo``) does
not import click.
"""

_GROUP = ("main", "COMMANDS", "LazyGroup", "MAIN_HELP")


def __getattr__(name):
    if name in _GROUP:
        from gongwen.cli import group

        return getattr(group, name)
    raise AttributeError(f"module 'gongwen.cli' has no attribute {name!r}")
