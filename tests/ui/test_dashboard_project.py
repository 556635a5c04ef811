"""A project's own charts: monthly bars with the cumulative line against the annual plan, and
its physical progress over time."""

from decimal import Decimal as D

from PySide6.QtGui import QImage

from desktop_app.store import MonthlyReport
from desktop_app.ui.dashboard.project import ProjectCharts


def floats(values):
    return [round(float(v), 2) for v in values]


def make_project(store, plan="1200"):
    p = store.add_project({"name": "巨峰生化山梨酸", "annual_plan": plan, "status": "在建"})
    store.save_monthly_reports(
        [
            MonthlyReport(p.id, "2021-11", D(80), progress_pct=5.0, progress_text="场地平整"),
            MonthlyReport(p.id, "2022-01", D(100), progress_pct=12.5, progress_text="基础施工"),
            MonthlyReport(p.id, "2022-03", D(250), progress_pct=30.0, progress_text="主体施工"),
            MonthlyReport(p.id, "2022-04", D(0), progress_pct=31.0),
            MonthlyReport(p.id, "2022-06", D(50)),
        ]
    )
    return p


def test_monthly_bars_cumulative_line_and_plan(qtbot, empty_store):
    p = make_project(empty_store)
    charts = ProjectCharts(empty_store)
    qtbot.addWidget(charts)
    charts.set_project(p.id)
    charts.show()
    monthly = charts.monthly_chart
    bars = monthly.items["bars"].opts
    assert floats(bars["x"]) == [1, 3, 4, 6]  # months without a report have no bar
    assert floats(bars["height"]) == [100, 250, 0, 50]
    assert floats(monthly.items["cumulative"].yData) == [100, 100, 350, 350, 350, 400]
    assert monthly.items["plan"].value() == 1200
    assert floats(monthly.items["expected"].yData) == [100 * m for m in range(1, 13)]
    assert "累计 400.00万元，完成率 33.3%" in [t.toPlainText() for t in monthly.labels]
    assert monthly.title_text() == "巨峰生化山梨酸：2022年月度完成投资"
    tip = monthly.tooltip_at(2, 50)
    assert "2022年2月" in tip and "本月未填报完成投资" in tip and "本年累计完成：100.00万元" in tip
    assert "年度计划：1,200.00万元" in monthly.tooltip_at(3, 0)

    progress = charts.progress_chart
    assert floats(progress.items["progress"].yData) == [5, 12.5, 30, 31]
    assert [lab for _, lab in progress.plot.getAxis("bottom")._tickLevels[0]] == [
        "2021年11月",
        "2022年1月",
        "3月",
        "4月",
    ]
    assert progress.tooltip_at(2, 0) == "2022年3月\n形象进度：30.0%\n主体施工"


def test_project_without_plan_or_reports(qtbot, empty_store):
    p = empty_store.add_project({"name": "东辽河岸带修复"})
    charts = ProjectCharts(empty_store)
    qtbot.addWidget(charts)
    charts.set_project(p.id)
    assert "plan" not in charts.monthly_chart.items
    assert floats(charts.monthly_chart.items["bars"].opts["height"]) == []
    assert "年度计划：未填写" in charts.monthly_chart.tooltip_at(5, 0)
    assert "progress" not in charts.progress_chart.items
    assert [t.toPlainText() for t in charts.progress_chart.labels] == ["尚无形象进度填报"]
    charts.set_project(None)
    assert charts.monthly_chart.data is None


def test_period_chooses_the_year_and_the_months_shown(qtbot, empty_store):
    p = make_project(empty_store)
    charts = ProjectCharts(empty_store)
    qtbot.addWidget(charts)
    charts.set_project(p.id)
    charts.set_period("2022-03")
    assert floats(charts.monthly_chart.items["cumulative"].yData) == [100, 100, 350]
    assert floats(charts.progress_chart.items["progress"].yData) == [5, 12.5, 30]
    charts.set_period("2021-12")
    assert floats(charts.monthly_chart.items["bars"].opts["height"]) == [80]


def test_project_charts_save_as_png(qtbot, empty_store, tmp_path):
    p = make_project(empty_store)
    charts = ProjectCharts(empty_store)
    qtbot.addWidget(charts)
    charts.set_project(p.id)
    for chart in (charts.monthly_chart, charts.progress_chart):
        path = chart.save_png(tmp_path / "图表.PNG", 1920, 1080)
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1920, 1080)
        colours = {image.pixel(x, y) for x in range(0, 1920, 9) for y in range(0, 1080, 9)}
        assert len(colours) > 8


def test_labels_of_a_finished_project_stay_inside_the_plots(qtbot, empty_store):
    p = empty_store.add_project({"name": "华纺静电二期", "annual_plan": "300", "status": "竣工"})
    empty_store.save_monthly_reports(
        [
            MonthlyReport(p.id, "2022-01", D(100), progress_pct=60.0),
            MonthlyReport(p.id, "2022-02", D(200), progress_pct=100.0, progress_text="竣工"),
        ]
    )
    charts = ProjectCharts(empty_store)
    qtbot.addWidget(charts)
    charts.resize(900, 360)
    charts.set_project(p.id)
    charts.show()
    qtbot.waitExposed(charts)
    qtbot.wait(100)  # the plots take their size, the labels their place
    for chart in (charts.monthly_chart, charts.progress_chart):
        area = chart.plot.vb.sceneBoundingRect().adjusted(-0.5, -0.5, 0.5, 0.5)
        assert chart.labels
        for label in chart.labels:  # "100.0%" at the top, "累计 300.00万元，完成率 100.0%"
            assert area.contains(label.sceneBoundingRect()), label.toPlainText()
