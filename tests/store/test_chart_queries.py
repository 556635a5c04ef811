"""The raw whole-portfolio queries the charts aggregate."""

from decimal import Decimal as D

import pytest

from desktop_app.domain.periods import Period as P
from desktop_app.store import MonthlyReport


def test_project_columns_are_raw_values_in_id_order(store):
    a = store.find_project("LY2022-001")
    store.update_project(a.id, {"annual_plan": D("1234.56"), "lists": ["路桥工程"]})
    rows = store.project_columns(("id", "code", "annual_plan", "lists", "search_key"))
    assert [r[0] for r in rows] == sorted(p.id for p in store.projects())
    row = next(r for r in rows if r[0] == a.id)
    assert row[1] == "LY2022-001"
    assert row[2] == 123456  # whole 百元
    assert row[3] == '["路桥工程"]'
    assert "xdgt" in row[4]


def test_project_columns_refuse_unknown_names(store):
    with pytest.raises(ValueError):
        store.project_columns(("id", "name; DROP TABLE projects"))
    with pytest.raises(ValueError):
        store.project_columns(())


def test_monthly_amounts_between_two_periods(store):
    a, b = store.projects()[:2]
    store.save_monthly_reports(
        [
            MonthlyReport(a.id, "2021-12", D("1.00")),
            MonthlyReport(a.id, "2022-01", D("100.25")),
            MonthlyReport(b.id, "2022-03", D("7")),
            MonthlyReport(b.id, "2022-04", None, progress_pct=10.0),  # no amount
            MonthlyReport(b.id, "2022-07", D("9")),
        ]
    )
    rows = store.monthly_amounts(P(2022, 1), P(2022, 6))
    assert sorted(rows) == sorted([(a.id, "2022-01", 10025), (b.id, "2022-03", 700)])
    assert store.monthly_amounts(P(2023, 1), P(2023, 6)) == []
