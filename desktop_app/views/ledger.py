"""Compact data behind the ledger table and the monthly grid (no Qt: safe in a worker thread).

Large ledgers hold 100,000 projects, so rows stay raw tuples from :meth:`Store.project_rows`
and the derived figures of a period become one small tuple per row.  Rows are read a batch
at a time and values that repeat across projects (code lists, leaders, units, months) are
kept once; the search keys live in one UTF-8 buffer (:class:`SearchKeys`), not in the rows.
The rows of 100,000 projects take about a third of the memory of the raw query result.
"""

from __future__ import annotations

import json
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate, islice

from ..domain import collation, derived
from ..domain.fields import PROJECT_FIELD_NAMES
from ..domain.periods import Period
from ..store import Store

#: Index of each ledger field in a row tuple of Store.project_rows().
ROW_ID, ROW_VERSION, ROW_KEY = 0, 1, 2
FIELD_INDEX = {name: 3 + i for i, name in enumerate(PROJECT_FIELD_NAMES)}

#: A figures tuple: (light value, 本月完成 百元 or None, 本年累计 百元, 完成率 float or None, 已上报)
Figs = tuple[str, int | None, int, float | None, bool]
NO_FIGS: Figs = (derived.Light.NONE.value, None, 0, None, False)


def _cents(value: Decimal | None) -> int | None:
    return None if value is None else int(value * 100)


def figs_of(f: derived.ProjectFigures) -> Figs:
    """The compact figures tuple of one project."""
    rate = None if f.annual_rate is None else float(f.annual_rate)
    return (f.light.value, _cents(f.month), int(f.ytd * 100), rate, f.reported)


class SearchKeys:
    """Every row's search key in one UTF-8 buffer, each followed by a line break (keys hold
    no white space), and where each key starts.  Finding the rows whose key contains a text
    is one C-speed ``find`` walk over the buffer, jumping to the next row after each hit; the
    keys of 100,000 projects take ~27 MB instead of ~85 MB as strings plus a joined copy.

    Never changed in place (a worker thread may be reading it): edits make a new one.
    UTF-8 is self-synchronising, so a byte match of a whole encoded text is a text match.
    """

    __slots__ = ("_buf", "_starts")

    def __init__(self, buf: bytes | bytearray = b"", starts: Sequence[int] = (0,)) -> None:
        self._buf = buf
        self._starts = starts if isinstance(starts, array) else array("q", starts)  # n + 1

    @classmethod
    def of(cls, keys: Iterable[str]) -> SearchKeys:
        builder = _KeyBuilder()
        builder.add(keys)
        return builder.done()

    def __len__(self) -> int:
        return len(self._starts) - 1

    def key(self, row: int) -> str:
        """One row's key."""
        return self._buf[self._starts[row] : self._starts[row + 1] - 1].decode()

    def __iter__(self) -> Iterator[str]:
        return (self.key(i) for i in range(len(self)))

    def matching(self, needle: str) -> list[int]:
        """The rows whose key contains ``needle`` (a normalised query), in row order."""
        if not needle:
            return list(range(len(self)))
        text = needle.encode()
        if b"\n" in text:
            return []
        hits: list[int] = []
        find, starts, n = self._buf.find, self._starts, len(self)
        pos = find(text)
        while pos >= 0:
            row = bisect_right(starts, pos) - 1
            hits.append(row)
            if row + 1 >= n:
                break
            pos = find(text, starts[row + 1])
        return hits

    def among(self, needle: str, rows: Iterable[int]) -> list[int]:
        """Those of ``rows`` whose key contains ``needle``, in the given order."""
        text = needle.encode()
        find, starts = self._buf.find, self._starts
        return [i for i in rows if find(text, starts[i], starts[i + 1]) >= 0]

    def rebuilt(self, keep: Sequence[int], new: Mapping[int, str]) -> SearchKeys:
        """The keys after an edit: row ``j`` keeps the key of old row ``keep[j]`` unless
        ``new`` gives it one; rows from ``len(keep)`` on are added, with keys from ``new``.
        Runs of consecutive old rows are copied as one slice of the buffer."""
        runs = _runs(keep)  # (new position, old row, length)
        builder = _KeyBuilder()
        buf, starts = memoryview(self._buf), self._starts

        def copy(first: int, end: int) -> None:  # new positions [first, end) of old rows
            for at, old, length in runs:
                a, b = max(first, at), min(end, at + length)
                if a < b:
                    lo, hi = old + a - at, old + b - at
                    builder.add_raw(buf[starts[lo] : starts[hi]], starts, lo, hi)

        done, n = 0, len(keep)
        for at in sorted(p for p in new if p < n):
            copy(done, at)
            builder.add((new[at],))
            done = at + 1
        copy(done, n)
        builder.add(new[p] for p in range(n, n + sum(1 for p in new if p >= n)))
        return builder.done()


def _runs(keep: Sequence[int]) -> list[tuple[int, int, int]]:
    """``keep`` as runs of consecutive old rows: (new position, first old row, length)."""
    if isinstance(keep, range) and keep.step == 1:
        return [(0, keep.start, len(keep))] if len(keep) else []
    runs: list[tuple[int, int, int]] = []
    at = 0
    for j, old in enumerate(keep):
        if j and old != keep[j - 1] + 1:
            runs.append((at, keep[at], j - at))
            at = j
    if len(keep):
        runs.append((at, keep[at], len(keep) - at))
    return runs


class _KeyBuilder:
    """Appends keys to a growing buffer (one list of starts, no per-key objects kept)."""

    def __init__(self) -> None:
        self.buf = bytearray()
        self.starts = array("q", [0])

    def add(self, keys: Iterable[str]) -> None:
        encoded = [(k or "").encode() + b"\n" for k in keys]
        ends = accumulate((len(e) for e in encoded), initial=self.starts[-1])
        next(ends)  # the first key starts where the buffer ends now: listed already
        self.starts.extend(ends)
        self.buf += b"".join(encoded)

    def add_raw(self, chunk: memoryview, starts: Sequence[int], first: int, end: int) -> None:
        shift = self.starts[-1] - starts[first]
        moved = starts[first + 1 : end + 1]
        self.starts.extend(map(shift.__add__, moved) if shift else moved)  # C-speed loops
        self.buf += chunk

    def done(self) -> SearchKeys:
        return SearchKeys(self.buf, self.starts)


@dataclass
class LedgerData:
    """Everything the ledger table shows for one period."""

    period: Period
    rows: list[tuple] = field(default_factory=list)  # search key slot: None (see keys)
    figs: list[Figs] = field(default_factory=list)  # aligned with rows
    keys: SearchKeys | None = None  # the rows' search keys
    index: RowIndex | None = None
    thresholds: derived.LightThresholds | None = None  # those of the lights in ``figs``
    action_count: int | None = None  # Store.action_count() when the rows were read


#: Fields whose values repeat across projects: each distinct value is kept once.
SHARED_FIELDS = (
    "owner",
    "region",
    "sector",
    "chain",
    "nature",
    "lists",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "status",
    "leader",
    "department",
    "secretary",
    "problems",
    "measures",
    "source",
)
_SHARED_COLUMNS = tuple(FIELD_INDEX[name] for name in SHARED_FIELDS)
_BATCH = 4096


def compact_rows(rows: Iterable[tuple]) -> tuple[list[tuple], SearchKeys]:
    """The rows as a list, read a batch at a time, with one string object per distinct value
    of the :data:`SHARED_FIELDS`, and their search keys apart (the rows' key slot is None)."""
    memo: dict[object, object] = {}
    share = memo.setdefault
    out: list[tuple] = []
    keys = _KeyBuilder()
    it = iter(rows)
    nothing = (None,) * _BATCH
    while batch := list(islice(it, _BATCH)):
        columns = list(zip(*batch, strict=True))
        del batch
        for c in _SHARED_COLUMNS:
            values = columns[c]
            columns[c] = tuple(map(share, values, values))
        keys.add(columns[ROW_KEY])
        columns[ROW_KEY] = nothing[: len(columns[ROW_KEY])]
        out.extend(zip(*columns, strict=True))
    return out, keys.done()


def without_key(row: tuple) -> tuple:
    """A :meth:`Store.project_rows` tuple as the table keeps it (search key slot None)."""
    return (*row[:ROW_KEY], None, *row[ROW_KEY + 1 :])


def field_sort_values(
    rows: Sequence[tuple], field: str, kind: str, codes: Sequence[str] = ()
) -> list:
    """What each row is sorted by on ``field`` (None or "": blank, sorted last): Chinese text
    by pinyin, its digits one by one as Excel does (:mod:`~..domain.collation`), code-list
    values (县区, 状态, 性质 …) in the order of their code list ``codes``, 项目清单 item by item
    in that order, amounts as numbers, dates as their ISO text (which sorts as the dates do)."""
    col = FIELD_INDEX[field]
    values = [r[col] for r in rows]
    if kind in ("text", "longtext"):
        return collation.sort_keys(values)
    if kind == "code":
        return collation.code_keys(values, codes)
    if kind == "codes":
        memo: dict[str, str | None] = {}
        out: list[str | None] = []
        for raw in values:
            key = memo.get(raw, "") if raw else None
            if key == "":
                items = json.loads(raw) if raw and raw != "[]" else []
                key = memo[raw] = collation.code_list_key(items, codes) if items else None
            out.append(key)
        return out
    return values


def warm_name_sort(rows: Sequence[tuple]) -> Callable[[], object]:
    """Work that makes the first sort by 项目名称 fast, to run off the interface thread once a
    large ledger is on screen: the pinyin tables and each name's key are worked out then
    (≈ 250 ms at 100k) instead of inside the clerk's first click on the header.  The names
    are taken now (the table may re-sort ``rows`` meanwhile)."""
    col = FIELD_INDEX["name"]
    names = [r[col] for r in rows]
    return lambda: collation.sort_keys(names)


#: Fields whose distinct values the filter drop-downs offer.
DISTINCT_FIELDS = ("region", "sector", "chain", "status", "nature", "leader", "department")


@dataclass
class RowIndex:
    """Lookups over the rows, built once off the interface thread: where each project is,
    its amounts as plain lists (fast sums) and the values each filter field takes."""

    pos: dict[int, int]
    totals: list[int]
    plans: list[int]
    distinct: dict[str, set[str]]

    @classmethod
    def of(cls, rows: list[tuple]) -> RowIndex:
        ti, ap = FIELD_INDEX["total_investment"], FIELD_INDEX["annual_plan"]
        distinct = {}
        for name in DISTINCT_FIELDS:
            col = FIELD_INDEX[name]
            values = {r[col] for r in rows}
            values.discard(None)
            distinct[name] = values
        return cls(
            {r[ROW_ID]: i for i, r in enumerate(rows)},
            [r[ti] or 0 for r in rows],
            [r[ap] or 0 for r in rows],
            distinct,
        )

    def put(self, at: int, row: tuple) -> None:
        """Take in a changed (or appended, ``at == len``) row."""
        ti, ap = FIELD_INDEX["total_investment"], FIELD_INDEX["annual_plan"]
        self.pos[row[ROW_ID]] = at
        if at == len(self.totals):
            self.totals.append(0)
            self.plans.append(0)
        self.totals[at] = row[ti] or 0
        self.plans[at] = row[ap] or 0
        for name in DISTINCT_FIELDS:
            value = row[FIELD_INDEX[name]]
            if value is not None:
                self.distinct[name].add(value)


def load_ledger(
    store: Store, period: Period, thresholds: derived.LightThresholds | None = None
) -> LedgerData:
    """Rows and figures of every project (seconds on 100,000 projects: run in a worker):
    年度计划投资, 建设性质 and 项目清单 those of the period's year; the figures of the projects
    on that year's list (the others have none)."""
    count = store.action_count()  # before the rows: rows at least this new
    rows, keys = compact_rows(store.each_project_row(period.year))
    index = RowIndex.of(rows)
    figs = load_figs(store, period, thresholds, index.pos, len(rows))
    t = thresholds or store.light_thresholds()
    return LedgerData(period, rows, figs, keys, index, t, count)


def load_figs(
    store: Store,
    period: Period,
    thresholds: derived.LightThresholds | None,
    pos: dict[int, int],
    n: int,
) -> list[Figs]:
    """The figures tuple of every row (``pos``: project id → row), the same values as
    :func:`figs_of` over :meth:`Store.figures`, without a ProjectFigures per project.  A
    closed period's are those it was closed with (its frozen rows), as its reports show."""
    figs = [NO_FIGS] * n
    if store.is_closed(period):
        for pid, frozen in frozen_figs(store, period).items():
            at = pos.get(pid)
            if at is not None:  # a project deleted since the close is not in the table
                figs[at] = frozen
        return figs
    for pid, light, month_c, ytd_c, _cum, plan_c, _total, reported in store.figure_rows(
        period, thresholds
    ):
        at = pos.get(pid)
        if at is not None:
            rate = float(Decimal(ytd_c) / Decimal(plan_c)) if plan_c else None
            figs[at] = (light.value, month_c, ytd_c, rate, reported)
    return figs


def frozen_figs(store: Store, period: Period, ids: Iterable[int] | None = None) -> dict[int, Figs]:
    """The figures tuples a closed ``period`` was closed with (of ``ids`` only, if given),
    by project id: what its reports and dashboard show, whatever changed since."""
    paths = ("$.light", "$.month", "$.ytd", "$.project.annual_plan", "$.reported")
    out: dict[int, Figs] = {}
    for pid, light, month_c, ytd_c, plan_c, reported in store.round_columns(period, paths, ids):
        rate = float(Decimal(ytd_c) / Decimal(plan_c)) if plan_c and ytd_c is not None else None
        out[pid] = (light, month_c, ytd_c or 0, rate, bool(reported))
    return out


def changed_figs(
    store: Store,
    ids: Iterable[int],
    period: Period,
    thresholds: derived.LightThresholds | None = None,
) -> dict[int, Figs]:
    """The figures tuples of the projects ``ids`` after an edit: a closed period's frozen
    ones (a project added since has none), else worked out afresh — the projects off the
    period's year's list have none (as :func:`load_ledger` gives them)."""
    ids = list(ids)
    if store.is_closed(period):
        frozen = frozen_figs(store, period, ids)
        return {pid: frozen.get(pid, NO_FIGS) for pid in ids}
    listed = store.listed_ids(period.year, ids)  # one query for all of them
    return {
        pid: figs_of(project_figures(store, pid, period, thresholds)) if pid in listed else NO_FIGS
        for pid in ids
    }


def project_figures(
    store: Store,
    project_id: int,
    period: Period,
    thresholds: derived.LightThresholds | None = None,
) -> derived.ProjectFigures:
    """The figures of one project, from its own reports (fast on any ledger size): with the
    plan of the period's year and, where it has one, its monthly plan (序时进度)."""
    project = store.get_project(project_id, period.year)
    monthly = {
        Period.parse(r.period): r.month_investment for r in store.project_monthly(project_id)
    }
    plan = {
        int(p[5:7]): amount for p, amount in store.monthly_plan(project_id, period.year).items()
    }
    return derived.project_figures(
        monthly,
        period,
        annual_plan=project.annual_plan,
        total_investment=project.total_investment,
        planned_start=project.planned_start,
        actual_start=project.actual_start,
        status=project.status,
        thresholds=thresholds,
        monthly_plan=plan or None,
    )


#: Index of each field in a report tuple of Store.monthly_rows() (本月完成投资 in 百元).
MONTHLY_INDEX = {name: i for i, name in enumerate(Store.MONTHLY_ROW_COLUMNS)}


@dataclass
class MonthlyData:
    """Which projects reported in one period, and the report tuples read so far.

    Only the project ids come up front (one index scan, ~50 ms on 100,000 projects); the grid
    reads the tuples of the rows it shows, a batch at a time, with :func:`fetch_reports`.
    The grid's figures are the ledger's own (same period), never computed twice."""

    period: Period
    present: set[int]
    reports: dict[int, tuple] = field(default_factory=dict)  # project id → report tuple
    unlisted: set[int] = field(default_factory=set)  # not on the year's list: not shown
    #: Reports a unit's return brought, not reviewed yet: 'pending' (待审核) or 'returned'.
    unreviewed: dict[int, str] = field(default_factory=dict)


def load_monthly(store: Store, period: Period) -> MonthlyData:
    """The projects that reported in ``period`` (their reports are read when shown), and
    those off the list of its year (the grid leaves them out)."""
    return MonthlyData(
        period,
        store.reported_ids(period),
        unlisted=store.unlisted_ids(period.year),
        unreviewed=store.unreviewed(period),
    )


def fetch_reports(store: Store, data: MonthlyData, project_ids: Iterable[int]) -> None:
    """Read the report tuples of these projects into ``data`` (those not read yet)."""
    wanted = [p for p in project_ids if p in data.present and p not in data.reports]
    if not wanted:
        return
    fresh = store.monthly_rows(data.period, wanted)
    data.reports.update(fresh)
    data.present.difference_update(p for p in wanted if p not in fresh)


def refresh_monthly(store: Store, data: MonthlyData, project_ids: Iterable[int]) -> None:
    """Reload the reports of a few projects into ``data`` (and whether they wait for review:
    a staff edit makes a unit's report reviewed)."""
    ids = list(project_ids)
    fresh = store.monthly_rows(data.period, ids)
    if ids:
        waiting = store.unreviewed(data.period, ids)  # only the edited ones: a save's path
        for pid in ids:
            if pid in waiting:
                data.unreviewed[pid] = waiting[pid]
            else:
                data.unreviewed.pop(pid, None)
    for pid in ids:
        row = fresh.get(pid)
        if row is None:
            data.reports.pop(pid, None)
            data.present.discard(pid)
        else:
            data.reports[pid] = row
            data.present.add(pid)
