"""Which rows of the monthly grid a search finds: by 项目编号, 项目名称 or 责任单位, with the
ledger's matcher (:mod:`~desktop_app.domain.textmatch`: pinyin initials, full pinyin,
traditional characters).  No Qt here.

The ledger page holds every project's stored search key (名称, 建设单位, 建设内容, 包保领导,
责任单位, each as :func:`~desktop_app.domain.textmatch.field_key` makes it, empty ones left
out).  A search scans those keys at C speed and keeps the hits whose name's or unit's part
holds the text, so no pinyin is worked out again (100,000 names take ~1 s to convert); the
codes are compared as typed (lower case, no spaces).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ...domain.fields import SEARCH_FIELDS
from ...domain.textmatch import FIELD_SEP, field_key, normalize
from ...views.ledger import FIELD_INDEX, ROW_ID

if TYPE_CHECKING:
    from ...views.portfolio import LoadedRows

Info = Callable[[int], tuple[str, str, str, int | None]]  # id → (编号, 名称, 责任单位, plan)

_CODE, _NAME, _UNIT = FIELD_INDEX["code"], FIELD_INDEX["name"], FIELD_INDEX["department"]
# the stored key's first part is the name's, its last the unit's (when they are not empty)
_STORED_KEYS_USABLE = SEARCH_FIELDS[0] == "name" and SEARCH_FIELDS[-1] == "department"


def code_key(code: str) -> str:
    """A 项目编号 as searched: lower case, no spaces (NFKC, 繁→简 for any non-ASCII)."""
    if code.isascii():  # nearly every code: NFKC and 繁→简 change nothing
        return "".join(code.lower().split())
    return normalize(code)


def row_key(code: str, name: str, unit: str) -> str:
    """The key of one project built afresh (when the ledger's stored keys are not on hand)."""
    return FIELD_SEP.join(
        (code_key(code or ""), field_key(name) if name else "", field_key(unit) if unit else "")
    )


class GridMatcher:
    """Which of the grid's projects a search text finds.

    With a source of the ledger's rows (:meth:`set_source`, the page's ``loaded_rows``) it
    searches their stored keys; without one, or when they are out of date, each project's key
    is built from ``info`` when a search first needs it and kept until :meth:`forget`.
    """

    def __init__(self) -> None:
        self._source: Callable[[], LoadedRows | None] = lambda: None
        self._keys: dict[int, str] = {}  # built afresh, by project id
        self._codes: tuple[object, list[tuple[int, str]]] = (None, [])  # of which rows

    def set_source(self, source: Callable[[], LoadedRows | None]) -> None:
        self._source = source
        self.forget()

    def forget(self) -> None:
        """The projects may have changed: keys built afresh are built again when needed."""
        self._keys = {}

    def find(self, needle: str, ids: Sequence[int], info: Info) -> list[int]:
        """Those of ``ids`` whose 编号, 名称 or 责任单位 holds ``needle`` (a normalised
        query), in their order."""
        if not needle:
            return list(ids)
        loaded = self._source() if _STORED_KEYS_USABLE else None
        if loaded is not None and loaded.keys is not None:
            found = self._in_stored(loaded, needle)
            return [pid for pid in ids if pid in found]
        keys = self._keys
        for pid in ids:
            if pid not in keys:
                code, name, unit, _plan = info(pid)
                keys[pid] = row_key(code, name, unit)
        return [pid for pid in ids if needle in keys[pid]]

    def _in_stored(self, loaded: LoadedRows, needle: str) -> set[int]:
        rows, keys = loaded.rows, loaded.keys
        hits: Iterable[int]
        matching = getattr(keys, "matching", None)
        if matching is not None:
            hits = matching(needle)
            key_of: Callable[[int], str] = keys.key  # type: ignore[union-attr]
        else:
            assert isinstance(keys, Sequence)
            hits = [i for i, key in enumerate(keys) if needle in key]
            key_of = keys.__getitem__
        found: set[int] = set()
        for i in hits:  # rows holding the text in some searchable field
            row: Any = rows[i]
            parts = key_of(i).split(FIELD_SEP)
            if (row[_NAME] and needle in parts[0]) or (row[_UNIT] and needle in parts[-1]):
                found.add(row[ROW_ID])
        found.update(pid for pid, code in self._code_keys(rows) if needle in code)
        return found

    def _code_keys(self, rows: Sequence[Any]) -> list[tuple[int, str]]:
        """Every project's code as searched, made once per set of rows (they are replaced,
        never changed in place, when projects change)."""
        if self._codes[0] is not rows:
            self._codes = (rows, [(row[ROW_ID], code_key(row[_CODE] or "")) for row in rows])
        return self._codes[1]
