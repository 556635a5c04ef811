"""Chart data read from real ledgers: the same figures, lights and filter as the store."""

from decimal import Decimal as D

import pytest

from desktop_app.domain.derived import Light, LightThresholds
from desktop_app.domain.periods import Period as P
from desktop_app.domain.query import ProjectQuery
from desktop_app.store import MonthlyReport
from desktop_app.views.dashboard import dashboard_data
from desktop_app.views.portfolio import LIGHTS, load_portfolio
from desktop_app.views.project import project_series


@pytest.mark.parametrize("period", ["2022-06", "2022-07", "2021-12", "2020-03", "2019-02"])
def test_snapshot_agrees_with_store_figures(demo, period):
    """Every project's 本年累计 and light equal what the table shows (periods with and
    without reports, before the first report)."""
    p = P.parse(period)
    t = LightThresholds(yellow_points=D(8), red_points=D(25))
    snapshot = load_portfolio(demo, p, t)
    figures = demo.figures(p, t)
    assert len(snapshot) == len(figures) == 300
    for i, pid in enumerate(snapshot.ids.tolist()):
        assert D(int(snapshot.ytd[i])) / 100 == figures[pid].ytd, pid
        assert LIGHTS[int(snapshot.lights[i])] == figures[pid].light, pid


QUERIES = [
    ProjectQuery(),
    ProjectQuery(filters={"region": frozenset({"龙山区", "东丰县"})}),
    ProjectQuery(filters={"sector": frozenset({"工业"}), "status": frozenset({"在建"})}),
    ProjectQuery(filters={"lists": frozenset({"路桥工程"})}),
    ProjectQuery("gy"),
    ProjectQuery("钢鐵"),
    ProjectQuery(lights=frozenset({"red", "yellow"})),
    ProjectQuery("a", {"chain": frozenset({"钢铁绿色智造"})}, frozenset({"green"})),
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: str(q.to_dict()))
def test_filter_selects_the_same_projects_as_the_ledger(demo, query):
    period = P(2022, 6)
    snapshot = load_portfolio(demo, period)
    expected = {p.id for p in demo.list_projects(query, period=period)}
    chosen = set(snapshot.ids[snapshot.mask(query)].tolist())
    assert chosen == expected
    data = dashboard_data(snapshot, query)
    assert data.count == len(expected)
    assert data.plan == sum(
        (p.annual_plan or 0 for p in demo.list_projects(query, period=period)), D(0)
    )


def test_shipped_portfolio_has_no_plans(store):
    """The 51 shipped projects carry no amounts: nothing can be judged, nothing lags."""
    data = dashboard_data(load_portfolio(store, P(2022, 6)))
    assert data.count == 51 and data.plan == D(0) and data.rate is None
    assert data.light_count(Light.NONE) == 51
    assert data.lagging == () and data.lagging_count == 0
    assert all(b.rate is None for b in data.groups["sector"])
    assert sum(b.count for b in data.groups["sector"]) == 51


def test_dashboard_from_a_small_ledger(store):
    a = store.find_project("LY2022-001")
    b = store.find_project("LY2022-002")
    store.update_project(a.id, {"annual_plan": D(1200), "region": "龙山区"})
    store.update_project(b.id, {"annual_plan": D(600), "region": "东丰县"})
    store.save_monthly_reports(
        [
            MonthlyReport(a.id, "2022-01", D(300)),
            MonthlyReport(a.id, "2022-02", D(300)),
            MonthlyReport(b.id, "2022-02", D(60)),
        ]
    )
    data = dashboard_data(load_portfolio(store, P(2022, 3)))
    assert (data.plan, data.ytd) == (D(1800), D(660))
    regions = {g.value: g for g in data.groups["region"]}
    assert (regions["龙山区"].ytd, regions["龙山区"].rate) == (D(600), D("0.5"))
    assert regions["东丰县"].rate == D("0.1")
    assert data.s_curve.actual == (D(300), D(660), D(660))
    assert data.s_curve.reported == (True, True, False)
    assert [p.id for p in data.lagging] == [b.id]  # 10% against 25%
    assert data.lagging[0].points_behind == D(15)


def test_project_series_from_the_store(store):
    a = store.find_project("LY2022-001")
    store.update_project(a.id, {"annual_plan": D(1200)})
    store.save_monthly_reports(
        [
            MonthlyReport(a.id, "2021-12", D(50), progress_pct=5.0, progress_text="开工准备"),
            MonthlyReport(a.id, "2022-01", D(100), progress_pct=10.0, progress_text="基础施工"),
            MonthlyReport(a.id, "2022-03", D(200), progress_pct=25.0),
            MonthlyReport(a.id, "2022-07", D(400), progress_pct=40.0),
        ]
    )
    s = project_series(store, a.id, P(2022, 6))
    assert s.name == "鑫达钢铁180万吨热轧带钢" and s.annual_plan == D(1200)
    assert s.months == (D(100), None, D(200), None, None, None, *(None,) * 6)
    assert s.cumulative == (D(100), D(100), D(300), D(300), D(300), D(300))
    assert s.plan_line[0] == D(100) and s.plan_line[-1] == D(1200)
    assert s.ytd == D(300) and s.rate == D("0.25")
    assert [(str(p.period), p.pct, p.text) for p in s.progress] == [
        ("2021-12", 5.0, "开工准备"),
        ("2022-01", 10.0, "基础施工"),
        ("2022-03", 25.0, None),
    ]
    early = project_series(store, a.id, P(2022, 2))
    assert early.months[:3] == (D(100), None, None) and early.cumulative == (D(100), D(100))


def test_project_series_without_plan_or_reports(store):
    b = store.find_project("LY2022-002")
    s = project_series(store, b.id, P(2022, 6))
    assert s.annual_plan is None and s.plan_line == () and s.rate is None
    assert s.months == (None,) * 12 and s.cumulative == (D(0),) * 6 and s.progress == ()
