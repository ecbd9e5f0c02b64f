"""click's own words in Chinese: the catalog, and the scope in which click uses it.

click looks each of its messages up through ``gettext`` at the moment it shows
or raises it (``_("Missing argument")``), through a lookup function each of its
modules holds.  ``speaking()`` hands those modules this catalog for the length
of one gongwen command (``ChineseGroup.main``) and gives the old lookup back
afterwards, so nothing changes for other users of click in the same process.
A message missing from the catalog (another click version) stays as click wrote
it; the tests in tests/cli/test_zh_*.py list the ones that must not.
"""

from __future__ import annotations

import contextlib
import importlib

CATALOG = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示帮助并退出",
    "Show the version and exit.": "显示版本号并退出",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看帮助。",
    "Aborted!": "已中止。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "Missing command.": "缺少命令。",
    "Choose from:\n\t{choices}": "可选：{choices}",
    "No such command {name!r}.": "没有 {name} 这个命令。",
    "No such option {name!r}.": "没有 {name} 这个选项。",
    "Option {name!r} does not take a value.": "选项 {name} 后面不能带值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name} 需要 {nargs} 个值。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值不对：{message}",
    "Invalid value: {message}": "值不对：{message}",
    "{value!r} is not a valid {number_type}.": "“{value}”不是数字。",
    "{value} is not in the range {range}.": "{value} 超出了允许的{range}。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "“{value}”不是是或否（可写：{states}）。",
    "{value!r} is not a valid UUID.": "“{value}”不是有效的 UUID。",
    "{name} {filename!r} does not exist.": "找不到{name}“{filename}”。",
    "{name} {filename!r} is a directory.": "“{filename}”是文件夹，这里要的是文件。",
    "{name} {filename!r} is a file.": "“{filename}”是文件，这里要的是文件夹。",
    "{name} {filename!r} is not readable.": "{name}“{filename}”没有读取权限。",
    "{name} {filename!r} is not writable.": "{name}“{filename}”没有写入权限。",
    "{name} {filename!r} is not executable.": "{name}“{filename}”不能执行。",
    "Could not open file {filename!r}: {message}": "无法打开文件“{filename}”：{message}",
    "Value must be an iterable.": "值应为一组。",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必填",
    "(dynamic)": "（动态）",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "unknown error": "未知错误",
    "Do you want to continue?": "要继续吗？",
    "Repeat for confirmation": "再输入一次确认",
    "Error: The two entered values do not match.": "错误：两次输入不一致。",
    "Error: invalid input": "错误：输入无效",
    "Press any key to continue...": "按任意键继续……",
    "%(prog)s, version %(version)s": "%(prog)s %(version)s",
}

PLURALS = {  # singular msgid -> Chinese (Chinese has one form; both forms map to it)
    "Got unexpected extra argument ({args})": "多余的参数：{args}",
    "Did you mean {possibility}?": "是不是要用 {possibility}？",
    "{value!r} is not {choice}.": "“{value}”不在可选值中，可选：{choice}。",
    "Option {name!r} requires an argument.": "选项 {name} 后面要写一个值。",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值，只给了 1 个。",
    "{len_type} values are required, but {len_value} was given.": "需要 {len_type} 个值，给了 {len_value} 个。",
    "{value!r} does not match the format {format}.": "“{value}”不符合格式 {format}。",
}
PLURAL_MANY = {
    "Got unexpected extra arguments ({args})": "多余的参数：{args}",
    "(Did you mean one of: {possibilities}?)": "是不是要用其中之一：{possibilities}？",
    "{value!r} is not one of {choices}.": "“{value}”不在可选值中，可选：{choices}。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name} 后面要写 {nargs} 个值。",
    "Takes {nargs} values but {len} were given.": "需要 {nargs} 个值，给了 {len} 个。",
    "{len_type} values are required, but {len_value} were given.": "需要 {len_type} 个值，给了 {len_value} 个。",
    "{value!r} does not match the formats {formats}.": "“{value}”不符合以下任一格式：{formats}。",
}

MODULES = ("core", "exceptions", "formatting", "decorators", "types", "parser", "termui")


def gettext(message: str) -> str:
    return CATALOG.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    if n == 1:
        return PLURALS.get(singular, singular)
    return PLURAL_MANY.get(plural, plural)


@contextlib.contextmanager
def speaking():
    """click's modules look their messages up in this catalog while the block runs."""
    saved = []
    for name in MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # a click without that module
            continue
        for attr, lookup in (("_", gettext), ("ngettext", ngettext)):
            if hasattr(module, attr):
                saved.append((module, attr, getattr(module, attr)))
                setattr(module, attr, lookup)
    try:
        yield
    finally:
        for module, attr, old in reversed(saved):
            setattr(module, attr, old)


def not_found(paths) -> str:
    """The message for paths named on the command line that do not exist."""
    paths = list(paths)
    if len(paths) == 1:
        return f"找不到这个文件或文件夹：{paths[0]}"
    return f"找不到这些文件或文件夹：{'、'.join(paths)}"


def missing_paths(paths, dash: bool = False) -> list:
    """The paths that do not exist (``-`` is standard input where ``dash``)."""
    import os

    return [p for p in paths if not (dash and p == "-") and not os.path.lexists(p)]
