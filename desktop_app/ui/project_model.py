"""Temporary alias of :mod:`desktop_app.ui.models.project` (moved there); remove once nothing imports this path."""

import sys

from .models import project as _module

sys.modules[__name__] = _module
