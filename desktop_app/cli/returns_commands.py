"""``keyprojects returns``: the monthly cycle with the units (issue 17).

The group lives here; its review and board commands (``returns status``, ``accept``,
``reject``, ``notice``, ``chase``, ``timeliness``) are in :mod:`.review_commands`.
"""

from __future__ import annotations

from .base import cli
from .usage import ChineseGroup


@cli.group("returns", cls=ChineseGroup)
def returns_group() -> None:
    """各责任单位的月报：status 报送情况。"""
