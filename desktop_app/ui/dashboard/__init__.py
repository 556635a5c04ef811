"""The dashboard (调度看板): the board (:mod:`.board`), its charts (:mod:`.plot` for the
shared chart widget, :mod:`.charts` for the dashboard's charts, :mod:`.project` for one
project's), all drawn from :mod:`desktop_app.views`."""

from .board import Dashboard

__all__ = ["Dashboard"]
