"""Chart data for the scheduling meeting: pure functions over the store, no Qt.

:func:`load_portfolio` reads a period into a :class:`PortfolioSnapshot`;
:func:`dashboard_data` turns it (and the ledger's filter) into every dashboard chart;
:func:`project_series` gives one project's monthly bars, cumulative line and progress.
"""

from .dashboard_data import (
    GROUP_FIELDS,
    CountBar,
    DashboardData,
    GroupBar,
    LaggingProject,
    SCurve,
    dashboard_data,
    group_progress,
    lagging_projects,
    light_counts,
    s_curve,
    status_counts,
)
from .portfolio import LIGHTS, ChartRecord, PortfolioSnapshot, load_portfolio
from .project_data import ProgressPoint, ProjectSeries, project_series, series_from_reports
from .units import MoneyScale, format_money, format_pct, money_scale

__all__ = [
    "GROUP_FIELDS",
    "LIGHTS",
    "ChartRecord",
    "CountBar",
    "DashboardData",
    "GroupBar",
    "LaggingProject",
    "MoneyScale",
    "PortfolioSnapshot",
    "ProgressPoint",
    "ProjectSeries",
    "SCurve",
    "dashboard_data",
    "format_money",
    "format_pct",
    "group_progress",
    "lagging_projects",
    "light_counts",
    "load_portfolio",
    "money_scale",
    "project_series",
    "s_curve",
    "series_from_reports",
    "status_counts",
]
