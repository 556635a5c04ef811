"""Schema versions: migrations are transactional; the first released schema still opens."""

import shutil
import sqlite3
from contextlib import contextmanager
from decimal import Decimal

import pytest
from sqlite_utils import Migrations

from desktop_app.domain.periods import Period
from desktop_app.store import MonthlyReport, Store, schema
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


V2_FIXTURE = FIXTURES / "ledger_schema_v2.sqlite"
#: The dashboard's read of one month's amounts (Store.each_amount).
AMOUNTS_SQL = (
    "SELECT project_id, month_investment FROM monthly_reports "
    "WHERE period = ? AND month_investment IS NOT NULL"
)


def _indexes(conn):
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def _plan(conn, sql, *params):
    return " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))


@pytest.mark.parametrize("fixture", [V1_FIXTURE, V2_FIXTURE], ids=["v1", "v2"])
def test_older_ledgers_get_the_covering_period_index(tmp_path, fixture):
    """A v1 or v2 file (written by those releases, never regenerated) opens at v3: the
    period index covers 本月完成投资, the dashboard reads amounts from it alone, and the
    figures are those the older version showed."""
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    with sqlite3.connect(path) as old:
        assert "monthly_reports_period" in _indexes(old)
        assert "COVERING INDEX" not in _plan(old, AMOUNTS_SQL, "2022-05")
    with Store.open(path, user="升级测试") as s:
        assert s.schema_version == schema.SCHEMA_VERSION
        indexes = _indexes(s.conn)
        assert schema.PERIOD_INDEX_NAME in indexes
        assert "monthly_reports_period" not in indexes  # its leading columns live on
        plan = _plan(s.conn, AMOUNTS_SQL, "2022-05")
        assert f"COVERING INDEX {schema.PERIOD_INDEX_NAME}" in plan
        # one period's reports (monthly grid) and the newest period still seek the index
        assert schema.PERIOD_INDEX_NAME in _plan(
            s.conn, "SELECT project_id FROM monthly_reports WHERE period = ?", "2022-05"
        )
        may = {"LY2022-002": 10050} if fixture == V1_FIXTURE else {"LY2022-002": 5025}
        if fixture == V2_FIXTURE:
            may["LY2022-003"] = 3000
        assert dict(s.each_amount("2022-05")) == {s.find_project(c).id: v for c, v in may.items()}
        assert s.default_period() == Period(2022, 6 if fixture == V2_FIXTURE else 5)
        # after the upgrade the connection sorts in memory again, as configured
        assert s.conn.execute("PRAGMA temp_store").fetchone()[0] == 2
        assert s.conn.execute("PRAGMA threads").fetchone()[0] == 0


def test_v2_ledger_keeps_its_figures_through_the_upgrade(tmp_path):
    path = tmp_path / "v2.sqlite"
    shutil.copy(V2_FIXTURE, path)
    with Store.open(path) as s:
        a, b = s.find_project("LY2022-002"), s.find_project("LY2022-003")
        figures = s.figures(Period(2022, 6))
        assert figures[a.id].ytd == Decimal("350.75") and not figures[a.id].reported
        assert figures[b.id].ytd == Decimal("30") and figures[b.id].since_start == Decimal("100")
        assert figures[b.id].reported and figures[b.id].month is None
        assert s.periods() == ["2022-06", "2022-05", "2022-04", "2022-03", "2021-12"]
        s.save_monthly_report(MonthlyReport(a.id, "2022-06", Decimal("1"), 30))  # writable
        assert dict(s.each_amount("2022-06")) == {a.id: 100}


def test_upgrade_sorts_in_memory_when_temporary_files_fail(tmp_path, monkeypatch):
    """Building the index sorts in temporary files; where that fails the upgrade still
    happens (sorting in memory), all or nothing."""
    path = tmp_path / "v2.sqlite"
    shutil.copy(V2_FIXTURE, path)

    @contextmanager
    def no_temp_folder(conn):
        raise sqlite3.OperationalError("unable to open database file")
        yield

    monkeypatch.setattr(schema, "sorting_on_disk", no_temp_folder)
    with Store.open(path) as s:
        assert s.schema_version == schema.SCHEMA_VERSION and schema.PERIOD_INDEX_NAME in _indexes(
            s.conn
        )


def test_new_ledgers_and_demo_ledgers_have_the_covering_index(store, demo_path):
    assert f"COVERING INDEX {schema.PERIOD_INDEX_NAME}" in _plan(store.conn, AMOUNTS_SQL, "x")
    with sqlite3.connect(demo_path) as demo:  # made with the index dropped and rebuilt
        assert f"COVERING INDEX {schema.PERIOD_INDEX_NAME}" in _plan(demo, AMOUNTS_SQL, "x")
        assert "monthly_reports_period" not in _indexes(demo)


@pytest.mark.parametrize("fixture", ["ledger_schema_v1.sqlite", "ledger_schema_v3.sqlite"])
def test_v5_keeps_each_plan_as_the_plan_of_the_year_it_was_entered_for(fixture, tmp_path):
    """Issue 15: the per-year values of a pre-v5 ledger become those of the year its figures
    were reported for (its newest monthly report: 2022-05 in both fixtures), with a history."""
    path = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, path)
    old = sqlite3.connect(path)
    before = dict(
        (pid, (plan, nature, lists))
        for pid, plan, nature, lists in old.execute(
            "SELECT id, annual_plan, nature, lists FROM projects"
        )
    )
    old.close()
    assert any(plan for plan, _n, _l in before.values())  # the fixture carries a plan
    with Store.open(path, user="升级测试") as s:
        assert s.meta(schema.CURRENT_YEAR_META) == "2022"
        rows = s.conn.execute(
            "SELECT project_id, year, on_list, annual_plan, nature, lists FROM project_years"
        ).fetchall()
        assert {r[0]: (r[3], r[4], r[5]) for r in rows} == before
        assert {(r[1], r[2]) for r in rows} == {(2022, 1)}
        action = s.conn.execute(
            "SELECT id, description FROM actions WHERE source = 'migration'"
        ).fetchall()
        assert len(action) == 1 and "2022 年" in action[0][1]
        history = s.conn.execute(
            "SELECT count(*) FROM history WHERE action_id = ? AND table_name = 'project_years'",
            (action[0][0],),
        ).fetchone()[0]
        assert history == len(before) == 51


def test_an_empty_ledger_gets_this_year_and_no_upgrade_action(tmp_path):
    import datetime as dt

    with Store.create(tmp_path / "empty.sqlite", portfolio=False) as s:
        assert s.meta(schema.CURRENT_YEAR_META) == str(dt.date.today().year)
        assert (
            s.conn.execute("SELECT count(*) FROM actions WHERE source = 'migration'").fetchone()[0]
            == 0
        )


def test_a_pre_v5_ledger_reported_over_several_years_keeps_every_month(tmp_path):
    """Before v5 the one plan served every period: a ledger with 2021 and 2022 reports keeps
    every project on both years' lists with that plan, so its 2021-12 report still has all
    projects, with the plan and the completion it showed before the upgrade."""
    from desktop_app.reports.monthly import write_monthly

    path = tmp_path / "two_years.sqlite"
    shutil.copy(FIXTURES / "ledger_schema_v3.sqlite", path)
    old = sqlite3.connect(path)
    project_id, plan = old.execute(
        "SELECT id, annual_plan FROM projects WHERE annual_plan IS NOT NULL ORDER BY id"
    ).fetchone()
    old.execute(
        "INSERT INTO monthly_reports (project_id, period, month_investment, updated_at, "
        "ytd_investment, cum_investment) VALUES (?, '2021-12', ?, '2021-12-28T10:00:00', ?, ?)",
        (project_id, plan // 4, plan // 4, plan // 4),
    )
    old.commit()
    count = old.execute("SELECT count(*) FROM projects").fetchone()[0]
    old.close()
    with Store.open(path, user="升级测试") as s:
        listed = dict(
            s.conn.execute("SELECT year, count(*) FROM project_years GROUP BY year").fetchall()
        )
        assert listed == {2021: count, 2022: count}
        assert (
            s.project_year(project_id, 2021).annual_plan
            == s.project_year(project_id, 2022).annual_plan
        )
        action = s.conn.execute(
            "SELECT description FROM actions WHERE source = 'migration'"
        ).fetchone()[0]
        assert "2021、2022 年" in action
        out = tmp_path / "2021-12.xlsx"
        write_monthly(s, out, period=Period.parse("2021-12"))
    import openpyxl

    sheet = openpyxl.load_workbook(out).active
    text = [
        " ".join(str(c) for c in row if c is not None) for row in sheet.iter_rows(values_only=True)
    ]
    shown = [line for line in text if "LY2022-" in line]
    assert len(shown) == count  # every project, as before the upgrade
    rates = [c for row in sheet.iter_rows(values_only=True) for c in row if c == 0.25]
    assert rates  # its completion: a quarter of its plan, as it showed before
