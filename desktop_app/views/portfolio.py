"""The portfolio of one period as columns (numpy arrays), ready for any chart and any filter.

Loading reads the whole ledger once — or takes the ledger table's rows already in memory
(:class:`LoadedRows`) — and streams the year's amounts from the covering period index into
one integer array, never holding them as Python tuples; every chart of every filter is then
a few vectorised sums over these columns, so redrawing after a filter change is fast even on
100,000 projects.  Amounts stay whole 百元 (0.01 万元) integers until they are shown, so every
sum is exact.  No Qt here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain, islice
from typing import Any, Protocol

import numpy as np

from ..domain import derived
from ..domain.derived import Light, LightThresholds
from ..domain.fields import PROJECT_FIELD_NAMES
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
    search_keys: Sequence[str] | KeyIndex  # row order
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
            keys = self.search_keys
            matching = getattr(keys, "matching", None)
            if matching is not None:  # an index over the keys (the ledger's)
                hits = np.zeros(n, dtype=bool)
                hits[np.fromiter(matching(needle), dtype=np.int64)] = True
                keep &= hits
            else:
                keep &= np.fromiter((needle in k for k in keys), dtype=bool, count=n)
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
        records = list(records)
        amounts: dict[int, list[tuple[int, int]]] = {}
        for r in records:
            for p, amount in r.monthly.items():
                if amount is not None and p.year == period.year and p <= period:
                    amounts.setdefault(p.month, []).append((r.id, to_cents(amount)))  # type: ignore[arg-type]
        return cls._build(
            period,
            ids=[r.id for r in records],
            codes=[r.code for r in records],
            names=[r.name for r in records],
            fields={name: [getattr(r, name) for r in records] for name in CATEGORY_FIELDS},
            lists=[tuple(r.lists) for r in records],
            search_keys=[r.search_key for r in records],
            plans=[to_cents(r.annual_plan) for r in records],
            planned_start=[r.planned_start for r in records],
            actual_start=[r.actual_start for r in records],
            amounts=lambda month: amounts.get(month, ()),
            thresholds=thresholds or LightThresholds(),
            group_order={k: tuple(v) for k, v in (group_order or {}).items()},
        )

    @classmethod
    def _build(
        cls,
        period: Period,
        *,
        ids: Sequence[int],
        codes: list[str],
        names: list[str],
        fields: Mapping[str, Sequence[str | None]],
        lists: list[tuple[str, ...]],
        search_keys: Sequence[str],
        plans: Sequence[int | None],
        planned_start: Sequence[str | None],
        actual_start: Sequence[str | None],
        amounts: Callable[[int], Iterable[tuple[int, int]]],
        thresholds: LightThresholds,
        group_order: dict[str, tuple[str, ...]],
        lights: Sequence[str] | None = None,
        planned: Mapping[int, int] | None = None,
    ) -> PortfolioSnapshot:
        """The snapshot of these columns (row i = one project); ``amounts(month)`` gives the
        ``(project id, 本月完成 百元)`` of that month of the period's year; ``lights``: each
        row's light value when already known for this period and these thresholds."""
        n = len(ids)
        id_arr = np.fromiter(ids, dtype=np.int64, count=n)
        categories = {name: _category(fields[name]) for name in CATEGORY_FIELDS}
        plan = np.fromiter((p or 0 for p in plans), dtype=np.int64, count=n)
        months, reported = _months(id_arr, amounts, period.month)
        plan, months = _sums_exact(plan, months)
        ytd = months.sum(axis=1)

        if lights is not None:
            light_arr = np.fromiter((_VALUE_INDEX[v] for v in lights), dtype=np.int8, count=n)
        else:
            status = categories["status"]
            statuses = [status.labels[c] for c in status.codes.tolist()]
            light_arr = np.empty(n, dtype=np.int8)
            own = planned or {}
            for i, (pid, y, p, ps, acs, st) in enumerate(
                zip(
                    ids, ytd.tolist(), plan.tolist(), planned_start, actual_start, statuses,
                    strict=True,
                )
            ):  # fmt: skip
                light_arr[i] = _LIGHT_INDEX[
                    _light(y, p, ps, acs, st, period, thresholds, own.get(pid))  # type: ignore[arg-type]
                ]
        code_rank = np.empty(n, dtype=np.int64)
        # (timsort: nearly linear on rows already in code order, like the ledger's)
        code_rank[sorted(range(n), key=codes.__getitem__)] = np.arange(n)
        return cls(
            period=period,
            thresholds=thresholds,
            ids=id_arr,
            codes=codes,
            names=names,
            categories=categories,
            lists=lists,
            search_keys=search_keys,
            plan=plan,
            has_plan=plan > 0,
            months=months,
            ytd=ytd,
            reported_months=tuple(m in reported and m <= period.month for m in range(1, 13)),
            lights=light_arr,
            code_rank=code_rank,
            group_order=group_order,
        )


_VALUE_INDEX = {light.value: i for i, light in enumerate(LIGHTS)}


def _sums_exact(plan: np.ndarray, months: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The amounts as int64 when no sum of them can overflow 64 bits -- always, for amounts
    within money.MAX_CENTS -- else as Python integers (a ledger written by an older version
    without the ceiling): every total stays exact instead of wrapping negative."""
    n = max(len(plan), 1)
    bound = max(
        int(np.abs(plan).max()) if len(plan) else 0,
        int(np.abs(months).max()) if months.size else 0,
    )
    if bound * n * 12 < 2**63:
        return plan, months
    return plan.astype(object), months.astype(object)


def _months(
    ids: np.ndarray, amounts: Callable[[int], Iterable[tuple[int, int]]], last: int
) -> tuple[np.ndarray, set[int]]:
    """本月完成 by row and month (shape (n, 12), 百元; zero after month ``last``) and the
    months with any amount; each month's ``(project id, 百元)`` pairs go straight into an
    integer array (never held as Python tuples)."""
    n = len(ids)
    months = np.zeros((n, 12), dtype=np.int64)
    reported: set[int] = set()
    if not n:
        return months, reported
    order = np.argsort(ids, kind="stable")
    sorted_ids = ids[order]
    for month in range(1, last + 1):
        a = np.fromiter(chain.from_iterable(amounts(month)), dtype=np.int64).reshape(-1, 2)
        pid = a[:, 0]
        rows = order[np.searchsorted(sorted_ids, pid).clip(0, n - 1)]
        known = ids[rows] == pid
        if known.any():
            reported.add(month)
            np.add.at(months[:, month - 1], rows[known], a[known, 1])
    return months, reported


def _category(values: Sequence[object]) -> Category:
    labels = {v: i for i, v in enumerate(dict.fromkeys(values))}
    codes = np.fromiter(map(labels.__getitem__, values), dtype=np.int32, count=len(values))
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
    planned: int | None = None,
) -> Light:
    """The project's light, by the same rules (and code path) as :meth:`Store.figures`
    (``planned``: its 截至本月计划累计 when it has a monthly plan)."""
    if planned_start and derived.start_overdue(
        planned_start, actual_start, status, period, t.start_overdue_months
    ):
        return Light.RED
    if planned is not None:
        return derived.plan_light_from_cents(ytd_cents, plan_cents or None, planned, t)
    return derived.light_from_cents(ytd_cents, plan_cents or None, period.month, t)


#: Where each field sits in a :meth:`Store.project_rows` tuple.
ROW_INDEX = {
    "id": 0,
    "search_key": 2,
    **{name: 3 + i for i, name in enumerate(PROJECT_FIELD_NAMES)},
}


class KeyIndex(Protocol):
    """Search keys in row order that can say which rows contain a text (the ledger's)."""

    def __len__(self) -> int: ...

    def matching(self, needle: str) -> Iterable[int]: ...


@dataclass(frozen=True)
class LoadedRows:
    """Projects a view already holds in memory (the ledger table's rows): a snapshot built
    from them points at their values instead of reading and keeping every project again."""

    rows: Sequence[Sequence[Any]]  # Store.project_rows tuples, never changed in place
    period: Period | None = None  # the period and thresholds of ``lights``
    thresholds: LightThresholds | None = None
    lights: Sequence[str] | None = None  # each row's light value
    keys: Sequence[str] | KeyIndex | None = None  # their search keys (default: from the rows)
    year: int | None = None  # the year of the rows' 年度计划 (None: the current year)


def load_portfolio(
    store: Store,
    period: Period,
    thresholds: LightThresholds | None = None,
    *,
    loaded: LoadedRows | None = None,
) -> PortfolioSnapshot:
    """Read the whole ledger for ``period`` into a snapshot.

    The projects come from ``loaded`` when given (the ledger table's rows, same ledger
    state), else from the store a batch at a time; the year's amounts are streamed from the
    covering period index into one (projects × 12) integer array."""
    t = thresholds or store.light_thresholds()
    if (closed := _closed_snapshot(store, period, t)) is not None:
        return closed  # a closed round (关账) shows what it showed when closed
    year = period.year  # the year's plans, of the projects on its list
    lights: Sequence[str] | None
    if loaded is None or (loaded.year or store.current_year()) != year:
        columns = _read_columns(store, year)
        lights = None
    else:
        same = loaded.period == period and loaded.thresholds == t
        lights = loaded.lights if same else None
        columns = _shared_columns(loaded, starts=lights is None)
    unlisted = store.unlisted_ids(year)
    if unlisted and not isinstance(columns["search_keys"], list):  # the ledger's key index
        columns, lights = _read_columns(store, year), None
    if unlisted:
        columns, lights = _listed_only(columns, lights, unlisted)
    planned = {
        pid: derived.planned_cumulative(plan, period.month)
        for pid, plan in store.monthly_plan_cents(year).items()
    }
    order = {field: tuple(store.code_names(kind)) for field, kind in CODE_KIND.items()}
    return PortfolioSnapshot._build(
        period,
        **columns,
        amounts=lambda month: store.each_amount(Period(period.year, month)),
        thresholds=t,
        group_order=order,
        lights=lights,
        planned=planned,
    )


def _listed_only(
    columns: dict[str, Any], lights: Sequence[str] | None, unlisted: set[int]
) -> tuple[dict[str, Any], Sequence[str] | None]:
    """The columns (and lights) without the rows of the projects in ``unlisted``."""
    keep = [i for i, pid in enumerate(columns["ids"]) if pid not in unlisted]

    def pick(values: Sequence[Any]) -> list[Any]:
        return [values[i] for i in keep] if len(values) else []

    out = {
        key: ({k: pick(v) for k, v in value.items()} if isinstance(value, dict) else pick(value))
        for key, value in columns.items()
    }
    return out, None if lights is None else pick(lights)


_ROW_COLUMNS = ("id", "code", "name", *CATEGORY_FIELDS, "lists", "search_key", "annual_plan")
_ROW_COLUMNS += ("planned_start", "actual_start")


def _columns(values: dict[str, list[Any]], lists: list[tuple[str, ...]]) -> dict[str, Any]:
    return {
        "ids": values["id"],
        "codes": values["code"],
        "names": values["name"],
        "fields": {name: values[name] for name in CATEGORY_FIELDS},
        "lists": lists,
        "search_keys": values["search_key"],
        "plans": values["annual_plan"],
        "planned_start": values["planned_start"],
        "actual_start": values["actual_start"],
    }


def _shared_columns(loaded: LoadedRows, *, starts: bool = True) -> dict[str, Any]:
    """Columns pointing at the loaded rows' own values (lists of references, no copies);
    ``starts``: also the start dates (for lights)."""
    rows = loaded.rows
    names = [c for c in _ROW_COLUMNS if c != "search_key" or loaded.keys is None]
    values = {
        c: [r[ROW_INDEX[c]] for r in rows] if starts or not c.endswith("_start") else []
        for c in names
    }
    if loaded.keys is not None:
        values["search_key"] = loaded.keys  # type: ignore[assignment]
    return _columns(values, _list_tuples(values.pop("lists")))


def _read_columns(store: Store, year: int | None = None) -> dict[str, Any]:
    """Columns read from the store a batch at a time (年度计划 and 项目清单 of ``year``);
    repeated values are kept once."""
    values: dict[str, list[Any]] = {c: [] for c in _ROW_COLUMNS}
    memo: dict[object, object] = {}
    share = memo.setdefault
    unique = {"id", "code", "name", "search_key", "annual_plan"}
    it = iter(store.each_project_row(year))
    while batch := list(islice(it, 4096)):
        for c in _ROW_COLUMNS:
            k = ROW_INDEX[c]
            column = [r[k] for r in batch]
            values[c].extend(column if c in unique else map(share, column, column))
    return _columns(values, _list_tuples(values.pop("lists")))


def _list_tuples(raw: list[Any]) -> list[tuple[str, ...]]:
    """项目清单 of every row as tuples, one tuple per distinct stored text."""
    seen: dict[Any, tuple[str, ...]] = {}
    out = []
    for value in raw:
        key = value if isinstance(value, str) or value is None else None
        names = seen.get(key) if key is not None else None
        if names is None:
            names = _names(value)
            if key is not None:
                seen[key] = names
        out.append(names)
    return out


def _closed_snapshot(
    store: Store, period: Period, thresholds: LightThresholds
) -> PortfolioSnapshot | None:
    from .rounds import closed_columns

    columns = closed_columns(store, period, CATEGORY_FIELDS, CODE_KIND)
    return None if columns is None else PortfolioSnapshot._build(period, **columns)
