"""Comparing two rounds against hand-counted cases, and to the cent against the store."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from desktop_app.domain.derived import Light
from desktop_app.domain.periods import Period as P
from desktop_app.store import MonthlyReport
from desktop_app.views.compare import Round, RoundRow, compare, compare_rounds, lags

MAY, JUNE = P(2022, 5), P(2022, 6)


def small_ledger(store):
    """Four projects, 年度计划 1200 万元 each unless said (hand-counted below):

    * 甲 (龙山区): 100 a month Jan–May → May 500/1200 = 时序进度 5/12: on time, 绿灯; no June
      report → June 41.7% < 50%: newly lagging (8.3 points: still 绿灯).
    * 乙 (龙山区): 40 a month Jan–May → 200, 25 points behind: lagging, 黄灯; June 500 →
      700/1200 = 58.3%: recovered, 绿灯.  2021-06: 250.
    * 丙 (东丰县): 400 by May (33.3%, 8.3 behind: 绿灯, lagging); June 0 → 33.3% vs 50%:
      16.7 behind, 黄灯 (lagging in both: not new).
    * 丁 (东丰县): no plan: 无计划 in both, never lagging; June 30.  2021-06: 20.
    """
    ids = {}
    for key, region, plan in [
        ("甲", "龙山区", D(1200)),
        ("乙", "龙山区", D(1200)),
        ("丙", "东丰县", D(1200)),
        ("丁", "东丰县", None),
    ]:
        p = store.add_project({"name": f"{key}项目", "region": region, "status": "在建"})
        store.set_project_year(p.id, 2022, {"on_list": True, "annual_plan": plan})
        ids[key] = p.id
    reports = []
    for m in range(1, 6):
        reports.append(MonthlyReport(ids["甲"], f"2022-{m:02d}", D(100)))
        reports.append(MonthlyReport(ids["乙"], f"2022-{m:02d}", D(40)))
    reports.append(MonthlyReport(ids["丙"], "2022-05", D(400)))
    reports += [
        MonthlyReport(ids["乙"], "2022-06", D(500)),
        MonthlyReport(ids["丙"], "2022-06", D(0)),
        MonthlyReport(ids["丁"], "2022-06", D("30.05")),
        MonthlyReport(ids["乙"], "2021-06", D(250)),
        MonthlyReport(ids["丁"], "2021-06", D(20)),
    ]
    store.save_monthly_reports(reports)
    return ids


def test_hand_counted_small_ledger(empty_store):
    ids = small_ledger(empty_store)
    c = compare(empty_store, MAY, JUNE)
    name = {v: k for k, v in ids.items()}
    assert [name[x.after.id] for x in c.newly_lagging] == ["甲"]
    assert [name[x.after.id] for x in c.recovered] == ["乙"]
    changes = {name[x.after.id]: (x.before.light, x.after.light) for x in c.light_changes}
    assert changes == {"乙": (Light.YELLOW, Light.GREEN), "丙": (Light.GREEN, Light.YELLOW)}
    assert c.plan_changes == () and c.added == () and c.removed == ()
    assert (c.total_before.lagging, c.total_after.lagging) == (2, 2)  # 乙丙 → 甲丙

    lines = {name[x.row.id]: x for x in c.investment}
    a, b, d = lines["甲"], lines["乙"], lines["丁"]
    assert (a.month, a.last_month, a.last_year) == (None, 10000, None)
    assert a.month_change == -10000 and a.month_pct == D(-1)
    assert (b.month, b.last_month, b.last_year) == (50000, 4000, 25000)
    assert b.month_change == 46000 and b.month_pct == D("11.5")
    assert b.year_change == 25000 and b.year_pct == D(1)
    assert (d.month, d.last_month, d.last_year, d.year_change) == (3005, None, 2000, 1005)
    assert d.month_pct is None  # no base: no percentage
    assert d.year_pct == D("0.5025")
    assert (b.ytd_before, b.row.ytd) == (20000, 70000)
    assert c.totals() == {
        "month": 53005,
        "last_month": 54000,  # May: 100+40+400
        "last_year": 27000,
        "ytd_before": 110000,  # 本年累计 at May: 500+200+400+0
    }

    counties = {line.label: line for line in c.counties}
    assert list(counties) == ["龙山区", "东丰县"]  # the code list's order
    ls, df = counties["龙山区"], counties["东丰县"]
    assert (ls.before.count, ls.after.count) == (2, 2)
    assert (ls.before.ytd, ls.after.ytd) == (70000, 120000)  # 500+200 → 500+700
    assert (ls.before.plan, ls.after.plan) == (240000, 240000)
    assert (ls.before.lagging, ls.after.lagging) == (1, 1)
    assert (df.before.ytd, df.after.ytd) == (40000, 43005)
    assert (df.before.month, df.after.month) == (40000, 3005)
    assert df.after.lights == (0, 1, 0, 1)  # 丙 黄灯, 丁 无计划
    assert c.total_after.ytd == 163005 and c.total_before.ytd == 110000
    counts = dict(c.counts())
    assert counts["新增滞后"] == 1 and counts["滞后转正常"] == 1 and counts["状态灯变化"] == 2
    assert counts["2022年5月项目数"] == counts["2022年6月项目数"] == 4


def test_a_monthly_plan_sets_the_pace_of_lagging(empty_store):
    """丙 plans 50 a month to June, 150 after: by its plan 400 is ahead in May (250) and June
    (300), so it lags in neither round though it is behind month / 12 — as Store.figures says."""
    ids = small_ledger(empty_store)
    plan = {f"2022-{m:02d}": D(50) if m <= 6 else D(150) for m in range(1, 13)}
    empty_store.set_monthly_plan(ids["丙"], 2022, plan)
    c = compare(empty_store, MAY, JUNE)
    assert (c.total_before.lagging, c.total_after.lagging) == (1, 1)  # 乙 → 甲
    for r in (c.earlier, c.later):
        figures = empty_store.figures(r.period)
        assert {pid for pid, row in r.rows.items() if row.lagging} == {
            pid for pid, f in figures.items() if f.lagging
        }


def test_periods_in_either_order_and_never_the_same(empty_store):
    small_ledger(empty_store)
    c = compare(empty_store, JUNE, MAY)
    assert (c.earlier.period, c.later.period) == (MAY, JUNE)
    with pytest.raises(ValueError, match="两个不同的期间"):
        compare(empty_store, JUNE, JUNE)


def test_added_removed_and_plan_changes_across_years(empty_store):
    """2021-06 against 2022-06: 戊 is on 2022's list only (added), 己 on 2021's only (removed),
    甲's plan is 1000 in 2021 and 1200 in 2022; the others are on both lists with 2022's plans
    in 2021 too."""
    ids = small_ledger(empty_store)
    for key in ("甲", "乙", "丙", "丁"):
        year = empty_store.project_year(ids[key], 2022)
        plan = D(1000) if key == "甲" else year.annual_plan
        empty_store.set_project_year(ids[key], 2021, {"on_list": True, "annual_plan": plan})
    new = empty_store.add_project({"name": "戊项目", "region": "西安区"})
    empty_store.set_project_year(new.id, 2022, {"on_list": True, "annual_plan": D(100)})
    gone = empty_store.add_project({"name": "己项目", "region": "西安区"})
    empty_store.set_project_year(gone.id, 2021, {"on_list": True, "annual_plan": D(50)})
    empty_store.set_project_year(gone.id, 2022, {"on_list": False})
    c = compare(empty_store, P(2021, 6), JUNE)
    assert [r.id for r in c.added] == [new.id] and [r.id for r in c.removed] == [gone.id]
    assert [(x.after.id, x.before.plan, x.after.plan) for x in c.plan_changes] == [
        (ids["甲"], 1000_00, 1200_00)
    ]
    assert c.last_month == MAY and c.last_year == P(2021, 6)
    west = next(line for line in c.counties if line.label == "西安区")
    assert (west.before.count, west.after.count) == (1, 1)
    assert (west.before.plan, west.after.plan) == (50_00, 100_00)
    counts = dict(c.counts())
    assert (counts["新列入名单"], counts["移出名单"], counts["年度计划变化"]) == (1, 1, 1)


def test_a_closed_round_compares_as_it_was_closed(empty_store):
    """After May is closed, a plan cut and a rename change the live figures but not May's."""
    ids = small_ledger(empty_store)
    empty_store.close_period(MAY)
    empty_store.set_project_year(ids["乙"], 2022, {"annual_plan": D(400)})
    empty_store.update_project(ids["乙"], {"name": "乙项目（改名）"})
    c = compare(empty_store, MAY, JUNE)
    assert c.earlier.frozen and not c.later.frozen
    pair = next(x for x in c.plan_changes if x.after.id == ids["乙"])
    assert (pair.before.plan, pair.after.plan) == (1200_00, 400_00)
    assert (pair.before.name, pair.after.name) == ("乙项目", "乙项目（改名）")
    assert pair.before.light == Light.YELLOW and pair.after.light == Light.GREEN


def row(pid, code, region, light, month, ytd, plan, period=JUNE):
    lagging = lags(ytd, plan, period.month)
    return RoundRow(pid, code, f"项目{code}", region, light, month, ytd, plan, lagging)


def test_added_removed_and_plan_changes_between_rounds():
    """Rounds as a closed round or a new year's list give them: 2 leaves the list, 4 joins,
    3's plan is cut from 1200 to 600 (so it stops lagging), regions follow each round."""
    g, y = Light.GREEN, Light.YELLOW
    before = Round(
        MAY,
        {
            1: row(1, "A1", "龙山区", g, 100_00, 500_00, 1200_00, MAY),
            2: row(2, "A2", "西安区", g, 50_00, 300_00, 600_00, MAY),
            3: row(3, "A3", "龙山区", y, 0, 200_00, 1200_00, MAY),
        },
    )
    after = Round(
        JUNE,
        {
            1: row(1, "A1", "龙山区", g, 100_00, 600_00, 1200_00),
            3: row(3, "A3", "东丰县", g, 100_00, 300_00, 600_00),
            4: row(4, "A0", None, Light.NONE, 10_00, 10_00, None),
        },
    )
    c = compare_rounds(before, after, {1: 100_00, 3: 0}, {1: 80_00}, region_order=["龙山区"])
    assert [r.id for r in c.added] == [4] and [r.id for r in c.removed] == [2]
    assert [(p.before.plan, p.after.plan) for p in c.plan_changes] == [(1200_00, 600_00)]
    assert [p.after.id for p in c.recovered] == [3] and c.newly_lagging == ()
    assert [p.after.id for p in c.light_changes] == [3]
    assert [x.row.code for x in c.investment] == ["A0", "A1", "A3"]  # 项目编号 order
    assert [x.ytd_before for x in c.investment] == [None, 500_00, 200_00]
    labels = [line.label for line in c.counties]
    assert labels == ["龙山区", "东丰县", "西安区", "未填写"]  # code list, others, empty last
    lines = {line.label: line for line in c.counties}
    assert (lines["西安区"].before.count, lines["西安区"].after.count) == (1, 0)
    assert (lines["东丰县"].before.count, lines["东丰县"].after.count) == (0, 1)
    assert (lines["龙山区"].before.plan, lines["龙山区"].after.plan) == (2400_00, 1200_00)
    assert c.both == 2
    assert dict(c.counts())["新列入名单"] == 1 and dict(c.counts())["移出名单"] == 1


@pytest.mark.parametrize(("earlier", "later"), [("2022-05", "2022-06"), ("2021-06", "2022-06")])
def test_totals_match_the_store_to_the_cent(demo, earlier, later):
    e, lt = P.parse(earlier), P.parse(later)
    c = compare(demo, e, lt)
    after, before = demo.figures(lt), demo.figures(e)
    assert len(c.later.rows) == len(after) and len(c.earlier.rows) == len(before)
    month = sum((f.month or D(0) for f in after.values()), D(0))
    assert D(c.totals()["month"]).scaleb(-2) == month
    assert D(c.total_after.ytd).scaleb(-2) == sum((f.ytd for f in after.values()), D(0))
    assert D(c.total_before.ytd).scaleb(-2) == sum((f.ytd for f in before.values()), D(0))
    assert sum(line.after.ytd for line in c.counties) == c.total_after.ytd
    assert sum(line.before.count for line in c.counties) == len(before)
    previous = demo.figures(lt.shift(-1))
    assert D(c.totals()["last_month"]).scaleb(-2) == sum(
        (f.month or D(0) for f in previous.values()), D(0)
    )
    year_ago = demo.figures(lt.shift(-12))
    assert D(c.totals()["last_year"]).scaleb(-2) == sum(
        (f.month or D(0) for f in year_ago.values()), D(0)
    )
    lag = sum(1 for f in after.values() if f.lagging)
    assert c.total_after.lagging == lag
    lagging_before = {pid for pid, f in before.items() if f.lagging}
    lagging_after = {pid for pid, f in after.items() if f.lagging}
    assert {p.after.id for p in c.newly_lagging} == lagging_after - lagging_before
    assert {p.after.id for p in c.recovered} == lagging_before - lagging_after
    assert {p.after.id for p in c.light_changes} == {
        pid for pid in after if after[pid].light != before[pid].light
    }
