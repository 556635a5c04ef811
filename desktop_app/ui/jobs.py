"""The one way the interface runs work in the background (after Anki's ``QueryOp``).

::

    Job(window, lambda: load_ledger(...), on_done=show_rows, busy=window.busy).run()

    read_job(window, store.path, lambda s: load_monthly(s, period), on_done=show_grid).run()

``work`` runs in a worker thread of the interface's own thread pool; ``on_done(result)`` or
``on_failed(exception)`` is then called on the interface thread, from its event loop, never
from the worker.  Without ``on_failed`` an exception goes to ``sys.excepthook`` (the crash
reporter when it is installed: logged, and a dialog).  If ``parent`` is gone by then, nothing
is called (a window closed meanwhile is not touched).  ``busy`` (optional) is told when the job
starts and ends, with ``text``: the window shows a busy bar and the text in its status bar.

A job that reads the ledger must not share the interface's sqlite connection (one connection,
one thread): :func:`read_job` gives ``read`` its own cheap read-only opening of the file
(:meth:`Store.open_reader`: no file check, no migration, no backup), closed afterwards.

:data:`BACKGROUND_ABOVE` is the one size (in projects) above which the interface loads in the
background instead of at once.

This module is on the way to the window's first paint: it imports no store and no ``Qt``
namespace (see README, 性能).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
    Slot,
)

if TYPE_CHECKING:
    from ..store import Store

T = TypeVar("T")

#: Ledgers with more projects than this load their rows, figures, grid and dashboard in the
#: background (10k rows read in ≈ 0.5 s: the window must not stall for that).
BACKGROUND_ABOVE = 2_000

#: Threads of the interface's pool: an opening, a load and a check can run side by side.
MAX_THREADS = 4


class Busy(Protocol):
    """Shows that background work is under way (e.g. a busy bar and a status-bar text)."""

    def job_started(self, text: str) -> None: ...

    def job_ended(self) -> None: ...


_pool: QThreadPool | None = None
_running: set[Job[Any]] = set()  # kept alive until delivered


def pool() -> QThreadPool:
    """The interface's thread pool (its own, not Qt's global one)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(MAX_THREADS)
    return _pool


def running(parent: QObject | None = None) -> list[Job[Any]]:
    """The jobs not yet delivered (of ``parent``, or all)."""
    return [j for j in _running if parent is None or j.parent is parent]


def wait_all(parent: QObject | None = None, timeout_ms: int = 60_000) -> bool:
    """Process events until every job (of ``parent``) is delivered; False on timeout.  For
    tests, benchmarks and closing a window."""
    timer = QElapsedTimer()
    timer.start()
    while running(parent):
        if timer.elapsed() > timeout_ms:
            return False
        for job in running(parent):
            job.wait(10)
        QCoreApplication.processEvents()
    return True


class _Bridge(QObject):
    """Lives on the interface thread; the worker's signal is queued to it."""

    finished = Signal()

    def __init__(self, job: Job[Any]) -> None:
        super().__init__()
        self._job = job
        self.finished.connect(self._deliver)

    @Slot()
    def _deliver(self) -> None:
        self._job._deliver()


class _Runnable(QRunnable):
    def __init__(self, job: Job[Any]) -> None:
        super().__init__()
        self._job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        self._job._work_now()


class Job(Generic[T]):
    """``work()`` in the background, then ``on_done(result)`` / ``on_failed(exception)`` on the
    interface thread (see the module's docstring).  ``run()`` starts it and returns the job."""

    def __init__(
        self,
        parent: QObject,
        work: Callable[[], T],
        on_done: Callable[[T], Any] | None = None,
        on_failed: Callable[[Exception], Any] | None = None,
        *,
        busy: Busy | None = None,
        text: str = "",
    ) -> None:
        self.parent = parent
        self._work = work
        self._on_done = on_done
        self._on_failed = on_failed
        self._busy = busy
        self._text = text
        self._finished = threading.Event()
        self.result: T | None = None  #: set in the worker, before delivery
        self.error: Exception | None = None
        self.delivered = False
        self._bridge: _Bridge | None = None

    def run(self) -> Job[T]:
        """Start the work in the pool (once); returns ``self``."""
        if self._bridge is not None:
            raise RuntimeError("a job runs once")
        self._bridge = _Bridge(self)
        _running.add(self)
        if self._busy is not None:
            self._busy.job_started(self._text)
        pool().start(_Runnable(self))
        return self

    def wait(self, timeout_ms: int | None = None) -> bool:
        """Block until the work itself is finished (not delivered); False on timeout."""
        return self._finished.wait(None if timeout_ms is None else timeout_ms / 1000)

    @property
    def finished(self) -> bool:
        return self._finished.is_set()

    def cancel(self) -> None:
        """Call neither ``on_done`` nor ``on_failed`` (the work itself runs to its end; its
        :attr:`result` is then the caller's to dispose of)."""
        self._on_done = self._on_failed = None
        self.delivered = True

    # ----------------------------------------------------------------- inside
    def _work_now(self) -> None:  # in the worker thread
        try:
            self.result = self._work()
        except Exception as exc:  # delivered to on_failed / the crash reporter
            self.error = exc
        self._finished.set()
        bridge = self._bridge
        if bridge is not None:
            try:
                bridge.finished.emit()
            except RuntimeError:  # the interface is being torn down (the app quits meanwhile):
                _running.discard(self)  # nobody to deliver to, and nothing to report

    def _deliver(self) -> None:  # on the interface thread
        _running.discard(self)
        self._bridge = None
        if self._busy is not None and _alive(self._busy):
            self._busy.job_ended()
        if self.delivered or not _alive(self.parent):  # cancelled, or nobody to tell
            self.delivered = True
            return
        self.delivered = True
        if self.error is not None:
            if self._on_failed is not None:
                self._on_failed(self.error)
            else:
                sys.excepthook(type(self.error), self.error, self.error.__traceback__)
        elif self._on_done is not None:
            self._on_done(self.result)  # type: ignore[arg-type]
        self._on_done = self._on_failed = None  # let go of what they hold


def read_job(
    parent: QObject,
    path: Path,
    read: Callable[[Store], T],
    on_done: Callable[[T], Any] | None = None,
    on_failed: Callable[[Exception], Any] | None = None,
    **options: Any,
) -> Job[T]:
    """A :class:`Job` running ``read(store)`` on its own read-only opening of the ledger
    ``path`` (:meth:`Store.open_reader`), closed when ``read`` returns."""

    def work() -> T:
        from ..store import Store

        with Store.open_reader(path) as store:
            return read(store)

    return Job(parent, work, on_done, on_failed, **options)


def _alive(obj: object) -> bool:
    if not isinstance(obj, QObject):
        return True
    from shiboken6 import isValid

    return isValid(obj)
