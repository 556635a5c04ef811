"""Derived figures against hand-computed cases."""

from decimal import Decimal as D

import pytest

from desktop_app.domain.derived import (
    Light,
    LightThresholds,
    completion_rate,
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
