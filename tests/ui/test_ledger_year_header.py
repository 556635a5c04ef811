"""The ledger keeps a plan per year: the table's plan column says which year it shows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.domain.periods import Period
from desktop_app.ui.models.project import COLUMN_INDEX


def test_the_plan_column_names_the_year_of_the_period_in_view(make_window, demo_copy):
    from desktop_app.store import Store

    store = Store.open(demo_copy, user="测试员")
    try:
        window = make_window(store)
        column = COLUMN_INDEX["annual_plan"]

        def header() -> str:
            return window.model.headerData(column, Qt.Orientation.Horizontal)

        window.set_period(Period(2022, 6))
        window.wait_loaded()
        assert header() == "2022年计划投资(万元)"
        window.set_period(Period(2021, 12))
        window.wait_loaded()
        assert header() == "2021年计划投资(万元)"
        assert (
            window.model.headerData(COLUMN_INDEX["total_investment"], Qt.Orientation.Horizontal)
            == "总投资(万元)"
        )
    finally:
        store.close()
