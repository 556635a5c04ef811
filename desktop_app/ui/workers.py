"""Loading large ledgers off the interface thread.

An sqlite connection must not be used by two threads at once, so each worker opens its own
:class:`Store` on the same file, runs one read-only function and hands the result back
through a queued signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThread, Signal

from ..store import Store

log = logging.getLogger(__name__)


class StoreWorker(QThread):
    """Runs ``job(store)`` on its own connection to ``path``; emits ``done(result)`` or
    ``failed(message)`` (in the thread that created the worker)."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, path: Path, job: Callable[[Store], Any], parent: Any = None) -> None:
        super().__init__(parent)
        self._path = path
        self._job = job

    def run(self) -> None:
        try:
            with Store.open(self._path) as store:
                result = self._job(store)
        except Exception as exc:
            log.exception("background load failed")
            self.failed.emit(str(exc))
            return
        self.done.emit(result)
