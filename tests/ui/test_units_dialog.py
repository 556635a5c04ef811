"""责任单位通讯录 in the window (issue 17, item 1): edit a unit's contact in place by keyboard,
rename a unit with its projects, add one, import an address list, the returns' settings."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.ui.dialogs.units import UnitsDialog, UnitsModel


@pytest.fixture
def store_with_units(empty_store):
    for code, unit in (("A-1", "市工信局"), ("A-2", "东丰县政府"), ("A-3", "市工信局")):
        empty_store.add_project({"code": code, "name": f"项目{code}", "department": unit})
    empty_store.import_units([{"name": "市工信局"}], source="通讯录.xlsx")
    return empty_store


def _dialog(qtbot, store) -> UnitsDialog:
    dialog = UnitsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


def _row(dialog: UnitsDialog, name: str) -> int:
    return next(i for i, u in enumerate(dialog.model.rows) if u.name == name)


def test_the_model_passes_the_model_tester(qtmodeltester, store_with_units):
    qtmodeltester.check(UnitsModel(store_with_units))


def test_a_contact_typed_in_the_table_is_saved_as_one_action(qtbot, store_with_units):
    dialog = _dialog(qtbot, store_with_units)
    assert "共 2 个单位，其中 1 个未登记" in dialog.summary.text()
    row = _row(dialog, "东丰县政府")
    assert dialog.model.index(row, 5).data() == "未登记"
    before = store_with_units.action_count()
    dialog.table.setCurrentIndex(dialog.model.index(row, 3))
    dialog.table.setFocus()
    qtbot.waitUntil(dialog.table.hasFocus)
    qtbot.keyClicks(dialog.table, "0")  # typing starts the editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not dialog.table)
    qtbot.keyClicks(QApplication.focusWidget(), "435-6220000")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # committed when queued
    qtbot.waitUntil(lambda: store_with_units.unit("东丰县政府").phone == "0435-6220000")
    assert store_with_units.unit("东丰县政府").listed
    assert store_with_units.action_count() == before + 1
    dialog.table.setCurrentIndex(dialog.model.index(_row(dialog, "东丰县政府"), 2))
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)  # the editor, then Chinese as an IME gives it
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not dialog.table)
    QApplication.focusWidget().insert("李华")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: store_with_units.unit("东丰县政府").contact == "李华")
    assert dialog.model.index(_row(dialog, "东丰县政府"), 5).data() == ""
    assert dialog.dirty


def test_a_bad_phone_is_refused_and_said(qtbot, store_with_units):
    dialog = _dialog(qtbot, store_with_units)
    index = dialog.model.index(_row(dialog, "市工信局"), 3)
    assert not dialog.model.setData(index, "打电话")
    assert "电话“打电话”应为数字" in dialog.error.text()
    assert store_with_units.unit("市工信局").phone is None


def test_renaming_in_the_table_renames_the_projects(qtbot, store_with_units):
    dialog = _dialog(qtbot, store_with_units)
    index = dialog.model.index(_row(dialog, "市工信局"), 0)
    assert dialog.model.setData(index, "辽源市工业和信息化局")
    departments = sorted(p.department for p in store_with_units.projects())
    assert departments == ["东丰县政府", "辽源市工业和信息化局", "辽源市工业和信息化局"]


def test_add_import_and_the_returns_settings(qtbot, store_with_units, tmp_path):
    dialog = _dialog(qtbot, store_with_units)
    assert dialog.add_unit("市财政局")
    assert dialog.model.index(dialog.table.currentIndex().row(), 0).data() == "市财政局"
    book = openpyxl.Workbook()
    book.active.append(["单位名称", "联系人", "联系电话"])
    book.active.append(["东丰县政府", "赵六", "0435-6220000"])
    path = tmp_path / "通讯录.xlsx"
    book.save(path)
    assert dialog.import_units(path)
    assert "新增 1 个，补全 0 个" in dialog.summary.text()
    assert store_with_units.unit("东丰县政府").phone == "0435-6220000"
    dialog.deadline.setValue(8)
    dialog.contact.setText("规划科 王")
    dialog._save_settings()
    assert str(store_with_units.report_deadline("2022-07")) == "2022-08-08"
    assert store_with_units.office_contact()[0] == "规划科 王"
    dialog.table.setCurrentIndex(dialog.model.index(_row(dialog, "市财政局"), 0))
    assert dialog.delete_unit() and store_with_units.unit("市财政局") is None
    dialog.table.setCurrentIndex(dialog.model.index(_row(dialog, "市工信局"), 0))
    assert not dialog.delete_unit()
    assert "还有 2 个项目" in dialog.error.text()
