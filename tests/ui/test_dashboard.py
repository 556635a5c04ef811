"""The 调度看板: plot items hold the figures of a small ledger, clicks filter, PNGs save."""

from decimal import Decimal as D

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QRawFont

from desktop_app.domain.derived import Light
from desktop_app.domain.periods import Period
from desktop_app.domain.query import ProjectQuery
from desktop_app.store import MonthlyReport
from desktop_app.ui.common.fonts import cjk_font
from desktop_app.ui.dashboard.board import Dashboard, LaggingModel
from desktop_app.ui.dashboard.plot import ExportSizeDialog

CAR, STEEL = "新能源+汽车零部件", "钢铁绿色智造"


@pytest.fixture
def ledger(empty_store):
    """Four projects; at 2022-06 (时序进度 50%):
    甲 plan 1200, 600 done → 50% green;   乙 plan 800, 40 → 5% red;
    丙 plan 1000, 300 → 30% yellow;        丁 no plan → 无计划."""
    s = empty_store
    a = s.add_project(
        {"name": "鑫达钢铁热轧带钢", "region": "龙山区", "sector": "工业", "chain": STEEL,
         "status": "在建", "annual_plan": "1200"}
    )  # fmt: skip
    b = s.add_project(
        {"name": "东北袜业数字化车间", "region": "龙山区", "sector": "工业", "chain": CAR,
         "status": "在建", "annual_plan": "800"}
    )  # fmt: skip
    c = s.add_project(
        {"name": "东丰药业复产", "region": "东丰县", "sector": "服务业", "status": "前期",
         "annual_plan": "1000"}
    )  # fmt: skip
    d = s.add_project(
        {"name": "辽河半岛步行街", "region": "西安区", "sector": "服务业", "status": "谋划"}
    )
    s.save_monthly_reports(
        [
            MonthlyReport(a.id, "2022-01", D(100), progress_pct=10.0, progress_text="基础施工"),
            MonthlyReport(a.id, "2022-02", D(200), progress_pct=20.0),
            MonthlyReport(a.id, "2022-03", D(300), progress_pct=35.0, progress_text="主体施工"),
            MonthlyReport(b.id, "2022-02", D(40)),
            MonthlyReport(c.id, "2022-04", D(300)),
            MonthlyReport(d.id, "2022-06", None, progress_text="前期手续"),
        ]
    )
    s.ids = {"甲": a.id, "乙": b.id, "丙": c.id, "丁": d.id}
    return s


@pytest.fixture
def dashboard(qtbot, ledger):
    dash = Dashboard(ledger)
    qtbot.addWidget(dash)
    dash.resize(1500, 900)
    dash.show()
    qtbot.waitExposed(dash)
    return dash


def floats(values):
    return [round(float(v), 2) for v in values]


def test_dashboard_plot_items_hold_the_ledger_figures(dashboard, ledger):
    assert dashboard.period == Period(2022, 6)
    g = dashboard.group_chart
    assert [lab for _, lab in g.plot.getAxis("left")._tickLevels[0]] == [
        "龙山区",
        "西安区",
        "东丰县",
    ]
    assert floats(g.items["plan"].opts["width"]) == [2000, 0, 1000]  # 万元: small totals
    assert floats(g.items["done"].opts["width"]) == [640, 0, 300]
    assert floats(g.items["expected"].data["x"]) == [1000, 0, 500]
    assert [t.toPlainText() for t in g.labels] == ["32.0%", "无计划", "30.0%"]
    assert g.labels[0].color == QColor(Light.YELLOW.color)  # 18 points behind
    assert "金额（万元）" in g.plot.getAxis("bottom").labelText

    curve = dashboard.curve_chart
    assert floats(curve.items["done"].yData) == [100, 340, 640, 940, 940, 940]
    assert floats(curve.items["plan"].yData) == [250 * m for m in range(1, 13)]

    lights = dashboard.light_chart.items["bars"].opts
    assert floats(lights["height"]) == [1, 1, 1, 1]
    assert [b.color().name().upper() for b in lights["brushes"]] == [
        Light.GREEN.color,
        Light.YELLOW.color,
        Light.RED.color,
        Light.NONE.color,
    ]
    statuses = dashboard.status_chart
    assert [lab for _, lab in statuses.plot.getAxis("bottom")._tickLevels[0]][:3] == [
        "谋划",
        "前期",
        "在建",
    ]
    assert floats(statuses.items["bars"].opts["height"])[:3] == [1, 1, 2]

    model = dashboard.lagging_model
    assert model.rowCount() == 2
    assert [model.index(r, 1).data() for r in range(2)] == ["东北袜业数字化车间", "东丰药业复产"]
    assert model.index(0, 4).data() == "5.0%" and model.index(0, 5).data() == "45.0"
    assert "本年累计完成 40.00 万元" in model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "完成率 31.3%" in dashboard.summary.text()  # 940 / 3000
    assert "共 2 个滞后" in dashboard.lagging_title.text()


def test_grouping_switches_between_region_chain_and_sector(dashboard):
    dashboard.group_box.setCurrentIndex(dashboard.group_box.findData("chain"))
    g = dashboard.group_chart
    assert dashboard.grouping == "chain"
    assert [lab for _, lab in g.plot.getAxis("left")._tickLevels[0]] == [CAR, STEEL, "未填写"]
    assert floats(g.items["done"].opts["width"]) == [40, 600, 300]
    assert "按产业链" in g.title_text()
    dashboard.set_grouping("sector")
    assert [lab for _, lab in g.plot.getAxis("left")._tickLevels[0]] == ["工业", "服务业"]
    with pytest.raises(ValueError):
        dashboard.set_grouping("owner")


def click(qtbot, chart, point: QPointF):
    pos = chart.view_point(point.x(), point.y()).toPoint()
    qtbot.mouseMove(chart.viewport(), pos)
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=pos)


class Ledger:
    """What the main window does with a click: filter its table, tell the dashboard."""

    def __init__(self, store, dashboard):
        self.store, self.dashboard = store, dashboard
        self.query = ProjectQuery()
        self.rows = store.list_projects(self.query)

    def set_filter(self, field, values):
        self.query = ProjectQuery(filters={field: frozenset(values)})
        self.rows = self.store.list_projects(self.query)
        self.dashboard.set_query(self.query)

    def set_lights(self, light):
        self.query = ProjectQuery(lights=frozenset({light}))
        self.rows = self.store.list_projects(self.query, period=self.dashboard.period)
        self.dashboard.set_query(self.query)


def test_clicking_a_bar_filters_the_ledger_and_the_charts_follow(qtbot, dashboard, ledger):
    ledger_view = Ledger(ledger, dashboard)
    dashboard.groupClicked.connect(lambda f, v: ledger_view.set_filter(f, {v}))
    chart = dashboard.group_chart
    with qtbot.waitSignal(dashboard.groupClicked) as blocker:
        click(qtbot, chart, chart.bar_center("东丰县"))
    assert blocker.args == ["region", "东丰县"]
    assert [p.name for p in ledger_view.rows] == ["东丰药业复产"]
    assert dashboard.data.count == 1
    assert [lab for _, lab in chart.plot.getAxis("left")._tickLevels[0]] == ["东丰县"]
    assert floats(dashboard.curve_chart.items["done"].yData) == [0, 0, 0, 300, 300, 300]
    assert "所属县区：东丰县" in dashboard.filter_label.text()


def test_clicking_status_and_light_bars(qtbot, dashboard, ledger):
    ledger_view = Ledger(ledger, dashboard)
    dashboard.groupClicked.connect(
        lambda f, v: ledger_view.set_lights(v) if f == "light" else ledger_view.set_filter(f, {v})
    )
    with qtbot.waitSignal(dashboard.groupClicked) as blocker:
        click(qtbot, dashboard.status_chart, dashboard.status_chart.bar_center("在建"))
    assert blocker.args == ["status", "在建"]
    assert {p.name for p in ledger_view.rows} == {"鑫达钢铁热轧带钢", "东北袜业数字化车间"}
    assert dashboard.data.count == 2

    dashboard.set_query(ProjectQuery())
    with qtbot.waitSignal(dashboard.groupClicked) as blocker:
        click(qtbot, dashboard.light_chart, dashboard.light_chart.bar_center("red"))
    assert blocker.args == ["light", "red"]
    assert [p.name for p in ledger_view.rows] == ["东北袜业数字化车间"]
    assert dashboard.data.count == 1 and dashboard.data.light_count(Light.RED) == 1


def test_click_outside_the_bars_does_nothing(qtbot, dashboard):
    clicks = []
    dashboard.groupClicked.connect(lambda *a: clicks.append(a))
    chart = dashboard.group_chart
    click(qtbot, chart, QPointF(100, 0.5))  # between two groups
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))  # title
    assert clicks == []


def test_hover_shows_exact_values(qtbot, dashboard):
    chart = dashboard.group_chart
    pos = chart.view_point(300, chart.bar_center("龙山区").y()).toPoint()
    qtbot.mouseMove(chart.viewport(), pos)
    qtbot.waitUntil(lambda: chart._last_tip is not None)
    tip = chart._last_tip
    assert "龙山区（2 个项目）" in tip
    assert "年度计划：2,000.00万元" in tip and "本年累计完成：640.00万元" in tip
    assert "完成率：32.0%（黄灯）" in tip
    curve = dashboard.curve_chart.tooltip_at(4.1, 0)
    assert "2022年4月" in curve and "本年累计完成：940.00万元" in curve
    assert "按时序进度应完成：1,000.00万元" in curve and "完成率：31.3%" in curve
    assert "本月尚无完成投资填报" in dashboard.curve_chart.tooltip_at(6, 0)
    assert "红灯：1 个项目（占 25.0%）" in dashboard.light_chart.tooltip_at(2, 0.5)


def test_saved_png_has_the_requested_size_and_is_not_blank(dashboard, tmp_path):
    for chart in dashboard.charts:
        path = chart.save_png(tmp_path / f"{type(chart).__name__}", 1234, 567)
        assert path.suffix == ".png" and path.exists()
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1234, 567)
        colours = {image.pixel(x, y) for x in range(0, 1234, 7) for y in range(0, 567, 7)}
        assert len(colours) > 8, type(chart).__name__
    lights = QImage(str(tmp_path / "LightChart.png"))
    colours = {
        QColor(lights.pixel(x, y)).name().upper()
        for x in range(0, 1234, 3)
        for y in range(0, 567, 3)
    }
    assert {Light.GREEN.color, Light.YELLOW.color, Light.RED.color} <= colours


def test_copy_puts_the_chart_on_the_clipboard(dashboard):
    image = dashboard.curve_chart.copy_image(800, 450)
    assert (image.width(), image.height()) == (800, 450)
    pasted = QGuiApplication.clipboard().image()
    assert (pasted.width(), pasted.height()) == (800, 450)


def test_export_dialog_offers_slide_sizes(qtbot, dashboard):
    dialog = ExportSizeDialog(dashboard.group_chart.size())
    qtbot.addWidget(dialog)
    assert dialog.chosen_size() == (1920, 1080)
    dialog.presets.setCurrentIndex(3)
    assert dialog.chosen_size() == (1600, 1200)
    dialog.width_box.setValue(1000)
    assert dialog.chosen_size() == (1000, 1200)


def test_period_without_reports_and_period_switch(dashboard):
    dashboard.set_period("2022-09")
    assert dashboard.period_box.currentData() == "2022-09"
    curve = dashboard.curve_chart.items["done"].yData
    assert floats(curve)[-4:] == [940, 940, 940, 940]
    assert dashboard.data.time_progress == D(9) / D(12)
    dashboard.set_period(Period(2023, 1))
    assert floats(dashboard.curve_chart.items["done"].yData) == [0]
    assert dashboard.data.ytd == D(0)


def glyphless(text):
    """Characters the app's CJK font has no glyph for (they would show as boxes)."""
    raw = QRawFont.fromFont(cjk_font(9))
    chars = sorted({c for c in text if not c.isspace()})
    return [
        c for c, g in zip(chars, raw.glyphIndexesForString("".join(chars)), strict=True) if not g
    ]


def test_chinese_text_is_drawn_with_a_font_that_has_the_glyphs(dashboard):
    texts = [dashboard.summary.text(), dashboard.lagging_title.text()]
    for chart in dashboard.charts:
        texts.append(chart.title_text())
        texts += [t.toPlainText() for t in chart.labels]
        texts += [
            lab for level in chart.plot.getAxis("bottom")._tickLevels or [] for _, lab in level
        ]
        texts += [chart.plot.getAxis(a).labelText for a in ("left", "bottom")]
        texts += [label.text for _, label in chart.legend.items]
    text = "".join(texts)
    assert "时序进度" in text and "亿元" not in text  # small ledger: 万元
    assert glyphless(text) == []
    assert glyphless("灯") == [] and glyphless("\U0010fffd") == ["\U0010fffd"]


def test_refresh_after_an_edit_in_the_ledger(qtbot, dashboard, ledger):
    ledger.save_monthly_report(MonthlyReport(ledger.ids["丙"], "2022-05", D(200)))
    dashboard.hide()
    dashboard.show()  # coming back to the tab
    qtbot.waitUntil(lambda: dashboard.data.ytd == D(1140))
    assert floats(dashboard.curve_chart.items["done"].yData)[-2:] == [1140, 1140]


def test_grouping_is_remembered_in_the_settings(qtbot, ledger, tmp_path):
    from desktop_app.ui.common.settings import Settings

    settings = Settings(tmp_path / "settings.ini")
    first = Dashboard(ledger, settings)
    qtbot.addWidget(first)
    first.set_grouping("sector")
    second = Dashboard(ledger, settings)
    qtbot.addWidget(second)
    assert second.grouping == "sector"
    assert second.group_box.currentData() == "sector"


def test_background_loading_gives_the_same_charts(qtbot, ledger, monkeypatch):
    from desktop_app.store import Store

    readers = []
    open_reader = Store.open_reader
    monkeypatch.setattr(
        Store,
        "open_reader",
        classmethod(lambda cls, path, **kw: readers.append(path) or open_reader(path, **kw)),
    )
    dash = Dashboard(ledger, background=True)
    qtbot.addWidget(dash)
    dash.show()
    assert dash.wait_until_ready(20_000)
    assert dash.data is not None and dash.data.ytd == D(940)
    assert dash.last_load_seconds is not None
    with qtbot.waitSignal(dash.redrawn, timeout=20_000):
        dash.set_period("2022-03")
    assert dash.wait_until_ready(20_000)
    assert dash.data.ytd == D(640)
    assert floats(dash.group_chart.items["done"].opts["width"]) == [640, 0, 0]
    assert readers == [ledger.path, ledger.path]  # each load on a cheap read-only opening


def test_the_dashboard_goes_to_the_background_above_the_one_cut_off(qtbot, ledger, monkeypatch):
    from desktop_app.ui import jobs

    here = Dashboard(ledger)
    qtbot.addWidget(here)
    assert not here.background
    monkeypatch.setattr(jobs, "BACKGROUND_ABOVE", ledger.project_count() - 1)
    there = Dashboard(ledger)
    qtbot.addWidget(there)
    assert there.background
    assert there.wait_until_ready(20_000) and there.snapshot is not None


def test_double_click_on_a_lagging_project(qtbot, dashboard, ledger):
    view = dashboard.lagging_view
    rect = view.visualRect(dashboard.lagging_model.index(1, 1))
    with qtbot.waitSignal(dashboard.projectActivated) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [ledger.ids["丙"]]


def test_lagging_model_is_a_sound_model(qtmodeltester, dashboard):
    qtmodeltester.check(dashboard.lagging_model)
    qtmodeltester.check(LaggingModel())


def test_empty_ledger_draws_without_errors(qtbot, empty_store):
    dash = Dashboard(empty_store)
    qtbot.addWidget(dash)
    dash.show()
    assert dash.data.count == 0
    assert "没有符合筛选条件的项目" in dash.summary.text()
    assert dash.lagging_model.rowCount() == 0


def test_hidden_dashboard_redraws_only_when_shown(qtbot, dashboard):
    dashboard.hide()
    dashboard.set_query(ProjectQuery(filters={"region": frozenset({"东丰县"})}))
    assert dashboard.data.count == 4  # not drawn while another tab is shown
    dashboard.show()
    assert dashboard.data.count == 1


def test_choosing_a_period_in_the_dashboard(qtbot, dashboard):
    box = dashboard.period_box
    # every month of the ledger's year (2022) up to its latest data, newest first
    assert [box.itemData(i) for i in range(box.count())] == [
        f"2022-{m:02d}" for m in range(6, 0, -1)
    ]
    with qtbot.waitSignal(dashboard.periodChanged) as blocker:
        box.setCurrentIndex(box.findData("2022-03"))
        box.activated.emit(box.currentIndex())
    assert blocker.args == [Period(2022, 3)]
    assert dashboard.data.ytd == D(640)
