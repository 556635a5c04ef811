"""The usage of ``keyprojects`` in Chinese: click's errors on one line with where to read the
usage, and every ``--help`` (headings, the usage line, metavars, the help and version options,
required/default/range notes) in Chinese, wrapped by display width (a Chinese character takes two
columns of a terminal, which click's wrapping counts as one)."""

from __future__ import annotations

import difflib
import inspect
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

import click

from .output import one_line
from .output import width as display_width


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
    if param.metavar:  # the name the help shows (``[文件]`` → 文件)
        return param.metavar.strip("[].") or "参数"
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


# ------------------------------------------------------------------------------ help
#: A group called without its subcommand: click shows the help (exit code 2).
_HELP_INSTEAD: tuple[type[click.UsageError], ...] = tuple(
    getattr(click.exceptions, name)
    for name in ("NoArgsIsHelpError",)
    if hasattr(click.exceptions, name)
)
HELP_OPTION_HELP = "显示本帮助并退出"
VERSION_OPTION_HELP = "显示版本号并退出"

_HEADINGS = {"Options": "选项", "Commands": "命令", "Positional arguments": "参数"}
#: Never at the start of a line / never at its end (as Chinese typesetting wraps).
_NO_LINE_START = frozenset("，。、；：！？）］》」』】”’…,.;:!?)]")
_NO_LINE_END = frozenset("（［《「『【“‘([")


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _tokens(text: str) -> list[str]:
    """Words of ``text`` for wrapping: a Chinese character is one, a run of other characters
    is one, a space is " " (a line may break at a space or beside a Chinese character); an
    option's notes ``［必填；默认：3］`` are one."""
    tokens: list[str] = []
    word = ""
    notes = False
    for char in text:
        if notes:
            word += char
            notes = char != "］"
            if not notes:
                tokens.append(word)
                word = ""
        elif char == "［":
            if word:
                tokens.append(word)
            word, notes = char, True
        elif char.isspace() or _wide(char):
            if word:
                tokens.append(word)
                word = ""
            tokens.append(" " if char.isspace() else char)
        else:
            word += char
    if word:
        tokens.append(word)
    return tokens


def wrap(text: str, width: int, initial: str = "", subsequent: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` columns, breaking at spaces and beside Chinese
    characters; a comma or a closing bracket never starts a line (it goes down with the
    character before it), an opening bracket never ends one.  A word longer than a line
    overflows."""
    lines: list[str] = []
    prefix, current = initial, []
    for token in _tokens(text):
        if token == " ":
            if current and current[-1] != " ":
                current.append(" ")
            continue
        used = display_width(prefix) + sum(display_width(t) for t in current)
        if current and used + display_width(token) > width:
            body, carry = list(current), []
            while body and body[-1] == " ":
                body.pop()
            if token in _NO_LINE_START and len(body) > 1:
                carry.insert(0, body.pop())
            while len(body) > 1 and body[-1] in _NO_LINE_END:
                carry.insert(0, body.pop())
            lines.append((prefix + "".join(body)).rstrip())
            prefix, current = subsequent, carry
        current.append(token)
    lines.append((prefix + "".join(current)).rstrip())
    return lines


def _joined(paragraph: str) -> str:
    """The lines of one paragraph as one (no space between two Chinese characters)."""
    text = ""
    for piece in paragraph.splitlines():
        piece = piece.strip()
        if text and piece and not (_wide(text[-1]) and _wide(piece[0])):
            text += " "
        text += piece
    return text


def wrap_paragraphs(text: str, width: int, initial: str = "", subsequent: str = "") -> str:
    """Each paragraph of ``text`` wrapped (one that starts with click's ``\\b`` kept as is)."""
    blocks = re.split(r"\n\s*\n", inspect.cleandoc(text))
    out = []
    for block in blocks:
        if block.startswith("\b"):
            out.append("\n".join(subsequent + line for line in block.splitlines()[1:]))
        else:
            out.append("\n".join(wrap(_joined(block), width, initial, subsequent)))
    return "\n\n".join(out)


class ChineseHelpFormatter(click.HelpFormatter):
    """click's help layout with Chinese headings (“用法：”“选项：”“命令：”), wrapped by display
    width."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        head = f"{'用法：' if prefix is None else prefix:>{self.current_indent}}{prog} "
        if not args:
            self.write(head.rstrip() + "\n")
            return
        lines = wrap(args, self.width, head, " " * display_width(head))
        self.write("\n".join(lines) + "\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{_HEADINGS.get(heading, heading)}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write(wrap_paragraphs(text, self.width, indent, indent) + "\n")

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        if not rows:
            return
        first_col = min(max(display_width(first) for first, _ in rows), col_max) + col_spacing
        indent = " " * self.current_indent
        hanging = " " * (first_col + self.current_indent)
        for first, second in rows:
            self.write(indent + first)
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + hanging)
            width = max(self.width - first_col - self.current_indent, 10)
            lines = wrap_paragraphs(second, width).splitlines() or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write((hanging + line if line else "") + "\n")


class ChineseContext(click.Context):
    formatter_class = ChineseHelpFormatter


def _metavar_word(param: click.Parameter) -> str | None:
    """What a value of ``param`` is, in Chinese (None: click's own, e.g. a list of choices)."""
    kind = param.type
    if isinstance(kind, click.Path):
        if kind.file_okay and not kind.dir_okay:
            return "文件"
        return "文件夹" if kind.dir_okay and not kind.file_okay else "路径"
    if isinstance(kind, click.types.IntParamType):
        return "整数"
    if isinstance(kind, click.types.FloatParamType):
        return "数字"
    if isinstance(kind, click.types.StringParamType):
        return "文本"
    return None


def _chinese_metavar(param: click.Parameter) -> None:
    """Give ``param`` a Chinese metavar (``--db 文件``, ``[文件]``) unless it has its own."""
    if param.metavar is not None or isinstance(param.type, click.Choice):
        return
    if isinstance(param, click.Option) and (param.is_flag or param.count):
        return
    word = _metavar_word(param)
    if word is None:
        return
    if isinstance(param, click.Argument) and not param.required:
        word = f"[{word}]"
    param.metavar = word + ("..." if param.nargs != 1 else "")


def _range_words(kind: click.ParamType) -> str:
    low, high = getattr(kind, "min", None), getattr(kind, "max", None)
    if low is not None and high is not None:
        return f"{low}～{high}"
    return f"不小于 {low}" if low is not None else f"不大于 {high}"


def _option_row(option: click.Option, ctx: click.Context) -> tuple[str, str] | None:
    """The help row of ``option`` with its notes in Chinese (click's: ``[default: 3; required]``)."""
    record = option.get_help_record(ctx)
    if record is None:
        return None
    extra = option.get_help_extra(ctx)
    notes = ["必填"] if "required" in extra else []
    if "default" in extra:
        notes.append(f"默认：{extra['default']}")
    if "range" in extra:
        notes.append(_range_words(option.type))
    if "envvars" in extra:
        notes.append(f"环境变量：{'、'.join(extra['envvars'])}")
    text = option.help or ""
    if notes:
        text = f"{text}  ［{'；'.join(notes)}］" if text else f"［{'；'.join(notes)}］"
    return record[0], text


def _chinese(exc: click.UsageError) -> click.UsageError:
    if isinstance(exc, (ChineseUsageError, *_HELP_INSTEAD)):  # the latter shows the help
        return exc
    return ChineseUsageError(chinese_usage_message(exc), exc.ctx)


class _ChineseParsing(click.Command):
    """Usage errors met while parsing the arguments come out in Chinese; so does the help."""

    context_class = ChineseContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)
        for param in self.params:
            _chinese_metavar(param)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            if isinstance(exc, _HELP_INSTEAD):  # a group without its subcommand: the help
                raise
            if exc.ctx is None:
                exc.ctx = ctx
            raise _chinese(exc) from exc

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_OPTION_HELP
        return option

    def get_short_help_str(self, limit: int = 45) -> str:
        """The first sentence (to the first “。”) of the help, for the list of commands."""
        text = inspect.cleandoc(self.short_help or self.help or "")
        first = _joined(re.split(r"\n\s*\n", text, maxsplit=1)[0])
        end = first.find("。")
        return first[: end + 1] if 0 <= end < len(first) - 1 else first

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [
            row
            for param in self.get_params(ctx)
            if isinstance(param, click.Option) and (row := _option_row(param, ctx)) is not None
        ]
        if rows:
            with formatter.section("选项"):
                formatter.write_dl(rows)


class ChineseCommand(_ChineseParsing):
    """click's command with its usage errors (:class:`ChineseUsageError`) and help in Chinese."""


class ChineseGroup(_ChineseParsing, click.Group):
    """click's group with its usage errors and help (and those of its commands) in Chinese."""

    command_class = ChineseCommand
    group_class = type  # its groups are ChineseGroups too

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("subcommand_metavar") is None:
            optional = kwargs.get("invoke_without_command", False)
            kwargs["subcommand_metavar"] = "[命令] [参数]..." if optional else "命令 [参数]..."
        super().__init__(*args, **kwargs)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _ChineseParsing.format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise _chinese(exc) from exc
        except (click.Abort, KeyboardInterrupt, EOFError) as exc:  # click would say "Aborted!"
            raise CliError("已取消") from exc
