"""调度看板: where the year stands, for the scheduling meeting.

For a chosen period and the ledger's current filter: annual plan against year-to-date
completion grouped by region / chain / sector, the portfolio's S-curve, light and status
counts, and the ten most lagging projects.  Clicking a bar asks the ledger to filter to that
group (:attr:`Dashboard.groupClicked`).

The period's data is read once into a :class:`~desktop_app.views.portfolio.PortfolioSnapshot` — in a
worker thread with its own connection on large ledgers — and every filter or grouping change
is redrawn from it without touching the database.  In the main window the snapshot points at
the ledger table's own rows and search keys (``ledger=``) and reads only the year's amounts,
so 100,000 projects are held in memory once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.derived import LightThresholds
from ...domain.fields import FIELD_BY_NAME
from ...domain.money import format_wan, wan_to_yi
from ...domain.periods import Period
from ...domain.query import ProjectQuery
from ...store import Store
from ...views.dashboard import GROUP_FIELDS, DashboardData, LaggingProject, dashboard_data
from ...views.portfolio import LoadedRows, PortfolioSnapshot, load_portfolio
from ...views.units import YI, format_pct
from .. import jobs
from ..common.fonts import ensure_cjk_font
from ..common.labels import light_label, period_label, tr_field
from ..models.base import RIGHT, ColumnSpec, SpecTableModel
from .charts import GroupBarChart, LightChart, SCurveChart, StatusChart
from .compare import PreviousRound
from .hint import NextSteps
from .plot import ChartPanel, section_label

_Index = QModelIndex | QPersistentModelIndex


def _money(wan: Any) -> str:
    """A summary amount: 亿元 from 1 亿 up, else 万元."""
    if wan is None:
        return "—"
    if abs(wan) >= YI:
        return QCoreApplication.translate("Dashboard", "{n}亿元").format(n=f"{wan_to_yi(wan):,.2f}")
    return QCoreApplication.translate("Dashboard", "{n}万元").format(n=format_wan(wan))


# ------------------------------------------------------------------ lagging list
class LaggingModel(SpecTableModel):
    """The most lagging projects, one row each (the project's id in UserRole)."""

    context = "Dashboard"

    def __init__(self, parent: QObject | None = None) -> None:
        light_color = lambda p: QBrush(QColor(p.light.color))  # noqa: E731
        tip = _lagging_tooltip
        super().__init__(
            parent,
            (
                ColumnSpec(QT_TRANSLATE_NOOP("Dashboard", "序号"), align=RIGHT, tooltip=tip),
                ColumnSpec(
                    QT_TRANSLATE_NOOP("Dashboard", "项目名称"), lambda p: p.name, tooltip=tip
                ),
                ColumnSpec(
                    QT_TRANSLATE_NOOP("Dashboard", "所属县区"), lambda p: p.region, tooltip=tip
                ),
                ColumnSpec(
                    QT_TRANSLATE_NOOP("Dashboard", "年度计划(万元)"),
                    lambda p: format_wan(p.plan),
                    RIGHT,
                    tip,
                ),
                ColumnSpec(
                    QT_TRANSLATE_NOOP("Dashboard", "完成率"),
                    lambda p: format_pct(p.rate),
                    RIGHT,
                    tip,
                    light_color,
                ),
                ColumnSpec(
                    QT_TRANSLATE_NOOP("Dashboard", "滞后(百分点)"),
                    lambda p: f"{p.points_behind:.1f}",
                    RIGHT,
                    tip,
                    light_color,
                ),
            ),
            background=lambda p: QBrush(QColor(p.light.fill)),
        )

    def project(self, row: int) -> LaggingProject:
        return self.rows[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < len(self.rows):
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return str(index.row() + 1)
            if role == Qt.ItemDataRole.UserRole:
                return self.rows[index.row()].id
        return super().data(index, role)


def _lagging_tooltip(p: LaggingProject) -> str:
    return QCoreApplication.translate(
        "Dashboard",
        "{code} {name}\n"
        "年度计划 {plan} 万元，本年累计完成 {ytd} 万元\n"
        "{light}：完成率 {rate}，"
        "落后时序进度 {behind} 个百分点\n"
        "按时序进度还差 {short} 万元\n双击打开项目",
    ).format(
        code=p.code,
        name=p.name,
        plan=format_wan(p.plan),
        ytd=format_wan(p.ytd),
        light=light_label(p.light),
        rate=format_pct(p.rate),
        behind=f"{p.points_behind:.1f}",
        short=format_wan(p.shortfall),
    )


# ---------------------------------------------------------------------- dashboard
class Dashboard(QWidget):
    """The scheduling-meeting dashboard for one period and the ledger's current filter."""

    #: A bar was clicked: filter the ledger to ``field`` = ``value`` — a group ("region",
    #: "chain", "sector"), a status ("status", "在建") or a light ("light", "red").
    groupClicked = Signal(str, str)
    #: A lagging project was double-clicked.
    projectActivated = Signal(int)
    #: The period was changed in the dashboard's own selector (a Period).
    periodChanged = Signal(object)
    #: Charts were redrawn (after data arrived or the filter / grouping changed).
    redrawn = Signal()
    #: A way on was chosen in the hint of a ledger without amounts ("plans", "monthly",
    #: "import", "demo"; see :class:`~.hint.NextSteps`).
    nextStepChosen = Signal(str)

    def __init__(
        self,
        store: Store,
        settings: Any = None,
        parent: QWidget | None = None,
        *,
        background: bool | None = None,
        ledger: Callable[[], LoadedRows | None] | None = None,
        period_picker: bool = True,
    ) -> None:
        """``ledger`` gives the project rows the ledger table holds (or None when it has none
        for the store's current state): the period's data then shares them instead of
        reading every project again.  ``period_picker=False``: no period chooser of its own
        (in the window the toolbar's 调度期间 is the one period, see :meth:`set_period`)."""
        ensure_cjk_font()
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.store = store
        self.settings = settings
        self._ledger = ledger
        self.background = (
            store.project_count() > jobs.BACKGROUND_ABOVE if background is None else background
        )
        self._period = store.default_period()
        self._query = ProjectQuery()
        grouping = settings.value("dashboard/grouping", "region") if settings is not None else None
        self._grouping = grouping if grouping in GROUP_FIELDS else "region"
        self._snapshots: dict[tuple[Any, ...], PortfolioSnapshot] = {}
        self._pending: tuple[Any, ...] | None = None
        self._stale = False  # something changed while hidden: redraw when shown
        self.data: DashboardData | None = None
        self.last_load_seconds: float | None = None
        self.last_redraw_seconds: float | None = None
        self._build()
        self.period_label.setVisible(period_picker)
        self.period_box.setVisible(period_picker)
        self._fill_periods()
        self.reload()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.period_box = QComboBox(self)
        self.period_box.setObjectName("dashboardPeriod")
        self.period_box.setToolTip(self.tr("看板统计的调度期间"))
        self.period_box.activated.connect(self._period_chosen)
        self.group_box = QComboBox(self)
        self.group_box.setObjectName("dashboardGrouping")
        for field, label in GROUP_FIELDS.items():
            self.group_box.addItem(tr_field(label), field)
        self.group_box.setCurrentIndex(list(GROUP_FIELDS).index(self._grouping))
        self.group_box.setToolTip(self.tr("柱状图按所属县区、产业链或产业类别分组"))
        self.group_box.currentIndexChanged.connect(
            lambda: self.set_grouping(self.group_box.currentData())
        )
        self.summary = QLabel(self)
        self.summary.setObjectName("dashboardSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.filter_label = QLabel(self)
        self.filter_label.setStyleSheet("color: #8a5a00;")
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #666666;")

        self.next_steps = NextSteps(self)
        self.next_steps.hide()
        self.next_steps.chosen.connect(self.nextStepChosen)

        top = QHBoxLayout()
        self.period_label = QLabel(self.tr("调度期间："), self)
        top.addWidget(self.period_label)
        top.addWidget(self.period_box)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("分组："), self))
        top.addWidget(self.group_box)
        top.addSpacing(16)
        top.addWidget(self.summary, 1)
        top.addWidget(self.status)

        self.group_chart = GroupBarChart()
        self.curve_chart = SCurveChart()
        self.light_chart = LightChart()
        self.status_chart = StatusChart()
        self.charts = (self.group_chart, self.curve_chart, self.light_chart, self.status_chart)
        for chart in self.charts:
            chart.itemClicked.connect(self._chart_clicked)
        grid_widget = QWidget(self)
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(ChartPanel(self.group_chart), 0, 0)
        grid.addWidget(ChartPanel(self.curve_chart), 0, 1)
        grid.addWidget(ChartPanel(self.light_chart), 1, 0)
        grid.addWidget(ChartPanel(self.status_chart), 1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.lagging_title = section_label(self.tr("滞后项目前十"), side)
        self.lagging_model = LaggingModel(self)
        self.lagging_view = QTableView(side)
        self.lagging_view.setObjectName("laggingTable")
        self.lagging_view.setModel(self.lagging_model)
        self.lagging_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lagging_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Names are never cut: they wrap onto a second line in the stretched column, each
        # row as tall as its name needs (the tooltip also gives the name in full).
        rows = self.lagging_view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.lagging_view.setWordWrap(True)
        self.lagging_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.lagging_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: rows.resizeSections())
        self.lagging_view.doubleClicked.connect(
            lambda index: self.projectActivated.emit(self.lagging_model.project(index.row()).id)
        )
        self.lagging_note = QLabel(side)
        self.lagging_note.setWordWrap(True)
        self.lagging_note.setStyleSheet("color: #666666;")
        side_layout.addWidget(self.lagging_title)
        side_layout.addWidget(self.lagging_view, 1)
        side_layout.addWidget(self.lagging_note)
        self.previous = PreviousRound(self)  # 对比上期 (compare.py): its toggle after 分组
        side_layout.addWidget(self.previous, 1)
        top.insertWidget(top.indexOf(self.group_box) + 1, self.previous.toggle)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(grid_widget)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 520])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.next_steps)
        layout.addWidget(self.filter_label)
        layout.addWidget(splitter, 1)

    def _fill_periods(self) -> None:
        periods = set(self.store.period_choices()) | {self._period}
        self.period_box.blockSignals(True)
        self.period_box.clear()
        for p in sorted(periods, reverse=True):
            self.period_box.addItem(period_label(p), str(p))
        self.period_box.setCurrentIndex(self.period_box.findData(str(self._period)))
        self.period_box.blockSignals(False)

    # -------------------------------------------------------------- public API
    @property
    def period(self) -> Period:
        return self._period

    @property
    def query(self) -> ProjectQuery:
        return self._query

    @property
    def grouping(self) -> str:
        return self._grouping

    @property
    def thresholds(self) -> LightThresholds:
        if self.settings is not None and hasattr(self.settings, "thresholds"):
            return self.settings.thresholds
        return LightThresholds()

    def set_period(self, period: Period | str) -> None:
        """Show ``period`` (a Period or 'YYYY-MM')."""
        period = period if isinstance(period, Period) else Period.parse(period)
        if period == self._period:
            return
        self._period = period
        if self.period_box.findData(str(period)) < 0:
            self._fill_periods()
        self.period_box.setCurrentIndex(self.period_box.findData(str(period)))
        self.reload()

    def set_query(self, query: ProjectQuery | None) -> None:
        """Follow the ledger's filter (search text, field filters, lights)."""
        self._query = query or ProjectQuery()
        self.redraw()

    def set_grouping(self, field: str) -> None:
        """Group the plan-vs-completion bars by region, chain or sector."""
        if field not in GROUP_FIELDS:
            raise ValueError(f"unknown grouping {field!r}")
        if field == self._grouping:
            return
        self._grouping = field
        self.group_box.setCurrentIndex(list(GROUP_FIELDS).index(field))
        if self.settings is not None:
            self.settings.set_value("dashboard/grouping", field)
        self.redraw()

    def refresh(self) -> None:
        """Read the ledger again (after edits or an import)."""
        self._snapshots.clear()
        self._fill_periods()
        self.reload()

    def is_loading(self) -> bool:
        return self._pending is not None

    def wait_until_ready(self, timeout_ms: int = 30_000) -> bool:
        """Block until a background load has finished and been drawn (tests, benchmarks)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while self._pending is not None and not deadline.hasExpired():
            jobs.wait_all(self, max(1, deadline.remainingTime()))
            QCoreApplication.processEvents()
        return self._pending is None

    # ------------------------------------------------------------ data loading
    def _key(self) -> tuple[Any, ...]:
        t = self.thresholds
        return (
            str(self._period),
            str(t.yellow_points),
            str(t.red_points),
            t.start_overdue_months,
            self.store.action_count(),
        )

    @property
    def snapshot(self) -> PortfolioSnapshot | None:
        return self._snapshots.get(self._key())

    def reload(self) -> None:
        """Make sure the current period's data is loaded (from cache, here, or in a worker)."""
        key = self._key()
        if key in self._snapshots:
            self.redraw()
            return
        loaded = self._ledger() if self._ledger is not None else None
        if not self.background:
            start = time.perf_counter()
            snapshot = load_portfolio(self.store, self._period, self.thresholds, loaded=loaded)
            self._store_snapshot(key, snapshot)
            self.last_load_seconds = time.perf_counter() - start
            self.redraw()
            return
        if self._pending == key:
            return
        self._pending = key
        self.status.setText(
            self.tr("正在统计 {period} …").format(period=period_label(self._period))
        )
        period, thresholds = self._period, self.thresholds

        def read(store: Store) -> tuple[PortfolioSnapshot, float]:
            # in a worker, on a read-only opening of its own (SQLite objects stay in one thread)
            start = time.perf_counter()
            snapshot = load_portfolio(store, period, thresholds, loaded=loaded)
            return snapshot, time.perf_counter() - start

        jobs.read_job(
            self,
            self.store.path,
            read,
            on_done=lambda done: self._loaded(key, *done),
            on_failed=lambda exc: self._loaded(key, exc, 0.0),
        ).run()

    def _store_snapshot(self, key: tuple[Any, ...], snapshot: PortfolioSnapshot) -> None:
        # snapshots of an older ledger state are never shown again: let them go
        for old in [k for k in self._snapshots if k[-1] != key[-1]]:
            del self._snapshots[old]
        while len(self._snapshots) >= 4:
            self._snapshots.pop(next(iter(self._snapshots)))
        self._snapshots[key] = snapshot

    def _loaded(self, key: tuple[Any, ...], result: Any, seconds: float) -> None:
        if key == self._pending:
            self._pending = None
        if isinstance(result, Exception):
            self.status.setText(self.tr("统计失败：{msg}").format(msg=result))
            return
        self._store_snapshot(key, result)
        self.last_load_seconds = seconds
        if key == self._key():
            self.status.setText("")
            self.redraw()
        elif self._pending is None:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the tab draws what changed meanwhile (reading the ledger again
        after edits)."""
        super().showEvent(event)
        if self._stale or self.data is None or self._key() not in self._snapshots:
            self.redraw()

    # ----------------------------------------------------------------- drawing
    def redraw(self) -> None:
        """Draw the charts from the loaded snapshot for the current filter and grouping.

        While the dashboard is hidden (another tab is shown) this only notes that a redraw is
        due, so typing in the ledger's search box never waits for the charts.
        """
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        snapshot = self.snapshot
        if snapshot is None:
            if self._pending is None:
                self.reload()
            return
        start = time.perf_counter()
        data = dashboard_data(snapshot, self._query)
        self.data = data
        label = tr_field(GROUP_FIELDS[self._grouping])
        self.group_chart.set_groups(data.groups[self._grouping], label, data.time_progress)
        self.curve_chart.set_data(data.s_curve)
        self.light_chart.set_data(data.lights)
        self.status_chart.set_data(data.statuses)
        self.lagging_model.set_rows(data.lagging)
        self.previous.follow()
        self._write_summary(data)
        self._explain_if_empty(snapshot)
        self.last_redraw_seconds = time.perf_counter() - start
        self.redrawn.emit()

    def _write_summary(self, data: DashboardData) -> None:
        if data.count:
            self.summary.setText(
                self.tr(
                    "{period}　时序进度 {tp}　项目 {n} 个　年度计划 {plan}　"
                    "本年累计完成 {ytd}　完成率 {rate}"
                ).format(
                    period=period_label(data.period),
                    tp=format_pct(data.time_progress),
                    n=f"{data.count:,}",
                    plan=_money(data.plan),
                    ytd=_money(data.ytd),
                    rate=format_pct(data.rate),
                )
            )
        else:
            self.summary.setText(
                self.tr("{period}　没有符合筛选条件的项目").format(period=period_label(data.period))
            )
        self.filter_label.setText(describe_query(self._query))
        self.filter_label.setVisible(not self._query.is_empty)
        self.lagging_title.setText(
            self.tr("滞后项目前十（共 {n} 个滞后）").format(n=f"{data.lagging_count:,}")
        )
        self.lagging_note.setText(
            self.tr(
                "滞后：年度计划完成率低于时序进度。按落后时序进度的百分点排序，"
                "相同时按差额排序；无年度计划的项目不参与。"
            )
        )

    def _explain_if_empty(self, snapshot: PortfolioSnapshot) -> None:
        """The hint of what to do next while the whole ledger (whatever the filter) has no
        annual plan and no completed investment in the period's year."""
        empty = not (snapshot.has_plan.any() or snapshot.ytd.any())
        if empty:
            self.next_steps.explain(period_label(self._period), self._period.year, len(snapshot))
        self.next_steps.setVisible(empty)

    def _chart_clicked(self, field: str, value: str) -> None:
        self.groupClicked.emit(field, value)

    def _period_chosen(self, index: int) -> None:
        period = self.period_box.itemData(index)
        if period and period != str(self._period):
            self.set_period(period)
            self.periodChanged.emit(self._period)


def describe_query(query: ProjectQuery) -> str:
    """The ledger filter the charts follow, in words."""
    if query.is_empty:
        return ""
    parts = []
    if query.search:
        parts.append(
            QCoreApplication.translate("Dashboard", "关键词“{text}”").format(text=query.search)
        )
    filters: Mapping[str, frozenset[str]] = query.filters
    for name, values in filters.items():
        if values:
            parts.append(f"{tr_field(FIELD_BY_NAME[name].label)}：{'、'.join(sorted(values))}")
    if query.lights:
        from ...domain.derived import Light

        parts.append(
            tr_field("状态灯")
            + "："
            + "、".join(light_label(Light(v)) for v in sorted(query.lights))
        )
    return QCoreApplication.translate("Dashboard", "图表只统计台账当前筛选的项目 — ") + "；".join(
        parts
    )
