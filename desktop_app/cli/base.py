"""The ``keyprojects`` group, the options its commands share, and how they open the ledger."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from .. import APP_NAME, __version__
from ..domain.periods import Period, PeriodError
from ..errors_text import plain_os_error, plain_sqlite_error
from ..launch import open_ledger, run_window
from ..paths import default_database
from ..store import Store, StoreError
from .usage import VERSION_OPTION_HELP, ChineseGroup, CliError

DB_HELP = "数据库文件（默认：用户数据目录中的台账）"
F = TypeVar("F", bound=Callable[..., Any])


def friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
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


def given_db(ctx: click.Context, db: Path | None) -> Path | None:
    """The --db of the subcommand, else of the group (None: the user's default ledger)."""
    return db or (ctx.obj or {}).get("db")


def resolve_db(ctx: click.Context, db: Path | None) -> Path:
    """The --db of the subcommand, else of the group, else the user's default ledger."""
    return given_db(ctx, db) or default_database()


@contextmanager
def ledger(ctx: click.Context, db: Path | None) -> Iterator[Store]:
    """The ledger of the command (:func:`~desktop_app.launch.open_ledger`: the user's default
    ledger is created with the portfolio on first use), closed afterwards."""
    store = open_ledger(given_db(ctx, db))
    try:
        yield store
    finally:
        store.close()


def period_of(text: str | None) -> Period | None:
    """The ``--period`` given (YYYY-MM), None when none was."""
    return Period.parse(text) if text else None


db_option = click.option(
    "--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None, help=DB_HELP
)


def period_option(help: str, *, required: bool = False) -> Callable[[F], F]:
    if required:  # click 8.3 takes an explicit default=None as a value
        return click.option("--period", "-p", required=True, metavar="YYYY-MM", help=help)
    return click.option("--period", "-p", default=None, metavar="YYYY-MM", help=help)


def output_option(help: str, *, file: bool = True) -> Callable[[F], F]:
    kind = click.Path(dir_okay=False, path_type=Path) if file else click.Path(path_type=Path)
    return click.option("--output", "-o", required=True, type=kind, help=help)


def search_option(help: str) -> Callable[[F], F]:
    return click.option("--search", "-s", default="", metavar="关键词", help=help)


@click.group(
    cls=ChineseGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@db_option
@click.option("--smoke", is_flag=True, hidden=True, help="打开主窗口、绘制一次后退出（安装自检）")
@click.version_option(
    __version__,
    "-V",
    "--version",
    prog_name=APP_NAME,
    message="%(prog)s %(version)s",
    help=VERSION_OPTION_HELP,
)
@click.pass_context
def cli(ctx: click.Context, db: Path | None, smoke: bool) -> None:
    """重点项目调度台：不带子命令时打开主窗口。"""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is None:
        sys.exit(run_window(db, smoke=smoke))


def command(name: str | None = None) -> Callable[[Callable[..., Any]], click.Command]:
    """A subcommand of ``keyprojects``: given the click context first, its store, SQLite and
    file errors said in Chinese (:func:`friendly`).  Options go below it as usual."""

    def decorate(fn: Callable[..., Any]) -> click.Command:
        return cli.command(name)(click.pass_context(friendly(fn)))

    return decorate
