"""Temporary alias of :mod:`desktop_app.ui.dialogs.import_wizard` (moved there); remove once nothing imports this path."""

import sys

from .dialogs import import_wizard as _module

sys.modules[__name__] = _module
