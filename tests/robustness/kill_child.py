"""The child process the crash test kills: large actions through the Store API, back to back.

Usage: python kill_child.py LEDGER LANE XLSX_FOLDER (the test forks :func:`run` from a
preloaded fork server instead, to spare each child the imports).  Says ``READY`` once open,
then for every action ``BEGIN <marker>`` before it starts and ``END <marker>`` after it
committed.  Runs until killed.

Beside it runs :func:`neighbour`, a second live process on the same ledger for the whole
lane, as a clerk's open window beside an import: it keeps one store open and, in turn,
saves (a milestone ``NB<n>`` on project 1), reads, opens and closes a short-lived second
store (as ``keyprojects projects`` does), backs up and checks -- never killed; it stops and
closes normally when told, which is how the lock-dropping corruption happened.

Four kinds of action, each rewriting a whole set of rows in one transaction, so a committed
state always has one marker across the set:
- ``imp``: monthly returns for the twelve months of 2023 of every project (Store API);
- ``edit``: a bulk edit of 建设内容 and 年度计划 of every project;
- ``add``: 25 new projects sharing an owner;
- ``xlsx``: a real Excel ledger import (open, preview, apply) of 1,500 projects XL-0000...,
  alternating between two files that differ in 建设单位 (``xlsx_owner``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from desktop_app.store import MonthlyReport, Store, WriteFailed

ADD_BATCH = 25
IMPORT_PERIODS = [f"2023-{m:02d}" for m in range(1, 13)]
XLSX_ROWS = 1500
XLSX_OWNERS = ("导入甲", "导入乙")


def xlsx_owner(seq: int) -> str:
    """The file the ``xlsx`` action of sequence number ``seq`` imports (every 4th action)."""
    return XLSX_OWNERS[(seq // 4) % 2]


def write_xlsx_files(folder: Path) -> None:
    """The two ledgers the ``xlsx`` action imports in turn."""
    import openpyxl

    for owner in XLSX_OWNERS:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["项目编号", "项目名称", "建设单位", "总投资"])
        for i in range(XLSX_ROWS):
            sheet.append([f"XL-{i:04d}", f"导入测试项目{i}", owner, 100 + i])
        book.save(folder / f"{owner}.xlsx")


def run(path: str, lane: str, folder: str, progress: str | None = None) -> None:
    """Open the ledger and run actions until killed, reporting to ``progress`` (a file; each
    line one ``write`` call, so a kill never leaves half a line) or to stdout."""
    import os

    fd = os.open(progress, os.O_WRONLY | os.O_APPEND | os.O_CREAT) if progress else None

    def say(line: str) -> None:
        if fd is None:
            print(line, flush=True)
        else:
            os.write(fd, (line + "\n").encode("utf-8"))

    try:
        _actions(path, lane, folder, say)
    except BaseException as exc:  # said where the test reads it, then the child dies
        say(f"ERROR {type(exc).__name__}: {exc}")
        raise


def _actions(path: str, lane: str, folder: str, say: Callable[[str], None]) -> None:
    from desktop_app.importers import apply_preview, build_preview, open_import

    store = Store.open(path, user=f"kill-{lane}")
    ids = [p.id for p in store.projects() if not p.code.startswith(("KILL", "XL-"))]
    say("READY")
    seq = 0
    while True:
        for kind in ("imp", "edit", "add", "xlsx"):
            seq += 1
            marker = f"{lane}-{kind}-{seq}"
            say(f"BEGIN {marker}")
            try:
                if kind == "imp":
                    reports = [
                        MonthlyReport(
                            project_id=pid,
                            period=period,
                            month_investment=Decimal(seq * 10 + i % 7),
                            progress_notes=marker,
                        )
                        for period in IMPORT_PERIODS
                        for i, pid in enumerate(ids)
                    ]
                    store.save_monthly_reports(reports, description=marker, source="kill.xlsx")
                elif kind == "edit":
                    with store.action(marker):
                        for pid in ids:
                            store.update_project(pid, {"scope": marker, "annual_plan": seq})
                elif kind == "xlsx":
                    source = open_import(Path(folder) / f"{xlsx_owner(seq)}.xlsx")
                    apply_preview(store, build_preview(store, source))
                else:
                    with store.action(marker):
                        for i in range(ADD_BATCH):
                            store.add_project(
                                {
                                    "code": f"KILL-{marker}-{i:02d}",
                                    "name": f"批量新增{i}",
                                    "owner": marker,
                                }
                            )
            except WriteFailed as exc:  # the neighbour held the lock past the busy timeout:
                say(f"BUSY {marker} {exc}")  # said and nothing written, as a user would see
                continue
            say(f"END {marker}")


def neighbour(path: str, progress: str, stop: str) -> None:
    """The second live process: saves, reads, short opens, backups and checks in turn until
    the file ``stop`` exists; says ``END NB<n>`` after each committed save and ``BAD ...``
    for anything a user would call broken (a failed check, a backup that is not whole)."""
    import os
    import time

    from desktop_app.store import Milestone, WriteFailed
    from desktop_app.store.backup import make_backup, verify_backup
    from desktop_app.store.integrity import check_file

    fd = os.open(progress, os.O_WRONLY | os.O_APPEND | os.O_CREAT)

    def say(line: str) -> None:
        os.write(fd, (line + "\n").encode("utf-8"))

    root = Path(path).parent / "neighbour-backups"
    store = Store.open(path, user="neighbour")
    say("READY")
    n = 0
    while not os.path.exists(stop):
        n += 1
        try:
            if n % 5 == 1:
                store.save_milestone(Milestone(1, f"NB{n}"))
                say(f"END NB{n}")
            elif n % 5 == 2:
                store.list_projects(search="批量")
                store.figures(store.default_period())
            elif n % 5 == 3:
                with Store.open(path, user="neighbour-cli") as short:
                    short.project_count()
                if os.environ.get("KILL_TEST_DROP_LOCKS"):  # what the app once did: shows
                    open(path, "rb").close()  # that this test catches dropped locks
            elif n % 10 == 4:
                backup = make_backup(store, f"neighbour {n}", root=root, keep=3)
                if not verify_backup(backup).ok:
                    say(f"BAD backup {n}: {verify_backup(backup).message}")
            elif n % 10 == 9:
                result = check_file(path, "quick")
                if not result.ok and not result.could_not_check:
                    say(f"BAD check {n}: {result.message}")
        except WriteFailed as exc:  # the child held the write lock past the busy timeout
            say(f"BUSY {n}: {exc}")
        except Exception as exc:  # anything else is a failure the test reports
            say(f"BAD {type(exc).__name__} {n}: {exc}")
        time.sleep(0.02)
    store.close()
    say("CLOSED")
    os.close(fd)


if __name__ == "__main__":
    run(*sys.argv[1:4])
