"""Projects: read, validate, add, change (with conflict details), delete, restore, import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

from ..domain.fields import AMOUNT_FIELDS, FIELD_BY_NAME, PROJECT_FIELD_NAMES, SEARCH_FIELDS
from ..domain.periods import Period
from ..domain.query import ProjectQuery
from ..domain.text import shown
from ..domain.textmatch import normalize_query, search_key
from ..domain.validation import Issue, errors_only, validate_project
from .actions import ActionsMixin, Change, now_text
from .errors import ConflictError, NotFound, ValidationFailed
from .models import MonthlyReport, Project, history_text
from .rows import (
    PROJECT_SELECT,
    YEAR_FIELDS,
    project_db_value,
    project_from_row,
    record_summary,
)
from .values import _normalised
from .years import INSERT_YEARS, YearsMixin

#: (code_exists, code_taken): the checks of :func:`validate_project`.
Checks = tuple[Callable[[str, str], bool], Callable[[str], bool]]

#: The fields of a project kept in ``projects`` (the others are a year's: YEAR_FIELDS).
_OWN_FIELDS = tuple(n for n in PROJECT_FIELD_NAMES if n not in YEAR_FIELDS)
_INSERT_COLUMNS = (*_OWN_FIELDS, "is_sample", "search_key", "created_at", "updated_at")
#: The fields :func:`project_db_value` changes on the way into the table (the others go as
#: they are).
_CONVERTED = frozenset((*AMOUNT_FIELDS, "lists"))
#: A new project's record before its values: every field empty.
_BLANK: dict[str, Any] = dict.fromkeys(PROJECT_FIELD_NAMES)


class ProjectsMixin(YearsMixin, ActionsMixin):
    """The projects of :class:`~.store.Store`.

    Uses, through the composed store, the figures of :mod:`.reads` (filtering by light), the
    code lists of :mod:`.codes` (validation), and the reports, milestones and problems of
    :mod:`.monthly` and :mod:`.children` (a deleted project's snapshot and its restore)."""

    # -------------------------------------------------------------------- reads
    def project_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM projects").fetchone()[0])

    def get_project(self, project_id: int, year: int | None = None) -> Project:
        """A project with its values of ``year`` (default: the current year)."""
        year = self.year_of(year)
        row = self.conn.execute(PROJECT_SELECT + " WHERE p.id = ?", (year, project_id)).fetchone()
        if row is None:
            raise NotFound(f"项目不存在（编号 {project_id}）")
        return project_from_row(row, year)

    def find_project(self, code: str, year: int | None = None) -> Project | None:
        year = self.year_of(year)
        row = self.conn.execute(PROJECT_SELECT + " WHERE p.code = ?", (year, code)).fetchone()
        return project_from_row(row, year) if row else None

    def projects(self, year: int | None = None, *, listed: bool = False) -> list[Project]:
        """Every project (``listed``: those on the year's list), in code order, with its
        values of ``year`` (default: the current year)."""
        year = self.year_of(year)
        where = " WHERE y.on_list = 1" if listed else ""
        rows = self.conn.execute(PROJECT_SELECT + where + " ORDER BY p.code", (year,)).fetchall()
        return [project_from_row(r, year) for r in rows]

    def search_keys(self) -> dict[int, str]:
        return dict(self.conn.execute("SELECT id, search_key FROM projects"))

    def list_projects(
        self,
        query: ProjectQuery | None = None,
        *,
        search: str | None = None,
        period: Period | None = None,
        year: int | None = None,
    ) -> list[Project]:
        """Projects passing ``query`` (or just a search text), in code order, with their values
        of ``year`` (default: the period's year, else the current year)."""
        query = query or ProjectQuery(search or "")
        year = self.year_of(year if year is not None else period)
        sql, params = PROJECT_SELECT, [year]
        if query.search:
            sql += " WHERE " + self.engine.contains("p.search_key")
            params.append(normalize_query(query.search))
        rows = self.conn.execute(sql + " ORDER BY p.code", params).fetchall()
        projects = [project_from_row(r, year) for r in rows]
        if not (query.filters or query.lights):
            return projects
        lights: dict[int, str] = {}
        if query.lights:
            figures = self.figures(period or self.default_period())
            lights = {pid: f.light.value for pid, f in figures.items()}
        return [p for p in projects if query.matches(p.values(), None, lights.get(p.id or 0))]

    def validate(self, values: Mapping[str, Any], project_id: int | None = None) -> list[Issue]:
        """The validation issues of a project record as the form would save it."""

        def taken(code: str) -> bool:
            row = self.conn.execute("SELECT id FROM projects WHERE code = ?", (code,)).fetchone()
            return row is not None and row[0] != project_id

        return validate_project(values, code_exists=self.code_exists, code_taken=taken)

    def next_code(self, year: int | None = None) -> str:
        """A new unique 项目编号 such as LY2022-061."""
        year = year or dt.date.today().year
        prefix = f"LY{year}-"
        rows = self.conn.execute(
            "SELECT code FROM projects WHERE code LIKE ? ESCAPE '\\'", (prefix + "%",)
        ).fetchall()
        numbers = [int(c[len(prefix) :]) for (c,) in rows if c[len(prefix) :].isdigit()]
        return f"{prefix}{(max(numbers) if numbers else 0) + 1:03d}"

    # ------------------------------------------------------------------- writes
    def add_project(
        self,
        values: Mapping[str, Any],
        *,
        year: int | None = None,
        description: str | None = None,
    ) -> Project:
        """Create a project on ``year``'s list (default: the current year) with the year's
        values given; a missing 项目编号 is generated.  Returns the stored project."""
        full = self._checked_new(values)
        year = self.year_of(year)
        with self.action(description or f"新增项目：{full.get('name')}"):
            project_id = self._insert_project(full, is_sample=bool(values.get("is_sample")))
            self._insert_years([(project_id, year, full)])
            self.record_changes(_new_project_changes(project_id, full, year))
        return self.get_project(project_id, year)

    def _checked_new(
        self,
        values: Mapping[str, Any],
        checks: Checks | None = None,
        next_code: Callable[[], str] | None = None,
    ) -> dict[str, Any]:
        """The full record of a new project as it will be stored (a missing 项目编号 generated),
        validated: raises :class:`ValidationFailed`.  ``checks`` answer from memory instead
        of a query per value (imports)."""
        data = _normalised(values)
        data.setdefault("lists", [])
        if not data.get("code"):
            data["code"] = (next_code or self.next_code)()
        full = {**_BLANK, **data}  # every field, in field order (data holds no others)
        if checks is None:
            issues = self.validate(full)
        else:
            issues = validate_project(full, code_exists=checks[0], code_taken=checks[1])
        errors = errors_only(issues)
        if errors:
            raise ValidationFailed(errors)
        return full

    def _insert_projects(self, records: Sequence[tuple[Mapping[str, Any], bool]]) -> list[int]:
        """Insert (full record, is_sample) pairs, many per statement, with the ids SQLite would
        give them one by one (the largest id + 1 each); returns the ids.  A row the database
        refuses raises the same :class:`ValidationFailed` as :meth:`_insert_project`."""
        if not records:
            return []
        first = int(
            self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM projects").fetchone()[0]
        )
        ids = list(range(first, first + len(records)))
        stamp = now_text()  # one moment: the action's
        plain = [(i, n) for i, n in enumerate(_OWN_FIELDS) if n not in _CONVERTED]
        converted = [(i, n) for i, n in enumerate(_OWN_FIELDS) if n in _CONVERTED]
        width = len(_OWN_FIELDS)
        rows = []
        for project_id, (full, is_sample) in zip(ids, records, strict=True):
            get = full.get
            row: list[Any] = [None] * width
            for i, n in plain:
                row[i] = get(n)
            for i, n in converted:
                row[i] = project_db_value(n, get(n))
            row += [int(is_sample), _search_key(full), stamp, stamp, project_id]
            rows.append(row)
        columns = (*_INSERT_COLUMNS, "id")
        self.conn.execute("SAVEPOINT insert_projects")
        try:
            self.engine.insert_rows(
                self.conn,
                f"INSERT INTO projects ({', '.join(columns)}) VALUES ",
                len(columns),
                rows,
            )
        except self.engine.IntegrityError:
            self.conn.execute("ROLLBACK TO insert_projects")
            self.conn.execute("RELEASE insert_projects")
            # one by one, to name the row refused (rows before it are written, as before)
            for project_id, (full, is_sample) in zip(ids, records, strict=True):
                self._insert_project(full, is_sample=is_sample, project_id=project_id)
            raise
        self.conn.execute("RELEASE insert_projects")
        return ids

    def _insert_project(
        self, full: Mapping[str, Any], *, is_sample: bool = False, project_id: int | None = None
    ) -> int:
        stamp = now_text()
        columns = list(_INSERT_COLUMNS)
        params = [project_db_value(n, full.get(n)) for n in _OWN_FIELDS]
        params += [int(is_sample), _search_key(full), stamp, stamp]
        if project_id is not None:
            columns.append("id")
            params.append(project_id)
        try:
            return self.engine.insert_id(
                self.conn,
                f"INSERT INTO projects ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                params,
            )
        except self.engine.IntegrityError as exc:
            raise ValidationFailed([Issue("code", self._integrity_message(exc, full))]) from exc

    def _integrity_message(self, exc: Exception, values: Mapping[str, Any]) -> str:
        column = self.engine.failed_column(exc)
        if column == "projects.code":
            return f"项目编号“{values.get('code')}”已被其他项目使用"
        if column == "projects.name":
            return "项目名称不能为空"
        return f"数据不符合要求：{exc}"

    def update_project(
        self,
        project_id: int,
        changes: Mapping[str, Any],
        *,
        expected_version: int | None = None,
        description: str | None = None,
        year: int | None = None,
    ) -> Project:
        """Change some fields of a project (年度计划投资, 建设性质 and 项目清单 those of
        ``year``, default the current year).  With ``expected_version``, refuse to overwrite an
        edit saved since the caller read the project (:class:`ConflictError`)."""
        year = self.year_of(year)
        current = self.get_project(project_id, year)
        if expected_version is not None and current.version != expected_version:
            raise ConflictError(
                f"项目“{current.name}”在您打开后已被他人修改（版本 {expected_version} → "
                f"{current.version}），您的修改未保存。{self._conflict_details(changes, current, expected_version)}"
                "请查看对方的修改后再保存",
                current.values(),
            )
        new = _normalised(changes)
        old_values = current.values()
        diff = {k: v for k, v in new.items() if v != old_values.get(k)}
        if not diff:
            return current
        merged = {**old_values, **diff}
        errors = errors_only(self.validate(merged, project_id))
        if errors:
            raise ValidationFailed(errors)
        own = {k: v for k, v in diff.items() if k not in YEAR_FIELDS}
        of_year = {k: v for k, v in diff.items() if k in YEAR_FIELDS}
        with self.action(description or f"编辑项目：{merged.get('name')}"):
            sets = "".join(f"{k} = ?, " for k in own)
            params = [project_db_value(k, v) for k, v in own.items()]
            try:
                cur = self.conn.execute(
                    f"UPDATE projects SET {sets}search_key = ?, version = version + 1, "
                    "updated_at = ? WHERE id = ? AND version = ?",
                    [*params, _search_key(merged), now_text(), project_id, current.version],
                )
            except self.engine.IntegrityError as exc:
                raise ValidationFailed(
                    [Issue("code", self._integrity_message(exc, merged))]
                ) from exc
            if cur.rowcount != 1:
                raise ConflictError("项目在保存时已被他人修改，请重新打开后再保存")
            self.record_changes(
                ("projects", project_id, k, old_values.get(k), v) for k, v in own.items()
            )
            if of_year:
                self._write_year(project_id, year, of_year, bump=False)
        return self.get_project(project_id, year)

    def _conflict_details(
        self, changes: Mapping[str, Any], current: Project, expected_version: int
    ) -> str:
        """Both values of each field both sides changed, and what else the other side changed
        (from the history of the saves made since ``expected_version``)."""
        try:
            mine = _normalised(changes)
        except ValidationFailed:
            mine = {k: v for k, v in changes.items() if k in FIELD_BY_NAME}
        now = current.values()
        mine = {k: v for k, v in mine.items() if v != now.get(k)}
        saves = max(current.version - expected_version, 0)
        theirs: list[str] = []
        actions: list[int] = []
        for action_id, name in self.conn.execute(
            "SELECT action_id, field FROM history WHERE table_name = 'projects' "
            "AND record_id = ? AND field IS NOT NULL ORDER BY id DESC LIMIT 5000",
            (current.id,),
        ):
            if action_id not in actions:
                if len(actions) == saves:
                    break
                actions.append(action_id)
            if name in FIELD_BY_NAME and name not in theirs:
                theirs.append(name)
        both = [k for k in mine if k in theirs or not theirs]
        parts = [
            f"{FIELD_BY_NAME[k].label}：您填写“{shown(mine[k])}”，对方已保存“{shown(now.get(k))}”"
            for k in both
        ]
        others = [k for k in theirs if k not in mine]
        if others:
            parts.append(
                "对方修改了"
                + "、".join(f"{FIELD_BY_NAME[k].label}（“{shown(now.get(k))}”）" for k in others)
            )
        return "；".join(parts) + "。" if parts else ""

    def project_snapshot(self, project_id: int) -> dict[str, Any]:
        """Everything a deleted project takes with it, to restore it exactly (undo)."""
        project = self.get_project(project_id)
        return {
            "project": project,
            "years": self.project_years(project_id),
            "monthly_plans": [
                (project_id, p, c)
                for p, c in self.conn.execute(
                    "SELECT period, plan_investment FROM monthly_plans WHERE project_id = ?",
                    (project_id,),
                )
            ],
            "monthly": self.project_monthly(project_id),
            "milestones": self.milestones(project_id),
            "problems": self.problems(project_id=project_id),
        }

    def delete_project(self, project_id: int, *, description: str | None = None) -> dict[str, Any]:
        """Delete a project with its reports, milestones and problems; returns the snapshot."""
        snapshot = self.project_snapshot(project_id)
        project: Project = snapshot["project"]
        with self.action(description or f"删除项目：{project.name}"):
            rows: list[Change] = [
                ("projects", project_id, name, value, None)
                for name, value in project.values().items()
                if value not in (None, [])
            ]
            for table, records in (
                ("monthly_reports", snapshot["monthly"]),
                ("milestones", snapshot["milestones"]),
                ("problems", snapshot["problems"]),
            ):
                rows.extend((table, r.id, None, record_summary(r), None) for r in records)
            self.conn.execute("DELETE FROM projects WHERE id = ?", (project_id,))
            self.record_changes(rows)
        return snapshot

    def restore_project(
        self, snapshot: Mapping[str, Any], *, description: str | None = None
    ) -> Project:
        """Put back a project deleted by :meth:`delete_project` (same id, code and children)."""
        project: Project = snapshot["project"]
        with self.action(description or f"恢复项目：{project.name}"):
            pid = self._insert_project(
                project.values(), is_sample=project.is_sample, project_id=project.id
            )
            years = snapshot.get("years")
            if years is None:  # a snapshot without its years: the project's year
                self._insert_years([(pid, project.year or self.current_year(), project.values())])
            for y in years or []:
                self.conn.execute(
                    INSERT_YEARS + "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        pid,
                        y.year,
                        int(y.on_list),
                        project_db_value("annual_plan", y.annual_plan),
                        y.nature,
                        project_db_value("lists", y.lists),
                        y.target,
                        y.version,
                        y.updated_at or now_text(),
                    ),
                )
            self.conn.executemany(
                "INSERT INTO monthly_plans (project_id, period, plan_investment) VALUES (?, ?, ?)",
                snapshot.get("monthly_plans") or [],
            )
            self.record_changes(
                ("projects", pid, name, None, value)
                for name, value in project.values().items()
                if value not in (None, [])
            )
            reports = [replace(r, id=None) for r in snapshot.get("monthly", [])]
            if reports:  # joins this action
                self.save_monthly_reports(reports)
            for milestone in snapshot.get("milestones", []):
                self.save_milestone(replace(milestone, id=None))
            for problem in snapshot.get("problems", []):
                self.save_problem(replace(problem, id=None))
        return self.get_project(pid)

    def import_projects(
        self,
        new: Sequence[Mapping[str, Any]],
        updates: Sequence[tuple[int, Mapping[str, Any], int | None]],
        *,
        source: str,
        description: str | None = None,
        year: int | None = None,
        monthly: Sequence[MonthlyReport] = (),
        new_monthly: Mapping[int, MonthlyReport] | None = None,
    ) -> tuple[int, int]:
        """Add and change many projects as ONE action (an imported ledger): all or nothing.
        年度计划投资, 建设性质 and 项目清单 are those of ``year`` (default: the current year);
        new projects are put on that year's list.

        The month's figures a ledger carries join the same action: ``monthly``, reports of
        existing projects (checked against the version they carry, as an imported return's),
        and ``new_monthly``, the reports of the new projects by their index in ``new``.

        New projects without a 项目编号 get consecutive new codes.  ``updates`` holds
        (project id, changes, version seen in the preview): a project saved since then is a
        :class:`ConflictError` and nothing is written.  Returns (added, changed).
        """
        given = {str(v["code"]).strip() for v in new if v.get("code")}
        prefix, _, start = self.next_code().rpartition("-")
        number = int(start)
        # The checks of validate() from memory, and every history row in one write.
        listed = set(self.conn.execute("SELECT kind, name FROM code_lists").fetchall())
        taken = {r[0] for r in self.conn.execute("SELECT code FROM projects")}
        checks: Checks = (lambda kind, name: (kind, name) in listed, taken.__contains__)
        added: list[tuple[int, dict[str, Any]]] = []
        pending: list[tuple[dict[str, Any], bool]] = []

        year = self.year_of(year)

        def write_pending() -> None:
            ids = self._insert_projects(pending)
            self._insert_years(
                (pid, year, full) for pid, (full, _) in zip(ids, pending, strict=True)
            )
            added.extend(zip(ids, (full for full, _ in pending), strict=True))
            pending.clear()

        def next_code() -> str:  # from the ledger as written so far
            write_pending()
            return self.next_code()

        with self.action(
            description or f"导入台账：新增{len(new)}个、修改{len(updates)}个项目", source=source
        ):
            # Validated one by one, written many rows per statement, in the same order.
            for values in new:
                data = dict(values)
                if not data.get("code"):
                    while f"{prefix}-{number:03d}" in given:
                        number += 1
                    data["code"] = f"{prefix}-{number:03d}"
                    number += 1
                try:
                    full = self._checked_new(data, checks, next_code)
                except ValidationFailed:
                    write_pending()  # a row the database refuses before this one is named first
                    raise
                pending.append((full, bool(data.get("is_sample"))))
                taken.add(str(data["code"]).strip())
            write_pending()
            self.record_change_texts(_new_projects_history(added, year))
            for project_id, changes, version in updates:
                self.update_project(project_id, changes, expected_version=version, year=year)
            reports = [*monthly]
            for index, report in (new_monthly or {}).items():
                reports.append(replace(report, project_id=added[index][0]))
            if reports:  # joins this action; a closed period refuses it all
                self.save_monthly_reports(reports, check_versions=True)  # type: ignore[attr-defined]
        return len(new), len(updates)


# ---------------------------------------------------------------------- helpers
def _new_project_changes(project_id: int, full: Mapping[str, Any], year: int) -> Iterator[Change]:
    """The history rows of a new project: one per field given (a year's values as those of
    ``project_years``, the field named ``<year>.<field>``)."""
    for name in PROJECT_FIELD_NAMES:
        if full[name] in (None, []):
            continue
        if name in YEAR_FIELDS:
            yield ("project_years", project_id, f"{year}.{name}", None, full[name])
        else:
            yield ("projects", project_id, name, None, full[name])


def _new_projects_history(
    added: Sequence[tuple[int, Mapping[str, Any]]], year: int
) -> list[Change]:
    """The rows of :func:`_new_project_changes` for many new projects at once, their values
    as history text (:meth:`~.actions.ActionsMixin.record_change_texts`)."""
    fields = [
        (name, "project_years", f"{year}.{name}")
        if name in YEAR_FIELDS
        else (name, "projects", name)
        for name in PROJECT_FIELD_NAMES
    ]
    as_text = history_text
    rows: list[Change] = []
    for project_id, full in added:
        for name, table, field in fields:
            value = full[name]
            if value is None or value == []:
                continue
            if value.__class__ is not str:
                value = as_text(value)
            rows.append((table, project_id, field, None, value))
    return rows


def _search_key(values: Mapping[str, Any]) -> str:
    return search_key(values.get(name) for name in SEARCH_FIELDS)
