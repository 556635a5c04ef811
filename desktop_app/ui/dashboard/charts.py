"""The dashboard's charts: plan against done by group, the S-curve of the year, and the
counts by light and by status (see :mod:`.plot` for what every chart can do)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF
from PySide6.QtGui import (
    QFontMetrics,
)
from PySide6.QtWidgets import (
    QWidget,
)

from ...domain import derived
from ...views.dashboard import CountBar, GroupBar, SCurve
from ...views.units import WAN, MoneyScale, format_money, format_pct, money_scale
from ..common.labels import light_label
from .plot import (
    DONE_COLOR,
    EXPECTED_COLOR,
    GRID_ALPHA,
    PLAN_COLOR,
    STATUS_COLOR,
    TEXT_COLOR,
    ChartWidget,
    CountAxis,
    chart_font,
    month_labels,
    scaled,
)


# ---------------------------------------------------------------- dashboard charts
class _BarHits:
    """Clicks and hovers on a chart of one bar per group (``self._data``, each with
    ``field`` and ``value``); ``_hit(x, y)`` says which bar and how far along it."""

    _data: Sequence[Any]

    def _hit(self, x: float, y: float) -> tuple[int | None, float]:
        raise NotImplementedError

    def _bar_under(self, x: float, y: float) -> Any:
        index, _ = self._hit(x, y)
        return None if index is None else self._data[index]

    def item_at(self, x: float, y: float) -> tuple[str, str] | None:
        index, along = self._hit(x, y)
        if index is None or along < 0:
            return None
        bar = self._data[index]
        return None if bar.value is None else (bar.field, bar.value)


class GroupBarChart(_BarHits, ChartWidget):
    """Annual plan against year-to-date completion, one pair of horizontal bars per group,
    the completion rate written beside each group in its light's colour."""

    title = QT_TRANSLATE_NOOP("Charts", "年度计划与本年累计完成")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group_label = QCoreApplication.translate("Charts", "分组")
        self.time_progress: Decimal | None = None
        self.scale: MoneyScale = WAN
        self.plot.showGrid(x=True, y=False, alpha=GRID_ALPHA)
        self.plot.getAxis("left").setStyle(tickLength=0)

    def set_groups(
        self, groups: Sequence[GroupBar], group_label: str, time_progress: Decimal | None
    ) -> None:
        self.group_label = group_label
        self.time_progress = time_progress
        self.set_data(tuple(groups))

    def title_text(self) -> str:
        return QCoreApplication.translate("Charts", "按{group}：年度计划与本年累计完成").format(
            group=self.group_label
        )

    def clone(self) -> ChartWidget:
        other = GroupBarChart()
        other.set_groups(self._data or (), self.group_label, self.time_progress)
        return other

    def _y(self, index: int) -> float:
        return float(len(self._data) - 1 - index)

    def draw(self, groups: tuple[GroupBar, ...]) -> None:
        n = len(groups)
        self.scale = money_scale([v for g in groups for v in (g.plan, g.ytd)])
        ys = np.array([self._y(i) for i in range(n)], dtype=float)
        plans = np.array([scaled(g.plan, self.scale) for g in groups], dtype=float)
        done = np.array([scaled(g.ytd, self.scale) for g in groups], dtype=float)
        expected = np.array([scaled(g.expected, self.scale) for g in groups], dtype=float)
        plan_bars = pg.BarGraphItem(
            x0=0, y=ys + 0.19, height=0.36, width=plans, brush=PLAN_COLOR, pen=pg.mkPen(None)
        )
        done_bars = pg.BarGraphItem(
            x0=0, y=ys - 0.19, height=0.36, width=done, brush=DONE_COLOR, pen=pg.mkPen(None)
        )
        self.plot.addItem(plan_bars)
        self.plot.addItem(done_bars)
        self.items.update(plan=plan_bars, done=done_bars)
        self.legend.addItem(plan_bars, QCoreApplication.translate("Charts", "年度计划"))
        self.legend.addItem(done_bars, QCoreApplication.translate("Charts", "本年累计完成"))
        if self.time_progress is not None and n:
            marks = pg.ScatterPlotItem(
                x=expected,
                y=ys,
                symbol="|",
                size=26,
                pen=pg.mkPen(EXPECTED_COLOR, width=2.5),
                brush=pg.mkBrush(EXPECTED_COLOR),
            )
            self.plot.addItem(marks)
            self.items["expected"] = marks
            self.legend.addItem(
                marks,
                QCoreApplication.translate("Charts", "按时序进度应完成（{tp}）").format(
                    tp=format_pct(self.time_progress)
                ),
            )
        top = float(max(plans.max(initial=0), done.max(initial=0)))
        top = top if top > 0 else 1.0
        for g, y, p, d in zip(groups, ys, plans, done, strict=True):
            text = (
                format_pct(g.rate)
                if g.rate is not None
                else QCoreApplication.translate("Charts", "无计划")
            )
            self._text(text, max(p, d) + top * 0.01, y, g.light.color, (0, 0.5))
        left = self.plot.getAxis("left")
        left.setTicks([[(y, g.label) for g, y in zip(groups, ys, strict=True)]])
        metrics = QFontMetrics(chart_font(9))
        left.setWidth(max((metrics.horizontalAdvance(g.label) for g in groups), default=30) + 14)
        self._axis_label(
            "bottom",
            QCoreApplication.translate("Charts", "金额（{unit}）").format(unit=self.scale.unit),
        )
        self._show_ranges((0, top * 1.02), (-0.6, max(n, 1) - 0.4))

    def _index(self, y: float) -> int | None:
        if not self._data:
            return None
        index = len(self._data) - 1 - round(y)
        return index if 0 <= index < len(self._data) and abs(y - round(y)) <= 0.45 else None

    def bar_center(self, value: str | None) -> QPointF:
        """Data coordinates of the middle of a group's completion bar."""
        index = next(i for i, g in enumerate(self._data) if g.value == value)
        group = self._data[index]
        x = max(scaled(group.ytd, self.scale), scaled(group.plan, self.scale)) / 2
        return QPointF(x, self._y(index) - 0.19)

    def _hit(self, x: float, y: float) -> tuple[int | None, float]:
        return self._index(y), x  # bars lie along x, one per row

    def tooltip_at(self, x: float, y: float) -> str | None:
        g = self._bar_under(x, y)
        if g is None:
            return None
        lines = [
            QCoreApplication.translate("Charts", "{label}（{n} 个项目）").format(
                label=g.label, n=f"{g.count:,}"
            ),
            QCoreApplication.translate("Charts", "年度计划：{v}").format(v=format_money(g.plan)),
            QCoreApplication.translate("Charts", "本年累计完成：{v}").format(v=format_money(g.ytd)),
            QCoreApplication.translate("Charts", "完成率：{rate}（{light}）").format(
                rate=format_pct(g.rate), light=light_label(g.light)
            ),
        ]
        if self.time_progress is not None:
            lines.append(
                QCoreApplication.translate("Charts", "按时序进度（{tp}）应完成：{v}").format(
                    tp=format_pct(self.time_progress), v=format_money(g.expected)
                )
            )
        if g.value is not None:
            lines.append(QCoreApplication.translate("Charts", "单击可筛选台账"))
        return "\n".join(lines)


class SCurveChart(ChartWidget):
    """The portfolio's cumulative monthly investment against the plan spread by 时序进度."""

    title = QT_TRANSLATE_NOOP("Charts", "全年投资进度：累计完成与时序进度计划")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale: MoneyScale = WAN
        self.plot.showGrid(x=False, y=True, alpha=GRID_ALPHA)

    def title_text(self) -> str:
        if isinstance(self._data, SCurve):
            return QCoreApplication.translate(
                "Charts", "{year}年投资进度：累计完成与时序进度计划"
            ).format(year=self._data.period.year)
        return self.title

    def draw(self, curve: SCurve) -> None:
        self.scale = money_scale([curve.plan_total, *curve.actual])
        months = np.arange(1, 13, dtype=float)
        plan = np.array([scaled(v, self.scale) for v in curve.plan], dtype=float)
        actual = np.array([scaled(v, self.scale) for v in curve.actual], dtype=float)
        plan_line = self._line(months, plan, EXPECTED_COLOR, width=2, dot=5, dashed=True, ring=None)
        done_line = self._line(months[: len(actual)], actual, DONE_COLOR, dot=8)
        self.items.update(plan=plan_line, done=done_line)
        self.legend.addItem(done_line, QCoreApplication.translate("Charts", "本年累计完成"))
        self.legend.addItem(
            plan_line, QCoreApplication.translate("Charts", "按时序进度应完成（年度计划×月数/12）")
        )
        if len(actual):
            m = len(actual)
            rate = derived.completion_rate(curve.actual[-1], curve.plan_total)
            text = QCoreApplication.translate("Charts", "{m}月累计 {v}\n完成率 {rate}").format(
                m=m, v=f"{actual[-1]:,.2f}{self.scale.unit}", rate=format_pct(rate)
            )
            anchor = (0, 1) if m <= 8 else (1, 1)
            self._text(text, float(m), float(actual[-1]), DONE_COLOR, anchor)
        if curve.plan_total:
            self._text(
                QCoreApplication.translate("Charts", "年度计划 {v}").format(
                    v=f"{plan[-1]:,.2f}{self.scale.unit}"
                ),
                12.0,
                float(plan[-1]),
                TEXT_COLOR,
                (1, 1),
            )
        self.plot.getAxis("bottom").setTicks(
            [list(zip(months.tolist(), month_labels(), strict=True))]
        )
        self._axis_label(
            "left",
            QCoreApplication.translate("Charts", "累计金额（{unit}）").format(unit=self.scale.unit),
        )
        top = float(max(plan.max(initial=0), actual.max(initial=0)))
        self._show_ranges((0.5, 12.5), (0, (top or 1.0) * 1.05))

    def tooltip_at(self, x: float, y: float) -> str | None:
        curve: SCurve = self._data
        m = round(x)
        if not 1 <= m <= 12:
            return None
        lines = [
            QCoreApplication.translate("Charts", "{year}年{m}月").format(
                year=curve.period.year, m=m
            )
        ]
        if m <= len(curve.actual):
            done = curve.actual[m - 1]
            lines.append(
                QCoreApplication.translate("Charts", "本年累计完成：{v}").format(
                    v=format_money(done)
                )
            )
            if not curve.reported[m - 1]:
                lines.append(QCoreApplication.translate("Charts", "（本月尚无完成投资填报）"))
        lines.append(
            QCoreApplication.translate("Charts", "按时序进度应完成：{v}").format(
                v=format_money(curve.plan[m - 1])
            )
        )
        if m <= len(curve.actual):
            rate = derived.completion_rate(curve.actual[m - 1], curve.plan_total)
            lines.append(
                QCoreApplication.translate("Charts", "完成率：{rate}（时序进度 {tp}）").format(
                    rate=format_pct(rate), tp=format_pct(Decimal(m) / 12)
                )
            )
        return "\n".join(lines)


class CountChart(_BarHits, ChartWidget):
    """Counts as vertical bars with the number above each (lights or statuses)."""

    title = QT_TRANSLATE_NOOP("Charts", "项目个数")
    color = STATUS_COLOR
    left_axis = CountAxis

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot.showGrid(x=False, y=True, alpha=GRID_ALPHA)
        self.plot.getAxis("bottom").setStyle(tickLength=0)
        self.legend.hide()

    def draw(self, bars: tuple[CountBar, ...]) -> None:
        xs = np.arange(len(bars), dtype=float)
        counts = np.array([b.count for b in bars], dtype=float)
        brushes = [pg.mkBrush(b.color or self.color) for b in bars]
        self.items["bars"] = pg.BarGraphItem(
            x=xs, height=counts, width=0.62, brushes=brushes, pen=pg.mkPen(None)
        )
        self.plot.addItem(self.items["bars"])
        total = sum(b.count for b in bars)
        for b, x in zip(bars, xs, strict=True):
            share = format_pct(Decimal(b.count) / total if total else None, 0)
            self._text(f"{b.count:,}\n{share}", float(x), float(b.count), TEXT_COLOR, (0.5, 1))
        self.plot.getAxis("bottom").setTicks(
            [[(float(x), b.label) for b, x in zip(bars, xs, strict=True)]]
        )
        self._axis_label("left", QCoreApplication.translate("Charts", "项目个数（个）"))
        top = float(counts.max(initial=0))
        self._show_ranges((-0.6, max(len(bars), 1) - 0.4), (0, max(top * 1.05, 1.0)))

    def _index(self, x: float) -> int | None:
        if not self._data:
            return None
        i = round(x)
        return i if 0 <= i < len(self._data) and abs(x - i) <= 0.4 else None

    def bar_center(self, value: str | None) -> QPointF:
        i = next(k for k, b in enumerate(self._data) if b.value == value)
        return QPointF(float(i), max(self._data[i].count, 0) / 2)

    def _hit(self, x: float, y: float) -> tuple[int | None, float]:
        return self._index(x), y  # bars stand along y, one per column

    def tooltip_at(self, x: float, y: float) -> str | None:
        bar = self._bar_under(x, y)
        if bar is None:
            return None
        total = sum(b.count for b in self._data)
        share = format_pct(Decimal(bar.count) / total if total else None)
        text = QCoreApplication.translate("Charts", "{label}：{n} 个项目（占 {share}）").format(
            label=bar.label, n=f"{bar.count:,}", share=share
        )
        return text + (
            "\n" + QCoreApplication.translate("Charts", "单击可筛选台账")
            if bar.value is not None
            else ""
        )


class LightChart(CountChart):
    title = QT_TRANSLATE_NOOP("Charts", "项目状态灯")


class StatusChart(CountChart):
    title = QT_TRANSLATE_NOOP("Charts", "项目状态")
