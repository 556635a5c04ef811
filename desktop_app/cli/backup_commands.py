"""Backups of the ledger: make and list them, restore one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import click

from ..store import Store
from .base import command, db_option, resolve_db
from .output import ask_yes, echo, size_text
from .usage import CliError


@command()
@db_option
@click.option("--list", "list_only", is_flag=True, help="只列出已有备份，不新建")
@click.option(
    "--keep", type=click.IntRange(1, 1000), default=None, help="保留最近几个备份（会记住，默认10）"
)
def backup(ctx: click.Context, db: Path | None, list_only: bool, keep: int | None) -> None:
    """备份台账（SQLite 备份接口写出的一致快照），只保留最近若干个。"""
    from ..store import backup as backups

    path = resolve_db(ctx, db)
    if keep is not None:
        backups.set_keep_count(path, keep)
        echo(f"今后保留最近 {keep} 个备份")
    if not list_only:
        with Store.open(path) as store:
            made = backups.make_backup(store, "手动备份（命令行）")
        echo(f"已备份到 {made.path}（{made.projects} 个项目，{size_text(made.size)}）")
    _echo_backups(path)


@command()
@click.argument(
    "backup_file", required=False, type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
@db_option
@click.option("--latest", is_flag=True, help="恢复最近一个完好的备份")
@click.option("--number", "-n", type=click.IntRange(1), default=None, help="恢复列表中第 N 个备份")
@click.option("--yes", "-y", is_flag=True, help="不再询问，直接恢复")
def restore(
    ctx: click.Context,
    backup_file: Path | None,
    db: Path | None,
    latest: bool,
    number: int | None,
    yes: bool,
) -> None:
    """用备份恢复台账：先询问，恢复前把当前台账也备份（已损坏的台账改名保留）。"""
    from ..store import backup as backups

    path = resolve_db(ctx, db)
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
    if not yes and not ask_yes(question):
        echo("已取消，台账未改变")
        ctx.exit(1)
    result = backups.restore_backup(path, chosen)
    count = chosen.projects if chosen.projects is not None else _project_count(path)
    projects = f"（{count} 个项目）" if count is not None else ""
    echo(f"已恢复 {chosen.label} 的备份{projects}")
    if result.safety is not None:
        echo(f"恢复前的台账已备份到 {result.safety.path}")
    if result.moved_aside is not None:
        echo(f"已损坏的台账已改名保留为 {result.moved_aside}")


def _echo_backups(path: Path) -> None:
    from ..store import backup as backups

    listed = backups.list_backups(path)
    if not listed:
        echo("还没有备份")
        return
    echo(f"备份（最新在前，保留 {backups.keep_count(path)} 个）：{backups.backup_folder(path)}")
    for i, b in enumerate(listed, 1):
        projects = f"{b.projects} 个项目" if b.projects is not None else ""
        state = {True: "已校验", False: "校验未通过", None: ""}[b.verified]
        echo(f"{i:>3}  {b.label}  {projects}  {size_text(b.size)}  {state}".rstrip())


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
