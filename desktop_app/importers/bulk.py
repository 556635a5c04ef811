"""Reading and writing a whole sheet at once without the cycle collector's pauses."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while an import makes its hundreds of thousands of
    small objects (cells, parsed rows, history rows; none of them in reference cycles, so
    reference counting frees them all the same).  Each full collection walks every object the
    program holds, the open ledger's rows included: ~0.2-0.5 s per 10k-row import.  Nested
    and concurrent uses share one pause; the collector runs as before afterwards."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
