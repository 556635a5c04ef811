"""The chart widget every chart of the app is drawn on (pyqtgraph), in Chinese, and its panel.

Each chart draws one data object from :mod:`desktop_app.views` (``set_data``), shows exact
values on hover (:meth:`ChartWidget.tooltip_at`), reports clicks on a bar
(:attr:`ChartWidget.itemClicked`) and renders itself at any size as a PNG
(:meth:`ChartWidget.render_image`).  Panning and zooming are off: these are report charts.
:class:`ChartPanel` puts 复制图片 / 保存图片 buttons above a chart.
"""

from __future__ import annotations

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
    QGuiApplication,
    QImage,
    QPainter,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
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

from ...views.units import MoneyScale
from ..common.buttons import dialog_buttons
from ..common.fonts import cjk_font, ensure_cjk_font

PLAN_COLOR = "#A9C4E2"  # 年度计划: pale blue
DONE_COLOR = "#1F5FA8"  # 完成: deep blue
EXPECTED_COLOR = "#333333"  # 时序进度应完成: dark marker / dashed line
STATUS_COLOR = "#4C78A8"
PLAN_LINE_COLOR = "#E67E22"  # one project's annual plan: orange
PROGRESS_COLOR = "#2E7D32"
TEXT_COLOR = "#222222"
AXIS_COLOR = "#555555"
GRID_ALPHA = 0.18


def month_labels() -> list[str]:
    return [QCoreApplication.translate("Charts", "{m}月").format(m=m) for m in range(1, 13)]


#: Sizes offered when saving a chart for slides.
EXPORT_PRESETS = (
    (QT_TRANSLATE_NOOP("Charts", "幻灯片 16:9（1920×1080）"), 1920, 1080),
    (QT_TRANSLATE_NOOP("Charts", "幻灯片 16:9（1280×720）"), 1280, 720),
    (QT_TRANSLATE_NOOP("Charts", "幻灯片 4:3（1600×1200）"), 1600, 1200),
    (QT_TRANSLATE_NOOP("Charts", "A4 横向（2339×1654）"), 2339, 1654),
)


def chart_font(size: float, bold: bool = False) -> QFont:
    return cjk_font(size, bold=bold)


def scaled(value: Decimal | None, scale: MoneyScale) -> float:
    return scale.scaled(value)


class NumberAxis(pg.AxisItem):
    """An axis whose tick numbers carry thousands separators (1,500 not 1500)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        places = 0 if spacing >= 1 else min(3, max(0, -int(np.floor(np.log10(spacing)))))
        return [f"{v * scale:,.{places}f}" for v in values]


class CountAxis(NumberAxis):
    """An axis of counts (项目个数): ticks at whole numbers only — never 0.5 of a project,
    also when the largest count is 1 or 0."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:
        levels, seen = [], set()
        for spacing, values in super().tickValues(minVal, maxVal, size):
            whole = [float(round(v)) for v in values if abs(v - round(v)) < 1e-6]
            whole = [v for v in whole if v not in seen]
            if whole:
                seen.update(whole)
                levels.append((max(1.0, float(spacing)), whole))
        return levels

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [f"{round(v * scale):,}" for v in values]


#: Pixels kept free between a value label and the edge of the plot.
LABEL_MARGIN = 4


class ChartWidget(pg.GraphicsLayoutWidget):
    """One chart: a plot with a Chinese title and axis labels, a legend below it, hover
    tooltips with exact values, clicks on bars and rendering at a chosen size."""

    #: A bar was clicked: (field, value) — e.g. ("region", "龙山区"), ("light", "red").
    itemClicked = Signal(str, str)

    title = ""

    #: The left axis's class (count charts count on it).
    left_axis: type[pg.AxisItem] = NumberAxis

    def __init__(self, parent: QWidget | None = None) -> None:
        ensure_cjk_font()
        super().__init__(parent=parent)
        self.setBackground("w")
        self.setAntialiasing(True)
        self.setMinimumSize(260, 200)
        self.plot: pg.PlotItem = self.ci.addPlot(
            row=0,
            col=0,
            axisItems={"left": self.left_axis("left"), "bottom": NumberAxis("bottom")},
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
            axis.setTickFont(chart_font(9))
            axis.enableAutoSIPrefix(False)
        plot.getAxis("bottom").setStyle(hideOverlappingLabels=40)
        self._data: Any = None
        #: The plot items drawn for the data, by role ("plan", "done", "bars", ...).
        self.items: dict[str, Any] = {}
        #: The value labels written on the plot.
        self.labels: list[pg.TextItem] = []
        self._last_tip: str | None = None
        #: The data ranges the chart asked for, before room is made for its labels.
        self._ranges: tuple[tuple[float, float], tuple[float, float]] | None = None
        plot.vb.sigResized.connect(self._fit_labels)
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
        self._ranges = None
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
        item.textItem.document().setDocumentMargin(2)  # tight: labels sit in small plots
        item.setFont(chart_font(9, bold=True))
        item.setPos(x, y)
        self.plot.addItem(item)
        self.labels.append(item)
        return item

    def _show_ranges(self, x: tuple[float, float], y: tuple[float, float]) -> None:
        """Show at least ``x`` and ``y`` (data ranges), stretched at their far ends so that
        every value label lies inside the plot; redone whenever the plot changes size, since
        labels keep their size in pixels while data units shrink and grow with the plot."""
        self._ranges = (x, y)
        self._fit_labels()

    def _fit_labels(self) -> None:
        if self._ranges is None:
            return
        base = self._ranges
        vb = self.plot.vb
        pixels = (vb.width(), vb.height())
        # each label: its anchor point and how many pixels it reaches beyond it towards the
        # low and the high end of x and y (a TextItem keeps its size in pixels, y down)
        reach = []
        for label in self.labels:
            box, pos = label.boundingRect(), label.pos()
            reach.append(
                (
                    (pos.x(), -box.left(), box.right()),
                    (pos.y(), box.bottom(), -box.top()),
                )
            )
        ranges = [list(base[0]), list(base[1])]
        for axis in (0, 1):
            start, end = base[axis]
            if pixels[axis] <= 0:
                continue
            lo, hi = start, end
            for _ in range(30):  # converges while the labels take less than the whole plot
                per_pixel = (hi - lo) / pixels[axis]
                new_lo, new_hi = start, end
                for r in reach:
                    at, low, high = r[axis]
                    if low > 0:
                        new_lo = min(new_lo, at - (low + LABEL_MARGIN) * per_pixel)
                    if high > 0:
                        new_hi = max(new_hi, at + (high + LABEL_MARGIN) * per_pixel)
                if (new_lo, new_hi) == (lo, hi):
                    break
                lo, hi = new_lo, new_hi
                if hi - lo > 4 * (end - start):  # a plot too small for its labels
                    break
            ranges[axis] = [lo, hi]
        self.plot.setXRange(*ranges[0], padding=0)
        self.plot.setYRange(*ranges[1], padding=0)

    def _line(
        self,
        xs: Any,
        ys: Any,
        color: str,
        *,
        width: int = 3,
        dot: int = 7,
        dashed: bool = False,
        ring: str | None = "w",
    ) -> Any:
        """A line with round dots at its points (``ring``: the dots' outline colour)."""
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        return self.plot.plot(
            xs,
            ys,
            pen=pg.mkPen(color, width=width, style=style),
            symbol="o",
            symbolSize=dot,
            symbolBrush=color,
            symbolPen=ring,
        )

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
        buttons = dialog_buttons(
            self,
            QCoreApplication.translate("Charts", "保存…"),
            QCoreApplication.translate("Charts", "取消"),
        )
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
    label.setFont(chart_font(11, bold=True))
    return label
