"""Undo and redo: every edit made in the window is a QUndoCommand whose steps call the store.

Each step (do, undo, redo) is one store action, so the change history shows the undo as a
change of its own.  The first ``redo`` Qt makes when a command is pushed does nothing: the
editor has already performed the change (and reported any error) before pushing it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain.periods import Period
from ..store import Milestone, MonthlyReport, Problem, Project, Store, StoreError


class _StoreCommand(QUndoCommand):
    def __init__(self, editor: LedgerEditor, text: str) -> None:
        super().__init__(text)
        self._editor = editor
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._editor._run(self._redo)

    def undo(self) -> None:
        self._editor._run(self._undo)

    def _redo(self) -> tuple[str, list[int]]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _undo(self) -> tuple[str, list[int]]:  # pragma: no cover - abstract
        raise NotImplementedError


class _EditProject(_StoreCommand):
    def __init__(
        self,
        editor: LedgerEditor,
        project_id: int,
        old: dict,
        new: dict,
        text: str,
        year: int | None = None,
        old_year: dict | None = None,
        new_year: dict | None = None,
    ):
        super().__init__(editor, text)
        self._id, self._old, self._new = project_id, old, new
        self._year = year  # of 年度计划投资 / 建设性质 / 项目清单
        # 名单, 建设目标 and 月度计划 of that year (keys of YEAR_PART_KEYS)
        self._old_year, self._new_year = old_year or {}, new_year or {}

    def _redo(self) -> tuple[str, list[int]]:
        return self._put(
            self._new, self._new_year, QCoreApplication.translate("LedgerEditor", "重做：")
        )

    def _undo(self) -> tuple[str, list[int]]:
        return self._put(
            self._old, self._old_year, QCoreApplication.translate("LedgerEditor", "撤销：")
        )

    def _put(self, values: dict, of_year: dict, prefix: str) -> tuple[str, list[int]]:
        store = self._editor.store
        with store.action(prefix + self.text()):
            store.update_project(self._id, values, year=self._year)
            _put_year(store, self._id, int(self._year or store.current_year()), of_year)
        return "projects", [self._id]


#: What the project form saves of the year besides the fields (see dialogs/project_year.py).
YEAR_PART_KEYS = ("on_list", "target", "monthly_plan")


def _split_year_part(values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The project fields, and the year's 名单 / 建设目标 / 月度计划 among ``values``."""
    fields = {k: v for k, v in values.items() if k not in YEAR_PART_KEYS}
    return fields, {k: values[k] for k in YEAR_PART_KEYS if k in values}


def _read_year_part(store: Store, project_id: int, year: int, keys: Any) -> dict[str, Any]:
    row = store.project_year(project_id, year)
    out: dict[str, Any] = {}
    for key in keys:
        if key == "monthly_plan":
            out[key] = store.monthly_plan(project_id, year)
        elif key == "target":
            out[key] = (row.target if row is not None else None) or ""
        else:
            out[key] = bool(row.on_list) if row is not None else False
    return out


def _put_year(store: Store, project_id: int, year: int, of_year: Mapping[str, Any]) -> None:
    """Write the year's part (inside the caller's action)."""
    changes = {k: v for k, v in of_year.items() if k != "monthly_plan"}
    if changes:
        store.set_project_year(project_id, year, changes)
    if "monthly_plan" in of_year:
        store.set_monthly_plan(project_id, year, of_year["monthly_plan"])


class _AddProject(_StoreCommand):
    def __init__(self, editor: LedgerEditor, project: Project, text: str) -> None:
        super().__init__(editor, text)
        self._id = int(project.id or 0)
        self._snapshot: dict[str, Any] | None = None

    def _undo(self) -> tuple[str, list[int]]:
        self._snapshot = self._editor.store.delete_project(
            self._id, description=QCoreApplication.translate("LedgerEditor", "撤销：") + self.text()
        )
        return "projects", [self._id]

    def _redo(self) -> tuple[str, list[int]]:
        assert self._snapshot is not None
        self._editor.store.restore_project(
            self._snapshot,
            description=QCoreApplication.translate("LedgerEditor", "重做：") + self.text(),
        )
        return "projects", [self._id]


class _DeleteProject(_StoreCommand):
    def __init__(self, editor: LedgerEditor, snapshot: dict[str, Any], text: str) -> None:
        super().__init__(editor, text)
        self._snapshot = snapshot
        self._id = int(snapshot["project"].id)

    def _undo(self) -> tuple[str, list[int]]:
        self._editor.store.restore_project(
            self._snapshot,
            description=QCoreApplication.translate("LedgerEditor", "撤销：") + self.text(),
        )
        return "projects", [self._id]

    def _redo(self) -> tuple[str, list[int]]:
        self._snapshot = self._editor.store.delete_project(
            self._id, description=QCoreApplication.translate("LedgerEditor", "重做：") + self.text()
        )
        return "projects", [self._id]


class _SaveMonthly(_StoreCommand):
    def __init__(
        self,
        editor: LedgerEditor,
        period: Period,
        old: Mapping[int, MonthlyReport | None],
        new: Sequence[MonthlyReport],
        text: str,
    ) -> None:
        super().__init__(editor, text)
        self._period, self._old, self._new = period, dict(old), list(new)

    def _redo(self) -> tuple[str, list[int]]:
        self._editor.store.save_monthly_reports(
            self._new,
            description=QCoreApplication.translate("LedgerEditor", "重做：") + self.text(),
        )
        return "monthly", [r.project_id for r in self._new]

    def _undo(self) -> tuple[str, list[int]]:
        store = self._editor.store
        with store.action(QCoreApplication.translate("LedgerEditor", "撤销：") + self.text()):
            for pid, report in self._old.items():
                if report is None:
                    store.delete_monthly_report(pid, self._period)
            previous = [r for r in self._old.values() if r is not None]
            if previous:
                store.save_monthly_reports(previous)
        return "monthly", list(self._old)


class _SaveChild(_StoreCommand):
    """Add, change or delete a milestone or a problem."""

    def __init__(
        self,
        editor: LedgerEditor,
        kind: str,
        old: Milestone | Problem | None,
        new: Milestone | Problem | None,
        text: str,
    ) -> None:
        super().__init__(editor, text)
        self._kind, self._old, self._new = kind, old, new

    def _save(self, record: Any) -> Any:
        store = self._editor.store
        return (
            store.save_milestone(record)
            if self._kind == "milestone"
            else store.save_problem(record)
        )

    def _delete(self, record_id: int) -> None:
        store = self._editor.store
        if self._kind == "milestone":
            store.delete_milestone(record_id)
        else:
            store.delete_problem(record_id)

    def _current(self, record: Any) -> Any:
        """The stored version of ``record`` (its id may have changed through undo/redo)."""
        store = self._editor.store
        pool = (
            store.milestones(record.project_id)
            if self._kind == "milestone"
            else store.problems(project_id=record.project_id)
        )
        return next((r for r in pool if r.id == record.id), None)

    def _switch(self, frm: Any, to: Any, prefix: str) -> tuple[str, list[int], Any]:
        store = self._editor.store
        with store.action(prefix + self.text()):
            if to is None:
                self._delete(frm.id)
                result = None
            elif frm is None:
                result = self._save(replace(to, id=None, version=0))
            else:
                current = self._current(frm)
                result = self._save(
                    replace(to, id=frm.id, version=current.version if current else 0)
                )
        project_id = (to or frm).project_id
        return self._kind, [project_id], result

    def _redo(self) -> tuple[str, list[int]]:
        kind, ids, saved = self._switch(
            self._old, self._new, QCoreApplication.translate("LedgerEditor", "重做：")
        )
        self._new = saved
        return kind, ids

    def _undo(self) -> tuple[str, list[int]]:
        kind, ids, saved = self._switch(
            self._new, self._old, QCoreApplication.translate("LedgerEditor", "撤销：")
        )
        self._old = saved
        return kind, ids


class LedgerEditor(QObject):
    """Performs edits through the store and records them on the undo stack.

    ``changed(kind, project_ids)`` follows every successful step (do, undo, redo); kind is
    'projects', 'monthly', 'milestone' or 'problem'.  ``failed(message)`` reports an undo or
    redo the store refused (e.g. someone else changed the record meanwhile).
    """

    changed = Signal(str, list)
    failed = Signal(str)

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)

    def _run(self, step: Callable[[], tuple[str, list[int]]]) -> None:
        try:
            kind, ids = step()
        except StoreError as exc:
            self.failed.emit(str(exc))
            return
        self.changed.emit(kind, ids)

    def _push(self, command: QUndoCommand, kind: str, ids: list[int]) -> None:
        self.undo_stack.push(command)
        self.changed.emit(kind, ids)

    # ------------------------------------------------------------------ projects
    def add_project(self, values: Mapping[str, Any], *, year: int | None = None) -> Project:
        """Create a project on ``year``'s list (default: the current year; raises
        ValidationFailed with the issues)."""
        fields, of_year = _split_year_part(values)
        text = QCoreApplication.translate("LedgerEditor", "新增项目：") + str(
            fields.get("name") or ""
        )
        with self.store.action(text):
            project = self.store.add_project(fields, year=year)
            if of_year:
                _put_year(
                    self.store,
                    int(project.id or 0),
                    int(project.year or self.store.year_of(year)),
                    of_year,
                )
        text = QCoreApplication.translate("LedgerEditor", "新增项目：") + project.name
        self._push(_AddProject(self, project, text), "projects", [int(project.id or 0)])
        return project

    def update_project(
        self,
        project_id: int,
        changes: Mapping[str, Any],
        *,
        expected_version: int | None = None,
        year: int | None = None,
    ) -> Project:
        """Change fields of a project, 年度计划投资 / 建设性质 / 项目清单 those of ``year``
        (default: the current year; raises ValidationFailed / ConflictError).  ``changes`` may
        hold the year's on_list / target / monthly_plan too: all is one action, one undo step."""
        fields, of_year = _split_year_part(changes)
        before = self.store.get_project(project_id, year)
        the_year = int(before.year or self.store.year_of(year))
        old_year = _read_year_part(self.store, project_id, the_year, of_year)
        of_year = {k: v for k, v in of_year.items() if v != old_year[k]}
        old_year = {k: old_year[k] for k in of_year}
        text = QCoreApplication.translate("LedgerEditor", "编辑项目：") + before.name
        with self.store.action(text):
            after = self.store.update_project(
                project_id, fields, expected_version=expected_version, year=year
            )
            _put_year(self.store, project_id, the_year, of_year)
        if of_year:
            after = self.store.get_project(project_id, year)
        if after.version == before.version:
            return after
        old_values, new_values = before.values(), after.values()
        changed = [k for k in new_values if new_values[k] != old_values[k]]
        old = {k: old_values[k] for k in changed}
        new = {k: new_values[k] for k in changed}
        text = QCoreApplication.translate("LedgerEditor", "编辑项目：") + after.name
        self._push(
            _EditProject(self, project_id, old, new, text, after.year, old_year, new_year=of_year),
            "projects",
            [project_id],
        )
        return after

    def delete_project(self, project_id: int) -> None:
        snapshot = self.store.delete_project(project_id)
        text = QCoreApplication.translate("LedgerEditor", "删除项目：") + snapshot["project"].name
        self._push(_DeleteProject(self, snapshot, text), "projects", [project_id])

    # ----------------------------------------------------------- monthly reports
    def save_monthly(
        self,
        period: Period,
        reports: Sequence[MonthlyReport],
        text: str,
        *,
        check_versions: bool = False,
    ) -> None:
        """Save a block of reports of one period as one action (raises StoreError).

        ``check_versions``: refuse (ConflictError) when another window or instance saved one
        of these reports since it was read; undo and redo never check."""
        if not reports:
            return
        current = self.store.monthly_reports(period) if len(reports) > 50 else None
        old: dict[int, MonthlyReport | None] = {}
        for report in reports:
            if current is not None:
                old[report.project_id] = current.get(report.project_id)
            else:
                old[report.project_id] = next(
                    (
                        r
                        for r in self.store.project_monthly(report.project_id)
                        if r.period == str(period)
                    ),
                    None,
                )
        self.store.save_monthly_reports(reports, description=text, check_versions=check_versions)
        self._push(
            _SaveMonthly(self, period, old, reports, text),
            "monthly",
            [r.project_id for r in reports],
        )

    # ------------------------------------------------------ milestones, problems
    def save_child(self, kind: str, record: Milestone | Problem) -> Milestone | Problem:
        """Add or change a milestone (kind 'milestone') or a problem ('problem')."""
        old = None
        if record.id is not None:
            pool = (
                self.store.milestones(record.project_id)
                if kind == "milestone"
                else self.store.problems(project_id=record.project_id)
            )
            old = next((r for r in pool if r.id == record.id), None)
        saved = (
            self.store.save_milestone(record)  # type: ignore[arg-type]
            if kind == "milestone"
            else self.store.save_problem(record)  # type: ignore[arg-type]
        )
        label = (
            QCoreApplication.translate("LedgerEditor", "关键节点")
            if kind == "milestone"
            else QCoreApplication.translate("LedgerEditor", "问题")
        )
        text = (
            QCoreApplication.translate("LedgerEditor", "新增")
            if old is None
            else QCoreApplication.translate("LedgerEditor", "编辑")
        ) + label
        self._push(_SaveChild(self, kind, old, saved, text), kind, [record.project_id])
        return saved

    def delete_child(self, kind: str, record: Milestone | Problem) -> None:
        if kind == "milestone":
            self.store.delete_milestone(int(record.id or 0))
        else:
            self.store.delete_problem(int(record.id or 0))
        label = (
            QCoreApplication.translate("LedgerEditor", "关键节点")
            if kind == "milestone"
            else QCoreApplication.translate("LedgerEditor", "问题")
        )
        self._push(
            _SaveChild(
                self, kind, record, None, QCoreApplication.translate("LedgerEditor", "删除") + label
            ),
            kind,
            [record.project_id],
        )
