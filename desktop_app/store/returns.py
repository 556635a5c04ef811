"""Receiving a round of the units' returns (issue 17, item 3) as ONE action, and the returns
received for a period.

:meth:`ReturnsMixin.receive_round` writes, in one transaction recorded in the history with
every file's name as its source: one ``unit_returns`` row per file (its digest, when it was
received, whether after the deadline), the monthly reports the files bring (each checked
against the version the preview saw, as an imported return's: a report saved elsewhere since
refuses the whole round), and a ``report_reviews`` row 待审核 for every report written, with
what receiving flagged (:meth:`~.reviews.ReviewsMixin.mark_received`).  A report returned for
correction (退回) that comes back unchanged is pending again too: the corrected return replaces
the returned one.  The caller backs up first (``importers.returns.apply_round`` does).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..domain.money import to_cents
from ..domain.periods import Period
from .actions import ActionsMixin, now_text
from .models import MonthlyReport
from .monthly import _check_monthly, _display
from .rows import clean

#: The columns a new report is inserted with (as ``MonthlyMixin._write_monthly`` writes them).
_NEW_COLUMNS = (
    "project_id", "period", "month_investment", "progress_pct", "progress_text",
    "progress_notes", "problems", "reporter", "report_date", "is_sample", "updated_at",
)  # fmt: skip
_HISTORY_FIELDS = _NEW_COLUMNS[2:9]


@dataclass(frozen=True)
class ReceivedFile:
    """One file of the round: its unit, name, digest of its bytes and whether it is late."""

    unit: str
    file_name: str
    digest: str
    late: bool = False


@dataclass(frozen=True)
class ReceivedReport:
    """One project of the round: the report to write (None: the file gives what is stored
    already) and the file it comes from (index into the files), with its warnings."""

    project_id: int
    file: int
    report: MonthlyReport | None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RoundReceipt:
    """What :meth:`ReturnsMixin.receive_round` wrote."""

    action_id: int | None
    return_ids: tuple[int, ...]
    written: int  # reports written
    pending: int  # reports now waiting for review


@dataclass(frozen=True)
class UnitReturn:
    """A ``unit_returns`` row: one file received from a unit for a period."""

    id: int
    period: str
    unit: str
    file_name: str
    digest: str
    received_at: str
    late: bool
    action_id: int


class ReturnsMixin(ActionsMixin):
    """The rounds of returns of :class:`~.store.Store`."""

    def receive_round(
        self,
        reports: Sequence[ReceivedReport],
        files: Sequence[ReceivedFile],
        *,
        period: Period | str,
        received_at: str | None = None,
        description: str | None = None,
        source: str | None = None,
    ) -> RoundReceipt:
        """Write a round of returns as ONE action (see the module): all or nothing."""
        text = str(Period.parse(str(period)))
        if not files:
            raise ValueError("a round has at least one file")
        description = description or f"收取月度调度（{text}，{len(files)} 个文件）"
        source = source or "、".join(f.file_name for f in files)
        with self.action(description, source=source) as action:
            action.receiving = True  # the reports written wait for review
            self.refuse_closed(text)  # type: ignore[attr-defined]  # RoundsMixin: 关账
            ids = tuple(
                self.record_unit_return(  # type: ignore[attr-defined]  # ReviewsMixin
                    text,
                    f.unit,
                    file_name=f.file_name,
                    digest=f.digest,
                    received_at=received_at,
                    late=f.late,
                )
                for f in files
            )
            new = [r.report for r in reports if r.report is not None and r.report.id is None]
            for r in reports:
                if r.report is not None and r.report.id is not None:
                    self._write_monthly(r.report, check_version=True)  # type: ignore[attr-defined]
            self._insert_new_reports(text, new)
            self._running_sums_of(
                text, [r.project_id for r in reports if r.report is not None], action
            )
            stored = self.monthly_reports(text)  # type: ignore[attr-defined]  # MonthlyMixin
            returned = self._returned_reports(
                [
                    stored[r.project_id].id
                    for r in reports
                    if r.report is None and r.project_id in stored
                ]
            )
            by_file: dict[int, dict[int, Sequence[str]]] = {}
            for r in reports:
                saved = stored.get(r.project_id)
                if saved is None or saved.id is None:
                    continue
                if r.report is not None or saved.id in returned:
                    by_file.setdefault(r.file, {})[saved.id] = r.warnings
            for index, warnings in by_file.items():
                self.mark_received(ids[index], warnings)  # type: ignore[attr-defined]
            action_id = action.id
        written = sum(r.report is not None for r in reports)
        return RoundReceipt(action_id, ids, written, sum(len(w) for w in by_file.values()))

    def _insert_new_reports(self, period: str, reports: Sequence[MonthlyReport]) -> None:
        """Reports of projects that had none for ``period`` when the round was previewed,
        written as ``_write_monthly`` writes them (the same values, the same history rows) in
        a few statements; one created since the preview refuses the round (ConflictError)."""
        if not reports:
            return
        ids = [r.project_id for r in reports]
        there = {
            row[0]
            for row in self.conn.execute(
                "SELECT project_id FROM monthly_reports WHERE period = ? AND "
                + self.engine.ids_filter("project_id"),
                (period, self.engine.ids_param(ids)),
            )
        }
        for report in reports:
            if report.project_id in there:  # saved by someone else since: refused, named
                self._write_monthly(report, check_version=True)  # type: ignore[attr-defined]
        at = now_text()
        rows = []
        self.current_action.running_sums_stale.update(ids)  # see _running_sums_of
        for r in reports:
            _check_monthly(r)
            rows.append(
                (
                    r.project_id,
                    period,
                    to_cents(r.month_investment),
                    r.progress_pct,
                    clean(r.progress_text),
                    clean(r.progress_notes, multiline=True),
                    clean(r.problems, multiline=True),
                    clean(r.reporter),
                    r.report_date,
                    int(r.is_sample),
                    at,
                )
            )
        self.engine.insert_rows(
            self.conn,
            f"INSERT INTO monthly_reports ({', '.join(_NEW_COLUMNS)}) VALUES ",
            len(_NEW_COLUMNS),
            rows,
        )
        written = dict(
            self.conn.execute(
                "SELECT project_id, id FROM monthly_reports WHERE period = ? AND "
                + self.engine.ids_filter("project_id"),
                (period, self.engine.ids_param(ids)),
            ).fetchall()
        )
        changes: list[tuple[str, int, str, object, object]] = []
        for row in rows:
            rid = written[row[0]]
            changes += [
                ("monthly_reports", rid, k, None, _display(k, v))
                for k, v in zip(_HISTORY_FIELDS, row[2:9], strict=True)
                if v is not None
            ]
            changes.append(("monthly_reports", rid, "project_period", None, f"{row[0]}:{period}"))
        self.record_changes(changes)

    def _running_sums_of(self, period: str, project_ids: Sequence[int], action: Any) -> None:
        """本年累计 / 开工以来累计 of the reports just written for ``period``, from the report
        before each (its stored sums) -- instead of recomputing every report of 10,000
        projects when the action commits.  Projects with reports after ``period`` are left
        to that general refresh."""
        ids = sorted(set(project_ids))
        if not ids:
            return
        param = self.engine.ids_param(ids)
        later = {
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT project_id FROM monthly_reports WHERE period > ? AND "
                + self.engine.ids_filter("project_id"),
                (period, param),
            )
        }
        before = [
            r[0]
            for r in self.conn.execute(
                "SELECT (SELECT x.id FROM monthly_reports x WHERE x.project_id = p.id "
                "AND x.period < ? ORDER BY x.period DESC LIMIT 1) FROM projects p WHERE "
                + self.engine.ids_filter("p.id"),
                (period, param),
            )
            if r[0] is not None
        ]
        previous = {
            r[0]: r[1:]
            for r in self.conn.execute(
                "SELECT project_id, period, ytd_investment, cum_investment FROM monthly_reports "
                "WHERE " + self.engine.ids_filter("id"),
                (self.engine.ids_param(before),),
            )
        }
        year = period[:4]
        sums = []
        for rid, pid, month in self.conn.execute(
            "SELECT id, project_id, coalesce(month_investment, 0) FROM monthly_reports "
            "WHERE period = ? AND " + self.engine.ids_filter("project_id"),
            (period, param),
        ).fetchall():
            if pid in later:
                continue
            last_period, ytd, cum = previous.get(pid, ("", 0, 0))
            sums.append(((ytd if last_period[:4] == year else 0) + month, cum + month, rid))
            action.running_sums_stale.discard(pid)
        self.conn.executemany(
            "UPDATE monthly_reports SET ytd_investment = ?, cum_investment = ? WHERE id = ?", sums
        )

    def _returned_reports(self, report_ids: list[int | None]) -> set[int]:
        """Which of these reports are 退回 (returned to their unit for correction)."""
        ids = [i for i in report_ids if i is not None]
        if not ids:
            return set()
        rows = self.conn.execute(
            "SELECT report_id FROM report_reviews WHERE state = 'returned' AND "
            + self.engine.ids_filter("report_id"),
            (self.engine.ids_param(ids),),
        ).fetchall()
        return {r[0] for r in rows}

    def received_returns(self, period: Period | str) -> list[UnitReturn]:
        """The files received for ``period``, in the order received."""
        rows = self.conn.execute(
            "SELECT id, period, unit, file_name, digest, received_at, late, action_id "
            "FROM unit_returns WHERE period = ? ORDER BY id",
            (str(Period.parse(str(period))),),
        ).fetchall()
        return [UnitReturn(*r[:6], bool(r[6]), r[7]) for r in rows]  # type: ignore[misc]
