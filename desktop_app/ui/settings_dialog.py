"""Temporary alias of :mod:`desktop_app.ui.dialogs.settings` (moved there); remove once nothing imports this path."""

import sys

from .dialogs import settings as _module

sys.modules[__name__] = _module
