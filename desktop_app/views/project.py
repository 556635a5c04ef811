"""One project's charts: its monthly investment through a year against its annual plan, and
its physical progress (形象进度) over time.  No Qt here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..domain import derived
from ..domain.periods import Period
from ..store import MonthlyReport, Project, Store


@dataclass(frozen=True)
class ProgressPoint:
    """形象进度 reported for one period."""

    period: Period
    pct: float
    text: str | None


@dataclass(frozen=True)
class ProjectSeries:
    """The chart data of one project for the year of ``period``.

    ``months[m-1]`` is 本月完成 of month m (None: no amount reported); ``cumulative[m-1]`` is
    本年累计完成 at the end of month m, for the months up to the period (missing months add
    zero); ``plan_line[m-1]`` is 年度计划 × m/12 (empty without a plan).
    """

    project_id: int
    code: str
    name: str
    period: Period
    annual_plan: Decimal | None
    months: tuple[Decimal | None, ...]
    cumulative: tuple[Decimal, ...]
    plan_line: tuple[Decimal, ...]
    progress: tuple[ProgressPoint, ...]

    @property
    def ytd(self) -> Decimal:
        return self.cumulative[-1] if self.cumulative else Decimal(0)

    @property
    def rate(self) -> Decimal | None:
        return derived.completion_rate(self.ytd, self.annual_plan)


def series_from_reports(
    project: Project,
    reports: Sequence[MonthlyReport],
    period: Period,
    monthly_plan: Mapping[str, Decimal] | None = None,
) -> ProjectSeries:
    """Chart data from a project and its monthly reports (any order, any years);
    ``monthly_plan`` (period → 万元): the plan line is its cumulative instead of month/12."""
    by_period = {Period.parse(r.period): r for r in reports}
    months = tuple(
        by_period[p].month_investment if p in by_period and p <= period else None
        for p in (Period(period.year, m) for m in range(1, 13))
    )
    monthly = {p: r.month_investment for p, r in by_period.items()}
    cumulative = tuple(derived.ytd_completed(monthly, p) for p in period.year_months())
    plan = project.annual_plan
    plan_line = tuple(plan * m / 12 for m in range(1, 13)) if plan else ()
    if monthly_plan:  # 月度计划分解: its planned cumulative month by month
        by_month = {int(str(k)[5:7]): v for k, v in monthly_plan.items()}
        plan_line = tuple(
            sum((v for m, v in by_month.items() if m <= month), Decimal(0))
            for month in range(1, 13)
        )
    progress = tuple(
        ProgressPoint(p, float(r.progress_pct), r.progress_text)
        for p, r in sorted(by_period.items())
        if r.progress_pct is not None and p <= period
    )
    return ProjectSeries(
        project_id=project.id or 0,
        code=project.code,
        name=project.name,
        period=period,
        annual_plan=plan,
        months=months,
        cumulative=cumulative,
        plan_line=plan_line,
        progress=progress,
    )


def project_series(store: Store, project_id: int, period: Period | None = None) -> ProjectSeries:
    """Chart data of one project for ``period`` (default: the ledger's newest period), with
    the plan of the period's year (and its monthly plan, where it has one)."""
    period = period or store.default_period()
    project = store.get_project(project_id, period.year)
    return series_from_reports(
        project,
        store.project_monthly(project_id),
        period,
        monthly_plan=store.monthly_plan(project_id, period.year),
    )
