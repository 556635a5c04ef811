"""The import wizard on a ledger spread over sheets: each sheet's mapping, the preview grouped
by sheet, a sheet left out by unticking it (issue 16, item 2)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop_app.ui.dialogs.import_wizard import ImportWizard, PreviewModel

SHEETS = Path(__file__).parent.parent / "fixtures" / "xlsx" / "sheets_ledger.xlsx"


def _next(qtbot, wizard: ImportWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    if wizard.currentPage() is wizard.preview_page:
        button = wizard.button(QWizard.WizardButton.CommitButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _wizard(qtbot, store, settings) -> ImportWizard:
    w = ImportWizard(store, path=SHEETS, settings=settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_each_sheet_has_its_mapping_and_the_preview_groups_rows_by_sheet(
    qtbot, qtmodeltester, empty_store, settings
):
    w = _wizard(qtbot, empty_store, settings)
    _next(qtbot, w)
    page = w.mapping_page
    assert not page.sheet_box.isHidden()
    assert [page.sheet_box.itemText(i) for i in range(page.sheet_box.count())] == [
        "新建项目",
        "续建项目",
    ]
    info = page.info.text()
    assert "工作表“新建项目”" in info and "共读取 2 个工作表" in info
    assert "未读取隐藏的工作表：已删除项目" in info and "填表说明" in info
    page.sheet_box.setCurrentIndex(1)
    model = page.model
    qtmodeltester.check(model)
    assert "工作表“续建项目”" in page.info.text() and "第 4 行" in page.info.text()
    units = {model.index(r, 1).data(): model.index(r, 3).data() for r in range(model.rowCount())}
    assert units["总投资（亿元）"] == "亿元"
    _next(qtbot, w)
    preview = w.preview_page
    assert w.currentPage() is preview
    assert "新增 8 个" in preview.summary.text()
    assert not preview.table.isColumnHidden(PreviewModel.SHEET)
    assert preview.table.horizontalHeader().visualIndex(PreviewModel.SHEET) == 0
    rows = preview.model
    qtmodeltester.check(rows)
    sheets = [rows.index(r, PreviewModel.SHEET).data() for r in range(rows.rowCount())]
    assert sheets == ["新建项目"] * 5 + ["续建项目"] * 3
    boxes = preview.sheet_boxes
    assert list(boxes) == ["新建项目", "续建项目"]
    assert boxes["新建项目"].text() == "新建项目（5 行）" and boxes["续建项目"].isChecked()
    assert "隐藏的列未导入" in preview.notes.text()


def test_an_unticked_sheet_is_left_out_of_the_import(qtbot, empty_store, settings, tmp_path):
    from desktop_app.ui.common.fonts import ensure_cjk_font

    ensure_cjk_font()
    w = _wizard(qtbot, empty_store, settings)
    _next(qtbot, w)
    _next(qtbot, w)
    page = w.preview_page
    box = page.sheet_boxes["新建项目"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # by keyboard
    assert not box.isChecked()
    assert w.preview.sheet_names == ["续建项目"] and w.preview.left_out == ["新建项目"]
    assert page.model.rowCount() == 3
    assert "新增 3 个" in page.summary.text()
    assert w.grab().save(str(tmp_path / "preview_sheets.png"))
    actions = empty_store.action_count()
    assert w.button(QWizard.WizardButton.CommitButton).isEnabled()
    _next(qtbot, w)
    assert w.currentPage() is w.done_page
    assert empty_store.action_count() == actions + 1
    assert {p.code for p in empty_store.projects()} == {"XJ2021-11", "XJ2021-12", "XJ2021-13"}


def test_unticking_every_sheet_leaves_nothing_to_import(qtbot, empty_store, settings):
    w = _wizard(qtbot, empty_store, settings)
    _next(qtbot, w)
    _next(qtbot, w)
    page = w.preview_page
    for name in list(page.sheet_boxes):
        page.set_sheet_ticked(name, False)
    assert page.model.rowCount() == 0
    assert not w.button(QWizard.WizardButton.CommitButton).isEnabled()
    page.set_sheet_ticked("新建项目", True)
    assert page.model.rowCount() == 5
    assert w.button(QWizard.WizardButton.CommitButton).isEnabled()


def test_a_single_sheet_file_shows_no_sheet_choices(qtbot, store, settings):
    messy = SHEETS.parent / "messy_ledger.xlsx"
    w = ImportWizard(store, path=messy, settings=settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    _next(qtbot, w)
    assert w.mapping_page.sheet_box.isHidden()
    _next(qtbot, w)
    assert w.preview_page.sheet_row.isHidden()
    assert w.preview_page.table.isColumnHidden(PreviewModel.SHEET)


def test_the_sheet_boxes_are_reached_by_tab(qtbot, empty_store, settings):
    from PySide6.QtWidgets import QApplication

    w = _wizard(qtbot, empty_store, settings)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    _next(qtbot, w)
    _next(qtbot, w)
    page = w.preview_page
    page.filter_box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.filter_box)
    walked = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == [*page.sheet_boxes.values(), page.table]
