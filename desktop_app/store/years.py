"""The years of the ledger: each year's list of key projects and what a project is in that
year (年度计划投资, 建设性质, 项目清单, 建设目标: ``project_years``), the month-by-month plan
(月度计划分解: ``monthly_plans``) and the ledger's current year (meta ``current_year``)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from ..domain.fields import FIELD_BY_NAME
from ..domain.money import from_cents
from ..domain.periods import Period
from ..domain.validation import Issue
from .actions import ActionsMixin, Change, now_text
from .errors import NotFound, ValidationFailed
from .models import ProjectYear
from .rows import project_db_value
from .schema import CURRENT_YEAR_META
from .values import _amount, _cents, _normalised

#: What :meth:`YearsMixin.set_project_year` changes.
YEAR_KEYS = ("on_list", "annual_plan", "nature", "lists", "target")
_YEAR_COLUMNS = ("project_id", "year", *YEAR_KEYS, "version", "updated_at")
_YEAR_SELECT = f"SELECT {', '.join(_YEAR_COLUMNS)} FROM project_years"
#: The start of an insert of whole ``project_years`` rows (values in ``_YEAR_COLUMNS`` order).
INSERT_YEARS = f"INSERT INTO project_years ({', '.join(_YEAR_COLUMNS)}) VALUES "
_PLAN_LABEL = "月度计划"


def check_year(year: Any) -> int:
    """A year of a ledger (2000-2099), or :class:`ValidationFailed`."""
    try:
        value = int(year)
    except (TypeError, ValueError):
        value = 0
    if not 2000 <= value <= 2099:
        raise ValidationFailed([Issue("year", f"年份“{year}”不对，应为2000至2099年")])
    return value


class YearsMixin(ActionsMixin):
    """The per-year values of :class:`~.store.Store`."""

    # -------------------------------------------------------------------- years
    def current_year(self) -> int:
        """The ledger's working year: new plans and new projects go to it."""
        row = self.conn.execute(
            "SELECT value FROM meta WHERE key = ?", (CURRENT_YEAR_META,)
        ).fetchone()
        if row and str(row[0]).isdigit():
            return int(row[0])
        row = self.conn.execute("SELECT max(year) FROM project_years").fetchone()
        return int(row[0]) if row and row[0] else dt.date.today().year

    def set_current_year(self, year: int) -> None:
        """Make ``year`` the current year (inside the caller's action, or as one of its own)."""
        year = check_year(year)
        old = self.current_year()
        with self.action(f"设置当前年度：{year}年"):
            self.conn.execute(
                self.engine.upsert_sql("meta", ("key",), ("value",)),
                (CURRENT_YEAR_META, str(year)),
            )
            if old != year:
                self.record_change("meta", None, CURRENT_YEAR_META, str(old), str(year))

    def years(self) -> list[int]:
        """The years that have a list (and the current year), ascending."""
        rows = self.conn.execute("SELECT DISTINCT year FROM project_years").fetchall()
        return sorted({int(r[0]) for r in rows} | {self.current_year()})

    def year_of(self, year: int | Period | None) -> int:
        """The year a read is for: ``year`` (or a period's year), else the current year."""
        if year is None:
            return self.current_year()
        if isinstance(year, Period):
            return year.year
        return int(year)

    def listed_ids(self, year: int, ids: Iterable[int] | None = None) -> set[int]:
        """The projects on ``year``'s list (of ``ids`` only, if given: one query)."""
        sql = "SELECT project_id FROM project_years WHERE year = ? AND on_list = 1"
        if ids is None:
            return {r[0] for r in self.conn.execute(sql, (year,))}
        rows = self.conn.execute(
            sql + " AND " + self.engine.ids_filter("project_id"),
            (year, self.engine.ids_param(ids)),
        )
        return {r[0] for r in rows}

    def listed_count(self, year: int) -> int:
        """How many projects are on ``year``'s list."""
        return int(
            self.conn.execute(
                "SELECT count(*) FROM project_years WHERE year = ? AND on_list = 1", (year,)
            ).fetchone()[0]
        )

    def unlisted_ids(self, year: int) -> set[int]:
        """The projects not on ``year``'s list (none, on most ledgers: an empty set)."""
        listed = self.listed_count(year)
        if listed == self.conn.execute("SELECT count(*) FROM projects").fetchone()[0]:
            return set()  # every project is on the list (15 ms on 100,000, the set 60 ms)
        rows = self.conn.execute(
            "SELECT id FROM projects EXCEPT "
            "SELECT project_id FROM project_years WHERE year = ? AND on_list = 1",
            (year,),
        )
        return {r[0] for r in rows}

    # ------------------------------------------------------------ project years
    def project_year(self, project_id: int, year: int) -> ProjectYear | None:
        row = self.conn.execute(
            _YEAR_SELECT + " WHERE project_id = ? AND year = ?", (project_id, int(year))
        ).fetchone()
        return None if row is None else _project_year(row)

    def project_years(self, project_id: int) -> list[ProjectYear]:
        """Every year of one project, ascending."""
        rows = self.conn.execute(
            _YEAR_SELECT + " WHERE project_id = ? ORDER BY year", (project_id,)
        ).fetchall()
        return [_project_year(r) for r in rows]

    def set_project_year(
        self,
        project_id: int,
        year: int,
        changes: Mapping[str, Any],
        *,
        description: str | None = None,
    ) -> ProjectYear:
        """Change what a project is in ``year`` (keys among :data:`YEAR_KEYS`), as one action;
        a project without a row for the year is put on that year's list."""
        unknown = [k for k in changes if k not in YEAR_KEYS]
        if unknown:
            raise ValueError(f"unknown year fields: {unknown}")
        year = check_year(year)
        name = self._project_name(project_id)
        with self.action(description or f"编辑{year}年度：{name}"):
            self._write_year(project_id, year, changes)
        result = self.project_year(project_id, year)
        assert result is not None
        return result

    def _project_name(self, project_id: int) -> str:
        row = self.conn.execute("SELECT name FROM projects WHERE id = ?", (project_id,)).fetchone()
        if row is None:
            raise NotFound(f"项目不存在（编号 {project_id}）")
        return str(row[0])

    def _write_year(
        self, project_id: int, year: int, changes: Mapping[str, Any], *, bump: bool = True
    ) -> None:
        """Write some values of a project's year (inside an action) with their history rows
        (table ``project_years``, the field named ``<year>.<field>``)."""
        values = _normalised({k: v for k, v in changes.items() if k in FIELD_BY_NAME})
        if "on_list" in changes:
            values["on_list"] = bool(changes["on_list"])
        if "target" in changes:
            target = changes["target"]
            values["target"] = str(target).strip() or None if target is not None else None
        current = self.project_year(project_id, year)
        old: dict[str, Any] = {} if current is None else {k: getattr(current, k) for k in YEAR_KEYS}
        if current is None:
            old = {
                "on_list": None,
                "annual_plan": None,
                "nature": None,
                "lists": [],
                "target": None,
            }
            values.setdefault("on_list", True)
        diff = {k: v for k, v in values.items() if v != old.get(k)}
        if not diff:
            return
        stored = {k: _db_value(k, v) for k, v in diff.items()}
        if current is None:
            columns = ("project_id", "year", *stored, "version", "updated_at")
            self.conn.execute(
                f"INSERT INTO project_years ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                [project_id, year, *stored.values(), 1, now_text()],
            )
        else:
            sets = ", ".join(f"{k} = ?" for k in stored)
            self.conn.execute(
                f"UPDATE project_years SET {sets}, version = version + 1, updated_at = ? "
                "WHERE project_id = ? AND year = ?",
                [*stored.values(), now_text(), project_id, year],
            )
        if bump:  # a form or a conflict check sees that the project changed
            self.conn.execute(
                "UPDATE projects SET version = version + 1, updated_at = ? WHERE id = ?",
                (now_text(), project_id),
            )
        self.record_changes(_year_changes(project_id, year, old, diff))

    def _insert_years(self, rows: Iterable[tuple[int, int, Mapping[str, Any]]]) -> None:
        """New ``project_years`` rows (project id, year, full record), on the list, with no
        history of their own (the new project's rows say it all)."""
        stamp = now_text()
        lists_json: dict[tuple[str, ...], str] = {}  # a ledger repeats its lists
        data = []
        for pid, year, full in rows:
            plan, lists = full.get("annual_plan"), full.get("lists") or ()
            key = tuple(lists)
            if key not in lists_json:
                lists_json[key] = project_db_value("lists", list(lists))
            cents = None if plan is None else project_db_value("annual_plan", plan)
            data.append((pid, year, 1, cents, full.get("nature"), lists_json[key], None, 1, stamp))
        if data:
            self.engine.insert_rows(self.conn, INSERT_YEARS, len(_YEAR_COLUMNS), data)

    # ------------------------------------------------------------- monthly plans
    def monthly_plan(self, project_id: int, year: int) -> dict[str, Decimal]:
        """The 月度计划分解 of a project for ``year``: period text → plan of that month (万元)."""
        rows = self.conn.execute(
            "SELECT period, plan_investment FROM monthly_plans "
            "WHERE project_id = ? AND period BETWEEN ? AND ? ORDER BY period",
            (project_id, f"{int(year):04d}-01", f"{int(year):04d}-12"),
        )
        return {period: from_cents(cents) or Decimal(0) for period, cents in rows}

    def monthly_plan_cents(self, year: int) -> dict[int, dict[int, int]]:
        """Every project's monthly plan of ``year`` as month → whole 百元 (for figures)."""
        out: dict[int, dict[int, int]] = {}
        for pid, period, cents in self.conn.execute(
            "SELECT project_id, period, plan_investment FROM monthly_plans "
            "WHERE period BETWEEN ? AND ?",
            (f"{int(year):04d}-01", f"{int(year):04d}-12"),
        ):
            out.setdefault(pid, {})[int(period[5:7])] = cents
        return out

    def set_monthly_plan(
        self,
        project_id: int,
        year: int,
        amounts: Mapping[str | Period, Any],
        *,
        description: str | None = None,
    ) -> dict[str, Decimal]:
        """Replace a project's monthly plan of ``year`` (period → amount in 万元; a None or
        missing month has no plan) as one action with one history row per month changed."""
        year = check_year(year)
        new: dict[str, int] = {}
        for key, value in amounts.items():
            period = key if isinstance(key, Period) else Period.parse(str(key))
            if period.year != year:
                raise ValidationFailed(
                    [Issue("monthly_plan", f"{period}不属于{year}年，不能写入{year}年的月度计划")]
                )
            if value is None or value == "":
                continue
            amount = value if isinstance(value, Decimal) else _amount("annual_plan", value)
            if amount is None:
                continue
            if amount < 0:
                raise ValidationFailed([Issue("monthly_plan", f"{period}的月度计划不能为负数")])
            new[str(period)] = _cents("annual_plan", amount) or 0
        name = self._project_name(project_id)
        old = {p: cents for p, cents in self._plan_cents(project_id, year).items()}
        with self.action(description or f"编辑{year}年月度计划：{name}"):
            self.conn.execute(
                "DELETE FROM monthly_plans WHERE project_id = ? AND period BETWEEN ? AND ?",
                (project_id, f"{year:04d}-01", f"{year:04d}-12"),
            )
            self.conn.executemany(
                "INSERT INTO monthly_plans (project_id, period, plan_investment) VALUES (?, ?, ?)",
                [(project_id, p, c) for p, c in sorted(new.items())],
            )
            self.record_changes(
                (
                    "monthly_plans",
                    project_id,
                    f"{p}.{_PLAN_LABEL}",
                    from_cents(old.get(p)),
                    from_cents(new.get(p)),
                )
                for p in sorted(set(old) | set(new))
                if old.get(p) != new.get(p)
            )
        return self.monthly_plan(project_id, year)

    def _plan_cents(self, project_id: int, year: int) -> dict[str, int]:
        return dict(
            self.conn.execute(
                "SELECT period, plan_investment FROM monthly_plans "
                "WHERE project_id = ? AND period BETWEEN ? AND ?",
                (project_id, f"{year:04d}-01", f"{year:04d}-12"),
            )
        )


def _project_year(row: tuple[Any, ...]) -> ProjectYear:
    data = dict(zip(_YEAR_COLUMNS, row, strict=True))
    data["on_list"] = bool(data["on_list"])
    data["annual_plan"] = from_cents(data["annual_plan"])
    data["lists"] = json.loads(data["lists"]) if data["lists"] else []
    return ProjectYear(**data)


def _db_value(name: str, value: Any) -> Any:
    if name == "on_list":
        return int(bool(value))
    if name == "target":
        return value
    return project_db_value(name, value)


def _year_changes(
    project_id: int, year: int, old: Mapping[str, Any], diff: Mapping[str, Any]
) -> Iterable[Change]:
    return (("project_years", project_id, f"{year}.{k}", old.get(k), v) for k, v in diff.items())
