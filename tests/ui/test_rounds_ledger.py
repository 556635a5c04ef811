"""The ledger table of a closed period shows the figures the period was closed with, as its
reports and dashboard do — also for a project whose plan is changed afterwards."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.domain.periods import Period
from desktop_app.store import Store
from desktop_app.ui.models.project import COLUMN_INDEX

JUNE = Period(2022, 6)


def cells(window, pid: int) -> tuple:
    model, row = window.model, window.page.visible_ids().index(pid)
    return tuple(model.index(row, COLUMN_INDEX[key]).data() for key in ("light", "ytd", "rate"))


def test_a_closed_periods_ledger_figures_stay_after_a_plan_change(make_window, demo_copy):
    store = Store.open(demo_copy, user="测试员")
    try:
        planned = [p for p in store.projects(JUNE.year) if p.annual_plan and p.on_list]
        project = planned[0]
        store.close_period(JUNE, backup=False)
        window = make_window(store)
        window.set_period(JUNE)
        window.wait_loaded()
        before = cells(window, project.id)
        assert before[2]  # a completion rate is shown

        window.editor.update_project(
            project.id, {"annual_plan": project.annual_plan * 4 + Decimal("1.00")}
        )
        window.wait_loaded()
        assert cells(window, project.id) == before  # the edited row: the frozen figures
        window.refresh()
        window.wait_loaded()
        assert cells(window, project.id) == before  # and reloaded

        store.reopen_period(JUNE, reason="更正计划")
        window.refresh()
        window.wait_loaded()
        assert cells(window, project.id)[2] != before[2]  # open again: the new plan counts
    finally:
        store.close()
