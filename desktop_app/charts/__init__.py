"""Temporary alias: the chart data moved to :mod:`desktop_app.views`; remove once nothing imports this."""

from ..views.dashboard import (
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
from ..views.portfolio import LIGHTS, ChartRecord, PortfolioSnapshot, load_portfolio
from ..views.project import ProgressPoint, ProjectSeries, project_series, series_from_reports
from ..views.units import MoneyScale, format_money, format_pct, money_scale

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
