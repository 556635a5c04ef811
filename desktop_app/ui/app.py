"""The QApplication: fonts, opening the ledger, showing the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_ID, APP_NAME, ORG_NAME, __version__
from ..paths import default_database
from ..store import Store, StoreError


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, configured with the app's names."""
    app = QApplication.instance() or QApplication(argv or [APP_ID])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORG_NAME)
    return app  # type: ignore[return-value]


def open_store(db: Path | None) -> Store:
    """The ledger to show: ``db``, or the user's default ledger created on first launch."""
    path = db or default_database()
    if db is None and not path.exists():
        return Store.create(path)
    return Store.open(path)


def run_app(db: Path | None, argv: list[str], *, smoke: bool = False) -> int:
    """Show the main window until it is closed.  ``smoke``: open, paint once, report, exit."""
    app = make_application(argv)
    try:
        store = open_store(db)
    except StoreError as exc:
        QMessageBox.critical(None, APP_NAME, f"无法打开台账：\n{exc}")
        return 1
    from .main_window import MainWindow

    window = MainWindow(store)
    window.show()
    if smoke:
        app.processEvents()
        print(f"{APP_NAME} {__version__}：已打开 {store.path}，{window.model.rowCount()} 个项目")
        window.close()
        store.close()
        return 0 if window.model.rowCount() > 0 else 1
    code = app.exec()
    store.close()
    return code
