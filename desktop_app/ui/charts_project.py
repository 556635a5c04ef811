"""A project's own charts: monthly investment with the cumulative line against its annual
plan, and its physical progress over time (for the project detail)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from ..domain.periods import Period
from ..store import Store
from ..views.project import ProjectSeries, project_series
from .charts import ChartPanel, MonthlyInvestmentChart, ProgressChart


class ProjectCharts(QWidget):
    """The two charts of one project, side by side."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectCharts")
        self.store = store
        self.project_id: int | None = None
        self._period: Period | None = None
        self.series: ProjectSeries | None = None
        self.monthly_chart = MonthlyInvestmentChart()
        self.progress_chart = ProgressChart()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(ChartPanel(self.monthly_chart), 3)
        layout.addWidget(ChartPanel(self.progress_chart), 2)

    @property
    def period(self) -> Period:
        return self._period or self.store.default_period()

    def set_period(self, period: Period | str | None) -> None:
        """The period whose year is shown (None: the ledger's newest period)."""
        self._period = Period.parse(period) if isinstance(period, str) else period
        self.reload()

    def set_project(self, project_id: int | None) -> None:
        """Show the charts of one project (None clears them)."""
        self.project_id = project_id
        self.reload()

    def reload(self) -> None:
        """Read the project again (after its reports changed)."""
        if self.project_id is None:
            self.series = None
            self.monthly_chart.set_data(None)
            self.progress_chart.set_data(None)
            return
        self.series = project_series(self.store, self.project_id, self.period)
        self.monthly_chart.set_data(self.series)
        self.progress_chart.set_data(self.series)
