"""Damaged, truncated, foreign and newer files are refused on opening with their reason."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop_app.cli import cli
from desktop_app.store import DatabaseDamaged, NewerSchema, NotOurDatabase, Store, integrity
from desktop_app.store import backup as backups
from desktop_app.store.integrity import check_file, header_problem, network_location
from desktop_app.store.schema import SCHEMA_VERSION


def _checkpointed(path: Path) -> Path:
    with sqlite3.connect(path) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _page_of(path: Path, table: str) -> int:
    with sqlite3.connect(path) as c:
        return c.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[
            0
        ]


def _scribble(path: Path, page: int) -> None:
    """Overwrite the middle of one page with garbage, as a bad disk sector would."""
    with path.open("r+b") as f:
        f.seek((page - 1) * 4096 + 8)
        f.write(bytes(range(256)) * 8)


def _truncate(path: Path, pages: int) -> None:
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size - 4096 * pages)


@pytest.mark.parametrize("pages", [1, 3, 20])
def test_truncated_ledger_is_refused_with_a_clear_message(ledger_path, pages):
    _truncate(_checkpointed(ledger_path), pages)
    with pytest.raises(DatabaseDamaged) as err:
        Store.open(ledger_path)
    assert "已损坏" in str(err.value) and "Traceback" not in str(err.value)
    assert not check_file(ledger_path).ok


def test_half_a_page_missing_is_found_by_the_header_check(ledger_path):
    path = _checkpointed(ledger_path)
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size - 1000)
    assert "整数倍" in header_problem(path)
    with pytest.raises(DatabaseDamaged, match="截断"):
        Store.open(path)


def test_garbage_inside_a_page_is_found_on_opening(ledger_path):
    path = _checkpointed(ledger_path)
    _scribble(path, _page_of(path, "history"))
    assert header_problem(path) is None  # the file looks whole from outside
    with pytest.raises(DatabaseDamaged, match="已损坏"):
        Store.open(path)
    result = check_file(path, "full")
    assert not result.ok and result.details


def test_large_files_get_only_the_header_check_on_opening(ledger_path, monkeypatch):
    path = _checkpointed(ledger_path)
    monkeypatch.setattr(integrity, "QUICK_CHECK_LIMIT", 1024)
    with Store.open(path) as s:
        assert s.open_check.level == "header" and s.open_check.deferred
    _scribble(path, _page_of(path, "history"))
    Store.open(path).close()  # not found at open: the deferred check must find it
    assert not check_file(path, "quick").ok
    _truncate(path, 2)
    with pytest.raises(DatabaseDamaged, match="截断"):  # truncation is still found at once
        Store.open(path)


def test_open_check_is_fast_on_a_sample_portfolio(demo_path, tmp_path):
    path = tmp_path / "demo.sqlite"
    path.write_bytes(demo_path.read_bytes())
    started = time.perf_counter()
    with Store.open(path) as s:
        assert s.open_check.level == "quick" and s.open_check.ok
        seconds = s.open_check.seconds
    assert seconds < 0.5 and time.perf_counter() - started < 2


def test_text_file_and_foreign_database_and_newer_version_are_refused(tmp_path, ledger_path):
    text = tmp_path / "notes.sqlite"
    text.write_text("项目清单\n" * 500, encoding="utf-8")
    with pytest.raises(NotOurDatabase, match="不是数据库文件"):
        Store.open(text)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE contacts (name)")
    with pytest.raises(NotOurDatabase, match="不是重点项目调度台的数据库"):
        Store.open(other)
    with sqlite3.connect(ledger_path) as c:
        c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(NewerSchema, match="更新版本"):
        Store.open(ledger_path)


# ---------------------------------------------------------------------------- CLI
def _run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_cli_check_reports_ok_and_damage(ledger_path):
    ok = _run("check", "--db", str(ledger_path), "--full")
    assert ok.exit_code == 0 and "完整检查通过" in ok.output
    _truncate(_checkpointed(ledger_path), 2)
    bad = _run("check", "--db", str(ledger_path))
    assert bad.exit_code == 1
    assert bad.output.startswith("错误：") and "restore --latest" in bad.output
    assert "Traceback" not in bad.output and len(bad.output.strip().splitlines()) == 1


def test_cli_check_names_foreign_files(tmp_path):
    text = tmp_path / "a.sqlite"
    text.write_text("hello")
    result = _run("check", "--db", str(text))
    assert result.exit_code == 1 and "不是 SQLite 数据库文件" in result.output


def test_cli_backup_list_and_restore(ledger_path):
    made = _run("backup", "--db", str(ledger_path), "--keep", "4")
    assert made.exit_code == 0 and "已备份到" in made.output and "保留 4 个" in made.output
    with Store.open(ledger_path) as s:
        s.update_project(1, {"name": "备份后的修改"})
    refused = _run("restore", "--db", str(ledger_path), "--latest", input="n\n")
    assert refused.exit_code == 1 and "已取消" in refused.output
    with Store.open(ledger_path) as s:
        assert s.get_project(1).name == "备份后的修改"
    done = _run("restore", "--db", str(ledger_path), "--latest", input="y\n")
    assert done.exit_code == 0 and "恢复前的台账已备份到" in done.output
    with Store.open(ledger_path) as s:
        assert s.get_project(1).name != "备份后的修改"
    listed = _run("backup", "--db", str(ledger_path), "--list")
    assert listed.output.count("手动备份") == 1 and "恢复前自动备份" in listed.output
    assert _run("restore", "--db", str(ledger_path)).exit_code == 1
    assert "没有第 9 个备份" in _run("restore", "--db", str(ledger_path), "-n", "9").output


def test_cli_restore_mends_a_damaged_ledger(ledger_path):
    _run("backup", "--db", str(ledger_path))
    _truncate(_checkpointed(ledger_path), 3)
    opened = _run("projects", "--db", str(ledger_path))
    assert opened.exit_code == 1 and "已损坏" in opened.output
    done = _run("restore", "--db", str(ledger_path), "--latest", "--yes")
    assert done.exit_code == 0 and "已损坏的台账已改名保留为" in done.output
    assert (
        _run("projects", "--db", str(ledger_path))
        .output.rstrip()
        .endswith("共 51 个项目（列入2022年名单 51 个）")
    )
    assert len(backups.list_backups(ledger_path)) == 1  # the damaged file was not "backed up"


# ------------------------------------------------------------------ network drives
MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
//fileserver/项目办 /mnt/share cifs rw,vers=3.0 0 0
server:/export /home/planning/nfs nfs4 rw 0 0
sshfs#me@host: /media/remote fuse.sshfs rw 0 0
/dev/sdb1 /mnt/share/local\\040disk ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/mnt/share/台账.sqlite", "cifs"),
        ("/home/planning/nfs/a/b.sqlite", "nfs4"),
        ("/media/remote/x.sqlite", "fuse.sshfs"),
        ("/mnt/share/local disk/x.sqlite", None),
        ("/home/planning/台账.sqlite", None),
        ("/mnt/shared.sqlite", None),
    ],
)
def test_network_drives_are_recognised(path, expected):
    found = network_location(path, MOUNTS)
    assert (found.split("：")[0] if found else None) == expected


def test_unc_paths_are_network_drives():
    assert network_location(r"\\fileserver\项目办\台账.sqlite", "") == r"\\fileserver\项目办"
    warning = integrity.network_warning("//fileserver/项目办/台账.sqlite", "")
    assert "网络驱动器" in warning and "不可靠" in warning
