"""The search line of the ledger and of the monthly grid: searched as one types, by keyboard
into the results."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

#: Typing pauses this long before the search runs (one search per burst of keys).
SEARCH_DELAY_MS = 150


class SearchBox(QLineEdit):
    """``searched`` 150 ms after the last key, or at once by :meth:`search_now`; Down or
    Enter (no modifier but the keypad's) searches at once, then ``toResults`` asks the owner
    to move into the results; Esc calls ``on_escape``, which says whether it used the key
    (else the key goes on, e.g. to close a dialog)."""

    searched = Signal()
    toResults = Signal()

    def __init__(
        self,
        placeholder: str,
        parent: Any = None,
        *,
        name: str,
        on_escape: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(placeholder)
        self._on_escape = on_escape
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.searched)
        self.textChanged.connect(self._timer.start)
        self.returnPressed.connect(self.search_now)  # QLineEdit's own Return (e.g. emitted)
        self.installEventFilter(self)

    def search_now(self) -> None:
        """Search without waiting for the pause."""
        self._timer.stop()
        self.searched.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return False
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.search_now()
                self.toResults.emit()
                return True
            if key == Qt.Key.Key_Escape and self._on_escape is not None:
                return self._on_escape()
        return super().eventFilter(watched, event)
