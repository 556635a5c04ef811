"""Temporary alias of :mod:`desktop_app.views.units` (moved there); remove once nothing imports this path."""

import sys

from ..views import units as _module

sys.modules[__name__] = _module
