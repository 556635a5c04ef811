"""Opening for reading only (Store.open_reader): the cheap opening of background readers."""

from __future__ import annotations

import shutil
import sqlite3
import time
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.domain.periods import Period
from desktop_app.store import (
    DatabaseMissing,
    ForeignSchema,
    MonthlyReport,
    NewerSchema,
    NotOurDatabase,
    OldSchema,
    Store,
    WriteFailed,
)
from desktop_app.store import integrity as integrity_module
from desktop_app.store.backup import list_backups
from desktop_app.store.connection import is_open_here, pragmas
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def big_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample ledger of several MB: quick_check on opening it takes real time."""
    from desktop_app.store.demo import make_demo

    path = tmp_path_factory.mktemp("reader") / "big.sqlite"
    make_demo(path, projects=1500, years=3, seed=3)
    assert path.stat().st_size > 5 * 1024 * 1024
    return path


def _fastest(open_once, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        open_once().close()
        best = min(best, time.perf_counter() - started)
    return best


def test_a_reader_opens_far_faster_than_a_writer(big_ledger):
    writer = _fastest(lambda: Store.open(big_ledger))
    reader = _fastest(lambda: Store.open_reader(big_ledger))
    assert reader * 5 < writer, (reader, writer)  # measured: ~1 ms against ~30 ms
    assert reader < 0.05


def test_a_reader_runs_no_check_no_migration_and_no_backup(big_ledger, monkeypatch):
    def no_check(*args, **kwargs):
        raise AssertionError("open_reader ran a file check")

    monkeypatch.setattr(integrity_module, "check_connection", no_check)
    backups = len(list_backups(big_ledger))
    with Store.open_reader(big_ledger) as reader:
        assert reader.open_check is None
        assert reader.project_count() == 1500
    assert len(list_backups(big_ledger)) == backups


def test_a_reader_is_registered_and_hardened(ledger_path):
    with Store.open_reader(ledger_path) as reader:
        assert is_open_here(ledger_path)
        settings = pragmas(reader.conn)
        assert settings["trusted_schema"] == 0
        assert settings["foreign_keys"] == 1
        assert settings["busy_timeout"] == 5000
    assert not is_open_here(ledger_path)


def test_a_reader_refuses_every_write_in_plain_chinese(ledger_path):
    with Store.open_reader(ledger_path, user="后台") as reader:
        project = reader.find_project("LY2022-001")
        assert project is not None and reader.user == "后台"
        attempts = [
            lambda: reader.update_project(project.id, {"scope": "改了"}),
            lambda: reader.add_project({"name": "新项目"}),
            lambda: reader.delete_project(project.id),
            lambda: reader.save_monthly_report(MonthlyReport(project.id, "2022-06", Decimal(1))),
            lambda: reader.import_projects([{"name": "导入"}], [], source="x.xlsx"),
        ]
        for attempt in attempts:
            with pytest.raises(WriteFailed, match="只读"):
                attempt()
        assert not reader.in_action
        # the connection itself is read-only too
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.conn.execute("UPDATE projects SET scope = '改了'")
    with Store.open(ledger_path) as writer:
        assert writer.get_project(project.id) == project


def test_a_reader_sees_what_a_writer_committed(ledger_path):
    with Store.open(ledger_path) as writer, Store.open_reader(ledger_path) as reader:
        pid = writer.find_project("LY2022-001").id
        assert reader.monthly_reports("2022-06") == {}
        with writer.action("填报"):
            writer.save_monthly_report(MonthlyReport(pid, "2022-06", Decimal("12.5")))
            assert reader.monthly_reports("2022-06") == {}  # not committed yet
        assert reader.monthly_reports("2022-06")[pid].month_investment == Decimal("12.50")
        assert reader.figures(Period(2022, 6))[pid].ytd == Decimal("12.50")
        writer.update_project(pid, {"scope": "读者看得见"})
        assert reader.get_project(pid).scope == "读者看得见"


def test_a_reader_refuses_what_open_refuses(tmp_path, ledger_path):
    with pytest.raises(DatabaseMissing):
        Store.open_reader(tmp_path / "nowhere.sqlite")

    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(NotOurDatabase, match="不是重点项目调度台"):
        Store.open_reader(other)

    empty = tmp_path / "empty.sqlite"
    empty.touch()
    with pytest.raises(NotOurDatabase, match="空文件"):
        Store.open_reader(empty)
    assert empty.stat().st_size == 0  # a reader made nothing of it

    text = tmp_path / "notes.sqlite"
    text.write_text("不是数据库" * 100, encoding="utf-8")
    with pytest.raises(NotOurDatabase):
        Store.open_reader(text)

    crafted = tmp_path / "crafted.sqlite"
    shutil.copy(ledger_path, crafted)
    with sqlite3.connect(crafted) as conn:
        conn.execute(
            "CREATE TRIGGER t_history AFTER INSERT ON history BEGIN DELETE FROM history; END"
        )
    with pytest.raises(ForeignSchema, match="t_history"):
        Store.open_reader(crafted)

    newer = tmp_path / "newer.sqlite"
    shutil.copy(ledger_path, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(NewerSchema):
        Store.open_reader(newer)


def test_a_reader_does_not_migrate_an_old_ledger(tmp_path):
    old = tmp_path / "v3.sqlite"
    shutil.copy(FIXTURES / "ledger_schema_v3.sqlite", old)
    before = old.read_bytes()
    with pytest.raises(OldSchema, match="v3"):
        Store.open_reader(old)
    assert old.read_bytes() == before
    assert not is_open_here(old)
    with Store.open(old) as writer:  # a writer's opening migrates it; then readers may
        assert writer.schema_version > 3
    with Store.open_reader(old) as reader:
        assert reader.project_count() > 0
