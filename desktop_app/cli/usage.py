"""click's errors said in Chinese, on one line, with where to read the usage."""

from __future__ import annotations

import difflib
import re
from typing import Any

import click

from .output import one_line


class CliError(click.ClickException):
    """A user-facing error: printed as one line, exit code 1."""

    def show(self, file: Any = None) -> None:
        click.echo(f"错误：{one_line(self.format_message())}", err=True)


_APP = "keyprojects"


class ChineseUsageError(click.UsageError):
    """A usage error said in Chinese on one line, with where to read the usage; exit code 2."""

    def __init__(self, message: str, ctx: click.Context | None = None) -> None:
        super().__init__(message, ctx)

    def show(self, file: Any = None) -> None:
        hint = f"（运行 {_command_path(self.ctx)} --help 查看用法）"
        click.echo(f"错误：{one_line(self.message)}{hint}", err=True)


def _command_path(ctx: click.Context | None) -> str:
    """``keyprojects export`` whatever name the program was started under."""
    names: list[str] = []
    while ctx is not None:
        names.append(ctx.info_name or "" if ctx.parent is not None else _APP)
        ctx = ctx.parent
    return " ".join(reversed([n for n in names if n])) or _APP


def _param_name(param: click.Parameter | None) -> str:
    if param is None:
        return "参数"
    if isinstance(param, click.Option):
        return f"选项 {param.opts[0] if param.opts else param.name}"
    return (param.name or "参数").upper()


def _choices(param: click.Parameter | None) -> str:
    if param is not None and isinstance(param.type, click.Choice):
        return "（可选：" + "、".join(map(str, param.type.choices)) + "）"
    return ""


def _quoted(message: str) -> str | None:
    """The value click quotes at the start of its message (``'abc' is not a valid...``)."""
    found = re.match(r"^'(.*?)'\s", message) or re.match(r"^(\S+)\s+is not", message)
    return found.group(1) if found else None


def _range_text(kind: click.ParamType) -> str:
    low, high = getattr(kind, "min", None), getattr(kind, "max", None)
    if low is not None and high is not None:
        return f"不在 {low}～{high} 之间"
    if low is not None:
        return f"应不小于 {low}"
    if high is not None:
        return f"应不大于 {high}"
    return "超出范围"


def _bad_parameter(exc: click.BadParameter) -> str:
    param, message = exc.param, exc.message
    name = _param_name(param)
    value = _quoted(message)
    kind = param.type if param is not None else None
    if isinstance(kind, click.Path):
        found = re.match(r"^(?:File|Directory|Path) '(.*)' (.*)$", message)
        where = found.group(1) if found else value or ""
        problem = found.group(2) if found else message
        if "does not exist" in problem:
            return f"文件不存在：{where}"
        if "is a directory" in problem:
            return f"“{where}”是文件夹，这里要一个文件"
        if "is a file" in problem:
            return f"“{where}”是文件，这里要一个文件夹"
        if "not readable" in problem or "not writable" in problem:
            return f"没有权限读写“{where}”"
        return f"{name} 的值“{where}”不可用"
    if isinstance(kind, click.Choice):
        return f"{name} 的值“{value}”不可用{_choices(param)}"
    if isinstance(kind, click.IntRange | click.FloatRange) and "is not in the range" in message:
        shown = value if value is not None else "所填的值"
        return f"{name} 的值 {shown} {_range_text(kind)}"
    if isinstance(kind, click.types.IntParamType) or "integer" in message:
        return f"{name} 的值“{value}”不是整数" if value is not None else f"{name} 应为整数"
    if isinstance(kind, click.types.FloatParamType) or "float" in message:
        return f"{name} 的值“{value}”不是数字" if value is not None else f"{name} 应为数字"
    return f"{name} 的值“{value}”不可用" if value is not None else f"{name} 的值不可用"


def chinese_usage_message(exc: click.UsageError) -> str:
    """What click's usage error ``exc`` says, in Chinese (without the --help hint)."""
    message = exc.message
    if isinstance(exc, click.NoSuchOption):
        text = f"没有选项 {exc.option_name}"
        if exc.possibilities:
            text += "，是不是要用 " + " 或 ".join(sorted(exc.possibilities)[:3]) + "？"
        return text
    if isinstance(exc, click.BadOptionUsage):
        name = exc.option_name
        if "requires an argument" in message or "requires" in message:
            return f"选项 {name} 后面要跟一个值"
        if "does not take a value" in message:
            return f"选项 {name} 不带值"
        return f"选项 {name} 用法不对"
    if isinstance(exc, click.MissingParameter):
        param = exc.param
        if isinstance(param, click.Option):
            opts = param.opts + param.secondary_opts
            others = f"（{'、'.join(opts[1:])}）" if len(opts) > 1 else ""
            return f"缺少选项 {opts[0]}{others}{_choices(param)}"
        return f"缺少参数 {_param_name(param)}{_choices(param)}"
    if isinstance(exc, click.BadParameter):
        return _bad_parameter(exc)
    found = re.match(r"^No such command '(.*)'\.?$", message)
    if found:
        name = found.group(1)
        text = f"没有命令“{name}”"
        group = exc.ctx.command if exc.ctx is not None else None
        if isinstance(group, click.Group) and exc.ctx is not None:
            close = difflib.get_close_matches(name, group.list_commands(exc.ctx), n=1)
            if close:
                text += f"，是不是要用 {close[0]}？"
        return text
    found = re.match(r"^Got unexpected extra arguments? \((.*)\)$", message)
    if found:
        return f"多余的参数：{found.group(1)}"
    if re.search(r"[\u4e00-\u9fff]", message):  # already ours
        return message
    return "命令的写法不对"


def _chinese(exc: click.UsageError) -> ChineseUsageError:
    if isinstance(exc, ChineseUsageError):
        return exc
    return ChineseUsageError(chinese_usage_message(exc), exc.ctx)


class _ChineseParsing(click.Command):
    """Usage errors met while parsing the arguments come out in Chinese."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            if exc.ctx is None:
                exc.ctx = ctx
            raise _chinese(exc) from exc


class ChineseCommand(_ChineseParsing):
    """click's command with its usage errors in Chinese (:class:`ChineseUsageError`)."""


class ChineseGroup(_ChineseParsing, click.Group):
    """click's group with its usage errors (and those of its commands) in Chinese."""

    command_class = ChineseCommand

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise _chinese(exc) from exc
        except (click.Abort, KeyboardInterrupt, EOFError) as exc:  # click would say "Aborted!"
            raise CliError("已取消") from exc
