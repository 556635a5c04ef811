"""The review of the units' returns (审核, 退回) and the board of who is missing (issue 17).

A report a unit returned waits as 待审核 (a ``report_reviews`` row, state ``pending``, written
by the receiving action through :meth:`ReviewsMixin.mark_received`) until a reviewer accepts it
(``accepted``) or returns it to the unit with a reason (``returned``, 退回); a corrected return
makes it pending again.  A report without a review row was entered by the staff and counts as
reviewed, and so does a report the staff change in the grid (:meth:`ReviewsMixin._staff_reviewed`,
called by ``_write_monthly`` outside a receiving action).

The board (:meth:`ReviewsMixin.return_board`) counts, per 责任单位, the projects of the period's
list it reported (已上报: accepted or the staff's), those 待审核, 退回 and 未上报, and whether it
returned after the deadline (逾期); the 催报 list names the projects still missing with the
unit's contact; 报送及时率 (:meth:`ReviewsMixin.timeliness`) is, over a year, the share of a
unit's returns received by the deadline, counting the first return of each unit and period.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..domain.periods import Period
from .actions import ActionsMixin, now_text
from .errors import StoreError
from .rows import YEAR_JOIN, clean, project_column

#: A report's review state as shown; ``staff``: no review row (entered by the staff).
STATE_LABELS = {
    "staff": "项目办录入",
    "pending": "待审核",
    "accepted": "已审核",
    "returned": "退回",
}
NO_UNIT = "未填写责任单位"  # the board's row of the projects without a 责任单位
_REVIEW_SQL = (
    "SELECT m.id, m.project_id, r.state, r.reason, r.warnings, r.return_id, u.file_name, "
    "u.unit, u.late, u.received_at, r.reviewed_by, r.reviewed_at "
    "FROM monthly_reports m LEFT JOIN report_reviews r ON r.report_id = m.id "
    "LEFT JOIN unit_returns u ON u.id = r.return_id WHERE m.period = ?"
)
_WAITING_SQL = (
    "SELECT m.id, m.project_id, r.state, r.reason, r.warnings, r.return_id, u.file_name, "
    "u.unit, u.late, u.received_at, r.reviewed_by, r.reviewed_at "
    "FROM report_reviews r JOIN monthly_reports m ON m.id = r.report_id "
    "LEFT JOIN unit_returns u ON u.id = r.return_id "
    "WHERE m.period = ? AND r.state IN ('pending', 'returned')"
)
_UPSERT_COLUMNS = ("state", "return_id", "reason", "warnings", "reviewed_by", "reviewed_at")


@dataclass(slots=True)
class ReviewState:
    """The review of one report of a period (read; changing it changes nothing stored)."""

    report_id: int
    project_id: int
    state: str  # staff, pending, accepted, returned
    reason: str | None = None  # why it was returned (退回原因)
    warnings: tuple[str, ...] = ()  # what receiving flagged (与上月相同, 非本单位项目 …)
    return_id: int | None = None
    file_name: str | None = None  # the file it came in
    unit: str | None = None  # the unit whose return it came in
    late: bool = False  # that return was received after the deadline
    received_at: str | None = None
    reviewed_by: str | None = None
    reviewed_at: str | None = None

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def reviewed(self) -> bool:
        """Counts as reviewed (已上报): accepted, or the staff's own."""
        return self.state in ("staff", "accepted")


@dataclass(frozen=True)
class UnitBoard:
    """One 责任单位 on the board of a period: its projects on the list and where they stand."""

    unit: str
    label: str  # the short name, else the name
    contact: str | None
    phone: str | None
    projects: int  # on the period's year list with this 责任单位
    reported: int  # 已上报: accepted or entered by the staff
    pending: int  # 待审核
    returned: int  # 退回
    missing: int  # 未上报
    returns: int  # files received from it for the period
    late: bool  # its first return came after the deadline (逾期上报)
    overdue: bool  # projects still missing after the deadline (逾期未报)
    missing_projects: tuple[tuple[str, str], ...] = field(default=(), repr=False)

    @property
    def state(self) -> str:
        """The unit's line in one word: 已上报, 待审核, 退回, 未上报 or 部分上报."""
        if self.missing == self.projects:
            return "未上报"
        if self.missing:
            return "部分上报"
        if self.returned:
            return "退回"
        return "待审核" if self.pending else "已上报"

    @property
    def late_label(self) -> str:
        return "逾期未报" if self.overdue else "逾期上报" if self.late else ""


@dataclass(frozen=True)
class ChaseEntry:
    """One line of the 催报 list: a unit, whom to call, the projects it has not reported."""

    unit: str
    label: str
    contact: str | None
    phone: str | None
    missing: tuple[tuple[str, str], ...]  # (项目编号, 项目名称)
    overdue: bool


@dataclass(frozen=True)
class Timeliness:
    """报送及时率 of a unit over a year: its returns (the first of each period) on time."""

    unit: str
    label: str
    on_time: int
    returns: int
    periods: tuple[str, ...] = ()  # the periods it returned, oldest first
    late_periods: tuple[str, ...] = ()

    @property
    def rate(self) -> Decimal | None:
        """on time / all returns as a fraction (0.75), None without a return."""
        if not self.returns:
            return None
        return (Decimal(self.on_time) / Decimal(self.returns)).quantize(Decimal("0.0001"))


@dataclass(frozen=True)
class PendingUnit:
    """A unit with reports of a period not yet reviewed (what closing the period asks about)."""

    unit: str
    pending: int
    returned: int


class PendingReviews(StoreError):
    """Closing a period whose returns are not all reviewed: ``pending`` lists the units."""

    def __init__(self, period: Period, pending: Sequence[PendingUnit]) -> None:
        self.period = period
        self.pending = list(pending)
        super().__init__(pending_text(period, self.pending))


def pending_text(period: Period, pending: Sequence[PendingUnit]) -> str:
    """'2022年7月还有 4 条月报未审核：市工信局 待审核 3 条、退回 1 条；…' (one line)."""
    total = sum(p.pending + p.returned for p in pending)
    parts = []
    for p in pending:
        counts = [f"待审核 {p.pending} 条"] * bool(p.pending)
        counts += [f"退回 {p.returned} 条"] * bool(p.returned)
        parts.append(f"{p.unit} {'、'.join(counts)}")
    return f"{period.label}还有 {total} 条月报未审核：{'；'.join(parts)}"


class ReviewsMixin(ActionsMixin):
    """The review of the returns and the board of a period, for :class:`~.store.Store`."""

    # ------------------------------------------------------------------ reading
    def review_states(
        self, period: Period | str, *, waiting: bool = False
    ) -> dict[int, ReviewState]:
        """The review of every report of ``period``, by project id (no review row: the
        staff's own, state ``staff``); ``waiting``: only those 待审核 or 退回 (read from the
        review rows alone, fast on any ledger)."""
        out: dict[int, ReviewState] = {}
        make, warnings = ReviewState, _warnings
        sql = _WAITING_SQL if waiting else _REVIEW_SQL
        for r in self.conn.execute(sql, (_text(period),)):
            out[r[1]] = make(
                r[0], r[1], r[2] or "staff", r[3], warnings(r[4]) if r[4] else (), *r[5:8],
                bool(r[8]), *r[9:],
            )  # fmt: skip
        return out

    def pending_reviews(self, period: Period | str) -> list[PendingUnit]:
        """The units with reports of ``period`` still 待审核 or 退回, in the board's order:
        what closing the period lists and asks about (the window calls this too)."""
        counts: dict[str, list[int]] = {}
        # Only the review rows waiting (none on most ledgers): not a state per report of the
        # period, which on 100,000 projects took 0.6 s before every close.
        for unit, state in self.conn.execute(
            "SELECT u.unit, r.state FROM report_reviews r "
            "JOIN monthly_reports m ON m.id = r.report_id "
            "LEFT JOIN unit_returns u ON u.id = r.return_id "
            "WHERE m.period = ? AND r.state IN ('pending', 'returned')",
            (_text(period),),
        ):
            entry = counts.setdefault(unit or NO_UNIT, [0, 0])
            entry[state == "returned"] += 1
        if not counts:
            return []
        order = {u.name: i for i, u in enumerate(self.units())}  # type: ignore[attr-defined]
        return [
            PendingUnit(unit, pending, returned)
            for unit, (pending, returned) in sorted(
                counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])
            )
        ]

    def _period_returns(self, period: Period | str) -> list[dict[str, Any]]:
        """The files received for ``period`` (id, unit, file name, received at, late), in the
        order they came."""
        rows = self.conn.execute(
            "SELECT id, unit, file_name, digest, received_at, late, action_id FROM unit_returns "
            "WHERE period = ? ORDER BY received_at, id",
            (_text(period),),
        ).fetchall()
        keys = ("id", "unit", "file_name", "digest", "received_at", "late", "action_id")
        return [dict(zip(keys, r, strict=True)) | {"late": bool(r[5])} for r in rows]

    def return_board(
        self, period: Period | str, *, today: dt.date | None = None
    ) -> list[UnitBoard]:
        """Per 责任单位 with projects on the list of ``period``'s year (the directory's order,
        then names only projects use, then the projects without a unit): 已上报 / 待审核 / 退回
        / 未上报 counts, the files received and 逾期 (its first return late, or projects still
        missing once the deadline of ``today`` — default today — is past)."""
        p = Period.parse(_text(period))
        past_deadline = (today or dt.date.today()) > self.report_deadline(p)  # type: ignore[attr-defined]
        # Every report of the period is 已上报 but those waiting: the reported ids from the
        # period index and the few review rows waiting, not a state built per report.
        reported = self.reported_ids(p)  # type: ignore[attr-defined]  # ReadsMixin
        waiting = {pid: s.state for pid, s in self.review_states(p, waiting=True).items()}
        directory = {u.name: u for u in self.units()}  # type: ignore[attr-defined]
        order = {name: i for i, name in enumerate(directory)}
        first: dict[str, dict[str, Any]] = {}
        received: dict[str, int] = {}
        for r in self._period_returns(p):
            first.setdefault(r["unit"], r)
            received[r["unit"]] = received.get(r["unit"], 0) + 1
        counts: dict[str, list[int]] = {}
        missing: dict[str, list[tuple[str, str]]] = {}
        for pid, code, name, department in self._listed_units(p.year):
            unit = department or NO_UNIT
            entry = counts.setdefault(unit, [0, 0, 0, 0, 0])
            entry[0] += 1
            if pid not in reported:
                entry[4] += 1
                missing.setdefault(unit, []).append((code, name))
            elif pid in waiting:
                entry[2 if waiting[pid] == "pending" else 3] += 1
            else:
                entry[1] += 1
        board = []
        for unit in sorted(counts, key=lambda u: (u == NO_UNIT, order.get(u, len(order)), u)):
            total, done, pending, returned, absent = counts[unit]
            known = directory.get(unit)
            board.append(
                UnitBoard(
                    unit=unit,
                    label=known.label if known else unit,
                    contact=known.contact if known else None,
                    phone=known.phone if known else None,
                    projects=total,
                    reported=done,
                    pending=pending,
                    returned=returned,
                    missing=absent,
                    returns=received.get(unit, 0),
                    late=bool(first.get(unit, {}).get("late")),
                    overdue=bool(absent) and past_deadline,
                    missing_projects=tuple(missing.get(unit, ())),
                )
            )
        return board

    def chase_list(self, period: Period | str, *, today: dt.date | None = None) -> list[ChaseEntry]:
        """催报: the units with projects of the period's list not reported, whom to call and
        which projects (项目编号, 项目名称), in the board's order."""
        return [
            ChaseEntry(b.unit, b.label, b.contact, b.phone, b.missing_projects, b.overdue)
            for b in self.return_board(period, today=today)
            if b.missing
        ]

    def timeliness(self, year: int) -> list[Timeliness]:
        """报送及时率 per unit over ``year``: of its returns (the first file of each unit and
        period; a corrected or repeated file later in the same period does not count again)
        how many came by the deadline.  Units of the directory (and of the year's list)
        without a return are listed with none."""
        firsts: dict[tuple[str, str], bool] = {}
        for unit, period, late in self.conn.execute(
            "SELECT unit, period, late FROM unit_returns WHERE period >= ? AND period <= ? "
            "ORDER BY received_at, id",
            (f"{year:04d}-01", f"{year:04d}-12"),
        ):
            firsts.setdefault((unit, period), bool(late))
        per_unit: dict[str, list[tuple[str, bool]]] = {}
        for (unit, period), late in firsts.items():
            per_unit.setdefault(unit, []).append((period, late))
        directory = {u.name: u for u in self.units()}  # type: ignore[attr-defined]
        listed = {department for *_, department in self._listed_units(year)}
        names = [n for n, u in directory.items() if u.listed or n in listed or n in per_unit]
        names += sorted(set(per_unit) - set(names))
        out = []
        for name in names:
            periods = sorted(per_unit.get(name, ()))
            known = directory.get(name)
            out.append(
                Timeliness(
                    unit=name,
                    label=known.label if known else name,
                    on_time=sum(not late for _, late in periods),
                    returns=len(periods),
                    periods=tuple(p for p, _ in periods),
                    late_periods=tuple(p for p, late in periods if late),
                )
            )
        return out

    # ------------------------------------------------------------------ writing
    def record_unit_return(
        self,
        period: Period | str,
        unit: str,
        *,
        file_name: str,
        digest: str,
        received_at: str | None = None,
        late: bool | None = None,
    ) -> int:
        """One file received from ``unit`` for ``period`` (a ``unit_returns`` row with its
        history), inside the receiving action; ``late`` defaults to received after the
        period's deadline.  Returns its id."""
        text = _text(period)
        at = received_at or now_text()
        if late is None:
            day = dt.date.fromisoformat(at[:10])
            late = day > self.report_deadline(text)  # type: ignore[attr-defined]
        action = self.current_action
        rid = self.engine.insert_id(
            self.conn,
            "INSERT INTO unit_returns (period, unit, file_name, digest, received_at, late, "
            "action_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (text, unit, file_name, digest, at, int(late), action.id),
        )
        self.record_change("unit_returns", rid, "file_name", None, f"{text} {unit}：{file_name}")
        if late:
            self.record_change("unit_returns", rid, "late", None, "逾期")
        return rid

    def mark_received(self, return_id: int, warnings: Mapping[int, Sequence[str]]) -> None:
        """The reports (ids, the keys) a return brought become 待审核 with what receiving
        flagged (the values; empty: nothing), replacing an earlier review (a corrected return
        after a 退回 waits for review again).  Inside the receiving action."""
        ids = list(warnings)
        if not ids:
            return
        self.current_action  # noqa: B018 - inside an action (raises outside one)
        old = dict(
            self.conn.execute(
                "SELECT report_id, state FROM report_reviews WHERE "
                + self.engine.ids_filter("report_id"),
                (self.engine.ids_param(ids),),
            ).fetchall()
        )
        self.conn.executemany(
            self.engine.upsert_sql("report_reviews", ("report_id",), _UPSERT_COLUMNS),
            [
                (rid, "pending", return_id, None, _warnings_text(warnings[rid]), None, None)
                for rid in ids
            ],
        )
        self.record_changes(
            ("report_reviews", rid, "state", old.get(rid), "pending") for rid in ids
        )

    def accept_reports(
        self,
        period: Period | str,
        *,
        units: Iterable[str] | None = None,
        project_ids: Iterable[int] | None = None,
        without_warnings: bool = False,
    ) -> int:
        """Accept (审核通过) reports of ``period`` waiting for review: those of the ``units``
        (the unit whose return brought them), the ``project_ids`` (a returned one named by
        its project is accepted too: a 退回 taken back), or with ``without_warnings`` and
        neither, every pending one without a warning (with units or projects: only theirs
        without one).  One action; returns how many were accepted."""
        p = Period.parse(_text(period))
        chosen = self._chosen(p, units, project_ids, without_warnings, "审核")
        wanted = set(project_ids or ())
        targets = [
            s
            for s in chosen
            if s.state == "pending" or (s.state == "returned" and s.project_id in wanted)
        ]
        if not targets:
            return 0
        with self.action(f"审核通过月报：{p.label}（{len(targets)}条）"):
            self.refuse_closed(p)  # type: ignore[attr-defined]  # RoundsMixin
            self._set_state(targets, "accepted", None)
        return len(targets)

    def return_reports(
        self,
        period: Period | str,
        *,
        reason: str,
        units: Iterable[str] | None = None,
        project_ids: Iterable[int] | None = None,
    ) -> int:
        """Return (退回) reports of ``period`` to their unit with ``reason`` (required): those
        the ``units`` returned, or of the ``project_ids``; a report the staff entered cannot be
        returned.  One action; returns how many were returned."""
        p = Period.parse(_text(period))
        why = " ".join((clean(reason, multiline=True) or "").split())
        if not why:
            raise StoreError("退回须写明原因（--reason “……”），原因会写进退回通知")
        if len(why) > 500:
            raise StoreError(f"退回原因太长（{len(why)} 个字），最多 500 个字")
        chosen = self._chosen(p, units, project_ids, False, "退回")
        staff = [s for s in chosen if s.state == "staff" and s.project_id in set(project_ids or ())]
        if staff:
            names = self._codes([s.project_id for s in staff])
            raise StoreError(f"{'、'.join(names)} 的月报是项目办录入的，不是单位报送的，不能退回")
        targets = [s for s in chosen if s.state != "staff"]
        if not targets:
            return 0
        with self.action(f"退回月报：{p.label}（{len(targets)}条，原因：{why}）"):
            self.refuse_closed(p)  # type: ignore[attr-defined]  # RoundsMixin
            self._set_state(targets, "returned", why)
        return len(targets)

    def _staff_reviewed(self, report_id: int) -> None:
        """A staff save of a report (``_write_monthly`` outside a receiving action): its
        pending or returned review becomes accepted -- the staff entered it themselves."""
        if self.current_action.receiving:
            return
        row = self.conn.execute(
            "SELECT state FROM report_reviews WHERE report_id = ?", (report_id,)
        ).fetchone()
        if row is None or row[0] == "accepted":
            return
        self.conn.execute(
            "UPDATE report_reviews SET state = 'accepted', reason = NULL, reviewed_by = ?, "
            "reviewed_at = ? WHERE report_id = ?",
            (self.user, now_text(), report_id),
        )
        self.record_change("report_reviews", report_id, "state", row[0], "accepted（项目办修改）")

    # ------------------------------------------------------------------ helpers
    def _listed_units(self, year: int) -> list[tuple[int, str, str, str]]:
        """(id, 项目编号, 项目名称, 责任单位 trimmed or '') of the projects on ``year``'s list,
        in code order: what the board needs, without reading whole projects."""
        department = project_column("department")
        return self.conn.execute(
            f"SELECT p.id, {project_column('code')}, {project_column('name')}, "
            f"coalesce(trim({department}), '')"
            + YEAR_JOIN
            + " WHERE y.on_list = 1 ORDER BY p.code",
            (year,),
        ).fetchall()

    def unit_named(self, text: str) -> str:
        """The unit's full name for its name or its short name (工信局 → 市工信局); the text
        itself (stripped) when neither matches."""
        wanted = text.strip()
        units = self.units()  # type: ignore[attr-defined]
        if any(u.name == wanted for u in units):
            return wanted
        short = [u.name for u in units if u.short_name == wanted]
        return short[0] if len(short) == 1 else wanted

    def _chosen(
        self,
        period: Period,
        units: Iterable[str] | None,
        project_ids: Iterable[int] | None,
        without_warnings: bool,
        verb: str,
    ) -> list[ReviewState]:
        """The reports of ``period`` the selection names (see :meth:`accept_reports`)."""
        unit_set = {self.unit_named(u) for u in units or () if u and u.strip()}
        id_set = set(project_ids or ())
        if not (unit_set or id_set or without_warnings):
            raise StoreError(f"请指定要{verb}的责任单位或项目")
        states = self.review_states(period)
        if unit_set:
            known = {u.name for u in self.units()} | {  # type: ignore[attr-defined]
                s.unit for s in states.values() if s.unit
            }
            unknown = sorted(unit_set - known)
            if unknown:
                raise StoreError(f"没有名为“{'、'.join(unknown)}”的责任单位")
        absent = [pid for pid in id_set if pid not in states]
        if absent:
            codes = "、".join(self._codes(absent))
            raise StoreError(f"{codes} 没有{period.label}的月报，无法{verb}")
        chosen = [
            s
            for s in states.values()
            if (not unit_set and not id_set) or s.unit in unit_set or s.project_id in id_set
        ]
        if without_warnings:
            chosen = [s for s in chosen if not s.warnings]
        return chosen

    def _set_state(self, targets: Sequence[ReviewState], state: str, reason: str | None) -> None:
        at = now_text()
        self.conn.executemany(
            "UPDATE report_reviews SET state = ?, reason = ?, reviewed_by = ?, reviewed_at = ? "
            "WHERE report_id = ?",
            [(state, reason, self.user, at, s.report_id) for s in targets],
        )
        self.record_changes(
            ("report_reviews", s.report_id, "state", s.state, state) for s in targets
        )
        if reason is not None:
            self.record_changes(
                ("report_reviews", s.report_id, "reason", s.reason, reason) for s in targets
            )

    def _codes(self, project_ids: Sequence[int]) -> list[str]:
        rows = dict(
            self.conn.execute(
                "SELECT id, code FROM projects WHERE " + self.engine.ids_filter("id"),
                (self.engine.ids_param(project_ids),),
            ).fetchall()
        )
        return [str(rows.get(pid, pid)) for pid in project_ids]


def _warnings(text: str | None) -> tuple[str, ...]:
    """The stored warnings (a JSON list as text; older or hand-made text as one warning)."""
    if not text:
        return ()
    try:
        value = json.loads(text)
    except ValueError:
        return (text,)
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return (str(value),)


def _warnings_text(warnings: Sequence[str]) -> str | None:
    return json.dumps(list(warnings), ensure_ascii=False) if warnings else None


def _text(period: Period | str) -> str:
    return str(period if isinstance(period, Period) else Period.parse(str(period)))


__all__ = [
    "STATE_LABELS",
    "ChaseEntry",
    "PendingReviews",
    "PendingUnit",
    "ReviewState",
    "ReviewsMixin",
    "Timeliness",
    "UnitBoard",
    "pending_text",
]
