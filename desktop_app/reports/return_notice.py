"""退回通知: the workbook a unit gets back when reports of its return were returned (退回).

One sheet: the heading, to whom (the unit, its contact), which file of which day, the rows
returned with the values the unit sent and the reason of each, the day by which to send the
corrected file, and the planning office's contact.  Text from the ledger and the unit stays
text (the writer never emits a formula: ``=HYPERLINK(...)`` in a reason is shown as typed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from ..domain.periods import Period
from ..store import MonthlyReport, Store
from ..store.reviews import ReviewState
from . import form
from .common import ExportResult, today, unit_name
from .errors import ExportError
from .form import Column, Styles
from .xlsx import Sheet, Value, Workbook

COLUMNS: tuple[Column, ...] = (
    form.SEQ,
    form.CODE,
    form.NAME,
    Column("本月完成投资（万元）", "amount", "单位报送的内容", min_width=12, max_width=15),
    Column("形象进度(%)", "amount", "单位报送的内容", min_width=9, max_width=11),
    Column("形象进度", "wrap", "单位报送的内容", min_width=12, max_width=20),
    Column("进展情况", "wrap", "单位报送的内容", min_width=16, max_width=28),
    Column("存在问题", "wrap", "单位报送的内容", min_width=14, max_width=24),
    Column("填报人", "center", "单位报送的内容", min_width=8, max_width=12),
    Column("退回原因", "wrap", "审核意见", min_width=20, max_width=36),
    Column("审核提示", "wrap", "审核意见", min_width=14, max_width=28),
)
#: Days a unit gets to send the corrected file when the period's deadline is already past.
CORRECTION_DAYS = 3


def correction_deadline(store: Store, period: Period, on: dt.date | None = None) -> dt.date:
    """By when the corrected file is due: the period's 截止日期, or when that is less than
    :data:`CORRECTION_DAYS` away from ``on`` (default today), that many days after it."""
    start = on or today()
    return max(store.report_deadline(period), start + dt.timedelta(days=CORRECTION_DAYS))


def returned_rows(store: Store, period: Period, unit: str) -> list[ReviewState]:
    """The reports of ``period`` returned to ``unit`` (came in its return), in code order."""
    codes = {p.id: p.code for p in store.projects(period.year)}
    rows = [
        s
        for s in store.review_states(period).values()
        if s.state == "returned" and (s.unit or "").strip() == unit.strip()
    ]
    return sorted(rows, key=lambda s: (codes.get(s.project_id, ""), s.project_id))


def write_return_notice(
    store: Store,
    path: str | Path,
    *,
    period: Period,
    unit: str,
    correct_by: dt.date | None = None,
    on: dt.date | None = None,
) -> ExportResult:
    """Write the 退回通知 of ``unit`` for ``period`` to ``path`` (atomically); ExportError when
    none of its reports is returned."""
    unit = store.unit_named(unit)
    rows = returned_rows(store, period, unit)
    if not rows:
        raise ExportError(f"{unit}{period.label}没有被退回的月报，无需退回通知")
    issued = on or today()
    due = correct_by or correction_deadline(store, period, issued)
    projects = {p.id: p for p in store.projects(period.year)}
    reports = store.monthly_reports(period)
    known = store.unit(unit)
    contact, phone = store.office_contact()
    office = unit_name(store)
    files = sorted({(s.received_at or "", s.file_name or "") for s in rows})
    sent = "、".join(
        f"{form.date_text(at[:10]) or ''}报送的《{name}》" if at else f"《{name}》"
        for at, name in files
    )
    to_whom = f"致：{unit}" + (
        f"（联系人：{known.contact}{'，电话：' + known.phone if known.phone else ''}）"
        if known and known.contact
        else ""
    )
    lines = [
        (to_whom, 20.0),
        (
            f"你单位{sent}中，以下 {len(rows)} 个项目的{period.label}月度调度经审核退回。"
            f"请按退回原因更正后，于{due.year}年{due.month}月{due.day}日前用原模板重新报送；"
            "更正后的报送将替换被退回的内容。",
            34.0,
        ),
    ]
    office_line = f"项目办联系人：{contact or '（未设置）'}"
    if phone:
        office_line += f"    电话：{phone}"
    title = f"{period.label}月度调度退回通知"
    n = len(COLUMNS)
    body_rows = [_row(i, s, projects, reports) for i, s in enumerate(rows, start=1)]
    with Workbook(title=title) as book:
        sheet = book.add_sheet("退回通知")
        styles = Styles(book)
        head = _write_head(sheet, styles, title, office, issued, lines)
        form.fit_columns(sheet, COLUMNS, body_rows)
        body = styles.row(COLUMNS)
        for values in body_rows:
            sheet.append(values, body, fit=True)
        notes = [
            office_line,
            f"更正截止日期：{due.year}年{due.month}月{due.day}日。"
            "只改退回的项目行；其他行保持原样，不要增删行、列。",
        ]
        form.write_notes(sheet, styles, notes, n)
        form.finish(sheet, head=head)
        book.save(path)
        count = sheet.row_count
    return ExportResult(Path(path), len(rows), count)


def _write_head(
    sheet: Sheet,
    styles: Styles,
    title: str,
    office: str,
    issued: dt.date,
    lines: Sequence[tuple[str, float]],
) -> int:
    """Title, 发文单位 and 通知日期, the notice's lines, then the two-level header (the unit's
    values under 单位报送的内容, the reason under 审核意见).  Returns the header's first row."""
    n = len(COLUMNS)
    row = sheet.append([title] + [None] * (n - 1), styles.title, height=36)
    sheet.merge(row, 1, row, n)
    split = n - 4
    info: list[Value] = [None] * n
    info[0] = f"发文单位：{office}    单位：万元"
    info[split] = f"通知日期：{issued.year}年{issued.month}月{issued.day}日"
    row = sheet.append(info, [styles.info_left] * split + [styles.info_right] * 4, height=22)
    sheet.merge(row, 1, row, split)
    sheet.merge(row, split + 1, row, n)
    for text, height in lines:
        row = sheet.append([text] + [None] * (n - 1), styles.note, height=height)
        sheet.merge(row, 1, row, n)
    head = sheet.row_count + 1
    top: list[Value] = []
    bottom: list[Value] = []
    for col, column in enumerate(COLUMNS, start=1):
        first = col == 1 or COLUMNS[col - 2].group != column.group
        if column.group is None:
            top.append(column.label)
            bottom.append(None)
            sheet.merge(head, col, head + 1, col)
            continue
        top.append(column.group if first else None)
        bottom.append(column.label)
        if first:
            last = col
            while last < n and COLUMNS[last].group == column.group:
                last += 1
            sheet.merge(head, col, head, last)
    sheet.append(top, styles.header, height=24)
    sheet.append(bottom, styles.header, height=30)
    return head


def _row(
    seq: int,
    state: ReviewState,
    projects: dict[int | None, object],
    reports: dict[int, MonthlyReport],
) -> list[Value]:
    project = projects.get(state.project_id)
    report = reports.get(state.project_id)
    pct = report.progress_pct if report else None
    return [
        seq,
        getattr(project, "code", None),
        getattr(project, "name", None),
        report.month_investment if report else None,
        pct,
        report.progress_text if report else None,
        report.progress_notes if report else None,
        report.problems if report else None,
        report.reporter if report else None,
        state.reason,
        "；".join(state.warnings) or None,
    ]
