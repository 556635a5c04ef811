"""Errors of the Excel import; every message is one plain-Chinese line for the user."""

from __future__ import annotations


class ImportRefused(ValueError):
    """The file cannot be imported (not an xlsx, protected, too big, no header...).

    Nothing was written to the ledger.
    """
