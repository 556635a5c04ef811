"""Leftovers of killed or failed runs (issue 12, item 11): an export's ``.~*.tmp`` and the
half-made ledger of ``keyprojects demo`` are never left, or cleaned on the next run."""

from __future__ import annotations

import errno
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop_app import leftovers
from desktop_app.cli import cli
from desktop_app.reports.xlsx import CellStyle, Workbook

from .conftest import run_unprivileged, skip_on_windows

ROOT = Path(__file__).resolve().parents[2]

BIG_EXPORT = """
import sys
from desktop_app.reports.xlsx import CellStyle, Workbook
book = Workbook(title="大表")
sheet = book.add_sheet("台账")
style = book.style(CellStyle())
for i in range(400_000):
    sheet.append([f"LY-{i:06d}", f"示例项目{i}号工程建设内容", "辽源经济开发区", i * 3, "在建"], style)
print("SAVING", flush=True)
book.save(sys.argv[1])
print("SAVED", flush=True)
"""

BIG_DEMO = """
import sys
from desktop_app.store.demo import make_demo
print("START", flush=True)
make_demo(sys.argv[1], projects=60_000, years=3)
print("DONE", flush=True)
"""


def _child(script: str, *args: object) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:  # just renamed or removed
        return 0


def _ours(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~"))


def _kill_when(
    child: subprocess.Popen[str], ready: Callable[[], bool], timeout: float = 120
) -> None:
    """SIGKILL ``child`` as soon as ``ready()``; fail if it ends or never gets there."""
    deadline = time.monotonic() + timeout
    try:
        while not ready():
            if child.poll() is not None:
                pytest.fail("the child finished before it could be killed")
            if time.monotonic() > deadline:
                pytest.fail("the child never reached the moment to kill it")
            time.sleep(0.002)
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        assert child.returncode == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(30)
        if child.stdout is not None:
            child.stdout.close()


def _small_export(path: Path) -> None:
    book = Workbook(title="小表")
    sheet = book.add_sheet("台账")
    sheet.append(["项目编号", "项目名称"], book.style(CellStyle()))
    book.save(path)


@skip_on_windows
def test_export_killed_mid_save_leaves_nothing_after_the_next_export(tmp_path):
    target = tmp_path / "重点项目台账.xlsx"
    _small_export(target)
    before = target.read_bytes()
    child = _child(BIG_EXPORT, target)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "SAVING"

    def writing() -> bool:
        return any(_size(tmp_path / name) > 64 * 1024 for name in _ours(tmp_path))

    _kill_when(child, writing)
    assert _ours(tmp_path), "the kill left no temporary file: nothing to test"
    assert target.read_bytes() == before  # the older file is intact
    _small_export(tmp_path / "问题清单.xlsx")  # the next export into the same folder
    assert _ours(tmp_path) == []
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["重点项目台账.xlsx", "问题清单.xlsx"]


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@skip_on_windows
def test_only_our_stale_temporary_files_are_removed(tmp_path):
    host = leftovers._host()
    other_host = "0000" if host != "0000" else "ffff"
    dead, alive = _dead_pid(), os.getpid()
    old = time.time() - leftovers.STALE_SECONDS - 60
    files = {
        # (name, old?) -> removed?
        (f".~台账.{host}-{dead}-abcdefgh.tmp", False): True,  # its process is gone
        (f".~台账.{host}-{dead}-abcdefgh.tmp-wal", False): True,
        (f".~台账.{host}-{alive}-abcdefg1.tmp", False): False,  # being written
        (f".~台账.{host}-{alive}-abcdefg2.tmp", True): True,  # not changed for long
        (f".~台账.{other_host}-{dead}-abcdefgh.tmp", False): False,  # another computer's
        (f".~台账.{other_host}-{dead}-abcdefg3.tmp", True): True,
        (".~台账.k2j4h5g6.tmp", True): True,  # an older version's name
        (".~台账.k2j4h5g7.tmp", False): False,
        (".~lock.台账.xlsx#", True): False,  # LibreOffice's lock file
        ("~$台账.xlsx", True): False,  # Excel's
        (".~notes.tmp", True): False,
        ("台账.tmp", True): False,
        ("台账.xlsx", True): False,
    }
    for (name, is_old), _removed in files.items():
        path = tmp_path / name
        path.write_bytes(b"x")
        if is_old:
            os.utime(path, (old, old))
    (tmp_path / ".~文件夹.abcdefgh.tmp").mkdir()
    os.utime(tmp_path / ".~文件夹.abcdefgh.tmp", (old, old))
    removed = leftovers.remove_stale(tmp_path)
    expected = sorted(name for (name, _), gone in files.items() if gone)
    assert sorted(p.name for p in removed) == expected
    left = sorted(p.name for p in tmp_path.iterdir())
    kept = [name for (name, _), gone in files.items() if not gone] + [".~文件夹.abcdefgh.tmp"]
    assert left == sorted(kept)


def test_temporary_names_fit_beside_a_long_target(tmp_path):
    target = tmp_path / ("很长的文件名" * 13 + ".xlsx")  # 234 bytes
    target.write_bytes(b"")
    temp = leftovers.temp_name(target)
    assert leftovers.is_ours(temp.name)
    assert len(temp.name.encode("utf-8")) < 255
    temp.write_bytes(b"")
    _small_export(target)  # the export's own temporary file fits too
    assert _ours(tmp_path) == [temp.name]  # fresh, of a running process: kept


def test_failed_demo_leaves_no_file(tmp_path, monkeypatch):
    from desktop_app.store import demo

    def fail(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(demo, "_fill", fail)
    target = tmp_path / "demo.sqlite"
    result = CliRunner().invoke(cli, ["demo", str(target), "--projects", "50"])
    assert result.exit_code == 1
    assert result.output.strip() == "错误：磁盘空间已满"
    assert list(tmp_path.iterdir()) == []


def test_interrupted_demo_leaves_no_file(tmp_path, monkeypatch):
    from desktop_app.store import demo

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(demo, "_fill", interrupted)
    with pytest.raises(KeyboardInterrupt):
        demo.make_demo(tmp_path / "demo.sqlite", projects=10)
    assert list(tmp_path.iterdir()) == []


def test_demo_never_overwrites(tmp_path):
    from desktop_app.store.demo import make_demo

    target = tmp_path / "demo.sqlite"
    target.write_bytes(b"mine")
    result = CliRunner().invoke(cli, ["demo", str(target), "--projects", "5"])
    assert result.exit_code == 1
    assert "不会覆盖" in result.output
    assert target.read_bytes() == b"mine"
    assert [p.name for p in tmp_path.iterdir()] == ["demo.sqlite"]
    make_demo(tmp_path / "new.sqlite", projects=5, years=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite", "new.sqlite"]


@skip_on_windows
def test_demo_into_a_read_only_folder_leaves_nothing_and_says_why(open_dir):
    folder = open_dir / "只读"
    folder.mkdir()
    folder.chmod(0o555)

    def attempt():
        result = CliRunner().invoke(cli, ["demo", str(folder / "demo.sqlite"), "--projects", "5"])
        return {"code": result.exit_code, "output": result.output}

    out = run_unprivileged(attempt)
    assert out["code"] == 1
    (line,) = out["output"].strip().splitlines()
    assert line.startswith("错误：") and ("只读" in line or "没有权限" in line), line
    assert not re.search("[A-Za-z]{4,}", line.replace(str(folder / "demo.sqlite"), "")), line
    assert list(folder.iterdir()) == []


@skip_on_windows
def test_demo_killed_midway_leaves_no_ledger_and_the_next_run_cleans_up(tmp_path):
    target = tmp_path / "demo.sqlite"
    child = _child(BIG_DEMO, target)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "START"

    def writing() -> bool:
        return any(_size(p) > 64 * 1024 for p in tmp_path.iterdir())

    _kill_when(child, writing)
    assert not target.exists(), "a killed demo left a half-made ledger"
    from desktop_app.store.demo import make_demo

    make_demo(tmp_path / "other.sqlite", projects=5, years=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]
