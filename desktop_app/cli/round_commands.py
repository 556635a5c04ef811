"""``keyprojects close`` / ``reopen`` / ``rounds``: closing a period after the meeting
(月度调度 关账), reopening it with a reason, and the closed periods."""

from __future__ import annotations

import time
from pathlib import Path

import click

from ..domain.periods import Period
from .base import command, db_option, ledger
from .output import ask_yes, echo
from .usage import CliError


@command("close")
@click.argument("period", metavar="YYYY-MM")
@click.option("--yes", "-y", is_flag=True, help="还有未审核的月报时不再询问，直接关账")
@db_option
def close_command(ctx: click.Context, period: str, yes: bool, db: Path | None) -> None:
    """关账：会后把某月的月度调度定稿（如 keyprojects close 2022-06）。先自动备份；关账后该月月报
    不能再修改，该月的各报表、图表和数字保持关账时的样子。还有待审核或退回的月报时先列出并询问。"""
    from ..store.reviews import pending_text

    p = Period.parse(period)
    with ledger(ctx, db) as store:
        pending = [] if store.is_closed(p) else store.pending_reviews(p)
        if pending:
            echo(pending_text(p, pending))
            if not yes and not ask_yes("仍要关账吗？未审核的月报将按现状定稿"):
                echo("已取消，未关账")
                ctx.exit(1)
        started = time.perf_counter()
        info = store.close_period(p, allow_pending=bool(pending))
    echo(
        f"{info.label}已关账：{info.count} 个项目的月度调度已定稿（{info.closed_by}，"
        f"{info.closed_at.replace('T', ' ')}，用时 {time.perf_counter() - started:.1f} 秒）"
    )


@command("reopen")
@click.argument("period", metavar="YYYY-MM")
@click.option(
    "--reason", "-r", default=None, metavar="原因", help="重新开账的原因（必填，记入修改记录）"
)
@db_option
def reopen_command(ctx: click.Context, period: str, reason: str | None, db: Path | None) -> None:
    """重新开账：已关账的月份需要更正时先重新开账（须用 --reason 写明原因，记入修改记录）。"""
    p = Period.parse(period)
    if not (reason or "").strip():
        raise CliError(
            f"重新开账须写明原因：keyprojects reopen {p} --reason “……”（原因记入修改记录）"
        )
    with ledger(ctx, db) as store:
        store.reopen_period(p, reason or "")
    echo(f"{p.label}已重新开账，可以修改该月月报了（原因：{' '.join((reason or '').split())}）")


@command("rounds")
@db_option
def rounds_command(ctx: click.Context, db: Path | None) -> None:
    """列出已关账的月份：关账人、关账时间和定稿的项目个数。"""
    with ledger(ctx, db) as store:
        rounds = store.closed_rounds()
    if not rounds:
        echo("还没有关账的月份（会后用 keyprojects close YYYY-MM 关账）")
        return
    echo(f"已关账 {len(rounds)} 个月份：")
    for r in rounds:
        echo(
            f"  {r.period}  {r.label}  {r.count} 个项目  关账人：{r.closed_by}  "
            f"关账时间：{r.closed_at.replace('T', ' ')}"
        )
