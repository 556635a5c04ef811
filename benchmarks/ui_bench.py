"""How fast the ledger window is on a large ledger (offscreen, no display needed).

    uv run keyprojects demo /tmp/d100k.sqlite --projects 100000 --years 3   # once
    uv run python benchmarks/ui_bench.py /tmp/d100k.sqlite [--repeat 5]

Measures: window open (constructor to shown) and rows on screen (background load), first
paint, the longest the interface stood still while loading, scrolling, sort by 总投资, one
search keystroke (plain, pinyin initials, full pinyin, traditional), opening the project
form and loading the monthly grid.  Prints one line per step (median of the repeats).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.store import Store
from desktop_app.ui.app import make_application
from desktop_app.ui.common.settings import Settings
from desktop_app.ui.models.project import COLUMN_INDEX
from desktop_app.ui.window.main_window import MainWindow

results: dict[str, list[float]] = {}


def record(name: str, seconds: float) -> None:
    results.setdefault(name, []).append(seconds * 1000)


def timed(name: str, fn: Callable[[], object]) -> object:
    start = time.perf_counter()
    value = fn()
    record(name, time.perf_counter() - start)
    return value


class StallMeter:
    """The longest gap between ticks of a 10 ms timer: how long the interface froze."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.clock = QElapsedTimer()
        self.longest = 0
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.longest = 0
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.longest = max(self.longest, self.clock.restart())

    def stop(self) -> float:
        self.timer.stop()
        return self.longest / 1000


def one_round(path: Path, settings: Settings) -> None:
    store = Store.open(path)
    stall = StallMeter()
    stall.start()
    start = time.perf_counter()
    window = MainWindow(store, settings)
    window.resize(1400, 860)
    window.show()
    QCoreApplication.processEvents()
    record("window open (shown, rows still loading)", time.perf_counter() - start)
    window.wait_loaded(120_000)
    record("rows on screen (background load)", time.perf_counter() - start)
    record("longest interface stall while loading", stall.stop())
    rows = window.model.rowCount()

    timed("first paint of the full table", lambda: window.table.viewport().repaint())

    bar = window.table.verticalScrollBar()

    def scroll() -> None:
        for step in range(50):
            bar.setValue(bar.maximum() * step // 50)
            window.table.viewport().repaint()

    start = time.perf_counter()
    scroll()
    record("scroll one page (mean of 50 jumps + repaint)", (time.perf_counter() - start) / 50)
    bar.setValue(0)

    column = COLUMN_INDEX["total_investment"]
    timed(
        "sort by 总投资 (descending)",
        lambda: window.table.sortByColumn(column, Qt.SortOrder.DescendingOrder),
    )
    window.table.viewport().repaint()
    names = COLUMN_INDEX["name"]  # Chinese text by pinyin (the first sort reads pypinyin's table)
    timed(
        "sort by 项目名称 (pinyin)",
        lambda: window.table.sortByColumn(names, Qt.SortOrder.AscendingOrder),
    )
    window.table.viewport().repaint()

    box = window.filter_bar.search
    for label, text in (
        ("plain 钢铁", "钢铁"),
        ("pinyin initials xdgt", "xdgt"),
        ("full pinyin xinda", "xinda"),
        ("traditional 鋼鐵", "鋼鐵"),
        ("one more key: 经开区 → 经开区管", "经开区管"),
    ):
        if label.startswith("one more"):
            box.setText("经开区")
            window.filter_bar._emit_now()

        def keystroke(text: str = text) -> None:
            box.setText(text)
            window.filter_bar._emit_now()  # what the 150 ms debounce timer then calls
            window.table.viewport().repaint()

        timed(f"search keystroke: {label}", keystroke)
    found = window.model.rowCount()
    timed(
        "clear the search (all rows back)", lambda: (box.setText(""), window.filter_bar._emit_now())
    )

    def open_form() -> None:
        dialog = window.edit_project(window.model.project_id(0))
        assert dialog is not None
        QCoreApplication.processEvents()
        dialog.done(0)

    timed("open the project form (with its history tabs)", open_form)

    stall.start()
    start = time.perf_counter()
    window.tabs.setCurrentIndex(1)
    window.wait_loaded(120_000)
    QCoreApplication.processEvents()
    window.monthly.view.viewport().repaint()
    record("load the monthly grid (background) and paint", time.perf_counter() - start)
    record("longest interface stall while the grid loads", stall.stop())
    grid_rows = window.monthly.model.rowCount()

    window.close()
    store.close()
    print(
        f"# {rows:,} projects in the table, {found:,} found for 经开区管, {grid_rows:,} rows in the grid"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ledger", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None, help="also write every run's ms here")
    args = parser.parse_args()
    if not args.ledger.exists():
        sys.exit(
            f"missing {args.ledger}: make it with `uv run keyprojects demo {args.ledger} --projects 100000`"
        )
    settings_file = Path(os.environ.get("TMPDIR", "/tmp")) / "keyprojects-ui-bench.ini"
    settings_file.unlink(missing_ok=True)
    make_application([sys.argv[0]], Settings(settings_file))
    for _ in range(args.repeat):
        one_round(args.ledger, Settings(settings_file))
    print(f"{'step':<52} {'median ms':>10} {'max ms':>10}")
    for name, values in results.items():
        print(f"{name:<52} {statistics.median(values):>10.1f} {max(values):>10.1f}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    QApplication.instance().quit()


if __name__ == "__main__":
    main()
