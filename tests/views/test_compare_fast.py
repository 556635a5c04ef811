"""The comparison's fast path (the figures of a whole round worked out as numpy columns) gives
every project of the 300-project sample exactly what Store.figures and the project-by-project
rule say -- with monthly plans (月度计划分解), a closed round, and thresholds off the defaults."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from desktop_app.domain import derived
from desktop_app.domain.derived import LightThresholds
from desktop_app.domain.periods import Period as P
from desktop_app.views.compare import compare, read_round

MAY, JUNE = P(2022, 5), P(2022, 6)

#: The figures of every project the way the store worked them out before the fast path:
#: one report seek and one call of derived.cents_rule per project.
REFERENCE_SQL = """
SELECT p.id, y.annual_plan, p.planned_start, p.actual_start, p.status,
       m.period, m.month_investment, m.ytd_investment, m.cum_investment
FROM projects p
JOIN project_years y ON y.project_id = p.id AND y.year = ? AND y.on_list = 1
LEFT JOIN monthly_reports m ON m.id = (
    SELECT id FROM monthly_reports
    WHERE project_id = p.id AND period <= ? ORDER BY period DESC LIMIT 1)
"""


def reference(store, period, t):
    rule = derived.cents_rule(period, t)
    plans = store.monthly_plan_cents(period.year)
    out = {}
    for pid, plan, ps, act, status, last, month, ytd, cum in store.conn.execute(
        REFERENCE_SQL, (period.year, str(period))
    ):
        planned = derived.planned_cumulative(plans[pid], period.month) if pid in plans else None
        args = (last, ytd, cum, plan, ps, act, status)
        light, ytd, cum = rule(*args, planned) if planned is not None else rule(*args)
        reported = last == str(period)
        out[pid] = (light, month if reported else None, ytd, cum, plan, reported, planned)
    return out


@pytest.fixture(scope="module")
def ledger(demo):
    """The sample with monthly plans for 2022 (one ahead, one behind, one exactly on a
    boundary) and May 2022 closed."""
    listed = [
        pid
        for pid, plan in demo.conn.execute(
            "SELECT project_id, annual_plan FROM project_years "
            "WHERE year = 2022 AND on_list = 1 AND annual_plan > 0 ORDER BY project_id"
        )
    ]
    for pid, monthly in zip(listed[:3], (D(1), D(100000), D(50)), strict=True):
        demo.set_monthly_plan(pid, 2022, {f"2022-{m:02d}": monthly for m in range(1, 13)})
    assert len(demo.monthly_plan_cents(2022)) == 3
    demo.close_period(MAY, backup=False)
    return demo


THRESHOLDS = [None, LightThresholds(D(8), D(25), 1), LightThresholds(D("12.5"), D("33.3"))]


@pytest.mark.parametrize("t", THRESHOLDS)
@pytest.mark.parametrize("period", ["2022-06", "2022-01", "2021-12", "2020-03"])
def test_figure_rows_are_the_project_by_project_rule(ledger, period, t):
    p = P.parse(period)
    expected = reference(ledger, p, t)
    rows = list(ledger.figure_rows(p, t))
    assert len(rows) == len(expected) > 0
    for pid, light, month, ytd, cum, plan, _total, reported in rows:
        assert (light, month, ytd, cum, plan, reported) == expected[pid][:6], pid


@pytest.mark.parametrize("t", THRESHOLDS)
@pytest.mark.parametrize("period", ["2022-06", "2022-01", "2021-12"])
def test_an_open_round_is_store_figures_for_every_project(ledger, period, t):
    p = P.parse(period)
    figures = ledger.figures(p, t)
    rows = read_round(ledger, p, t).rows
    assert set(rows) == set(figures) and len(rows) > 250
    names = {
        pid: (c, n, r) for pid, c, n, r in ledger.project_columns(("id", "code", "name", "region"))
    }
    for pid, row in rows.items():
        f = figures[pid]
        assert (row.code, row.name, row.region) == names[pid]
        assert row.light is f.light and row.lagging is f.lagging, pid
        assert (None if row.month is None else D(row.month) / 100) == f.month
        assert D(row.ytd) / 100 == f.ytd


def test_the_months_with_a_monthly_plan_judge_by_it(ledger):
    """The three planned projects: their light and 滞后 follow the plan, not month / 12."""
    plans = ledger.monthly_plan_cents(2022)
    rows = read_round(ledger, JUNE).rows
    expected = reference(ledger, JUNE, None)
    for pid in plans:
        light, _month, ytd, _cum, _plan, _reported, planned = expected[pid]
        assert planned == sum(plans[pid].values()) // 2  # six of twelve equal months
        assert rows[pid].light is light
        assert rows[pid].lagging is (ytd < planned)


def test_a_comparison_of_a_closed_and_an_open_round_is_the_figures(ledger):
    c = compare(ledger, MAY, JUNE)
    assert c.earlier.frozen and not c.later.frozen
    frozen = ledger.frozen_round(MAY).figures()
    june = ledger.figures(JUNE)
    for pid, row in c.earlier.rows.items():
        assert row.light is frozen[pid].light and D(row.ytd) / 100 == frozen[pid].ytd
    for pid, row in c.later.rows.items():
        assert row.light is june[pid].light and row.lagging is june[pid].lagging
    changed = {pair.id for pair in c.light_changes}
    both = set(c.earlier.rows) & set(c.later.rows)
    assert changed == {pid for pid in both if frozen[pid].light is not june[pid].light}
    assert changed  # the sample changes some lights from May to June


def test_two_open_rounds_of_one_year_read_together_are_read_apart(ledger):
    """April and June (one statement for both) against each round read on its own."""
    april = P(2022, 4)
    c = compare(ledger, april, JUNE)
    assert dict(c.earlier.rows) == dict(read_round(ledger, april).rows)
    assert dict(c.later.rows) == dict(read_round(ledger, JUNE).rows)
    figures = ledger.figures(april)
    assert {pid for pid, r in c.earlier.rows.items() if r.lagging} == {
        pid for pid, f in figures.items() if f.lagging
    }


@pytest.mark.parametrize("t", THRESHOLDS)
def test_the_column_rule_is_the_project_rule_at_every_boundary(t):
    """Every 本年累计 from 0 to above the plan, every month, with and without a monthly plan,
    an overdue start and huge amounts (Python integers): the column rule and
    derived.cents_rule agree on each (exactly 10 and 30 points behind included)."""
    from desktop_app.store.figure_columns import figure_columns

    for month in (1, 5, 6, 12):
        period = P(2022, month)
        rule = derived.cents_rule(period, t)
        rows, plans = [], {}
        for ytd in range(0, 1301, 5):
            for plan in (1200, 0, None, 10**17):
                pid = len(rows) + 1
                start = "2021-03-01" if ytd % 7 == 0 else None
                # COLUMNS_SQL's row: a 前期 project, not started, its newest report 2022-01
                rows.append((pid, plan, None, start, month == 1, ytd, ytd, ytd))
                if ytd % 3 == 0:
                    plans[pid] = {m: 100 for m in range(1, 13)}
        f = figure_columns(rows, period, t, plans)
        for (pid, plan, _t, start, _reported, _m, ytd, cum), light in zip(
            rows, f.lights, strict=True
        ):
            planned = month * 100 if pid in plans else None
            args = ("2022-01", ytd, cum, plan, start, None, "前期")
            want = rule(*args, planned)[0] if planned is not None else rule(*args)[0]
            assert light is want, (pid, month, ytd, plan, planned)


def test_a_closed_rounds_lagging_follows_the_monthly_plan_it_was_closed_with(ledger):
    """滞后 of a closed round is what its frozen figures say — by the monthly plan for the
    projects that had one at the close, not month / 12."""
    c = compare(ledger, MAY, JUNE)
    frozen = ledger.frozen_round(MAY).figures()
    for pid, row in c.earlier.rows.items():
        assert row.lagging is frozen[pid].lagging, pid
    planned = set(ledger.monthly_plan_cents(2022))
    assert planned <= set(c.earlier.rows)


def test_no_rows_no_figures():
    from desktop_app.store.figure_columns import figure_columns

    empty = figure_columns([], P(2022, 6), None, {})
    assert empty.ids == [] and empty.lights == [] and list(empty.rows()) == []
    assert len(empty.codes) == len(empty.lagging) == 0
