"""重点项目台账: the whole ledger (or the projects in view), grouped, with 小计 and 合计."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

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
    report_title,
    select_projects,
    tick,
    today,
)
from .form import Column
from .xlsx import Value, Workbook

COLUMNS: tuple[Column, ...] = (
    form.SEQ,
    form.CODE,
    form.NAME,
    Column("建设单位", "wrap", min_width=10, max_width=18),
    Column("所属县区", "center", "项目分类", max_width=16),
    Column("产业类别", "center", "项目分类", max_width=20),
    Column("产业链", "center", "项目分类", max_width=18),
    Column("建设性质", "center", "项目分类", max_width=10),
    Column("项目清单", "wrap", "项目分类", max_width=16),
    Column("建设内容及规模", "wrap", min_width=14, max_width=28),
    Column("总投资", "amount", "投资（万元）", min_width=12, max_width=16),
    Column("年度计划投资", "amount", "投资（万元）", min_width=12, max_width=16),
    Column("计划开工", "center", "建设年限", max_width=12),
    Column("计划竣工", "center", "建设年限", max_width=12),
    Column("实际开工", "center", "建设年限", max_width=12),
    Column("实际竣工", "center", "建设年限", max_width=12),
    Column("项目状态", "center", max_width=8),
    Column("包保市级领导", "center", "包保责任", max_width=14),
    Column("责任单位", "center", "包保责任", max_width=14),
    Column("项目秘书", "center", "包保责任", max_width=10),
    Column("存在问题", "wrap", min_width=12, max_width=24),
    Column("解决措施", "wrap", min_width=12, max_width=24),
    Column("数据来源", "wrap", max_width=18),
)
TOTAL_COL = 11  # 总投资; 年度计划投资 follows
LABEL_COL = 3
MEASURED_ROWS = 600


def project_row(seq: int, p: Project) -> list[Value]:
    """The ledger row of one project (amounts in 万元, dates as offices write them)."""
    d = form.date_text
    return [
        seq, p.code, p.name, p.owner, p.region, p.sector, p.chain, p.nature,
        "、".join(p.lists) or None, p.scope, p.total_investment, p.annual_plan,
        d(p.planned_start), d(p.planned_end), d(p.actual_start), d(p.actual_end),
        p.status, p.leader, p.department, p.secretary, p.problems, p.measures, p.source,
    ]  # fmt: skip


def _sum_row(label: str, total: Decimal, plan: Decimal) -> list[Value]:
    row: list[Value] = [None] * len(COLUMNS)
    row[LABEL_COL - 1] = label
    row[TOTAL_COL - 1] = total
    row[TOTAL_COL] = plan
    return row


def write_ledger(
    store: Store,
    path: str | Path,
    *,
    group_by: str | None = "region",
    project_ids: Iterable[int] | None = None,
    as_of: dt.date | None = None,
    progress: Progress | None = None,
    year: int | None = None,
    period: Period | None = None,
) -> ExportResult:
    """Write 重点项目台账 to ``path``: a section per group with its 小计, then the 合计;
    年度计划投资, 建设性质 and 项目清单 those of ``year`` (default: the year of ``period``,
    else the current year)."""
    group_by = check_grouping(group_by)  # "none" and "" mean no grouping
    if year is None and period is not None:
        year = period.year
    projects = select_projects(store, project_ids, year)
    groups = group_projects(store, projects, group_by)
    as_of = as_of or today()
    title = report_title("重点项目台账", project_ids)
    with Workbook(title=title) as book:
        sheet, styles = open_sheet(
            book, "重点项目台账", store, title=title, unit="万元", as_of=as_of, columns=COLUMNS
        )
        grand_total = sum((p.total_investment or 0 for p in projects), Decimal(0))
        grand_plan = sum((p.annual_plan or 0 for p in projects), Decimal(0))
        samples = [project_row(i, p) for i, p in enumerate(projects[:MEASURED_ROWS], start=1)]
        samples.append(_sum_row(f"合计（{len(projects)}个）", grand_total, grand_plan))
        form.fit_columns(sheet, COLUMNS, samples)
        body = styles.row(COLUMNS)
        section = styles.body("text", "section", bold=True)
        sub = styles.row(COLUMNS, "subtotal", bold=True)
        tot = styles.row(COLUMNS, "total", bold=True)
        n = len(COLUMNS)
        seq = 0
        for index, (name, members) in enumerate(groups, start=1):
            if group_by:
                form.section_row(sheet, section, index, f"{name}（{len(members)}个）", n)
            total = plan = Decimal(0)
            for p in members:
                seq += 1
                sheet.append(project_row(seq, p), body, fit=True)
                total += p.total_investment or 0
                plan += p.annual_plan or 0
                tick(progress, seq, len(projects))
            if group_by:
                sheet.append(_sum_row(f"小计（{len(members)}个）", total, plan), sub)
        sheet.append(_sum_row(f"合计（{len(projects)}个）", grand_total, grand_plan), tot)
        notes = ["注：金额单位为万元，小计、合计为各项目金额之和。"]
        if group_by:
            notes[0] += f"按{GROUPINGS[group_by]}分组，“未填写”为该项未填的项目。"
        form.close_sheet(
            sheet,
            styles,
            notes,
            n,
            samples=any(p.is_sample for p in projects),
            sample_note="本表含示例数据（数据来源为“示例数据”的项目），不是真实项目数据。",
        )
        book.save(path)
        rows = sheet.row_count
    if progress is not None and not projects:
        progress(0, 0)
    return ExportResult(Path(path), len(projects), rows)
