"""The portfolio of one period as columns (numpy arrays), ready for any chart and any filter.

Loading reads the whole ledger once (two SQL queries); every chart of every filter is then a
few vectorised sums over these columns, so redrawing after a filter change is fast even on
100,000 projects.  Amounts stay whole 百元 (0.01 万元) integers until they are shown, so every
sum is exact.  No Qt here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

from ..domain import derived
from ..domain.derived import Light, LightThresholds
from ..domain.money import to_cents
from ..domain.periods import Period
from ..domain.query import ProjectQuery
from ..domain.textmatch import normalize_query
from ..store import Store

#: Fields a chart can group by or a filter can test, stored as category codes.
CATEGORY_FIELDS = ("region", "sector", "chain", "status", "nature", "leader", "department")
#: Lights in the order the charts show them.
LIGHTS: tuple[Light, ...] = (Light.GREEN, Light.YELLOW, Light.RED, Light.NONE)
_LIGHT_INDEX = {light: i for i, light in enumerate(LIGHTS)}
#: Code list kind of each groupable field (for the order groups are shown in).
CODE_KIND = {"region": "region", "sector": "sector", "chain": "chain", "status": "status"}


@dataclass(frozen=True)
class Category:
    """One field as category codes: ``codes[i]`` indexes ``labels`` (None: not filled in)."""

    codes: np.ndarray
    labels: tuple[str | None, ...]

    def index_of(self, values: Iterable[str | None]) -> list[int]:
        wanted = set(values)
        return [i for i, label in enumerate(self.labels) if label in wanted]


@dataclass(frozen=True)
class ChartRecord:
    """One project as plain values: the input of :meth:`PortfolioSnapshot.from_records`
    (tests and small portfolios).  ``monthly`` maps periods to 本月完成 (万元)."""

    id: int
    code: str
    name: str
    annual_plan: Decimal | None = None
    monthly: Mapping[Period, Decimal | None] = field(default_factory=dict)
    region: str | None = None
    sector: str | None = None
    chain: str | None = None
    status: str | None = None
    nature: str | None = None
    leader: str | None = None
    department: str | None = None
    lists: Sequence[str] = ()
    search_key: str = ""
    planned_start: str | None = None
    actual_start: str | None = None


@dataclass(frozen=True, eq=False)
class PortfolioSnapshot:
    """Every project of the ledger for one period, column by column (row i = one project)."""

    period: Period
    thresholds: LightThresholds
    ids: np.ndarray  # int64
    codes: list[str]
    names: list[str]
    categories: dict[str, Category]
    lists: list[tuple[str, ...]]
    search_keys: list[str]
    plan: np.ndarray  # int64 百元; 0 when there is no plan
    has_plan: np.ndarray  # bool: a plan above zero
    months: np.ndarray  # int64 百元, shape (n, 12): 本月完成 of the period's year up to it
    ytd: np.ndarray  # int64 百元: 本年累计完成 (the row sums of ``months``)
    reported_months: tuple[bool, ...]  # 12 flags: some project reported an amount that month
    lights: np.ndarray  # int8 index into LIGHTS
    code_rank: np.ndarray  # int64: position of each project in 项目编号 order
    group_order: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    def index_of_id(self, project_id: int) -> int:
        hits = np.flatnonzero(self.ids == project_id)
        if not len(hits):
            raise KeyError(project_id)
        return int(hits[0])

    def light_of(self, project_id: int) -> Light:
        return LIGHTS[int(self.lights[self.index_of_id(project_id)])]

    # ---------------------------------------------------------------- filtering
    def mask(self, query: ProjectQuery | None) -> np.ndarray:
        """Which projects pass ``query`` — the same rule as :meth:`ProjectQuery.matches`."""
        n = len(self.ids)
        keep = np.ones(n, dtype=bool)
        if query is None:
            return keep
        needle = normalize_query(query.search) if query.search else ""
        if needle:
            keep &= np.fromiter((needle in k for k in self.search_keys), dtype=bool, count=n)
        for name, allowed in query.filters.items():
            if not allowed:
                continue
            if name == "lists":
                keep &= np.fromiter(
                    (not allowed.isdisjoint(v) for v in self.lists), dtype=bool, count=n
                )
            else:
                category = self.categories[name]
                keep &= np.isin(category.codes, category.index_of(allowed))
        if query.lights:
            wanted = [i for i, light in enumerate(LIGHTS) if light.value in query.lights]
            keep &= np.isin(self.lights, wanted)
        return keep

    # -------------------------------------------------------------- constructors
    @classmethod
    def from_records(
        cls,
        period: Period,
        records: Iterable[ChartRecord],
        *,
        thresholds: LightThresholds | None = None,
        group_order: Mapping[str, Sequence[str]] | None = None,
    ) -> PortfolioSnapshot:
        """A snapshot from plain records (amounts in 万元)."""
        rows = []
        amounts = []
        for r in records:
            rows.append(
                (
                    r.id,
                    r.code,
                    r.name,
                    *(getattr(r, name) for name in CATEGORY_FIELDS),
                    list(r.lists),
                    r.search_key,
                    to_cents(r.annual_plan),
                    r.planned_start,
                    r.actual_start,
                )
            )
            amounts += [
                (r.id, str(p), to_cents(amount))
                for p, amount in r.monthly.items()
                if amount is not None and p.year == period.year and p <= period
            ]
        return cls._build(
            period,
            rows,
            amounts,  # type: ignore[arg-type]
            thresholds=thresholds or LightThresholds(),
            group_order={k: tuple(v) for k, v in (group_order or {}).items()},
        )

    @classmethod
    def _build(
        cls,
        period: Period,
        rows: Sequence[Sequence[object]],
        amounts: Sequence[tuple[int, str, int]],
        *,
        thresholds: LightThresholds,
        group_order: dict[str, tuple[str, ...]],
    ) -> PortfolioSnapshot:
        n = len(rows)
        columns = [[r[k] for r in rows] for k in range(len(_SNAPSHOT_COLUMNS))]
        ids = np.array(columns[0], dtype=np.int64)
        codes = [str(c) for c in columns[1]]
        names = [str(c) for c in columns[2]]
        categories = {name: _category(columns[3 + k]) for k, name in enumerate(CATEGORY_FIELDS)}
        base = 3 + len(CATEGORY_FIELDS)
        lists = [_names(v) for v in columns[base]]
        search_keys = [k or "" for k in columns[base + 1]]
        plan = np.array([p or 0 for p in columns[base + 2]], dtype=np.int64)
        planned_start, actual_start = columns[base + 3], columns[base + 4]

        months = np.zeros((n, 12), dtype=np.int64)
        reported: set[str] = set()
        if n and amounts:
            pids = [a[0] for a in amounts]
            periods = [a[1] for a in amounts]
            cents = [a[2] for a in amounts]
            reported = set(periods)
            month_of = {p: int(p[5:7]) - 1 for p in reported}
            pid_arr = np.array(pids, dtype=np.int64)
            order = np.argsort(ids, kind="stable")
            pos = np.searchsorted(ids, pid_arr, sorter=order).clip(0, n - 1)
            rows_idx = order[pos]
            known = ids[rows_idx] == pid_arr
            month_idx = np.array([month_of[p] for p in periods], dtype=np.int64)
            np.add.at(
                months,
                (rows_idx[known], month_idx[known]),
                np.array(cents, dtype=np.int64)[known],
            )
        months[:, period.month :] = 0
        ytd = months.sum(axis=1)

        status = categories["status"]
        statuses = [status.labels[c] for c in status.codes.tolist()]
        lights = np.empty(n, dtype=np.int8)
        for i, (y, p, ps, acs, st) in enumerate(
            zip(ytd.tolist(), plan.tolist(), planned_start, actual_start, statuses, strict=True)
        ):
            lights[i] = _LIGHT_INDEX[
                _light(y, p, ps, acs, st, period, thresholds)  # type: ignore[arg-type]
            ]
        code_rank = np.empty(n, dtype=np.int64)
        code_rank[np.argsort(np.array(codes, dtype=object), kind="stable")] = np.arange(n)
        return cls(
            period=period,
            thresholds=thresholds,
            ids=ids,
            codes=codes,
            names=names,
            categories=categories,
            lists=lists,
            search_keys=search_keys,
            plan=plan,
            has_plan=plan > 0,
            months=months,
            ytd=ytd,
            reported_months=tuple(
                str(Period(period.year, m)) in reported and m <= period.month for m in range(1, 13)
            ),
            lights=lights,
            code_rank=code_rank,
            group_order=group_order,
        )


def _category(values: Sequence[object]) -> Category:
    labels = {v: i for i, v in enumerate(dict.fromkeys(values))}
    codes = np.array(list(map(labels.__getitem__, values)), dtype=np.int32)
    return Category(codes, tuple(labels))  # type: ignore[arg-type]


def _names(value: object) -> tuple[str, ...]:
    """项目清单 as stored (JSON text) or as given (a list)."""
    if not value or value == "[]":
        return ()
    if isinstance(value, str):
        return tuple(json.loads(value))
    return tuple(value)  # type: ignore[arg-type]


def _light(
    ytd_cents: int,
    plan_cents: int,
    planned_start: str | None,
    actual_start: str | None,
    status: str | None,
    period: Period,
    t: LightThresholds,
) -> Light:
    """The project's light, by the same rules (and code path) as :meth:`Store.figures`."""
    if planned_start and derived.start_overdue(
        planned_start, actual_start, status, period, t.start_overdue_months
    ):
        return Light.RED
    return derived.light_from_cents(ytd_cents, plan_cents or None, period.month, t)


_SNAPSHOT_COLUMNS = (
    "id",
    "code",
    "name",
    *CATEGORY_FIELDS,
    "lists",
    "search_key",
    "annual_plan",
    "planned_start",
    "actual_start",
)


def load_portfolio(
    store: Store, period: Period, thresholds: LightThresholds | None = None
) -> PortfolioSnapshot:
    """Read the whole ledger for ``period`` into a snapshot (two queries)."""
    rows = store.project_columns(_SNAPSHOT_COLUMNS)
    amounts = store.monthly_amounts(Period(period.year, 1), period)
    order = {field: tuple(store.code_names(kind)) for field, kind in CODE_KIND.items()}
    return PortfolioSnapshot._build(
        period,
        rows,
        amounts,
        thresholds=thresholds or LightThresholds(),
        group_order=order,
    )
