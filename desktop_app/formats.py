"""What the workbooks the app writes and later reads back agree on (Qt-free, no imports).

The monthly fill-in template (:mod:`desktop_app.reports.template`) carries a hidden sheet
that records the period and the responsible unit; the importer
(:mod:`desktop_app.importers.source`, :mod:`~desktop_app.importers.monthly`) finds it by
these names.  They live here, beside neither, so importers need not import reports.
"""

from __future__ import annotations

__all__ = ["META_KIND", "META_PERIOD", "META_SHEET", "META_UNIT", "TEMPLATE_KIND"]

TEMPLATE_KIND = "月度调度填报模板"
"""The value of the template's ``类型`` row."""

META_SHEET = "模板信息"
"""The hidden sheet of a template: one ``key, value`` row each."""

META_KIND = "类型"
META_PERIOD = "期间"
META_UNIT = "责任单位"
