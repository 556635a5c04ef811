"""Temporary alias: the chart widgets moved to :mod:`desktop_app.ui.dashboard` (``plot``, ``charts``,
``project``); remove once nothing imports this path."""

from .dashboard.charts import CountChart, GroupBarChart, LightChart, SCurveChart, StatusChart
from .dashboard.plot import (
    ChartPanel,
    ChartWidget,
    ExportSizeDialog,
    save_chart_dialog,
    section_label,
)
from .dashboard.project import MonthlyInvestmentChart, ProgressChart

__all__ = [
    "ChartPanel",
    "ChartWidget",
    "CountChart",
    "ExportSizeDialog",
    "GroupBarChart",
    "LightChart",
    "MonthlyInvestmentChart",
    "ProgressChart",
    "SCurveChart",
    "StatusChart",
    "save_chart_dialog",
    "section_label",
]
