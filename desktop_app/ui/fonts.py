"""Temporary alias of :mod:`desktop_app.ui.common.fonts` (moved there); remove once nothing imports this path."""

import sys

from .common import fonts as _module

sys.modules[__name__] = _module
