"""The project form's tabs of child records: the monthly reports, key nodes, problems and
the change history of one project, its charts, and the dialog that edits a node or a problem.
:class:`ProjectRecordTabs` is a part of :class:`~.project.ProjectDialog` (a mixin of it)."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.money import format_wan
from ...domain.periods import PeriodError, parse_office_date
from ...domain.text import clean_text, percent
from ...store import Milestone, Problem, StoreError
from ...views.history import project_history
from ..common.buttons import ERROR_COLOR, finish_form
from ..common.labels import monthly_label, tr_field
from ..models.records import RecordTableModel


class ProjectRecordTabs:
    """The child-record tabs of :class:`~.project.ProjectDialog` (which provides ``tabs``,
    ``_store``, ``_editor`` and ``_period``)."""

    def _tab(self, model: RecordTableModel, name: str, title: str, kind: str = "") -> QTableView:
        """A tab of child records: their table (with 新增/修改/删除 buttons for ``kind``)."""
        view = self._table(model)
        view.setObjectName(name)
        self.tabs.addTab(self._with_buttons(view, kind) if kind else view, title)
        return view

    def _table(self, model: RecordTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setDefaultSectionSize(24)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        # a click on a header sorts (as in Excel: pinyin, numbers as numbers); none at first
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        return view

    def _build_child_tabs(self, project_id: int) -> None:
        self._project_id = project_id
        # monthly history
        self.monthly_model = RecordTableModel(
            [
                (QCoreApplication.translate("ProjectDialog", "期间"), lambda r: r[0].period),
                (
                    monthly_label("month_investment") + tr_field("(万元)"),
                    lambda r: format_wan(r[0].month_investment),
                    True,
                ),
                (tr_field("本年累计完成") + tr_field("(万元)"), lambda r: format_wan(r[1]), True),
                (
                    monthly_label("progress_pct"),
                    lambda r: percent(r[0].progress_pct),
                    True,
                ),
                (monthly_label("progress_text"), lambda r: r[0].progress_text),
                (monthly_label("progress_notes"), lambda r: r[0].progress_notes),
                (monthly_label("problems"), lambda r: r[0].problems),
                (monthly_label("reporter"), lambda r: r[0].reporter),
                (monthly_label("report_date"), lambda r: r[0].report_date),
            ],
            self,
        )
        self.monthly_view = self._tab(
            self.monthly_model,
            "monthlyHistory",
            QCoreApplication.translate("ProjectDialog", "月度调度记录"),
        )

        # milestones
        self.milestone_model = RecordTableModel(
            [
                (QCoreApplication.translate("ProjectDialog", "节点名称"), lambda m: m.name),
                (QCoreApplication.translate("ProjectDialog", "计划完成"), lambda m: m.planned_date),
                (QCoreApplication.translate("ProjectDialog", "实际完成"), lambda m: m.actual_date),
                (QCoreApplication.translate("ProjectDialog", "状态"), self._milestone_state),
                (QCoreApplication.translate("ProjectDialog", "责任单位"), lambda m: m.department),
                (QCoreApplication.translate("ProjectDialog", "备注"), lambda m: m.note),
            ],
            self,
            foreground=lambda m: QBrush(QColor(ERROR_COLOR)) if self._milestone_late(m) else None,
        )
        self.milestone_view = self._tab(
            self.milestone_model,
            "milestoneTable",
            QCoreApplication.translate("ProjectDialog", "关键节点"),
            "milestone",
        )

        # problems
        self.problem_model = RecordTableModel(
            [
                (QCoreApplication.translate("ProjectDialog", "问题"), lambda p: p.text),
                (
                    QCoreApplication.translate("ProjectDialog", "状态"),
                    lambda p: (
                        QCoreApplication.translate("ProjectDialog", "已解决")
                        if p.status == "solved"
                        else QCoreApplication.translate("ProjectDialog", "未解决")
                    ),
                ),
                (QCoreApplication.translate("ProjectDialog", "责任单位"), lambda p: p.department),
                (QCoreApplication.translate("ProjectDialog", "办结时限"), lambda p: p.deadline),
                (QCoreApplication.translate("ProjectDialog", "解决情况"), lambda p: p.solution),
                (QCoreApplication.translate("ProjectDialog", "提出日期"), lambda p: p.raised_on),
                (QCoreApplication.translate("ProjectDialog", "解决日期"), lambda p: p.solved_on),
            ],
            self,
            foreground=lambda p: None if p.status == "solved" else QBrush(QColor(ERROR_COLOR)),
        )
        self.problem_view = self._tab(
            self.problem_model,
            "problemTable",
            QCoreApplication.translate("ProjectDialog", "问题"),
            "problem",
        )

        # change history: lines in Chinese from views.history (this model only shows them)
        self.history_model = RecordTableModel(
            [
                (QCoreApplication.translate("ProjectDialog", "时间"), lambda h: h.at),
                (QCoreApplication.translate("ProjectDialog", "修改人"), lambda h: h.user),
                (QCoreApplication.translate("ProjectDialog", "操作"), lambda h: h.action),
                (QCoreApplication.translate("ProjectDialog", "对象"), lambda h: h.subject),
                (QCoreApplication.translate("ProjectDialog", "字段"), lambda h: tr_field(h.field)),
                (QCoreApplication.translate("ProjectDialog", "原值"), lambda h: h.old),
                (QCoreApplication.translate("ProjectDialog", "新值"), lambda h: h.new),
            ],
            self,
        )
        self.history_view = self._tab(
            self.history_model,
            "historyTable",
            QCoreApplication.translate("ProjectDialog", "修改记录"),
        )
        # charts: built on first view (pyqtgraph is loaded only then)
        self.charts: Any = None
        self._charts_page = QWidget()
        self._charts_page.setObjectName("projectChartsPage")
        QVBoxLayout(self._charts_page).setContentsMargins(0, 0, 0, 0)
        self.charts_tab = self.tabs.addTab(
            self._charts_page, QCoreApplication.translate("ProjectDialog", "进度图表")
        )
        self.tabs.currentChanged.connect(self._maybe_show_charts)
        self._reload_children()

    def _with_buttons(self, view: QTableView, kind: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(view, 1)
        row = QHBoxLayout()
        for text, slot in (
            (
                QCoreApplication.translate("ProjectDialog", "新增…"),
                lambda: self.edit_child(kind, None),
            ),
            (
                QCoreApplication.translate("ProjectDialog", "编辑…"),
                lambda: self.edit_child(kind, self._selected(view)),
            ),
            (
                QCoreApplication.translate("ProjectDialog", "删除"),
                lambda: self.delete_child(kind, self._selected(view)),
            ),
        ):
            button = QPushButton(text)
            button.setObjectName(f"{kind}_{text.rstrip('…')}")
            button.clicked.connect(slot)
            button.setEnabled(self._editor is not None)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        view.doubleClicked.connect(lambda _i: self.edit_child(kind, self._selected(view)))
        return page

    @staticmethod
    def _selected(view: QTableView) -> Any:
        index = view.currentIndex()
        model = view.model()
        if not index.isValid() or not isinstance(model, RecordTableModel):
            return None
        return model.record(index.row())

    def _milestone_late(self, m: Milestone) -> bool:
        return not m.actual_date and bool(m.planned_date) and m.planned_date < str(self._period)

    def _milestone_state(self, m: Milestone) -> str:
        if m.actual_date:
            return QCoreApplication.translate("ProjectDialog", "已完成")
        return (
            QCoreApplication.translate("ProjectDialog", "已逾期")
            if self._milestone_late(m)
            else QCoreApplication.translate("ProjectDialog", "未完成")
        )

    def _maybe_show_charts(self, index: int) -> None:
        if index != self.charts_tab:
            return
        if self.charts is None:
            from ..dashboard.project import ProjectCharts

            self.charts = ProjectCharts(self._store, self._charts_page)
            self._charts_page.layout().addWidget(self.charts)
            self.charts._period = self._period
        self.charts.set_project(self._project_id)

    def _reload_children(self) -> None:
        pid = self._project_id
        if getattr(self, "charts", None) is not None and pid is not None:
            self.charts.set_project(pid)
        reports = self._store.project_monthly(pid)
        running: dict[int, Any] = {}
        rows = []
        for report in reports:
            year = int(report.period[:4])
            running[year] = running.get(year, 0) + (report.month_investment or 0)
            rows.append((report, running[year]))
        self.monthly_model.set_records(list(reversed(rows)))
        self.milestone_model.set_records(self._store.milestones(pid))
        self.problem_model.set_records(self._store.problems(project_id=pid))
        self.history_model.set_records(project_history(self._store, pid))
        for view in (self.monthly_view, self.milestone_view, self.problem_view, self.history_view):
            view.resizeColumnsToContents()
            header = view.horizontalHeader()
            for column in range(header.count()):
                header.resizeSection(column, min(max(header.sectionSize(column), 70), 320))

    def _on_changed(self, _kind: str, ids: list) -> None:
        if getattr(self, "_project_id", None) in ids:
            with contextlib.suppress(StoreError):
                self._reload_children()

    def edit_child(self, kind: str, record: Any) -> None:
        if self._editor is None:
            return
        if record is None:
            record = (
                Milestone(self._project_id, "")
                if kind == "milestone"
                else Problem(self._project_id, "", raised_on=str(self._period))
            )
        dialog = ChildDialog(kind, record, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_record is None:
            return
        try:
            self._editor.save_child(kind, dialog.result_record)
        except StoreError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))

    def delete_child(self, kind: str, record: Any) -> None:
        if self._editor is None or record is None:
            return
        try:
            self._editor.delete_child(kind, record)
        except StoreError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))


class ChildDialog(QDialog):
    """Edit one key node (milestone) or one problem."""

    def __init__(self, kind: str, record: Milestone | Problem, parent: Any = None) -> None:
        super().__init__(parent)
        self._kind = kind
        self._record = record
        self.result_record: Milestone | Problem | None = None
        self.setWindowTitle(
            QCoreApplication.translate("ProjectDialog", "关键节点")
            if kind == "milestone"
            else QCoreApplication.translate("ProjectDialog", "问题")
        )
        form = QFormLayout(self)
        self.fields: dict[str, QWidget] = {}
        if kind == "milestone":
            spec = [
                ("name", QCoreApplication.translate("ProjectDialog", "节点名称"), "text"),
                ("planned_date", QCoreApplication.translate("ProjectDialog", "计划完成"), "date"),
                ("actual_date", QCoreApplication.translate("ProjectDialog", "实际完成"), "date"),
                ("department", QCoreApplication.translate("ProjectDialog", "责任单位"), "text"),
                ("note", QCoreApplication.translate("ProjectDialog", "备注"), "text"),
            ]
        else:
            spec = [
                ("text", QCoreApplication.translate("ProjectDialog", "问题"), "long"),
                ("status", QCoreApplication.translate("ProjectDialog", "状态"), "status"),
                ("department", QCoreApplication.translate("ProjectDialog", "责任单位"), "text"),
                ("deadline", QCoreApplication.translate("ProjectDialog", "办结时限"), "date"),
                ("solution", QCoreApplication.translate("ProjectDialog", "解决情况"), "long"),
                ("raised_on", QCoreApplication.translate("ProjectDialog", "提出日期"), "date"),
                ("solved_on", QCoreApplication.translate("ProjectDialog", "解决日期"), "date"),
            ]
        self._spec = spec
        for name, label, kind_ in spec:
            value = getattr(record, name)
            if kind_ == "long":
                widget: QWidget = QPlainTextEdit(value or "")
                widget.setFixedHeight(70)
                widget.setTabChangesFocus(True)  # Tab goes on to the next field, as in the form
            elif kind_ == "status":
                widget = QComboBox()
                widget.addItem(QCoreApplication.translate("ProjectDialog", "未解决"), "open")
                widget.addItem(QCoreApplication.translate("ProjectDialog", "已解决"), "solved")
                widget.setCurrentIndex(1 if value == "solved" else 0)
            else:
                widget = QLineEdit(value or "")
            widget.setObjectName(f"child_{name}")
            self.fields[name] = widget
            form.addRow(label, widget)
        self.message, _ = finish_form(
            form,
            self,
            QCoreApplication.translate("ProjectDialog", "确定"),
            QCoreApplication.translate("ProjectDialog", "取消"),
        )
        self.resize(460, 0)

    def accept(self) -> None:
        values: dict[str, Any] = {}
        for name, label, kind in self._spec:
            widget = self.fields[name]
            if isinstance(widget, QPlainTextEdit):
                values[name] = clean_text(widget.toPlainText(), multiline=True) or None
            elif isinstance(widget, QComboBox):
                values[name] = widget.currentData()
            else:
                assert isinstance(widget, QLineEdit)
                text = clean_text(widget.text())
                if kind == "date":
                    try:
                        values[name] = parse_office_date(text)
                    except PeriodError as exc:
                        self.message.setText(f"{label}：{exc}")
                        return
                else:
                    values[name] = text or None
        required = "name" if self._kind == "milestone" else "text"
        if not values.get(required):
            self.message.setText(
                QCoreApplication.translate("ProjectDialog", "节点名称不能为空")
                if self._kind == "milestone"
                else QCoreApplication.translate("ProjectDialog", "问题内容不能为空")
            )
            return
        self.result_record = replace(self._record, **values)  # type: ignore[arg-type]
        super().accept()
