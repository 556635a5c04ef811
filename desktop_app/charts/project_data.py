"""Temporary alias of :mod:`desktop_app.views.project` (moved there); remove once nothing imports this path."""

import sys

from ..views import project as _module

sys.modules[__name__] = _module
