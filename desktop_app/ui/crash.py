"""Temporary alias of :mod:`desktop_app.ui.common.crash` (moved there); remove once nothing imports this path."""

import sys

from .common import crash as _module

sys.modules[__name__] = _module
