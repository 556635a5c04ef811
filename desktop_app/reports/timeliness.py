"""报送及时率 and 催报: the units' sheets of the monthly cycle (issue 17, item 5).

:func:`write_timeliness`: over a year, per 责任单位, its returns (the first file of each
period), how many came by the deadline and the rate, ranked (best first; units without a
return last).  :func:`write_chase`: the 催报 list of a period -- unit, contact, phone and the
projects not yet reported -- with the board of the period on a second sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from ..domain.periods import Period
from ..store import Store
from ..store.reviews import Timeliness, UnitBoard
from . import form
from .common import ExportResult, today, unit_name
from .form import Column
from .xlsx import Sheet, Value, Workbook

TIMELINESS_COLUMNS: tuple[Column, ...] = (
    Column("排名", "seq", min_width=5, max_width=7),
    Column("责任单位", "wrap", min_width=14, max_width=30),
    Column("报送月数", "int", "报送情况", min_width=8, max_width=10),
    Column("按时报送", "int", "报送情况", min_width=8, max_width=10),
    Column("逾期报送", "int", "报送情况", min_width=8, max_width=10),
    Column("报送及时率", "pct", min_width=10, max_width=12),
    Column("逾期月份", "wrap", min_width=14, max_width=36),
)
CHASE_COLUMNS: tuple[Column, ...] = (
    form.SEQ,
    Column("责任单位", "wrap", min_width=14, max_width=30),
    Column("联系人", "center", min_width=8, max_width=12),
    Column("电话", "center", min_width=12, max_width=18),
    Column("未报项目数", "int", min_width=8, max_width=10),
    Column("未报项目", "wrap", min_width=30, max_width=60),
    Column("状态", "center", min_width=8, max_width=10),
)
BOARD_COLUMNS: tuple[Column, ...] = (
    form.SEQ,
    Column("责任单位", "wrap", min_width=14, max_width=30),
    Column("项目数", "int", min_width=7, max_width=9),
    Column("已上报", "int", "项目个数", min_width=7, max_width=9),
    Column("待审核", "int", "项目个数", min_width=7, max_width=9),
    Column("退回", "int", "项目个数", min_width=7, max_width=9),
    Column("未上报", "int", "项目个数", min_width=7, max_width=9),
    Column("逾期", "center", min_width=9, max_width=10),
    Column("收到文件", "int", min_width=8, max_width=9),
    Column("状态", "center", min_width=8, max_width=10),
)


def ranked(rows: Sequence[Timeliness]) -> list[tuple[int | None, Timeliness]]:
    """The units best rate first (more returns first among equals, then as listed); those
    without a return last, without a rank.  Equal rates and counts share a rank."""
    with_returns = [t for t in rows if t.returns]
    order = sorted(
        range(len(with_returns)),
        key=lambda i: (-(with_returns[i].rate or 0), -with_returns[i].returns, i),
    )
    out: list[tuple[int | None, Timeliness]] = []
    for place, i in enumerate(order, start=1):
        t = with_returns[i]
        if out and out[-1][0] is not None:
            prev = out[-1][1]
            if (prev.rate, prev.returns) == (t.rate, t.returns):
                out.append((out[-1][0], t))
                continue
        out.append((place, t))
    out += [(None, t) for t in rows if not t.returns]
    return out


def write_timeliness(
    store: Store, path: str | Path, *, year: int, as_of: dt.date | None = None
) -> ExportResult:
    """Write 报送及时率 of ``year`` to ``path`` (atomically)."""
    rows = ranked(store.timeliness(year))
    title = f"{year}年各责任单位月报报送及时率"
    n = len(TIMELINESS_COLUMNS)
    values = [_timeliness_row(place, t) for place, t in rows]
    on_time = sum(t.on_time for _, t in rows)
    returns = sum(t.returns for _, t in rows)
    with Workbook(title=title) as book:
        sheet = book.add_sheet("报送及时率")
        styles = form.Styles(book)
        day = as_of or today()
        made = f"制表日期：{day.year}年{day.month}月{day.day}日"
        _head(sheet, styles, store, title, made, TIMELINESS_COLUMNS, unit="月次")
        form.fit_columns(sheet, TIMELINESS_COLUMNS, values)
        body = styles.row(TIMELINESS_COLUMNS)
        for row in values:
            sheet.append(row, body, fit=True)
        total: list[Value] = [
            None,
            f"合计（{sum(1 for _, t in rows if t.returns)}个单位）",
            returns,
            on_time,
            returns - on_time,
            Timeliness("", "", on_time, returns).rate,
            None,
        ]
        sheet.append(total, styles.row(TIMELINESS_COLUMNS, "total", bold=True))
        notes = [
            "注：报送及时率 = 按时报送月数 ÷ 报送月数。每个单位每月以收到的第一份报送为准（退回后更正"
            "重报不再计入）；在截止日期当天或之前收到的为按时。没有报送的单位不排名。"
        ]
        form.write_notes(sheet, styles, notes, n)
        form.finish(sheet, freeze_col=3)
        book.save(path)
        count = sheet.row_count
    return ExportResult(Path(path), len(rows), count)


def _timeliness_row(place: int | None, t: Timeliness) -> list[Value]:
    return [
        place,
        t.label if t.label == t.unit else f"{t.unit}（{t.label}）",
        t.returns,
        t.on_time,
        t.returns - t.on_time,
        t.rate,
        "、".join(form.date_text(p) or p for p in t.late_periods) or None,
    ]


def write_chase(
    store: Store, path: str | Path, *, period: Period, as_of: dt.date | None = None
) -> ExportResult:
    """Write the 催报 list of ``period`` (and its board, second sheet) to ``path``."""
    day = as_of or today()
    board = store.return_board(period, today=day)
    chase = [b for b in board if b.missing]
    due = store.report_deadline(period)
    title = f"{period.label}月度调度催报清单"
    right = f"截止日期：{due.year}年{due.month}月{due.day}日"
    with Workbook(title=title) as book:
        sheet = book.add_sheet("催报清单")
        styles = form.Styles(book)
        _head(sheet, styles, store, title, right, CHASE_COLUMNS)
        values = [_chase_row(i, b) for i, b in enumerate(chase, start=1)]
        form.fit_columns(sheet, CHASE_COLUMNS, values)
        body = styles.row(CHASE_COLUMNS)
        for row in values:
            sheet.append(row, body, fit=True)
        missing = sum(b.missing for b in chase)
        sheet.append(
            [None, f"合计：{len(chase)}个单位", None, None, missing, None, None],
            styles.row(CHASE_COLUMNS, "total", bold=True),
        )
        form.write_notes(
            sheet,
            styles,
            [
                f"注：统计到{day.year}年{day.month}月{day.day}日；未报项目为本期名单上还没有月报的项目。"
            ],
            len(CHASE_COLUMNS),
        )
        form.finish(sheet, freeze_col=3)
        second = book.add_sheet("报送情况")
        _head(second, styles, store, f"{period.label}月度调度报送情况", right, BOARD_COLUMNS)
        rows = [_board_row(i, b) for i, b in enumerate(board, start=1)]
        form.fit_columns(second, BOARD_COLUMNS, rows)
        board_body = styles.row(BOARD_COLUMNS)
        for row in rows:
            second.append(row, board_body, fit=True)
        second.append(
            [
                None,
                f"合计：{len(board)}个单位",
                *(sum(getattr(b, k) for b in board) for k in _COUNTS),
                None,
                sum(b.returns for b in board),
                None,
            ],
            styles.row(BOARD_COLUMNS, "total", bold=True),
        )
        form.finish(second, freeze_col=3)
        book.save(path)
        count = sheet.row_count
    return ExportResult(Path(path), len(chase), count)


_COUNTS = ("projects", "reported", "pending", "returned", "missing")


def _head(
    sheet: Sheet,
    styles: form.Styles,
    store: Store,
    title: str,
    right: str,
    columns: Sequence[Column],
    *,
    unit: str = "个",
) -> None:
    form.write_head(
        sheet,
        styles,
        title=title,
        unit_name=unit_name(store),
        unit=unit,
        as_of=None,
        columns=columns,
        right_text=right,
    )


def _chase_row(seq: int, b: UnitBoard) -> list[Value]:
    return [
        seq,
        b.unit,
        b.contact,
        b.phone,
        b.missing,
        "、".join(f"{code} {name}" for code, name in b.missing_projects),
        b.late_label or b.state,
    ]


def _board_row(seq: int, b: UnitBoard) -> list[Value]:
    return [
        seq,
        b.unit,
        b.projects,
        b.reported,
        b.pending,
        b.returned,
        b.missing,
        b.late_label or None,
        b.returns,
        b.state,
    ]
