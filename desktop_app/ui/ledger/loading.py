"""Loading the ledger's rows and the monthly grid of a period, at once or in the background.

Ledgers above :data:`~desktop_app.ui.jobs.BACKGROUND_ABOVE` projects load through
:func:`~desktop_app.ui.jobs.read_job` (its own read-only opening of the file) while the window
stays usable.  Each load has a generation: a result overtaken by a newer load is dropped, and
the grid waits for the ledger's rows of its period (it shows the ledger's figures).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from ... import APP_NAME
from ...views.ledger import (
    changed_figs,
    load_ledger,
    load_monthly,
    refresh_monthly,
    warm_name_sort,
)
from .. import jobs
from . import tr

if TYPE_CHECKING:
    from ...domain.periods import Period
    from ...store import Store
    from ...views.ledger import LedgerData, MonthlyData
    from ..common.settings import Settings
    from ..monthly.grid import MonthlyGrid
    from .page import LedgerPage


class LedgerLoader(QObject):
    """Fills ``page`` and ``monthly`` from ``store`` for :attr:`period`; ``loaded`` once the
    ledger's rows are on screen.  ``busy`` is told about background loads."""

    loaded = Signal()

    def __init__(
        self,
        store: Store,
        settings: Settings,
        page: LedgerPage,
        monthly: MonthlyGrid,
        busy: jobs.Busy | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.page = page
        self.monthly = monthly
        self.busy = busy
        self.period: Period = page.period
        self._generation = 0
        self._monthly_generation = 0
        self._monthly_wanted = False  # the grid was opened once: keep it loaded
        self._ledger_shown = -1  # generation of the ledger rows on screen
        self._monthly_waiting: tuple[int, MonthlyData] | None = None  # reports awaiting rows
        self._sort_warmed = False
        page.queryChanged.connect(self._query_changed)
        monthly.follow_ledger(page)  # after the line above: it reads the grid's new rows

    def tr(self, text: str) -> str:  # type: ignore[override]
        return tr(text)

    # ----------------------------------------------------------------- loads
    def refresh(self) -> None:
        """Reload the ledger (and the monthly grid if it was opened) from the store."""
        self._generation += 1
        generation = self._generation
        period, thresholds = self.period, self.settings.thresholds
        self.page.period = period
        self._load(
            lambda s: load_ledger(s, period, thresholds),
            lambda data: self._ledger_loaded(generation, data),
            self.tr("正在载入台账…"),
        )
        if self._monthly_wanted:
            self.load_monthly()

    def load_monthly(self) -> None:
        """Load the monthly grid for the period (and keep it loaded from now on)."""
        self._monthly_wanted = True
        self._monthly_generation += 1
        generation = self._monthly_generation
        period = self.period
        self._load(
            lambda s: load_monthly(s, period),
            lambda data: self._monthly_loaded(generation, data),
            self.tr("正在载入月度调度…"),
        )

    def monthly_is_current(self) -> bool:
        grid = self.monthly.model
        return grid.monthly_data is not None and grid.period == self.period

    def _load(self, read: Callable[[Store], Any], done: Callable[[Any], None], text: str) -> None:
        if self.store.project_count() <= jobs.BACKGROUND_ABOVE:
            done(read(self.store))
            return
        jobs.read_job(
            self, self.store.path, read, done, self._failed, busy=self.busy, text=text
        ).run()

    def _failed(self, error: Exception) -> None:
        QMessageBox.warning(
            self.page.window(), APP_NAME, self.tr("载入失败：{msg}").format(msg=error)
        )

    def is_loading(self) -> bool:
        return bool(jobs.running(self))

    def wait(self, timeout_ms: int = 60_000) -> bool:
        """Block until the background loads are done and delivered (tests, benchmarks)."""
        return jobs.wait_all(self, timeout_ms)

    def _ledger_loaded(self, generation: int, data: LedgerData) -> None:
        if generation != self._generation:
            return
        self.page.show_data(data)
        self._ledger_shown = generation
        if self.monthly.model.monthly_data is not None:
            self.monthly.model.set_projects(self.page.visible_ids())
        if self._monthly_waiting is not None:
            waiting, self._monthly_waiting = self._monthly_waiting, None
            self._monthly_loaded(*waiting)
        self.loaded.emit()
        if len(data.rows) > jobs.BACKGROUND_ABOVE and not self._sort_warmed:
            self._sort_warmed = True  # names rarely change: once per window is enough
            jobs.Job(self, warm_name_sort(data.rows), lambda _keys: None).run()

    def _monthly_loaded(self, generation: int, data: MonthlyData) -> None:
        if generation != self._monthly_generation:
            return
        model = self.page.model
        if self._ledger_shown != self._generation or model.period != data.period:
            # The grid shows the ledger's figures: wait for the rows of this period.
            self._monthly_waiting = (generation, data)
            return
        self.monthly.model.set_data(data, model.visible_ids(), self._grid_info, model.figures)
        self.monthly.clear_message()

    def _grid_info(self, project_id: int) -> tuple[str, str, str, int | None]:
        m = self.page.model
        try:
            return (
                m.value(project_id, "code"),
                m.value(project_id, "name"),
                m.value(project_id, "department") or "",
                m.value(project_id, "annual_plan"),
            )
        except KeyError:
            return ("", "", "", None)

    def _query_changed(self, _query: object) -> None:
        if self.monthly.model.monthly_data is not None:
            self.monthly.model.set_projects(self.page.visible_ids())

    # --------------------------------------------------------------- changes
    def after_change(self, kind: str, ids: list) -> None:
        """Reload the changed projects into the table and the grid (fast on any size)."""
        thresholds = self.settings.thresholds
        rows = self.store.project_rows(ids, self.period.year)
        present = {r[0] for r in rows}
        removed = [i for i in ids if i not in present]
        figs = changed_figs(self.store, present, self.period, thresholds)
        data = self.monthly.model.monthly_data
        if data is not None:
            for pid in removed:
                data.reports.pop(pid, None)
            refresh_monthly(self.store, data, present)
        self.page.update_rows(kind, ids, rows, figs, removed)
        if data is not None:
            if kind == "projects":
                self.monthly.model.set_projects(self.page.visible_ids())
            else:
                self.monthly.model.refresh_rows(list(present))
