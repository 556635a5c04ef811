"""The toolbar and the title as a clerk sees them: they stay put while the clerk works."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QApplication, QToolBar, QToolButton

from desktop_app import APP_NAME


def toolbar_button(window, text: str) -> QToolButton:
    bar = window.findChild(QToolBar, "mainToolBar")
    for button in bar.findChildren(QToolButton):
        if button.defaultAction() is not None and button.defaultAction().text() == text:
            return button
    raise AssertionError(f"no toolbar button {text!r}")


def test_undo_and_redo_keep_their_short_names_and_the_period_stays_put(
    make_window, store, set_amounts, qtbot
):
    window = make_window(store)
    combo = window.period_combo
    x_before = combo.mapTo(window, combo.rect().topLeft()).x()
    undo = toolbar_button(window, "撤销")
    assert not undo.isEnabled()  # nothing to undo yet

    project = store.list_projects()[0]
    window.editor.update_project(project.id, {"annual_plan": Decimal("1234.56")})
    qtbot.waitUntil(lambda: undo.isEnabled())
    QApplication.processEvents()

    # the menu's action names the step; the toolbar keeps its short name and tells it on hover
    assert window.action_undo.text().startswith("撤销") and window.action_undo.text() != "撤销"
    assert undo.text() == "撤销"
    assert undo.toolTip() == window.action_undo.text().replace("&", "")
    assert combo.mapTo(window, combo.rect().topLeft()).x() == x_before

    undo.click()
    qtbot.waitUntil(lambda: store.get_project(project.id).annual_plan != Decimal("1234.56"))
    redo = toolbar_button(window, "重做")
    assert redo.isEnabled() and redo.text() == "重做"
    assert redo.toolTip().startswith("重做") and len(redo.toolTip()) > len("重做")
    redo.click()
    qtbot.waitUntil(lambda: store.get_project(project.id).annual_plan == Decimal("1234.56"))
    assert combo.mapTo(window, combo.rect().topLeft()).x() == x_before


def test_the_title_names_the_ledger_and_leaves_the_app_name_to_the_platform(
    make_window, store, settings
):
    from desktop_app.ui.app import make_application

    make_application([], settings)  # as the launcher sets it up: the display name is the app's
    window = make_window(store)
    # Qt's desktop platforms append " — <applicationDisplayName>" to every title
    assert QApplication.applicationDisplayName() == APP_NAME
    assert window.windowTitle() == store.path.name
    assert APP_NAME not in window.windowTitle()
