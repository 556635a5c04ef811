"""Closed rounds (月度调度 关账): a period presented at the meeting is closed and keeps what
it showed.

Closing a period is one action (after a backup) that writes its ``closed_periods`` row and
one frozen ``round_rows`` row per project of the period's reports: a JSON object with every
value the reports, figures, lights and charts of that period show -- the project's fields as
shown (that year's plan), the month's, the year's and the since-start figures, the light,
the period's report (形象进度, 进展情况, 存在问题 ...), the year's months (the S curve) and
the open problems (问题清单).  A header row (``project_id`` 0, never a project's id) holds
what the reports take from the ledger itself: the code lists' order, the 填报单位 and the
light thresholds in use.

Reads of a closed period go through :class:`FrozenRound`, which answers the read methods the
reports use (``projects``, ``figures``, ``monthly_reports``, ``problems``, ``code_names``,
``office_name`` ...) from the frozen rows, so later plan changes, renames, new projects or
deletions do not change what the round shows.  Writes of a closed period's monthly reports
raise :class:`~.errors.PeriodClosed`; reopening needs a reason, recorded in the history.
"""

from __future__ import annotations

import datetime as dt
import json
import queue
import threading
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from decimal import Decimal
from typing import Any

from ..domain import derived
from ..domain.fields import AMOUNT_FIELDS, PROJECT_FIELD_NAMES
from ..domain.money import from_cents
from ..domain.periods import Period
from .actions import ActionsMixin, now_text
from .errors import PeriodClosed, StoreError
from .models import MonthlyReport, Problem, Project
from .rows import MONTHLY_COLUMNS, monthly_from_row, project_column
from .schema import PERIOD_INDEX_NAME

#: ``round_rows.project_id`` of the round's header row (SQLite ids start at 1).
HEADER_ID = 0
#: Code lists whose order the reports follow (groups, summary buckets, chart order).
CODE_KINDS = ("region", "chain", "sector", "status", "nature", "list")
_PROBLEM_KEYS = ("text", "department", "deadline", "status", "solution", "raised_on", "solved_on")
_REPORT_KEYS = MONTHLY_COLUMNS[2:]  # the period's report without project_id and period
#: The closed periods with their rounds' project counts (:class:`ClosedRound`).
_ROUNDS_SQL = (
    "SELECT c.period, c.closed_at, c.closed_by, c.action_id, "
    "(SELECT count(*) FROM round_rows r WHERE r.period = c.period AND r.project_id > 0) "
    "FROM closed_periods c"
)


@dataclass(frozen=True)
class ClosedRound:
    """One closed period: when, by whom, in which action, how many projects it froze."""

    period: str
    closed_at: str
    closed_by: str
    action_id: int | None
    count: int

    @property
    def label(self) -> str:
        return Period.parse(self.period).label


class RoundsMixin(ActionsMixin):
    """Closing and reopening periods, and reading closed ones, for :class:`~.store.Store`."""

    # ------------------------------------------------------------------- reads
    def closed_periods(self) -> list[str]:
        """The closed periods ('2022-06'), oldest first."""
        return [r[0] for r in self.conn.execute("SELECT period FROM closed_periods ORDER BY 1")]

    def is_closed(self, period: Period | str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM closed_periods WHERE period = ?", (_text(period),)
        ).fetchone()
        return row is not None

    def closed_rounds(self) -> list[ClosedRound]:
        """Every closed period with who closed it, when, and how many projects it holds."""
        rows = self.conn.execute(_ROUNDS_SQL + " ORDER BY c.period").fetchall()
        return [ClosedRound(*r) for r in rows]

    def closed_round(self, period: Period | str) -> ClosedRound | None:
        """The closed round of ``period`` (None when it is open): that row only."""
        row = self.conn.execute(_ROUNDS_SQL + " WHERE c.period = ?", (_text(period),)).fetchone()
        return None if row is None else ClosedRound(*row)

    def frozen_round(self, period: Period | str) -> FrozenRound | None:
        """The closed round of ``period`` as a read-only store (None when it is open)."""
        text = _text(period)
        info = self.closed_round(text)
        if info is None:
            return None
        rows = self.conn.execute(
            "SELECT project_id, row FROM round_rows WHERE period = ? ORDER BY rowid", (text,)
        )
        header: dict[str, Any] = {}
        frozen: list[dict[str, Any]] = []
        for pid, row in rows:
            if pid == HEADER_ID:
                header = json.loads(row)
            else:
                frozen.append(json.loads(row))
        frozen.sort(key=lambda r: r["project"]["code"])  # the reports' order (written by batch)
        return FrozenRound(Period.parse(text), header, frozen, info)

    def round_header(self, period: Period | str) -> dict[str, Any] | None:
        """The header row of a closed ``period`` (code lists' order, 填报单位, thresholds)."""
        row = self.conn.execute(
            "SELECT row FROM round_rows WHERE period = ? AND project_id = ?",
            (_text(period), HEADER_ID),
        ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def round_columns(
        self, period: Period | str, paths: Iterable[str], ids: Iterable[int] | None = None
    ) -> list[tuple[Any, ...]]:
        """Some values of every frozen row of a closed ``period`` (or of the projects ``ids``
        only), as ``(project id, *values)`` in the round's order, read by SQLite (no row
        parsed in Python): ``paths`` are JSON paths such as ``"$.project.code"`` or
        ``"$.light"``; empty for an open period."""
        wanted = list(paths)
        if any("'" in path for path in wanted):
            raise ValueError("a JSON path with a quote")
        columns = "".join(f", row ->> '{path}'" for path in wanted)
        sql = f"SELECT project_id{columns}, row ->> '$.project.code' FROM round_rows "
        if ids is None:
            sql += f"WHERE period = ? AND project_id > {HEADER_ID}"
            rows = self.conn.execute(sql, (_text(period),)).fetchall()
        else:  # one statement, a primary-key seek per id ("+": not a range over the round)
            sql += f"WHERE period = ? AND +project_id > {HEADER_ID} AND "
            rows = self.conn.execute(
                sql + self.engine.ids_filter("project_id"),
                (_text(period), self.engine.ids_param(ids)),
            ).fetchall()
        rows.sort(key=lambda r: r[-1] or "")
        return [r[:-1] for r in rows]

    # ------------------------------------------------------------------ writes
    def close_period(
        self,
        period: Period | str,
        *,
        description: str | None = None,
        thresholds: derived.LightThresholds | None = None,
        backup: bool = True,
    ) -> ClosedRound:
        """Close ``period`` (关账): after a backup, one action writes the closed period and
        its frozen rows.  Refuses a period already closed."""
        p = Period.parse(_text(period))
        text = str(p)
        if (info := self.closed_round(text)) is not None:
            raise StoreError(f"{p.label}已经关账（{info.closed_by}，{info.closed_at}），无需再关")
        if backup:
            from .backup import backup_before

            backup_before(self, f"关账前：{p.label}")  # type: ignore[arg-type]
        t = thresholds or derived.LightThresholds()
        with self.action(description or f"关账：{p.label}月度调度") as action:
            self.conn.execute(
                "INSERT INTO closed_periods (period, closed_at, closed_by, action_id) "
                "VALUES (?, ?, ?, ?)",
                (text, now_text(), self.user, action.id),
            )
            _write_rows(self, p, t)
            (count,) = self.conn.execute(
                "SELECT count(*) FROM round_rows WHERE period = ? AND project_id > 0", (text,)
            ).fetchone()
            self.record_change("closed_periods", None, "period", None, text)
            self.record_change("closed_periods", None, "projects", None, count)
        info = self.closed_round(text)
        assert info is not None
        return info

    def reopen_period(self, period: Period | str, reason: str) -> None:
        """Reopen a closed period (重新开账); ``reason`` is required and goes into the action's
        description and the change history.  The frozen rows are dropped."""
        p = Period.parse(_text(period))
        text = str(p)
        reason = " ".join((reason or "").split())
        if not reason:
            raise StoreError(f"重新开账须写明原因（keyprojects reopen {text} --reason “……”）")
        if not self.is_closed(text):
            raise StoreError(f"{p.label}没有关账，无需重新开账")
        with self.action(f"重新开账：{p.label}（原因：{reason}）"):
            self.conn.execute("DELETE FROM round_rows WHERE period = ?", (text,))
            self.conn.execute("DELETE FROM closed_periods WHERE period = ?", (text,))
            self.record_change("closed_periods", None, "period", text, None)
            self.record_change("closed_periods", None, "reason", None, reason)

    def refuse_closed(self, period: Period | str) -> None:
        """Raise :class:`PeriodClosed` when ``period`` is closed (inside an action the closed
        periods are read once: an import of many reports asks once)."""
        text = _text(period)
        if self.in_action:
            action = self.current_action
            closed = action.__dict__.get("closed_periods")
            if closed is None:
                closed = action.__dict__["closed_periods"] = frozenset(self.closed_periods())
            if text in closed:
                raise PeriodClosed(text)
        elif self.is_closed(text):
            raise PeriodClosed(text)


def _text(period: Period | str) -> str:
    return str(period if isinstance(period, Period) else Period.parse(str(period)))


def _header(store: Any, period: Period, t: derived.LightThresholds) -> dict[str, Any]:
    """What the reports take from the ledger itself, as at the close."""
    return {
        "period": str(period),
        "thresholds": {
            "yellow_points": str(t.yellow_points),
            "red_points": str(t.red_points),
            "start_overdue_months": t.start_overdue_months,
        },
        "office_name": store.office_name(),
        "code_names": {kind: store.code_names(kind) for kind in CODE_KINDS},
    }


#: Projects per batch of the round's rows (by id: ``id // BATCH``): the writer stores one
#: batch while the figures of the next are worked out in the other thread.
BATCH = 4096


def _figure_batches(
    store: Any, period: Period, t: derived.LightThresholds, expected: dict[int, int]
) -> Iterator[tuple[int, str]]:
    """The figures of every project by :meth:`Store.figure_rows` (the store's own rules for
    lights and running sums) with its 截至本月计划累计 (None without a monthly plan), as
    ``(batch, JSON [[id, light, 本月完成, 本年累计, 开工以来累计, reported, planned], ...])``,
    each batch as soon as all ``expected[batch]`` projects of it are seen (the rest at the
    end)."""
    plans = store.monthly_plan_cents(period.year)
    cumulative = derived.planned_cumulative
    month_of = period.month
    left = dict(expected)
    pending: dict[int, list[list[Any]]] = {}
    dumps = json.JSONEncoder(separators=(",", ":")).encode
    for pid, light, month, ytd, cum, _plan, _total, reported in store.figure_rows(
        period, t, plans=plans
    ):
        batch = pid // BATCH
        rows = pending.setdefault(batch, [])
        rows.append(
            [
                pid,
                light.value,
                month,
                ytd,
                cum,
                1 if reported else 0,
                cumulative(plans[pid], month_of) if pid in plans else None,
            ]
        )
        left[batch] = left.get(batch, 0) - 1
        if left[batch] == 0:
            yield batch, dumps(pending.pop(batch))
    for batch, rows in pending.items():
        yield batch, dumps(rows)


def _months_json(store: Any, period: Period, batch: int) -> str:
    """``[[id, [本月完成 of January .. the period's month]], ...]`` (百元, null where no amount)
    of the projects of one batch, from the covering period index (period, project_id,
    month_investment): one index range per month (the planner, left alone, takes the
    (project_id, period) index and reads every report row: 2.5 times slower)."""
    months = period.year_months()
    sums = ", ".join(f"sum(month_investment) FILTER (WHERE period = '{p}')" for p in months)
    (text,) = store.conn.execute(
        "SELECT json_group_array(json_array(project_id, json(months))) FROM ("
        f"SELECT project_id, json_array({sums}) AS months "
        f"FROM monthly_reports INDEXED BY {PERIOD_INDEX_NAME} "
        f"WHERE period IN ({', '.join('?' * len(months))}) AND project_id >= ? "
        "AND project_id < ? AND month_investment IS NOT NULL GROUP BY project_id)",
        (*map(str, months), batch * BATCH, (batch + 1) * BATCH),
    ).fetchone()
    return str(text)


def _batches(
    store: Any, period: Period, t: derived.LightThresholds, expected: dict[int, int]
) -> Iterator[tuple[int, str, str]]:
    """:func:`_figure_batches` with each batch's months (:func:`_months_json`)."""
    for batch, figures in _figure_batches(store, period, t, expected):
        yield batch, figures, _months_json(store, period, batch)


class _FiguresThread(threading.Thread):
    """:func:`_figure_batches` on a reader of its own, handed to the writer batch by batch:
    the figures are Python, the writer's statements SQLite (which lets this thread run)."""

    def __init__(
        self, store: Any, period: Period, t: derived.LightThresholds, expected: dict[int, int]
    ) -> None:
        super().__init__(name="round-figures", daemon=True)
        self.store, self.period, self.t, self.expected = store, period, t, expected
        self.batches: queue.SimpleQueue[tuple[int, str, str] | BaseException | None] = (
            queue.SimpleQueue()
        )

    def run(self) -> None:
        try:
            reader = type(self.store).open_reader(self.store.path, user=self.store.user)
        except Exception:  # no second connection (a ledger in memory): the writer does it
            self.batches.put(None)
            return
        try:
            for item in _batches(reader, self.period, self.t, self.expected):
                self.batches.put(item)
            self.batches.put(None)
        except BaseException as exc:  # handed to the writer
            self.batches.put(exc)
        finally:
            reader.close()

    def each(self) -> Iterator[tuple[int, str, str]]:
        """The batches as they come; the writer's own reading when the thread had no reader."""
        seen = False
        while (item := self.batches.get()) is not None:
            if isinstance(item, BaseException):
                self.join()
                raise item
            seen = True
            yield item
        self.join()
        if not seen and self.expected:
            yield from _batches(self.store, self.period, self.t, self.expected)


def _write_rows(store: Any, period: Period, t: derived.LightThresholds) -> None:
    """Write the round's rows: the header, then one per project of the period's list, each a
    JSON object built by SQLite from the tables, the year's months and the figures -- a batch
    of projects per statement, while the other thread works out the next batch's figures and
    months on a reader of its own."""
    conn, text = store.conn, str(period)
    expected = dict(
        conn.execute(
            "SELECT p.id / ?, count(*) FROM projects p JOIN project_years y "
            "ON y.project_id = p.id AND y.year = ? AND y.on_list = 1 GROUP BY 1",
            (BATCH, period.year),
        ).fetchall()
    )
    figures = _FiguresThread(store, period, t, expected)
    figures.start()
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    conn.execute(
        "INSERT INTO round_rows (period, project_id, row) VALUES (?, ?, ?)",
        (text, HEADER_ID, dumps(_header(store, period, t))),
    )
    for sql in (
        "CREATE TEMP TABLE IF NOT EXISTS round_figures (id INTEGER PRIMARY KEY, light TEXT, "
        "month INTEGER, ytd INTEGER, cum INTEGER, reported INTEGER, planned INTEGER)",
        "CREATE TEMP TABLE IF NOT EXISTS round_months (id INTEGER PRIMARY KEY, months TEXT)",
        "DELETE FROM temp.round_figures",
        "DELETE FROM temp.round_months",
    ):
        conn.execute(sql)

    def column(name: str) -> str:  # the year's values (project_years) of the year's list
        sql = project_column(name)
        return f"json({sql})" if name == "lists" else sql

    project = ", ".join(f"'{name}', {column(name)}" for name in PROJECT_FIELD_NAMES)
    report = ", ".join(f"'{k}', m.{k}" for k in _REPORT_KEYS)
    problem = ", ".join(f"'{k}', q.{k}" for k in ("id", *_PROBLEM_KEYS))
    insert = (
        "INSERT INTO round_rows (period, project_id, row) "
        "SELECT ?1, p.id, json_object("
        "'id', p.id, "
        "'is_sample', json(CASE WHEN p.is_sample THEN 'true' ELSE 'false' END), "
        f"'project', json_object({project}), "
        "'light', coalesce(f.light, 'none'), 'month', f.month, "
        "'ytd', coalesce(f.ytd, 0), 'cum', coalesce(f.cum, 0), "
        "'reported', json(CASE WHEN f.reported THEN 'true' ELSE 'false' END), "
        "'planned', f.planned, "
        "'months', json(mo.months), "
        f"'report', CASE WHEN m.id IS NULL THEN NULL ELSE json_object({report}) END, "
        f"'problems', (SELECT json_group_array(json_object({problem})) FROM "
        "(SELECT * FROM problems q WHERE q.project_id = p.id AND q.status = 'open' "
        "ORDER BY q.id) q)) "
        "FROM projects p "
        "CROSS JOIN project_years y ON y.project_id = p.id AND y.year = ?2 AND y.on_list = 1 "
        "LEFT JOIN temp.round_figures f ON f.id = p.id "
        "LEFT JOIN temp.round_months mo ON mo.id = p.id "
        "LEFT JOIN monthly_reports m ON m.project_id = p.id AND m.period = ?1 "
        "WHERE p.id >= ?3 AND p.id < ?4"
    )
    for batch, rows, months in figures.each():
        conn.execute(
            "INSERT INTO temp.round_figures SELECT value ->> 0, value ->> 1, value ->> 2, "
            "value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(?)",
            (rows,),
        )
        conn.execute(
            "INSERT INTO temp.round_months SELECT value ->> 0, value ->> 1 FROM json_each(?)",
            (months,),
        )
        conn.execute(insert, (text, period.year, batch * BATCH, (batch + 1) * BATCH))
    conn.execute("DELETE FROM temp.round_figures")
    conn.execute("DELETE FROM temp.round_months")


class FrozenRound:
    """A closed round read as a store: the read methods the reports and views use, answered
    from the frozen rows (amounts as the store gives them).  Writes are not offered."""

    def __init__(
        self,
        period: Period,
        header: dict[str, Any],
        rows: list[dict[str, Any]],
        info: ClosedRound | None,
    ) -> None:
        self.period = period
        self.header = header
        self.rows = rows
        self.info = info
        self.thresholds = header_thresholds(header)
        self._projects: list[Project] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def closed_on(self) -> dt.date:
        """The day the round was closed (the 截止日期 of its 台账 and 问题清单)."""
        if self.info is None:  # pragma: no cover - read between a close and its commit
            return dt.date.today()
        return dt.date.fromisoformat(self.info.closed_at[:10])

    # ---------------------------------------------------------------- projects
    def projects(self, *_: Any, **__: Any) -> list[Project]:
        """The round's projects as they were shown, in the round's order."""
        if self._projects is None:
            known = {f.name for f in fields(Project)}
            extra = {"year": self.period.year, "on_list": True}
            extra = {k: v for k, v in extra.items() if k in known}
            out = []
            for r in self.rows:
                values = {name: r["project"].get(name) for name in PROJECT_FIELD_NAMES}
                for name in AMOUNT_FIELDS:
                    values[name] = from_cents(values[name])
                lists = values["lists"]
                values["lists"] = json.loads(lists) if isinstance(lists, str) else list(lists or [])
                out.append(Project(**values, id=r["id"], is_sample=r["is_sample"], **extra))
            self._projects = out
        return list(self._projects)

    def project_rows(self, *_: Any, **__: Any) -> list[tuple[Any, ...]]:
        """The rows of :meth:`Store.project_rows` (version 0)."""
        names = PROJECT_FIELD_NAMES
        return [(r["id"], 0, "", *(r["project"].get(n) for n in names)) for r in self.rows]

    def figures(
        self,
        period: Period | None = None,
        thresholds: derived.LightThresholds | None = None,
        project_ids: Iterable[int] | None = None,
    ) -> dict[int, derived.ProjectFigures]:
        """The figures as they were at the close (the thresholds of the close)."""
        wanted = None if project_ids is None else set(project_ids)
        share = derived.time_progress(self.period)
        make = derived.figures_from_cents
        out = {}
        for r in self.rows:
            if wanted is not None and r["id"] not in wanted:
                continue
            plan = r["project"].get("annual_plan")
            planned = r.get("planned")
            own = Decimal(planned) / plan if planned is not None and plan else share
            out[r["id"]] = make(
                self.period,
                r["month"],
                r["ytd"],
                r["cum"],
                plan,
                r["project"].get("total_investment"),
                derived.Light(r["light"]),
                r["reported"],
                own,
            )
        return out

    def monthly_plan_cents(self, year: int | None = None) -> dict[int, dict[int, int]]:
        """The projects that had a monthly plan (月度计划分解) at the close, with their planned
        cumulative for the round's month (what the reports' notes count)."""
        month = self.period.month
        return {r["id"]: {month: r["planned"]} for r in self.rows if r.get("planned") is not None}

    def monthly_reports(self, period: Period | str | None = None) -> dict[int, MonthlyReport]:
        text = str(self.period)
        return {
            r["id"]: monthly_from_row((r["id"], text, *(r["report"].get(k) for k in _REPORT_KEYS)))
            for r in self.rows
            if r["report"] is not None
        }

    def problems(
        self, *, project_id: int | None = None, status: str | None = None
    ) -> list[Problem]:
        """The problems open at the close (the only ones the round kept)."""
        if status not in (None, "open"):
            return []
        out = []
        for r in self.rows:
            if project_id is not None and r["id"] != project_id:
                continue
            for q in r["problems"] or ():
                values = {k: q.get(k) for k in _PROBLEM_KEYS}
                out.append(Problem(r["id"], id=q.get("id"), **values))
        return out

    def each_amount(self, period: Period | str) -> list[tuple[int, int]]:
        """``(project id, 本月完成 百元)`` of one month of the round's year up to the round, as
        :meth:`Store.each_amount` (the charts)."""
        p = period if isinstance(period, Period) else Period.parse(str(period))
        if p.year != self.period.year or p > self.period:
            return []
        i = p.month - 1
        return [
            (r["id"], r["months"][i])
            for r in self.rows
            if r["months"] and r["months"][i] is not None
        ]

    def lights(self) -> list[str]:
        return [r["light"] for r in self.rows]

    # ----------------------------------------------------------- ledger-wide
    def code_names(self, kind: str) -> list[str]:
        return list((self.header.get("code_names") or {}).get(kind, []))

    def office_name(self) -> str | None:
        return self.header.get("office_name")

    def default_period(self) -> Period:
        return self.period

    def is_closed(self, period: Period | str) -> bool:
        return _text(period) == str(self.period)


def header_thresholds(header: dict[str, Any]) -> derived.LightThresholds:
    """The light thresholds a round was closed with (its header row)."""
    t = header.get("thresholds") or {}
    return derived.LightThresholds(
        Decimal(t.get("yellow_points", "10")),
        Decimal(t.get("red_points", "30")),
        int(t.get("start_overdue_months", 3)),
    )


def round_info_json(info: ClosedRound) -> dict[str, Any]:
    """A closed round as plain values (``keyprojects rounds --json``)."""
    return asdict(info)


__all__ = ["HEADER_ID", "ClosedRound", "FrozenRound", "RoundsMixin"]
