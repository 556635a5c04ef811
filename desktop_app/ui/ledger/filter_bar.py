"""The search box and the field filters above the ledger table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QMenu, QToolButton, QWidget

from ...domain.derived import Light
from ...domain.query import FILTER_FIELDS, ProjectQuery
from ..common.labels import light_label
from ..common.search_box import SearchBox

#: Filter buttons in order: field → label.  "lights" filters by status light.
FILTER_LABELS = {
    "region": QT_TRANSLATE_NOOP("FilterBar", "所属县区"),
    "sector": QT_TRANSLATE_NOOP("FilterBar", "产业类别"),
    "chain": QT_TRANSLATE_NOOP("FilterBar", "产业链"),
    "status": QT_TRANSLATE_NOOP("FilterBar", "项目状态"),
    "nature": QT_TRANSLATE_NOOP("FilterBar", "建设性质"),
    "lists": QT_TRANSLATE_NOOP("FilterBar", "项目清单"),
    "leader": QT_TRANSLATE_NOOP("FilterBar", "包保领导"),
    "department": QT_TRANSLATE_NOOP("FilterBar", "责任单位"),
    "lights": QT_TRANSLATE_NOOP("FilterBar", "状态灯"),
}


class _StickyMenu(QMenu):
    """A menu of check boxes that stays open while the user ticks several."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isEnabled() and action.isCheckable():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class FilterBar(QWidget):
    """Search text plus one drop-down of values per filter field.

    ``changed`` carries the new :class:`ProjectQuery`; typing is debounced by 150 ms.
    Keys in the search box: Down or Enter shows the results at once and asks to go into
    them (``toResults``); Esc clears the search text, a second Esc (the box already empty)
    clears the filters (``filtersCleared``).
    """

    changed = Signal(object)
    toResults = Signal()
    filtersCleared = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.search = SearchBox(
            self.tr("搜索名称、业主、内容、领导、责任单位（支持拼音首字母、全拼、繁体）"),
            self,
            name="searchBox",
            on_escape=self.escape,
        )
        self.search.setMinimumWidth(200)
        self.search.searched.connect(self._emit)
        self.search.toResults.connect(self.toResults)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        self._selected: dict[str, set[str]] = {name: set() for name in FILTER_LABELS}
        self._buttons: dict[str, QToolButton] = {}
        self._menus: dict[str, QMenu] = {}
        for name in FILTER_LABELS:
            button = QToolButton(self)
            button.setObjectName(f"filter_{name}")
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            button.setStyleSheet("QToolButton { padding: 3px 14px 3px 6px; }")
            menu = _StickyMenu(button)
            button.setMenu(menu)
            self._buttons[name], self._menus[name] = button, menu
            layout.addWidget(button)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setText(self.tr("清除筛选"))
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        self.set_choices("lights", [light.value for light in Light])
        self._last_emitted: dict[str, Any] | None = None
        self._update_buttons()

    # --------------------------------------------------------------------- keys
    def escape(self) -> bool:
        """Esc in the search box: clear the text, else the filters; False when there was
        nothing to clear (the key goes on to the window)."""
        if self.search.text():
            self.search.clear()
            self._emit_now()
            return True
        if not self.query().is_empty:
            self.clear()
            self.filtersCleared.emit()
            return True
        return False

    # ------------------------------------------------------------------ choices
    def set_choices(self, name: str, values: list[str]) -> None:
        """The values a filter offers (selected values stay selected)."""
        menu = self._menus[name]
        menu.clear()
        for value in values:
            text = light_label(value) if name == "lights" else value
            action = QAction(text, menu)
            action.setCheckable(True)
            action.setChecked(value in self._selected[name])
            action.setData(value)
            action.toggled.connect(lambda on, n=name, v=value: self._toggle(n, v, on))
            menu.addAction(action)
        if not values:
            empty = menu.addAction(self.tr("（无可选值）"))
            empty.setEnabled(False)

    def _toggle(self, name: str, value: str, on: bool) -> None:
        if on:
            self._selected[name].add(value)
        else:
            self._selected[name].discard(value)
        self._update_buttons()
        self._emit_now()

    def _update_buttons(self) -> None:
        for name, button in self._buttons.items():
            label = QCoreApplication.translate("FilterBar", FILTER_LABELS[name])
            count = len(self._selected[name])
            button.setText(f"{label}({count})" if count else label)
            button.setToolTip("、".join(sorted(self._selected[name])) if count else "")
            font = button.font()
            font.setBold(bool(count))
            button.setFont(font)

    # -------------------------------------------------------------------- query
    def query(self) -> ProjectQuery:
        filters = {n: frozenset(v) for n, v in self._selected.items() if n in FILTER_FIELDS and v}
        return ProjectQuery(
            self.search.text().strip(), filters, frozenset(self._selected["lights"])
        )

    def set_query(self, query: ProjectQuery, *, emit: bool = True) -> None:
        """Show ``query`` in the bar (a saved view, a click on the dashboard)."""
        for name in self._selected:
            values = query.lights if name == "lights" else query.filters.get(name, frozenset())
            self._selected[name] = set(values)
            for action in self._menus[name].actions():
                if action.isCheckable():
                    action.blockSignals(True)
                    action.setChecked(action.data() in values)
                    action.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(query.search)
        self.search.blockSignals(False)
        self._update_buttons()
        if emit:
            self._emit_now()

    def set_filter(self, name: str, values: set[str]) -> None:
        """Filter one field to ``values`` (empty: no filter on it)."""
        if name == "light":
            name = "lights"
        if name not in self._selected:
            raise ValueError(f"unknown filter field {name!r}")
        data = self.query().to_dict()
        if name == "lights":
            data["lights"] = sorted(values)
        else:
            data["filters"][name] = sorted(values)
        self.set_query(ProjectQuery.from_dict(data))

    def clear(self) -> None:
        self.set_query(ProjectQuery())

    def _emit_now(self) -> None:
        self.search.search_now()

    def _emit(self) -> None:
        query = self.query()
        state = query.to_dict()
        if state == self._last_emitted:
            return
        self._last_emitted = state
        self.changed.emit(query)
