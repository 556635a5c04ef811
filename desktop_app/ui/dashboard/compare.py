"""对比上期 on the dashboard: the previous round beside the current one.

A check box in the dashboard's top row shows, under the lagging list, a small table by
所属县区 — 本年累计完成 and the lights of the previous period beside the current period's,
with the difference — and one line of what changed (新增滞后, 滞后转正常, 状态灯变化).  The
figures are :func:`~desktop_app.views.compare.compare`'s (whole list, the dashboard's
thresholds; a closed period as it was closed), read in a worker on large ledgers and kept
until the ledger changes.  The choice is remembered in the settings.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.derived import Light, LightThresholds
from ...domain.money import format_wan
from ...domain.periods import Period
from ...store import Store
from ...views.compare import Comparison, Sums, compare, wan
from .. import jobs
from ..common.labels import light_label, period_label
from .plot import section_label

SETTING = "dashboard/previous"
_LIGHTS = ((2, Light.RED), (1, Light.YELLOW), (0, Light.GREEN))  # Sums.lights positions


class Board(Protocol):
    """What the panel reads of its dashboard (:class:`~.board.Dashboard`)."""

    store: Store
    settings: Any
    background: bool

    @property
    def period(self) -> Period: ...

    @property
    def thresholds(self) -> LightThresholds: ...

    def _key(self) -> tuple[Any, ...]: ...


class PreviousRound(QWidget):
    """The previous round beside the current one (hidden until :attr:`toggle` is checked)."""

    def __init__(self, board: Board) -> None:
        super().__init__(board)  # type: ignore[arg-type]
        self.setObjectName("previousRound")
        self.board = board
        self.comparison: Comparison | None = None
        self._key: tuple[Any, ...] | None = None
        self._pending: tuple[Any, ...] | None = None

        self.toggle = QCheckBox(self.tr("对比上期"), board)  # type: ignore[arg-type]
        self.toggle.setObjectName("comparePrevious")
        self.toggle.setToolTip(
            self.tr("在滞后项目下方列出上一期的本年累计完成和状态灯，与本期并列（按所属县区）")
        )
        self.title = section_label(self.tr("与上期对比"), self)
        # five columns fit the dashboard's right-hand pane at 1366 px: the amounts in 亿元 once
        # they reach it (the exact 万元 in each cell's tooltip), red lights only (every light
        # of both rounds in the row's tooltip)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("previousTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.note = QLabel(self)
        self.note.setObjectName("previousNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

        settings = board.settings
        on = settings is not None and str(settings.value(SETTING, "")) in ("1", "true", "True")
        self.toggle.setChecked(on)
        self.setVisible(on)
        self.toggle.toggled.connect(self._toggled)

    # ---------------------------------------------------------------- following
    @property
    def periods(self) -> tuple[Period, Period]:
        """(the previous period, the dashboard's period)."""
        current = self.board.period
        return current.shift(-1), current

    def follow(self) -> None:
        """Bring the table up to the dashboard's period and ledger state (when shown)."""
        if not self.toggle.isChecked():
            return
        key = self.board._key()
        if key == self._key or key == self._pending:
            return
        before, after = self.periods
        thresholds = self.board.thresholds
        if not self.board.background:
            self._show(key, compare(self.board.store, before, after, thresholds))
            return
        self._pending = key
        self.note.setText(self.tr("正在对比 {period} …").format(period=period_label(before)))
        jobs.read_job(
            self,
            self.board.store.path,
            lambda store: compare(store, before, after, thresholds),
            on_done=lambda result: self._show(key, result),
            on_failed=lambda exc: self._failed(key, exc),
        ).run()

    def is_loading(self) -> bool:
        return self._pending is not None

    def _toggled(self, on: bool) -> None:
        self.setVisible(on)
        if self.board.settings is not None:
            self.board.settings.set_value(SETTING, "1" if on else "0")
        self.follow()

    def _failed(self, key: tuple[Any, ...], exc: Exception) -> None:
        if key == self._pending:
            self._pending = None
        self.note.setText(self.tr("对比失败：{msg}").format(msg=exc))

    def _show(self, key: tuple[Any, ...], c: Comparison) -> None:
        if self._pending == key:
            self._pending = None
        if key != self.board._key():  # the period or the ledger changed meanwhile
            self.follow()
            return
        self._key, self.comparison = key, c
        before, after = c.earlier.period, c.later.period
        self.title.setText(
            self.tr("{before}与{after}对比").format(
                before=period_label(before), after=period_label(after)
            )
        )
        rows = [(line.label, line.before, line.after) for line in c.counties]
        rows.append((self.tr("合计"), c.total_before, c.total_after))
        yi = max(abs(c.total_before.ytd), abs(c.total_after.ytd)) >= YI_CENTS
        unit = self.tr("亿元") if yi else self.tr("万元")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("所属县区"),
                self.tr("上期累计({unit})").format(unit=unit),
                self.tr("本期累计({unit})").format(unit=unit),
                self.tr("增减({unit})").format(unit=unit),
                self.tr("红灯(上期→本期)"),
            ]
        )
        self.table.setRowCount(len(rows))
        for r, (label, b, a) in enumerate(rows):
            change = a.ytd - b.ytd
            cells = [
                label,
                _amount(b.ytd, yi),
                _amount(a.ytd, yi),
                ("+" if change > 0 else "") + _amount(change, yi),
                f"{b.lights[2]:,}→{a.lights[2]:,}",
            ]
            tips = [
                self.tr("上期：{before}\n本期：{after}").format(
                    before=_lights_text(b), after=_lights_text(a)
                ),
                *(self.tr("{n}万元").format(n=format_wan(wan(v))) for v in (b.ytd, a.ytd, change)),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tips[col] if 1 <= col <= 3 else tips[0])
                if 1 <= col <= 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if col == 3 and change:
                    color = Light.GREEN.color if change > 0 else Light.RED.color
                    item.setForeground(QBrush(QColor(color)))
                if r == len(rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, col, item)
        self.note.setText(
            self.tr(
                "新增滞后 {new} 个，滞后转正常 {back} 个，状态灯变化 {lights} 个；"
                "滞后项目由 {lag0} 个到 {lag1} 个。统计名单上的全部项目，不随台账筛选。"
            ).format(
                new=f"{len(c.newly_lagging):,}",
                back=f"{len(c.recovered):,}",
                lights=f"{len(c.light_changes):,}",
                lag0=f"{c.total_before.lagging:,}",
                lag1=f"{c.total_after.lagging:,}",
            )
        )


#: 1 亿元 in the store's unit (0.01 万元): 10,000 万元.
YI_CENTS = 10_000 * 100


def _amount(cents: int, yi: bool) -> str:
    """百元 as 亿元 (two decimals) or as 万元."""
    if yi:
        return f"{Decimal(cents) / YI_CENTS:,.2f}"
    return format_wan(wan(cents))


def _lights_text(s: Sums) -> str:
    """红 2 黄 1 绿 5 (the lights that occur)."""
    parts = [f"{light_label(light)[0]}{s.lights[i]}" for i, light in _LIGHTS if s.lights[i]]
    return " ".join(parts) or "—"
