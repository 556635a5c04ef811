"""A message line that never moves the layout: its space is kept whether it says something or
not, and its text never widens its column."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy


class MessageLine(QLabel):
    """A label of ``lines`` lines of fixed height (empty or not, never hidden), whose width is
    what the layout gives it.  A text longer than its lines is cut (one line: with “…”) and
    shown whole in the tooltip; ``text()`` is always the whole text."""

    def __init__(self, parent: Any = None, *, lines: int = 1) -> None:
        super().__init__(parent)
        self._lines = max(1, lines)
        self.setWordWrap(self._lines > 1)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._fit_height()

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        spacing = self.fontMetrics().lineSpacing()
        self.setFixedHeight(spacing * self._lines + margins.top() + margins.bottom() + 1)

    def is_cut(self) -> bool:
        """Whether the text does not fit in the lines kept for it."""
        if not self.text():
            return False
        rect = self.contentsRect()
        if self._lines == 1:
            return self.fontMetrics().horizontalAdvance(self.text()) > rect.width()
        needed = self.fontMetrics().boundingRect(
            0, 0, max(1, rect.width()), 0, Qt.TextFlag.TextWordWrap, self.text()
        )
        return needed.height() > rect.height()

    def _update_tip(self) -> None:
        self.setToolTip(self.text() if self.is_cut() else "")

    def setText(self, text: str) -> None:  # type: ignore[override]
        super().setText(text)
        self._update_tip()

    def clear(self) -> None:  # type: ignore[override]
        super().clear()
        self.setToolTip("")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tip()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._lines > 1 or not self.is_cut():
            super().paintEvent(event)
            return
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment().value),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )
