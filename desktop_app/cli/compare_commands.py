"""``keyprojects compare``: two rounds of the monthly 调度 side by side (两期对比)."""

from __future__ import annotations

from pathlib import Path

import click

from ..domain.periods import Period
from .base import command, db_option, ledger
from .output import echo, pad, width


@command("compare")
@click.argument("earlier", metavar="前期")
@click.argument("later", metavar="后期")
@db_option
@click.option(
    "--output",
    "-o",
    default=None,
    type=click.Path(dir_okay=False, path_type=Path),
    help="写出两期对比表的 .xlsx 文件（不给时只列出个数）",
)
def compare_command(
    ctx: click.Context, earlier: str, later: str, db: Path | None, output: Path | None
) -> None:
    """对比两期调度（期间写作 YYYY-MM，如 2022-05 2022-06）：新增滞后、滞后转正常、状态灯变化、
    本月与上月和去年同月的投资、年度计划变化、名单变化、县区汇总。"""
    import time

    from ..reports.compare import write_compare
    from ..views.compare import compare, wan

    first, second = Period.parse(earlier), Period.parse(later)
    started = time.perf_counter()
    with ledger(ctx, db) as store:
        result = compare(store, first, second)
        if output is not None:
            write_compare(store, output, comparison=result)
    lines = result.counts()
    totals = result.totals()
    lines_money = [
        (f"本月完成（{result.later.period.label}）", totals["month"]),
        (f"上月完成（{result.last_month.label}）", totals["last_month"]),
        (f"去年同月完成（{result.last_year.label}）", totals["last_year"]),
    ]
    echo(f"{result.earlier.period.label}与{result.later.period.label}两期对比：")
    for r in (result.earlier, result.later):
        if r.frozen:
            echo(f"  （{r.period.label}已关账，取关账时的数据）")
    wide = max(width(label) for label, _ in [*lines, *lines_money])
    for label, count in lines:
        echo(f"  {pad(label, wide, False)}  {count:>8,} 个")
    for label, cents in lines_money:
        echo(f"  {pad(label, wide, False)}  {wan(cents):>14,.2f} 万元")
    took = time.perf_counter() - started
    if output is not None:
        echo(f"已导出两期对比：{output}（用时 {took:.1f} 秒）")
