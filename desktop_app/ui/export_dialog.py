"""Temporary alias of :mod:`desktop_app.ui.dialogs.export` (moved there); remove once nothing imports this path."""

import sys

from .dialogs import export as _module

sys.modules[__name__] = _module
