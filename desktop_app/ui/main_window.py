"""Temporary alias of :mod:`desktop_app.ui.window.main_window` (moved there); remove once nothing imports this path."""

import sys

from .window import main_window as _module

sys.modules[__name__] = _module
