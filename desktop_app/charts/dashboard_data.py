"""Temporary alias of :mod:`desktop_app.views.dashboard` (moved there); remove once nothing imports this path."""

import sys

from ..views import dashboard as _module

sys.modules[__name__] = _module
