"""First launch: the window opens on the period that has data, the dashboard of a ledger
without amounts says what to do next (and its buttons do it), and the window has one
调度期间 — the toolbar's — that the dashboard follows."""

import shutil
from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.periods import Period
from desktop_app.paths import data_dir
from desktop_app.store import MonthlyReport, Store
from desktop_app.ui.dashboard.hint import DEMO_FILE


def dashboard_of(qtbot, window):
    window.show_dashboard()
    board = window.dashboard_tab.ensure()
    assert board.wait_until_ready()
    qtbot.waitUntil(lambda: board.data is not None and board.data.period == board.period)
    return board


def click(qtbot, button):
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose_in_toolbar(window, period: str):
    combo = window.period_combo
    index = combo.findData(period)
    assert index >= 0, period
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_the_shipped_portfolio_opens_on_its_year_with_a_hint(qtbot, make_window, store):
    window = make_window(store)
    assert window.current_period() == Period(2022, 12)
    assert window.period_combo.currentText() == "2022年12月"
    board = dashboard_of(qtbot, window)
    assert board.period == Period(2022, 12)
    hint = board.next_steps
    assert hint.isVisible()
    assert "51 个项目都还没有年度计划投资" in hint.text.text()
    assert "keyprojects demo --projects 300" in hint.command.text()
    assert [b.text() for b in (hint.plans_button, hint.monthly_button, hint.import_button)] == [
        "录入年度计划…",
        "填报月度调度",
        "导入台账…",
    ]


def test_a_ledger_reported_in_october_opens_on_october(qtbot, make_window, store, set_amounts):
    project = set_amounts(store, "LY2022-001", "5000", "1200")
    store.save_monthly_report(MonthlyReport(project.id, "2022-10", D("300")))
    window = make_window(store)
    assert window.current_period() == Period(2022, 10)
    assert window.period_combo.currentText() == "2022年10月"
    board = dashboard_of(qtbot, window)
    assert board.period == Period(2022, 10)
    assert board.data.ytd == D("300")
    assert not board.next_steps.isVisible()  # there is something to chart


def test_the_plans_button_opens_a_project_at_its_annual_plan(qtbot, make_window, store):
    window = make_window(store)
    board = dashboard_of(qtbot, window)
    click(qtbot, board.next_steps.plans_button)
    dialog = window.dialog
    assert dialog is not None and dialog.isVisible()
    assert window.tabs.currentWidget() is window.page
    shown = store.get_project(window.current_project_id())
    assert dialog.windowTitle() == f"编辑项目 — {shown.name}"
    qtbot.waitUntil(lambda: dialog.editors["annual_plan"].hasFocus())


def test_the_monthly_and_import_buttons(qtbot, make_window, store):
    from desktop_app.ui.dialogs.import_wizard import ImportWizard

    window = make_window(store)
    board = dashboard_of(qtbot, window)
    click(qtbot, board.next_steps.monthly_button)
    assert window.tabs.currentWidget() is window.monthly
    window.show_dashboard()
    click(qtbot, board.next_steps.import_button)
    wizards = [w for w in window.findChildren(ImportWizard) if w.isVisible()]
    assert len(wizards) == 1
    wizards[0].reject()


def test_the_hint_goes_once_there_are_amounts(qtbot, make_window, store):
    window = make_window(store)
    board = dashboard_of(qtbot, window)
    assert board.next_steps.isVisible()
    project = store.find_project("LY2022-002")
    window.editor.update_project(project.id, {"annual_plan": D("800")})
    qtbot.waitUntil(lambda: not board.next_steps.isVisible())
    assert board.data.plan == D("800")


def test_an_empty_ledger_offers_import_and_a_new_project(qtbot, make_window, empty_store):
    window = make_window(empty_store)
    board = dashboard_of(qtbot, window)
    hint = board.next_steps
    assert hint.isVisible() and "还没有项目" in hint.text.text()
    assert not hint.monthly_button.isVisible()
    assert hint.plans_button.text() == "新增项目…"
    click(qtbot, hint.plans_button)
    assert window.dialog is not None and window.dialog.isVisible()
    assert window.dialog.windowTitle() == "新增项目"


def test_the_sample_ledger_button_writes_the_demo_and_opens_it(qtbot, make_window, store):
    window = make_window(store)
    opened = []
    window.open_ledger_file = opened.append  # what 文件 › 打开台账 offers
    board = dashboard_of(qtbot, window)
    click(qtbot, board.next_steps.demo_button)
    path = data_dir() / DEMO_FILE
    assert opened == [path]
    sample = Store.open(path, user="测试员")
    try:
        assert sample.project_count() == 300 and sample.periods()
    finally:
        sample.close()


def test_the_sample_ledger_opens_through_the_file_menus_switch(qtbot, make_window, store):
    window = make_window(store)
    if getattr(window, "files", None) is None:
        pytest.skip("this window cannot open other ledgers")
    switched = []
    window.files.switch_to = switched.append  # 文件 › 打开台账's way of showing another ledger
    board = dashboard_of(qtbot, window)
    click(qtbot, board.next_steps.demo_button)
    assert switched == [data_dir() / DEMO_FILE]
    assert (data_dir() / DEMO_FILE).exists()


def test_a_window_that_cannot_open_files_offers_the_command(qtbot, make_window, store):
    window = make_window(store)
    files, window.files = getattr(window, "files", None), None  # as before 打开台账 existed
    try:
        board = dashboard_of(qtbot, window)
        assert not board.next_steps.demo_button.isVisible()
        assert "keyprojects --db 示例台账.sqlite" in board.next_steps.command.text()
    finally:
        window.files = files


# ------------------------------------------------------------------ one period (item 9)
@pytest.fixture
def demo_window(make_window, demo_path, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_path, path)
    store = Store.open(path, user="测试员")
    yield make_window(store)
    store.close()


def test_the_window_has_one_period_chooser(qtbot, demo_window):
    window = demo_window
    board = dashboard_of(qtbot, window)
    assert not board.period_box.isVisibleTo(window)  # no second 调度期间 on the dashboard
    assert window.period_combo.isVisibleTo(window)
    choose_in_toolbar(window, "2021-12")
    assert window.current_period() == board.period == Period(2021, 12)
    qtbot.waitUntil(lambda: board.summary.text().startswith("2021年12月"))
    assert len(board.data.s_curve.actual) == 12
    window.set_period(Period(2022, 3))
    assert board.period == Period(2022, 3)
    assert window.period_combo.currentText() == "2022年3月"
    assert board.data.time_progress == D(3) / D(12)


def test_a_period_chosen_before_the_dashboard_is_opened_is_its_period(qtbot, demo_window):
    window = demo_window
    choose_in_toolbar(window, "2022-02")
    board = dashboard_of(qtbot, window)
    assert board.period == Period(2022, 2)
    assert board.summary.text().startswith("2022年2月")
