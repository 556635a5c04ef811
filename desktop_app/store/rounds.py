"""Closed rounds (月度调度 关账): a period presented at the meeting is closed and keeps what
it showed.

Closing a period is one action (after a backup) that writes its ``closed_periods`` row and
copies everything the reports, figures, lights and charts of that period show: each project
of the period's list as shown (that year's plan ...) into ``round_projects``, the period's
reports (形象进度, 进展情况, 存在问题 ...) into ``round_reports``, the open problems (问题清单)
into ``round_problems`` -- column for column, by SQLite (schema v7) -- and into
``round_rows`` a few JSON rows: the header (``project_id`` 0: what the reports take from the
ledger itself, the code lists' order, the 填报单位 and the light thresholds in use), the
figures of every project (:data:`FIGURES_ID`: light, 本月完成, 本年累计, 开工以来累计, reported,
截至本月计划累计, columnar) and each month's 本月完成 of the year up to the period
(:data:`MONTH_ID` − month: the S curve and the charts).

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

from ..collector import collector_paused
from ..domain import derived
from ..domain.fields import AMOUNT_FIELDS, PROJECT_FIELD_NAMES
from ..domain.money import from_cents
from ..domain.periods import Period
from .actions import ActionsMixin, now_text
from .errors import PeriodClosed, StoreError
from .figure_columns import COLUMNS_SQL, figure_columns
from .models import MonthlyReport, Problem, Project
from .reviews import PendingReviews
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
    "(SELECT count(*) FROM round_projects r WHERE r.period = c.period) "
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
        with collector_paused():  # 100,000s of dicts at once: no collection in between
            return self._frozen_round(text, info)

    def _frozen_round(self, text: str, info: ClosedRound) -> FrozenRound:
        header = self.round_header(text) or {}
        reports = {
            r[0]: dict(zip(_REPORT_KEYS, r[1:], strict=True))
            for r in self.conn.execute(
                f"SELECT project_id, {', '.join(_REPORT_KEYS)} FROM round_reports WHERE period = ?",
                (text,),
            )
        }
        problems: dict[int, list[dict[str, Any]]] = {}
        for r in self.conn.execute(
            f"SELECT project_id, {', '.join(('id', *_PROBLEM_KEYS))} FROM round_problems "
            "WHERE period = ? ORDER BY id",
            (text,),
        ):
            problems.setdefault(r[0], []).append(
                dict(zip(("id", *_PROBLEM_KEYS), r[1:], strict=True))
            )
        figures = self._round_figures(text)
        columns = zip(*(figures[k] for k in FIGURE_KEYS), strict=True)
        kept = dict(zip(figures["id"], columns, strict=True))
        missing = (None,) * len(FIGURE_KEYS)
        lists: dict[Any, list[str]] = {}  # a few distinct 项目清单 texts: each parsed once
        frozen: list[dict[str, Any]] = []
        for r in self.conn.execute(
            f"SELECT project_id, is_sample, {', '.join(PROJECT_FIELD_NAMES)} "
            "FROM round_projects WHERE period = ? ORDER BY code, project_id",
            (text,),
        ):
            pid = r[0]
            project = dict(zip(PROJECT_FIELD_NAMES, r[2:], strict=True))
            listed = project["lists"]
            if listed not in lists:
                lists[listed] = _lists(listed)
            project["lists"] = list(lists[listed])
            row: dict[str, Any] = {
                "id": pid,
                "is_sample": bool(r[1]),
                "project": project,
                "report": reports.get(pid),
                "problems": problems.get(pid, []),
            }
            row.update(zip(FIGURE_KEYS, kept.get(pid, missing), strict=True))
            frozen.append(row)
        return FrozenRound(Period.parse(text), header, frozen, info, self.round_amounts(text))

    def _round_figures(self, text: str) -> dict[str, list[Any]]:
        """The :data:`FIGURES_ID` row of a closed period (columns by key; empty when none)."""
        row = self.conn.execute(
            "SELECT row FROM round_rows WHERE period = ? AND project_id = ?", (text, FIGURES_ID)
        ).fetchone()
        values = json.loads(row[0]) if row else {}
        return {key: list(values.get(key) or ()) for key in ("id", *FIGURE_KEYS)}

    def round_amounts(self, period: Period | str) -> dict[int, list[tuple[int, int]]]:
        """``{month: [(project id, 本月完成 百元), ...]}`` of the months of a closed period's
        year up to it, as the round kept them (the S curve, the charts); empty when open."""
        out: dict[int, list[tuple[int, int]]] = {}
        for pid, row in self.conn.execute(
            "SELECT project_id, row FROM round_rows WHERE period = ? AND project_id < ? "
            "AND project_id >= ?",
            (_text(period), MONTH_ID, MONTH_ID - 12),
        ):
            values = json.loads(row)
            out[MONTH_ID - pid] = list(zip(values["id"], values["amount"], strict=True))
        return out

    def round_header(self, period: Period | str) -> dict[str, Any] | None:
        """The header row of a closed ``period`` (code lists' order, 填报单位, thresholds)."""
        row = self.conn.execute(
            "SELECT row FROM round_rows WHERE period = ? AND project_id = ?",
            (_text(period), HEADER_ID),
        ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def round_columns(
        self,
        period: Period | str,
        paths: Iterable[str],
        ids: Iterable[int] | None = None,
        *,
        ordered: bool = True,
    ) -> list[tuple[Any, ...]]:
        """Some values of every project of a closed ``period`` (or of the projects ``ids``
        only), as ``(project id, *values)`` in the round's order (项目编号; in no particular
        order when not ``ordered``), empty for an open period.  ``paths`` name the values as in a round's row: ``"$.project.code"`` (any
        field of the project as shown), ``"$.is_sample"``, or one of the round's figures
        ``"$.light"``, ``"$.month"``, ``"$.ytd"``, ``"$.cum"``, ``"$.reported"`` (0 or 1),
        ``"$.planned"``."""
        wanted = list(paths)
        columns = []
        figure_keys: dict[int, str] = {}
        for i, path in enumerate(wanted):
            name = path.removeprefix("$.project.")
            if path.startswith("$.project.") and name in PROJECT_FIELD_NAMES:
                columns.append(name)
            elif path == "$.is_sample":
                columns.append("is_sample")
            elif path[2:] in FIGURE_KEYS and path.startswith("$."):
                figure_keys[i] = path[2:]
            else:
                raise ValueError(f"not a value of a round: {path!r}")
        text = _text(period)
        sql = "".join(f", {c}" for c in columns)
        sql = f"SELECT project_id{sql} FROM round_projects WHERE period = ?"
        order = " ORDER BY code, project_id" if ordered else ""
        if ids is None:
            rows = self.conn.execute(sql + order, (text,)).fetchall()
        else:  # one statement, a primary-key seek per id
            rows = self.conn.execute(
                sql + " AND " + self.engine.ids_filter("project_id") + order,
                (text, self.engine.ids_param(ids)),
            ).fetchall()
        if not figure_keys:
            return rows
        figures = self._round_figures(text)
        at = dict(zip(figures["id"], range(len(figures["id"])), strict=True))
        where = [at.get(r[0]) for r in rows]
        given = iter(list(zip(*rows, strict=True))[1:] if rows else [])
        columns = []
        for k in range(len(wanted)):
            if k in figure_keys:
                values = figures[figure_keys[k]]
                columns.append([None if i is None else values[i] for i in where])
            else:
                columns.append(next(given) if rows else [])
        return list(zip([r[0] for r in rows], *columns, strict=True))

    def round_figures(self, period: Period | str) -> dict[str, list[Any]]:
        """The figures of a closed ``period`` as it kept them, by column: ``"id"`` and
        :data:`FIGURE_KEYS` (empty lists when it is open)."""
        return self._round_figures(_text(period))

    # ------------------------------------------------------------------ writes
    def close_period(
        self,
        period: Period | str,
        *,
        description: str | None = None,
        thresholds: derived.LightThresholds | None = None,
        backup: bool = True,
        allow_pending: bool = False,
    ) -> ClosedRound:
        """Close ``period`` (关账): after a backup, one action writes the closed period and
        its frozen rows.  Refuses a period already closed, and one with returns not yet
        reviewed (待审核, 退回: :class:`~.reviews.PendingReviews` lists them) unless
        ``allow_pending`` (the user was asked, :meth:`pending_reviews`)."""
        p = Period.parse(_text(period))
        text = str(p)
        if (info := self.closed_round(text)) is not None:
            raise StoreError(f"{p.label}已经关账（{info.closed_by}，{info.closed_at}），无需再关")
        if not allow_pending and (pending := self.pending_reviews(p)):  # type: ignore[attr-defined]
            raise PendingReviews(p, pending)
        if backup:
            from .backup import backup_before

            backup_before(self, f"关账前：{p.label}")  # type: ignore[arg-type]
        t = thresholds or self.light_thresholds()  # type: ignore[attr-defined]
        with self.action(description or f"关账：{p.label}月度调度") as action:
            self.conn.execute(
                "INSERT INTO closed_periods (period, closed_at, closed_by, action_id) "
                "VALUES (?, ?, ?, ?)",
                (text, now_text(), self.user, action.id),
            )
            _write_rows(self, p, t)
            (count,) = self.conn.execute(
                "SELECT count(*) FROM round_projects WHERE period = ?", (text,)
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
            for table in ("round_rows", "round_projects", "round_reports", "round_problems"):
                self.conn.execute(f"DELETE FROM {table} WHERE period = ?", (text,))
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


def _lists(value: Any) -> list[str]:
    """A frozen 项目清单 (JSON text) as a list (an unreadable one as none)."""
    try:
        lists = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return []
    return [str(x) for x in lists] if isinstance(lists, list) else []


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
        # the units' reports not reviewed at the close (issue 17: closed with them as they were)
        "unreviewed": {str(k): v for k, v in store.unreviewed(period).items()},
    }


#: ``round_rows.project_id`` of the round's figures (one row for the whole round, columnar:
#: ``{"id": [...], "light": [...], "month": [...], ...}`` in the same order) and of each
#: month's 本月完成 of the round's year up to it (``MONTH_ID - m``: ``{"id": [...],
#: "amount": [...]}``, the S curve and the charts), since schema v7.
FIGURES_ID = -1
MONTH_ID = -100
#: The values of :data:`FIGURES_ID` (``round_columns`` answers ``"$.light"`` ... from it).
FIGURE_KEYS = ("light", "month", "ytd", "cum", "reported", "planned")


def _figures_json(store: Any, period: Period, t: derived.LightThresholds) -> str:
    """The figures of every project of the period's list by the store's rules
    (:func:`~.figure_columns.figure_columns`: the lights, running sums and 截至本月计划累计 --
    None without a monthly plan), as the :data:`FIGURES_ID` row."""
    plans = store.monthly_plan_cents(period.year)
    rows = store.conn.execute(COLUMNS_SQL, (period.year, str(period))).fetchall()
    f = figure_columns(rows, period, t, plans)
    values = {
        "id": f.ids,
        "light": [light.value for light in f.lights],
        "month": f.months,
        "ytd": f.ytd,
        "cum": f.cum,
        "reported": [int(r) for r in f.reported],
        "planned": f.planned,
    }
    return json.dumps(values, separators=(",", ":"))


def _round_copies() -> list[str]:
    """Copy a year's list into the round's tables (bind the period, then the year): each
    project as shown with that year's values, the period's reports, the open problems --
    column for column, by SQLite."""
    names = ", ".join(PROJECT_FIELD_NAMES)
    values = ", ".join(project_column(n) for n in PROJECT_FIELD_NAMES)
    listed = "FROM project_years y JOIN projects p ON p.id = y.project_id "
    listed_where = "WHERE y.year = ?2 AND y.on_list = 1"
    report = ", ".join(_REPORT_KEYS)
    problem = ", ".join(("id", *_PROBLEM_KEYS))
    return [
        f"INSERT INTO round_projects (period, project_id, is_sample, {names}) "
        f"SELECT ?1, p.id, p.is_sample, {values} {listed}{listed_where}",
        f"INSERT INTO round_reports (period, project_id, {report}) "
        f"SELECT ?1, m.project_id, {', '.join(f'm.{k}' for k in _REPORT_KEYS)} "
        f"{listed}JOIN monthly_reports m ON m.project_id = p.id AND m.period = ?1 "
        f"{listed_where}",
        f"INSERT INTO round_problems (period, project_id, {problem}) "
        f"SELECT ?1, q.project_id, {', '.join(f'q.{k}' for k in ('id', *_PROBLEM_KEYS))} "
        f"{listed}JOIN problems q ON q.project_id = p.id AND q.status = 'open' "
        f"{listed_where}",
    ]


_ROUND_COPIES = _round_copies()


class _OnReader(threading.Thread):
    """``work(reader)`` on a reader of the ledger of its own, its items handed to the writer
    as they come, while the writer's statements run (SQLite lets both threads run).  In the
    writer's snapshot: the writer holds the write lock (``BEGIN IMMEDIATE``) and has changed
    none of what is read.  Without a second connection (a ledger in memory) the writer runs
    ``work`` itself."""

    def __init__(self, store: Any, work: Any) -> None:
        super().__init__(name="round-reader", daemon=True)
        self.store, self.work = store, work
        self.items: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.start()

    def run(self) -> None:
        try:
            reader = type(self.store).open_reader(self.store.path, user=self.store.user)
        except Exception:  # the writer does it
            self.items.put(_NO_READER)
            return
        try:
            for item in self.work(reader):
                self.items.put(item)
            self.items.put(_DONE)
        except BaseException as exc:  # handed to the writer
            self.items.put(exc)
        finally:
            reader.close()

    def each(self) -> Iterator[Any]:
        while True:
            item = self.items.get()
            if item is _DONE:
                break
            if item is _NO_READER:
                yield from self.work(self.store)
                break
            if isinstance(item, BaseException):
                self.join()
                raise item
            yield item
        self.join()


_DONE, _NO_READER = object(), object()


def _write_rows(store: Any, period: Period, t: derived.LightThresholds) -> None:
    """Write the round: the header; each month's 本月完成 of the year up to the period; the
    projects of the period's list, their reports and open problems (copied by SQLite); and
    the figures, worked out meanwhile on a reader of their own (:class:`_OnReader`: the
    writer's statements let that thread run)."""
    conn, text = store.conn, str(period)
    figures = _OnReader(store, lambda s: iter((_figures_json(s, period, t),)))
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    insert = "INSERT INTO round_rows (period, project_id, row) VALUES "
    conn.execute(insert + "(?, ?, ?)", (text, HEADER_ID, dumps(_header(store, period, t))))
    for month in period.year_months():  # from the period index alone (schema v7)
        conn.execute(
            "INSERT INTO round_rows (period, project_id, row) "
            "SELECT ?1, ?2, json_object('id', json_group_array(m.project_id), "
            "'amount', json_group_array(m.month_investment)) "
            f"FROM monthly_reports m INDEXED BY {PERIOD_INDEX_NAME} "
            "JOIN project_years y ON y.project_id = m.project_id AND y.year = ?4 "
            "AND y.on_list = 1 "
            "WHERE m.period = ?3 AND m.month_investment IS NOT NULL",
            (text, MONTH_ID - month.month, str(month), period.year),
        )
    for copy in _ROUND_COPIES:
        conn.execute(copy, (text, period.year))
    (made,) = figures.each()
    conn.execute(insert + "(?, ?, ?)", (text, FIGURES_ID, made))


class FrozenRound:
    """A closed round read as a store: the read methods the reports and views use, answered
    from the frozen rows (amounts as the store gives them).  Writes are not offered."""

    def __init__(
        self,
        period: Period,
        header: dict[str, Any],
        rows: list[dict[str, Any]],
        info: ClosedRound | None,
        amounts: dict[int, list[tuple[int, int]]] | None = None,
    ) -> None:
        self.period = period
        self.header = header
        self.rows = rows
        self.info = info
        self.amounts = amounts or {}
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
                r["ytd"] or 0,
                r["cum"] or 0,
                plan,
                r["project"].get("total_investment"),
                derived.Light(r["light"] or derived.Light.NONE.value),
                bool(r["reported"]),
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
        return list(self.amounts.get(p.month, ()))

    def lights(self) -> list[str]:
        return [r["light"] for r in self.rows]

    # ----------------------------------------------------------- ledger-wide
    def code_names(self, kind: str) -> list[str]:
        return list((self.header.get("code_names") or {}).get(kind, []))

    def office_name(self) -> str | None:
        return self.header.get("office_name")

    def light_thresholds(self) -> derived.LightThresholds:
        """The thresholds the round was closed with."""
        return self.thresholds

    def unreviewed(self, *_: Any) -> dict[int, str]:
        """The units' reports that were not reviewed when the round was closed."""
        return {int(k): v for k, v in (self.header.get("unreviewed") or {}).items()}

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
