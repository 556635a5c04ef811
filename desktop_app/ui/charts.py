"""The dashboard's and a project's charts as pyqtgraph widgets, in Chinese.

Each chart draws one data object from :mod:`desktop_app.charts` (``set_data``), shows exact
values on hover (:meth:`ChartWidget.tooltip_at`), reports clicks on a bar
(:attr:`ChartWidget.itemClicked`) and renders itself at any size as a PNG
(:meth:`ChartWidget.render_image`).  Panning and zooming are off: these are report charts.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QImage,
    QPainter,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QSpinBox,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..domain import derived
from ..views.dashboard import CountBar, GroupBar, SCurve
from ..views.project import ProjectSeries
from ..views.units import WAN, MoneyScale, format_money, format_pct, money_scale
from .fonts import cjk_font, ensure_cjk_font
from .labels import light_label

PLAN_COLOR = "#A9C4E2"  # 年度计划: pale blue
DONE_COLOR = "#1F5FA8"  # 完成: deep blue
EXPECTED_COLOR = "#333333"  # 时序进度应完成: dark marker / dashed line
STATUS_COLOR = "#4C78A8"
PLAN_LINE_COLOR = "#E67E22"  # one project's annual plan: orange
PROGRESS_COLOR = "#2E7D32"
TEXT_COLOR = "#222222"
AXIS_COLOR = "#555555"
GRID_ALPHA = 0.18


def _month_labels() -> list[str]:
    return [QCoreApplication.translate("Charts", "{m}月").format(m=m) for m in range(1, 13)]


#: Sizes offered when saving a chart for slides.
EXPORT_PRESETS = (
    (QT_TRANSLATE_NOOP("Charts", "幻灯片 16:9（1920×1080）"), 1920, 1080),
    (QT_TRANSLATE_NOOP("Charts", "幻灯片 16:9（1280×720）"), 1280, 720),
    (QT_TRANSLATE_NOOP("Charts", "幻灯片 4:3（1600×1200）"), 1600, 1200),
    (QT_TRANSLATE_NOOP("Charts", "A4 横向（2339×1654）"), 2339, 1654),
)


def _font(size: float, bold: bool = False) -> QFont:
    return cjk_font(size, bold=bold)


def _num(value: Decimal | None, scale: MoneyScale) -> float:
    return scale.scaled(value)


class NumberAxis(pg.AxisItem):
    """An axis whose tick numbers carry thousands separators (1,500 not 1500)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        places = 0 if spacing >= 1 else min(3, max(0, -int(np.floor(np.log10(spacing)))))
        return [f"{v * scale:,.{places}f}" for v in values]


class ChartWidget(pg.GraphicsLayoutWidget):
    """One chart: a plot with a Chinese title and axis labels, a legend below it, hover
    tooltips with exact values, clicks on bars and rendering at a chosen size."""

    #: A bar was clicked: (field, value) — e.g. ("region", "龙山区"), ("light", "red").
    itemClicked = Signal(str, str)

    title = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        ensure_cjk_font()
        super().__init__(parent=parent)
        self.setBackground("w")
        self.setAntialiasing(True)
        self.setMinimumSize(260, 200)
        self.plot: pg.PlotItem = self.ci.addPlot(
            row=0,
            col=0,
            axisItems={"left": NumberAxis("left"), "bottom": NumberAxis("bottom")},
        )
        self.legend = pg.LegendItem(colCount=3, labelTextColor=TEXT_COLOR, frame=False)
        self.legend.setLabelTextSize("9pt")
        self.ci.addItem(self.legend, row=1, col=0)
        self.ci.layout.setRowStretchFactor(0, 1)
        self.ci.setContentsMargins(6, 6, 10, 4)
        plot = self.plot
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.vb.setMouseEnabled(x=False, y=False)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(AXIS_COLOR))
            axis.setTextPen(pg.mkPen(TEXT_COLOR))
            axis.setTickFont(_font(9))
            axis.enableAutoSIPrefix(False)
        plot.getAxis("bottom").setStyle(hideOverlappingLabels=40)
        self._data: Any = None
        #: The plot items drawn for the data, by role ("plan", "done", "bars", ...).
        self.items: dict[str, Any] = {}
        #: The value labels written on the plot.
        self.labels: list[pg.TextItem] = []
        self._last_tip: str | None = None
        self.scene().sigMouseMoved.connect(self._hover)
        self.scene().sigMouseClicked.connect(self._clicked)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)

    # ------------------------------------------------------------------ data
    @property
    def data(self) -> Any:
        return self._data

    def set_data(self, data: Any) -> None:
        """Draw ``data`` (replaces whatever was drawn)."""
        self._data = data
        self.plot.clear()
        self.legend.clear()
        self.items = {}
        self.labels = []
        self.plot.setTitle(self.title_text(), color=TEXT_COLOR, size="11pt", bold=True)
        if data is not None:
            self.draw(data)

    def title_text(self) -> str:
        return QCoreApplication.translate("Charts", self.title)

    def draw(self, data: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _text(
        self, text: str, x: float, y: float, color: str, anchor: tuple[float, float]
    ) -> pg.TextItem:
        item = pg.TextItem(text, color=color, anchor=anchor)
        item.setFont(_font(9, bold=True))
        item.setPos(x, y)
        self.plot.addItem(item)
        self.labels.append(item)
        return item

    def _axis_label(self, name: str, text: str) -> None:
        self.plot.setLabel(name, text, color=TEXT_COLOR, **{"font-size": "9pt"})

    # ----------------------------------------------------------- interaction
    def item_at(self, x: float, y: float) -> tuple[str, str] | None:
        """The clickable (field, value) at data coordinates, if any."""
        return None

    def tooltip_at(self, x: float, y: float) -> str | None:
        """The hover text at data coordinates, if any."""
        return None

    def view_point(self, x: float, y: float) -> QPointF:
        """Widget coordinates of a data point (tests click and hover through this)."""
        scene = self.plot.vb.mapViewToScene(QPointF(x, y))
        return QPointF(self.mapFromScene(scene))

    def _data_point(self, scene_pos: QPointF) -> QPointF | None:
        if not self.plot.vb.sceneBoundingRect().contains(scene_pos):
            return None
        return self.plot.vb.mapSceneToView(scene_pos)

    def _hover(self, scene_pos: QPointF) -> None:
        point = self._data_point(scene_pos)
        text = (
            None if point is None or self._data is None else self.tooltip_at(point.x(), point.y())
        )
        self._last_tip = text
        if text:
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()

    def _clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._data is None:
            return
        point = self._data_point(event.scenePos())
        hit = None if point is None else self.item_at(point.x(), point.y())
        if hit is not None:
            self.itemClicked.emit(*hit)

    # ----------------------------------------------------------------- export
    def clone(self) -> ChartWidget:
        """A new chart of the same kind showing the same data."""
        other = type(self)()
        other.set_data(self._data)
        return other

    def render_image(self, width: int, height: int) -> QImage:
        """The chart drawn afresh at ``width`` × ``height`` pixels (white background)."""
        chart = self.clone()
        chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        chart.resize(width, height)
        chart.show()
        QApplication.processEvents()
        # A first pass lets the axes grow to fit their labels, the second is the picture.
        scratch = QImage(QSize(width, height), QImage.Format.Format_ARGB32)
        scratch_painter = QPainter(scratch)
        chart.render(scratch_painter)
        scratch_painter.end()
        QApplication.processEvents()
        image = QImage(QSize(width, height), QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        chart.render(painter)
        painter.end()
        chart.close()
        chart.deleteLater()
        return image

    def save_png(self, path: str | Path, width: int, height: int) -> Path:
        """Save the chart as a PNG of exactly ``width`` × ``height`` pixels."""
        path = Path(path)
        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        if not self.render_image(width, height).save(str(path), "PNG"):
            raise OSError(
                QCoreApplication.translate("Charts", "无法保存图片：{path}").format(path=path)
            )
        return path

    def copy_image(self, width: int | None = None, height: int | None = None) -> QImage:
        """Put the chart on the clipboard as an image (default: its size on screen)."""
        image = self.render_image(width or self.width(), height or self.height())
        QGuiApplication.clipboard().setImage(image)
        return image

    def _context_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        menu.addAction(QCoreApplication.translate("Charts", "复制图片"), lambda: self.copy_image())
        menu.addAction(
            QCoreApplication.translate("Charts", "另存为 PNG 图片…"),
            lambda: save_chart_dialog(self),
        )
        menu.exec(self.mapToGlobal(pos))


# ---------------------------------------------------------------- dashboard charts
class GroupBarChart(ChartWidget):
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
        plans = np.array([_num(g.plan, self.scale) for g in groups], dtype=float)
        done = np.array([_num(g.ytd, self.scale) for g in groups], dtype=float)
        expected = np.array([_num(g.expected, self.scale) for g in groups], dtype=float)
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
        metrics = QFontMetrics(_font(9))
        left.setWidth(max((metrics.horizontalAdvance(g.label) for g in groups), default=30) + 14)
        self._axis_label(
            "bottom",
            QCoreApplication.translate("Charts", "金额（{unit}）").format(unit=self.scale.unit),
        )
        self.plot.setXRange(0, top * 1.18, padding=0)
        self.plot.setYRange(-0.6, max(n, 1) - 0.4, padding=0)

    def _index(self, y: float) -> int | None:
        if not self._data:
            return None
        index = len(self._data) - 1 - round(y)
        return index if 0 <= index < len(self._data) and abs(y - round(y)) <= 0.45 else None

    def bar_center(self, value: str | None) -> QPointF:
        """Data coordinates of the middle of a group's completion bar."""
        index = next(i for i, g in enumerate(self._data) if g.value == value)
        group = self._data[index]
        x = max(_num(group.ytd, self.scale), _num(group.plan, self.scale)) / 2
        return QPointF(x, self._y(index) - 0.19)

    def item_at(self, x: float, y: float) -> tuple[str, str] | None:
        index = self._index(y)
        if index is None or x < 0:
            return None
        group = self._data[index]
        return None if group.value is None else (group.field, group.value)

    def tooltip_at(self, x: float, y: float) -> str | None:
        index = self._index(y)
        if index is None:
            return None
        g = self._data[index]
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
        plan = np.array([_num(v, self.scale) for v in curve.plan], dtype=float)
        actual = np.array([_num(v, self.scale) for v in curve.actual], dtype=float)
        plan_line = self.plot.plot(
            months,
            plan,
            pen=pg.mkPen(EXPECTED_COLOR, width=2, style=Qt.PenStyle.DashLine),
            symbol="o",
            symbolSize=5,
            symbolBrush=EXPECTED_COLOR,
            symbolPen=None,
        )
        done_line = self.plot.plot(
            months[: len(actual)],
            actual,
            pen=pg.mkPen(DONE_COLOR, width=3),
            symbol="o",
            symbolSize=8,
            symbolBrush=DONE_COLOR,
            symbolPen="w",
        )
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
            [list(zip(months.tolist(), _month_labels(), strict=True))]
        )
        self._axis_label(
            "left",
            QCoreApplication.translate("Charts", "累计金额（{unit}）").format(unit=self.scale.unit),
        )
        top = float(max(plan.max(initial=0), actual.max(initial=0)))
        self.plot.setXRange(0.5, 12.5, padding=0)
        self.plot.setYRange(0, (top or 1.0) * 1.12, padding=0)

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


class CountChart(ChartWidget):
    """Counts as vertical bars with the number above each (lights or statuses)."""

    title = QT_TRANSLATE_NOOP("Charts", "项目个数")
    color = STATUS_COLOR

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
        self.plot.setXRange(-0.6, max(len(bars), 1) - 0.4, padding=0)
        self.plot.setYRange(0, (top or 1.0) * 1.25, padding=0)

    def _index(self, x: float) -> int | None:
        if not self._data:
            return None
        i = round(x)
        return i if 0 <= i < len(self._data) and abs(x - i) <= 0.4 else None

    def bar_center(self, value: str | None) -> QPointF:
        i = next(k for k, b in enumerate(self._data) if b.value == value)
        return QPointF(float(i), max(self._data[i].count, 0) / 2)

    def item_at(self, x: float, y: float) -> tuple[str, str] | None:
        i = self._index(x)
        if i is None or y < 0:
            return None
        bar = self._data[i]
        return None if bar.value is None else (bar.field, bar.value)

    def tooltip_at(self, x: float, y: float) -> str | None:
        i = self._index(x)
        if i is None:
            return None
        bar = self._data[i]
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
        amounts = np.array([_num(v, self.scale) for v in s.months], dtype=float)
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
        cumulative = np.array([_num(v, self.scale) for v in s.cumulative], dtype=float)
        line = self.plot.plot(
            months[: len(cumulative)],
            cumulative,
            pen=pg.mkPen(DONE_COLOR, width=3),
            symbol="o",
            symbolSize=7,
            symbolBrush=DONE_COLOR,
            symbolPen="w",
        )
        self.items["cumulative"] = line
        self.legend.addItem(line, QCoreApplication.translate("Charts", "本年累计完成"))
        top = float(max(amounts.max(initial=0), cumulative.max(initial=0)))
        if s.annual_plan:
            plan = _num(s.annual_plan, self.scale)
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
                [_num(v, self.scale) for v in s.plan_line],
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
            [list(zip(months.tolist(), _month_labels(), strict=True))]
        )
        self._axis_label(
            "left",
            QCoreApplication.translate("Charts", "金额（{unit}）").format(unit=self.scale.unit),
        )
        self.plot.setXRange(0.4, 12.6, padding=0)
        self.plot.setYRange(0, (top or 1.0) * 1.15, padding=0)

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
            self.items["progress"] = self.plot.plot(
                xs,
                pcts,
                pen=pg.mkPen(PROGRESS_COLOR, width=3),
                symbol="o",
                symbolSize=7,
                symbolBrush=PROGRESS_COLOR,
                symbolPen="w",
            )
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
        self.plot.setXRange(-0.5, max(len(points), 1) - 0.5, padding=0)
        self.plot.setYRange(0, 105, padding=0)

    def tooltip_at(self, x: float, y: float) -> str | None:
        i = self._index(x)
        if i is None:
            return None
        p = self._data.progress[i]
        lines = [
            p.period.label,
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


# --------------------------------------------------------------------- panels
class ChartPanel(QWidget):
    """A chart with 复制图片 / 保存图片 buttons above it."""

    def __init__(self, chart: ChartWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.copy_button = QToolButton(self)
        self.copy_button.setText(QCoreApplication.translate("Charts", "复制图片"))
        self.copy_button.setToolTip(
            QCoreApplication.translate("Charts", "把这张图复制到剪贴板，可直接粘贴到幻灯片")
        )
        self.copy_button.clicked.connect(lambda: chart.copy_image())
        self.save_button = QToolButton(self)
        self.save_button.setText(QCoreApplication.translate("Charts", "保存图片…"))
        self.save_button.setToolTip(
            QCoreApplication.translate("Charts", "把这张图按选定的尺寸保存为 PNG 图片")
        )
        self.save_button.clicked.connect(lambda: save_chart_dialog(chart))
        for button in (self.copy_button, self.save_button):
            button.setAutoRaise(True)
            bar.addWidget(button)
        layout.addLayout(bar)
        layout.addWidget(chart, 1)


class ExportSizeDialog(QDialog):
    """Choose the pixel size of a saved chart."""

    def __init__(self, current: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Charts", "保存图片"))
        self.presets = QComboBox(self)
        self.presets.addItem(
            QCoreApplication.translate("Charts", "当前大小（{w}×{h}）").format(
                w=current.width(), h=current.height()
            ),
            current,
        )
        for label, w, h in EXPORT_PRESETS:
            self.presets.addItem(QCoreApplication.translate("Charts", label), QSize(w, h))
        self.presets.setCurrentIndex(1)
        self.width_box = QSpinBox(self)
        self.height_box = QSpinBox(self)
        for box in (self.width_box, self.height_box):
            box.setRange(200, 8000)
            box.setSuffix(QCoreApplication.translate("Charts", " 像素"))
        self.presets.currentIndexChanged.connect(self._preset)
        self._preset()
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("Charts", "尺寸："), self.presets)
        form.addRow(QCoreApplication.translate("Charts", "宽度："), self.width_box)
        form.addRow(QCoreApplication.translate("Charts", "高度："), self.height_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("Charts", "保存…")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("Charts", "取消")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _preset(self) -> None:
        size: QSize = self.presets.currentData()
        self.width_box.setValue(size.width())
        self.height_box.setValue(size.height())

    def chosen_size(self) -> tuple[int, int]:
        return self.width_box.value(), self.height_box.value()


def save_chart_dialog(chart: ChartWidget) -> Path | None:
    """Ask for a size and a file name, then save the chart as PNG."""
    dialog = ExportSizeDialog(chart.size(), chart)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    width, height = dialog.chosen_size()
    name, _ = QFileDialog.getSaveFileName(
        chart,
        QCoreApplication.translate("Charts", "保存图片"),
        f"{chart.title_text()}.png",
        QCoreApplication.translate("Charts", "PNG 图片 (*.png)"),
    )
    if not name:
        return None
    try:
        return chart.save_png(name, width, height)
    except OSError as exc:
        QMessageBox.warning(chart, QCoreApplication.translate("Charts", "保存图片"), str(exc))
        return None


def section_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(_font(11, bold=True))
    return label
