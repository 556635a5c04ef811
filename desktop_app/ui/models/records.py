"""A small read-only table model over a list of records (history, milestones, problems)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .base import RIGHT, ColumnSpec, SpecTableModel


def _text(getter: Callable[[Any], Any]) -> Callable[[Any], str]:
    def text(record: Any) -> str:
        value = getter(record)
        return "" if value is None else str(value)

    return text


class RecordTableModel(SpecTableModel):
    """Columns are (header, getter[, right-aligned]); rows are any objects, shown (and their
    tooltip) as text."""

    def __init__(
        self,
        columns: Sequence[
            tuple[str, Callable[[Any], Any]] | tuple[str, Callable[[Any], Any], bool]
        ],
        parent: Any = None,
        *,
        foreground: Callable[[Any], Any] | None = None,
    ) -> None:
        specs = []
        for column in columns:
            text = _text(column[1])
            right = len(column) > 2 and bool(column[2])  # type: ignore[misc]
            specs.append(ColumnSpec(column[0], text, RIGHT if right else None, tooltip=text))
        super().__init__(parent, specs, foreground=foreground)

    def set_records(self, records: Sequence[Any]) -> None:
        self.set_rows(records)

    def record(self, row: int) -> Any:
        return self.rows[row]
