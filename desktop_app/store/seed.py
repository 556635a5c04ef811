"""The shipped 2022 portfolio (db/portfolio_2022.json) and the code lists it carries."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..domain.fields import PROJECT_FIELD_NAMES
from ..paths import portfolio_file
from .models import CodeEntry

PORTFOLIO_SOURCE = "2022年辽源市政府工作报告"


def read_portfolio(path: Path | None = None) -> dict[str, Any]:
    """The shipped portfolio file as data."""
    return json.loads((path or portfolio_file()).read_text(encoding="utf-8"))


def load_code_lists(store: Any, data: dict[str, Any]) -> None:
    """Insert the code lists of a portfolio file (inside the caller's action)."""
    rows = []
    for kind, entries in data.get("code_lists", {}).items():
        for order, entry in enumerate(entries):
            rows.append(
                CodeEntry(
                    kind=kind,
                    name=entry["name"],
                    sort_order=order,
                    leader=entry.get("leader"),
                    target_count=entry.get("target_count"),
                    note=entry.get("quote") or entry.get("note"),
                )
            )
    columns = ("kind", "name", "sort_order", "leader", "target_count", "note")
    store.conn.executemany(
        store.engine.insert_ignore_sql("code_lists", columns),
        [(r.kind, r.name, r.sort_order, r.leader, r.target_count, r.note) for r in rows],
    )
    store.record_changes(("code_lists", None, f"{r.kind}:{r.name}", None, "新增") for r in rows)


def portfolio_year(data: dict[str, Any]) -> int:
    """The year a portfolio file is of: the year its source names (2022年…), else that of
    its indicators, else 2022."""
    import re

    match = re.match(r"(20\d\d)年", str(data.get("source") or ""))
    if match:
        return int(match.group(1))
    years = [str(i.get("period"))[:4] for i in data.get("indicators", [])]
    digits = [int(y) for y in years if y.isdigit()]
    return max(digits, default=2022)


def load_portfolio(store: Any, path: Path | None = None) -> int:
    """Load the shipped portfolio into an empty ledger as one action; returns the project count."""
    from ..domain.fields import AMOUNT_FIELDS
    from .models import Indicator

    data = read_portfolio(path)
    with store.action("载入2022年重点项目（政府工作报告）", source=PORTFOLIO_SOURCE):
        load_code_lists(store, data)
        store.set_current_year(portfolio_year(data))  # its projects go on that year's list
        for record in data["projects"]:
            values = {name: record.get(name) for name in PROJECT_FIELD_NAMES}
            values["lists"] = values.get("lists") or []
            if any(values.get(name) is not None for name in AMOUNT_FIELDS):
                raise ValueError(f"shipped portfolio gives an amount for {values['name']}")
            store.add_project(values)
        for item in data.get("indicators", []):
            store.save_indicator(
                Indicator(
                    name=item["name"],
                    period=str(item["period"]),
                    kind=item["kind"],
                    measure=item.get("measure") or "增长",
                    value=item.get("value"),
                    unit=item.get("unit"),
                    qualifier=item.get("qualifier"),
                    source=item.get("source") or PORTFOLIO_SOURCE,
                    quote=item.get("quote"),
                )
            )
    return len(data["projects"])
