"""Schema versions: migrations are transactional; the first released schema still opens."""

import shutil
import sqlite3

import pytest
from sqlite_utils import Migrations

from desktop_app.store import Store, schema
from tests.conftest import FIXTURES

V1_FIXTURE = FIXTURES / "ledger_schema_v1.sqlite"


def test_new_ledger_is_at_current_schema(store):
    assert store.schema_version == schema.SCHEMA_VERSION
    applied = [m.name for m in schema.migrations.applied(store.db)]
    assert applied == schema.KNOWN_MIGRATIONS


def test_failed_migration_changes_nothing(ledger_path, monkeypatch):
    broken = Migrations("keyprojects")
    for name in schema.KNOWN_MIGRATIONS:
        broken(name=name)(getattr(schema, name))

    @broken(name="m999_broken")
    def m999_broken(db):
        db.execute("CREATE TABLE half_done (x)")
        db.execute("UPDATE projects SET name = '改坏了'")
        db.execute("PRAGMA user_version = 999")
        raise RuntimeError("boom")

    released = list(schema.KNOWN_MIGRATIONS)
    released_version = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "migrations", broken)
    monkeypatch.setattr(schema, "KNOWN_MIGRATIONS", [*schema.KNOWN_MIGRATIONS, "m999_broken"])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 999)
    with pytest.raises(RuntimeError, match="boom"):
        Store.open(ledger_path)
    conn = sqlite3.connect(ledger_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "half_done" not in tables
    assert conn.execute("SELECT count(*) FROM projects WHERE name = '改坏了'").fetchone()[0] == 0
    assert conn.execute("PRAGMA user_version").fetchone()[0] == released_version
    names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    assert names == released
    conn.close()


def test_first_released_schema_opens_in_this_version(tmp_path):
    """tests/fixtures/ledger_schema_v1.sqlite was written by schema v1 (0.1.0) and is never
    regenerated: every later version must open it, migrate it and keep its data."""
    path = tmp_path / "v1.sqlite"
    shutil.copy(V1_FIXTURE, path)
    with Store.open(path, user="升级测试") as s:
        assert s.schema_version == schema.SCHEMA_VERSION
        project = s.find_project("LY2022-001")
        assert project is not None and project.name == "鑫达钢铁180万吨热轧带钢"
        # the fixture holds one edited project with a monthly report and its history
        edited = s.find_project("LY2022-002")
        assert edited is not None and str(edited.annual_plan) == "1234.56"
        changes = {h.field: h.new_value for h in s.history(table="projects", record_id=edited.id)}
        assert changes["annual_plan"] == "1234.56" and changes["status"] == "在建"
        reports = s.project_monthly(edited.id)
        assert [r.period for r in reports] == ["2022-05"]
        # and it can still be written
        s.update_project(edited.id, {"annual_plan": "1000"})
