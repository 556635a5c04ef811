"""A dashboard snapshot built on the ledger table's rows (no second copy of 100,000 projects)
shows exactly what one read from the store shows, for any period, thresholds and filter."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from desktop_app.domain.derived import LightThresholds
from desktop_app.domain.periods import Period as P
from desktop_app.ui.models.project import ProjectTableModel
from desktop_app.views.dashboard import dashboard_data
from desktop_app.views.portfolio import load_portfolio
from tests.views.test_chart_portfolio_store import QUERIES


@pytest.fixture(scope="module")
def loaded(demo, qapp):
    model = ProjectTableModel(demo)  # the ledger of the default period (2022-06)
    rows = model.loaded_rows()
    assert rows is not None and rows.period == P(2022, 6)
    return rows


def by_id(snapshot):
    region, status = snapshot.categories["region"], snapshot.categories["status"]
    return {
        int(pid): (
            snapshot.codes[i],
            snapshot.names[i],
            region.labels[region.codes[i]],
            status.labels[status.codes[i]],
            snapshot.lists[i],
            int(snapshot.plan[i]),
            tuple(snapshot.months[i].tolist()),
            int(snapshot.lights[i]),
            int(snapshot.code_rank[i]),
        )
        for i, pid in enumerate(snapshot.ids.tolist())
    }


@pytest.mark.parametrize(
    ("period", "thresholds"),
    [
        ("2022-06", LightThresholds()),  # the ledger's own lights are reused
        ("2022-06", LightThresholds(yellow_points=D(8), red_points=D(25))),
        ("2021-12", LightThresholds()),
        ("2020-03", LightThresholds()),
    ],
)
def test_shared_rows_give_the_same_snapshot(demo, loaded, period, thresholds):
    p = P.parse(period)
    shared = load_portfolio(demo, p, thresholds, loaded=loaded)
    own = load_portfolio(demo, p, thresholds)
    assert by_id(shared) == by_id(own)
    assert shared.reported_months == own.reported_months
    for query in QUERIES:
        assert set(shared.ids[shared.mask(query)].tolist()) == set(
            own.ids[own.mask(query)].tolist()
        ), query
        assert dashboard_data(shared, query) == dashboard_data(own, query), query
