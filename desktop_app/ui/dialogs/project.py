"""The project form: every ledger field with its check beside it, and per project its monthly
history, key nodes, problems and change history."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.fields import FIELD_BY_NAME, STATUSES, Field
from ...domain.money import AmountError, format_wan, parse_amount
from ...domain.periods import Period, PeriodError, parse_office_date
from ...domain.text import clean_text, clean_text_report
from ...domain.validation import Issue
from ...store import ConflictError, Milestone, Problem, Project, Store, StoreError, ValidationFailed
from ..commands import LedgerEditor
from ..common.labels import field_label, monthly_label, tr_field
from ..models.records import RecordTableModel

LEFT_FIELDS = (
    "code",
    "name",
    "owner",
    "region",
    "sector",
    "chain",
    "nature",
    "status",
    "leader",
    "department",
    "secretary",
)
RIGHT_FIELDS = (
    "total_investment",
    "annual_plan",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "source",
    "lists",
)
WIDE_FIELDS = ("scope", "problems", "measures")
ERROR_COLOR = "#C62828"
WARNING_COLOR = "#B26A00"

SaveHandler = Callable[[dict[str, Any]], Project]


class ProjectDialog(QDialog):
    """New, edit or duplicate a project.  ``save`` performs the store change (through the
    undo stack) and raises ValidationFailed / ConflictError, which the form shows."""

    def __init__(
        self,
        store: Store,
        project: Project | None,
        save: SaveHandler,
        parent: Any = None,
        *,
        editor: LedgerEditor | None = None,
        initial: Mapping[str, Any] | None = None,
        period: Period | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projectDialog")
        self._store = store
        self._project = project
        self._save = save
        self._editor = editor
        self._period = period or store.default_period()
        self.saved_project: Project | None = None
        if project is None:
            values = {name: None for name in FIELD_BY_NAME}
            values["lists"] = []
            values.update(initial or {})
            if not values.get("code"):
                values["code"] = store.next_code()
        else:
            values = project.values()
        self._original = dict(values)
        self.setWindowTitle(
            QCoreApplication.translate("ProjectDialog", "新增项目")
            if project is None
            else QCoreApplication.translate("ProjectDialog", "编辑项目 — {name}").format(
                name=project.name
            )
        )
        self.editors: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}

        self.tabs = QTabWidget(self)
        self.tabs.addTab(
            self._build_fields(values), QCoreApplication.translate("ProjectDialog", "基本信息")
        )
        if project is not None and project.id is not None:
            self._build_child_tabs(project.id)
        self.banner = QLabel(self)
        self.banner.setObjectName("formBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(f"color: {ERROR_COLOR};")
        self.banner.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            QCoreApplication.translate("ProjectDialog", "保存")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("ProjectDialog", "取消")
        )
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        self.resize(980, 660)
        self.validate()
        if editor is not None:
            editor.changed.connect(self._on_changed)

    # ------------------------------------------------------------------- fields
    def _build_fields(self, values: Mapping[str, Any]) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        for column, names in ((0, LEFT_FIELDS), (3, RIGHT_FIELDS)):
            row = 0
            for name in names:
                # 项目清单 (a list of check boxes) fills the rest of the right column.
                rows = 2 * len(LEFT_FIELDS) - row - 1 if name == "lists" else 1
                self._add_field(grid, row, column, FIELD_BY_NAME[name], values.get(name), rows=rows)
                row += 2
        row = 2 * max(len(LEFT_FIELDS), len(RIGHT_FIELDS))
        for name in WIDE_FIELDS:
            self._add_field(grid, row, 0, FIELD_BY_NAME[name], values.get(name), span=5)
            row += 2
        grid.setRowStretch(row, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(4, 1)
        grid.setColumnMinimumWidth(2, 16)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        return scroll

    def _add_field(
        self,
        grid: QGridLayout,
        row: int,
        column: int,
        field: Field,
        value: Any,
        span: int = 2,
        rows: int = 1,
    ) -> None:
        label = QLabel(field_label(field.name, unit=True) + ("*" if field.name == "name" else ""))
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor = self._make_editor(field, value)
        editor.setObjectName(f"field_{field.name}")
        label.setBuddy(editor)
        message = QLabel()
        message.setObjectName(f"message_{field.name}")
        message.setWordWrap(True)
        message.hide()
        grid.addWidget(
            label,
            row,
            column,
            Qt.AlignmentFlag.AlignTop
            if field.kind in ("longtext", "codes")
            else Qt.AlignmentFlag.AlignVCenter,
        )
        grid.addWidget(editor, row, column + 1, rows, span - 1 if span > 2 else 1)
        grid.addWidget(message, row + rows, column + 1, 1, span - 1 if span > 2 else 1)
        self.editors[field.name] = editor
        self.messages[field.name] = message

    def _make_editor(self, field: Field, value: Any) -> QWidget:
        if field.kind == "longtext":
            box = QPlainTextEdit(value or "")
            box.setFixedHeight(64)
            box.setTabChangesFocus(True)
            box.textChanged.connect(self.validate)
            return box
        if field.kind == "code":
            combo = QComboBox()
            names = self._store.code_names(field.code_kind or "")
            if field.name == "status" and not names:
                names = list(STATUSES)
            combo.addItem("", None)
            for name in names:
                combo.addItem(name, name)
            if value and value not in names:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(value)) if value else 0)
            combo.currentIndexChanged.connect(self.validate)
            return combo
        if field.kind == "codes":
            view = QListView()
            model = QStandardItemModel(view)
            names = self._store.code_names("list")
            for extra in value or []:
                if extra not in names:
                    names.append(extra)
            for name in names:
                item = QStandardItem(name)
                item.setCheckable(True)
                item.setEditable(False)
                item.setCheckState(
                    Qt.CheckState.Checked if name in (value or []) else Qt.CheckState.Unchecked
                )
                model.appendRow(item)
            view.setModel(model)
            view.setFixedHeight(118)
            model.itemChanged.connect(self.validate)
            return view
        edit = QLineEdit()
        if field.kind == "amount":
            edit.setText(format_wan(value))
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setPlaceholderText(QCoreApplication.translate("ProjectDialog", "万元，可写 1.2亿"))
        elif field.kind == "date":
            edit.setText(value or "")
            edit.setPlaceholderText(
                QCoreApplication.translate("ProjectDialog", "如 2022-03、2022年3月、2022/4/1")
            )
        else:
            edit.setText(value or "")
        edit.textChanged.connect(self.validate)
        return edit

    # ------------------------------------------------------------------- values
    def _read(self) -> tuple[dict[str, Any], list[Issue]]:
        """The form's values in store types, and the inputs that cannot be read."""
        values: dict[str, Any] = {}
        issues: list[Issue] = []
        for name, editor in self.editors.items():
            field = FIELD_BY_NAME[name]
            if isinstance(editor, QPlainTextEdit):
                values[name] = self._clean(name, editor.toPlainText(), issues)
            elif isinstance(editor, QComboBox):
                values[name] = editor.currentData()
            elif isinstance(editor, QListView):
                model = editor.model()
                assert isinstance(model, QStandardItemModel)
                values[name] = [
                    model.item(i).text()
                    for i in range(model.rowCount())
                    if model.item(i).checkState() == Qt.CheckState.Checked
                ]
            else:
                assert isinstance(editor, QLineEdit)
                text = clean_text(editor.text())
                if field.kind == "amount":
                    try:
                        values[name] = parse_amount(text)
                    except AmountError as exc:
                        values[name] = None
                        issues.append(Issue(name, f"{tr_field(field.label)}：{exc}"))
                elif field.kind == "date":
                    try:
                        values[name] = parse_office_date(text)
                    except PeriodError as exc:
                        values[name] = None
                        issues.append(Issue(name, str(exc)))
                else:
                    values[name] = self._clean(name, editor.text(), issues)
        return values, issues

    @staticmethod
    def _clean(name: str, raw: str, issues: list[Issue]) -> str | None:
        """A typed or pasted text as the ledger keeps it; what was removed (control,
        direction, invisible characters) becomes a warning beside the field."""
        cleaned, notes = clean_text_report(raw, multiline=name)
        if notes:
            issues.append(Issue(name, "；".join(notes), severity="warning"))
        return cleaned or None

    def values(self) -> dict[str, Any]:
        return self._read()[0]

    def changes(self) -> dict[str, Any]:
        """The fields that differ from what the form was opened with."""
        values = self.values()
        return {k: v for k, v in values.items() if v != self._original.get(k)}

    def is_dirty(self) -> bool:
        return bool(self.changes()) or bool(self._read()[1])

    def validate(self) -> list[Issue]:
        """Check the form now and show each message beside its field."""
        values, issues = self._read()
        unreadable = {i.field for i in issues if i.severity == "error"}
        project_id = self._project.id if self._project is not None else None
        issues += [i for i in self._store.validate(values, project_id) if i.field not in unreadable]
        self.show_issues(issues)
        return issues

    def show_issues(self, issues: list[Issue]) -> None:
        by_field: dict[str, list[Issue]] = {}
        for issue in issues:
            by_field.setdefault(issue.field, []).append(issue)
        for name, label in self.messages.items():
            found = by_field.get(name)
            if not found:
                label.hide()
                label.clear()
                continue
            error = any(i.severity == "error" for i in found)
            label.setText("；".join(i.message for i in found))
            label.setStyleSheet(f"color: {ERROR_COLOR if error else WARNING_COLOR};")
            label.show()
        self.save_button.setEnabled(True)

    # --------------------------------------------------------------------- save
    def try_save(self) -> bool:
        """Save when nothing blocks it; returns whether the project was saved."""
        issues = self.validate()
        errors = [i for i in issues if i.severity == "error"]
        if errors:
            self._show_banner(
                QCoreApplication.translate("ProjectDialog", "未保存：")
                + "；".join(i.message for i in errors)
            )
            first = self.editors.get(errors[0].field)
            if first is not None:
                self.tabs.setCurrentIndex(0)
                first.setFocus()
            return False
        try:
            self.saved_project = self._save(self.values())
        except ValidationFailed as exc:
            self.show_issues(list(exc.issues))
            self._show_banner(QCoreApplication.translate("ProjectDialog", "未保存：") + str(exc))
            return False
        except ConflictError as exc:
            self._show_banner(str(exc))
            return False
        except StoreError as exc:
            self._show_banner(QCoreApplication.translate("ProjectDialog", "保存失败：") + str(exc))
            return False
        self._original = self.values()
        super().accept()
        return True

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()

    def reject(self) -> None:
        """Close; with unsaved changes, ask first (保存 / 放弃 / 取消)."""
        if self.is_dirty():
            answer = self.ask_unsaved()
            if answer == "cancel":
                return
            if answer == "save":
                self.try_save()
                return
        super().reject()

    def ask_unsaved(self) -> str:
        """'save', 'discard' or 'cancel' (a method so tests can answer it)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("ProjectDialog", "未保存的修改"))
        box.setText(QCoreApplication.translate("ProjectDialog", "项目有尚未保存的修改。"))
        save = box.addButton(
            QCoreApplication.translate("ProjectDialog", "保存"), QMessageBox.ButtonRole.AcceptRole
        )
        discard = box.addButton(
            QCoreApplication.translate("ProjectDialog", "放弃修改"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.addButton(
            QCoreApplication.translate("ProjectDialog", "取消"), QMessageBox.ButtonRole.RejectRole
        )
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"

    # ----------------------------------------------------------- per-project tabs
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
                    lambda r: "" if r[0].progress_pct is None else f"{r[0].progress_pct:g}%",
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
        self.monthly_view = self._table(self.monthly_model)
        self.monthly_view.setObjectName("monthlyHistory")
        self.tabs.addTab(
            self.monthly_view, QCoreApplication.translate("ProjectDialog", "月度调度记录")
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
        self.milestone_view = self._table(self.milestone_model)
        self.milestone_view.setObjectName("milestoneTable")
        self.tabs.addTab(
            self._with_buttons(self.milestone_view, "milestone"),
            QCoreApplication.translate("ProjectDialog", "关键节点"),
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
        self.problem_view = self._table(self.problem_model)
        self.problem_view.setObjectName("problemTable")
        self.tabs.addTab(
            self._with_buttons(self.problem_view, "problem"),
            QCoreApplication.translate("ProjectDialog", "问题"),
        )

        # change history
        self.history_model = RecordTableModel(
            [
                (
                    QCoreApplication.translate("ProjectDialog", "时间"),
                    lambda h: h.at.replace("T", " "),
                ),
                (QCoreApplication.translate("ProjectDialog", "修改人"), lambda h: h.user),
                (QCoreApplication.translate("ProjectDialog", "操作"), lambda h: h.description),
                (QCoreApplication.translate("ProjectDialog", "字段"), self._history_field),
                (QCoreApplication.translate("ProjectDialog", "原值"), lambda h: h.old_value),
                (QCoreApplication.translate("ProjectDialog", "新值"), lambda h: h.new_value),
            ],
            self,
        )
        self.history_view = self._table(self.history_model)
        self.history_view.setObjectName("historyTable")
        self.tabs.addTab(self.history_view, QCoreApplication.translate("ProjectDialog", "修改记录"))
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

    @staticmethod
    def _history_field(h: Any) -> str:
        table = {
            "projects": "",
            "monthly_reports": QCoreApplication.translate("ProjectDialog", "月报"),
            "milestones": QCoreApplication.translate("ProjectDialog", "节点"),
            "problems": QCoreApplication.translate("ProjectDialog", "问题"),
        }.get(h.table_name, h.table_name)
        name = h.field or ""
        if h.table_name == "projects" and name in FIELD_BY_NAME:
            name = field_label(name)
        return f"{table}·{name}" if table and name else table or name

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
        self.history_model.set_records(self._store.history(project_id=pid))
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
        self.message = QLabel()
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("ProjectDialog", "确定")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("ProjectDialog", "取消")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
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
