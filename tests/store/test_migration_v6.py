"""Schema v6 (issue 15): the old per-project 年度计划投资 / 建设性质 / 项目清单 columns are
dropped once every read and write uses project_years; old ledgers still open, their plans
still those of the year they were entered for, and the schema check passes."""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.store import Store, schema
from desktop_app.store.schema_check import schema_problems

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _columns(conn, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


@pytest.mark.parametrize(
    "fixture", ["ledger_schema_v1.sqlite", "ledger_schema_v2.sqlite", "ledger_schema_v3.sqlite"]
)
def test_old_ledgers_open_without_the_year_columns_and_keep_their_plans(fixture, tmp_path):
    path = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, path)
    old = sqlite3.connect(path)
    before = {
        code: (plan, nature, lists)
        for code, plan, nature, lists in old.execute(
            "SELECT code, annual_plan, nature, lists FROM projects"
        )
    }
    old.close()
    with Store.open(path, user="升级测试") as s:
        assert s.schema_version == schema.SCHEMA_VERSION >= 6
        if sqlite3.sqlite_version_info >= (3, 35, 0):
            assert not _columns(s.conn, "projects") & set(schema.YEAR_COLUMNS)
        assert schema_problems(s.conn, schema.SCHEMA_VERSION) == []
        year = s.current_year()
        after = {
            p.code: (
                None if p.annual_plan is None else int(p.annual_plan * 100),
                p.nature,
                p.lists,
            )
            for p in s.projects(year)
        }
        assert after == {
            code: (plan, nature, __import__("json").loads(lists or "[]"))
            for code, (plan, nature, lists) in before.items()
        }
        # and the ledger is written as usual
        first = s.projects()[0]
        s.update_project(first.id, {"annual_plan": Decimal("12.5"), "lists": []})
        assert s.get_project(first.id).annual_plan == Decimal("12.50")


def test_a_new_ledger_has_no_year_columns(store):
    if sqlite3.sqlite_version_info >= (3, 35, 0):
        assert not _columns(store.conn, "projects") & set(schema.YEAR_COLUMNS)
    assert schema_problems(store.conn, schema.SCHEMA_VERSION) == []
