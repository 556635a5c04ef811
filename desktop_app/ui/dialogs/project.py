"""The project form: every ledger field with its check beside it, and per project its monthly
history, key nodes, problems and change history."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.derived import PLAN_RULE, TIME_RULE
from ...domain.fields import FIELD_BY_NAME, STATUSES, Field
from ...domain.money import AmountError, format_wan, parse_amount
from ...domain.periods import Period, PeriodError, parse_office_date
from ...domain.text import clean_text, clean_text_report
from ...domain.validation import Issue
from ...store import ConflictError, Project, Store, StoreError, ValidationFailed
from ..commands import LedgerEditor
from ..common.buttons import ERROR_COLOR, dialog_buttons
from ..common.labels import field_label, tr_field
from ..common.message_line import MessageLine
from .project_records import ProjectRecordTabs
from .project_year import PLAN_KEY, ProjectYearPanel

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
WARNING_COLOR = "#B26A00"

SaveHandler = Callable[[dict[str, Any]], Project]


#: The 序时进度 rules (domain/derived.py, no Qt) for the translation files.
_RULE_TEXTS = (
    QT_TRANSLATE_NOOP("ProjectDialog", "序时进度按时间计算（月数÷12）"),
    QT_TRANSLATE_NOOP("ProjectDialog", "序时进度按月度计划分解计算（截至本月计划累计÷年度计划）"),
)


class ProjectDialog(ProjectRecordTabs, QDialog):
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
        self.messages: dict[str, MessageLine] = {}
        self._banner_of_errors = False
        self.year = (project.year if project is not None else None) or self._period.year
        self.year_part = ProjectYearPanel(
            store,
            project.id if project is not None else None,
            self.year,
            on_list=project.on_list if project is not None else True,
        )

        self.tabs = QTabWidget(self)
        self.tabs.addTab(
            self._build_fields(values), QCoreApplication.translate("ProjectDialog", "基本信息")
        )
        if project is not None and project.id is not None:
            self._build_child_tabs(project.id)
        # The banner's line is always there, empty or not: showing it moves nothing.
        self.banner = MessageLine(self, lines=2)
        self.banner.setObjectName("formBanner")
        self.banner.setStyleSheet(f"color: {ERROR_COLOR};")
        buttons = dialog_buttons(
            self,
            QCoreApplication.translate("ProjectDialog", "保存"),
            QCoreApplication.translate("ProjectDialog", "取消"),
            ok=QDialogButtonBox.StandardButton.Save,
            on_ok=self.try_save,
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(
            QKeySequence(QKeySequence.StandardKey.Save).toString(
                QKeySequence.SequenceFormat.NativeText
            )
        )
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.activated.connect(self.try_save)
        self.year_note = QLabel(self._year_text(project), self)
        self.year_note.setObjectName("yearNote")
        self.year_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.year_note)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        self.resize(980, 660)
        self.validate()
        self.year_part.changed.connect(self.validate)
        # The keyboard starts in the first field a user types (the code is given), not on
        # the tab bar; Tab then walks the fields (the scroll area is no stop of its own).
        self.editors["name"].setFocus(Qt.FocusReason.OtherFocusReason)
        if editor is not None:
            editor.changed.connect(self._on_changed)

    def _year_text(self, project: Project | None) -> str:
        """Which year's plan the form shows and edits, and the 序时进度 rule in use."""
        planned = self.year_part.has_plan()
        listed = self.year_part.on_list.isChecked()
        text = QCoreApplication.translate(
            "ProjectDialog", "年度计划投资、建设性质、项目清单为 {year} 年的数值{off}。{rule}。"
        )
        off = (
            ""
            if listed
            else QCoreApplication.translate("ProjectDialog", "（本项目不在该年重点项目名单中）")
        )
        rule = QCoreApplication.translate("ProjectDialog", PLAN_RULE if planned else TIME_RULE)
        return text.format(year=self.year, off=off, rule=rule)

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
        grid.addWidget(self.year_part, row, 0, 1, 5)  # 名单, 建设目标, 月度计划分解
        self.messages[PLAN_KEY] = self.year_part.message
        for edit in self.year_part.months:
            edit.installEventFilter(self)  # Enter goes to the next month, as in the fields
        row += 1
        grid.setRowStretch(row, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(4, 1)
        grid.setColumnMinimumWidth(2, 16)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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
        # One line kept for the field's message whether or not it has one, so that a message
        # appearing or going never moves a field (the next click lands where it was aimed).
        message = MessageLine()
        message.setObjectName(f"message_{field.name}")
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
        if isinstance(editor, (QLineEdit, QComboBox, QListView)):
            editor.installEventFilter(self)  # Enter goes to the next field (eventFilter)
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
            edit.editingFinished.connect(lambda e=edit: self._format_amount(e))
        elif field.kind == "date":
            edit.setText(value or "")
            edit.setPlaceholderText(
                QCoreApplication.translate("ProjectDialog", "如 2022-03、2022年3月、2022/4/1")
            )
        else:
            edit.setText(value or "")
        edit.textChanged.connect(self.validate)
        return edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in a one-line field or the 项目清单 list moves on to the next field, as in
        Excel and the office's other forms, instead of saving a half-filled form; Ctrl+S (or
        保存) saves."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and not (isinstance(watched, QComboBox) and watched.view().isVisible())
        ):
            self.focusNextChild()
            return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _format_amount(edit: QLineEdit) -> None:
        """On leaving an amount field, show what was typed ('1.2亿', '3,000', '１２３４')
        as the ledger keeps it: 12,000.00; an unreadable text stays as typed, its message
        beside it."""
        try:
            value = parse_amount(clean_text(edit.text()))
        except AmountError:
            return
        shown = format_wan(value)
        if shown != edit.text():
            edit.setText(shown)

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
        return bool(self.changes()) or bool(self.year_part.changes()) or bool(self._read()[1])

    def validate(self) -> list[Issue]:
        """Check the form now and show each message beside its field."""
        values, issues = self._read()
        unreadable = {i.field for i in issues if i.severity == "error"}
        project_id = self._project.id if self._project is not None else None
        issues += [i for i in self._store.validate(values, project_id) if i.field not in unreadable]
        issues += self.year_part.issues(values.get("annual_plan"))
        self.show_issues(issues)
        if hasattr(self, "year_note"):
            self.year_note.setText(self._year_text(self._project))
        if self._banner_of_errors and not any(i.severity == "error" for i in issues):
            self._show_banner("")  # what it said is mended: no stale "未保存：…"
        return issues

    def show_issues(self, issues: list[Issue]) -> None:
        by_field: dict[str, list[Issue]] = {}
        for issue in issues:
            by_field.setdefault(issue.field, []).append(issue)
        for name, label in self.messages.items():
            found = by_field.get(name)
            if not found:
                label.clear()
                continue
            error = any(i.severity == "error" for i in found)
            label.setText("；".join(i.message for i in found))
            label.setStyleSheet(f"color: {ERROR_COLOR if error else WARNING_COLOR};")
        self.save_button.setEnabled(True)

    # --------------------------------------------------------------------- save
    def try_save(self) -> bool:
        """Save when nothing blocks it; returns whether the project was saved."""
        issues = self.validate()
        errors = [i for i in issues if i.severity == "error"]
        if errors:
            self._show_banner(
                QCoreApplication.translate("ProjectDialog", "未保存：")
                + "；".join(i.message for i in errors),
                of_errors=True,
            )
            first = self.editors.get(errors[0].field)
            if first is not None:
                self.tabs.setCurrentIndex(0)
                first.setFocus()
            return False
        try:
            # The year's part (名单, 建设目标, 月度计划) goes with the fields: one undo step.
            self.saved_project = self._save({**self.values(), **self.year_part.changes()})
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
        self.year_part.mark_saved()
        super().accept()
        return True

    def _show_banner(self, text: str, *, of_errors: bool = False) -> None:
        """The line under the fields; ``of_errors``: it lists the form's errors, so it goes
        when they are mended (a conflict or a store error stays until the next save)."""
        self.banner.setText(text)
        self._banner_of_errors = of_errors

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
