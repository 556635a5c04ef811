"""The floor no Qt app can beat: a bare PySide6 window, started cold, until its first paint.

Run as a child process by benchmarks/run.py; prints ``FIRST_PAINT <time.time()> <process CPU seconds>`` and exits.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class _FirstPaint(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            print(f"FIRST_PAINT {time.time():.6f} {time.process_time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
            obj.removeEventFilter(self)
        return False


def main() -> None:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setCentralWidget(QLabel("hello"))
    window.resize(1280, 800)
    watcher = _FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
