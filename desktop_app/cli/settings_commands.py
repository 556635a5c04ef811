"""``keyprojects settings``: what the ledger says about itself, its 填报单位 and its
status-light thresholds.

Both live in the ledger (``meta``), so the command line and the window print the same 填报单位
on every report and light (and close) by the same thresholds; changing either is one action
in the change history.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..domain.derived import LightThresholds
from ..reports.common import unit_name
from ..reports.form import DEFAULT_UNIT_NAME
from ..store import Store
from .base import cli, db_option, friendly, ledger
from .output import echo, size_text
from .usage import ChineseGroup


@cli.group("settings", cls=ChineseGroup)
def settings_group() -> None:
    """台账的设置：show 查看（填报单位、状态灯阈值、文件、数据结构版本等），office 修改填报单位，
    lights 修改状态灯阈值。"""


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


@settings_group.command("lights")
@click.argument("yellow", metavar="黄灯", type=click.FloatRange(0, 100))
@click.argument("red", metavar="红灯", type=click.FloatRange(0, 100))
@click.option(
    "--overdue",
    metavar="月数",
    type=click.IntRange(0, 120),
    default=None,
    help="计划开工逾期几个月亮红灯（不给则不变）",
)
@db_option
@click.pass_context
@friendly
def lights_command(
    ctx: click.Context, yellow: float, red: float, overdue: int | None, db: Path | None
) -> None:
    """把台账的状态灯阈值改为：落后序时进度“黄灯”个百分点亮黄灯、“红灯”个百分点亮红灯（各保留一位
    小数），记入修改记录；窗口、命令行和关账都按它亮灯。"""
    from decimal import Decimal

    with ledger(ctx, db) as store:
        months = store.light_thresholds().start_overdue_months if overdue is None else overdue
        try:
            wanted = LightThresholds(
                Decimal(str(round(yellow, 1))), Decimal(str(round(red, 1))), months
            )
        except ValueError as exc:
            raise click.UsageError(str(exc)) from exc
        changed = store.set_light_thresholds(wanted)
        path = store.path
    state = "已改为" if changed else "仍为"
    echo(f"状态灯阈值{state}：{_lights_text(wanted)}：{path}")


def _lights_text(t: LightThresholds) -> str:
    return (
        f"落后序时进度 {t.yellow_points} 个百分点黄灯、{t.red_points} 个百分点红灯，"
        f"计划开工逾期 {t.start_overdue_months} 个月红灯"
    )


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
            (
                "状态灯阈值",
                _lights_text(store.light_thresholds())
                + ("" if store.stored_light_thresholds() else "（默认）"),
            ),
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
