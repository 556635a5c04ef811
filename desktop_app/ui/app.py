"""The QApplication: fonts, translations, opening the ledger, showing the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_ID, APP_NAME, ORG_NAME, __version__
from ..paths import default_database, resources_dir
from ..store import Store, StoreError
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


def run_app(db: Path | None, argv: list[str], *, smoke: bool = False) -> int:
    """Show the main window until it is closed.  ``smoke``: open, paint once, report, exit."""
    settings = Settings()
    app = make_application(argv, settings)
    try:
        store = open_store(db)
    except StoreError as exc:
        QMessageBox.critical(None, APP_NAME, f"无法打开台账：\n{exc}")
        return 1
    from .main_window import MainWindow

    window = MainWindow(store, settings)
    window.show()
    if smoke:
        app.processEvents()
        window.wait_loaded()
        print(f"{APP_NAME} {__version__}：已打开 {store.path}，{window.model.rowCount()} 个项目")
        window.close()
        store.close()
        return 0 if window.model.rowCount() > 0 else 1
    code = app.exec()
    store.close()
    return code
