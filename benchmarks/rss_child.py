"""Peak memory with a ledger open: the main window with every row loaded, then also the monthly
grid and the dashboard shown once.  Run as a child of benchmarks/run.py; prints
``PEAK_RSS_MB <ledger window> <all tabs>`` (MiB).
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication

from desktop_app.store import Store
from desktop_app.ui.app import make_application
from desktop_app.ui.common.settings import Settings
from desktop_app.ui.window.main_window import MainWindow


def main() -> None:
    settings = Settings(Path(sys.argv[2]))
    make_application([sys.argv[0]], settings)
    store = Store.open(Path(sys.argv[1]))
    window = MainWindow(store, settings)
    window.resize(1400, 860)
    window.show()
    window.wait_loaded(300_000)
    QCoreApplication.processEvents()
    window.table.viewport().repaint()
    ledger_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for index in range(window.tabs.count()):  # monthly grid, dashboard: whatever the window has
        window.tabs.setCurrentIndex(index)
        window.wait_loaded(300_000)
        board = getattr(window.tabs.currentWidget(), "dashboard", None)
        if board is not None and hasattr(board, "wait_until_ready"):
            board.wait_until_ready(300_000)
        QCoreApplication.processEvents()
        window.tabs.currentWidget().repaint()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"PEAK_RSS_MB {ledger_kib / 1024:.1f} {peak_kib / 1024:.1f} ROWS {window.model.rowCount()}",
        flush=True,
    )
    window.close()
    store.close()
    os._exit(0)  # the numbers are out; skip tearing down 100k rows


if __name__ == "__main__":
    main()
