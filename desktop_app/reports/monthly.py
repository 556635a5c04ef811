"""月度调度表: plan, this month, year to date, completion rate, 时序进度, light, progress and
problems of each project for one period; yellow and red rows coloured."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from ..domain import derived
from ..domain.periods import Period
from ..store import Project, Store
from . import form
from .common import (
    GROUPINGS,
    ExportResult,
    Progress,
    check_grouping,
    group_projects,
    open_sheet,
    period_projects,
    report_title,
    tick,
)
from .form import Column
from .xlsx import Value, Workbook

COLUMNS: tuple[Column, ...] = (
    form.SEQ,
    form.CODE,
    form.NAME,
    Column("所属县区", "center", max_width=16),
    Column("责任单位", "center", max_width=16),
    Column("包保市级领导", "center", max_width=14),
    Column("总投资", "amount", "投资完成情况（万元）", min_width=12, max_width=16),
    Column("年度计划投资", "amount", "投资完成情况（万元）", min_width=12, max_width=16),
    Column("本月完成", "amount", "投资完成情况（万元）", min_width=11, max_width=16),
    Column("本年累计完成", "amount", "投资完成情况（万元）", min_width=12, max_width=16),
    Column("开工以来累计", "amount", "投资完成情况（万元）", min_width=12, max_width=16),
    Column("年度计划完成率", "pct", "进度对比", min_width=9, max_width=10),
    Column("时序进度", "pct", "进度对比", min_width=8, max_width=10),
    Column("状态灯", "center", "进度对比", min_width=7, max_width=8),
    Column("完成比例", "pct", "形象进度", min_width=8, max_width=10),
    Column("形象进度", "wrap", "形象进度", min_width=10, max_width=16),
    Column("进展情况", "wrap", min_width=14, max_width=28),
    Column("存在问题", "wrap", min_width=12, max_width=24),
)
LABEL_COL = 3
AMOUNT_COLS = range(7, 12)  # 总投资 .. 开工以来累计
RATE_COL, TIME_COL, LIGHT_COL = 12, 13, 14
MEASURED_ROWS = 600


class _Sums:
    def __init__(self) -> None:
        self.values = [Decimal(0)] * 5
        self.count = 0

    def add(self, amounts: list[Decimal | None]) -> None:
        self.count += 1
        for i, v in enumerate(amounts):
            if v is not None:
                self.values[i] += v

    def row(self, label: str, period: Period) -> list[Value]:
        row: list[Value] = [None] * len(COLUMNS)
        row[LABEL_COL - 1] = label
        for col, v in zip(AMOUNT_COLS, self.values, strict=True):
            row[col - 1] = v
        row[RATE_COL - 1] = form.pct_of(self.values[3], self.values[1])
        row[TIME_COL - 1] = derived.time_progress(period).quantize(Decimal("0.000001"))
        return row


def write_monthly(
    store: Store,
    path: str | Path,
    *,
    period: Period | None = None,
    group_by: str | None = None,
    project_ids: Iterable[int] | None = None,
    thresholds: derived.LightThresholds | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write 月度调度表 of ``period`` (default: the newest reported month) to ``path``."""
    group_by = check_grouping(group_by)  # "none" and "" mean no grouping
    period, projects, figures = period_projects(store, period, project_ids, thresholds)
    reports = store.monthly_reports(period)
    groups = group_projects(store, projects, group_by)
    title = report_title(f"{period.year}年{period.month}月重点项目月度调度表", project_ids)
    n = len(COLUMNS)
    lights = {light: 0 for light in derived.Light}
    with Workbook(title=title) as book:
        sheet, styles = open_sheet(
            book,
            f"{period.year}年{period.month}月",
            store,
            title=title,
            unit="万元",
            as_of=period.last_day,
            columns=COLUMNS,
        )
        grand = _Sums()
        samples = []
        for seq, p in enumerate(projects, start=1):
            values, amounts = _project_row(seq, p, figures[p.id or 0], reports.get(p.id or 0))
            grand.add(amounts)
            if seq <= MEASURED_ROWS:
                samples.append(values)
        samples.append(grand.row(f"合计（{len(projects)}个）", period))
        form.fit_columns(sheet, COLUMNS, samples)
        row_styles = {fill: styles.row(COLUMNS, fill) for fill in (None, "yellow", "red")}
        section = styles.body("text", "section", bold=True)
        sub = styles.row(COLUMNS, "subtotal", bold=True)
        tot = styles.row(COLUMNS, "total", bold=True)
        seq = reported = 0
        for index, (name, members) in enumerate(groups, start=1):
            if group_by:
                form.section_row(sheet, section, index, f"{name}（{len(members)}个）", n)
            sums = _Sums()
            for p in members:
                seq += 1
                f = figures[p.id or 0]
                report = reports.get(p.id or 0)
                reported += report is not None
                lights[f.light] += 1
                values, amounts = _project_row(seq, p, f, report)
                sums.add(amounts)
                fill = f.light.value if f.light.value in ("yellow", "red") else None
                cell_styles = list(row_styles[fill])
                cell_styles[LIGHT_COL - 1] = styles.light(f.light.value, fill)
                sheet.append(values, cell_styles, fit=True)
                tick(progress, seq, len(projects))
            if group_by:
                sheet.append(sums.row(f"小计（{len(members)}个）", period), sub)
        sheet.append(grand.row(f"合计（{len(projects)}个）", period), tot)
        t = thresholds or store.light_thresholds()
        planned = store.monthly_plan_cents(period.year)
        by_plan = sum(1 for p in projects if p.id in planned and p.annual_plan)
        rule = (
            f"，其中{by_plan}个项目有月度计划分解，其时序进度为截至{period.month}月末计划累计÷"
            "年度计划投资，红黄绿灯也按此判断"
            if by_plan
            else ""
        )
        notes = [
            f"注：1. 时序进度为截至{period.month}月末的全年时间进度（{period.month}/12）{rule}；"
            "年度计划完成率＝本年累计完成÷年度计划投资。",
            f"2. 红色行：完成率落后时序进度{t.red_points}个百分点以上，或计划开工已逾期"
            f"{t.start_overdue_months}个月仍未开工；黄色行：落后{t.yellow_points}～{t.red_points}"
            "个百分点。",
            f"3. 本期{len(projects)}个项目中，已填报{reported}个，未填报{len(projects) - reported}个；"
            f"红灯{lights[derived.Light.RED]}个，黄灯{lights[derived.Light.YELLOW]}个，"
            f"绿灯{lights[derived.Light.GREEN]}个，无年度计划{lights[derived.Light.NONE]}个。",
        ]
        waiting = store.unreviewed(period)  # a unit's return, no reviewer yet (issue 17)
        listed = [p for p in projects if p.id in waiting]
        if listed:
            codes = "、".join(p.code for p in listed[:10]) + ("等" if len(listed) > 10 else "")
            returned = sum(waiting[p.id or 0] == "returned" for p in listed)
            notes.append(
                f"{len(notes) + 1}. 其中{len(listed)}个项目的月报为责任单位报送、尚未审核"
                f"（待审核{len(listed) - returned}个，退回{returned}个）：{codes}。"
            )
        if group_by:
            notes.append(f"{len(notes) + 1}. 按{GROUPINGS[group_by]}分组。")
        form.close_sheet(sheet, styles, notes, n, samples=any(p.is_sample for p in projects))
        book.save(path)
        rows = sheet.row_count
    return ExportResult(Path(path), len(projects), rows)


def _project_row(
    seq: int,
    p: Project,
    f: derived.ProjectFigures,
    report: object | None,
) -> tuple[list[Value], list[Decimal | None]]:
    amounts: list[Decimal | None] = [
        p.total_investment,
        p.annual_plan,
        f.month,
        f.ytd,
        f.since_start,
    ]
    pct = getattr(report, "progress_pct", None)
    values: list[Value] = [
        seq, p.code, p.name, p.region, p.department, p.leader, *amounts,
        f.annual_rate.quantize(Decimal("0.000001")) if f.annual_rate is not None else None,
        f.time_progress.quantize(Decimal("0.000001")),
        f.light.label,
        Decimal(str(pct)) / 100 if pct is not None else None,
        getattr(report, "progress_text", None),
        getattr(report, "progress_notes", None),
        getattr(report, "problems", None) or p.problems,
    ]  # fmt: skip
    return values, amounts
