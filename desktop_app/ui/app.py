"""The QApplication: fonts, translations, opening the ledger, showing the main window."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_ID, APP_NAME, ORG_NAME, __version__
from ..paths import default_database, resources_dir
from .common.fonts import ensure_cjk_font
from .common.settings import Settings
from .jobs import Job

if TYPE_CHECKING:  # the store is imported after the window's first paint (see run_app)
    from ..store import Store
    from .window.main_window import MainWindow

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


class _AfterFirstPaint(QObject):
    """Runs ``work`` once the window has painted for the first time (the window never waits
    on it).  With ``KEYPROJECTS_REPORT_FIRST_PAINT=1`` (benchmarks/run.py) it prints
    ``FIRST_PAINT <time.time()> <process CPU seconds>`` at that moment, then, once the
    ledger's rows are on screen, ``LEDGER_SHOWN <time.time()> <CPU seconds>``, and quits."""

    def __init__(self, window: MainWindow, work: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._work: Callable[[], None] | None = work
        self.report = os.environ.get("KEYPROJECTS_REPORT_FIRST_PAINT") == "1"
        window.installEventFilter(self)

    def run_now(self) -> None:
        work, self._work = self._work, None
        if work is not None:
            if self.report:  # the rows are on screen when the window says they are loaded
                self._window.loaded.connect(self._report_rows)
            work()

    def _report_rows(self) -> None:
        self._window.loaded.disconnect(self._report_rows)
        self._window.repaint()  # the rows, painted now
        print(f"LEDGER_SHOWN {time.time():.6f} {time.process_time():.6f}", flush=True)
        QTimer.singleShot(0, QApplication.quit)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            if self.report:
                print(f"FIRST_PAINT {time.time():.6f} {time.process_time():.6f}", flush=True)
            QTimer.singleShot(0, self.run_now)
        return False


#: Opens the ledger the window is started on (``db`` None: the user's default ledger).
Opener = Callable[[Path | None], "Store"]


@dataclass(eq=False)
class _Launch:
    """Opening the ledger into the window that is already on screen: the store (in a thread,
    the window answering meanwhile), the check that nobody else has it open, then the ledger
    interface.  ``code`` is the exit code when it could not be opened (the app then ends)."""

    #: After this long the window says the opening takes a while (and why it may).
    SLOW_MS: ClassVar[int] = 400

    window: MainWindow
    db: Path | None
    smoke: bool
    opener: Opener
    crash_handler: bool = True
    code: int | None = None
    store: Store | None = None
    guard: Any = None
    job: Job[Store] | None = None

    def __call__(self) -> None:
        self._guarded(self._start)

    def _guarded(self, step: Callable[..., None], *args: Any) -> None:
        try:
            step(*args)
        except Exception as exc:  # a bug while opening: say so and end, never a frozen window
            logging.getLogger("keyprojects").exception("打开台账时出错")
            print(f"无法打开台账：程序内部错误（{exc!r}），详见日志", file=sys.stderr)
            if not self.smoke:
                QMessageBox.critical(
                    self.window, APP_NAME, f"无法打开台账：程序内部错误\n{exc!r}\n详见日志。"
                )
            self._end(1)

    def _start(self) -> None:
        if self.crash_handler:
            from .common.crash import install_crash_handler

            install_crash_handler()  # rotating logs; an exception shows a dialog, the app goes on
        if self.smoke:
            try:
                store, error = self.opener(self.db), None
            except Exception as exc:
                store, error = None, exc
            self._opened(store, error)
            return
        # Checking a large file, or upgrading its structure after an update, takes seconds: the
        # store is opened in the background, then used by the interface thread only.
        self.job = Job(
            self.window,
            lambda: self.opener(self.db),
            lambda store: self._guarded(self._opened, store, None),
            lambda error: self._guarded(self._opened, None, error),
        ).run()
        QTimer.singleShot(self.SLOW_MS, self._say_slow)

    def _say_slow(self) -> None:
        if self.window.store is None and self.code is None:
            self.window.opening_is_slow()

    def _opened(self, store: Store | None, error: Exception | None) -> None:
        from ..store import DatabaseDamaged, StoreError
        from .common.instance_guard import InstanceGuard, notify_shared_use

        window = self.window
        if isinstance(error, DatabaseDamaged):  # offer the latest good backup, never a traceback
            from .dialogs.backup import offer_restore_on_damage

            path = self.db or default_database()
            store = None if self.smoke else offer_restore_on_damage(window, path, error)
            if store is None:
                print(f"无法打开台账：{error}", file=sys.stderr)
                return self._end(1)
        elif isinstance(error, StoreError):
            print(f"无法打开台账：{error}", file=sys.stderr)
            if not self.smoke:
                QMessageBox.critical(window, APP_NAME, f"无法打开台账：\n{error}")
            return self._end(1)
        elif error is not None:
            raise error
        assert store is not None
        self.store = store
        if not self.smoke and not window.isVisible():  # closed while it was opening
            return
        self.guard = InstanceGuard(store.path)  # held while the window is open
        if not self.smoke and not notify_shared_use(window, self.guard):  # open elsewhere
            return self._end(0)
        window.open_ledger(store)
        from .window.ledger_files import after_open

        assert window.files is not None
        window.files.guard = self.guard  # released with the store when the window switches
        # a self-check or a benchmark's run leaves the user's settings (and the user) alone
        user_run = not self.smoke and os.environ.get("KEYPROJECTS_REPORT_FIRST_PAINT") != "1"
        after_open(window, store, remember=user_run)  # backup, deferred check, 最近打开
        if user_run:
            from .dialogs.first_launch import ask_on_first_launch

            ask_on_first_launch(window)  # who is writing: only until a user name is given

    def _end(self, code: int) -> None:
        self.code = code
        self.window.close()
        app = QApplication.instance()
        if app is not None and not self.smoke:
            QTimer.singleShot(0, lambda: app.exit(code))

    def release(self) -> None:
        if self.job is not None and not self.job.delivered:  # closed while opening
            self.job.cancel()
            self.job.wait()  # let it finish, then close its store
            if self.job.result is not None:
                self.job.result.close()
        if self.store is not None:
            self.store.close()
        if self.guard is not None:
            self.guard.release()


def run_app(
    db: Path | None,
    argv: list[str],
    *,
    opener: Opener,
    smoke: bool = False,
    crash_handler: bool = True,
) -> int:
    """Show the main window until it is closed.  ``smoke``: open, paint once, report, exit.

    The window is painted first — title, size and "正在打开台账…" — and the ledger (the store,
    the tables, the menus) is opened into it right after, so the window appears at once.
    ``opener(db)`` opens the ledger, in the background (:func:`desktop_app.launch.open_ledger`;
    tests give a slow or failing one: this module does not import the launcher, which calls it);
    ``crash_handler`` False leaves ``sys.excepthook`` alone (tests)."""
    settings = Settings()
    app = make_application(argv, settings)
    from ..recent import start_ledger
    from .window.main_window import MainWindow

    if db is None:  # no --db: the ledger opened last, while it exists (else the default)
        db = start_ledger(settings.last_database)

    window = MainWindow.opening(db or default_database(), settings)
    launch = _Launch(window, db, smoke, opener, crash_handler)
    deferred = _AfterFirstPaint(window, launch)
    window.show()
    if smoke:
        app.processEvents()
        deferred.run_now()
        if launch.code is not None:
            launch.release()
            return launch.code
        window.wait_loaded()
        store = window.store
        print(f"{APP_NAME} {__version__}：已打开 {store.path}，{window.model.rowCount()} 个项目")
        count = window.model.rowCount()
        window.close()
        launch.release()
        return 0 if count > 0 else 1
    code = app.exec()
    launch.release()
    return launch.code if launch.code is not None else code
