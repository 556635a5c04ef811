"""The importers' name for :func:`desktop_app.collector.collector_paused`."""

from __future__ import annotations

from ..collector import collector_paused

__all__ = ["collector_paused"]
