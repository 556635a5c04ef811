"""``keyprojects settings``: what the ledger says about itself, and its 填报单位.

The office name lives in the ledger (``meta``), so the command line and the window print the
same 填报单位 on every report; changing it is one action in the change history.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..reports.common import unit_name
from ..reports.form import DEFAULT_UNIT_NAME
from ..store import Store
from .base import cli, db_option, friendly, ledger
from .output import echo, size_text
from .usage import ChineseGroup


@cli.group("settings", cls=ChineseGroup)
def settings_group() -> None:
    """台账的设置：show 查看（填报单位、文件、数据结构版本等），office 修改填报单位。"""


@settings_group.command("office")
@click.argument("name", metavar="单位名称")
@db_option
@click.pass_context
@friendly
def office_command(ctx: click.Context, name: str, db: Path | None) -> None:
    """把台账的填报单位（报表表头“填报单位：…”）改为所给的单位名称（最多 40 个字），记入修改记录。"""
    with ledger(ctx, db) as store:
        old = unit_name(store)
        stored = store.set_office_name(name)
        path = store.path
    if stored == old:
        echo(f"填报单位仍为“{stored}”（未修改）：{path}")
    else:
        echo(f"填报单位已由“{old}”改为“{stored}”：{path}")


@settings_group.command("show")
@db_option
@click.pass_context
@friendly
def show_command(ctx: click.Context, db: Path | None) -> None:
    """显示台账的填报单位、文件、数据结构版本、项目个数、最近修改和备份。"""
    from ..store import backup as backups

    with ledger(ctx, db) as store:
        office = store.office_name()
        path = store.path
        lines = [
            ("填报单位", office or f"{DEFAULT_UNIT_NAME}（默认）"),
            ("台账文件", str(path.resolve())),
            ("文件大小", size_text(path.stat().st_size)),
            ("数据结构版本", f"v{store.schema_version}"),
            ("项目个数", str(store.project_count())),
            ("创建时间", _time(store.meta("created_at"))),
            ("最近修改", _last_action(store)),
            ("命令行修改人", f"{store.user}（本机登录名，写入修改记录）"),
        ]
    found = backups.list_backups(path)
    newest = f"，最近一次 {found[0].created:%Y-%m-%d %H:%M:%S}" if found else ""
    lines.append(("备份", f"{len(found)} 个{newest}（{backups.backup_folder(path)}）"))
    label_width = max(len(label) for label, _ in lines)
    for label, value in lines:
        echo(f"{label}：{'　' * (label_width - len(label))}{value}")


def _time(text: str | None) -> str:
    return (text or "未知").replace("T", " ")


def _last_action(store: Store) -> str:
    newest = store.history(limit=1)
    if not newest:
        return "无"
    entry = newest[0]
    return f"{_time(entry.at)}  {entry.user}：{entry.description}"
