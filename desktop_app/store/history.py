"""The change history: who changed what, when, from what to what."""

from __future__ import annotations

from typing import Any

from .models import HistoryEntry
from .rows import equal_filters


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
                " AND ((h.table_name = 'projects' AND h.record_id = ?)"
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

    def action_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM actions").fetchone()[0])
