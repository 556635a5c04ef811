"""Temporary alias of :mod:`desktop_app.views.portfolio` (moved there); remove once nothing imports this path."""

import sys

from ..views import portfolio as _module

sys.modules[__name__] = _module
