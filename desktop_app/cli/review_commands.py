"""``keyprojects returns status / accept / reject / notice / chase / timeliness`` (issue 17).

The review of the reports the units returned and the board of who is missing, registered onto
the ``returns`` group of :mod:`.returns_commands`.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..domain.text import printable
from .base import db_option, friendly, ledger, period_of, period_option
from .output import echo, pad, width
from .returns_commands import returns_group


@returns_group.command("status")
@db_option
@period_option("期间 YYYY-MM（默认最近填报的月份）")
@click.pass_context
@friendly
def status_command(ctx: click.Context, db: Path | None, period: str | None) -> None:
    """各责任单位本期月报的报送情况。"""
    from ..reports.template import reporting_status

    with ledger(ctx, db) as store:
        month = period_of(period) or store.default_period()
        status = reporting_status(store, month)
    names = [printable(s.unit) for s in status]
    wide = max([width("责任单位")] + [width(n) for n in names])
    echo(f"{month.label}月报报送情况")
    echo(f"{pad('责任单位', wide, False)}  项目数  已报  状态")
    for s, name in zip(status, names, strict=True):
        echo(f"{pad(name, wide, False)}  {s.projects:>6}  {s.reported:>4}  {s.label}")
    done = sum(s.complete for s in status)
    echo(f"共 {len(status)} 个单位，已报齐 {done} 个")
