"""Schema v7: the period index covers 本年累计 and 开工以来累计 too, so the figures of a period
find each project's report of the month without reading a table row -- and an older ledger
shows exactly the figures it showed before the upgrade."""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal

import pytest

from desktop_app.domain.periods import Period
from desktop_app.store import Store, schema
from desktop_app.store.figure_columns import COLUMNS_SQL, ROUND_PAIR_SQL
from desktop_app.store.schema_check import schema_problems
from tests.conftest import FIXTURES
from tests.views.test_compare_fast import reference


def _indexes(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def _plan(conn: sqlite3.Connection, sql: str, *params: object) -> str:
    return " | ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))


@pytest.mark.parametrize(
    "fixture", ["ledger_schema_v1.sqlite", "ledger_schema_v2.sqlite", "ledger_schema_v3.sqlite"]
)
def test_older_ledgers_get_the_index_and_keep_every_figure(fixture, tmp_path):
    path = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, path)
    with Store.open(path, user="升级测试") as s:
        assert s.schema_version == schema.SCHEMA_VERSION >= 7
        assert schema_problems(s.conn, schema.SCHEMA_VERSION) == []
        indexes = _indexes(s.conn)
        assert schema.PERIOD_INDEX_NAME in indexes
        assert "monthly_reports_period_amount" not in indexes  # the v3 index it replaces
        periods = [Period.parse(p) for p in s.periods()]
        # the figures by the period index are those of one report seek and derived.cents_rule
        # per project (every period the ledger has, and the month after the newest)
        for period in [*periods, periods[0].shift(1)]:
            expected = reference(s, period, None)
            rows = list(s.figure_rows(period))
            assert len(rows) == len(expected) > 0
            for pid, light, month, ytd, cum, plan, _total, reported in rows:
                assert (light, month, ytd, cum, plan, reported) == expected[pid][:6], pid


def test_a_periods_figures_read_the_month_from_the_index_alone(store):
    plan = _plan(store.conn, COLUMNS_SQL, 2022, "2022-06")
    assert f"COVERING INDEX {schema.PERIOD_INDEX_NAME}" in plan
    pair = _plan(store.conn, ROUND_PAIR_SQL, 2022, "2022-06", "2022-05")
    assert pair.count(f"COVERING INDEX {schema.PERIOD_INDEX_NAME}") == 2


def _v6_rounds(path):
    """What the v6 file's rounds hold, read straight from its JSON rows (no app code)."""
    import json

    out: dict[str, dict[int, dict]] = {}
    with sqlite3.connect(path) as old:
        for period, pid, row in old.execute(
            "SELECT period, project_id, row FROM round_rows WHERE project_id > 0"
        ):
            out.setdefault(period, {})[pid] = json.loads(row)
    return out


def test_v6_rounds_keep_every_value_they_were_closed_with(tmp_path):
    """The v6 fixture has two closed rounds and a ledger that moved on afterwards (a plan, a
    name, a deleted project): after the upgrade each round gives back exactly the projects,
    reports, problems, figures and months its v6 rows held."""
    path = tmp_path / "v6.sqlite"
    shutil.copy(FIXTURES / "ledger_schema_v6.sqlite", path)
    before = _v6_rounds(path)
    assert set(before) == {"2022-05", "2022-06"}
    with Store.open(path, user="升级测试") as s:
        assert s.schema_version == schema.SCHEMA_VERSION
        assert schema_problems(s.conn, schema.SCHEMA_VERSION) == []
        assert [r.period for r in s.closed_rounds()] == ["2022-05", "2022-06"]
        for period, rows in before.items():
            assert s.closed_round(period).count == len(rows)
            frozen = s.frozen_round(period)
            by_id = {r["id"]: r for r in frozen.rows}
            assert set(by_id) == set(rows)
            for pid, old in rows.items():
                new = by_id[pid]
                assert new["project"] == old["project"], pid
                assert new["report"] == old["report"], pid
                assert new["problems"] == old["problems"], pid
                for key in ("light", "month", "ytd", "cum", "planned"):
                    assert new[key] == old[key], (pid, key)
                assert bool(new["reported"]) is old["reported"]
            month = int(period[5:])
            for m in range(1, month + 1):
                want = sorted(
                    (pid, r["months"][m - 1])
                    for pid, r in rows.items()
                    if r["months"] and r["months"][m - 1] is not None
                )
                assert sorted(frozen.each_amount(f"2022-{m:02d}")) == want
        # the deleted project and the old name live on in the rounds, not in the ledger
        june = s.frozen_round("2022-06")
        names = {p.code: p.name for p in june.projects()}
        assert names["LY2022-003"] != "改名以后的项目"
        assert "LY2022-004" in names and s.find_project("LY2022-004") is None
        plans = {p.code: p.annual_plan for p in june.projects()}
        assert plans["LY2022-002"] == Decimal("1234.56")  # the plan at the close, not 2000
        assert s.get_project(s.find_project("LY2022-002").id).annual_plan == Decimal("2000")
        # the round tables, and no project row left in round_rows
        assert s.conn.execute(
            "SELECT count(*) FROM round_rows WHERE project_id > 0"
        ).fetchone() == (0,)
