"""Two rounds of the monthly 调度 side by side (no Qt): what changed between them.

A *round* is what the meeting of one period was shown: every project of that period's list
with its 本月完成, 本年累计, 年度计划 and light.  An open period is read afresh by the rules
of :meth:`Store.figure_rows` (:func:`~.figure_columns.columns_figures`: the same figures as
the ledger table, the dashboard and the reports, of the period's year); a closed period is read from its frozen rows
(:meth:`Store.round_columns`), as it was when it was closed.

:func:`compare` then says, for the later round against the earlier one:

* 滞后 — the dashboard's rule (:func:`~.dashboard.lagging_projects`): a project with a plan
  whose 完成率 is below 时序进度 (month / 12; where the project has a monthly plan, its
  planned cumulative, as :meth:`Store.figures` says ``lagging``); *newly lagging* projects
  lag in the later round but not in
  the earlier, *recovered* ones the other way round (projects of both rounds only);
* the light changes (绿灯 → 黄灯 …) of the projects in both rounds;
* 本月完成 against 上月 and against 去年同月 (the later period's month a month and a year
  before), with the change and the percentage;
* 年度计划 changes, projects added to the list (later round only) and removed from it;
* counts and amounts by 县区 in both rounds and their difference.

Amounts stay whole 百元 integers until shown (:func:`wan`): every total is exact to the cent.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Any, NamedTuple

from ..domain.collation import code_keys
from ..domain.derived import Light, LightThresholds
from ..domain.money import from_cents
from ..domain.periods import Period
from ..store import Store
from ..store.figure_columns import (
    CODE,
    CUM,
    EARLIER,
    LAST,
    NAME,
    NAMED_SQL,
    PAIR_SQL,
    REGION,
    columns_figures,
)

UNFILLED = "未填写"


def wan(cents: int | None) -> Decimal | None:
    """百元 → 万元 (None stays None)."""
    return from_cents(cents)


def change_pct(now: int | None, before: int | None) -> Decimal | None:
    """(now − before) / before as a fraction; None without a base (no amount or zero)."""
    if now is None or not before:
        return None
    return Decimal(now - before) / Decimal(before)


class RoundRow(NamedTuple):
    """One project as a round showed it; amounts in whole 百元 (a tuple: 100,000 of them
    are made per round)."""

    id: int
    code: str
    name: str
    region: str | None
    light: Light
    month: int | None  # 本月完成 (None: not reported that month)
    ytd: int  # 本年累计完成
    plan: int | None  # 年度计划投资
    lagging: bool  # 滞后 (:func:`lags`)


def lags(ytd: int, plan: int | None, month: int, planned: int | None = None) -> bool:
    """滞后: a plan, and 本年累计 / 年度计划 below 时序进度 — month / 12, or ``planned`` / 年度计划
    where the project has a monthly plan (``planned``: its planned cumulative to the month)."""
    if not plan:
        return False
    if planned is not None:
        return ytd < planned
    return 12 * ytd < month * plan


@dataclass(frozen=True)
class Round:
    """Every project of one period's round, by project id."""

    period: Period
    rows: Mapping[int, RoundRow]
    frozen: bool = False  # read from the closed round's frozen rows


def read_round(store: Store, period: Period, thresholds: LightThresholds | None = None) -> Round:
    """The round of ``period``: frozen when the period is closed and its rows are kept, else
    the ledger's figures for it."""
    frozen = _frozen_rows(store, period, thresholds)
    if frozen is not None:
        return Round(period, frozen, frozen=True)
    return _open_round(period, _named_columns(store, period), store, thresholds)


def _named_columns(store: Store, period: Period) -> list[Sequence[Any]]:
    """The raw rows of an open round (:data:`~.figure_columns.NAMED_SQL`, one statement) as
    columns."""
    rows = store.conn.execute(NAMED_SQL, (period.year, str(period))).fetchall()
    return list(zip(*rows, strict=False)) or [()] * EARLIER


def _read_pair(
    store: Store, earlier: Period, later: Period, thresholds: LightThresholds | None
) -> tuple[Round, Round]:
    """Both rounds: the closed ones from their frozen rows, the open ones by one statement
    each -- or by one for both when they are of the same year (the same list)."""
    frozen = {p: _frozen_rows(store, p, thresholds) for p in (earlier, later)}
    opened = [p for p, rows in frozen.items() if rows is None]
    cols: dict[Period, list[Sequence[Any]]] = {}
    if len(opened) == 2 and earlier.year == later.year:
        raw = store.conn.execute(PAIR_SQL, (later.year, str(later), str(earlier)))
        both = list(zip(*raw.fetchall(), strict=False)) or [()] * (EARLIER + 4)
        cols[later] = both[:EARLIER]
        cols[earlier] = [*both[:LAST], *both[EARLIER:], *both[CUM + 1 : EARLIER]]
    else:
        for p in opened:
            cols[p] = _named_columns(store, p)

    def one(p: Period) -> Round:
        rows = frozen[p]
        if rows is not None:
            return Round(p, rows, frozen=True)
        return _open_round(p, cols[p], store, thresholds)

    return one(earlier), one(later)


_row = partial(tuple.__new__, RoundRow)  # RoundRow of a tuple, without a Python call


def _open_round(
    period: Period,
    cols: Sequence[Sequence[Any]],
    store: Store,
    thresholds: LightThresholds | None,
) -> Round:
    """The round of an open ``period`` from the columns of its raw rows: the figures worked
    out as columns (:func:`~.figure_columns.columns_figures`, the rules of
    :meth:`Store.figure_rows`)."""
    f = columns_figures(cols, period, thresholds, store.monthly_plan_cents(period.year))
    names = zip(
        f.ids, cols[CODE], cols[NAME], cols[REGION], f.lights, f.months, f.ytd, f.plans,
        f.lagging, strict=True,
    )  # fmt: skip
    made = map(_row, names)
    return Round(period, dict(zip(f.ids, made, strict=True)))


#: What a round needs of a closed period's frozen rows (JSON paths, read by SQLite).
FROZEN_PATHS = (
    "$.project.code", "$.project.name", "$.project.region", "$.light", "$.month", "$.ytd",
    "$.project.annual_plan", "$.planned",
)  # fmt: skip


def _frozen_rows(
    store: Store, period: Period, thresholds: LightThresholds | None
) -> dict[int, RoundRow] | None:
    """The frozen rows of a closed ``period`` (:meth:`Store.round_columns`: as the round showed
    them when it was closed, with the thresholds of the close), else None (an open period)."""
    if not store.is_closed(period):
        return None
    out: dict[int, RoundRow] = {}
    m = period.month
    for pid, code, name, region, light, month, ytd, plan, planned in store.round_columns(
        period, FROZEN_PATHS
    ):
        ytd = int(ytd or 0)
        out[pid] = RoundRow(
            pid,
            code or "",
            name or "",
            region,
            Light(light or Light.NONE.value),
            month,
            ytd,
            plan,
            lags(ytd, plan, m, planned),  # as closed: by its monthly plan where it had one
        )
    return out


# ------------------------------------------------------------------------ the comparison
class Pair(NamedTuple):
    """A project of both rounds."""

    before: RoundRow
    after: RoundRow

    @property
    def id(self) -> int:
        return self.after.id

    @property
    def code(self) -> str:
        return self.after.code

    @property
    def name(self) -> str:
        return self.after.name

    @property
    def region(self) -> str | None:
        return self.after.region


class InvestmentLine(NamedTuple):
    """本月完成 of a project of the later round against 上月 and 去年同月 (百元)."""

    row: RoundRow
    month: int | None
    last_month: int | None
    last_year: int | None
    ytd_before: int | None  # 本年累计 in the earlier round (None: not in it)

    @property
    def month_change(self) -> int:
        return (self.month or 0) - (self.last_month or 0)

    @property
    def year_change(self) -> int:
        return (self.month or 0) - (self.last_year or 0)

    @property
    def month_pct(self) -> Decimal | None:
        return change_pct(self.month or 0, self.last_month)

    @property
    def year_pct(self) -> Decimal | None:
        return change_pct(self.month or 0, self.last_year)


@dataclass(frozen=True, slots=True)
class Sums:
    """Counts and amounts of one group of projects in one round (百元)."""

    count: int = 0
    plan: int = 0
    ytd: int = 0
    month: int = 0
    lagging: int = 0
    lights: tuple[int, int, int, int] = (0, 0, 0, 0)  # green, yellow, red, none


@dataclass(frozen=True, slots=True)
class CountyLine:
    """One 县区 in both rounds."""

    region: str | None
    before: Sums
    after: Sums

    @property
    def label(self) -> str:
        return self.region or UNFILLED


@dataclass(frozen=True)
class Comparison:
    """What changed from the ``earlier`` round to the ``later`` one."""

    earlier: Round
    later: Round
    last_month: Period
    last_year: Period
    newly_lagging: tuple[Pair, ...]
    recovered: tuple[Pair, ...]
    light_changes: tuple[Pair, ...]
    plan_changes: tuple[Pair, ...]
    added: tuple[RoundRow, ...]
    removed: tuple[RoundRow, ...]
    investment: tuple[InvestmentLine, ...]
    counties: tuple[CountyLine, ...]
    total_before: Sums
    total_after: Sums

    @property
    def both(self) -> int:
        """Projects in both rounds."""
        return len(self.later.rows) - len(self.added)

    def totals(self) -> dict[str, int]:
        """本月完成, 上月, 去年同月 over the later round's projects (百元)."""
        lines = self.investment
        return {
            "month": sum(x.month or 0 for x in lines),
            "last_month": sum(x.last_month or 0 for x in lines),
            "last_year": sum(x.last_year or 0 for x in lines),
        }

    def counts(self) -> list[tuple[str, int]]:
        """The 概况 lines: what a reader checks first, as (label, count)."""
        return [
            (f"{self.earlier.period.label}项目数", len(self.earlier.rows)),
            (f"{self.later.period.label}项目数", len(self.later.rows)),
            ("两期都有的项目", self.both),
            ("新增滞后", len(self.newly_lagging)),
            ("滞后转正常", len(self.recovered)),
            (f"{self.earlier.period.label}滞后项目", self.total_before.lagging),
            (f"{self.later.period.label}滞后项目", self.total_after.lagging),
            ("状态灯变化", len(self.light_changes)),
            ("年度计划变化", len(self.plan_changes)),
            ("新列入名单", len(self.added)),
            ("移出名单", len(self.removed)),
        ]


_LIGHT_ORDER = (Light.GREEN, Light.YELLOW, Light.RED, Light.NONE)


def compare(
    store: Store,
    earlier: Period,
    later: Period,
    thresholds: LightThresholds | None = None,
) -> Comparison:
    """Compare the rounds of ``earlier`` and ``later`` (any two periods; the later one is the
    round the investment lines and 县区 order follow)."""
    if earlier == later:
        raise ValueError(f"请选择两个不同的期间（都是{later.label}）")
    if later < earlier:
        earlier, later = later, earlier
    with _no_collection():  # 100,000s of tuples made at once: no collection in between
        before, after = _read_pair(store, earlier, later, thresholds)
        last_month, last_year = later.shift(-1), later.shift(-12)
        prev = _month_amounts(store, last_month, (before, after), thresholds)
        year_ago = _month_amounts(store, last_year, (before, after), thresholds)
        order = store.code_names("region")
        return compare_rounds(before, after, prev, year_ago, region_order=order)


@contextmanager
def _no_collection() -> Iterator[None]:
    """The cyclic garbage collector paused (it would walk every tuple made so far, again and
    again, while a comparison of 100,000 projects makes its rows: nothing here is a cycle)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def compare_rounds(
    before: Round,
    after: Round,
    last_month: Mapping[int, int | None] | None = None,
    last_year: Mapping[int, int | None] | None = None,
    *,
    region_order: Iterable[str] = (),
) -> Comparison:
    """The comparison of two rounds already read; ``last_month`` / ``last_year``: 本月完成
    (百元) by project id of the later period's previous month and of its month a year ago."""
    last_month = last_month or {}
    last_year = last_year or {}
    p1 = after.period
    a, b = before.rows, after.rows
    newly: list[Pair] = []
    recovered: list[Pair] = []
    lights: list[Pair] = []
    plans: list[Pair] = []
    added: list[RoundRow] = []
    investment: list[InvestmentLine] = []
    line = partial(tuple.__new__, InvestmentLine)  # of a tuple: no Python call per line
    previous, year_ago, earlier = last_month.get, last_year.get, a.get
    for pid, r1 in b.items():  # one pass: 100,000 projects
        r0 = earlier(pid)
        if r0 is None:
            added.append(r1)
            investment.append(line((r1, r1.month, previous(pid), year_ago(pid), None)))
            continue
        investment.append(line((r1, r1.month, previous(pid), year_ago(pid), r0.ytd)))
        if r0.lagging is not r1.lagging:
            (newly if r1.lagging else recovered).append(Pair(r0, r1))
        if r0.light is not r1.light:
            lights.append(Pair(r0, r1))
        if r0.plan != r1.plan and (r0.plan or 0) != (r1.plan or 0):
            plans.append(Pair(r0, r1))
    removed = [r for pid, r in a.items() if pid not in b]

    def by_code(items: list) -> tuple:
        return tuple(sorted(items, key=lambda x: (x.code, x.id)))

    investment.sort(key=lambda x: (x.row.code, x.row.id))
    counties, total0, total1 = _counties(before, after, list(region_order))
    return Comparison(
        earlier=before,
        later=after,
        last_month=p1.shift(-1),
        last_year=p1.shift(-12),
        newly_lagging=by_code(newly),
        recovered=by_code(recovered),
        light_changes=by_code(lights),
        plan_changes=by_code(plans),
        added=by_code(added),
        removed=by_code(removed),
        investment=tuple(investment),
        counties=counties,
        total_before=total0,
        total_after=total1,
    )


def _sums(rows: Iterable[RoundRow]) -> dict[str | None, Sums]:
    acc: dict[str | None, list[int]] = {}
    index = {light: i for i, light in enumerate(_LIGHT_ORDER)}
    for r in rows:
        s = acc.get(r.region)
        if s is None:
            s = acc[r.region] = [0] * 9
        s[0] += 1
        s[1] += r.plan or 0
        s[2] += r.ytd
        s[3] += r.month or 0
        s[4] += r.lagging
        s[5 + index[r.light]] += 1
    return {k: _sums_of(v) for k, v in acc.items()}


def _sums_of(v: list[int]) -> Sums:
    return Sums(v[0], v[1], v[2], v[3], v[4], (v[5], v[6], v[7], v[8]))


def _total(groups: Iterable[Sums]) -> Sums:
    v = [0] * 9
    for s in groups:
        for i, x in enumerate((s.count, s.plan, s.ytd, s.month, s.lagging, *s.lights)):
            v[i] += x
    return _sums_of(v)


def _counties(
    before: Round, after: Round, order: list[str]
) -> tuple[tuple[CountyLine, ...], Sums, Sums]:
    s0 = _sums(before.rows.values())
    s1 = _sums(after.rows.values())
    regions = [r for r in dict.fromkeys([*s1, *s0]) if r is not None]
    keys = dict(zip(regions, code_keys(regions, order), strict=True))
    regions.sort(key=keys.__getitem__)
    if None in s0 or None in s1:
        regions.append(None)  # type: ignore[arg-type]
    empty = Sums()
    lines = tuple(CountyLine(r, s0.get(r, empty), s1.get(r, empty)) for r in regions)
    return lines, _total(s0.values()), _total(s1.values())


def _month_amounts(
    store: Store,
    period: Period,
    rounds: tuple[Round, ...],
    thresholds: LightThresholds | None,
) -> dict[int, int | None]:
    """本月完成 by project of ``period``: from a round already read when it is one of them,
    else from the closed round's frozen rows, else from the reports of that month."""
    for r in rounds:
        if r.period == period:
            return {pid: row.month for pid, row in r.rows.items()}
    frozen = _frozen_rows(store, period, thresholds)
    if frozen is not None:
        return {pid: row.month for pid, row in frozen.items()}
    return dict(store.each_amount(period))
