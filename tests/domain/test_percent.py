"""One format for every percentage the user reads (issue 14, item 13: 形象进度 showed "77%"
beside "87.1%")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop_app.domain.text import percent, rate_percent
from desktop_app.views.units import format_pct


@pytest.mark.parametrize(
    ("points", "shown"),
    [
        (77, "77.0%"),
        (87.14, "87.1%"),
        (Decimal("87.15"), "87.2%"),  # halves up, as Excel's 0.0% shows them
        (0.05, "0.1%"),
        (100, "100.0%"),
        (0, "0.0%"),
        (-0.04, "0.0%"),  # never "-0.0%"
        (-12.34, "-12.3%"),
        (None, ""),
    ],
)
def test_points_are_shown_with_one_decimal(points, shown):
    assert percent(points) == shown


def test_fractions_and_the_charts_use_the_same_format():
    assert rate_percent(0.871) == "87.1%" == format_pct(0.871)
    assert rate_percent(Decimal("0.77")) == "77.0%" == format_pct(Decimal("0.77"))
    assert rate_percent(None) == "" and format_pct(None) == "—"
    assert rate_percent(None, none="—") == "—"
    assert percent(Decimal("33.333"), 0) == "33%"
