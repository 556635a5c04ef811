"""The ``keyprojects`` command: launch the app, create ledgers, list and generate projects.

Errors print one plain line on stderr and exit non-zero; never a traceback.
"""

from __future__ import annotations

import json
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
from .paths import default_database
from .store import Store, StoreError

DB_HELP = "数据库文件（默认：用户数据目录中的台账）"


class CliError(click.ClickException):
    """A user-facing error: printed as one line, exit code 1."""

    def show(self, file: Any = None) -> None:
        click.echo(f"错误：{self.format_message()}", err=True)


def _friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn store and file errors into one-line messages."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except StoreError as exc:
            raise CliError(str(exc)) from exc
        except (PeriodError, ValueError) as exc:
            raise CliError(str(exc)) from exc
        except OSError as exc:
            raise CliError(f"{exc.strerror or exc}：{exc.filename or ''}".rstrip("：")) from exc

    return wrapper


def _resolve_db(ctx: click.Context, db: Path | None) -> Path:
    """The --db of the subcommand, else of the group, else the user's default ledger."""
    return db or (ctx.obj or {}).get("db") or default_database()


@contextmanager
def _open_store(path: Path, *, create_default: bool = False) -> Iterator[Store]:
    """Open a ledger; the user's default ledger is created with the portfolio on first use."""
    if create_default and path == default_database() and not path.exists():
        store = Store.create(path)
    else:
        store = Store.open(path)
    try:
        yield store
    finally:
        store.close()


db_option = click.option(
    "--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None, help=DB_HELP
)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@click.option("--smoke", is_flag=True, hidden=True, help="打开主窗口、绘制一次后退出（安装自检）")
@click.version_option(__version__, "-V", "--version", prog_name=APP_NAME)
@click.pass_context
def cli(ctx: click.Context, db: Path | None, smoke: bool) -> None:
    """重点项目调度台：不带子命令时打开主窗口。"""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is None:
        from .gui import run

        sys.exit(run(db, smoke=smoke))


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
    click.echo(f"已创建 {path}，共 {count} 个项目")


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
    with _open_store(_resolve_db(ctx, db), create_default=True) as store:
        found = store.list_projects(search=search)
    if as_json:
        click.echo(json.dumps([p.to_json() for p in found], ensure_ascii=False, indent=2))
        return
    header = ("项目编号", "项目名称", "所属县区", "项目状态", "总投资(万元)")
    rows = [
        (
            p.code,
            p.name,
            p.region or "",
            p.status or "",
            f"{p.total_investment:,.2f}" if p.total_investment is not None else "",
        )
        for p in found
    ]
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]
    click.echo(
        "  ".join(_pad(h, w, i == 4) for i, (h, w) in enumerate(zip(header, widths, strict=True)))
    )
    for row in rows:
        click.echo(
            "  ".join(_pad(c, w, i == 4) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
        )
    click.echo(f"共 {len(rows)} 个项目")


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
    click.echo(
        f"已生成 {path}：{result['projects']} 个项目，{result['monthly_reports']} 条月报，"
        f"{result['problems']} 个问题（示例数据），用时 {result['seconds']} 秒"
    )


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
