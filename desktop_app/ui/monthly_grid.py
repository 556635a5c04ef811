"""Temporary alias of :mod:`desktop_app.ui.monthly.grid` (moved there); remove once nothing imports this path."""

import sys

from .monthly import grid as _module

sys.modules[__name__] = _module
