"""Derived figures the scheduling meeting asks for, in one place.

All amounts are 万元 as :class:`~decimal.Decimal`; rates are Decimal fractions (0.5 = 50%).
These functions are pure: the store feeds them, the UI, reports and charts display them.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .periods import Period, date_start

STARTED_STATUSES = frozenset({"在建", "竣工", "投产"})


class Light(enum.StrEnum):
    """The status light of a project for a period."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    NONE = "none"  # no annual plan: the rate cannot be judged

    @property
    def label(self) -> str:
        return {"green": "绿灯", "yellow": "黄灯", "red": "红灯", "none": "无计划"}[self.value]

    @property
    def color(self) -> str:
        """The light's colour, the same in the table, the charts and the Excel reports."""
        return LIGHT_COLORS[self.value]

    @property
    def fill(self) -> str:
        """A pale background for a whole row with this light (tables and Excel rows)."""
        return LIGHT_FILLS[self.value]


LIGHT_COLORS = {"green": "#2E9E44", "yellow": "#E0A800", "red": "#D62728", "none": "#9E9E9E"}
LIGHT_FILLS = {"green": "#FFFFFF", "yellow": "#FFF4CC", "red": "#FAD4D4", "none": "#FFFFFF"}


@dataclass(frozen=True)
class LightThresholds:
    """Points behind 时序进度 that turn a light yellow / red, and the start-overdue rule."""

    yellow_points: Decimal = Decimal(10)
    red_points: Decimal = Decimal(30)
    start_overdue_months: int = 3

    def __post_init__(self) -> None:
        if not (0 <= self.yellow_points <= self.red_points <= 100):
            raise ValueError("黄灯阈值应在 0 到红灯阈值之间，红灯阈值不超过 100")
        if self.start_overdue_months < 0:
            raise ValueError("开工逾期月数不能为负")


def ytd_completed(monthly: Mapping[Period, Decimal | None], period: Period) -> Decimal:
    """本年累计完成: the sum of 本月完成 from January to ``period`` of its year.

    Months with no report count as zero.
    """
    return sum(
        (v for p, v in monthly.items() if p.year == period.year and p <= period and v is not None),
        Decimal(0),
    )


def since_start_completed(monthly: Mapping[Period, Decimal | None], period: Period) -> Decimal:
    """开工以来累计: every 本月完成 reported up to and including ``period``."""
    return sum((v for p, v in monthly.items() if p <= period and v is not None), Decimal(0))


def completion_rate(done: Decimal | None, plan: Decimal | None) -> Decimal | None:
    """年度计划完成率 (or 累计占总投资): ``done / plan``; None when there is no plan or it is 0."""
    if plan is None or plan == 0 or done is None:
        return None
    return done / plan


def time_progress(period: Period) -> Decimal:
    """时序进度: the share of the year elapsed at the period's end (June → 0.5)."""
    return Decimal(period.month) / Decimal(12)


#: The two rules of 序时进度, as the form and the reports' notes name them.
TIME_RULE = "序时进度按时间计算（月数÷12）"
PLAN_RULE = "序时进度按月度计划分解计算（截至本月计划累计÷年度计划）"


def planned_cumulative(monthly_plan: Mapping[int, Any], month: int) -> Any:
    """截至本月计划累计: the sum of a monthly plan's amounts (month → amount: 百元 integers or
    万元 Decimals) up to ``month``."""
    return sum(v for m, v in monthly_plan.items() if m <= month)


def planned_progress(
    monthly_plan: Mapping[int, Decimal] | None, annual_plan: Decimal | None, period: Period
) -> Decimal:
    """序时进度 of one project: with a monthly plan (月度计划分解, month → 万元) its planned
    cumulative for the period's month over the annual plan; else :func:`time_progress`."""
    if monthly_plan and annual_plan:
        return Decimal(planned_cumulative(monthly_plan, period.month)) / annual_plan
    return time_progress(period)


def plan_light_from_cents(
    ytd_cents: int, plan_cents: int | None, planned_cents: int, t: LightThresholds
) -> Light:
    """The light by the monthly plan in exact integers: points behind = (截至本月计划累计 −
    本年累计) ÷ 年度计划 × 100, against the same thresholds as :func:`light_from_cents`."""
    if not plan_cents:
        return Light.NONE
    lhs = (planned_cents - ytd_cents) * 100  # points behind × plan
    red_n, red_d = t.red_points.as_integer_ratio()
    if lhs * red_d > red_n * plan_cents:
        return Light.RED
    yellow_n, yellow_d = t.yellow_points.as_integer_ratio()
    if lhs * yellow_d >= yellow_n * plan_cents:
        return Light.YELLOW
    return Light.GREEN


def points_behind(rate: Decimal | None, period: Period) -> Decimal | None:
    """Percentage points by which the completion rate trails 时序进度 (negative: ahead)."""
    if rate is None:
        return None
    return (time_progress(period) - rate) * 100


def is_lagging(rate: Decimal | None, period: Period) -> bool:
    """滞后: the completion rate is below 时序进度."""
    return rate is not None and rate < time_progress(period)


def start_overdue(
    planned_start: str | None,
    actual_start: str | None,
    status: str | None,
    period: Period,
    months: int = 3,
) -> bool:
    """The planned start lies ``months`` or more before the period's end and work has not begun."""
    if not planned_start or actual_start or (status in STARTED_STATUSES):
        return False
    start = date_start(planned_start)
    if start is None:
        return False
    deadline = Period.of(start).shift(months)
    return deadline <= period


def status_light(
    rate: Decimal | None,
    period: Period,
    *,
    planned_start: str | None = None,
    actual_start: str | None = None,
    status: str | None = None,
    thresholds: LightThresholds | None = None,
    progress: Decimal | None = None,
) -> Light:
    """Green; yellow when 10–30 points behind 时序进度 (``progress``: the project's own, from
    its monthly plan; default :func:`time_progress`); red when more than 30 behind or the
    planned start is three months past without a start.  Exactly 10 points behind is
    yellow, exactly 30 is yellow, above 30 red.  No plan (and not overdue) → ``Light.NONE``.
    """
    t = thresholds or LightThresholds()
    if start_overdue(planned_start, actual_start, status, period, t.start_overdue_months):
        return Light.RED
    behind = points_behind(rate, period)
    if behind is not None and progress is not None:
        behind = behind + (progress - time_progress(period)) * 100
    if behind is None:
        return Light.NONE
    if behind > t.red_points:
        return Light.RED
    if behind >= t.yellow_points:
        return Light.YELLOW
    return Light.GREEN


def light_from_cents(
    ytd_cents: int,
    plan_cents: int | None,
    month: int,
    t: LightThresholds,
) -> Light:
    """:func:`status_light` (without the start rule) in exact integer arithmetic, for speed
    over whole portfolios.  Points behind = (month/12 − ytd/plan) × 100, compared with the
    thresholds as exact fractions, so boundaries (exactly 10, exactly 30) match."""
    if not plan_cents:
        return Light.NONE
    # behind × 12 × plan = (month × plan − 12 × ytd) × 100
    lhs = (month * plan_cents - 12 * ytd_cents) * 100
    red_n, red_d = t.red_points.as_integer_ratio()
    if lhs * red_d > red_n * 12 * plan_cents:
        return Light.RED
    yellow_n, yellow_d = t.yellow_points.as_integer_ratio()
    if lhs * yellow_d >= yellow_n * 12 * plan_cents:
        return Light.YELLOW
    return Light.GREEN


#: ``(newest report period at or before the period or None, its 本年累计, its 开工以来累计,
#: 年度计划, 计划开工, 实际开工, 状态)`` → ``(light, 本年累计, 开工以来累计)``, amounts in 百元.
CentsRule = Callable[..., tuple[Light, int, int]]


def cents_rule(period: Period, thresholds: LightThresholds | None = None) -> CentsRule:
    """The light and running sums of one project for ``period``, from the running sums the
    newest report at or before ``period`` carries, in whole 百元 (the store's fast path over
    whole portfolios; equal to :func:`project_figures`).

    That report's 开工以来累计 is the project's at ``period``; its 本年累计 only when it is of
    the same year (else nothing was done this year yet).  The light is
    :func:`status_light`: red when the start is overdue, else :func:`light_from_cents`.
    """
    t = thresholds or LightThresholds()
    year = f"{period.year:04d}"
    month = period.month
    overdue_months = t.start_overdue_months

    def rule(
        last: str | None,
        ytd: int | None,
        cum: int | None,
        plan: int | None,
        planned_start: str | None,
        actual_start: str | None,
        status: str | None,
        planned: int | None = None,
    ) -> tuple[Light, int, int]:
        """``planned``: the project's 截至本月计划累计 when it has a monthly plan."""
        ytd = (ytd or 0) if last and last[:4] == year else 0
        cum = (cum or 0) if last else 0
        if planned_start and start_overdue(
            planned_start, actual_start, status, period, overdue_months
        ):
            return Light.RED, ytd, cum
        if planned is not None:
            return plan_light_from_cents(ytd, plan, planned, t), ytd, cum
        return light_from_cents(ytd, plan, month, t), ytd, cum

    return rule


@dataclass(slots=True)
class ProjectFigures:
    """Every derived figure of one project for one period."""

    period: Period
    month: Decimal | None
    ytd: Decimal
    since_start: Decimal
    annual_rate: Decimal | None
    total_share: Decimal | None
    time_progress: Decimal
    lagging: bool
    light: Light
    reported: bool


def figures_from_cents(
    period: Period,
    month: int | None,
    ytd: int,
    since_start: int,
    annual_plan: int | None,
    total_investment: int | None,
    light: Light,
    reported: bool,
    time_share: Decimal | None = None,
) -> ProjectFigures:
    """:class:`ProjectFigures` from amounts in whole 百元 (as :func:`cents_rule` gives them):
    the rates are exact fractions of the integers, amounts become 万元.  ``time_share`` is
    :func:`time_progress` of ``period`` when the caller has it already (whole portfolios)."""
    rate = Decimal(ytd) / Decimal(annual_plan) if annual_plan else None
    share = time_progress(period) if time_share is None else time_share
    return ProjectFigures(
        period=period,
        month=None if month is None else Decimal(month).scaleb(-2),
        ytd=Decimal(ytd).scaleb(-2) if ytd else Decimal(0),
        since_start=Decimal(since_start).scaleb(-2) if since_start else Decimal(0),
        annual_rate=rate,
        total_share=Decimal(since_start) / Decimal(total_investment) if total_investment else None,
        time_progress=share,
        lagging=rate is not None and rate < share,
        light=light,
        reported=reported,
    )


def project_figures(
    monthly: Mapping[Period, Decimal | None],
    period: Period,
    *,
    annual_plan: Decimal | None,
    total_investment: Decimal | None,
    planned_start: str | None = None,
    actual_start: str | None = None,
    status: str | None = None,
    thresholds: LightThresholds | None = None,
    monthly_plan: Mapping[int, Decimal] | None = None,
) -> ProjectFigures:
    """All figures of one project for ``period`` from its monthly 本月完成 amounts;
    ``monthly_plan`` (month → 万元 of the period's year): 序时进度 from it
    (:func:`planned_progress`)."""
    ytd = ytd_completed(monthly, period)
    since = since_start_completed(monthly, period)
    rate = completion_rate(ytd, annual_plan)
    progress = planned_progress(monthly_plan, annual_plan, period)
    return ProjectFigures(
        period=period,
        month=monthly.get(period),
        ytd=ytd,
        since_start=since,
        annual_rate=rate,
        total_share=completion_rate(since, total_investment),
        time_progress=progress,
        lagging=rate is not None and rate < progress,
        light=status_light(
            rate,
            period,
            planned_start=planned_start,
            actual_start=actual_start,
            status=status,
            thresholds=thresholds,
            progress=progress if monthly_plan and annual_plan else None,
        ),
        reported=period in monthly,
    )


def light_counts(lights: Iterable[Light]) -> dict[Light, int]:
    """How many projects show each light (every light present, zeros included)."""
    counts = dict.fromkeys(Light, 0)
    for light in lights:
        counts[light] += 1
    return counts
