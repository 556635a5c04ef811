"""分类汇总: counts and sums by region, chain, status and sector, each sheet with a native chart."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl.chart import BarChart, Reference

from ..domain import derived
from ..domain.fields import FIELD_BY_NAME
from ..domain.money import wan_to_yi
from ..domain.periods import Period
from ..store import Project, Store
from . import form
from .common import UNFILLED, ExportResult, Progress, open_sheet, period_projects
from .form import FIRST_BODY_ROW, HEAD_BOTTOM, Column, Styles
from .xlsx import Value, Workbook

DIMENSIONS: dict[str, str] = {
    "region": "所属县区",
    "chain": "产业链",
    "status": "项目状态",
    "sector": "产业类别",
}
SHEET_NAMES = {
    "region": "按县区",
    "chain": "按产业链",
    "status": "按项目状态",
    "sector": "按产业类别",
}


def columns(label: str) -> tuple[Column, ...]:
    return (
        form.SEQ,
        Column(label, "text", min_width=14, max_width=24),
        Column("项目个数", "int", min_width=9, max_width=10),
        Column("总投资", "amount", "投资情况（亿元）", min_width=12, max_width=16),
        Column("年度计划投资", "amount", "投资情况（亿元）", min_width=12, max_width=16),
        Column("本年累计完成", "amount", "投资情况（亿元）", min_width=12, max_width=16),
        Column("年度计划完成率", "pct", min_width=10, max_width=12),
        Column("红灯", "int", "状态灯（个）", min_width=7, max_width=8),
        Column("黄灯", "int", "状态灯（个）", min_width=7, max_width=8),
        Column("绿灯", "int", "状态灯（个）", min_width=7, max_width=8),
        Column("无计划", "int", "状态灯（个）", min_width=7, max_width=8),
    )


@dataclass
class Bucket:
    """Counts and exact sums (万元) of one category."""

    name: str
    count: int = 0
    total: Decimal = Decimal(0)
    plan: Decimal = Decimal(0)
    ytd: Decimal = Decimal(0)
    lights: dict[derived.Light, int] = field(
        default_factory=lambda: dict.fromkeys(derived.Light, 0)
    )

    def add(self, p: Project, f: derived.ProjectFigures) -> None:
        self.count += 1
        self.total += p.total_investment or 0
        self.plan += p.annual_plan or 0
        self.ytd += f.ytd
        self.lights[f.light] += 1

    def row(self, seq: int | None, label: str | None = None) -> list[Value]:
        return [
            seq,
            label or self.name,
            self.count,
            wan_to_yi(self.total),
            wan_to_yi(self.plan),
            wan_to_yi(self.ytd),
            form.pct_of(self.ytd, self.plan),
            self.lights[derived.Light.RED],
            self.lights[derived.Light.YELLOW],
            self.lights[derived.Light.GREEN],
            self.lights[derived.Light.NONE],
        ]


def buckets(
    store: Store,
    projects: list[Project],
    figures: dict[int, derived.ProjectFigures],
    dimension: str,
) -> tuple[list[Bucket], Bucket]:
    """One bucket per code-list value (empty ones too), others, then 未填写; and the total."""
    kind = FIELD_BY_NAME[dimension].code_kind or dimension
    found: dict[str, Bucket] = {name: Bucket(name) for name in store.code_names(kind)}
    total = Bucket("合计")
    for p in projects:
        name = getattr(p, dimension) or UNFILLED
        bucket = found.get(name) or found.setdefault(name, Bucket(name))
        f = figures[p.id or 0]
        bucket.add(p, f)
        total.add(p, f)
    ordered = list(found.values())
    ordered.sort(key=lambda b: b.name == UNFILLED)
    if UNFILLED in found and found[UNFILLED].count == 0:
        ordered.remove(found[UNFILLED])
    return ordered, total


def write_summary(
    store: Store,
    path: str | Path,
    *,
    period: Period | None = None,
    project_ids: Iterable[int] | None = None,
    thresholds: derived.LightThresholds | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write 分类汇总 for ``period``: one sheet (table and bar chart) per dimension."""
    period, projects, figures = period_projects(store, period, project_ids, thresholds)
    title_base = f"重点项目分类汇总（{period.year}年{period.month}月）"
    if project_ids is not None:
        title_base = f"重点项目分类汇总（{period.year}年{period.month}月，筛选结果）"
    rows = 0
    with Workbook(title=title_base) as book:
        styles = Styles(book)
        for step, (dimension, label) in enumerate(DIMENSIONS.items(), start=1):
            cols = columns(label)
            sheet, _ = open_sheet(
                book,
                SHEET_NAMES[dimension],
                store,
                title=f"{title_base}——按{label}",
                unit="亿元",
                as_of=period.last_day,
                columns=cols,
                styles=styles,
            )
            groups, total = buckets(store, projects, figures, dimension)
            form.fit_columns(
                sheet, cols, [b.row(i) for i, b in enumerate(groups, 1)] + [total.row(None)]
            )
            body = styles.row(cols)
            for seq, bucket in enumerate(groups, start=1):
                sheet.append(bucket.row(seq), body, fit=True)
            last = sheet.row_count
            sheet.append(
                total.row(None, f"合计（{total.count}个项目）"),
                styles.row(cols, "total", bold=True),
            )
            notes = [
                f"注：金额单位为亿元（台账万元金额÷10000）；本年累计完成截至{period.year}年"
                f"{period.month}月；年度计划完成率＝本年累计完成÷年度计划投资。"
            ]
            samples = any(p.is_sample for p in projects)
            form.close_sheet(sheet, styles, notes, len(cols), samples=samples, freeze_col=3)
            sheet.ws.print_options.horizontalCentered = True
            if groups:
                _add_chart(sheet.ws, label, last, anchor_row=sheet.row_count + 2)
            rows += sheet.row_count
            if progress is not None:
                progress(step, len(DIMENSIONS))
        book.save(path)
    return ExportResult(Path(path), len(projects), rows)


def _add_chart(ws: object, label: str, last_row: int, *, anchor_row: int) -> None:
    """A clustered bar chart of 年度计划投资 and 本年累计完成 by category."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = f"按{label}：年度计划投资与本年累计完成（亿元）"
    chart.y_axis.title = "亿元"
    chart.y_axis.numFmt = "#,##0"
    chart.y_axis.majorGridlines = chart.y_axis.majorGridlines
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    data = Reference(ws, min_col=5, max_col=6, min_row=HEAD_BOTTOM, max_row=last_row)
    cats = Reference(ws, min_col=2, min_row=FIRST_BODY_ROW, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    chart.width = 26
    chart.height = 11
    ws.add_chart(chart, f"B{anchor_row}")  # type: ignore[attr-defined]
