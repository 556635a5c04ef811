"""Errors of the Excel reports; every message is one plain-Chinese line for the user."""

from __future__ import annotations


class ExportError(ValueError):
    """A report could not be written (folder missing, file open in Excel, disk full...)."""
