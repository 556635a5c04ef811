"""``keyprojects returns status / accept / reject / notice / chase / timeliness`` (issue 17).

The review of the reports the units returned (审核通过, 退回 with a reason, the 退回通知 of a
unit) and who is missing (the board of a period, the 催报 list, 报送及时率 over a year),
registered onto the ``returns`` group of :mod:`.returns_commands`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from ..domain.periods import Period
from ..store import Store
from ..store.reviews import ChaseEntry, UnitBoard
from .base import db_option, friendly, ledger, period_of, period_option
from .output import echo, json_text, table_lines
from .returns_commands import returns_group
from .usage import CliError

_UNIT_HELP = "责任单位（可重复）"
_PROJECT_HELP = "项目编号（可重复）"


def _xlsx(path: Path | None) -> Path | None:
    if path is not None and path.suffix.lower() != ".xlsx":
        raise CliError(f"文件名应以 .xlsx 结尾：{path.name}")
    return path


def _project_ids(store: Store, codes: Sequence[str]) -> list[int]:
    by_code = {p.code: p.id for p in store.projects()}
    unknown = [c for c in codes if c.strip() not in by_code]
    if unknown:
        raise CliError(f"没有项目编号为“{'、'.join(unknown)}”的项目")
    return [by_code[c.strip()] for c in codes if by_code[c.strip()] is not None]  # type: ignore[misc]


def _count(n: int) -> str:
    return str(n) if n else "-"


def _chase_line(c: ChaseEntry) -> str:
    who = "，".join(
        x for x in (c.contact and f"联系人 {c.contact}", c.phone and f"电话 {c.phone}") if x
    )
    projects = "、".join(f"{code} {name}" for code, name in c.missing)
    return f"{c.unit}（{who or '未登记联系人'}）：未报 {len(c.missing)} 个项目：{projects}"


def _board_json(board: Sequence[UnitBoard]) -> list[dict[str, Any]]:
    out = []
    for b in board:
        row = asdict(b)
        row["missing_projects"] = [{"code": c, "name": n} for c, n in b.missing_projects]
        row["state"] = b.state
        row["late_label"] = b.late_label
        out.append(row)
    return out


@returns_group.command("status")
@db_option
@period_option("期间 YYYY-MM（默认最近填报的月份）")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出（报送情况和催报名单）")
@click.pass_context
@friendly
def status_command(ctx: click.Context, db: Path | None, period: str | None, as_json: bool) -> None:
    """各责任单位本期月报的报送情况：已上报、待审核、退回、未上报、逾期，和催报名单。"""
    with ledger(ctx, db) as store:
        month = period_of(period) or store.default_period()
        board = store.return_board(month)
        chase = store.chase_list(month)
        due = store.report_deadline(month)
    if as_json:
        data = {
            "period": str(month),
            "deadline": due.isoformat(),
            "units": _board_json(board),
            "chase": [
                {
                    "unit": c.unit,
                    "contact": c.contact,
                    "phone": c.phone,
                    "overdue": c.overdue,
                    "missing": [{"code": code, "name": name} for code, name in c.missing],
                }
                for c in chase
            ],
        }
        click.echo(json_text(data))
        return
    echo(f"{month.label}月报报送情况（截止日期 {due.year}年{due.month}月{due.day}日）")
    header = ["责任单位", "项目数", "已上报", "待审核", "退回", "未上报", "逾期", "状态"]
    rows = [
        [
            b.unit,
            str(b.projects),
            _count(b.reported),
            _count(b.pending),
            _count(b.returned),
            _count(b.missing),
            b.late_label or "-",
            b.state,
        ]
        for b in board
    ]
    for line in table_lines(header, rows, lambda i: 0 < i < 6):
        echo(line.rstrip())
    done = sum(b.state == "已上报" for b in board)
    echo(
        f"共 {len(board)} 个单位，已报齐 {done} 个；待审核 {sum(b.pending for b in board)} 条，"
        f"退回 {sum(b.returned for b in board)} 条，未上报 {sum(b.missing for b in board)} 个项目"
    )
    if chase:
        echo(f"催报（{len(chase)} 个单位有未报项目）：")
        for c in chase:
            echo(f"  {_chase_line(c)}")
    elif board:
        echo("各单位都已报送，无需催报")


@returns_group.command("accept")
@period_option("期间 YYYY-MM", required=True)
@click.option("--unit", "-u", "units", multiple=True, metavar="单位", help=_UNIT_HELP)
@click.option("--project", "codes", multiple=True, metavar="编号", help=_PROJECT_HELP)
@click.option(
    "--all-clean", is_flag=True, help="没有审核提示的全部通过（与 --unit 同用时只限这些单位）"
)
@db_option
@click.pass_context
@friendly
def accept_command(
    ctx: click.Context,
    period: str,
    units: tuple[str, ...],
    codes: tuple[str, ...],
    all_clean: bool,
    db: Path | None,
) -> None:
    """审核通过单位报送的月报：按单位、按项目，或没有审核提示的全部通过。"""
    month = Period.parse(period)
    if not (units or codes or all_clean):
        raise CliError("请用 --unit、--project 或 --all-clean 指定要审核通过的月报")
    with ledger(ctx, db) as store:
        ids = _project_ids(store, codes)
        n = store.accept_reports(
            month, units=units or None, project_ids=ids or None, without_warnings=all_clean
        )
        left = sum(p.pending for p in store.pending_reviews(month))
    if not n:
        echo(f"{month.label}没有符合条件的待审核月报")
    else:
        echo(f"已审核通过 {month.label}的 {n} 条月报")
    echo(f"还有 {left} 条待审核" if left else f"{month.label}的月报已全部审核")


@returns_group.command("reject")
@period_option("期间 YYYY-MM", required=True)
@click.option("--unit", "-u", "units", multiple=True, metavar="单位", help=_UNIT_HELP)
@click.option("--project", "codes", multiple=True, metavar="编号", help=_PROJECT_HELP)
@click.option("--reason", "-r", default=None, metavar="原因", help="退回原因（必填，写进退回通知）")
@db_option
@click.pass_context
@friendly
def reject_command(
    ctx: click.Context,
    period: str,
    units: tuple[str, ...],
    codes: tuple[str, ...],
    reason: str | None,
    db: Path | None,
) -> None:
    """退回单位报送的月报（按单位或按项目），须写明原因；之后可为该单位生成退回通知。"""
    month = Period.parse(period)
    if not (units or codes):
        raise CliError("请用 --unit 或 --project 指定要退回的月报")
    if not (reason or "").strip():
        raise CliError("退回须写明原因：--reason “……”（原因会写进退回通知）")
    with ledger(ctx, db) as store:
        ids = _project_ids(store, codes)
        n = store.return_reports(
            month, reason=reason or "", units=units or None, project_ids=ids or None
        )
        states = store.review_states(month)
    if not n:
        echo(f"{month.label}没有可退回的单位报送月报")
        return
    echo(f"已退回 {month.label}的 {n} 条月报（原因：{' '.join((reason or '').split())}）")
    chosen = {u.strip() for u in units}
    returned = sorted(
        {
            s.unit
            for pid, s in states.items()
            if s.state == "returned" and s.unit and (s.unit in chosen or pid in ids)
        }
    )
    for unit in returned:
        echo(
            f"  退回通知：keyprojects returns notice --period {month} --unit {unit} "
            f"-o 退回通知_{month}_{unit}.xlsx"
        )


@returns_group.command("notice")
@period_option("期间 YYYY-MM", required=True)
@click.option("--unit", "-u", required=True, metavar="单位", help="责任单位")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="退回通知文件（.xlsx）")  # fmt: skip
@click.option("--by", "correct_by", default=None, metavar="YYYY-MM-DD",
              help="更正截止日期（默认：本期截止日期，已过则为三天后）")  # fmt: skip
@db_option
@click.pass_context
@friendly
def notice_command(
    ctx: click.Context,
    period: str,
    unit: str,
    output: Path,
    correct_by: str | None,
    db: Path | None,
) -> None:
    """生成某单位的退回通知（.xlsx）：退回的项目、单位报送的内容、退回原因和更正截止日期。"""
    from ..reports.errors import ExportError
    from ..reports.return_notice import write_return_notice

    month = Period.parse(period)
    due = None
    if correct_by:
        try:
            due = dt.date.fromisoformat(correct_by)
        except ValueError:
            raise CliError(f"更正截止日期应写作 2022-08-08，不是“{correct_by}”") from None
    with ledger(ctx, db) as store:
        try:
            result = write_return_notice(
                store, _xlsx(output), period=month, unit=unit.strip(), correct_by=due
            )
        except ExportError as exc:
            raise CliError(str(exc)) from exc
    echo(f"已生成 {unit.strip()} 的退回通知（{result.items} 个项目）：{result.path}")


@returns_group.command("chase")
@period_option("期间 YYYY-MM（默认最近填报的月份）")
@click.option("--output", "-o", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="另存为催报清单（.xlsx）")  # fmt: skip
@db_option
@click.pass_context
@friendly
def chase_command(
    ctx: click.Context, period: str | None, output: Path | None, db: Path | None
) -> None:
    """催报名单：还有项目未报的单位、联系人、电话和未报的项目，可复制或另存为 Excel。"""
    from ..reports.errors import ExportError
    from ..reports.timeliness import write_chase

    with ledger(ctx, db) as store:
        month = period_of(period) or store.default_period()
        chase = store.chase_list(month)
        if output is not None:
            try:
                write_chase(store, _xlsx(output), period=month)
            except ExportError as exc:
                raise CliError(str(exc)) from exc
    if not chase:
        echo(f"{month.label}各单位都已报送，无需催报")
    else:
        echo(f"{month.label}催报名单（{len(chase)} 个单位）：")
        for c in chase:
            echo(_chase_line(c))
    if output is not None:
        echo(f"已另存为：{output}")


@returns_group.command("timeliness")
@click.option("--year", "-y", type=int, default=None, metavar="年份", help="年份（默认当前年度）")
@click.option("--output", "-o", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="另存为报送及时率表（.xlsx）")  # fmt: skip
@db_option
@click.pass_context
@friendly
def timeliness_command(
    ctx: click.Context, year: int | None, output: Path | None, db: Path | None
) -> None:
    """各单位一年的报送及时率：按时报送的月数 ÷ 报送的月数（每月以第一份报送为准）。"""
    from ..reports.errors import ExportError
    from ..reports.timeliness import ranked, write_timeliness

    with ledger(ctx, db) as store:
        year = year or store.current_year()
        rows = ranked(store.timeliness(year))
        if output is not None:
            try:
                write_timeliness(store, _xlsx(output), year=year)
            except ExportError as exc:
                raise CliError(str(exc)) from exc
    echo(f"{year}年各责任单位报送及时率")
    header = ["排名", "责任单位", "报送月数", "按时", "逾期", "及时率"]
    lines = [
        [
            str(place) if place else "-",
            t.unit,
            str(t.returns),
            str(t.on_time),
            str(t.returns - t.on_time),
            f"{t.rate * 100:.1f}%" if t.rate is not None else "-",
        ]
        for place, t in rows
    ]
    for line in table_lines(header, lines, lambda i: i != 1):
        echo(line.rstrip())
    if output is not None:
        echo(f"已另存为：{output}")
