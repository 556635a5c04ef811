"""The window and its dialogs without a mouse: the search box's keys, every dialog's tab order,
default button, Esc and mnemonics (issue 14, item 10)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.ui.models.project import COLUMN_INDEX

NAME = COLUMN_INDEX["name"]


def activate(qtbot, widget) -> None:
    """Make ``widget``'s window the active one (keys and focus go there), as a click does."""
    widget.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())


def search_box(qtbot, window):
    activate(qtbot, window)
    box = window.filter_bar.search
    box.setFocus()
    assert box.hasFocus()
    return box


# ----------------------------------------------------------------- the search box
def test_down_moves_from_the_search_box_into_the_results_first_row_selected(
    qtbot, make_window, store
):
    window = make_window(store)
    box = search_box(qtbot, window)
    qtbot.keyClicks(box, "xdgt")
    qtbot.keyClick(box, Qt.Key.Key_Down)  # at once, without waiting for the typing pause
    assert window.current_query().search == "xdgt"
    assert window.table.hasFocus()
    assert window.model.rowCount() == 2
    assert [i.row() for i in window.table.selectionModel().selectedRows()] == [0]
    first = window.model.project_id(0)
    assert window.current_project_id() == first
    qtbot.keyClick(window.table, Qt.Key.Key_Down)  # and on through the rows
    assert window.current_project_id() == window.model.project_id(1)


def test_enter_in_the_search_box_goes_to_the_results_and_enter_again_opens_the_project(
    qtbot, make_window, store
):
    window = make_window(store)
    box = search_box(qtbot, window)
    qtbot.keyClicks(box, "xinda")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.table.hasFocus() and window.model.rowCount() == 2
    project_id = window.model.project_id(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    dialog = window.page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog._project.id == project_id


def test_down_with_nothing_found_stays_in_the_box_and_says_so(qtbot, make_window, store):
    window = make_window(store)
    box = search_box(qtbot, window)
    qtbot.keyClicks(box, "zzzzqq")
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert window.model.rowCount() == 0
    assert box.hasFocus()
    assert window.statusBar().currentMessage() == "没有符合条件的项目"


def test_esc_clears_the_search_and_a_second_esc_clears_the_filters(qtbot, make_window, store):
    window = make_window(store)
    window.page.set_filter("status", {"竣工", "在建"})
    in_region = window.model.rowCount()
    assert 0 < in_region < 51
    box = search_box(qtbot, window)
    qtbot.keyClicks(box, "zzzzqq")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=2000)

    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and window.current_query().search == ""
    assert window.model.rowCount() == in_region  # the filter stays
    assert box.hasFocus()

    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert window.current_query().is_empty
    assert window.model.rowCount() == 51
    assert "已清除筛选" in window.statusBar().currentMessage()
    assert window.filter_bar._buttons["status"].text() == "项目状态"


def test_ctrl_f_goes_to_the_search_box(qtbot, make_window, store):
    window = make_window(store)
    activate(qtbot, window)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.filter_bar.search


# ----------------------------------------------------------------------- dialogs
def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press on whatever has the keyboard focus, as a user's key goes."""
    widget = focused()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)


def tab_chain(qtbot, limit: int = 60) -> list[str]:
    """The object names Tab walks through from the focused widget, until it comes round."""
    names: list[str] = []
    for _ in range(limit):
        widget = focused()
        name = widget.objectName() or f"{type(widget).__name__}:{getattr(widget, 'text', str)()}"
        if name in names:
            break
        names.append(name)
        press(qtbot, Qt.Key.Key_Tab)
    return names


def show(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_project_form_by_keyboard_starts_in_the_name_walks_every_field_and_enter_moves_on(
    qtbot, make_window, store
):
    from desktop_app.ui.dialogs.project import LEFT_FIELDS, RIGHT_FIELDS, WIDE_FIELDS

    window = make_window(store)
    activate(qtbot, window)
    project = store.find_project("LY2022-007")
    dialog = window.edit_project(project.id)
    activate(qtbot, dialog)
    assert focused() is dialog.editors["name"]

    chain = tab_chain(qtbot)
    fields = [n.removeprefix("field_") for n in chain if n.startswith("field_")]
    order = [n for n in LEFT_FIELDS + RIGHT_FIELDS + WIDE_FIELDS if n != "code"] + ["code"]
    assert fields == order  # the left column, the right one, the wide texts (code: last)
    assert chain.index("field_measures") < chain.index("QPushButton:保存")
    assert "QScrollArea:" not in " ".join(chain)

    dialog.editors["total_investment"].setFocus()
    dialog.editors["total_investment"].selectAll()
    qtbot.keyClicks(focused(), "2.5")
    press(qtbot, Qt.Key.Key_Return)  # moves to the next field, does not save
    assert dialog.isVisible()
    assert focused() is dialog.editors["annual_plan"]
    assert dialog.editors["total_investment"].text() == "2.50"
    qtbot.keyClicks(focused(), "1")
    press(qtbot, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert focused() is dialog.editors["planned_start"]
    dialog.editors["lists"].setFocus()
    press(qtbot, Qt.Key.Key_Return)  # nor does Enter in the 项目清单 list
    assert dialog.isVisible() and focused() is dialog.editors["scope"]
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    saved = store.get_project(project.id)
    assert (str(saved.total_investment), str(saved.annual_plan)) == ("2.50", "1.00")


def test_project_form_esc_closes_an_unchanged_form(qtbot, make_window, store):
    window = make_window(store)
    activate(qtbot, window)
    dialog = window.edit_project(store.find_project("LY2022-007").id)
    activate(qtbot, dialog)
    press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_export_by_keyboard_and_a_file_no_program_can_open(
    qtbot, store, settings, tmp_path, monkeypatch
):
    from PySide6.QtGui import QDesktopServices

    from desktop_app.ui.dialogs.export import ExportDialog

    opened = []

    def no_program(url):  # this machine has no desktop: nothing can open anything
        opened.append(url.toLocalFile())
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", no_program)
    dialog = show(qtbot, ExportDialog(store, settings=settings))
    assert focused() is dialog.report_box
    chain = tab_chain(qtbot)
    assert chain[:5] == ["reportBox", "groupBox", "allProjects", "fileEdit", "browseButton"]
    assert chain[5:] == ["exportButton", "closeButton"]

    target = tmp_path / "台账.xlsx"
    dialog.file_edit.setFocus()
    dialog.file_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        press(qtbot, Qt.Key.Key_Return)  # Enter: the default button, 导出
    qtbot.waitUntil(lambda: dialog.worker is None)
    assert target.exists()

    dialog.open_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)  # 打开文件
    assert opened == [str(target)]
    assert dialog.status.text() == f"没有能打开 .xlsx 文件的程序，文件已保存在：{target}"
    assert dialog.isVisible()
    assert focused() is dialog.folder_button and dialog.folder_button.text() == "打开所在文件夹"
    press(qtbot, Qt.Key.Key_Space)
    assert opened[-1] == str(tmp_path)
    assert dialog.status.text() == f"没有能打开文件夹的程序，文件已保存在：{target}"

    press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_export_open_file_that_opens_says_nothing_more(
    qtbot, store, settings, tmp_path, monkeypatch
):
    from PySide6.QtGui import QDesktopServices

    from desktop_app.ui.dialogs.export import ExportDialog

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    dialog = show(qtbot, ExportDialog(store, settings=settings))
    dialog.file_edit.setText(str(tmp_path / "a.xlsx"))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.start()
    qtbot.waitUntil(lambda: dialog.worker is None)
    before = dialog.status.text()
    assert dialog.open_file()
    assert dialog.status.text() == before and before.startswith("已导出")


def test_template_dialog_by_keyboard_and_no_file_manager(
    qtbot, store, settings, tmp_path, monkeypatch
):
    from PySide6.QtGui import QDesktopServices

    from desktop_app.ui.dialogs.template import TemplateDialog

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    dialog = show(qtbot, TemplateDialog(store, settings=settings))
    folder = tmp_path / "模板"
    dialog.folder_edit.setFocus()
    dialog.folder_edit.setText(str(folder))
    press(qtbot, Qt.Key.Key_Return)  # the default button: 生成模板 (every unit is ticked)
    assert "已生成" in dialog.status.text() and any(folder.iterdir())
    dialog.open_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.status.text() == f"没有能打开文件夹的程序，文件夹在：{folder}"
    press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_backup_dialog_enter_closes_without_a_backup_by_surprise(
    qtbot, store, tmp_path, monkeypatch
):
    from PySide6.QtGui import QDesktopServices

    from desktop_app.ui.dialogs.backup import BackupDialog

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    dialog = show(qtbot, BackupDialog(store, root=tmp_path / "backups"))
    count = dialog.model.rowCount()
    dialog.folder_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.note.text().startswith("没有能打开文件夹的程序，文件夹在：")
    dialog.table.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.model.rowCount() == count

    again = show(qtbot, BackupDialog(store, root=tmp_path / "backups"))
    press(qtbot, Qt.Key.Key_Escape)
    assert not again.isVisible()


def test_import_wizard_by_keyboard_from_the_file_to_the_end(qtbot, store, settings):
    from pathlib import Path

    from desktop_app.ui.dialogs.import_wizard import ImportWizard

    messy = Path(__file__).parent.parent / "fixtures" / "xlsx" / "messy_ledger.xlsx"
    wizard = show(qtbot, ImportWizard(store, settings=settings))
    assert focused() is wizard.file_page.file_edit
    applied = []
    wizard.imported.connect(applied.append)
    qtbot.keyClicks(focused(), str(messy))
    press(qtbot, Qt.Key.Key_Return)  # 下一步
    assert wizard.currentPage() is wizard.mapping_page
    press(qtbot, Qt.Key.Key_Return)  # 下一步: the preview
    assert wizard.currentPage() is wizard.preview_page
    press(qtbot, Qt.Key.Key_Return)  # 导入
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=20_000)
    assert applied
    press(qtbot, Qt.Key.Key_Return)  # 完成
    assert not wizard.isVisible()


def test_import_wizard_esc_cancels(qtbot, store, settings):
    from desktop_app.ui.dialogs.import_wizard import ImportWizard

    wizard = show(qtbot, ImportWizard(store, settings=settings))
    press(qtbot, Qt.Key.Key_Escape)
    assert not wizard.isVisible()


def test_problem_dialog_tab_leaves_the_text_boxes_and_walks_every_field(qtbot, store):
    from desktop_app.store.models import Problem
    from desktop_app.ui.dialogs.project_records import ChildDialog

    project = store.find_project("LY2022-007")
    dialog = ChildDialog("problem", Problem(project_id=project.id, text="征地手续未办结"))
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    dialog.fields["text"].setFocus()
    chain = tab_chain(qtbot)
    fields = [n.removeprefix("child_") for n in chain if n.startswith("child_")]
    assert fields == [
        "text",
        "status",
        "department",
        "deadline",
        "solution",
        "raised_on",
        "solved_on",
    ]
    assert dialog.fields["text"].toPlainText() == "征地手续未办结"  # Tab typed no tab into it
