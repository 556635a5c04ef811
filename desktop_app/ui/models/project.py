"""The ledger table: a QAbstractTableModel over compact project rows with its own sort and filter.

Rows are raw tuples (see ledger_data); the model keeps an index list in sort order and the
visible subset of it, so sorting 100,000 projects is one ``list.sort`` and filtering one pass
over the stored search keys, well under the time of a keystroke.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from ...domain.collation import sorted_texts
from ...domain.derived import Light, LightThresholds
from ...domain.fields import FIELD_BY_NAME, PROJECT_FIELDS
from ...domain.money import from_cents
from ...domain.periods import Period
from ...domain.query import ProjectQuery
from ...domain.text import rate_percent
from ...domain.textmatch import normalize_query
from ...store import Project, Store
from ...views.ledger import (
    FIELD_INDEX,
    NO_FIGS,
    ROW_ID,
    ROW_KEY,
    Figs,
    LedgerData,
    RowIndex,
    SearchKeys,
    field_sort_values,
    load_ledger,
    without_key,
)
from ..common.labels import light_label, reported_label, tr_field
from .base import ColumnSpec, SpecTableModel

if TYPE_CHECKING:
    from ...views.portfolio import LoadedRows

_Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)


@dataclass(frozen=True)
class Column:
    """One column of the ledger table."""

    key: str
    label: str  # Chinese source text (translated in headerData)
    kind: str  # text, longtext, amount, date, code, codes, light, cents, rate, reported
    unit: bool = False


FIG_COLUMNS = {"light": 0, "month": 1, "ytd": 2, "rate": 3, "reported": 4}

COLUMNS: tuple[Column, ...] = (
    Column("light", "状态灯", "light"),
    *(Column(f.name, f.label, f.kind, f.kind == "amount") for f in PROJECT_FIELDS),
    Column("month", "本月完成", "cents", True),
    Column("ytd", "本年累计完成", "cents", True),
    Column("rate", "年度计划完成率", "rate"),
    Column("reported", "上报状态", "reported"),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
COLUMN_INDEX = {c.key: i for i, c in enumerate(COLUMNS)}

#: Columns hidden until the user shows them with the column chooser.
DEFAULT_HIDDEN = frozenset(
    {
        "owner",
        "lists",
        "scope",
        "planned_end",
        "actual_start",
        "actual_end",
        "secretary",
        "problems",
        "measures",
        "source",
        "reported",
    }
)

_LIGHT_ORDER = {"red": 0, "yellow": 1, "green": 2, "none": 3}
_icons: dict[str, QIcon] = {}


def light_icon(light: str) -> QIcon:
    """A round lamp in the light's colour (shared by the table and the monthly grid)."""
    icon = _icons.get(light)
    if icon is None:
        pixmap = QPixmap(14, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(Light(light).color))
        painter.drawEllipse(1, 1, 12, 12)
        painter.end()
        icon = _icons[light] = QIcon(pixmap)
    return icon


_fills: dict[str, QBrush] = {}


def light_fill(light: str) -> QBrush | None:
    """The pale row background of lagging (red/yellow) rows; None for the others."""
    if light not in ("red", "yellow"):
        return None
    brush = _fills.get(light)
    if brush is None:
        brush = _fills[light] = QBrush(QColor(Light(light).fill))
    return brush


def cents_text(value: int | None) -> str:
    """Whole 百元 → '12,345.60' (万元 with thousands separators)."""
    if value is None:
        return ""
    sign = "-" if value < 0 else ""
    value = abs(value)
    return f"{sign}{value // 100:,}.{value % 100:02d}"


def rate_text(rate: float | None) -> str:
    """A completion rate as every screen and report shows it (:func:`rate_percent`)."""
    return rate_percent(rate)


class _FigColumn(Sequence[Any]):
    """One element of every figures tuple, as a read-only sequence (no copy)."""

    def __init__(self, figs: list[Figs], k: int) -> None:
        self._figs, self._k = figs, k

    def __len__(self) -> int:
        return len(self._figs)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [f[self._k] for f in self._figs[i]]
        return self._figs[i][self._k]

    def __iter__(self) -> Iterator[Any]:
        k = self._k
        return (f[k] for f in self._figs)


class ProjectTableModel(SpecTableModel):
    """One row per project; sorting and filtering happen inside the model."""

    def __init__(self, store: Store, parent: Any = None, *, load: bool = True) -> None:
        super().__init__(parent, [ColumnSpec(c.label) for c in COLUMNS])
        self._store = store
        self._period: Period | None = None
        self._rows: list[tuple] = []
        self._figs: list[Figs] = []
        self._index = RowIndex({}, [], [], {})
        self._pos: dict[int, int] = self._index.pos  # project id → row index
        self._order: list[int] = []
        self._view: list[int] = []
        self._lists_cache: dict[int, tuple[str, ...]] = {}
        self._keys = SearchKeys()  # every row's search key (the rows hold none)
        self._rank: list[int] | None = None  # row index → position in the sort order
        # (filters, needle, rows found) of the last search, to narrow it on the next key
        self._narrow: tuple[Any, str, list[int]] | None = None
        self._query = ProjectQuery()
        self._thresholds: LightThresholds | None = None  # those of the lights in _figs
        self._action_count: int | None = None  # the store's action count the rows show
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        if load:
            self.set_data(load_ledger(store, store.default_period()))

    # ------------------------------------------------------------------ loading
    def set_data(self, data: LedgerData) -> None:
        """Show freshly loaded rows (keeps the current sort and filter)."""
        self.beginResetModel()
        self._period = data.period
        self._rows = data.rows
        self._figs = data.figs
        self._thresholds = data.thresholds
        self._action_count = data.action_count
        self._lists_cache = {}
        self._index = data.index or RowIndex.of(self._rows)
        self._pos = self._index.pos
        keys = data.keys
        self._keys = keys if keys is not None else SearchKeys.of(r[ROW_KEY] for r in data.rows)
        self._order = self._sorted_order()
        self._view = self._filtered(self._order)
        self.endResetModel()

    def reload(self) -> None:
        """Reload everything from the store on this thread (small ledgers, tests)."""
        self.set_data(load_ledger(self._store, self._period or self._store.default_period()))

    @property
    def period(self) -> Period | None:
        return self._period

    def loaded_rows(self) -> LoadedRows | None:
        """The rows and lights on hand, for a dashboard snapshot of the same ledger state
        (None before the first load or when the store has changed since)."""
        if self._period is None or self._action_count != self._store.action_count():
            return None
        from ...views.portfolio import LoadedRows

        return LoadedRows(
            self._rows,
            self._period,
            self._thresholds,
            _FigColumn(self._figs, 0),
            self._keys,
            year=self._period.year,
        )

    def update_projects(
        self, rows: Iterable[tuple], figs: dict[int, Figs], removed: Iterable[int]
    ) -> None:
        """Put changed rows in place, add new ones, drop deleted ones (after an edit).

        The row and figure lists are replaced, never changed in place: a snapshot of them
        handed out by :meth:`loaded_rows` (to a worker thread) stays as it was."""
        self.beginResetModel()
        gone = set(removed)
        if gone:
            keep = [i for i, r in enumerate(self._rows) if r[ROW_ID] not in gone]
            self._rows = [self._rows[i] for i in keep]
            self._figs = [self._figs[i] for i in keep]
            self._index = RowIndex.of(self._rows)
            self._pos = self._index.pos
        else:
            keep = range(len(self._rows))
            self._rows = list(self._rows)
            self._figs = list(self._figs)
        keys: dict[int, str] = {}  # the new search keys by row
        for row in rows:
            at = self._pos.get(row[ROW_ID])
            key = row[ROW_KEY] or ""
            row = without_key(row)
            if at is None:
                at = len(self._rows)
                self._rows.append(row)
                self._figs.append(figs.get(row[ROW_ID], NO_FIGS))
            else:
                self._rows[at] = row
                self._lists_cache.pop(at, None)
            self._index.put(at, row)
            keys[at] = key
        for pid, f in figs.items():
            at = self._pos.get(pid)
            if at is not None:
                self._figs[at] = f
        if gone:
            self._lists_cache = {}
        self._keys = self._keys.rebuilt(keep, keys)
        self._action_count = self._store.action_count()
        self._order = self._sorted_order()
        self._view = self._filtered(self._order)
        self.endResetModel()

    # ------------------------------------------------------------------- access
    def project_id(self, row: int) -> int:
        return int(self._rows[self._view[row]][ROW_ID])

    def row_of(self, project_id: int) -> int | None:
        """The view row showing a project (None when filtered out or unknown)."""
        at = self._pos.get(project_id)
        if at is None:
            return None
        try:
            return self._view.index(at)
        except ValueError:
            return None

    def project(self, row: int) -> Project:
        """The full record of a view row (read from the store)."""
        return self._store.get_project(self.project_id(row))

    def visible_ids(self) -> list[int]:
        rows = self._rows
        return [rows[i][ROW_ID] for i in self._view]

    def all_ids(self) -> list[int]:
        return [r[ROW_ID] for r in self._rows]

    def total_count(self) -> int:
        return len(self._rows)

    def value(self, project_id: int, field: str) -> Any:
        """A field's raw stored value (amounts in 百元) of a loaded project."""
        at = self._pos[project_id]
        return self._rows[at][FIELD_INDEX[field]]

    def figures(self, project_id: int) -> Figs:
        at = self._pos.get(project_id)
        return NO_FIGS if at is None else self._figs[at]

    def distinct(self, field: str) -> list[str]:
        """The values a text field takes across the ledger (for filter lists)."""
        if field in self._index.distinct:
            return sorted_texts(self._index.distinct[field])
        col = FIELD_INDEX[field]
        values = {r[col] for r in self._rows}
        values.discard(None)
        return sorted_texts(values)

    def totals(self) -> dict[str, Decimal]:
        """Sums over the visible projects: 总投资, 年度计划, 本年累计完成 (万元)."""
        view, index = self._view, self._index
        if len(view) == len(self._rows):  # everything shown: no need to pick
            total, plan = sum(index.totals), sum(index.plans)
            ytd = sum(f[2] for f in self._figs)
        else:
            total = sum(map(index.totals.__getitem__, view))
            plan = sum(map(index.plans.__getitem__, view))
            figs = self._figs
            ytd = sum(figs[i][2] for i in view)
        return {
            "total_investment": from_cents(total) or Decimal(0),
            "annual_plan": from_cents(plan) or Decimal(0),
            "ytd": from_cents(ytd) or Decimal(0),
        }

    def _lists(self, at: int) -> tuple[str, ...]:
        cached = self._lists_cache.get(at)
        if cached is None:
            raw = self._rows[at][FIELD_INDEX["lists"]]
            cached = () if not raw or raw == "[]" else tuple(json.loads(raw))
            self._lists_cache[at] = cached
        return cached

    # ------------------------------------------------------------------ filter
    @property
    def query(self) -> ProjectQuery:
        return self._query

    def set_query(self, query: ProjectQuery) -> None:
        """Show only the projects passing ``query`` (same rules as Store.list_projects)."""
        self.beginResetModel()
        self._query = query
        self._view = self._filtered(self._order)
        self.endResetModel()

    def _filtered(self, order: list[int]) -> list[int]:
        q = self._query
        if q.is_empty:
            self._narrow = None
            return list(order)
        rows = self._rows
        idx = order
        needle = normalize_query(q.search) if q.search else ""
        rest = (order is self._order, q.to_dict()["filters"], sorted(q.lights))
        narrow = self._narrow
        if needle and narrow is not None and narrow[1] in needle and narrow[0] == rest:
            # one more key typed: only the rows shown now can still match
            found = self._keys.among(needle, narrow[2])
            self._narrow = (rest, needle, found)
            return found
        if needle:
            idx = self._search(needle, order)
        for name, allowed in q.filters.items():
            if not allowed:
                continue
            if name == "lists":
                idx = [i for i in idx if not allowed.isdisjoint(self._lists(i))]
            else:
                col = FIELD_INDEX[name]
                idx = [i for i in idx if rows[i][col] in allowed]
        if q.lights:
            figs, lights = self._figs, q.lights
            idx = [i for i in idx if figs[i][0] in lights]
        result = idx if idx is not order else list(order)
        self._narrow = (rest, needle, result) if needle and len(result) < len(rows) // 3 else None
        return result

    def _search(self, needle: str, order: list[int]) -> list[int]:
        """Rows whose stored search key contains ``needle``, in ``order``.

        One ``find`` walk over all keys (see :class:`SearchKeys`): C speed for the scan,
        Python work only per hit.
        """
        hits = self._keys.matching(needle)
        if self._sort_column < 0:
            return hits  # order is row order
        rank = self._rank
        if rank is None:
            rank = self._rank = [0] * len(order)
            for position, i in enumerate(order):
                rank[i] = position
        hits.sort(key=rank.__getitem__)
        return hits

    # -------------------------------------------------------------------- sort
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        if (column, order) == (self._sort_column, self._sort_order):
            return  # in this order already (QTableView.sortByColumn asks twice)
        self.layoutAboutToBeChanged.emit()
        old_view = self._view
        persistent = self.persistentIndexList()
        kept = [(old_view[p.row()], p.column()) for p in persistent if p.row() < len(old_view)]
        self._sort_column, self._sort_order = column, order
        self._order = self._sorted_order()
        self._view = self._filtered(self._order)
        if persistent:
            where = {at: pos for pos, at in enumerate(self._view)}
            new = [self.index(where[at], col) if at in where else QModelIndex() for at, col in kept]
            self.changePersistentIndexList(persistent, new)
        self.layoutChanged.emit()

    def _sort_values(self, column: Column, rows: list[tuple] | None = None) -> list:
        """What each row (of ``rows``, default all) sorts by in ``column`` (None: blank)."""
        if column.key in FIG_COLUMNS:
            figs = self._figs if rows is None else [self._figs[self._pos[r[ROW_ID]]] for r in rows]
            if column.kind == "light":
                return [_LIGHT_ORDER.get(f[0], 9) for f in figs]
            k = FIG_COLUMNS[column.key]
            return [f[k] for f in figs]
        field = FIELD_BY_NAME[column.key]
        codes: list[str] = []
        if field.code_kind is not None:
            codes = self._store.code_names(field.code_kind)
        return field_sort_values(
            self._rows if rows is None else rows, field.name, field.kind, codes
        )

    def _sorted_order(self) -> list[int]:
        """Rows in the sort order (blanks last either way, as in Excel): Chinese by pinyin,
        code lists in their own order, numbers as numbers (see :func:`field_sort_values`)."""
        self._rank = None
        self._narrow = None
        n = len(self._rows)
        if self._sort_column < 0:
            return list(range(n))
        values = self._sort_values(COLUMNS[self._sort_column])
        present = [i for i in range(n) if values[i] is not None and values[i] != ""]
        blank = [i for i in range(n) if values[i] is None or values[i] == ""]
        present.sort(
            key=values.__getitem__, reverse=self._sort_order == Qt.SortOrder.DescendingOrder
        )
        return present + blank

    # --------------------------------------------------------------- Qt model
    def row_count(self) -> int:
        return len(self._view)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        at = self._view[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(at, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind in ("amount", "cents", "rate"):
                return _RIGHT
            if column.kind in ("date", "reported"):
                return _CENTER
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return light_fill(self._figs[at][0])
        if role == Qt.ItemDataRole.DecorationRole and column.kind == "light":
            return light_icon(self._figs[at][0])
        if role == Qt.ItemDataRole.ForegroundRole and column.kind == "reported":
            return None if self._figs[at][4] else QBrush(QColor(Light.RED.color))
        if role == Qt.ItemDataRole.ToolTipRole and column.kind in ("longtext", "text", "codes"):
            text = self._display(at, column)
            return text if text and len(text) > 12 else None
        if role == ID_ROLE:
            return self._rows[at][ROW_ID]
        if role == SORT_ROLE:
            return self._sort_values(column, [self._rows[at]])[0]
        return None

    def _display(self, at: int, column: Column) -> str:
        if column.key in FIG_COLUMNS:
            figs = self._figs[at]
            if column.kind == "light":
                return light_label(figs[0])
            if column.kind == "cents":
                return cents_text(figs[FIG_COLUMNS[column.key]])
            if column.kind == "rate":
                return rate_text(figs[3])
            return reported_label(figs[4])
        if column.kind == "codes":
            return "、".join(self._lists(at))
        value = self._rows[at][FIELD_INDEX[column.key]]
        if column.kind == "amount":
            return cents_text(value)
        return value or ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(COLUMNS):
                return None
            column = COLUMNS[section]
            if role == Qt.ItemDataRole.DisplayRole:
                if column.key == "annual_plan" and self._period is not None:
                    # a year's value since the ledger keeps one per year: say which year
                    return QCoreApplication.translate(
                        "ProjectTableModel", "{year}年计划投资(万元)"
                    ).format(year=self._period.year)
                label = tr_field(column.label)
                return label + tr_field("(万元)") if column.unit else label
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _CENTER
            if role == Qt.ItemDataRole.ToolTipRole and column.key == "rate":
                return QCoreApplication.translate(
                    "ProjectTableModel", "本年累计完成投资 ÷ 年度计划投资"
                )
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None
