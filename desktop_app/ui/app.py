"""The QApplication: fonts, translations, opening the ledger, showing the main window."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_ID, APP_NAME, ORG_NAME, __version__
from ..paths import default_database, resources_dir
from ..store import DatabaseDamaged, Store, StoreError
from .fonts import ensure_cjk_font
from .settings import Settings

_translators: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_translator(app: QApplication, language: str) -> bool:
    """Load the interface language: 'zh_CN' is the source (only Qt's own dialogs are
    translated), 'en' loads keyprojects_en.qm.  Returns whether a file of ours was loaded."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == "zh_CN":
        qt = QTranslator(app)
        if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", qt_dir):
            app.installTranslator(qt)
            _translators.append(qt)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        return False
    ours = QTranslator(app)
    loaded = ours.load(f"keyprojects_{language}", str(translations_dir()))
    if loaded:
        app.installTranslator(ours)
        _translators.append(ours)
    QLocale.setDefault(QLocale(language))
    return loaded


def make_application(
    argv: list[str] | None = None, settings: Settings | None = None
) -> QApplication:
    """The one QApplication, with the app's names, its CJK font and the chosen language."""
    app = QApplication.instance() or QApplication(argv or [APP_ID])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORG_NAME)
    icon = resources_dir() / "icons" / "keyprojects.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    ensure_cjk_font()
    install_translator(app, (settings or Settings()).language)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


def open_store(db: Path | None) -> Store:
    """The ledger to show: ``db``, or the user's default ledger created on first launch."""
    path = db or default_database()
    if db is None and not path.exists():
        return Store.create(path)
    return Store.open(path)


class _AfterFirstPaint(QObject):
    """Runs ``work`` once the window has painted for the first time (the window never waits
    on it).  With ``KEYPROJECTS_REPORT_FIRST_PAINT=1`` (benchmarks/run.py) it prints
    ``FIRST_PAINT <time.time()>`` at that moment and quits the app instead."""

    def __init__(self, window: QObject, work: Callable[[], None]) -> None:
        super().__init__(window)
        self._work: Callable[[], None] | None = work
        self.report = os.environ.get("KEYPROJECTS_REPORT_FIRST_PAINT") == "1"
        window.installEventFilter(self)

    def run_now(self) -> None:
        work, self._work = self._work, None
        if work is not None:
            work()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            if self.report:
                print(f"FIRST_PAINT {time.time():.6f}", flush=True)
                QTimer.singleShot(0, QApplication.quit)
            QTimer.singleShot(0, self.run_now)
        return False


def run_app(db: Path | None, argv: list[str], *, smoke: bool = False) -> int:
    """Show the main window until it is closed.  ``smoke``: open, paint once, report, exit."""
    settings = Settings()
    app = make_application(argv, settings)
    from .crash import install_crash_handler
    from .instance_guard import InstanceGuard, notify_shared_use

    install_crash_handler()  # rotating logs; an exception shows a dialog, the app keeps running
    try:
        store = open_store(db)
    except DatabaseDamaged as exc:  # offer the latest good backup, never a traceback
        from .backup_dialog import offer_restore_on_damage

        restored = None if smoke else offer_restore_on_damage(None, db or default_database(), exc)
        if restored is None:
            print(f"无法打开台账：{exc}", file=sys.stderr)
            return 1
        store = restored
    except StoreError as exc:
        QMessageBox.critical(None, APP_NAME, f"无法打开台账：\n{exc}")
        return 1
    guard = InstanceGuard(store.path)  # held while the window is open
    if not smoke and not notify_shared_use(None, guard):  # open elsewhere / network drive
        store.close()
        return 0
    from .main_window import MainWindow

    window = MainWindow(store, settings)

    def after_first_paint() -> None:
        from ..store.backup import backup_on_open_async
        from .backup_dialog import check_in_background

        backup_on_open_async(store)  # skipped when unchanged since the newest backup
        check_in_background(store, window)  # large ledgers: quick_check after opening

    deferred = _AfterFirstPaint(window, after_first_paint)
    window.show()
    if smoke:
        app.processEvents()
        deferred.run_now()
        window.wait_loaded()
        print(f"{APP_NAME} {__version__}：已打开 {store.path}，{window.model.rowCount()} 个项目")
        window.close()
        store.close()
        guard.release()
        return 0 if window.model.rowCount() > 0 else 1
    code = app.exec()
    store.close()
    guard.release()
    return code
