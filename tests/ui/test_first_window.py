"""The window opens on a fresh ledger and shows the shipped projects."""

from PySide6.QtCore import Qt

from desktop_app.ui.window.main_window import MainWindow


def test_window_opens_on_a_fresh_database_and_shows_xinda(qtbot, store):
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model = window.table.model()
    names = {
        model.index(row, col).data(Qt.ItemDataRole.DisplayRole)
        for row in range(model.rowCount())
        for col in range(model.columnCount())
    }
    assert "鑫达钢铁180万吨热轧带钢" in names
    assert model.rowCount() == 51
