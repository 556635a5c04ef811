"""The 项目台账 page: the search and filter bar, the ledger table, the totals line, and the
slots of the ledger's actions (new, edit, duplicate, delete, saved views).

The window creates it when the ledger opens (this module is imported after the first paint);
it reads the store on the interface thread only for what is fast at any size (one project,
the code lists); loading the rows is :class:`~desktop_app.ui.ledger.loading.LedgerLoader`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QLabel, QMenu, QMessageBox, QVBoxLayout, QWidget

from ... import APP_NAME
from ...domain.money import wan_to_yi
from ...domain.query import ProjectQuery
from ...domain.text import rate_percent
from ...store import NotFound, StoreError
from ..common.labels import period_label
from ..dialogs.project import ProjectDialog
from ..models.project import COLUMN_INDEX, COLUMN_KEYS, ProjectTableModel
from . import tr
from .filter_bar import FilterBar
from .table import LedgerTable

if TYPE_CHECKING:
    from ...domain.periods import Period
    from ...store import Project, Store
    from ...views.ledger import Figs, LedgerData
    from ..commands import LedgerEditor
    from ..common.settings import Settings

_CHOICE_FIELDS = ("region", "sector", "chain", "status", "nature")


class LedgerPage(QWidget):
    """The ledger tab.  ``queryChanged(ProjectQuery)`` when the filters change, ``message(text,
    ms)`` for the status bar."""

    queryChanged = Signal(object)
    message = Signal(str, int)

    def __init__(
        self,
        editor: LedgerEditor,
        settings: Settings,
        period: Period,
        parent: QWidget | None = None,
    ) -> None:
        """The page on ``editor``'s store; edits go through ``editor`` (undo), figures are
        of ``period``."""
        super().__init__(parent)
        self.setObjectName("ledgerPage")
        self.editor, self.settings, self.period = editor, settings, period
        self.store: Store = editor.store
        self.dialog: ProjectDialog | None = None  # the form last opened
        self.model = ProjectTableModel(self.store, self, load=False)
        self.table = LedgerTable(self.model, self)
        self.table.activated.connect(
            lambda index: self.edit_project(self.model.project_id(index.row()))
        )
        self.filter_bar = FilterBar(self)
        self.filter_bar.changed.connect(self._apply_query)
        self.filter_bar.toResults.connect(self.focus_results)
        self.filter_bar.filtersCleared.connect(
            lambda: self.message.emit(self.tr("已清除筛选，显示全部项目"), 4000)
        )
        self.footer = QLabel(self)
        self.footer.setObjectName("ledgerFooter")
        self.footer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 2)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.footer)

    def tr(self, text: str) -> str:  # type: ignore[override]
        return tr(text)

    # ================================================================ the rows
    def show_data(self, data: LedgerData) -> None:
        """Show freshly loaded rows, keeping the current project selected."""
        current = self.current_project_id() if self.model.rowCount() else None
        self.model.set_data(data)
        self.fill_filter_choices()
        self.update_footer()
        if current is not None:
            self.select_project(current)

    def update_rows(
        self, kind: str, ids: list, rows: list[tuple], figs: dict[int, Figs], removed: list[int]
    ) -> None:
        """Put the changed projects ``ids`` (``kind`` 'projects': their rows, else only their
        figures) into the table."""
        current = self.current_project_id() if self.model.rowCount() else None
        if kind == "projects":
            self.model.update_projects(rows, figs, removed)
            self.fill_filter_choices()
        else:
            self.model.update_projects([], figs, [])
        self.update_footer()
        target = current if current is not None and current not in removed else None
        if kind == "projects" and rows and len(ids) == 1:
            target = ids[0]
        if target is not None:
            self.select_project(target)

    def fill_filter_choices(self) -> None:
        for field in _CHOICE_FIELDS:
            names = self.store.code_names(field)
            names += [v for v in self.model.distinct(field) if v not in names]
            self.filter_bar.set_choices(field, names)
        self.filter_bar.set_choices("lists", self.store.code_names("list"))
        for field in ("leader", "department"):
            self.filter_bar.set_choices(field, self.model.distinct(field))

    def update_footer(self) -> None:
        t = self.model.totals()

        def yi(value: Any) -> str:
            return f"{wan_to_yi(Decimal(value)):,.2f}"

        plan = t["annual_plan"]
        rate = rate_percent(Decimal(t["ytd"]) / Decimal(plan)) if plan else "—"
        self.footer.setText(
            self.tr(
                "显示 {shown} / {total} 个项目　总投资 {ti} 亿元　年度计划投资 {ap} 亿元　"
                "{period}本年累计完成 {ytd} 亿元　完成率 {rate}"
            ).format(
                shown=f"{self.model.rowCount():,}",
                total=f"{self.model.total_count():,}",
                ti=yi(t["total_investment"]),
                ap=yi(plan),
                period=period_label(self.period),
                ytd=yi(t["ytd"]),
                rate=rate,
            )
        )

    # =============================================================== filtering
    def _apply_query(self, query: ProjectQuery) -> None:
        current = self.current_project_id() if self.model.rowCount() else None
        self.model.set_query(query)
        self.update_footer()
        if current is not None:
            self.select_project(current)
        self.queryChanged.emit(query)

    def current_query(self) -> ProjectQuery:
        return self.model.query

    def set_query(self, query: ProjectQuery) -> None:
        self.filter_bar.set_query(query)

    def set_filter(self, field: str, values: set[str]) -> None:
        self.filter_bar.set_filter(field, set(values))

    def clear_filters(self) -> None:
        self.filter_bar.clear()

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    def focus_results(self) -> bool:
        """Go from the search box into the results: the first row selected, the table focused
        (Enter there opens the project); False, said, when nothing matches."""
        if not self.model.rowCount():
            self.message.emit(self.tr("没有符合条件的项目"), 4000)
            return False
        index = self.model.index(0, COLUMN_INDEX["name"])
        self.table.setCurrentIndex(index)
        self.table.selectRow(0)
        self.table.scrollTo(index)
        self.table.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def visible_ids(self) -> list[int]:
        return self.model.visible_ids()

    # =============================================================== selection
    def current_project_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            rows = self.table.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        return self.model.project_id(index.row())

    def select_project(self, project_id: int) -> bool:
        row = self.model.row_of(project_id)
        if row is None:
            return False
        index = self.model.index(row, COLUMN_INDEX["name"])
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.scrollTo(index)
        return True

    def _chosen(self, project_id: int | None) -> int | None:
        """``project_id``, else the selected project's; None (and a word why) if neither."""
        pid = project_id if project_id is not None else self.current_project_id()
        if pid is None:
            self.message.emit(self.tr("请先在台账中选择一个项目"), 4000)
        return pid

    def _project(self, project_id: int | None) -> Project | None:
        """The chosen project (see :meth:`_chosen`), or None, said, if it is gone."""
        pid = self._chosen(project_id)
        if pid is None:
            return None
        try:
            return self.store.get_project(pid, self._year())
        except NotFound as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            return None

    # ================================================================= editing
    def _open_dialog(
        self, project: Any, save: Callable[[dict[str, Any]], Any], initial: dict | None = None
    ) -> ProjectDialog:
        dialog = ProjectDialog(
            self.store,
            project,
            save,
            self.window(),
            editor=self.editor,
            initial=initial,
            period=self.period,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: (
                dialog.saved_project is not None
                and self.select_project(int(dialog.saved_project.id or 0))
            )
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def _year(self) -> int | None:
        """The year of the period in view (its plans are the ones shown and edited)."""
        return self.period.year if self.period is not None else None

    def new_project(self, initial: dict[str, Any] | None = None) -> ProjectDialog:
        year = self._year()
        return self._open_dialog(
            None, lambda values: self.editor.add_project(values, year=year), initial
        )

    def edit_project(self, project_id: int | None = None) -> ProjectDialog | None:
        project = self._project(project_id)
        if project is None:
            return None
        pid, original = int(project.id or 0), project.values()

        def save(values: dict[str, Any]) -> Any:
            changes = {k: v for k, v in values.items() if v != original.get(k)}
            return self.editor.update_project(
                pid, changes, expected_version=project.version, year=project.year
            )

        return self._open_dialog(project, save)

    def duplicate_project(self, project_id: int | None = None) -> ProjectDialog | None:
        pid = self._chosen(project_id)
        if pid is None:
            return None
        values = self.store.get_project(pid, self._year()).values()
        values["code"] = None
        values["name"] = (values.get("name") or "") + self.tr("（复制）")
        return self.new_project(values)

    def delete_project(
        self, project_id: int | None = None, confirm: Callable[[str], bool] | None = None
    ) -> bool:
        """Delete after ``confirm(name)`` (default: :meth:`confirm_delete`) says yes."""
        project = self._project(project_id)
        if project is None or not (confirm or self.confirm_delete)(project.name):
            return False
        try:
            self.editor.delete_project(int(project.id or 0))
        except StoreError as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            return False
        self.message.emit(
            self.tr("已删除“{name}”（Ctrl+Z 可撤销）").format(name=project.name), 6000
        )
        return True

    def confirm_delete(self, name: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("删除项目"),
            # The question first and short, so its “吗？” does not wrap onto a line alone.
            self.tr(
                "确定删除项目“{name}”吗？\n"
                "它的月报、关键节点和问题会一并删除；删除后可用“撤销”（Ctrl+Z）恢复。"
            ).format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def close_dialog(self) -> bool:
        """Close the open form (it may ask about unsaved changes); False if it stays open."""
        if self.dialog is None:
            return True
        try:
            if self.dialog.isVisible():
                self.dialog.reject()
                return not self.dialog.isVisible()
        except RuntimeError:  # already deleted
            pass
        return True

    # ============================================================= saved views
    def save_view(self, name: str) -> None:
        """Remember the current filters and columns under ``name``."""
        self.settings.save_view(
            name,
            {
                "query": self.current_query().to_dict(),
                "columns": bytes(self.table.column_state().toHex()).decode("ascii"),
                "column_keys": list(COLUMN_KEYS),
            },
        )
        self.settings.sync()

    def apply_view(self, name: str) -> bool:
        view = self.settings.saved_views().get(name)
        if view is None:
            return False
        if view.get("column_keys") == list(COLUMN_KEYS) and view.get("columns"):
            self.table.restore_column_state(QByteArray.fromHex(view["columns"].encode("ascii")))
        self.filter_bar.set_query(ProjectQuery.from_dict(view.get("query") or {}))
        self.message.emit(self.tr("已打开视图“{name}”").format(name=name), 4000)
        return True

    def save_view_interactive(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("保存视图"), self.tr("视图名称："))
        if ok and name.strip():
            self.save_view(name.strip())

    def fill_views_menu(self, menu: QMenu, apply: Callable[[str], Any]) -> None:
        menu.clear()
        views = sorted(self.settings.saved_views())
        for name in views:
            menu.addAction(name).triggered.connect(lambda _c=False, n=name: apply(n))
        if not views:
            menu.addAction(self.tr("（尚无保存的视图）")).setEnabled(False)

    def fill_delete_views_menu(self, menu: QMenu) -> None:
        menu.clear()
        for name in sorted(self.settings.saved_views()):
            menu.addAction(name).triggered.connect(
                lambda _c=False, n=name: self.settings.delete_view(n)
            )
