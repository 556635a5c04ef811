"""Temporary alias of :mod:`desktop_app.ui.models.records` (moved there); remove once nothing imports this path."""

import sys

from .models import records as _module

sys.modules[__name__] = _module
