"""Who is writing: the first launch asks the office (填报单位, kept in the ledger) and the user's
name (修改人); both change in 设置 (issue 14, item 4)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from desktop_app.domain.periods import Period
from desktop_app.launch import open_ledger
from desktop_app.reports import export_report
from desktop_app.reports.form import DEFAULT_UNIT_NAME
from desktop_app.ui.app import _Launch
from desktop_app.ui.common.settings import Settings
from desktop_app.ui.dialogs.first_launch import FirstLaunchDialog, ask_on_first_launch
from desktop_app.ui.window.main_window import MainWindow

COUNTY = "东丰县发展和改革局"


@pytest.fixture
def fresh_settings(tmp_path: Path) -> Settings:
    """Settings as on a new computer: no user name given yet."""
    return Settings(tmp_path / "fresh.ini")


def launched(qtbot, path: Path, settings: Settings, *, smoke: bool = False):
    """The window as the app starts it: painted, then the ledger opened into it."""
    window = MainWindow.opening(path, settings)
    qtbot.addWidget(window)
    window.show()
    launch = _Launch(window, path, smoke, open_ledger, crash_handler=False)
    launch()
    qtbot.waitUntil(lambda: window.store is not None, timeout=30_000)
    window.wait_loaded()
    return window, launch


def header_unit(path: Path) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = list(book.worksheets[0].iter_rows(max_row=6, values_only=True))
    finally:
        book.close()
    return next(v for r in rows for v in r if isinstance(v, str) and v.startswith("填报单位："))


def test_the_first_launch_asks_who_is_writing(qtbot, ledger_path, fresh_settings, tmp_path):
    assert not fresh_settings.has_user_name
    window, launch = launched(qtbot, ledger_path, fresh_settings)
    try:
        dialog = window.findChild(FirstLaunchDialog)
        assert dialog is not None and dialog.isVisible() and dialog.isModal()
        assert dialog.office.text() == DEFAULT_UNIT_NAME  # prefilled from the ledger
        assert dialog.user_name.text() == ""
        dialog.accept()  # no name: asked again, nothing stored
        assert dialog.isVisible() and "请填写您的姓名" in dialog.message.text()
        assert not fresh_settings.has_user_name
        dialog.user_name.setText("李科员")
        dialog.office.setText(COUNTY)
        dialog.accept()
        assert not dialog.isVisible()
        store = window.store
        assert Settings(fresh_settings.file_name).user_name == "李科员"
        assert "修改人：李科员" in window.file_label.text()
        assert store.office_name() == COUNTY
        newest = store.history(limit=1)[0]
        assert newest.description == f"修改填报单位：{COUNTY}" and newest.user == "李科员"
        out = tmp_path / "台账.xlsx"
        export_report(store, "ledger", out, period=Period(2022, 6))
        assert header_unit(out).startswith(f"填报单位：{COUNTY}")
    finally:
        window.close()
        launch.release()


def test_it_is_not_asked_once_a_name_is_given_nor_in_smoke_mode(
    qtbot, ledger_path, settings, fresh_settings
):
    for given, smoke in ((settings, False), (fresh_settings, True)):
        window, launch = launched(qtbot, ledger_path, given, smoke=smoke)
        try:
            assert window.findChild(FirstLaunchDialog) is None
        finally:
            window.close()
            launch.release()


def test_later_keeps_the_login_name_and_says_so(qtbot, store, fresh_settings):
    window = MainWindow(store, fresh_settings)
    qtbot.addWidget(window)
    window.show()
    dialog = ask_on_first_launch(window)
    assert dialog is not None
    dialog.reject()
    assert not fresh_settings.has_user_name
    assert "请在“工具 ▸ 设置”中填写您的姓名" in window.statusBar().currentMessage()
    assert store.office_name() is None  # nothing written into the ledger
    assert ask_on_first_launch(window) is not None  # asked again next time


def test_the_settings_dialog_changes_the_office_in_the_ledger_and_its_history(
    make_window, store, tmp_path
):
    window = make_window(store)
    dialog = window.open_settings()
    assert dialog.office.text() == DEFAULT_UNIT_NAME
    assert dialog.user_name.text() == "张科员"
    dialog.office.setText(f"  {COUNTY} ")
    dialog.user_name.setText("刘主任")  # changed together: the change is the new name's
    dialog.accept()
    assert store.office_name() == COUNTY
    assert "修改人：刘主任" in window.file_label.text()
    newest = store.history(limit=1)[0]
    assert (newest.description, newest.user) == (f"修改填报单位：{COUNTY}", "刘主任")
    assert (newest.table_name, newest.old_value, newest.new_value) == ("meta", None, COUNTY)
    out = tmp_path / "问题清单.xlsx"
    export_report(store, "problems", out)
    assert header_unit(out).startswith(f"填报单位：{COUNTY}")
    again = window.open_settings()  # unchanged: no new action
    actions = store.action_count()
    again.accept()
    assert store.action_count() == actions


def test_an_empty_office_is_refused_and_nothing_is_saved(make_window, store):
    window = make_window(store)
    dialog = window.open_settings()
    dialog.office.setText("   ")
    dialog.user_name.setText("刘主任")
    dialog.accept()
    assert dialog.isVisible() and "填报单位不能为空" in dialog.message.text()
    assert store.office_name() is None
    assert window.settings.user_name == "张科员"  # nothing of the dialog written
