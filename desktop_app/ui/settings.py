"""Temporary alias of :mod:`desktop_app.ui.common.settings` (moved there); remove once nothing imports this path."""

import sys

from .common import settings as _module

sys.modules[__name__] = _module
