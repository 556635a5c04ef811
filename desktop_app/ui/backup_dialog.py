"""Temporary alias of :mod:`desktop_app.ui.dialogs.backup` (moved there); remove once nothing imports this path."""

import sys

from .dialogs import backup as _module

sys.modules[__name__] = _module
