"""Fixtures for the robustness tests: a main window over a real ledger, and an unprivileged run."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def make_window(qtbot, tmp_path: Path):
    """Open the app's main window on a store, with its own settings file."""
    from desktop_app.ui.common.settings import Settings
    from desktop_app.ui.window.main_window import MainWindow

    def make(store):
        window = MainWindow(store, Settings(tmp_path / "settings.ini"))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.wait_loaded()
        return window

    return make


def run_unprivileged(fn: Callable[[], Any]) -> Any:
    """Run ``fn`` where file permissions apply: as is for a normal user; as root (who ignores
    read-only modes), in a forked child that drops to the ``nobody`` account.  ``fn``'s result
    must be JSON-serialisable; an exception comes back as ``{"error": type, "message": text}``.
    """
    if os.name != "posix" or os.geteuid() != 0:
        try:
            return fn()
        except Exception as exc:
            return {"error": type(exc).__name__, "message": str(exc)}
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read)
        try:
            os.setgid(65534)
            os.setuid(65534)
            out = fn()
        except BaseException as exc:
            out = {"error": type(exc).__name__, "message": str(exc)}
        os.write(write, json.dumps(out, ensure_ascii=False, default=str).encode("utf-8"))
        os._exit(0)
    os.close(write)
    data = b""
    while chunk := os.read(read, 65536):
        data += chunk
    os.close(read)
    os.waitpid(pid, 0)
    assert data, "the unprivileged child died"
    return json.loads(data)


@pytest.fixture
def open_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder the unprivileged child can reach and write (pytest's own are root-only)."""
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="kp-robust-"))
    path.chmod(0o777)
    yield path
    for p in [path, *path.rglob("*")]:
        p.chmod(0o777 if p.is_dir() else 0o666)
    import shutil

    shutil.rmtree(path, ignore_errors=True)


skip_on_windows = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
