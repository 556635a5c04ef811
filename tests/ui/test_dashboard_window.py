"""The dashboard as a tab of the ledger window: it follows the ledger's filter and period,
and clicking a bar filters the ledger."""

import shutil

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.derived import Light
from desktop_app.domain.periods import Period
from desktop_app.store import Store
from desktop_app.ui.common.settings import Settings
from desktop_app.ui.dashboard import Dashboard


@pytest.fixture
def wired(qtbot, make_window, demo_path, tmp_path, settings_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_path, path)
    store = Store.open(path, user="测试员")
    window = make_window(store)
    dashboard = Dashboard(store, Settings(settings_path))
    index = window.add_tab(dashboard, "调度看板")
    window.queryChanged.connect(dashboard.set_query)
    window.periodChanged.connect(dashboard.set_period)
    dashboard.groupClicked.connect(lambda field, value: window.set_filter(field, {value}))
    window.tabs.setCurrentIndex(index)
    qtbot.waitUntil(lambda: dashboard.data is not None)
    yield window, dashboard, store
    store.close()


def click_bar(qtbot, chart, value):
    center = chart.bar_center(value)
    pos = chart.view_point(center.x(), center.y()).toPoint()
    qtbot.mouseMove(chart.viewport(), pos)
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_clicking_a_region_bar_filters_the_ledger(qtbot, wired):
    window, dashboard, store = wired
    assert dashboard.data.count == 300
    click_bar(qtbot, dashboard.group_chart, "东丰县")
    qtbot.waitUntil(lambda: window.current_query().filters.get("region") == {"东丰县"})
    assert window.tabs.currentIndex() == 0  # the ledger is shown
    expected = {p.id for p in store.projects() if p.region == "东丰县"}
    assert set(window.visible_project_ids()) == expected
    window.tabs.setCurrentWidget(dashboard)
    assert dashboard.data.count == len(expected)
    assert [g.value for g in dashboard.data.groups["region"]] == ["东丰县"]


def test_clicking_the_red_light_filters_the_ledger_to_red_projects(qtbot, wired):
    window, dashboard, store = wired
    reds = dashboard.data.light_count(Light.RED)
    click_bar(qtbot, dashboard.light_chart, "red")
    qtbot.waitUntil(lambda: window.current_query().lights == {"red"})
    figures = store.figures(window.current_period(), Settings().thresholds)
    shown = window.visible_project_ids()
    assert len(shown) == reds
    assert all(figures[pid].light == Light.RED for pid in shown)
    window.tabs.setCurrentWidget(dashboard)
    assert dashboard.data.count == reds


def test_the_dashboard_follows_the_ledger_period(qtbot, wired):
    window, dashboard, _ = wired
    window.set_period(Period(2021, 12))
    assert dashboard.period == Period(2021, 12)
    assert len(dashboard.data.s_curve.actual) == 12
