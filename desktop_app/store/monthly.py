"""Monthly reports (月度调度): read, save one or many (with version checks), delete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..domain.money import AMOUNT_LIMIT_TEXT, MAX_AMOUNT, from_cents, to_cents
from ..domain.periods import Period
from ..domain.text import shown
from ..domain.validation import Issue
from .actions import ActionsMixin, now_text
from .errors import ConflictError, StoreError, ValidationFailed
from .models import MonthlyReport
from .rows import (
    MONTHLY_COLUMNS,
    MONTHLY_LABELS,
    MONTHLY_VALUE_FIELDS,
    clean,
    monthly_from_row,
    record_summary,
)


class MonthlyMixin(ActionsMixin):
    """The monthly reports of :class:`~.store.Store`."""

    def monthly_reports(self, period: Period | str) -> dict[int, MonthlyReport]:
        """The reports of one period, by project id."""
        rows = self.conn.execute(
            f"SELECT {', '.join(MONTHLY_COLUMNS)} FROM monthly_reports WHERE period = ?",
            (str(period),),
        ).fetchall()
        return {r[0]: monthly_from_row(r) for r in rows}

    def project_monthly(self, project_id: int) -> list[MonthlyReport]:
        rows = self.conn.execute(
            f"SELECT {', '.join(MONTHLY_COLUMNS)} FROM monthly_reports "
            "WHERE project_id = ? ORDER BY period",
            (project_id,),
        ).fetchall()
        return [monthly_from_row(r) for r in rows]

    def periods(self) -> list[str]:
        """Every period with at least one report, newest first."""
        return self.engine.periods(self.conn)

    def period_choices(self) -> list[Period]:
        """The periods a picker offers, newest first: every month of the years the ledger has
        lists for, up to the latest data (the newest report, or the month a ledger without
        reports opens on) and, in the current year, up to this month; and every month with
        reports."""
        years = self.years()  # type: ignore[attr-defined]
        reported = [Period.parse(p) for p in self.periods()]
        today = Period.of(dt.date.today())
        end = max([*reported, self.default_period()])
        if self.current_year() == today.year:  # type: ignore[attr-defined]
            end = max(end, today)
        chosen = {Period(y, m) for y in years for m in range(1, 13) if Period(y, m) <= end}
        return sorted(chosen | set(reported), reverse=True)

    def default_period(self) -> Period:
        """The period a ledger opens on: the one that has something to show.

        1. The newest open period with a monthly report (what was last reported on and may
           still be changed; once every reported period is closed, the newest of them).
        2. Else, when the latest year the ledger's indicators (目标/实际) name is over, December
           of that year: the shipped portfolio (the 2022 work report, no reports yet) opens on
           2022年12月, the year its projects and targets belong to, not on an empty month of
           today's year.
        3. Else the current month (a new ledger, or one whose plans are for this year).
        """
        row = self.conn.execute("SELECT max(period) FROM monthly_reports").fetchone()
        if row and row[0]:
            closed = set(self.closed_periods())  # type: ignore[attr-defined]  # RoundsMixin
            if row[0] not in closed:
                return Period.parse(row[0])
            open_ = [p for p in self.periods() if p not in closed]
            return Period.parse(open_[0] if open_ else row[0])
        today = Period.of(dt.date.today())
        years = [
            int(text[:4])
            for (text,) in self.conn.execute("SELECT DISTINCT period FROM indicators")
            if str(text)[:4].isdigit()
        ]
        latest = max(years, default=today.year)
        return Period(latest, 12) if 1900 < latest < today.year else today

    def save_monthly_report(
        self,
        report: MonthlyReport,
        *,
        description: str | None = None,
        check_version: bool = False,
    ) -> MonthlyReport:
        """Create or change the report of one project for one period.  With ``check_version``,
        refuse (:class:`ConflictError`) when it was saved elsewhere since ``report`` was read."""
        with self.action(description or f"填报月度调度：{report.period}"):
            self._write_monthly(report, check_version=check_version)
        saved = self.monthly_reports(report.period).get(report.project_id)
        assert saved is not None
        return saved

    def save_monthly_reports(
        self,
        reports: Sequence[MonthlyReport],
        *,
        description: str | None = None,
        source: str | None = None,
        check_versions: bool = False,
    ) -> int:
        """Save many reports as one action (a pasted block, an imported return).
        ``check_versions``: refuse all if any was saved elsewhere since it was read."""
        with self.action(description or f"批量填报月度调度（{len(reports)}条）", source=source):
            for report in reports:
                self._write_monthly(report, check_version=check_versions)
        return len(reports)

    def delete_monthly_report(self, project_id: int, period: Period | str) -> None:
        existing = self.monthly_reports(period).get(project_id)
        if existing is None:
            return
        with self.action(f"删除月度调度：{period}") as action:
            self.refuse_closed(period)  # type: ignore[attr-defined]  # RoundsMixin
            self.conn.execute("DELETE FROM monthly_reports WHERE id = ?", (existing.id,))
            action.running_sums_stale.add(project_id)
            self.record_change("monthly_reports", existing.id, None, record_summary(existing), None)

    def _write_monthly(self, report: MonthlyReport, *, check_version: bool = False) -> None:
        """Insert or update one report with its history, inside the action under way."""
        period = str(Period.parse(report.period))
        self.refuse_closed(period)  # type: ignore[attr-defined]  # RoundsMixin: 关账
        _check_monthly(report)
        self.current_action.running_sums_stale.add(report.project_id)
        values = {
            "month_investment": to_cents(report.month_investment),
            "progress_pct": report.progress_pct,
            "progress_text": clean(report.progress_text),
            "progress_notes": clean(report.progress_notes, multiline=True),
            "problems": clean(report.problems, multiline=True),
            "reporter": clean(report.reporter),
            "report_date": report.report_date,
        }
        row = self.conn.execute(
            f"SELECT id, {', '.join(MONTHLY_VALUE_FIELDS)}, version FROM monthly_reports "
            "WHERE project_id = ? AND period = ?",
            (report.project_id, period),
        ).fetchone()
        if check_version and row is not None and (row[0], row[-1]) != (report.id, report.version):
            theirs = dict(zip(MONTHLY_VALUE_FIELDS, row[1:-1], strict=True))
            parts = [
                f"{MONTHLY_LABELS[k]}：您填写“{shown(_display(k, v))}”，"
                f"对方已保存“{shown(_display(k, theirs[k]))}”"
                for k, v in values.items()
                if v != theirs[k]
            ]
            code, name = self.conn.execute(
                "SELECT code, name FROM projects WHERE id = ?", (report.project_id,)
            ).fetchone() or (str(report.project_id), "")
            raise ConflictError(
                f"项目“{name}”（{code}）的 {period} 月度调度在您读取后已被他人保存，"
                f"您的修改未保存。{'；'.join(parts) or '对方修改的是其他内容'}。请刷新后再填报",
                {k: _display(k, v) for k, v in theirs.items()},
            )
        if row is None:
            try:
                rid = self.engine.insert_id(
                    self.conn,
                    "INSERT INTO monthly_reports (project_id, period, "
                    + ", ".join(values)
                    + ", is_sample, updated_at) VALUES ("
                    + ", ".join("?" * (len(values) + 4))
                    + ")",
                    (
                        report.project_id,
                        period,
                        *values.values(),
                        int(report.is_sample),
                        now_text(),
                    ),
                )
            except self.engine.IntegrityError as exc:
                raise StoreError(f"项目不存在，无法保存 {period} 的月度调度") from exc
            self.record_changes(
                ("monthly_reports", rid, k, None, _display(k, v))
                for k, v in values.items()
                if v is not None
            )
            self.record_change(
                "monthly_reports", rid, "project_period", None, f"{report.project_id}:{period}"
            )
            return
        rid, old = row[0], dict(zip(MONTHLY_VALUE_FIELDS, row[1:-1], strict=True))
        diff = {k: v for k, v in values.items() if v != old[k]}
        if not diff:
            return
        self.conn.execute(
            f"UPDATE monthly_reports SET {', '.join(f'{k} = ?' for k in diff)}, "
            "version = version + 1, updated_at = ? WHERE id = ?",
            (*diff.values(), now_text(), rid),
        )
        self.record_changes(
            ("monthly_reports", rid, k, _display(k, old[k]), _display(k, v))
            for k, v in diff.items()
        )
        self._staff_reviewed(rid)  # type: ignore[attr-defined]  # ReviewsMixin: 录入即审核


def _check_monthly(report: MonthlyReport) -> None:
    issues = []
    if report.month_investment is not None and report.month_investment < 0:
        issues.append(Issue("month_investment", "本月完成投资不能为负数"))
    elif report.month_investment is not None and report.month_investment > MAX_AMOUNT:
        issues.append(Issue("month_investment", f"本月完成投资：{AMOUNT_LIMIT_TEXT}"))
    if report.progress_pct is not None and not 0 <= report.progress_pct <= 100:
        issues.append(Issue("progress_pct", "形象进度应在 0% 到 100% 之间"))
    if issues:
        raise ValidationFailed(issues)


def _display(field: str, value: Any) -> Any:
    """A stored report value as the history and messages show it (amounts in 万元)."""
    return from_cents(value) if field == "month_investment" else value
