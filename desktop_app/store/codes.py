"""Code lists (县区, 产业类别, 产业链, 状态, 性质, 清单), indicators and the ``meta`` entries."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from ..domain.derived import LightThresholds
from .actions import ActionsMixin
from .errors import StoreError
from .models import CodeEntry, Indicator
from .rows import clean

#: The ``meta`` key of the office that fills in the reports (填报单位).
OFFICE_NAME_META = "report_unit"
#: The ``meta`` key of the ledger's status-light thresholds (JSON), since issue 15: the window,
#: the command line and every clerk of one ledger light its projects, and close its rounds,
#: by the same rule.
LIGHTS_META = "light_thresholds"
#: The longest office name accepted (the widest header cell holds about this many).
OFFICE_NAME_MAX = 40


class CodesMixin(ActionsMixin):
    """Code lists, indicators and meta of :class:`~.store.Store`."""

    # --------------------------------------------------------------------- meta
    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def office_name(self) -> str | None:
        """The office that fills in this ledger's reports (填报单位), None when never set
        (the reports then print the commission's name)."""
        return clean(self.meta(OFFICE_NAME_META))

    def set_office_name(self, name: str) -> str:
        """Set the 填报单位 of this ledger (one action, in the change history); returns the
        name as stored.  Raises StoreError for an empty or over-long name."""
        cleaned = clean(name)
        if cleaned is None:
            raise StoreError("填报单位不能为空")
        if len(cleaned) > OFFICE_NAME_MAX:
            raise StoreError(f"填报单位太长（{len(cleaned)} 个字），最多 {OFFICE_NAME_MAX} 个字")
        old = self.meta(OFFICE_NAME_META)
        if old == cleaned:
            return cleaned
        with self.action(f"修改填报单位：{cleaned}"):
            self.conn.execute(
                self.engine.upsert_sql("meta", ("key",), ("value",)), (OFFICE_NAME_META, cleaned)
            )
            self.record_change("meta", None, OFFICE_NAME_META, old, cleaned)
        return cleaned

    def stored_light_thresholds(self) -> LightThresholds | None:
        """The status-light thresholds set for this ledger (None: never set, or unreadable)."""
        text = self.meta(LIGHTS_META)
        if not text:
            return None
        try:
            values = json.loads(text)
            return LightThresholds(
                Decimal(str(values["yellow_points"])),
                Decimal(str(values["red_points"])),
                int(values["start_overdue_months"]),
            )
        except (ValueError, TypeError, KeyError, InvalidOperation):
            return None

    def light_thresholds(self) -> LightThresholds:
        """The thresholds every light of this ledger follows: its own, else the defaults."""
        return self.stored_light_thresholds() or LightThresholds()

    def set_light_thresholds(self, thresholds: LightThresholds, *, note: str = "") -> bool:
        """Set this ledger's status-light thresholds (one action, in the change history);
        False when its lights already follow these (its own, or the defaults)."""
        if thresholds == self.light_thresholds():
            return False
        old = self.meta(LIGHTS_META)
        text = json.dumps(
            {
                "yellow_points": str(thresholds.yellow_points),
                "red_points": str(thresholds.red_points),
                "start_overdue_months": thresholds.start_overdue_months,
            }
        )
        t = thresholds
        with self.action(
            f"修改状态灯阈值：落后序时进度{t.yellow_points}个百分点黄灯、{t.red_points}个百分点红灯，"
            f"计划开工逾期{t.start_overdue_months}个月红灯{note}"
        ):
            self.conn.execute(
                self.engine.upsert_sql("meta", ("key",), ("value",)), (LIGHTS_META, text)
            )
            self.record_change("meta", None, LIGHTS_META, old, text)
        return True

    # --------------------------------------------------------------- code lists
    def codes(self, kind: str) -> list[CodeEntry]:
        rows = self.conn.execute(
            "SELECT kind, name, sort_order, leader, target_count, note FROM code_lists "
            "WHERE kind = ? ORDER BY sort_order, name",
            (kind,),
        ).fetchall()
        return [CodeEntry(*r) for r in rows]

    def code_names(self, kind: str) -> list[str]:
        return [c.name for c in self.codes(kind)]

    def code_exists(self, kind: str, name: str) -> bool:
        return (
            self.conn.execute(
                "SELECT 1 FROM code_lists WHERE kind = ? AND name = ?", (kind, name)
            ).fetchone()
            is not None
        )

    def save_code(self, entry: CodeEntry) -> None:
        """Add a code list entry or update its leader, order, count and note."""
        name = clean(entry.name) or ""
        entry = replace(
            entry, name=name, leader=clean(entry.leader), note=clean(entry.note, multiline=True)
        )
        with self.action(f"编辑代码表：{entry.name}"):
            row = self.conn.execute(
                "SELECT sort_order, leader, target_count, note FROM code_lists "
                "WHERE kind = ? AND name = ?",
                (entry.kind, entry.name),
            ).fetchone()
            values = (entry.sort_order, entry.leader, entry.target_count, entry.note)
            if row is None:
                self.conn.execute(
                    "INSERT INTO code_lists (kind, name, sort_order, leader, target_count, note) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (entry.kind, entry.name, *values),
                )
                self.record_change("code_lists", None, f"{entry.kind}:{entry.name}", None, "新增")
                return
            self.conn.execute(
                "UPDATE code_lists SET sort_order = ?, leader = ?, target_count = ?, note = ? "
                "WHERE kind = ? AND name = ?",
                (*values, entry.kind, entry.name),
            )
            for name, old, new in zip(
                ("sort_order", "leader", "target_count", "note"), row, values, strict=True
            ):
                if old != new:
                    self.record_change(
                        "code_lists", None, f"{entry.kind}:{entry.name}.{name}", old, new
                    )

    def delete_code(self, kind: str, name: str) -> None:
        """Remove a code list entry; refused while a project uses it."""
        if kind == "list":
            used = self.engine.count_in_list(self.conn, "project_years", "lists", name)
        elif kind == "nature":  # 建设性质 is a year's (project_years)
            used = self.conn.execute(
                "SELECT count(DISTINCT project_id) FROM project_years WHERE nature = ?", (name,)
            ).fetchone()[0]
        else:
            used = self.conn.execute(
                f"SELECT count(*) FROM projects WHERE {kind} = ?", (name,)
            ).fetchone()[0]
        if used:
            raise StoreError(f"“{name}”仍被 {used} 个项目使用，不能删除")
        with self.action(f"删除代码：{name}"):
            self.conn.execute("DELETE FROM code_lists WHERE kind = ? AND name = ?", (kind, name))
            self.record_change("code_lists", None, f"{kind}:{name}", "存在", None)

    # --------------------------------------------------------------- indicators
    def indicators(self, period: str | None = None) -> list[Indicator]:
        sql = (
            "SELECT name, period, kind, measure, value, unit, qualifier, source, quote, id "
            "FROM indicators"
        )
        params: list[Any] = []
        if period is not None:
            sql += " WHERE period = ?"
            params.append(period)
        return [Indicator(*r) for r in self.conn.execute(sql + " ORDER BY period DESC, id", params)]

    def save_indicator(self, indicator: Indicator) -> None:
        """Add an indicator value or change it (matched by name, period, kind and measure)."""
        with self.action(f"编辑指标：{indicator.name}"):
            key = (indicator.name, indicator.period, indicator.kind, indicator.measure)
            row = self.conn.execute(
                "SELECT id, value, unit, qualifier, source, quote FROM indicators "
                "WHERE name = ? AND period = ? AND kind = ? AND measure = ?",
                key,
            ).fetchone()
            values = (
                indicator.value,
                indicator.unit,
                indicator.qualifier,
                indicator.source,
                indicator.quote,
            )
            if row is None:
                new_id = self.engine.insert_id(
                    self.conn,
                    "INSERT INTO indicators (name, period, kind, measure, value, unit, qualifier, "
                    "source, quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*key, *values),
                )
                self.record_change("indicators", new_id, "value", None, indicator.value)
                return
            names = ("value", "unit", "qualifier", "source", "quote")
            diff = {n: v for n, o, v in zip(names, row[1:], values, strict=True) if o != v}
            if diff:
                self.conn.execute(
                    f"UPDATE indicators SET {', '.join(f'{k} = ?' for k in diff)} WHERE id = ?",
                    (*diff.values(), row[0]),
                )
                old = dict(zip(names, row[1:], strict=True))
                self.record_changes(("indicators", row[0], k, old[k], v) for k, v in diff.items())
