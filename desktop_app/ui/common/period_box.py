"""The period chooser of the dialogs: the periods the ledger offers, with the one given."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from ...domain.periods import Period
from ...store import Store
from .labels import period_label


def period_box(store: Store, start: Period | None, name: str) -> QComboBox:
    """A combo box of :meth:`Store.period_choices` (their text as item data, so findData finds
    them), ``start`` chosen (added when the ledger does not offer it; default the ledger's
    default period)."""
    box = QComboBox(objectName=name)
    for choice in store.period_choices():
        box.addItem(period_label(choice), str(choice))
    start = start or store.default_period()
    if box.findData(str(start)) < 0:
        box.insertItem(0, period_label(start), str(start))
    box.setCurrentIndex(box.findData(str(start)))
    return box


def chosen_period(box: QComboBox, store: Store) -> Period:
    """The period chosen in a :func:`period_box`."""
    data = box.currentData()
    return Period.parse(data) if data else store.default_period()
