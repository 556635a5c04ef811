"""Finding rows of the monthly grid, and saying which of the ledger's filters it follows.

The grid shows the projects the ledger page shows (its filters and search are shared); above
it, :class:`GridFinder` says so when they narrow the grid (with 清除筛选, which clears them in
the ledger too) and holds the grid's own search box.  That search finds rows by 项目编号,
项目名称 or 责任单位 with the ledger's matcher (:mod:`~desktop_app.domain.textmatch`: pinyin
initials, full pinyin, traditional characters).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ..common.buttons import ERROR_COLOR
from ..common.labels import light_label
from ..common.search_box import SearchBox
from ..ledger.filter_bar import FILTER_LABELS

if TYPE_CHECKING:
    from ...domain.query import ProjectQuery


def _tr(text: str) -> str:
    return QCoreApplication.translate("MonthlyGrid", text)


def describe_filter(query: ProjectQuery, shown: int, total: int) -> str:
    """The ledger's filter in one line: 已按台账筛选：所属县区＝东丰县；搜索“钢”（显示 2 / 51 个项目）."""
    parts = []
    for name, label in FILTER_LABELS.items():
        if name == "lights":
            values = [light_label(v) for v in sorted(query.lights)]
        else:
            values = sorted(query.filters.get(name, ()))
        if values:
            parts.append(QCoreApplication.translate("FilterBar", label) + "＝" + "、".join(values))
    if query.search.strip():
        parts.append(_tr("搜索“{text}”").format(text=query.search.strip()))
    return _tr("已按台账筛选：{filters}（显示 {shown} / {total} 个项目）").format(
        filters="；".join(parts), shown=f"{shown:,}", total=f"{total:,}"
    )


class GridFinder(QWidget):
    """The line above the grid: its search box, what it found, and the ledger's filter.

    ``searchChanged(text)`` when the search changes (typing debounced as in the ledger),
    ``enterGrid`` on Down or Enter in the box, ``clearLedgerFilter`` from 清除筛选.
    """

    searchChanged = Signal(str)
    enterGrid = Signal()
    clearLedgerFilter = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.search = SearchBox(
            _tr("在本表中查找：项目编号、名称、责任单位（支持拼音首字母、全拼、繁体）"),
            self,
            name="gridSearch",
            on_escape=self._escape,
        )
        self.search.setMinimumWidth(420)
        self.search.searched.connect(self._search_changed)
        self.search.toResults.connect(self.enterGrid)
        self._applied = ""
        self.found = QLabel(self)
        self.found.setObjectName("gridFound")
        self.filter_note = QLabel(self)
        self.filter_note.setObjectName("ledgerFilterNote")
        self.filter_note.setWordWrap(True)
        self.filter_note.setStyleSheet(
            "QLabel { background: #FFF6D5; border: 1px solid #E8D48A; border-radius: 3px;"
            " padding: 2px 6px; }"
        )
        self.clear_filter = QPushButton(_tr("清除筛选"), self)
        self.clear_filter.setObjectName("clearLedgerFilter")
        self.clear_filter.setToolTip(_tr("清除台账的筛选和搜索（台账与本表共用）"))
        self.clear_filter.clicked.connect(self.clearLedgerFilter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.found)
        layout.addSpacing(12)
        layout.addWidget(self.filter_note, 1)
        layout.addWidget(self.clear_filter)
        layout.addStretch(0)
        self.show_filter(None)

    # ---------------------------------------------------------------- search
    def text(self) -> str:
        return self.search.text().strip()

    def apply_search(self) -> None:
        """Search now, without waiting for the pause after typing."""
        self.search.search_now()

    def _search_changed(self) -> None:
        text = self.text()
        if text != self._applied:
            self._applied = text
            self.searchChanged.emit(text)

    def clear_search(self) -> None:
        self.search.clear()
        self.apply_search()

    def show_found(self, found: int | None) -> None:
        """How many rows the search found (None: no search)."""
        if found is None:
            self.found.clear()
            self.found.hide()
            return
        if found:
            self.found.setText(_tr("找到 {n} 个").format(n=f"{found:,}"))
            self.found.setStyleSheet("")
        else:
            self.found.setText(_tr("没有找到"))
            self.found.setStyleSheet(f"color: {ERROR_COLOR};")
        self.found.show()

    def _escape(self) -> bool:
        """Esc clears the search; in an empty box the key goes on."""
        if not self.search.text():
            return False
        self.clear_search()
        return True

    # ---------------------------------------------------------- ledger filter
    def show_filter(self, text: str | None) -> None:
        """Say which ledger filter the grid follows (None: it shows the whole ledger)."""
        self.filter_note.setVisible(bool(text))
        self.clear_filter.setVisible(bool(text))
        self.filter_note.setText(text or "")
        self.filter_note.setToolTip(text or "")
