"""Temporary alias of :mod:`desktop_app.ui.common.labels` (moved there); remove once nothing imports this path."""

import sys

from .common import labels as _module

sys.modules[__name__] = _module
