"""Backups in the window: list, back up now, keep count, restore (asking first); and the
offer to restore the latest good backup when a ledger is found damaged at start.

Thin over :mod:`desktop_app.store.backup`; every question to the user is a method, so tests
(and the main window) can answer it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ... import APP_NAME
from ...store import Store, StoreError
from ...store import backup as backups
from ...store.integrity import CheckResult, check_file
from .. import jobs
from ..common.buttons import ask
from ..common.message_line import MessageLine
from ..common.opening import no_file_manager_text, open_path
from ..models.base import RIGHT, ColumnSpec, SpecTableModel

Index = QModelIndex | QPersistentModelIndex


@contextmanager
def _busy() -> Iterator[None]:
    """The wait cursor while a backup or a restore runs."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _described(b: backups.Backup) -> dict[str, Any]:
    """The fields a question about one backup names: when, reason, projects."""
    return {
        "when": f"{b.created:%Y-%m-%d %H:%M:%S}",
        "reason": b.reason,
        "projects": b.projects if b.projects is not None else "?",
    }


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def _verified(b: backups.Backup) -> str:
    return {
        True: QApplication.translate("BackupDialog", "完好"),
        False: QApplication.translate("BackupDialog", "已损坏"),
        None: QApplication.translate("BackupDialog", "未校验"),
    }[b.verified]


def _path(b: backups.Backup) -> str:
    return str(b.path)


class BackupTableModel(SpecTableModel):
    """The backups of one ledger, newest first."""

    context = "BackupDialog"
    COLUMNS = (
        ColumnSpec(
            QT_TRANSLATE_NOOP("BackupDialog", "备份时间"),
            lambda b: f"{b.created:%Y-%m-%d %H:%M:%S}",
            tooltip=_path,
        ),
        ColumnSpec(QT_TRANSLATE_NOOP("BackupDialog", "原因"), lambda b: b.reason, tooltip=_path),
        ColumnSpec(
            QT_TRANSLATE_NOOP("BackupDialog", "项目数"),
            lambda b: "" if b.projects is None else f"{b.projects:,}",
            RIGHT,
            _path,
        ),
        ColumnSpec(
            QT_TRANSLATE_NOOP("BackupDialog", "大小"), lambda b: _size(b.size), RIGHT, _path
        ),
        ColumnSpec(
            QT_TRANSLATE_NOOP("BackupDialog", "校验"),
            _verified,
            tooltip=_path,
            foreground=lambda b: QColor("#C00000") if b.verified is False else None,
        ),
    )

    def __init__(self, db_path: Path, root: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path, self.root = db_path, root
        self.reload()

    @property
    def items(self) -> list[backups.Backup]:
        return self.rows

    def reload(self) -> None:
        self.set_rows(backups.list_backups(self.db_path, self.root))


class BackupDialog(QDialog):
    """工具 → 备份与恢复: the ledger's backups; back up now; restore the selected one."""

    restored = Signal(object)  # backups.RestoreResult, after the store's content was replaced

    def __init__(self, store: Store, parent: QWidget | None = None, *, root: Path | None = None):
        super().__init__(parent)
        self.store, self.root = store, root
        self.setObjectName("backupDialog")
        self.setWindowTitle(QApplication.translate("BackupDialog", "备份与恢复"))
        self.model = BackupTableModel(store.path, root, self)
        self.table = QTableView(self)
        self.table.setObjectName("backupTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keep = QSpinBox(self)
        self.keep.setObjectName("keepCount")
        self.keep.setRange(1, backups.MAX_KEEP)
        self.keep.setValue(backups.keep_count(store.path, root))
        self.keep.setSuffix(QApplication.translate("BackupDialog", " 个"))
        self.keep.editingFinished.connect(self._keep_changed)
        self.backup_button = QPushButton(QApplication.translate("BackupDialog", "立即备份"), self)
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(
            QApplication.translate("BackupDialog", "恢复所选备份…"), self
        )
        self.restore_button.setObjectName("restoreSelected")
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button = QPushButton(
            QApplication.translate("BackupDialog", "打开备份文件夹"), self
        )
        self.folder_button.clicked.connect(self.open_folder)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        row = QHBoxLayout()
        row.addWidget(QLabel(QApplication.translate("BackupDialog", "保留最近"), self))
        row.addWidget(self.keep)
        row.addStretch(1)
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addWidget(self.folder_button)
        self.note = MessageLine(self)  # what could not be done (the folder not shown)
        self.note.setObjectName("backupNote")
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        # Enter closes: it must not make a backup (or anything else) by surprise.
        self.close_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(close)
        self.resize(760, 420)
        self.refresh()

    # ------------------------------------------------------------------ state
    def refresh(self) -> None:
        self.model.reload()
        folder = backups.backup_folder(self.store.path, self.root)
        self.info.setText(
            QApplication.translate(
                "BackupDialog",
                "台账：{db}\n备份位置：{folder}\n打开台账、每次导入、升级数据结构和恢复之前都会自动备份"
                "（SQLite 备份接口写出的一致快照）；共 {n} 个备份。",
            ).format(db=self.store.path, folder=folder, n=self.model.rowCount())
        )
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self, *args: object) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> backups.Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.items[rows[0].row()] if rows else None

    # ---------------------------------------------------------------- actions
    def backup_now(self) -> backups.Backup | None:
        try:
            with _busy():
                made = backups.make_backup(
                    self.store, QApplication.translate("BackupDialog", "手动备份"), root=self.root
                )
        except StoreError as exc:
            self.show_error(
                QApplication.translate("BackupDialog", "备份失败：{reason}").format(reason=exc)
            )
            return None
        self.refresh()
        return made

    def restore_selected(self) -> backups.RestoreResult | None:
        """Ask, then restore the selected backup into the open ledger (backed up first)."""
        chosen = self.selected()
        if chosen is None:
            return None
        question = QApplication.translate(
            "BackupDialog",
            "用 {when} 的备份（{reason}，{projects} 个项目）替换当前台账的全部内容？\n\n"
            "当前台账会先自动备份，恢复后仍可从备份列表中找回。",
        ).format(**_described(chosen))
        if not self.confirm(question):
            return None
        try:
            with _busy():  # a 600 MB ledger takes about 10 s (its safety backup included)
                result = backups.restore_backup(self.store, chosen, root=self.root)
        except StoreError as exc:
            self.show_error(
                QApplication.translate("BackupDialog", "恢复失败，台账未改变：{reason}").format(
                    reason=exc
                )
            )
            return None
        self.refresh()
        self.restored.emit(result)
        self.show_info(
            QApplication.translate(
                "BackupDialog", "已恢复 {when} 的备份。恢复前的台账已备份到：\n{path}"
            ).format(
                when=f"{chosen.created:%Y-%m-%d %H:%M:%S}",
                path=result.safety.path if result.safety else "",
            )
        )
        return result

    def _keep_changed(self) -> None:
        try:
            backups.set_keep_count(self.store.path, self.keep.value(), self.root)
        except StoreError as exc:
            self.show_error(str(exc))
        self.refresh()

    def open_folder(self) -> bool:
        """Show the backups' folder; without a file manager, say where it is."""
        folder = backups.backup_folder(self.store.path, self.root)
        folder.mkdir(parents=True, exist_ok=True)
        if open_path(folder):
            return True
        self.note.setText(no_file_manager_text(folder))
        return False

    # ---------------------------------------------- questions (tests answer these)
    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            QApplication.translate("BackupDialog", "恢复备份"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, text: str) -> None:
        QMessageBox.warning(self, APP_NAME, text)

    def show_info(self, text: str) -> None:
        QMessageBox.information(self, APP_NAME, text)


# -------------------------------------------------------------- damaged at start
def damaged_text(path: Path, error: BaseException, good: backups.Backup | None) -> str:
    """The question (or the bad news) shown when ``path`` cannot be opened as damaged."""
    text = QApplication.translate("BackupDialog", "台账“{name}”已损坏，无法打开：\n{error}").format(
        name=path.name, error=error
    )
    if good is None:
        return (
            text
            + "\n\n"
            + QApplication.translate(
                "BackupDialog",
                "没有找到可用的备份。请不要再写入这个文件，把它复制一份后联系技术人员。",
            )
        )
    return (
        text
        + "\n\n"
        + QApplication.translate(
            "BackupDialog",
            "是否用最近一个完好的备份恢复？\n备份时间：{when}（{reason}，{projects} 个项目）\n"
            "损坏的文件会改名保留在原文件夹中。",
        ).format(**_described(good))
    )


def offer_restore_on_damage(
    parent: QWidget | None,
    path: Path,
    error: BaseException,
    *,
    root: Path | None = None,
    ask: Callable[[QWidget | None, str, bool], bool] | None = None,
    tell: Callable[[str], None] | None = None,
) -> Store | None:
    """At start: tell the user the ledger is damaged and offer the latest good backup.

    Returns the reopened store after a restore, else None.  ``ask(parent, text, can_restore)``
    and ``tell(text)`` replace the dialogs (tests).
    """
    good = backups.latest_good_backup(path, root)
    text = damaged_text(path, error, good)
    ask = ask or _ask_restore
    tell = tell or (lambda message: QMessageBox.information(parent, APP_NAME, message))
    if not ask(parent, text, good is not None) or good is None:
        return None
    try:
        result = backups.restore_backup(path, good, root=root)
        store = Store.open(path)
    except StoreError as exc:
        tell(QApplication.translate("BackupDialog", "恢复失败：{reason}").format(reason=exc))
        return None
    done = QApplication.translate("BackupDialog", "已用 {when} 的备份恢复台账。").format(
        when=f"{good.created:%Y-%m-%d %H:%M:%S}"
    )
    if result.moved_aside is not None:
        done += QApplication.translate("BackupDialog", "损坏的文件已改名保留为：\n{path}").format(
            path=result.moved_aside
        )
    tell(done)
    return store


def _ask_restore(parent: QWidget | None, text: str, can_restore: bool) -> bool:
    box = QMessageBox(parent)
    box.setObjectName("damagedLedger")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(APP_NAME)
    box.setText(text)
    if not can_restore:
        box.addButton(
            QApplication.translate("BackupDialog", "关闭"), QMessageBox.ButtonRole.RejectRole
        )
        box.exec()
        return False
    return ask(
        box,
        QApplication.translate("BackupDialog", "恢复备份"),
        QApplication.translate("BackupDialog", "不恢复，退出"),
    )


# ------------------------------------------------- deferred check of large ledgers
class BackgroundCheck(QObject):
    """``quick_check`` of a large ledger in the background (:class:`~desktop_app.ui.jobs.Job`)
    after it opened (only its header was checked on opening); ``finished`` carries the result
    to the GUI thread."""

    finished = Signal(object)  # CheckResult

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.result: CheckResult | None = None
        self._job: jobs.Job[CheckResult] | None = None

    def start(self) -> BackgroundCheck:
        self._job = jobs.Job(self, self._run, on_done=self.finished.emit).run()
        return self

    def wait(self, timeout: float | None = None) -> None:
        if self._job is not None:
            self._job.wait(None if timeout is None else int(timeout * 1000))

    def _run(self) -> CheckResult:  # in the worker
        self.result = check_file(self.path, "quick")
        return self.result


def check_in_background(store: Store, parent: QWidget | None = None) -> BackgroundCheck | None:
    """Start the deferred check when opening skipped it; warns the user if damage is found."""
    if store.open_check is None or not store.open_check.deferred:
        return None
    check = BackgroundCheck(store.path, parent)

    def done(result: CheckResult) -> None:
        if not result.ok:
            QMessageBox.critical(
                parent,
                APP_NAME,
                QApplication.translate(
                    "BackupDialog",
                    "后台检查发现台账已损坏：{problem}\n\n请不要继续编辑。关闭程序后重新打开，"
                    "按提示用最近的完好备份恢复（或在命令行运行 keyprojects restore --latest）。",
                ).format(problem=result.problems[0]),
            )

    check.finished.connect(done)
    return check.start()


__all__ = [
    "BackgroundCheck",
    "BackupDialog",
    "BackupTableModel",
    "check_in_background",
    "damaged_text",
    "offer_restore_on_damage",
]
