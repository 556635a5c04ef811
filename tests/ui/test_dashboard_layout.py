"""The dashboard at the window sizes offices use (1366×768 laptops, 1920×1080 monitors):
no value label, title, axis label or legend entry is cut off, count axes count in whole
projects, and the 滞后项目前十 names are shown in full."""

import shutil
from decimal import Decimal as D

import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtWidgets import QApplication, QStyle

from desktop_app.store import MonthlyReport, Store
from desktop_app.ui.dashboard import Dashboard
from desktop_app.views.dashboard import GROUP_FIELDS

SIZES = [(1366, 768), (1920, 1080)]


def settle(qtbot, rounds: int = 4) -> None:
    for _ in range(rounds):
        QApplication.processEvents()
        qtbot.wait(20)


def inside(outer: QRectF, inner: QRectF) -> bool:
    return outer.adjusted(-0.5, -0.5, 0.5, 0.5).contains(inner)


def clipped(chart) -> list[str]:
    """The texts of ``chart`` that are not wholly visible: value labels outside the plot
    area (which clips them), other texts outside the part of the chart on screen."""
    visible = chart.mapToScene(chart.viewport().rect()).boundingRect()
    plot_area = chart.plot.vb.sceneBoundingRect()
    bad = [
        f"value label {label.toPlainText()!r} {label.sceneBoundingRect()} not in {plot_area}"
        for label in chart.labels
        if not inside(plot_area, label.sceneBoundingRect())
    ]
    others = [chart.plot.titleLabel.item]
    others += [
        chart.plot.getAxis(name).label
        for name in ("left", "bottom")
        if chart.plot.getAxis(name).label.isVisible()
    ]
    others += [label.item for _, label in chart.legend.items] if chart.legend.isVisible() else []
    bad += [
        f"text {item.toPlainText()!r} {item.sceneBoundingRect()} not in {visible}"
        for item in others
        if item.toPlainText() and not inside(visible, item.sceneBoundingRect())
    ]
    return bad


def drawn_ticks(axis) -> tuple[list[float], list[str]]:
    """The tick values and texts the axis draws for its current range and length."""
    lo, hi = axis.range
    length = axis.height() if axis.orientation in ("left", "right") else axis.width()
    values = [v for _, level in axis.tickValues(lo, hi, length) for v in level]
    return values, axis.tickStrings(values, 1.0, 1.0)


def assert_counts_are_whole(chart) -> None:
    values, texts = drawn_ticks(chart.plot.getAxis("left"))
    assert values, "the count axis shows no ticks"
    assert all(v == int(v) for v in values), values
    assert all("." not in t for t in texts), texts


def name_fits(view, row: int) -> bool:
    model = view.model()
    index = model.index(row, 1)
    name = model.data(index)
    rect = view.visualRect(index)
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    width = rect.width() - 2 * margin
    need = view.fontMetrics().boundingRect(
        QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), name
    )
    return need.width() <= width and need.height() <= rect.height()


@pytest.fixture(params=["demo", "shipped"])
def ledger_file(request, demo_path, ledger_path, tmp_path):
    """The 300-project sample with figures, or the shipped portfolio (no amounts: the
    dashboard also shows the what-to-do-next hint, leaving the charts less room)."""
    if request.param == "shipped":
        return ledger_path
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_path, path)
    return path


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_dashboard_text_is_cut_off_in_the_window(qtbot, make_window, ledger_file, size):
    store = Store.open(ledger_file, user="测试员")
    try:
        window = make_window(store)
        window.resize(*size)
        window.show_dashboard()
        board = window.dashboard_tab.ensure()
        assert board.wait_until_ready()
        settle(qtbot)
        assert window.size().width() == size[0]
        for grouping in GROUP_FIELDS:
            board.set_grouping(grouping)
            settle(qtbot, 2)
            for chart in board.charts:
                assert chart.labels, f"{type(chart).__name__} draws no value labels"
                assert clipped(chart) == [], (grouping, type(chart).__name__)
        for chart in (board.light_chart, board.status_chart):
            assert_counts_are_whole(chart)
        group_axis = board.group_chart.plot.getAxis("left")
        metrics = board.group_chart.fontMetrics()
        assert all(
            metrics.horizontalAdvance(g.label) < group_axis.width() for g in board.group_chart.data
        )
        view = board.lagging_view
        for row in range(board.lagging_model.rowCount()):
            assert name_fits(view, row), board.lagging_model.project(row).name
            assert (
                view.viewport().rect().contains(view.visualRect(board.lagging_model.index(row, 1)))
            )
            full = board.lagging_model.project(row).name
            tip = board.lagging_model.data(
                board.lagging_model.index(row, 1), Qt.ItemDataRole.ToolTipRole
            )
            assert full in tip
        if ledger_file.name == "demo.sqlite":
            assert board.lagging_model.rowCount() == 10
            assert not board.next_steps.isVisible()
        else:
            assert board.next_steps.isVisible()
    finally:
        store.close()


def test_a_tall_bar_keeps_its_label_when_the_chart_is_small(qtbot, demo_path, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_path, path)
    store = Store.open(path, user="测试员")
    try:
        dash = Dashboard(store)
        qtbot.addWidget(dash)
        dash.resize(1366, 600)
        dash.show()
        settle(qtbot)
        for height in (600, 1000, 680):  # labels keep their pixels as the plots grow and shrink
            dash.resize(1366, height)
            settle(qtbot, 2)
            for chart in dash.charts:
                assert clipped(chart) == [], (height, type(chart).__name__)
    finally:
        store.close()


@pytest.mark.parametrize("projects", [0, 1, 3])
def test_count_axes_count_whole_projects(qtbot, empty_store, projects):
    for i in range(projects):
        p = empty_store.add_project(
            {"name": f"项目{i}", "region": "龙山区", "status": "在建", "annual_plan": "100"}
        )
        empty_store.save_monthly_report(MonthlyReport(p.id, "2022-06", D(10)))
    dash = Dashboard(empty_store)
    qtbot.addWidget(dash)
    dash.resize(1366, 700)
    dash.show()
    settle(qtbot)
    for chart in (dash.light_chart, dash.status_chart):
        assert_counts_are_whole(chart)
        values, _ = drawn_ticks(chart.plot.getAxis("left"))
        assert 1.0 in values  # one project is still a tick of its own
        assert clipped(chart) == []
