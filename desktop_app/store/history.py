"""The change history: who changed what, when, from what to what."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, NamedTuple

from .models import HistoryEntry
from .rows import equal_filters

#: For each child table: the column naming one of its records (besides its project).
_CHILD_LABEL = {"monthly_reports": "period", "milestones": "name", "problems": "text"}
_CHUNK = 500
#: The tables whose history rows have the project's id as their record (schema v5).
_OF_PROJECT = ("projects", "project_years", "monthly_plans")
_OF_PROJECT_SQL = ", ".join(f"'{t}'" for t in _OF_PROJECT)


class RecordSubject(NamedTuple):
    """What a history row is about, as a reader names it: the project (id, 编号, 名称) and,
    for a child record, its period (monthly report), name (key node) or text (problem)."""

    project_id: int | None
    code: str | None
    name: str | None
    detail: str | None = None


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    items = sorted(ids)
    for at in range(0, len(items), _CHUNK):
        yield items[at : at + _CHUNK]


class HistoryMixin:
    """Change-history queries of :class:`~.store.Store`."""

    conn: Any

    def history(
        self,
        *,
        table: str | None = None,
        record_id: int | None = None,
        project_id: int | None = None,
        limit: int = 1000,
    ) -> list[HistoryEntry]:
        """Change history, newest first.  ``project_id`` includes its reports, nodes and problems."""
        sql = (
            "SELECT h.id, h.action_id, h.at, h.user, h.table_name, h.record_id, h.field, "
            "h.old_value, h.new_value, a.description, a.source FROM history h "
            "JOIN actions a ON a.id = h.action_id WHERE 1 = 1"
        )
        params: list[Any] = []
        if project_id is not None:
            sql += (
                f" AND ((h.table_name IN ({_OF_PROJECT_SQL}) AND h.record_id = ?)"
                " OR (h.table_name = 'monthly_reports' AND h.record_id IN"
                " (SELECT id FROM monthly_reports WHERE project_id = ?))"
                " OR (h.table_name = 'milestones' AND h.record_id IN"
                " (SELECT id FROM milestones WHERE project_id = ?))"
                " OR (h.table_name = 'problems' AND h.record_id IN"
                " (SELECT id FROM problems WHERE project_id = ?)))"
            )
            params += [project_id] * 4
        where, more = equal_filters({"h.table_name": table, "h.record_id": record_id})
        sql += where + " ORDER BY h.id DESC LIMIT ?"
        params += more
        params.append(limit)
        return [HistoryEntry(*r) for r in self.conn.execute(sql, params)]

    def history_subjects(
        self, entries: Iterable[HistoryEntry]
    ) -> dict[tuple[str, int], RecordSubject]:
        """What the rows of ``entries`` are about, by (table, record id): read from the
        records where they still exist, else from the history itself (a deleted report keeps
        its project and period in the row that created it and in the one that deleted it)."""
        wanted: dict[str, set[int]] = {}
        for e in entries:
            if e.record_id is not None and (
                e.table_name in _OF_PROJECT or e.table_name in _CHILD_LABEL
            ):
                table = "projects" if e.table_name in _OF_PROJECT else e.table_name
                wanted.setdefault(table, set()).add(e.record_id)
        out: dict[tuple[str, int], RecordSubject] = {}
        for pid, code, name in self._live(
            "SELECT id, code, name FROM projects p", "p", wanted.get("projects", ())
        ):
            for table in _OF_PROJECT:  # a year's values and monthly plan: the project's id
                out[table, pid] = RecordSubject(pid, code, name)
        for table, column in _CHILD_LABEL.items():
            sql = (
                f"SELECT c.id, c.project_id, p.code, p.name, c.{column} FROM {table} c "
                "JOIN projects p ON p.id = c.project_id"
            )
            for rid, pid, code, name, detail in self._live(sql, "c", wanted.get(table, ())):
                out[table, rid] = RecordSubject(pid, code, name, detail)
        for table, ids in wanted.items():
            gone = [i for i in ids if (table, i) not in out]
            for chunk in _chunks(gone):
                self._gone_subjects(table, chunk, out)
        return out

    def _live(self, sql: str, alias: str, ids: Iterable[int]) -> Iterable[tuple]:
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            yield from self.conn.execute(f"{sql} WHERE {alias}.id IN ({marks})", chunk)

    def _gone_subjects(
        self, table: str, ids: list[int], out: dict[tuple[str, int], RecordSubject]
    ) -> None:
        """Subjects of deleted records, from their own history rows (oldest first)."""
        found: dict[int, dict[str, Any]] = {i: {} for i in ids}
        marks = ", ".join("?" * len(ids))
        for rid, field, old, new in self.conn.execute(
            "SELECT record_id, field, old_value, new_value FROM history "
            f"WHERE table_name = ? AND record_id IN ({marks}) ORDER BY id",
            [table, *ids],
        ):
            seen = found[rid]
            if field is None and old:  # a deleted record: all of it, as JSON
                try:
                    data = json.loads(old)
                except ValueError:
                    continue
                if isinstance(data, dict):
                    seen.update({k: v for k, v in data.items() if v is not None})
            elif field == "project_period" and new and ":" in new:
                pid, _, period = new.partition(":")
                seen.setdefault("project_id", pid)
                seen.setdefault("period", period)
            elif field is not None:
                value = new if new is not None else old
                if value is not None:
                    seen[field] = value
        projects: dict[int, tuple[str | None, str | None]] = {}
        pids = {pid for seen in found.values() if (pid := _int(seen.get("project_id")))}
        for pid, code, name in self._live("SELECT id, code, name FROM projects p", "p", pids):
            projects[pid] = (code, name)
        for rid, seen in found.items():
            if not seen:
                continue
            if table == "projects":  # its year's values and monthly plan likewise
                for of_project in _OF_PROJECT:
                    out[of_project, rid] = RecordSubject(rid, seen.get("code"), seen.get("name"))
                continue
            pid = _int(seen.get("project_id"))
            code, name = projects.get(pid, (None, None)) if pid is not None else (None, None)
            out[table, rid] = RecordSubject(pid, code, name, seen.get(_CHILD_LABEL[table]))

    def action_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM actions").fetchone()[0])
