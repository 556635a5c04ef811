"""Temporary alias of :mod:`desktop_app.views.ledger` (moved there); remove once nothing imports this path."""

import sys

from ..views import ledger as _module

sys.modules[__name__] = _module
