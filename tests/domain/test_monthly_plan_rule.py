"""序时进度 by month/12 and by a monthly plan (月度计划分解), hand-computed (issue 15, item 2)."""

from __future__ import annotations

from decimal import Decimal as D

from desktop_app.domain import derived
from desktop_app.domain.derived import Light, LightThresholds
from desktop_app.domain.periods import Period

T = LightThresholds()
JUNE = Period(2022, 6)


def test_planned_cumulative_sums_the_months_up_to_the_period():
    plan = {1: 100, 3: 300, 6: 600, 7: 700}
    assert derived.planned_cumulative(plan, 6) == 1000
    assert derived.planned_cumulative(plan, 2) == 100
    assert derived.planned_cumulative(plan, 12) == 1700


def test_planned_progress_is_the_planned_share_else_month_over_twelve():
    # plan 1200: 900 planned by June → 75%; without a monthly plan June → 6/12 = 50%
    assert derived.planned_progress({3: D(300), 6: D(600), 9: D(300)}, D(1200), JUNE) == D("0.75")
    assert derived.planned_progress(None, D(1200), JUNE) == D("0.5")
    assert derived.planned_progress({3: D(300)}, None, JUNE) == D("0.5")  # no annual plan


def test_the_plan_light_counts_points_behind_the_planned_cumulative():
    # annual plan 1200 (120000 百元), 900 planned by June (90000), done 600 (60000):
    # (900 − 600) / 1200 = 25 points behind → yellow; by month/12 (600 of 600 due) → green
    assert derived.plan_light_from_cents(60000, 120000, 90000, T) is Light.YELLOW
    assert derived.light_from_cents(60000, 120000, 6, T) is Light.GREEN
    # 1200 planned by June, 600 done: 50 points behind → red
    assert derived.plan_light_from_cents(60000, 120000, 120000, T) is Light.RED
    # exactly 10 points behind (720 planned, 600 done) is yellow, 9.99… green
    assert derived.plan_light_from_cents(60000, 120000, 72000, T) is Light.YELLOW
    assert derived.plan_light_from_cents(60000, 120000, 71999, T) is Light.GREEN
    # exactly 30 behind (960 planned) is yellow, above it red
    assert derived.plan_light_from_cents(60000, 120000, 96000, T) is Light.YELLOW
    assert derived.plan_light_from_cents(60000, 120000, 96001, T) is Light.RED
    # ahead of a back-loaded plan: green; no annual plan: no light
    assert derived.plan_light_from_cents(60000, 120000, 10000, T) is Light.GREEN
    assert derived.plan_light_from_cents(60000, None, 10000, T) is Light.NONE


def test_project_figures_follow_the_monthly_plan_and_agree_with_the_fast_rule():
    monthly = {Period(2022, m): D(100) for m in range(1, 7)}  # 600 done by June
    plan = {m: D(150) for m in range(1, 7)}  # 900 planned by June
    by_time = derived.project_figures(monthly, JUNE, annual_plan=D(1200), total_investment=None)
    by_plan = derived.project_figures(
        monthly, JUNE, annual_plan=D(1200), total_investment=None, monthly_plan=plan
    )
    assert (by_time.time_progress, by_time.light, by_time.lagging) == (D("0.5"), Light.GREEN, False)
    assert (by_plan.time_progress, by_plan.light, by_plan.lagging) == (
        D("0.75"),
        Light.YELLOW,
        True,
    )
    rule = derived.cents_rule(JUNE)
    assert rule("2022-06", 60000, 60000, 120000, None, None, "在建")[0] is Light.GREEN
    assert rule("2022-06", 60000, 60000, 120000, None, None, "在建", 90000)[0] is Light.YELLOW


def test_a_start_overdue_is_red_by_either_rule():
    rule = derived.cents_rule(JUNE)
    light = rule(None, None, None, 120000, "2022-01", None, "前期", 0)[0]
    assert light is Light.RED


def test_both_rules_are_named():
    assert "月数÷12" in derived.TIME_RULE
    assert "月度计划" in derived.PLAN_RULE
