"""Temporary alias of :mod:`desktop_app.ui.dialogs.project` (moved there); remove once nothing imports this path."""

import sys

from .dialogs import project as _module

sys.modules[__name__] = _module
