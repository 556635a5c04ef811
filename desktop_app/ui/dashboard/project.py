"""A project's own charts: monthly investment with the cumulative line against its annual
plan, and its physical progress over time (for the project detail)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QWidget,
)

from ...domain.periods import Period
from ...store import Store
from ...views.project import ProjectSeries, project_series
from ...views.units import WAN, MoneyScale, format_money, format_pct
from ..common.labels import period_label
from .plot import (
    AXIS_COLOR,
    DONE_COLOR,
    EXPECTED_COLOR,
    GRID_ALPHA,
    PLAN_COLOR,
    PLAN_LINE_COLOR,
    PROGRESS_COLOR,
    ChartPanel,
    ChartWidget,
    month_labels,
    scaled,
)


# ------------------------------------------------------------------ project charts
class MonthlyInvestmentChart(ChartWidget):
    """One project's monthly investment as bars, the cumulative line against its annual plan."""

    title = QT_TRANSLATE_NOOP("Charts", "月度完成投资")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot.showGrid(x=False, y=True, alpha=GRID_ALPHA)
        self.scale: MoneyScale = WAN

    def title_text(self) -> str:
        if isinstance(self._data, ProjectSeries):
            return QCoreApplication.translate("Charts", "{name}：{year}年月度完成投资").format(
                name=self._data.name, year=self._data.period.year
            )
        return self.title

    def draw(self, s: ProjectSeries) -> None:
        self.scale = WAN  # one project: the ledger's unit
        months = np.arange(1, 13, dtype=float)
        amounts = np.array([scaled(v, self.scale) for v in s.months], dtype=float)
        reported = np.array([v is not None for v in s.months])
        bars = pg.BarGraphItem(
            x=months[reported],
            height=amounts[reported],
            width=0.6,
            brush=PLAN_COLOR,
            pen=pg.mkPen(DONE_COLOR, width=1),
        )
        self.plot.addItem(bars)
        self.items["bars"] = bars
        self.legend.addItem(bars, QCoreApplication.translate("Charts", "本月完成"))
        cumulative = np.array([scaled(v, self.scale) for v in s.cumulative], dtype=float)
        line = self._line(months[: len(cumulative)], cumulative, DONE_COLOR)
        self.items["cumulative"] = line
        self.legend.addItem(line, QCoreApplication.translate("Charts", "本年累计完成"))
        top = float(max(amounts.max(initial=0), cumulative.max(initial=0)))
        if s.annual_plan:
            plan = scaled(s.annual_plan, self.scale)
            plan_line = pg.InfiniteLine(pos=plan, angle=0, pen=pg.mkPen(PLAN_LINE_COLOR, width=2))
            self.plot.addItem(plan_line)
            self.items["plan"] = plan_line
            self.legend.addItem(
                pg.PlotDataItem(pen=pg.mkPen(PLAN_LINE_COLOR, width=2)),
                QCoreApplication.translate("Charts", "年度计划 {v}").format(
                    v=format_money(s.annual_plan)
                ),
            )
            expected = self.plot.plot(
                months,
                [scaled(v, self.scale) for v in s.plan_line],
                pen=pg.mkPen(EXPECTED_COLOR, width=1.5, style=Qt.PenStyle.DashLine),
            )
            self.items["expected"] = expected
            self.legend.addItem(expected, QCoreApplication.translate("Charts", "按时序进度应完成"))
            top = max(top, plan)
        if len(cumulative):
            text = QCoreApplication.translate("Charts", "累计 {v}").format(
                v=f"{cumulative[-1]:,.2f}{self.scale.unit}"
            )
            if s.rate is not None:
                text += QCoreApplication.translate("Charts", "，完成率 {rate}").format(
                    rate=format_pct(s.rate)
                )
            anchor = (0, 1) if len(cumulative) <= 8 else (1, 1)
            self._text(text, float(len(cumulative)), float(cumulative[-1]), DONE_COLOR, anchor)
        self.plot.getAxis("bottom").setTicks(
            [list(zip(months.tolist(), month_labels(), strict=True))]
        )
        self._axis_label(
            "left",
            QCoreApplication.translate("Charts", "金额（{unit}）").format(unit=self.scale.unit),
        )
        self._show_ranges((0.4, 12.6), (0, (top or 1.0) * 1.05))

    def tooltip_at(self, x: float, y: float) -> str | None:
        s: ProjectSeries = self._data
        m = round(x)
        if not 1 <= m <= 12:
            return None
        amount = s.months[m - 1]
        lines = [
            QCoreApplication.translate("Charts", "{year}年{m}月").format(year=s.period.year, m=m),
            QCoreApplication.translate("Charts", "本月完成：{v}").format(v=format_money(amount))
            if amount is not None
            else QCoreApplication.translate("Charts", "本月未填报完成投资"),
        ]
        if m <= len(s.cumulative):
            lines.append(
                QCoreApplication.translate("Charts", "本年累计完成：{v}").format(
                    v=format_money(s.cumulative[m - 1])
                )
            )
        if s.annual_plan:
            lines.append(
                QCoreApplication.translate("Charts", "年度计划：{v}").format(
                    v=format_money(s.annual_plan)
                )
            )
            lines.append(
                QCoreApplication.translate("Charts", "按时序进度应完成：{v}").format(
                    v=format_money(s.plan_line[m - 1])
                )
            )
        else:
            lines.append(QCoreApplication.translate("Charts", "年度计划：未填写"))
        return "\n".join(lines)


class ProgressChart(ChartWidget):
    """One project's physical progress (形象进度, %) over the reported periods."""

    title = QT_TRANSLATE_NOOP("Charts", "形象进度")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot.showGrid(x=False, y=True, alpha=GRID_ALPHA)
        self.legend.hide()

    def title_text(self) -> str:
        if isinstance(self._data, ProjectSeries):
            return QCoreApplication.translate("Charts", "{name}：形象进度").format(
                name=self._data.name
            )
        return self.title

    def _index(self, period_index: float) -> int | None:
        points = self._data.progress if self._data is not None else ()
        if not points:
            return None
        i = round(period_index)
        return i if 0 <= i < len(points) and abs(period_index - i) <= 0.5 else None

    def draw(self, s: ProjectSeries) -> None:
        points = s.progress
        xs = np.arange(len(points), dtype=float)
        pcts = np.array([p.pct for p in points], dtype=float)
        if len(points):
            self.items["progress"] = self._line(xs, pcts, PROGRESS_COLOR)
            self._text(f"{pcts[-1]:.1f}%", float(xs[-1]), float(pcts[-1]), PROGRESS_COLOR, (1, 1))
        else:
            self._text(
                QCoreApplication.translate("Charts", "尚无形象进度填报"),
                0.0,
                50.0,
                AXIS_COLOR,
                (0.5, 0.5),
            )
        ticks = _period_ticks([p.period for p in points])
        self.plot.getAxis("bottom").setTicks([ticks])
        self._axis_label("left", QCoreApplication.translate("Charts", "形象进度（%）"))
        self._show_ranges((-0.5, max(len(points), 1) - 0.5), (0, 105))

    def tooltip_at(self, x: float, y: float) -> str | None:
        i = self._index(x)
        if i is None:
            return None
        p = self._data.progress[i]
        lines = [
            period_label(p.period),
            QCoreApplication.translate("Charts", "形象进度：{pct}%").format(pct=f"{p.pct:.1f}"),
        ]
        if p.text:
            lines.append(p.text)
        return "\n".join(lines)


def _period_ticks(periods: Sequence[Any]) -> list[tuple[float, str]]:
    """Tick labels for a run of periods: every month for a year or less, else quarters or
    half years; January (and the first tick) carry the year."""
    n = len(periods)
    months = set(range(1, 13)) if n <= 12 else {1, 4, 7, 10} if n <= 24 else {1, 7}
    ticks = []
    for i, p in enumerate(periods):
        if p.month in months or i == 0:
            label = (
                QCoreApplication.translate("Charts", "{year}年{m}月").format(year=p.year, m=p.month)
                if (p.month == 1 or not ticks)
                else QCoreApplication.translate("Charts", "{m}月").format(m=p.month)
            )
            ticks.append((float(i), label))
    return ticks


class ProjectCharts(QWidget):
    """The two charts of one project, side by side."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectCharts")
        self.store = store
        self.project_id: int | None = None
        self._period: Period | None = None
        self.series: ProjectSeries | None = None
        self.monthly_chart = MonthlyInvestmentChart()
        self.progress_chart = ProgressChart()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(ChartPanel(self.monthly_chart), 3)
        layout.addWidget(ChartPanel(self.progress_chart), 2)

    @property
    def period(self) -> Period:
        return self._period or self.store.default_period()

    def set_period(self, period: Period | str | None) -> None:
        """The period whose year is shown (None: the ledger's newest period)."""
        self._period = Period.parse(period) if isinstance(period, str) else period
        self.reload()

    def set_project(self, project_id: int | None) -> None:
        """Show the charts of one project (None clears them)."""
        self.project_id = project_id
        self.reload()

    def reload(self) -> None:
        """Read the project again (after its reports changed)."""
        if self.project_id is None:
            self.series = None
            self.monthly_chart.set_data(None)
            self.progress_chart.set_data(None)
            return
        self.series = project_series(self.store, self.project_id, self.period)
        self.monthly_chart.set_data(self.series)
        self.progress_chart.set_data(self.series)
