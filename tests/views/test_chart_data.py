"""The dashboard's chart data against hand-computed cases (no Qt)."""

from decimal import Decimal as D

import numpy as np
import pytest

from desktop_app.domain.derived import Light, LightThresholds
from desktop_app.domain.periods import Period as P
from desktop_app.domain.query import ProjectQuery
from desktop_app.domain.textmatch import search_key
from desktop_app.views.dashboard import (
    dashboard_data,
    group_progress,
    lagging_projects,
    light_counts,
    s_curve,
    status_counts,
)
from desktop_app.views.portfolio import ChartRecord, PortfolioSnapshot

ORDER = {
    "region": ("龙山区", "西安区", "东丰县"),
    "sector": ("工业", "服务业"),
    "chain": ("新能源+汽车零部件", "钢铁绿色智造"),
    "status": ("谋划", "前期", "在建", "竣工", "投产", "停缓建"),
}
CAR, STEEL = ORDER["chain"]


def month(*pairs):
    return {P.parse(p): D(str(v)) if v is not None else None for p, v in pairs}


def records():
    """Five projects; at 2022-06 (时序进度 50%):
    A plan 1200, 100 a month      → 600,  50%, green (exactly on time: not lagging)
    B plan 1000, Jan 100, Mar 200 → 300,  30%, 20 points behind: yellow
    C plan 800, nothing reported  → 0,     0%, red
    D no plan, Apr 50             → 50,   no light (无计划)
    E plan 400, only 2021-12 and 2022-07 reported → 0 in 2022-06: red
    """
    return [
        ChartRecord(
            1, "LY-A", "甲项目", D(1200),
            month(*((f"2022-{m:02d}", 100) for m in range(1, 7))),
            region="龙山区", sector="工业", chain=CAR, status="在建",
            search_key=search_key(["鑫达钢铁热轧"]),
        ),
        ChartRecord(
            2, "LY-B", "乙项目", D(1000), month(("2022-01", 100), ("2022-03", 200)),
            region="龙山区", sector="工业", status="在建", lists=["路桥工程"],
        ),
        ChartRecord(
            3, "LY-C", "丙项目", D(800), {},
            region="西安区", sector="服务业", chain=CAR, status="前期", lists=["路桥工程", "地块征收"],
        ),
        ChartRecord(
            4, "LY-D", "丁项目", None, month(("2022-04", 50), ("2022-05", None)),
            region="西安区", sector="服务业", chain=STEEL, status="谋划",
        ),
        ChartRecord(
            5, "LY-E", "戊项目", D(400), month(("2021-12", 300), ("2022-07", 100)),
            sector="工业", chain=STEEL,
        ),
    ]  # fmt: skip


def snap(period="2022-06", recs=None, **kw):
    return PortfolioSnapshot.from_records(
        P.parse(period), recs if recs is not None else records(), group_order=ORDER, **kw
    )


def by_value(bars):
    return {b.value: b for b in bars}


def test_grouped_plan_and_completion_by_region():
    bars = group_progress(snap(), "region")
    assert [b.label for b in bars] == ["龙山区", "西安区", "未填写"]
    lsq, xaq, missing = bars
    assert (lsq.count, lsq.plan, lsq.ytd) == (2, D(2200), D(900))
    assert lsq.rate == D(900) / D(2200)  # 40.9%: 9.1 points behind → still green
    assert lsq.expected == D(1100) and lsq.light == Light.GREEN
    # 丁 has no plan but its 50 counts as completed investment of the group
    assert (xaq.count, xaq.plan, xaq.ytd, xaq.rate) == (2, D(800), D(50), D("0.0625"))
    assert xaq.light == Light.RED
    assert (missing.value, missing.plan, missing.ytd, missing.rate) == (None, D(400), D(0), D(0))


def test_grouping_by_chain_and_sector_follows_the_code_list_order():
    chains = group_progress(snap(), "chain")
    assert [b.label for b in chains] == [CAR, STEEL, "未填写"]
    assert by_value(chains)[CAR].plan == D(2000) and by_value(chains)[CAR].ytd == D(600)
    assert by_value(chains)[STEEL].plan == D(400) and by_value(chains)[STEEL].ytd == D(50)
    sectors = group_progress(snap(), "sector")
    assert [(b.label, b.plan, b.ytd) for b in sectors] == [
        ("工业", D(2600), D(900)),
        ("服务业", D(800), D(50)),
    ]


def test_group_without_any_plan_has_no_rate():
    recs = [r for r in records() if r.id == 4]
    (bar,) = group_progress(snap(recs=recs), "region")
    assert bar.plan == D(0) and bar.ytd == D(50)
    assert bar.rate is None and bar.light == Light.NONE


def test_s_curve_cumulates_the_months_against_the_plan_spread_by_time():
    curve = s_curve(snap())
    assert curve.actual == (D(200), D(300), D(600), D(750), D(850), D(950))
    assert curve.plan_total == D(3400)
    assert len(curve.plan) == 12
    assert curve.plan[5] == D(1700) and curve.plan[11] == D(3400)
    assert curve.plan[0] == D(3400) / 12
    assert curve.reported == (True,) * 6


def test_s_curve_of_a_period_with_no_reports_stays_flat():
    curve = s_curve(snap("2022-08"))
    # 戊's July 100 now counts; August has no report at all
    assert curve.actual[-3:] == (D(950), D(1050), D(1050))
    assert curve.reported[-2:] == (True, False)
    empty = s_curve(snap("2023-03"))
    assert empty.actual == (D(0), D(0), D(0))
    assert empty.reported == (False, False, False)
    assert empty.plan[2] == D(850)


def test_light_and_status_counts():
    lights = {b.value: b.count for b in light_counts(snap())}
    assert lights == {"green": 1, "yellow": 1, "red": 2, "none": 1}
    assert [b.color for b in light_counts(snap())] == [
        Light.GREEN.color,
        Light.YELLOW.color,
        Light.RED.color,
        Light.NONE.color,
    ]
    statuses = [(b.label, b.count) for b in status_counts(snap())]
    assert statuses == [
        ("谋划", 1),
        ("前期", 1),
        ("在建", 2),
        ("竣工", 0),
        ("投产", 0),
        ("停缓建", 0),
        ("未填写", 1),
    ]


def test_lights_of_a_month_without_reports():
    # 2023-03: nothing reported in 2023, 25 points behind everywhere → yellow
    lights = {b.value: b.count for b in light_counts(snap("2023-03"))}
    assert lights == {"green": 0, "yellow": 4, "red": 0, "none": 1}


def test_start_three_months_overdue_is_red_even_without_plan():
    rec = ChartRecord(9, "LY-X", "逾期未开工", None, {}, planned_start="2022-02", status="前期")
    assert snap(recs=[rec]).light_of(9) == Light.RED
    assert snap("2022-04", recs=[rec]).light_of(9) == Light.NONE


def test_thresholds_change_the_lights():
    strict = LightThresholds(yellow_points=D(5), red_points=D(15))
    lights = {b.value: b.count for b in light_counts(snap(thresholds=strict))}
    assert lights == {"green": 1, "yellow": 0, "red": 3, "none": 1}


def test_most_lagging_projects_first():
    top, total = lagging_projects(snap())
    assert total == 3  # 甲 is exactly on time
    assert [p.code for p in top] == ["LY-C", "LY-E", "LY-B"]  # 50 pts (400 short), 50 (200), 20
    c, e, b = top
    assert (c.points_behind, c.shortfall, c.rate, c.light) == (D(50), D(400), D(0), Light.RED)
    assert (b.points_behind, b.shortfall, b.ytd, b.plan) == (D(20), D(200), D(300), D(1000))
    assert b.region == "龙山区" and e.region is None
    top2, total = lagging_projects(snap(), limit=2)
    assert [p.code for p in top2] == ["LY-C", "LY-E"] and total == 3


def test_no_lagging_projects_without_plans():
    recs = [r for r in records() if r.annual_plan is None]
    assert lagging_projects(snap(recs=recs)) == ((), 0)
    assert lagging_projects(snap(recs=[])) == ((), 0)


def test_dashboard_follows_the_filter():
    data = dashboard_data(snap(), ProjectQuery(filters={"region": frozenset({"龙山区"})}))
    assert (data.count, data.plan, data.ytd) == (2, D(2200), D(900))
    assert data.rate == D(900) / D(2200)
    assert [b.label for b in data.groups["region"]] == ["龙山区"]
    assert data.s_curve.actual[-1] == D(900)
    assert data.light_count(Light.GREEN) == 1 and data.light_count(Light.YELLOW) == 1
    assert [p.code for p in data.lagging] == ["LY-B"]

    reds = dashboard_data(snap(), ProjectQuery(lights=frozenset({"red"})))
    assert reds.count == 2 and reds.plan == D(1200)
    listed = dashboard_data(snap(), ProjectQuery(filters={"lists": frozenset({"地块征收"})}))
    assert listed.count == 1 and listed.lagging[0].code == "LY-C"
    found = dashboard_data(snap(), ProjectQuery("xdgt"))  # pinyin initials of 鑫达钢铁
    assert found.count == 1 and found.ytd == D(600)
    nothing = dashboard_data(snap(), ProjectQuery(filters={"region": frozenset({"东丰县"})}))
    assert nothing.count == 0 and nothing.rate is None and nothing.groups["region"] == ()
    assert nothing.s_curve.actual == (D(0),) * 6


def test_whole_portfolio_totals():
    data = dashboard_data(snap())
    assert (data.count, data.plan, data.ytd) == (5, D(3400), D(950))
    assert data.time_progress == D("0.5")
    assert data.lagging_count == 3


@pytest.mark.parametrize("period", ["2022-06", "2022-07", "2022-12", "2023-01"])
def test_ytd_column_is_the_sum_of_the_months_of_the_year(period):
    s = snap(period)
    assert np.array_equal(s.ytd, s.months.sum(axis=1))
    assert not s.months[:, P.parse(period).month :].any()
