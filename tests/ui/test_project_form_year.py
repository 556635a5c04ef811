"""The project form shows and edits the values of the window's period's year, and says which
year and which 序时进度 rule (issue 15, items 1, 2 and 6)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QLineEdit

from desktop_app.domain.periods import Period


def test_the_form_edits_the_plan_of_the_year_in_view(make_window, store):
    project = store.find_project("LY2022-001")
    store.set_project_year(project.id, 2021, {"annual_plan": Decimal("500")})
    store.update_project(project.id, {"annual_plan": Decimal("1200")}, year=2022)
    window = make_window(store)
    combo = window.period_combo
    periods = [combo.itemData(i) for i in range(combo.count())]
    assert periods[0] == "2022-12" and periods[-1] == "2021-01"  # the years with lists
    assert len(periods) == 24

    window.set_period(Period(2021, 12))
    window.wait_loaded()
    dialog = window.edit_project(project.id)
    plan = dialog.editors["annual_plan"]
    assert isinstance(plan, QLineEdit)
    assert plan.text() == "500.00"
    assert "2021 年" in dialog.year_note.text()
    assert "月数÷12" in dialog.year_note.text()
    plan.setText("600")
    assert dialog.try_save()
    assert store.get_project(project.id, 2021).annual_plan == Decimal("600")
    assert store.get_project(project.id, 2022).annual_plan == Decimal("1200")

    window.set_period(Period(2022, 12))
    window.wait_loaded()
    dialog = window.edit_project(project.id)
    assert dialog.editors["annual_plan"].text() == "1,200.00"
    assert "2022 年" in dialog.year_note.text()
    dialog.reject()


def test_the_form_names_the_monthly_plan_rule_when_there_is_one(make_window, store):
    project = store.find_project("LY2022-002")
    store.update_project(project.id, {"annual_plan": Decimal("1200")}, year=2022)
    store.set_monthly_plan(project.id, 2022, {"2022-06": Decimal("600")})
    window = make_window(store)
    dialog = window.edit_project(project.id)
    assert "月度计划分解" in dialog.year_note.text()
    dialog.grab().save("/tmp/form_year.png")
    dialog.reject()


def test_a_project_off_the_years_list_is_not_in_its_monthly_grid(make_window, store):
    victim = store.find_project("LY2022-003")
    store.set_project_year(victim.id, 2022, {"on_list": False})
    window = make_window(store)
    window.tabs.setCurrentIndex(1)  # the monthly grid
    window.wait_loaded()
    grid = window.monthly
    assert grid.model.rowCount() == 50  # 51 projects, one off 2022's list
    assert window.model.rowCount() == 51  # the ledger itself still lists every project


def test_the_ledger_export_from_the_window_uses_the_year_in_view(qtbot, store, settings):
    from desktop_app.ui.dialogs.export import ExportDialog

    dialog = ExportDialog(store, settings=settings, period=Period(2021, 12))
    qtbot.addWidget(dialog)
    dialog.report_box.setCurrentIndex(dialog.report_box.findData("ledger"))
    assert dialog.kind == "ledger"
    assert dialog.options()["period"] == Period(2021, 12)
