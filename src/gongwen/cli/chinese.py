"""click's own words in Chinese: usage lines, option help, usage errors.

click looks its messages up through ``gettext`` when it shows them; each of its
modules holds the lookup function as a global, so giving those modules a lookup
with this catalog makes every ``Usage:``, ``Error: …`` and ``Show this message
and exit.`` Chinese.  A message missing from the catalog (another click version)
stays as click wrote it.
"""

from __future__ import annotations

CATALOG = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示帮助并退出",
    "Show the version and exit.": "显示版本号并退出",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看用法。",
    "Aborted!": "已中止。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不带值。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的数字。",
    "{value} is not in the range {range}.": "{value} 不在 {range} 范围内。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是文件夹。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件，应为文件夹。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 没有读取权限。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 没有写入权限。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "default: {default}": "默认：{default}",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "unknown error": "未知错误",
    "%(prog)s, version %(version)s": "%(prog)s %(version)s",
}

PLURALS = {
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Did you mean {possibility}?": "是不是要写 {possibility}？",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值，只给了 1 个。",
}
PLURAL_MANY = {
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "(Did you mean one of: {possibilities}?)": "（是不是要写其中之一：{possibilities}？）",
    "{value!r} is not one of {choices}.": "{value!r} 不是可选值之一：{choices}。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
    "Takes {nargs} values but {len} were given.": "需要 {nargs} 个值，给了 {len} 个。",
}


def gettext(message: str) -> str:
    return CATALOG.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    if n == 1:
        return PLURALS.get(singular, singular)
    return PLURAL_MANY.get(plural, plural)


def install() -> None:
    """Give click's modules the Chinese lookup (idempotent)."""
    import importlib

    for name in ("core", "exceptions", "formatting", "decorators", "types", "parser", "termui"):
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # a click without that module
            continue
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
