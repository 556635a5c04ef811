"""Derived figures against hand-computed cases."""

from decimal import Decimal as D

import pytest

from desktop_app.domain.derived import (
    Light,
    LightThresholds,
    cents_rule,
    completion_rate,
    figures_from_cents,
    is_lagging,
    light_counts,
    project_figures,
    since_start_completed,
    start_overdue,
    status_light,
    time_progress,
    ytd_completed,
)
from desktop_app.domain.periods import Period as P

MONTHLY = {
    P(2021, 11): D("50"),
    P(2021, 12): D("70"),
    P(2022, 1): D("100"),
    P(2022, 2): D("0"),
    # March not reported
    P(2022, 4): D("250.55"),
    P(2022, 7): D("999"),  # after the period asked for
}


def test_ytd_sums_only_this_year_up_to_the_period():
    assert ytd_completed(MONTHLY, P(2022, 6)) == D("350.55")
    assert ytd_completed(MONTHLY, P(2022, 1)) == D("100")  # January
    assert ytd_completed(MONTHLY, P(2022, 12)) == D("1349.55")  # December
    assert ytd_completed(MONTHLY, P(2021, 12)) == D("120")
    assert ytd_completed({}, P(2022, 6)) == D("0")


def test_since_start_crosses_years():
    assert since_start_completed(MONTHLY, P(2022, 6)) == D("470.55")


def test_time_progress_is_months_elapsed_over_twelve():
    assert time_progress(P(2022, 6)) == D("0.5")
    assert time_progress(P(2022, 12)) == D("1")
    assert time_progress(P(2022, 1)) == D(1) / D(12)


def test_completion_rate_none_without_plan_or_zero_plan():
    assert completion_rate(D("350"), D("1000")) == D("0.35")
    assert completion_rate(D("350"), None) is None
    assert completion_rate(D("350"), D("0")) is None


@pytest.mark.parametrize(
    ("ytd", "plan", "period", "light"),
    [
        ("500", "1000", (2022, 6), Light.GREEN),  # on time
        ("410", "1000", (2022, 6), Light.GREEN),  # 9 points behind
        ("400", "1000", (2022, 6), Light.YELLOW),  # exactly 10 behind
        ("200", "1000", (2022, 6), Light.YELLOW),  # exactly 30 behind
        ("199", "1000", (2022, 6), Light.RED),  # 30.1 behind
        ("0", "1000", (2022, 1), Light.GREEN),  # January: 8.3 points behind
        ("0", "1000", (2022, 2), Light.YELLOW),  # 16.7 behind
        ("1000", "1000", (2022, 12), Light.GREEN),  # December, done
        ("690", "1000", (2022, 12), Light.RED),  # December, 31 behind
        ("100", None, (2022, 6), Light.NONE),  # no plan
        ("100", "0", (2022, 6), Light.NONE),  # plan of 0
    ],
)
def test_status_light(ytd, plan, period, light):
    rate = completion_rate(D(ytd), D(plan) if plan is not None else None)
    assert status_light(rate, P(*period)) == light


def test_light_thresholds_come_from_settings():
    rate = D("0.45")  # 5 points behind in June
    assert status_light(rate, P(2022, 6)) == Light.GREEN
    strict = LightThresholds(yellow_points=D(5), red_points=D(20))
    assert status_light(rate, P(2022, 6), thresholds=strict) == Light.YELLOW
    with pytest.raises(ValueError):
        LightThresholds(yellow_points=D(40), red_points=D(30))


def test_planned_start_three_months_past_without_start_is_red():
    # planned start March 2022: at June (3 months on) and not started → red even with no plan
    assert start_overdue("2022-03", None, "前期", P(2022, 6))
    assert not start_overdue("2022-03", None, "前期", P(2022, 5))
    assert not start_overdue("2022-03", "2022-04-02", "前期", P(2022, 6))
    assert not start_overdue("2022-03", None, "在建", P(2022, 6))
    assert not start_overdue(None, None, None, P(2022, 6))
    light = status_light(None, P(2022, 6), planned_start="2022-03-20", status="前期")
    assert light == Light.RED
    relaxed = LightThresholds(start_overdue_months=6)
    assert status_light(None, P(2022, 6), planned_start="2022-03", thresholds=relaxed) == Light.NONE


def test_lagging_is_rate_below_time_share():
    assert is_lagging(D("0.49"), P(2022, 6))
    assert not is_lagging(D("0.5"), P(2022, 6))
    assert not is_lagging(None, P(2022, 6))


def test_project_figures_bundle():
    f = project_figures(MONTHLY, P(2022, 3), annual_plan=D("1000"), total_investment=D("4705.5"))
    assert f.ytd == D("100")
    assert f.since_start == D("220")
    assert f.annual_rate == D("0.1")
    assert f.total_share == D("220") / D("4705.5")
    assert f.month is None and f.reported is False  # March was not reported
    assert f.light == Light.YELLOW  # 25 - 10 = 15 points behind
    assert f.lagging


def test_light_counts_include_zeros():
    counts = light_counts([Light.RED, Light.RED, Light.GREEN])
    assert counts == {Light.GREEN: 1, Light.YELLOW: 0, Light.RED: 2, Light.NONE: 0}


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from desktop_app.domain.derived import light_from_cents  # noqa: E402


@given(
    ytd=st.integers(0, 10**10),
    plan=st.one_of(st.none(), st.integers(0, 10**10)),
    month=st.integers(1, 12),
    yellow=st.decimals(0, 50, places=1),
    extra=st.decimals(0, 50, places=1),
)
def test_integer_light_path_equals_the_decimal_rule(ytd, plan, month, yellow, extra):
    t = LightThresholds(yellow_points=yellow, red_points=yellow + extra)
    rate = completion_rate(D(ytd), D(plan) if plan is not None else None)
    assert light_from_cents(ytd, plan, month, t) == status_light(rate, P(2022, month), thresholds=t)


@pytest.mark.parametrize(
    ("ytd", "expected"),
    [(400, Light.YELLOW), (200, Light.YELLOW), (199, Light.RED), (410, Light.GREEN)],
)
def test_integer_light_path_boundaries(ytd, expected):
    assert light_from_cents(ytd, 1000, 6, LightThresholds()) == expected


# ------------------------------------------------- the store's fast path, in whole 百元
def test_cents_rule_takes_the_running_sums_of_the_newest_report():
    rule = cents_rule(P(2022, 6))
    # report of May 2022: 本年累计 300 万元, 开工以来 500 万元, plan 1000 万元 → 30% at 50%
    assert rule("2022-05", 30000, 50000, 100000, None, None, "在建") == (Light.YELLOW, 30000, 50000)
    # newest report is of last year: nothing done this year yet, 开工以来 carried over
    assert rule("2021-12", 90000, 120000, 100000, None, None, "在建") == (Light.RED, 0, 120000)
    # no report at all
    assert rule(None, None, None, 100000, None, None, None) == (Light.RED, 0, 0)
    assert rule(None, None, None, None, None, None, None) == (Light.NONE, 0, 0)
    assert rule(None, None, None, 0, None, None, None) == (Light.NONE, 0, 0)


def test_cents_rule_boundaries_are_exact():
    rule = cents_rule(P(2022, 6))  # 时序进度 50%; plan 12.00 万元 = 1200 百元
    light = {
        ytd: rule("2022-06", ytd, ytd, 1200, None, None, None)[0] for ytd in (239, 240, 480, 481)
    }
    assert light[481] is Light.GREEN  # 9.92 points behind
    assert light[480] is Light.YELLOW  # exactly 10 behind
    assert light[240] is Light.YELLOW  # exactly 30 behind
    assert light[239] is Light.RED  # 30.08 behind
    strict = cents_rule(P(2022, 6), LightThresholds(D(5), D(15), 3))
    assert strict("2022-06", 420, 420, 1200, None, None, None)[0] is Light.YELLOW  # 15 behind
    assert strict("2022-06", 419, 419, 1200, None, None, None)[0] is Light.RED


def test_cents_rule_applies_the_start_rule_first():
    rule = cents_rule(P(2022, 6))
    # planned for February, not started by May (three months later): red, plan or not
    assert rule(None, None, None, None, "2022-02", None, "前期")[0] is Light.RED
    assert rule("2022-06", 1200, 1200, 1200, "2022-02", None, "前期")[0] is Light.RED
    assert rule(None, None, None, None, "2022-02", "2022-03", "前期")[0] is Light.NONE
    assert rule(None, None, None, None, "2022-02", None, "在建")[0] is Light.NONE
    assert rule(None, None, None, None, "2022-04", None, "前期")[0] is Light.NONE  # not yet due
    late = cents_rule(P(2022, 6), LightThresholds(start_overdue_months=5))
    assert late(None, None, None, None, "2022-02", None, "前期")[0] is Light.NONE


def test_cents_rule_agrees_with_status_light():
    for month in (1, 6, 12):
        period = P(2022, month)
        rule = cents_rule(period)
        for plan in (1, 7, 1200, 99999):
            for ytd in range(0, 2 * plan + 2, max(1, plan // 13)):
                expected = status_light(D(ytd) / D(plan), period)
                assert rule(str(period), ytd, ytd, plan, None, None, None)[0] is expected


def test_figures_from_cents_in_wan_and_exact_rates():
    f = figures_from_cents(P(2022, 6), 1250, 30000, 50000, 100000, 200000, Light.YELLOW, True)
    assert (f.month, f.ytd, f.since_start) == (D("12.50"), D("300.00"), D("500.00"))
    assert f.annual_rate == D("0.3") and f.total_share == D("0.25")
    assert f.time_progress == D("0.5") and f.lagging
    assert f.light is Light.YELLOW and f.reported and f.period == P(2022, 6)
    bare = figures_from_cents(P(2022, 3), None, 0, 0, None, 0, Light.NONE, False)
    assert bare.month is None and bare.ytd == D(0) and bare.since_start == D(0)
    assert bare.annual_rate is None and bare.total_share is None and not bare.lagging
    assert bare.time_progress == D(1) / D(4)
    ahead = figures_from_cents(P(2022, 6), 0, 60000, 60000, 100000, None, Light.GREEN, True)
    assert ahead.annual_rate == D("0.6") and not ahead.lagging
    given = figures_from_cents(
        P(2022, 6), 0, 60000, 60000, 100000, None, Light.GREEN, True, time_share=D("0.5")
    )
    assert given == ahead


def test_figures_from_cents_equal_project_figures():
    monthly = {P(2022, 1): D("100"), P(2022, 4): D("250.55"), P(2021, 12): D("70")}
    period = P(2022, 6)
    full = project_figures(monthly, period, annual_plan=D("1000"), total_investment=D("5000"))
    rule = cents_rule(period)
    light, ytd, cum = rule("2022-04", 35055, 42055, 100000, None, None, None)
    fast = figures_from_cents(period, None, ytd, cum, 100000, 500000, light, False)
    assert fast == full
