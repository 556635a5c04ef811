"""Temporary alias of :mod:`desktop_app.ui.dashboard.project` (moved there); remove once nothing imports this path."""

import sys

from .dashboard import project as _module

sys.modules[__name__] = _module
