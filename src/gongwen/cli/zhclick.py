"""The gongwen command group speaks Chinese: help pages, placeholders and click's errors.

``ChineseGroup`` is the base of the ``gongwen`` group.  Every sub-command it
resolves is *adopted* first (``adopt``): its context class becomes
``ChineseContext`` (whose formatter lays help out for Chinese), its options and
arguments without an explicit ``metavar`` get a Chinese placeholder from their
type (文件, 文件夹, 路径, 数字, 文字 …) and ``[OPTIONS]`` becomes ``[选项]``.
While the group runs, click's own messages come from the Chinese catalog
(``chinese.speaking``), and every error click would show is shown here instead:
the error first, in Chinese, with did-you-mean for commands and options, then
the usage line and where to find help.  A command added to the group needs no
work of its own to get any of this.
"""

from __future__ import annotations

import contextlib
import difflib
import sys

import click

from gongwen.cli.chinese import speaking
from gongwen.cli.zhformat import ChineseFormatter, chinese_range


class ChineseContext(click.Context):
    formatter_class = ChineseFormatter

    @contextlib.contextmanager
    def scope(self, cleanup: bool = True):
        """click's parser raises some usage errors without a context; give them this one, so the
        error shows the usage line of the command that was mistyped."""
        try:
            with super().scope(cleanup=cleanup) as ctx:
                yield ctx
        except click.UsageError as exc:
            if exc.ctx is None:
                exc.ctx = self
            raise


def placeholder(param: click.Parameter) -> str | None:
    """The Chinese placeholder for a parameter's type (None: keep click's, e.g. a choice list)."""
    kind = param.type
    if isinstance(kind, click.Choice):
        return None
    if isinstance(kind, click.Path):
        if kind.file_okay and not kind.dir_okay:
            return "文件"
        if kind.dir_okay and not kind.file_okay:
            return "文件夹"
        return "路径"
    if isinstance(kind, click.File):
        return "文件"
    if isinstance(kind, (click.types.IntParamType, click.types.FloatParamType)):
        return "数字"
    if isinstance(kind, click.types.BoolParamType):
        return "是或否"
    if isinstance(kind, click.DateTime):
        return "日期"
    return "文字"


def _adopt_param(param: click.Parameter) -> None:
    if param.metavar is not None:
        return
    if isinstance(param, click.Option) and (param.is_flag or param.count):
        return
    word = placeholder(param)
    if word is None:
        return
    if isinstance(param, click.Argument):  # click adds these only to a metavar it made itself
        if not param.required:
            word = f"[{word}]"
        if param.nargs != 1:
            word += "..."
    param.metavar = word


def adopt(cmd: click.Command) -> click.Command:
    """Make ``cmd`` (and, for a group, its sub-commands) Chinese; idempotent."""
    if getattr(cmd, "_gongwen_chinese", False):
        return cmd
    if cmd.context_class is click.Context:
        cmd.context_class = ChineseContext
    if cmd.options_metavar == "[OPTIONS]":
        cmd.options_metavar = "[选项]"
    for param in cmd.params:
        _adopt_param(param)
    if isinstance(cmd, click.Group):
        cmd.subcommand_metavar = (cmd.subcommand_metavar.replace("COMMAND", "命令").replace("ARGS", "参数"))
        for sub in cmd.commands.values():
            adopt(sub)
    cmd._gongwen_chinese = True
    return cmd


class ChineseError(click.ClickException):
    """A click error already worded in Chinese; shown error first, then usage and help."""

    def __init__(self, message: str, exit_code: int, ctx: click.Context | None = None):
        super().__init__(message)
        self.exit_code = exit_code
        self.ctx = ctx

    def show(self, file=None) -> None:
        lines = [f"错误：{self.message}"]
        ctx = self.ctx
        if ctx is not None and self.exit_code == 2:
            lines.append(ctx.get_usage())
            names = [o for p in ctx.command.get_params(ctx) if "--help" in p.opts for o in p.opts]
            if names:
                lines.append(f"运行“{ctx.command_path} {max(names, key=len)}”查看帮助。")
        click.echo("\n".join(lines), file=file or sys.stderr)


def _suggest(word: str, names) -> str:
    close = difflib.get_close_matches(word, sorted(set(names)), n=1)
    return f"，是不是要用 {close[0]}？" if close else ""


def _hint(exc: click.BadParameter) -> str:
    if exc.param_hint is not None:
        hint = exc.param_hint
        return hint if isinstance(hint, str) else "/".join(hint)
    param = exc.param
    if isinstance(param, click.Option):
        return "/".join(param.opts)
    if param is not None and exc.ctx is not None:
        return param.make_metavar(exc.ctx)
    return ""


def wording(exc: click.ClickException) -> str:
    """What went wrong, in Chinese, from the structured fields click keeps on its errors."""
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.exceptions.NoSuchCommand):
        names = ctx.command.list_commands(ctx) if ctx is not None else []
        more = _suggest(exc.command_name, names)
        return f"没有 {exc.command_name} 这个命令" + (more or f"。可用的命令：{'、'.join(names)}。")
    if isinstance(exc, click.NoSuchOption):
        names = [o for p in ctx.command.get_params(ctx) for o in p.opts + p.secondary_opts
                 if o.startswith("-")] if ctx is not None else (exc.possibilities or [])
        return f"没有 {exc.option_name} 这个选项" + (_suggest(exc.option_name, names) or "。")
    if isinstance(exc, click.MissingParameter):
        hint = _hint(exc)
        if isinstance(exc.param, click.Option):
            text = f"缺少选项 {hint}"
        else:
            text = f"缺少参数：{hint.strip('[].')}" if hint else "缺少参数"
        extra = exc.param.type.get_missing_message(param=exc.param, ctx=ctx) if exc.param is not None else None
        if extra:
            text += "（" + extra.replace(",\n\t", "、").replace("\n\t", "") + "）"
        return text + (f"：{exc.message}" if exc.message else "。")
    if isinstance(exc, click.BadParameter):
        hint = _hint(exc)
        kind = getattr(exc.param, "type", None)
        message = exc.message
        if isinstance(kind, click.Choice):  # 'a', 'b' as click lists them -> a、b; and a did-you-mean
            import difflib

            names = [str(c) for c in kind.choices]
            message = message.replace(", ".join(map(repr, names)), "、".join(names))
            import re

            quoted = re.search(r"[“'](.+?)[”']", message)
            given = quoted.group(1) if quoted else ""
            close = difflib.get_close_matches(given, names, n=1, cutoff=0.6 if given.isascii() else 0.5) if given else []
            message += f"是不是要用 {close[0]}？" if close else ""
        message = chinese_range(message)
        if not hint or isinstance(kind, click.Path):
            return message  # a missing or wrong file names itself
        return f"{hint}的值不对：{message}" if not hint.isascii() else f"{hint} 的值不对：{message}"
    return exc.format_message()


def chinese_error(exc: click.ClickException) -> click.ClickException:
    if isinstance(exc, (ChineseError, click.exceptions.NoArgsIsHelpError)):
        return exc
    return ChineseError(wording(exc), exc.exit_code, getattr(exc, "ctx", None))


class ChineseGroup(click.Group):
    """A click group whose help, placeholders and errors are Chinese, for every sub-command."""

    context_class = ChineseContext

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        adopt(self)

    def resolve_command(self, ctx, args):
        name, cmd, rest = super().resolve_command(ctx, args)
        return name, (adopt(cmd) if cmd is not None else None), rest

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.ClickException as exc:
            raise chinese_error(exc) from exc

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.ClickException as exc:
            raise chinese_error(exc) from exc

    def main(self, *args, **kwargs):
        with speaking():
            return super().main(*args, **kwargs)
