"""What the scheduling-meeting dashboard shows, computed from a :class:`PortfolioSnapshot`.

Every figure here is exact: sums are taken over whole 百元 integers and turned into 万元
Decimals at the end.  Group and portfolio completion rates are 本年累计完成之和 / 年度计划之和
over the projects shown (a project without a plan adds its completed investment but no plan).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from ..domain import derived
from ..domain.derived import Light
from ..domain.money import from_cents
from ..domain.periods import Period
from ..domain.query import ProjectQuery
from .portfolio import LIGHTS, PortfolioSnapshot

#: Fields the plan-vs-completion chart can group by, with their Chinese names.
GROUP_FIELDS = {"region": "所属县区", "chain": "产业链", "sector": "产业类别"}
MISSING_LABEL = "未填写"
_ZERO = Decimal(0)


def _wan(cents: int) -> Decimal:
    return from_cents(int(cents)) or _ZERO


def _rate(done_cents: int, plan_cents: int) -> Decimal | None:
    return Decimal(int(done_cents)) / Decimal(int(plan_cents)) if plan_cents else None


@dataclass(frozen=True)
class GroupBar:
    """One group of the plan-vs-completion chart."""

    field: str
    value: str | None  # None: projects with the field empty
    count: int
    plan: Decimal  # 年度计划投资之和 (万元)
    ytd: Decimal  # 本年累计完成之和 (万元)
    rate: Decimal | None  # ytd / plan; None without a plan
    expected: Decimal  # plan × 时序进度: what should be done by now (万元)
    light: Light  # the group's light by the thresholds (no start rule)

    @property
    def label(self) -> str:
        return self.value or MISSING_LABEL


@dataclass(frozen=True)
class SCurve:
    """The portfolio's cumulative investment through the year against the plan spread by
    时序进度.  ``actual[m-1]`` is the sum completed January..m (months up to the period);
    ``plan[m-1]`` is 年度计划 × m/12 for all twelve months."""

    period: Period
    actual: tuple[Decimal, ...]
    plan: tuple[Decimal, ...]
    plan_total: Decimal
    reported: tuple[bool, ...]  # per month of ``actual``: any amount reported that month


@dataclass(frozen=True)
class CountBar:
    """One bar of a count chart (lights or statuses)."""

    field: str  # "light" or "status"
    value: str | None
    label: str
    count: int
    color: str | None = None


@dataclass(frozen=True)
class LaggingProject:
    """A project whose completion rate is below 时序进度."""

    id: int
    code: str
    name: str
    region: str | None
    plan: Decimal
    ytd: Decimal
    rate: Decimal
    points_behind: Decimal  # (时序进度 − 完成率) × 100
    shortfall: Decimal  # plan × 时序进度 − ytd (万元)
    light: Light


@dataclass(frozen=True)
class DashboardData:
    """Everything the dashboard draws for one period and one filter."""

    period: Period
    time_progress: Decimal
    count: int
    plan: Decimal
    ytd: Decimal
    rate: Decimal | None
    groups: dict[str, tuple[GroupBar, ...]]
    s_curve: SCurve
    lights: tuple[CountBar, ...]
    statuses: tuple[CountBar, ...]
    lagging: tuple[LaggingProject, ...]
    lagging_count: int

    def light_count(self, light: Light) -> int:
        return next(b.count for b in self.lights if b.value == light.value)


# ------------------------------------------------------------------------ charts
def group_progress(
    snapshot: PortfolioSnapshot, field: str, mask: np.ndarray | None = None
) -> tuple[GroupBar, ...]:
    """年度计划 and 本年累计完成 summed by ``field`` (region, chain, sector, status) over the
    projects in ``mask``; groups in code-list order, others by name, empty last."""
    category = snapshot.categories[field]
    keep = np.ones(len(snapshot), dtype=bool) if mask is None else mask
    codes = category.codes[keep]
    k = len(category.labels)
    counts = np.bincount(codes, minlength=k)
    plans = np.zeros(k, dtype=snapshot.plan.dtype)  # object: exact Python integers
    ytds = np.zeros(k, dtype=snapshot.ytd.dtype)
    np.add.at(plans, codes, snapshot.plan[keep])
    np.add.at(ytds, codes, snapshot.ytd[keep])
    period = snapshot.period
    share = derived.time_progress(period)
    bars = []
    for i, value in enumerate(category.labels):
        if not counts[i]:
            continue
        plan_c, ytd_c = int(plans[i]), int(ytds[i])
        bars.append(
            GroupBar(
                field=field,
                value=value,
                count=int(counts[i]),
                plan=_wan(plan_c),
                ytd=_wan(ytd_c),
                rate=_rate(ytd_c, plan_c),
                expected=_wan(plan_c) * share,
                light=derived.light_from_cents(
                    ytd_c, plan_c or None, period.month, snapshot.thresholds
                ),
            )
        )
    order = {name: i for i, name in enumerate(snapshot.group_order.get(field, ()))}
    bars.sort(key=lambda b: (b.value is None, order.get(b.value or "", len(order)), b.label))
    return tuple(bars)


def s_curve(snapshot: PortfolioSnapshot, mask: np.ndarray | None = None) -> SCurve:
    """Cumulative monthly investment of the projects in ``mask`` against the plan line."""
    keep = np.ones(len(snapshot), dtype=bool) if mask is None else mask
    month = snapshot.period.month
    monthly = snapshot.months[keep].sum(axis=0)
    cumulative = np.cumsum(monthly)[:month]
    plan_c = int(snapshot.plan[keep].sum())
    plan_total = _wan(plan_c)
    return SCurve(
        period=snapshot.period,
        actual=tuple(_wan(c) for c in cumulative.tolist()),
        plan=tuple(plan_total * m / 12 for m in range(1, 13)),
        plan_total=plan_total,
        reported=snapshot.reported_months[:month],
    )


def light_counts(
    snapshot: PortfolioSnapshot, mask: np.ndarray | None = None
) -> tuple[CountBar, ...]:
    """How many projects show each light (all four, zeros included)."""
    lights = snapshot.lights if mask is None else snapshot.lights[mask]
    counts = np.bincount(lights, minlength=len(LIGHTS))
    return tuple(
        CountBar("light", light.value, light.label, int(counts[i]), light.color)
        for i, light in enumerate(LIGHTS)
    )


def status_counts(
    snapshot: PortfolioSnapshot, mask: np.ndarray | None = None
) -> tuple[CountBar, ...]:
    """How many projects are in each status: every status of the code list (zeros included),
    then any other status, then 未填写 when some projects have none."""
    category = snapshot.categories["status"]
    codes = category.codes if mask is None else category.codes[mask]
    counts = np.bincount(codes, minlength=len(category.labels))
    by_value = {v: int(counts[i]) for i, v in enumerate(category.labels)}
    order = list(snapshot.group_order.get("status", ()))
    others = sorted(v for v in by_value if v is not None and v not in order and by_value[v])
    bars = [CountBar("status", v, v, by_value.get(v, 0)) for v in [*order, *others]]
    if by_value.get(None):
        bars.append(CountBar("status", None, MISSING_LABEL, by_value[None]))
    return tuple(bars)


def lagging_projects(
    snapshot: PortfolioSnapshot, mask: np.ndarray | None = None, limit: int = 10
) -> tuple[tuple[LaggingProject, ...], int]:
    """The ``limit`` most lagging projects (completion rate furthest below 时序进度; ties: the
    larger shortfall in 万元, then 项目编号) and how many projects lag in all.
    Projects without a plan cannot lag."""
    keep = np.ones(len(snapshot), dtype=bool) if mask is None else mask.copy()
    month = snapshot.period.month
    plan, ytd = snapshot.plan, snapshot.ytd
    keep &= snapshot.has_plan & (12 * ytd < month * plan)
    idx = np.flatnonzero(keep)
    total = len(idx)
    if not total:
        return (), 0
    p = plan[idx].astype(np.float64)
    y = ytd[idx].astype(np.float64)
    behind = (month * p - 12 * y) / (12 * p)
    shortfall = month * p - 12 * y  # ×12 百元: same order as the shortfall itself
    order = np.lexsort((snapshot.code_rank[idx], -shortfall, -behind))[:limit]
    share = derived.time_progress(snapshot.period)
    region = snapshot.categories["region"]
    out = []
    for i in idx[order].tolist():
        rate = Decimal(int(ytd[i])) / Decimal(int(plan[i]))
        out.append(
            LaggingProject(
                id=int(snapshot.ids[i]),
                code=snapshot.codes[i],
                name=snapshot.names[i],
                region=region.labels[region.codes[i]],
                plan=_wan(plan[i]),
                ytd=_wan(ytd[i]),
                rate=rate,
                points_behind=(share - rate) * 100,
                shortfall=_wan(plan[i]) * share - _wan(ytd[i]),
                light=LIGHTS[int(snapshot.lights[i])],
            )
        )
    return tuple(out), total


def dashboard_data(
    snapshot: PortfolioSnapshot, query: ProjectQuery | None = None, *, top: int = 10
) -> DashboardData:
    """Every chart of the dashboard for the projects passing ``query``."""
    mask = snapshot.mask(query)
    plan_c = int(snapshot.plan[mask].sum())
    ytd_c = int(snapshot.ytd[mask].sum())
    lagging, lagging_count = lagging_projects(snapshot, mask, top)
    return DashboardData(
        period=snapshot.period,
        time_progress=derived.time_progress(snapshot.period),
        count=int(mask.sum()),
        plan=_wan(plan_c),
        ytd=_wan(ytd_c),
        rate=_rate(ytd_c, plan_c),
        groups={f: group_progress(snapshot, f, mask) for f in GROUP_FIELDS},
        s_curve=s_curve(snapshot, mask),
        lights=light_counts(snapshot, mask),
        statuses=status_counts(snapshot, mask),
        lagging=lagging,
        lagging_count=lagging_count,
    )
