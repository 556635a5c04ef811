"""Random interleavings of three processes on one ledger (issue 12): whatever order clerks
open, save, list, run a command beside, import, back up, check and close in, the ledger stays whole and every
action a process saw commit is there.

Each process is a real child (forked from a preloaded server) driven over a pipe; a step
either waits for its answer or lets the process work on while the next step starts, so
actions of different processes overlap for real.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
from multiprocessing.connection import Connection
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.store import Store

WORKERS = 3
IMPORT_ROWS = 30
#: What a step may do; saves and short opens (a `keyprojects` command) come most often.
OPS = ("open", "save", "save", "short", "short", "list", "import", "backup", "check", "close")
_ANSWER_TIMEOUT = 60


def _worker(path: str, folder: str, pipe: Connection) -> None:  # pragma: no cover - child
    """One clerk's process: does what the pipe says, answers ('ok', what) or ('refused',
    message) for what the app refuses to do, or ('bad', message) for a failure."""
    from desktop_app.importers import ImportRefused, apply_preview, build_preview, open_import
    from desktop_app.store import Milestone, StoreError
    from desktop_app.store.backup import make_backup, verify_backup
    from desktop_app.store.integrity import check_file

    store: Store | None = None
    while True:
        command, arg = pipe.recv()
        try:
            if command == "exit":
                if store is not None:
                    store.close()
                pipe.send(("ok", None))
                return
            if command == "open":
                store = store or Store.open(path, user=f"进程{arg}")
                if os.environ.get("KILL_TEST_DROP_LOCKS"):  # what the app once did on
                    open(path, "rb").close()  # opening: shows this test catches it
                answer = None
            elif command == "close":
                if store is not None:
                    store.close()
                store = None
                answer = None
            elif command == "short":  # a command run beside the window: opens, reads, exits
                with Store.open(path, user="命令行") as short:
                    answer = short.project_count()
                if os.environ.get("KILL_TEST_DROP_LOCKS") and store is not None:
                    open(path, "rb").close()
            elif command == "check":
                result = check_file(path, "quick")
                if not result.ok and not result.could_not_check:
                    raise AssertionError(result.message)
                answer = result.ok
            elif command == "backup":
                backup = make_backup(store or path, "交错测试", root=Path(folder) / "备份", keep=5)
                if not verify_backup(backup).ok:
                    raise AssertionError(f"backup not whole: {verify_backup(backup).message}")
                answer = backup.path.name
            elif store is None:
                answer = "closed"  # the other commands need an open ledger
            elif command == "save":
                store.save_milestone(Milestone(1, arg))
                answer = arg
            elif command == "list":
                answer = len(store.list_projects(search="交错"))
            elif command == "import":
                source = open_import(Path(folder) / f"{arg}.xlsx")
                apply_preview(store, build_preview(store, source))
                answer = arg
            else:
                raise AssertionError(f"unknown command {command}")
            pipe.send(("ok", answer))
        except (StoreError, ImportRefused) as exc:  # busy, conflict: said, nothing written
            pipe.send(("refused", str(exc)))
        except BaseException as exc:
            pipe.send(("bad", f"{command}: {type(exc).__name__}: {exc}"))


def _milestones(ledger: Path) -> set[str]:
    conn = sqlite3.connect(ledger)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM milestones WHERE project_id = 1")}
    finally:
        conn.close()


def _workbook(path: Path, owner: str) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["项目编号", "项目名称", "建设单位", "总投资"])
    for i in range(IMPORT_ROWS):
        sheet.append([f"IL-{i:03d}", f"交错导入项目{i}", owner, 100 + i])
    book.save(path)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("interleave")
    Store.create(folder / "台账.sqlite").close()
    for k in range(8):
        _workbook(folder / f"imp{k}.xlsx", f"imp{k}")
    multiprocessing.set_forkserver_preload(["desktop_app.importers", "desktop_app.store"])
    return folder


steps = st.lists(
    st.tuples(st.integers(0, WORKERS - 1), st.sampled_from(OPS), st.booleans()),
    min_size=4,
    max_size=16,
)


@pytest.mark.slow
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=steps)
def test_random_interleavings_keep_the_ledger_whole(template, tmp_path_factory, plan):
    folder = tmp_path_factory.mktemp("run")
    for f in template.iterdir():
        shutil.copy(f, folder / f.name)
    ledger = folder / "台账.sqlite"
    ctx = multiprocessing.get_context("forkserver")
    pipes, workers = [], []
    for _ in range(WORKERS):
        mine, theirs = ctx.Pipe()
        child = ctx.Process(target=_worker, args=(str(ledger), str(folder), theirs))
        child.start()
        theirs.close()
        pipes.append(mine)
        workers.append(child)
    waiting: list[tuple[str, str] | None] = [None] * WORKERS
    saved: set[str] = set()
    imported: set[str] = set()
    failures: list[str] = []

    def collect(w: int) -> None:
        sent = waiting[w]
        if sent is None:
            return
        assert pipes[w].poll(_ANSWER_TIMEOUT), f"process {w} hangs on {sent}"
        status, answer = pipes[w].recv()
        waiting[w] = None
        if status == "bad":
            failures.append(answer)
        elif status == "ok" and sent[0] == "save" and answer == sent[1]:
            saved.add(answer)
            # what one clerk saved, a colleague opening the ledger now sees
            assert answer in _milestones(ledger), f"save {answer} is not visible to others"
        elif status == "ok" and sent[0] == "import" and answer == sent[1]:
            imported.add(answer)

    try:
        for n, (w, op, wait) in enumerate(plan):
            collect(w)  # one command at a time per process
            arg = {"open": str(w), "save": f"交错{n}", "import": f"imp{n % 8}"}.get(op, "")
            pipes[w].send((op, arg))
            waiting[w] = (op, arg)
            if wait:
                collect(w)
        for w in range(WORKERS):
            collect(w)
            pipes[w].send(("exit", ""))
            waiting[w] = ("exit", "")
            collect(w)
    finally:
        for child in workers:
            child.join(10)
            if child.is_alive():
                child.kill()
                child.join()
        for pipe in pipes:
            pipe.close()
    assert not failures, failures
    conn = sqlite3.connect(ledger)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        names = _milestones(ledger)
        assert saved <= names, f"committed saves lost: {saved - names}"
        owners = conn.execute(
            "SELECT owner, count(*) FROM projects WHERE code LIKE 'IL-%' GROUP BY owner"
        ).fetchall()
        if imported:
            assert len(owners) == 1 and owners[0][1] == IMPORT_ROWS, owners
            assert owners[0][0] in imported
        else:
            assert owners == []
        history = conn.execute(
            "SELECT count(*) FROM actions a WHERE NOT EXISTS "
            "(SELECT 1 FROM history h WHERE h.action_id = a.id)"
        ).fetchone()[0]
        assert history == 0  # every committed action has its change history
    finally:
        conn.close()
