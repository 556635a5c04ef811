"""The child process the crash test kills: large actions through the Store API, back to back.

Usage: python kill_child.py LEDGER LANE.  Prints ``READY`` once open, then for every action
``BEGIN <marker>`` before it starts and ``END <marker>`` after it committed.  Runs until killed.

Three kinds of action, each rewriting a whole set of rows in one transaction, so a committed
state always has one marker across the set:
- ``imp``: monthly returns for the twelve months of 2023 of every project (like an Excel import);
- ``edit``: a bulk edit of 建设内容 and 年度计划 of every project;
- ``add``: 25 new projects sharing an owner.
"""

from __future__ import annotations

import sys
from decimal import Decimal

from desktop_app.store import MonthlyReport, Store

ADD_BATCH = 25
IMPORT_PERIODS = [f"2023-{m:02d}" for m in range(1, 13)]


def main() -> None:
    path, lane = sys.argv[1], sys.argv[2]
    store = Store.open(path, user=f"kill-{lane}")
    ids = [p.id for p in store.projects() if not p.code.startswith("KILL")]
    print("READY", flush=True)
    seq = 0
    while True:
        for kind in ("imp", "edit", "add"):
            seq += 1
            marker = f"{lane}-{kind}-{seq}"
            print(f"BEGIN {marker}", flush=True)
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
            print(f"END {marker}", flush=True)


if __name__ == "__main__":
    main()
