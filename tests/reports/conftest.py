"""Fixtures for the Excel tests: a writable copy of the sample ledger and a second reader."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook


@pytest.fixture
def demo_store(demo_path: Path, tmp_path: Path):
    """A private copy of the 300-project sample ledger, open."""
    from desktop_app.store import Store

    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_path, path)
    s = Store.open(path, user="测试员")
    yield s
    s.close()


def read_rows(path: Path, sheet: str | int = 0) -> list[list]:
    """Every cell value of a sheet, read by python-calamine (not the writer's library)."""
    with CalamineWorkbook.from_path(str(path)) as book:
        ws = (
            book.get_sheet_by_index(sheet)
            if isinstance(sheet, int)
            else book.get_sheet_by_name(sheet)
        )
        return ws.to_python(skip_empty_area=False)


def dec(value: object) -> Decimal:
    """A number cell as the exact decimal it was written as."""
    assert isinstance(value, int | float), value
    return Decimal(repr(float(value)))
