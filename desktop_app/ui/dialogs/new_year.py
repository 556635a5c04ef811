"""年度切换…: the wizard that starts a new year — the year and the defaults → the proposed
list (a checkbox on each offered line) → one action after a backup → what was done.

The proposal is read in the background on its own read-only opening of the ledger, and the
year is started in the background on a writing connection of its own
(:mod:`desktop_app.ui.jobs`): a large ledger shows a busy bar instead of a frozen window.
The rules are in :mod:`desktop_app.domain.new_year`; the store's side in
:mod:`desktop_app.store.years_change`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from ...domain.new_year import CARRY, DROP, FINISHED, KINDS, RESERVE, ProposalLine, YearProposal
from ...store import Store
from .. import jobs
from ..common.wizard import WizardPage, error_label
from ..models.base import CENTER, ColumnSpec, Index, SpecTableModel

_C = "NewYearWizard"
_CHECK = Qt.ItemDataRole.CheckStateRole
KIND_FILLS = {"carry": None, "finished": "#E2F0D9", "reserve": "#FFF4CC", "drop": "#EEEEEE"}


def _t(text: str) -> str:
    return QT_TRANSLATE_NOOP("NewYearWizard", text)  # type: ignore[no-any-return]


def _tr(text: str) -> str:
    """The wizard's texts, in one translation context."""
    return QCoreApplication.translate("NewYearWizard", text)


#: domain.new_year.KIND_LABELS, marked for translation.
KIND_NAMES = {
    CARRY: _t("结转续建"),
    FINISHED: _t("竣工投产"),
    RESERVE: _t("储备项目"),
    DROP: _t("不再列入"),
}


class ProposalModel(SpecTableModel):
    """The proposal's lines (optionally of one kind); the 列入 column is a checkbox on the
    offered ones, and :attr:`choices` holds what the user ticked (by project id)."""

    context = _C

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            parent,
            (
                ColumnSpec(_t("列入"), self._mark, CENTER),
                ColumnSpec(_t("类别"), lambda ln: _tr(KIND_NAMES[ln.kind])),
                ColumnSpec(_t("项目编号"), lambda ln: ln.project.code),
                ColumnSpec(_t("项目名称"), lambda ln: ln.project.name),
                ColumnSpec(_t("状态"), lambda ln: ln.project.status),
                ColumnSpec(_t("上年建设性质"), lambda ln: ln.project.nature),
                ColumnSpec(_t("新年度建设性质"), self._nature),
                ColumnSpec(_t("说明"), lambda ln: ln.reason, tooltip=lambda ln: ln.reason),
            ),
            background=lambda ln: QBrush(QColor(c)) if (c := KIND_FILLS[ln.kind]) else None,
        )
        self.proposal: YearProposal | None = None
        self.choices: dict[int, bool] = {}

    def set_proposal(self, proposal: YearProposal | None, kind: str | None = None) -> None:
        if proposal is not self.proposal:
            self.choices = {}
        self.proposal = proposal
        lines = proposal.lines if proposal is not None else []
        self.set_rows([ln for ln in lines if kind is None or ln.kind == kind])

    def included(self, line: ProposalLine) -> bool:
        assert self.proposal is not None
        return self.proposal.is_included(line, self.choices)

    def _mark(self, line: ProposalLine) -> str:
        if line.offered:
            return ""  # the checkbox
        return _tr("必列") if line.kind != DROP else _tr("不列")

    def _nature(self, line: ProposalLine) -> str | None:
        return line.nature if self.included(line) else None

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role == _CHECK:
            if column == 0 and row.offered:
                return Qt.CheckState.Checked if self.included(row) else Qt.CheckState.Unchecked
            return None
        return super().cell(row, column, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0 and self.rows[index.row()].offered:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != _CHECK or not index.isValid() or index.column() != 0:
            return False
        line = self.rows[index.row()]
        if not line.offered:
            return False
        self.choices[line.project_id] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, self.index(index.row(), self.columnCount() - 1))
        return True

    def set_all(self, included: bool) -> None:
        """Tick (or untick) every offered line shown."""
        for line in self.rows:
            if line.offered:
                self.choices[line.project_id] = included
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 7))


_Page = WizardPage


class YearChoicePage(_Page):
    """The new year and the defaults of the offered lines."""

    def __init__(self, wizard: NewYearWizard) -> None:
        super().__init__(
            wizard,
            _tr("年度切换：建立新一年的重点项目名单"),
            _tr(
                "按当前年度的名单提出新年度名单：未完工的项目结转为续建，竣工投产的项目可列入"
                "建成达产达效项目，储备项目可列入。下一步先预览，不会修改台账。"
            ),
        )
        current = wizard.store.current_year()
        self.year_box = QSpinBox(objectName="newYear")
        self.year_box.setRange(max(2000, current + 1), 2099)
        self.year_box.setValue(min(2099, current + 1))
        self.finished_box = QCheckBox(
            _tr("竣工、投产的项目列入建成达产达效项目清单"), objectName="includeFinished"
        )
        self.finished_box.setChecked(True)
        self.reserve_box = QCheckBox(
            _tr("储备项目（谋划、前期）也列入新年度名单"), objectName="includeReserve"
        )
        self.info = QLabel(objectName="yearInfo")
        self.info.setWordWrap(True)
        listed = wizard.store.listed_count(current)
        self.info.setText(
            _tr(
                "台账当前年度：{year}年，名单内 {n} 个项目。以上两项是预览中各行的默认选择，"
                "预览时还可以逐个勾选。"
            ).format(year=current, n=listed)
        )
        form = QFormLayout(self)
        form.addRow(_tr("新年度："), self.year_box)
        form.addRow(self.finished_box)
        form.addRow(self.reserve_box)
        form.addRow(self.info)


class YearPreviewPage(_Page):
    """The proposed list: summary, a filter by kind, the lines; commits the year."""

    def __init__(self, wizard: NewYearWizard) -> None:
        super().__init__(
            wizard,
            _tr("预览：新年度名单"),
            _tr("核对后点“建立名单”：先备份台账，再一次写入，并记入修改历史。"),
        )
        self.summary = QLabel(objectName="newYearSummary")
        self.summary.setWordWrap(True)
        self.filter_box = QComboBox(objectName="newYearFilter")
        self.filter_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_box.currentIndexChanged.connect(self._filter)
        self.check_all = QPushButton(_tr("全部勾选"), objectName="newYearCheckAll")
        self.check_all.clicked.connect(lambda: self.model.set_all(True))
        self.check_none = QPushButton(_tr("全部不选"), objectName="newYearCheckNone")
        self.check_none.clicked.connect(lambda: self.model.set_all(False))
        self.table = QTableView(objectName="newYearTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.model = ProposalModel(self)
        self.model.dataChanged.connect(self._update_summary)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.progress = QProgressBar(objectName="newYearProgress")
        self.progress.setRange(0, 0)
        self.progress_text = QLabel(objectName="newYearProgressText")
        self.error = error_label("newYearError")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(_tr("显示：")))
        top.addWidget(self.filter_box)
        top.addWidget(self.check_all)
        top.addWidget(self.check_none)
        busy = QHBoxLayout()
        busy.addWidget(self.progress_text)
        busy.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(busy)
        layout.addWidget(self.error)
        self.setCommitPage(True)
        self.job: jobs.Job[Any] | None = None
        self._started = False

    # -- the preview, read in the background
    def initializePage(self) -> None:
        wiz = self.wiz
        year = wiz.year_page.year_box.value()
        self.setButtonText(QWizard.WizardButton.CommitButton, _tr("建立名单"))
        self._started = False
        self.error.clear()
        self.summary.clear()
        self.model.set_proposal(None)
        self.filter_box.clear()
        options = wiz.options()

        def read(store: Store) -> YearProposal:
            return store.year_proposal(year, **options)

        self._busy(_tr("正在生成{year}年名单的预览…").format(year=year))
        self.job = jobs.read_job(
            self, wiz.store.path, read, on_done=self._shown, on_failed=self._failed
        ).run()

    def _shown(self, proposal: YearProposal) -> None:
        self._idle()
        self.wiz.proposal = proposal
        self.model.set_proposal(proposal)
        counts = proposal.counts()
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        self.filter_box.addItem(_tr("全部（{n}）").format(n=len(proposal.lines)), None)
        for kind in KINDS:
            label = _tr(KIND_NAMES[kind])
            self.filter_box.addItem(f"{label}（{counts[kind]}）", kind)
        self.filter_box.blockSignals(False)
        self._filter()
        self.completeChanged.emit()

    def _failed(self, exc: Exception) -> None:
        self._idle()
        self.error.setText(str(exc))
        self.wiz.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.completeChanged.emit()

    def _filter(self) -> None:
        self.model.set_proposal(self.wiz.proposal, self.filter_box.currentData())
        self.table.resizeColumnsToContents()
        for column, most in ((3, 320), (7, 420)):  # names and reasons: wide, not endless
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), most))
        self._update_summary()

    def _update_summary(self, *_args: Any) -> None:
        proposal = self.wiz.proposal
        if proposal is not None:
            self.summary.setText(proposal.summary(self.model.choices))

    # -- starting the year, in the background
    def isComplete(self) -> bool:
        return self.wiz.proposal is not None and self.job is None and not self.error.text()

    def validatePage(self) -> bool:
        if self._started:
            return True  # the year is written: on to the last page
        proposal = self.wiz.proposal
        if proposal is None or self.job is not None:
            return False
        wiz = self.wiz
        path, user, year = wiz.store.path, wiz.store.user, proposal.new_year
        choices, options = dict(self.model.choices), wiz.options()
        opener = type(wiz.store)

        def start() -> Any:
            with opener.open(path, user=user) as store:
                return store.start_year(year, choices, **options)

        self._busy(_tr("正在备份台账并建立{year}年名单…").format(year=year))
        self.job = jobs.Job(self, start, on_done=self._written, on_failed=self._failed).run()
        return False

    def _written(self, result: Any) -> None:
        self._idle()
        self._started = True
        self.wiz.result = result
        self.wiz.started.emit(result)
        self.wiz.next()

    def _busy(self, text: str) -> None:
        self.progress_text.setText(text)
        self.progress_text.show()
        self.progress.show()
        self.wiz.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        self.completeChanged.emit()

    def _idle(self) -> None:
        self.job = None
        self.progress.hide()
        self.progress_text.hide()
        self.wiz.button(QWizard.WizardButton.CancelButton).setEnabled(True)


class YearDonePage(_Page):
    def __init__(self, wizard: NewYearWizard) -> None:
        super().__init__(wizard, _tr("新年度名单已建立"))
        self.label = QLabel(objectName="newYearDone")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self).addWidget(self.label)

    def initializePage(self) -> None:
        result = self.wiz.result
        assert result is not None
        counts = result.counts
        lines = [
            _tr(
                "已建立{year}年重点项目名单：{n} 个项目（结转续建 {c}，建成达产达效 {f}，"
                "储备 {r}），当前年度改为{year}年，已记入修改历史。"
            ).format(
                year=result.year,
                n=result.total,
                c=counts["carry"],
                f=counts["finished"],
                r=counts["reserve"],
            ),
            _tr(
                "下一步：填报{year}年计划投资——导入表头为“{year}年计划投资”的台账，"
                "或在项目表单中填写。"
            ).format(year=result.year),
        ]
        if result.backup is not None:
            lines.append(_tr("写入前的备份：{path}").format(path=result.backup.path))
        self.label.setText("\n".join(lines))


class NewYearWizard(QWizard):
    """年度切换.  Emits ``started(YearStarted)`` once the new year is written."""

    started = Signal(object)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newYearWizard")
        self.setWindowTitle(_tr("年度切换"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.store = store
        self.proposal: YearProposal | None = None
        self.result: Any = None
        self.year_page = YearChoicePage(self)
        self.preview_page = YearPreviewPage(self)
        self.done_page = YearDonePage(self)
        for page in (self.year_page, self.preview_page, self.done_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, _tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, _tr("上一步"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _tr("取消"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _tr("完成"))
        self.resize(1000, 640)

    def options(self) -> dict[str, bool]:
        """The defaults of the offered lines, as the first page says."""
        return {
            "include_finished": self.year_page.finished_box.isChecked(),
            "include_reserve": self.year_page.reserve_box.isChecked(),
        }

    def done(self, result: int) -> None:
        """Closing waits for a background job (the year being written must not be cut off)."""
        job = self.preview_page.job
        if job is not None:
            job.wait()
            jobs.wait_all(self.preview_page)
        super().done(result)
