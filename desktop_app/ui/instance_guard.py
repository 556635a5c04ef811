"""Temporary alias of :mod:`desktop_app.ui.common.instance_guard` (moved there); remove once nothing imports this path."""

import sys

from .common import instance_guard as _module

sys.modules[__name__] = _module
