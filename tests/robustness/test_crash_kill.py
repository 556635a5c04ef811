"""Crash safety: a child process doing large actions is SIGKILLed at random moments.

After every kill the ledger passes ``PRAGMA integrity_check`` and every action is all or
nothing: the interrupted one is either wholly there or wholly absent, and every action the
child reported as committed is there.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from desktop_app.store import Store
from desktop_app.store.demo import make_demo
from desktop_app.store.integrity import check_file

from .kill_child import ADD_BATCH, IMPORT_PERIODS

CHILD = Path(__file__).with_name("kill_child.py")
ROOT = Path(__file__).resolve().parents[2]
LANES = ("A", "B")  # two children at a time, each on its own ledger (CI has two cores)
KILLS_PER_LANE = 18
MARKER = re.compile(r"^([AB])(\d+)-(imp|edit|add)-(\d+)$")


def _order(marker: str) -> tuple[int, int]:
    m = MARKER.match(marker)
    assert m, marker
    return int(m.group(2)), int(m.group(4))


def _state(path: Path, projects: int) -> dict[str, object]:
    """Check the ledger's invariants and return its committed markers."""
    conn = sqlite3.connect(path)  # a new connection recovers the WAL the dead child left
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # import: all twelve months of every project carry one marker, or none exist
        imp = conn.execute(
            "SELECT progress_notes, count(*) FROM monthly_reports WHERE period LIKE '2023-%' "
            "GROUP BY progress_notes"
        ).fetchall()
        assert len(imp) <= 1, f"a half-applied import: {imp}"
        if imp:
            assert imp[0][1] == projects * len(IMPORT_PERIODS)
            # the running sums were refreshed in the same transaction
            bad = conn.execute(
                "SELECT count(*) FROM monthly_reports m WHERE period LIKE '2023-%' AND "
                "ytd_investment != (SELECT sum(month_investment) FROM monthly_reports x "
                "WHERE x.project_id = m.project_id AND x.period BETWEEN '2023-01' AND m.period)"
            ).fetchone()[0]
            assert bad == 0
        # bulk edit: every original project carries the same edit marker, or none does
        edits = conn.execute(
            "SELECT scope, annual_plan, count(*) FROM projects WHERE code NOT LIKE 'KILL%' "
            "AND scope GLOB '[AB]*-edit-*' GROUP BY scope, annual_plan"
        ).fetchall()
        assert len(edits) <= 1, f"a half-applied bulk edit: {edits}"
        if edits:
            assert edits[0][2] == projects
        # additions: each batch complete
        adds = dict(
            conn.execute(
                "SELECT owner, count(*) FROM projects WHERE code LIKE 'KILL%' GROUP BY owner"
            ).fetchall()
        )
        assert set(adds.values()) <= {ADD_BATCH}, f"a half-applied batch: {adds}"
        # every marker in the data has its action, and every action its history
        actions = dict(
            conn.execute(
                "SELECT a.description, count(h.id) FROM actions a "
                "LEFT JOIN history h ON h.action_id = a.id GROUP BY a.id"
            ).fetchall()
        )
        markers = {imp[0][0]} if imp else set()
        markers |= {edits[0][0]} if edits else set()
        markers |= set(adds)
        assert markers <= set(actions)
        assert all(n > 0 for n in actions.values())
        return {
            "imp": imp[0][0] if imp else None,
            "edit": edits[0][0] if edits else None,
            "add": set(adds),
            "actions": set(actions),
        }
    finally:
        conn.close()


def _lane(lane: str, path: Path, projects: int, rng: random.Random, stats: Counter) -> None:
    for k in range(KILLS_PER_LANE):
        name = f"{lane}{k:02d}"
        with subprocess.Popen(
            [sys.executable, str(CHILD), str(path), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        ) as child:
            assert child.stdout is not None
            ready = child.stdout.readline().strip()
            assert ready == "READY", ready
            time.sleep(rng.uniform(0.0, 1.2))
            child.send_signal(signal.SIGKILL)
            rest = child.stdout.read().split("\n")
        assert child.returncode == -signal.SIGKILL
        begun = [line[6:] for line in rest if line.startswith("BEGIN ")]
        ended = [line[4:] for line in rest if line.startswith("END ")]
        state = _state(path, projects)
        # every action the child saw commit is there (or superseded by a later one)
        for marker in ended:
            kind = marker.split("-")[1]
            if kind == "add":
                assert f"{marker}" in state["add"]
            else:
                assert state[kind] is not None and _order(state[kind]) >= _order(marker)
        interrupted = begun[-1] if begun and (not ended or ended[-1] != begun[-1]) else None
        if interrupted is None:
            stats["between actions"] += 1
        elif interrupted in state["actions"]:
            stats["committed, killed before it said so"] += 1
        else:
            kind = interrupted.split("-")[1]
            stats["rolled back"] += 1
            stats[f"rolled back: {kind}"] += 1
            assert state[kind] != interrupted and interrupted not in state["add"]
        stats["kills"] += 1
        stats["actions committed"] += len(ended)


@pytest.mark.slow
def test_sigkill_during_large_actions_never_damages_or_half_applies(tmp_path):
    base = tmp_path / "base.sqlite"
    make_demo(base, projects=300, years=1, seed=3)
    with Store.open(base) as s:
        projects = s.project_count()
    paths = {lane: tmp_path / f"lane{lane}.sqlite" for lane in LANES}
    for path in paths.values():
        path.write_bytes(base.read_bytes())
    lane_stats = {lane: Counter() for lane in LANES}
    errors: list[BaseException] = []
    rng = random.Random(int(os.environ.get("KILL_SEED", "20220630")))
    seeds = {lane: rng.random() for lane in LANES}

    def run(lane: str) -> None:
        try:
            _lane(lane, paths[lane], projects, random.Random(seeds[lane]), lane_stats[lane])
        except BaseException as exc:  # re-raised in the test thread
            errors.append(exc)

    started = time.perf_counter()
    threads = [threading.Thread(target=run, args=(lane,)) for lane in LANES]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    seconds = time.perf_counter() - started
    stats = sum(lane_stats.values(), Counter())
    print(f"\ncrash test: {dict(stats)} in {seconds:.1f} s")
    assert stats["kills"] >= 30
    assert stats["rolled back"] >= 10  # most kills land inside an action
    for path in paths.values():
        assert check_file(path, "full").ok
        with Store.open(path) as s:  # the app opens it without complaint
            assert s.project_count() >= projects
