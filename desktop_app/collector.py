"""Work that makes hundreds of thousands of small objects at once (an import's cells, a
comparison's or a closed round's rows) without the cycle collector's pauses."""

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
    """Python's cycle collector paused while an import, a comparison of two rounds or the
    reading of a closed round makes its hundreds of thousands of small objects (cells, rows,
    history rows; none of them in reference cycles, so reference counting frees them all the
    same).  Each full collection walks every object the
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
