"""A project's child records: key nodes (milestones) and problems."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..domain.validation import Issue
from .actions import ActionsMixin, now_text
from .errors import ConflictError, NotFound, StoreError, ValidationFailed
from .models import Milestone, Problem
from .rows import clean, equal_filters

_MILESTONE_FIELDS = ("name", "planned_date", "actual_date", "department", "note", "sort_order")
_PROBLEM_FIELDS = ("text", "department", "deadline", "status", "solution", "raised_on", "solved_on")
_MULTILINE_CHILD_FIELDS = frozenset({"note", "text", "solution"})


class ChildrenMixin(ActionsMixin):
    """Milestones and problems of :class:`~.store.Store`."""

    # --------------------------------------------------------------- milestones
    def milestones(self, project_id: int) -> list[Milestone]:
        rows = self.conn.execute(
            "SELECT project_id, "
            + ", ".join(_MILESTONE_FIELDS)
            + ", id, is_sample, version, updated_at "
            "FROM milestones WHERE project_id = ? ORDER BY sort_order, planned_date, id",
            (project_id,),
        ).fetchall()
        return [
            Milestone(*r[:7], id=r[7], is_sample=bool(r[8]), version=r[9], updated_at=r[10])
            for r in rows
        ]

    def save_milestone(self, milestone: Milestone) -> Milestone:
        if not clean(milestone.name):
            raise ValidationFailed([Issue("name", "节点名称不能为空")])
        rid = self._save_child("milestones", "节点", milestone, _MILESTONE_FIELDS)
        return next(r for r in self.milestones(milestone.project_id) if r.id == rid)

    def delete_milestone(self, milestone_id: int) -> None:
        self._delete_child("milestones", "节点", milestone_id, _MILESTONE_FIELDS)

    # ----------------------------------------------------------------- problems
    def problems(
        self, *, project_id: int | None = None, status: str | None = None
    ) -> list[Problem]:
        sql = (
            "SELECT project_id, "
            + ", ".join(_PROBLEM_FIELDS)
            + ", id, is_sample, version, updated_at "
            "FROM problems WHERE 1 = 1"
        )
        where, params = equal_filters({"project_id": project_id, "status": status})
        rows = self.conn.execute(sql + where + " ORDER BY project_id, id", params).fetchall()
        return [
            Problem(*r[:8], id=r[8], is_sample=bool(r[9]), version=r[10], updated_at=r[11])
            for r in rows
        ]

    def save_problem(self, problem: Problem) -> Problem:
        if not clean(problem.text, multiline=True):
            raise ValidationFailed([Issue("text", "问题内容不能为空")])
        if problem.status not in ("open", "solved"):
            raise ValidationFailed([Issue("status", "问题状态只能是“未解决”或“已解决”")])
        rid = self._save_child("problems", "问题", problem, _PROBLEM_FIELDS)
        return next(r for r in self.problems(project_id=problem.project_id) if r.id == rid)

    def delete_problem(self, problem_id: int) -> None:
        self._delete_child("problems", "问题", problem_id, _PROBLEM_FIELDS)

    # ------------------------------------------------------------------- shared
    def _save_child(self, table: str, label: str, record: Any, names: Sequence[str]) -> int:
        """Insert or update one child record with its history; returns its id."""
        values = {
            n: clean(getattr(record, n), multiline=n in _MULTILINE_CHILD_FIELDS)
            if isinstance(getattr(record, n), str)
            else getattr(record, n)
            for n in names
        }
        with self.action(f"编辑{label}"):
            if record.id is None:
                try:
                    rid = self.engine.insert_id(
                        self.conn,
                        f"INSERT INTO {table} (project_id, {', '.join(names)}, is_sample, updated_at) "
                        f"VALUES ({', '.join('?' * (len(names) + 3))})",
                        (record.project_id, *values.values(), int(record.is_sample), now_text()),
                    )
                except self.engine.IntegrityError as exc:
                    raise StoreError(f"项目不存在，无法保存{label}") from exc
                self.record_changes(
                    (table, rid, k, None, v) for k, v in values.items() if v is not None
                )
                self.record_change(table, rid, "project_id", None, record.project_id)
                return rid
            rid = record.id
            row = self.conn.execute(
                f"SELECT {', '.join(names)}, version FROM {table} WHERE id = ?", (rid,)
            ).fetchone()
            if row is None:
                raise NotFound(f"{label}不存在（编号 {rid}）")
            if record.version and row[-1] != record.version:
                raise ConflictError(f"该{label}在您打开后已被他人修改，请刷新后再保存")
            old = dict(zip(names, row[:-1], strict=True))
            diff = {k: v for k, v in values.items() if v != old[k]}
            if diff:
                self.conn.execute(
                    f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in diff)}, "
                    "version = version + 1, updated_at = ? WHERE id = ?",
                    (*diff.values(), now_text(), rid),
                )
                self.record_changes((table, rid, k, old[k], v) for k, v in diff.items())
            return int(rid)

    def _delete_child(self, table: str, label: str, rid: int, names: Sequence[str]) -> None:
        row = self.conn.execute(
            f"SELECT {', '.join(names)} FROM {table} WHERE id = ?", (rid,)
        ).fetchone()
        if row is None:
            raise NotFound(f"{label}不存在（编号 {rid}）")
        with self.action(f"删除{label}"):
            self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (rid,))
            self.record_changes(
                (table, rid, k, v, None) for k, v in zip(names, row, strict=True) if v is not None
            )
