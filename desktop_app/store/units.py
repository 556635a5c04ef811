"""The unit directory (责任单位): who reports which projects, their contacts, the deadline.

A unit is named by the projects' 责任单位 text; the directory adds a short name, a contact and a
phone (for the templates, the 催报 list, the 退回通知).  Every name a project uses is in it:
:meth:`UnitsMixin.units` lists the directory's entries and, unlisted, any name a project uses
that was typed after the directory was made (the window offers to complete it).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..domain.periods import Period
from .actions import ActionsMixin
from .errors import ConflictError, StoreError
from .rows import clean

#: The ``meta`` keys of the returns' deadline (the day of the month after the period) and of
#: the planning office's contact printed on every template.
DEADLINE_META = "report_deadline_day"
OFFICE_CONTACT_META = "office_contact"
OFFICE_PHONE_META = "office_phone"
LEDGER_ID_META = "ledger_id"
DEFAULT_DEADLINE_DAY = 5
_PHONE = re.compile(r"^[0-9０-９+＋()（）\-－—\s、,，/转]{3,40}$")
_LIMITS = {"name": 60, "short_name": 20, "contact": 30, "phone": 40, "note": 200}


@dataclass(slots=True)
class Unit:
    """One 责任单位 of the directory (``listed`` False: a name only projects use so far)."""

    name: str
    short_name: str | None = None
    contact: str | None = None
    phone: str | None = None
    sort_order: int = 0
    note: str | None = None
    version: int = 0
    listed: bool = True
    projects: int = 0  # how many projects name it (read, never written)

    @property
    def label(self) -> str:
        """How lists and file names show it: the short name when there is one."""
        return self.short_name or self.name


_VALUES = ("short_name", "contact", "phone", "sort_order", "note")
_LABELS = {"name": "单位名称", "short_name": "简称", "contact": "联系人", "phone": "电话",
           "sort_order": "排序", "note": "备注"}  # fmt: skip


class UnitsMixin(ActionsMixin):
    """The unit directory of :class:`~.store.Store`."""

    # ------------------------------------------------------------------ reading
    def units(self) -> list[Unit]:
        """The directory in its order, then (unlisted) any 责任单位 a project names that is
        not in it; each with the number of projects naming it."""
        counts = dict(
            self.conn.execute(
                "SELECT trim(department), count(*) FROM projects "
                "WHERE department IS NOT NULL AND trim(department) <> '' "
                "GROUP BY trim(department)"
            ).fetchall()
        )
        out = [
            Unit(*row, projects=counts.pop(row[0], 0))
            for row in self.conn.execute(
                "SELECT name, short_name, contact, phone, sort_order, note, version FROM units "
                "ORDER BY sort_order, name"
            )
        ]
        out += [Unit(name, listed=False, projects=n) for name, n in sorted(counts.items())]
        return out

    def unit(self, name: str) -> Unit | None:
        return next((u for u in self.units() if u.name == name.strip()), None)

    # ------------------------------------------------------------------ writing
    def save_unit(self, unit: Unit, *, old_name: str | None = None) -> Unit:
        """Add or change a unit (one action).  ``old_name``: the unit renamed -- its projects
        and returns take the new name in the same action.  A unit saved elsewhere since it was
        read (its version) is a :class:`ConflictError`."""
        with self.action(f"保存责任单位：{unit.name}"):
            self._write_unit(unit, old_name)
        saved = self.unit(unit.name)
        assert saved is not None
        return saved

    def import_units(self, rows: Iterable[Mapping[str, Any]], *, source: str) -> tuple[int, int]:
        """Add or complete many units from a sheet (name, 简称, 联系人, 电话…) as one action:
        empty cells keep what the directory has.  Returns (added, changed)."""
        rows = list(rows)
        known = {u.name: u for u in self.units()}
        added = changed = 0
        with self.action(f"导入责任单位（{len(rows)}个）", source=source):
            for row in rows:
                name = clean(str(row.get("name") or "")) or ""
                old = known.get(name)
                given = {k: row[k] for k in _VALUES if row.get(k) not in (None, "")}
                if old is None or not old.listed:
                    self._write_unit(Unit(name, **given, listed=False), None)
                    added += 1
                elif any(getattr(old, k) != v for k, v in _checked(given).items()):
                    self._write_unit(replace(old, **given), None)
                    changed += 1
                known[name] = Unit(name, listed=True)
        return added, changed

    def delete_unit(self, name: str) -> None:
        """Remove a unit no project names (one action)."""
        unit = self.unit(name)
        if unit is None or not unit.listed:
            return
        if unit.projects:
            raise StoreError(f"还有 {unit.projects} 个项目的责任单位是“{name}”，不能删除")
        with self.action(f"删除责任单位：{name}"):
            self.conn.execute("DELETE FROM units WHERE name = ?", (name,))
            self.record_change("units", None, name, "存在", None)

    def _write_unit(self, unit: Unit, old_name: str | None) -> None:
        values = _checked({k: getattr(unit, k) for k in ("name", *_VALUES)})
        name = values["name"]
        current = old_name or name
        row = self.conn.execute(
            "SELECT name, short_name, contact, phone, sort_order, note, version FROM units "
            "WHERE name = ?",
            (current,),
        ).fetchone()
        if (
            old_name
            and old_name != name
            and self.conn.execute("SELECT 1 FROM units WHERE name = ?", (name,)).fetchone()
        ):
            raise StoreError(f"已有名为“{name}”的责任单位")
        if row is None:
            if values["sort_order"] == 0:
                values["sort_order"] = self.conn.execute(
                    "SELECT coalesce(max(sort_order), 0) + 1 FROM units"
                ).fetchone()[0]
            self.conn.execute(
                "INSERT INTO units (name, short_name, contact, phone, sort_order, note) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                tuple(values[k] for k in ("name", *_VALUES)),
            )
            self.record_changes(
                ("units", None, f"{name}.{k}", None, str(v))
                for k, v in values.items()
                if v not in (None, 0) and k != "name"
            )
            self.record_change("units", None, name, None, "新增")
        else:
            old = dict(zip(("name", *_VALUES), row[:-1], strict=True))
            if unit.listed and row[-1] != unit.version:
                raise ConflictError(
                    f"责任单位“{current}”在您读取后已被他人修改，您的修改未保存。请刷新后再改", {}
                )
            diff = {k: v for k, v in values.items() if v != old[k]}
            if not diff:
                return
            self.conn.execute(
                f"UPDATE units SET {', '.join(f'{k} = ?' for k in diff)}, version = version + 1 "
                "WHERE name = ?",
                (*diff.values(), current),
            )
            self.record_changes(
                ("units", None, f"{name}.{k}", _text(old[k]), _text(v)) for k, v in diff.items()
            )
        if old_name and old_name != name:  # the projects and returns follow the rename
            for table, column in (("projects", "department"), ("unit_returns", "unit")):
                self.conn.execute(
                    f"UPDATE {table} SET {column} = ? WHERE trim({column}) = ?", (name, old_name)
                )
            self.record_change("units", None, f"{name}.name", old_name, name)

    def ledger_id(self) -> str:
        """This ledger's identifier (schema v8), written into its templates: a return made
        from another ledger's template is refused."""
        return self.meta(LEDGER_ID_META) or ""  # type: ignore[attr-defined]  # CodesMixin

    # ----------------------------------------------------------- the deadline
    def report_deadline_day(self) -> int:
        """The day of the month after a period by which its returns are due (截止日期)."""
        text = self.meta(DEADLINE_META)  # type: ignore[attr-defined]  # CodesMixin
        return (
            int(text) if text and text.isdigit() and 1 <= int(text) <= 28 else DEFAULT_DEADLINE_DAY
        )

    def report_deadline(self, period: Period | str) -> dt.date:
        """The 截止日期 of ``period``'s returns: that day of the next month."""
        month = Period.parse(str(period))
        year, number = (month.year + 1, 1) if month.month == 12 else (month.year, month.month + 1)
        return dt.date(year, number, self.report_deadline_day())

    def office_contact(self) -> tuple[str | None, str | None]:
        """The planning office's contact and phone printed on the templates."""
        return (
            clean(self.meta(OFFICE_CONTACT_META)),  # type: ignore[attr-defined]
            clean(self.meta(OFFICE_PHONE_META)),  # type: ignore[attr-defined]
        )

    def set_return_settings(
        self,
        *,
        deadline_day: int | None = None,
        contact: str | None = None,
        phone: str | None = None,
    ) -> None:
        """Set the deadline day and the office's contact (what is given; one action)."""
        values: dict[str, str] = {}
        if deadline_day is not None:
            if not 1 <= deadline_day <= 28:
                raise StoreError(f"截止日期应为每月 1～28 日，不是 {deadline_day} 日")
            values[DEADLINE_META] = str(deadline_day)
        if contact is not None:
            values[OFFICE_CONTACT_META] = _checked({"contact": contact})["contact"] or ""
        if phone is not None:
            values[OFFICE_PHONE_META] = _checked({"phone": phone})["phone"] or ""
        changed = {
            k: v
            for k, v in values.items()
            if v != (self.meta(k) or "")  # type: ignore[attr-defined]
        }
        if not changed:
            return
        with self.action("修改报送设置"):
            for key, value in changed.items():
                old = self.meta(key)  # type: ignore[attr-defined]
                self.conn.execute(
                    self.engine.upsert_sql("meta", ("key",), ("value",)),  # type: ignore[attr-defined]
                    (key, value),
                )
                self.record_change("meta", None, key, old, value)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _checked(values: Mapping[str, Any]) -> dict[str, Any]:
    """A unit's values cleaned, or StoreError naming the field."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "sort_order":
            try:
                out[key] = int(value or 0)
            except (TypeError, ValueError):
                raise StoreError(f"排序应为整数，不是“{value}”") from None
            continue
        text = clean(None if value is None else str(value))
        limit = _LIMITS[key]
        if key == "name" and not text:
            raise StoreError("单位名称不能为空")
        if text and len(text) > limit:
            raise StoreError(f"{_LABELS[key]}太长（{len(text)} 个字），最多 {limit} 个字")
        if key == "phone" and text and not _PHONE.match(text):
            raise StoreError(f"电话“{text}”应为数字（可含 -、括号、转）")
        out[key] = text
    return out
