"""Temporary alias of :mod:`desktop_app.ui.dialogs.template` (moved there); remove once nothing imports this path."""

import sys

from .dialogs import template as _module

sys.modules[__name__] = _module
