"""The ``keyprojects`` command: launch the app, create ledgers, list and generate projects.

Errors print one plain-Chinese line on stderr and exit non-zero; never a traceback, never the
English of the system, SQLite or click (usage errors exit 2 with a hint to ``--help``).  Text
from the ledger is printed through :func:`~desktop_app.domain.text.printable`: a control
character stored in a name shows as ``\x1b`` instead of acting on the terminal.
"""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
import sys
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any

import click

from . import APP_NAME, __version__
from .domain.periods import Period, PeriodError
from .domain.text import printable
from .errors_text import plain_os_error, plain_sqlite_error
from .launch import open_ledger, run_window
from .paths import default_database
from .store import Store, StoreError

DB_HELP = "数据库文件（默认：用户数据目录中的台账）"


def _one_line(text: str) -> str:
    """``text`` as one printable line (SQLite's reports run over several)."""
    return printable("；".join(part.strip() for part in str(text).splitlines() if part.strip()))


def _echo(text: str = "", *, err: bool = False) -> None:
    """Print a line whose text may come from the ledger: control characters escaped."""
    click.echo(printable(text, keep_newlines=True), err=err)


class CliError(click.ClickException):
    """A user-facing error: printed as one line, exit code 1."""

    def show(self, file: Any = None) -> None:
        click.echo(f"错误：{_one_line(self.format_message())}", err=True)


# ----------------------------------------------------------------- click's errors in Chinese
_APP = "keyprojects"


class ChineseUsageError(click.UsageError):
    """A usage error said in Chinese on one line, with where to read the usage; exit code 2."""

    def __init__(self, message: str, ctx: click.Context | None = None) -> None:
        super().__init__(message, ctx)

    def show(self, file: Any = None) -> None:
        hint = f"（运行 {_command_path(self.ctx)} --help 查看用法）"
        click.echo(f"错误：{_one_line(self.message)}{hint}", err=True)


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


class ChineseCommand(click.Command):
    """click's command with its usage errors in Chinese (:class:`ChineseUsageError`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            if exc.ctx is None:
                exc.ctx = ctx
            raise _chinese(exc) from exc


class ChineseGroup(click.Group):
    """click's group with its usage errors (and those of its commands) in Chinese."""

    command_class = ChineseCommand

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            if exc.ctx is None:
                exc.ctx = ctx
            raise _chinese(exc) from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise _chinese(exc) from exc
        except (click.Abort, KeyboardInterrupt, EOFError) as exc:  # click would say "Aborted!"
            raise CliError("已取消") from exc


def _friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn store, SQLite and file errors into one-line messages in Chinese."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except StoreError as exc:
            raise CliError(str(exc)) from exc
        except (PeriodError, ValueError) as exc:
            raise CliError(str(exc)) from exc
        except OSError as exc:
            raise CliError(plain_os_error(exc)) from exc
        except sqlite3.Error as exc:
            raise CliError(plain_sqlite_error(exc)) from exc

    return wrapper


def _given_db(ctx: click.Context, db: Path | None) -> Path | None:
    """The --db of the subcommand, else of the group (None: the user's default ledger)."""
    return db or (ctx.obj or {}).get("db")


def _resolve_db(ctx: click.Context, db: Path | None) -> Path:
    """The --db of the subcommand, else of the group, else the user's default ledger."""
    return _given_db(ctx, db) or default_database()


@contextmanager
def _ledger(ctx: click.Context, db: Path | None) -> Iterator[Store]:
    """The ledger of the command (:func:`~desktop_app.launch.open_ledger`: the user's default
    ledger is created with the portfolio on first use), closed afterwards."""
    store = open_ledger(_given_db(ctx, db))
    try:
        yield store
    finally:
        store.close()


db_option = click.option(
    "--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None, help=DB_HELP
)


@click.group(
    cls=ChineseGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@db_option
@click.option("--smoke", is_flag=True, hidden=True, help="打开主窗口、绘制一次后退出（安装自检）")
@click.version_option(__version__, "-V", "--version", prog_name=APP_NAME)
@click.pass_context
def cli(ctx: click.Context, db: Path | None, smoke: bool) -> None:
    """重点项目调度台：不带子命令时打开主窗口。"""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is None:
        sys.exit(run_window(db, smoke=smoke))


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.option("--empty", is_flag=True, help="只建表和代码表，不载入2022年重点项目")
@click.pass_context
@_friendly
def init(ctx: click.Context, file: Path | None, db: Path | None, empty: bool) -> None:
    """新建台账数据库（含2022年政府工作报告中的重点项目），不覆盖已有文件。"""
    path = file or _resolve_db(ctx, db)
    with Store.create(path, portfolio=not empty) as store:
        count = store.project_count()
    _echo(f"已创建 {path}，共 {count} 个项目")


@cli.command()
@db_option
@click.option(
    "--search",
    "-s",
    default="",
    help="搜索：名称、业主、内容、领导、责任单位；支持拼音首字母和繁体",
)
@click.option("--json", "as_json", is_flag=True, help="输出 JSON（每个项目一个对象）")
@click.pass_context
@_friendly
def projects(ctx: click.Context, db: Path | None, search: str, as_json: bool) -> None:
    """列出项目。"""
    with _ledger(ctx, db) as store:
        found = store.list_projects(search=search)
    if as_json:
        click.echo(_json_text([p.to_json() for p in found]))
        return
    header = ("项目编号", "项目名称", "所属县区", "项目状态", "总投资(万元)")
    rows = [
        (
            printable(p.code),
            printable(p.name),
            printable(p.region or ""),
            printable(p.status or ""),
            f"{p.total_investment:,.2f}" if p.total_investment is not None else "",
        )
        for p in found
    ]
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]
    _echo(
        "  ".join(_pad(h, w, i == 4) for i, (h, w) in enumerate(zip(header, widths, strict=True)))
    )
    for row in rows:
        _echo(
            "  ".join(_pad(c, w, i == 4) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
        )
    _echo(f"共 {len(rows)} 个项目")


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.option(
    "--projects", "count", type=click.IntRange(0, 2_000_000), required=True, help="项目数"
)
@click.option("--years", type=click.IntRange(0, 20), default=3, show_default=True, help="月报年数")
@click.option("--seed", type=int, default=1, show_default=True, help="随机种子（同一种子结果相同）")
@click.option("--until", default="2022-06", show_default=True, help="最后一个月报期间 YYYY-MM")
@click.pass_context
@_friendly
def demo(
    ctx: click.Context,
    file: Path | None,
    db: Path | None,
    count: int,
    years: int,
    seed: int,
    until: str,
) -> None:
    """生成示例数据库（全部标记为“示例数据”），用于演示和性能测试。"""
    from .store.demo import make_demo

    path = file or _resolve_db(ctx, db)
    result = make_demo(path, projects=count, years=years, seed=seed, until=Period.parse(until))
    _echo(
        f"已生成 {path}：{result['projects']} 个项目，{result['monthly_reports']} 条月报，"
        f"{result['problems']} 个问题（示例数据），用时 {result['seconds']} 秒"
    )


@cli.command()
@db_option
@click.option("--list", "list_only", is_flag=True, help="只列出已有备份，不新建")
@click.option(
    "--keep", type=click.IntRange(1, 1000), default=None, help="保留最近几个备份（会记住，默认10）"
)
@click.pass_context
@_friendly
def backup(ctx: click.Context, db: Path | None, list_only: bool, keep: int | None) -> None:
    """备份台账（SQLite 备份接口写出的一致快照），只保留最近若干个。"""
    from .store import backup as backups

    path = _resolve_db(ctx, db)
    if keep is not None:
        backups.set_keep_count(path, keep)
        _echo(f"今后保留最近 {keep} 个备份")
    if not list_only:
        with Store.open(path) as store:
            made = backups.make_backup(store, "手动备份（命令行）")
        _echo(f"已备份到 {made.path}（{made.projects} 个项目，{_size_text(made.size)}）")
    _echo_backups(path)


@cli.command()
@click.argument(
    "backup_file", required=False, type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
@db_option
@click.option("--latest", is_flag=True, help="恢复最近一个完好的备份")
@click.option("--number", "-n", type=click.IntRange(1), default=None, help="恢复列表中第 N 个备份")
@click.option("--yes", "-y", is_flag=True, help="不再询问，直接恢复")
@click.pass_context
@_friendly
def restore(
    ctx: click.Context,
    backup_file: Path | None,
    db: Path | None,
    latest: bool,
    number: int | None,
    yes: bool,
) -> None:
    """用备份恢复台账：先询问，恢复前把当前台账也备份（已损坏的台账改名保留）。"""
    from .store import backup as backups

    path = _resolve_db(ctx, db)
    if sum((backup_file is not None, latest, number is not None)) != 1:
        raise CliError(
            "请指定一个备份文件、--latest 或 --number N（用 keyprojects backup --list 查看）"
        )
    if backup_file is not None:
        chosen = backups.read_backup(backup_file)
    elif latest:
        found = backups.latest_good_backup(path)
        if found is None:
            raise CliError(f"没有找到“{path.name}”可用的备份")
        chosen = found
    else:
        listed = backups.list_backups(path)
        if number is None or number > len(listed):
            raise CliError(f"没有第 {number} 个备份（共 {len(listed)} 个）")
        chosen = listed[number - 1]
    question = f"用 {chosen.label} 的备份替换台账 {path}？当前台账会先备份。"
    if not yes and not click.confirm(question, default=False):
        _echo("已取消，台账未改变")
        ctx.exit(1)
    result = backups.restore_backup(path, chosen)
    count = chosen.projects if chosen.projects is not None else _project_count(path)
    projects = f"（{count} 个项目）" if count is not None else ""
    _echo(f"已恢复 {chosen.label} 的备份{projects}")
    if result.safety is not None:
        _echo(f"恢复前的台账已备份到 {result.safety.path}")
    if result.moved_aside is not None:
        _echo(f"已损坏的台账已改名保留为 {result.moved_aside}")


@cli.command()
@db_option
@click.option("--full", is_flag=True, help="完整检查（integrity_check 与外键检查，较慢）")
@click.option("--verbose", "-v", is_flag=True, help="发现问题时另列出 SQLite 的原始报告")
@click.pass_context
@_friendly
def check(ctx: click.Context, db: Path | None, full: bool, verbose: bool) -> None:
    """检查台账文件是否完好（默认 quick_check），结果一行。"""
    from .store.backup import identity_problem
    from .store.integrity import check_file, network_warning

    path = _resolve_db(ctx, db)
    if not path.exists():
        raise CliError(f"数据库文件不存在：{path}")
    result = check_file(path, "full" if full else "quick")
    if not result.ok:
        if verbose:
            for line in (*result.problems[1:], *result.details):
                _echo(line, err=True)
        if getattr(result, "could_not_check", False):  # locked, no access: no verdict
            raise CliError(result.message)
        raise CliError(f"{result.message}。可用 keyprojects restore --latest 恢复最近的完好备份")
    problem = identity_problem(path)
    if problem is not None:
        raise CliError(str(problem))
    _echo(_one_line(result.message))
    warning = network_warning(path)
    if warning:
        _echo(f"注意：{warning}", err=True)


# ------------------------------------------------------------------ Excel reports and import
_GROUP_HELP = (
    "分组：region 所属县区、chain 产业链、sector 产业类别、status 项目状态、none 不分组"
    "（台账默认按县区；问题清单可用 leader 包保领导、department 责任单位、region）"
)


@cli.command("export")
@click.argument("report", type=click.Choice(["ledger", "monthly", "problems", "summary"]))
@db_option
@click.option(
    "--period", "-p", default=None, help="期间 YYYY-MM（月度调度表、分类汇总；默认最近填报的月份）"
)
@click.option("--group-by", "-g", "group_by", default=None, help=_GROUP_HELP)
@click.option("--search", "-s", default="", help="只导出搜索到的项目（同 projects --search）")
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="输出的 .xlsx 文件",
)
@click.pass_context
@_friendly
def export_command(
    ctx: click.Context,
    report: str,
    db: Path | None,
    period: str | None,
    group_by: str | None,
    search: str,
    output: Path,
) -> None:
    """导出会议报表：ledger 重点项目台账、monthly 月度调度表、problems 问题清单、summary 分类汇总。"""
    import time

    from .reports import REPORTS, export_report

    if group_by is None and report == "ledger":
        group_by = "region"
    started = time.perf_counter()
    with _ledger(ctx, db) as store:
        ids = [p.id for p in store.list_projects(search=search) if p.id] if search else None
        result = export_report(
            store,
            report,
            output,
            period=Period.parse(period) if period else None,
            group_by=group_by,
            project_ids=ids,
        )
    what = "个问题" if report == "problems" else "个项目"
    _echo(
        f"已导出{REPORTS[report]}：{result.path}（{result.items} {what}，"
        f"用时 {time.perf_counter() - started:.1f} 秒）"
    )


@cli.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.option("--dry-run", is_flag=True, help="只预览，不写入台账")
@click.option(
    "--kind",
    type=click.Choice(["auto", "ledger", "monthly"]),
    default="auto",
    show_default=True,
    help="文件内容：ledger 项目台账、monthly 月报（填报模板）；auto 自动识别",
)
@click.option("--period", "-p", default=None, help="月报期间 YYYY-MM（模板已记录期间时不需要）")
@click.option("--skip-rejected", is_flag=True, help="跳过有问题的行，导入其余各行")
@click.option("--all", "show_all", is_flag=True, help="列出每一行（默认每类最多列 20 行）")
@click.pass_context
@_friendly
def import_command(
    ctx: click.Context,
    file: Path,
    db: Path | None,
    dry_run: bool,
    kind: str,
    period: str | None,
    skip_rejected: bool,
    show_all: bool,
) -> None:
    """导入 Excel：各单位的项目台账，或填好的月度调度填报模板。先预览，全部无误才写入。"""
    import time

    from .importers import ImportRefused, apply_preview, preview_file, rejected_text

    started = time.perf_counter()
    with _ledger(ctx, db) as store:
        preview = preview_file(
            store, file, kind=kind, period=Period.parse(period) if period else None
        )
        header = preview.header
        rows = (
            f"第 {header.top + 1} 行"
            if header.depth == 1
            else f"第 {header.top + 1}～{header.top + 2} 行"
        )
        what = "项目台账" if preview.kind == "ledger" else f"{preview.period} 月报"
        _echo(f"读取 {file.name}（{what}）：工作表“{preview.sheet}”，表头在{rows}")
        mapped = [
            f"{c.letter}列“{c.header}”" for c in preview.columns if c.target is None and c.header
        ]
        if mapped:
            _echo("未导入的列：" + "、".join(mapped))
        for warning in preview.warnings:
            _echo(f"注意：{warning}")
        _echo(preview.summary())
        limit = None if show_all else 20
        for status, label in (("new", "新增"), ("changed", "修改"), ("rejected", "拒绝")):
            items = preview.of(status)  # type: ignore[arg-type]
            for r in items[:limit]:
                detail = f"：{r.detail}" if r.detail else ""
                _echo(f"  {label} 第 {r.row} 行 {r.name}{detail}")
            if limit is not None and len(items) > limit:
                _echo(f"  ……另有 {len(items) - limit} 行{label}（加 --all 查看全部）")
        if dry_run:
            _echo(f"预览完毕，未写入台账（--dry-run），用时 {time.perf_counter() - started:.1f} 秒")
            return
        if preview.rejected and not skip_rejected:
            raise ImportRefused(
                f"有 {len(preview.rejected)} 行数据有问题，未导入任何内容（改正后重新导入，"
                f"或加 --skip-rejected 只导入其余各行）：{rejected_text(preview)}"
            )
        result = apply_preview(store, preview, skip_rejected=skip_rejected)
    _echo(
        f"已导入：新增 {result.added}，修改 {result.changed}，记入修改历史（来源：{result.action_source}），"
        f"用时 {time.perf_counter() - started:.1f} 秒"
    )


@cli.command("template")
@db_option
@click.option("--period", "-p", required=True, help="填报期间 YYYY-MM")
@click.option("--unit", "-u", "units", multiple=True, help="责任单位（可重复；默认每个单位一份）")
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(path_type=Path),
    help="输出文件夹（只有一个单位时也可以是 .xlsx 文件）",
)
@click.pass_context
@_friendly
def template_command(
    ctx: click.Context, db: Path | None, period: str, units: tuple[str, ...], output: Path
) -> None:
    """生成各责任单位的月度调度填报模板（项目信息锁定，填报格有数据校验和说明）。"""
    from .reports.template import write_template, write_templates

    month = Period.parse(period)
    with _ledger(ctx, db) as store:
        if output.suffix.lower() == ".xlsx":
            if len(units) != 1:
                raise CliError("输出为单个 .xlsx 文件时，请用 --unit 指定一个责任单位")
            results = [write_template(store, output, period=month, unit=units[0])]
        else:
            output.mkdir(parents=True, exist_ok=True)
            results = write_templates(store, output, period=month, only=list(units) or None)
    for r in results:
        _echo(f"{r.path}（{r.items} 个项目）")
    written = {str(r.path.resolve()).casefold() for r in results if r.path.is_file()}
    _echo(f"已生成 {len(written)} 份 {month.label}填报模板")


@cli.command("returns")
@db_option
@click.option("--period", "-p", default=None, help="期间 YYYY-MM（默认最近填报的月份）")
@click.pass_context
@_friendly
def returns_command(ctx: click.Context, db: Path | None, period: str | None) -> None:
    """各责任单位本期月报的报送情况。"""
    from .reports.template import reporting_status

    with _ledger(ctx, db) as store:
        month = Period.parse(period) if period else store.default_period()
        status = reporting_status(store, month)
    names = [printable(s.unit) for s in status]
    width = max([_width("责任单位")] + [_width(n) for n in names])
    _echo(f"{month.label}月报报送情况")
    _echo(f"{_pad('责任单位', width, False)}  项目数  已报  状态")
    for s, name in zip(status, names, strict=True):
        _echo(f"{_pad(name, width, False)}  {s.projects:>6}  {s.reported:>4}  {s.label}")
    done = sum(s.complete for s in status)
    _echo(f"共 {len(status)} 个单位，已报齐 {done} 个")


def _echo_backups(path: Path) -> None:
    from .store import backup as backups

    listed = backups.list_backups(path)
    if not listed:
        _echo("还没有备份")
        return
    _echo(f"备份（最新在前，保留 {backups.keep_count(path)} 个）：{backups.backup_folder(path)}")
    for i, b in enumerate(listed, 1):
        projects = f"{b.projects} 个项目" if b.projects is not None else ""
        state = {True: "已校验", False: "校验未通过", None: ""}[b.verified]
        _echo(f"{i:>3}  {b.label}  {projects}  {_size_text(b.size)}  {state}".rstrip())


def _project_count(path: Path) -> int | None:
    """How many projects the ledger at ``path`` holds (None when it cannot be read)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return int(conn.execute("SELECT count(*) FROM projects").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _json_text(data: Any) -> str:
    """JSON of ``data`` with every control, direction and invisible character escaped
    (``\\u001b``, ``\\u202e``): safe on a terminal, the same values when parsed."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if text.isprintable():
        return text
    return "".join(ch if ch == "\n" or ch.isprintable() else _json_escape(ch) for ch in text)


def _json_escape(ch: str) -> str:
    code = ord(ch)
    if unicodedata.category(ch) == "Zs":  # U+3000 and other spaces: harmless as they are
        return ch
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def _size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - _width(text))
    return gap + text if right else text + gap


def main() -> None:
    """Console entry point."""
    cli(prog_name="keyprojects")


if __name__ == "__main__":  # pragma: no cover
    main()
