"""Which projects a view shows: a search text plus field filters, shared by UI, CLI and reports."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .textmatch import normalize_query

FILTER_FIELDS = ("region", "sector", "chain", "status", "nature", "lists", "leader", "department")


@dataclass
class ProjectQuery:
    """A search text and, per field, the values allowed (empty: any)."""

    search: str = ""
    filters: dict[str, frozenset[str]] = field(default_factory=dict)
    lights: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = set(self.filters) - set(FILTER_FIELDS)
        if unknown:
            raise ValueError(f"unknown filter fields: {sorted(unknown)}")
        self._needle = normalize_query(self.search) if self.search else ""

    @property
    def is_empty(self) -> bool:
        return not self._needle and not any(self.filters.values()) and not self.lights

    def matches(
        self, record: Mapping[str, Any], search_key: str | None, light: str | None = None
    ) -> bool:
        """Whether a project (its field values, its search key, its light) passes.

        ``search_key`` None means the text was already matched (e.g. in SQL).
        """
        if self._needle and search_key is not None and self._needle not in search_key:
            return False
        for name, allowed in self.filters.items():
            if not allowed:
                continue
            value = record.get(name)
            if name == "lists":
                if not allowed.intersection(value or ()):
                    return False
            elif value not in allowed:
                return False
        return not (self.lights and light not in self.lights)

    def to_dict(self) -> dict[str, Any]:
        return {
            "search": self.search,
            "filters": {k: sorted(v) for k, v in self.filters.items() if v},
            "lights": sorted(self.lights),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ProjectQuery:
        filters = {
            k: frozenset(v) for k, v in (data.get("filters") or {}).items() if k in FILTER_FIELDS
        }
        return cls(str(data.get("search") or ""), filters, frozenset(data.get("lights") or ()))
