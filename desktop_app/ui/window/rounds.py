"""工具 ▸ 关账… / 重新开账…: closing the period shown after the meeting (月度调度 关账) and
reopening it with a reason; the period chooser marks closed periods “（已关账）”.

:class:`RoundCommands` is the window's part for this (``window.rounds``; the actions of
:mod:`.actions` call its methods).  The store does the work (:meth:`Store.close_period`,
:meth:`Store.reopen_period`); a closed period's grid is read-only (``ui.monthly``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ... import APP_NAME
from ...domain.periods import Period
from ...store import StoreError
from .. import jobs
from ..common.labels import period_label

if TYPE_CHECKING:
    from ...store import Store
    from ..jobs import Job

#: The window (:class:`~.main_window.MainWindow`, which imports this module: not imported here).
MainWindow = Any


def _tr(text: str) -> str:
    return QCoreApplication.translate("RoundCommands", text)


def closed_label(period: Period) -> str:
    """A closed period as the period chooser shows it: “2022年6月（已关账）”."""
    return _tr("{period}（已关账）").format(period=period_label(period))


def mark_closed(combo: QComboBox, store: Store) -> None:
    """Mark the closed periods among ``combo``'s items (their data: 'YYYY-MM')."""
    closed = set(store.closed_periods())
    marked = False
    for i in range(combo.count()):
        data = combo.itemData(i)
        if data in closed:
            combo.setItemText(i, closed_label(Period.parse(data)))
            marked = True
    if marked:  # the longer text is shown whole
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)


class ReopenDialog(QDialog):
    """重新开账: the reason is required (OK stays disabled while it is empty)."""

    def __init__(self, period: Period, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reopenDialog")
        self.setWindowTitle(_tr("重新开账"))
        self.period = period
        text = QLabel(
            _tr("重新开账后，{period}的月报可以再修改，报表和图表改按台账现状生成。\n"
                "请写明重新开账的原因（记入修改记录）：").format(period=period_label(period))
        )  # fmt: skip
        text.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reopenReason")
        self.reason.setPlaceholderText(_tr("例如：东丰县6月数据报错，需更正"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_tr("重新开账"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self._update()

    def reason_text(self) -> str:
        return " ".join(self.reason.text().split())

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.reason_text()))

    def accept(self) -> None:
        if self.reason_text():  # (Enter in the empty box does nothing)
            super().accept()


class RoundCommands(QObject):
    """关账… and 重新开账… of one window (for the period it shows)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QDialog | QMessageBox | None = None  #: the question last asked
        self.job: Job[Any] | None = None  #: the closing under way (or last run)

    @property
    def store(self) -> Store:
        return self.window.store  # type: ignore[no-any-return]

    # ================================================================ the actions
    def close_period(self) -> QMessageBox:
        """关账…: say what closing the period shown means, with its counts; close on 关账."""
        period = self.window.current_period()
        info = self.store.closed_round(period)
        if info is not None:
            return self._tell(
                _tr("{period}已经关账（{who}，{when}）。").format(
                    period=period_label(period), who=info.closed_by, when=_when(info.closed_at)
                )
            )
        projects = self.store.listed_count(period.year)
        reported = len(self.store.reported_ids(period))
        pending = self.store.pending_reviews(period)  # the units' returns not yet reviewed
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _tr("关账"),
            _tr("关账 {period}？\n\n本期 {n} 个项目，已填报 {reported} 个，未填报 {missing} 个。\n"
                "关账后该月月报不能再修改（表格、表单和导入都会拒绝），该月的报表、图表和数字"
                "保持关账时的样子；关账前自动备份台账。").format(
                period=period_label(period), n=projects, reported=reported,
                missing=max(projects - reported, 0),
            ),
            parent=self.window,
        )  # fmt: skip
        box.setObjectName("closePeriodBox")
        if pending:  # asked here, so the close goes ahead with them as they are
            waiting = sum(u.pending + u.returned for u in pending)
            units = "、".join(
                f"{u.unit}（{_tr('待审核')} {u.pending}，{_tr('退回')} {u.returned}）"
                for u in pending
            )
            box.setInformativeText(
                _tr("还有 {n} 条月报未审核：{units}。关账后它们按现在的数字定稿；"
                    "如要先审核，请取消，在“报送情况与审核”中处理。").format(n=waiting, units=units)
            )  # fmt: skip
        go_on = box.addButton(_tr("关账"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(go_on)
        box.buttonClicked.connect(
            lambda button: self._close(period, bool(pending)) if button is go_on else None
        )
        self._show(box)
        return box

    def reopen_period(self) -> QDialog | QMessageBox:
        """重新开账…: ask the reason (required), then reopen the period shown."""
        period = self.window.current_period()
        if not self.store.is_closed(period):
            return self._tell(
                _tr("{period}没有关账，无需重新开账。").format(period=period_label(period))
            )
        dialog = ReopenDialog(period, self.window)
        dialog.accepted.connect(lambda: self._reopen(period, dialog.reason_text()))
        self._show(dialog)
        return dialog

    # ================================================================ the work
    def _close(self, period: Period, allow_pending: bool = False) -> Job[Any]:
        """Back up and close in the background (a large ledger takes seconds), on a store
        of its own; the window says so meanwhile.  ``allow_pending``: the user was told of the
        reports not yet reviewed and closes anyway (a return taken in since is refused)."""
        path, user, opener = self.store.path, self.store.user, type(self.store)
        thresholds = self.window.settings.thresholds

        def close() -> Any:
            with opener.open(path, user=user) as store:
                return store.close_period(
                    period, thresholds=thresholds, allow_pending=allow_pending
                )

        def done(info: Any) -> None:
            self._after(
                _tr("{period}已关账：{n} 个项目的月度调度已定稿").format(
                    period=period_label(period), n=info.count
                )
            )

        def failed(exc: Exception) -> None:
            QMessageBox.warning(self.window, APP_NAME, str(exc) or type(exc).__name__)

        self.job = jobs.Job(
            self,
            close,
            on_done=done,
            on_failed=failed,
            busy=self.window,
            text=_tr("正在备份台账并关账{period}…").format(period=period_label(period)),
        ).run()
        return self.job

    def _reopen(self, period: Period, reason: str) -> None:
        try:
            self.store.reopen_period(period, reason)
        except StoreError as exc:
            QMessageBox.warning(self.window, APP_NAME, str(exc))
            return
        self._after(
            _tr("{period}已重新开账（原因：{reason}）").format(
                period=period_label(period), reason=reason
            )
        )

    def _after(self, message: str) -> None:
        undo = getattr(self.window, "undo_stack", None)
        if undo is not None:  # edits of that month can no longer be undone (or now can be)
            undo.clear()
        self.window.refresh()
        self.window.statusBar().showMessage(message, 10_000)

    def _tell(self, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, text, parent=self.window)
        box.setObjectName("roundInfoBox")
        self._show(box)
        return box

    def _show(self, dialog: QDialog | QMessageBox) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setModal(True)
        self.dialog = dialog
        dialog.show()


def _when(stamp: str) -> str:
    return stamp.replace("T", " ")[:16]
