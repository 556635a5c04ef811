"""Schema v7: the period index covers 本年累计 and 开工以来累计 too, so the figures of a period
find each project's report of the month without reading a table row -- and an older ledger
shows exactly the figures it showed before the upgrade."""

from __future__ import annotations

import shutil
import sqlite3

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
