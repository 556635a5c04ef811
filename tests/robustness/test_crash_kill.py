"""Crash safety: a child process doing large actions is SIGKILLed at random moments.

After every kill the ledger passes ``PRAGMA integrity_check`` and every action is all or
nothing: the interrupted one is either wholly there or wholly absent, and every action the
child reported as committed is there.  A second live process (:func:`kill_child.neighbour`)
reads, writes, backs up and checks the same ledger through the whole lane, and every save
it reported is there too.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import re
import signal
import sqlite3
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from desktop_app.store import Store
from desktop_app.store.demo import make_demo
from desktop_app.store.integrity import check_file

from . import kill_child
from .kill_child import ADD_BATCH, IMPORT_PERIODS, XLSX_ROWS, write_xlsx_files, xlsx_owner

LANES = ("A", "B")  # two children at a time, each on its own ledger (CI has two cores)
KILLS_PER_LANE = int(os.environ.get("KILLS_PER_LANE", "20"))  # CI: 40 kills
MARKER = re.compile(r"^([AB])(\d+)-(imp|edit|add|xlsx)-(\d+)$")


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
            "SELECT p.scope, y.annual_plan, count(*) FROM projects p "
            "LEFT JOIN project_years y ON y.project_id = p.id AND y.year = "
            "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'current_year') "
            "WHERE code NOT LIKE 'KILL%' "
            "AND scope GLOB '[AB]*-edit-*' GROUP BY p.scope, y.annual_plan"
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
        # Excel import: all 1,500 imported projects with one owner, or none of them
        xl = conn.execute(
            "SELECT owner, count(*) FROM projects WHERE code LIKE 'XL-%' GROUP BY owner"
        ).fetchall()
        assert len(xl) <= 1, f"a half-applied Excel import: {xl}"
        if xl:
            assert xl[0][1] == XLSX_ROWS
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
            "xlsx": xl[0][0] if xl else None,
            "actions": set(actions),
        }
    finally:
        conn.close()


def _neighbour_saves(progress: Path) -> tuple[set[int], list[str]]:
    """The milestones the neighbour reported saved, and any failure it reported."""
    lines = progress.read_text("utf-8").split("\n") if progress.exists() else []
    saved = {int(line[6:]) for line in lines if line.startswith("END NB")}
    return saved, [line for line in lines if line.startswith("BAD")]


def _saved_milestones(path: Path) -> set[int]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name FROM milestones WHERE name GLOB 'NB[0-9]*'").fetchall()
    finally:
        conn.close()
    return {int(r[0][2:]) for r in rows}


def _lane(lane: str, path: Path, projects: int, rng: random.Random, stats: Counter) -> None:
    ctx = multiprocessing.get_context("forkserver")
    progress, stop = path.parent / "neighbour.progress", path.parent / "neighbour.stop"
    neighbour = ctx.Process(target=kill_child.neighbour, args=(str(path), str(progress), str(stop)))
    neighbour.start()
    try:
        _kill_loop(lane, path, projects, rng, stats, ctx, progress)
    finally:
        stop.touch()
        neighbour.join(60)
        alive = neighbour.is_alive()
        if alive:
            neighbour.kill()
            neighbour.join()
    assert not alive and neighbour.exitcode == 0, "the neighbour did not close normally"
    saved, bad = _neighbour_saves(progress)
    assert not bad, bad
    assert progress.read_text("utf-8").rstrip().endswith("CLOSED")
    assert saved <= _saved_milestones(path)  # every save of the live neighbour is there
    stats["neighbour saves"] += len(saved)


def _kill_loop(
    lane: str,
    path: Path,
    projects: int,
    rng: random.Random,
    stats: Counter,
    ctx: multiprocessing.context.BaseContext,
    neighbour_progress: Path,
) -> None:
    for k in range(KILLS_PER_LANE):
        name = f"{lane}{k:02d}"
        progress = path.parent / f"{name}.progress"
        child = ctx.Process(
            target=kill_child.run, args=(str(path), name, str(path.parent), str(progress))
        )
        child.start()
        deadline = time.monotonic() + 60
        while not (progress.exists() and progress.read_text("utf-8").startswith("READY")):
            assert child.is_alive() and time.monotonic() < deadline, "the child did not start"
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 1.4))
        child.kill()  # SIGKILL
        child.join()
        assert child.exitcode == -signal.SIGKILL, progress.read_text("utf-8")[-500:]
        child.close()
        rest = progress.read_text("utf-8").split("\n")
        begun = [line[6:] for line in rest if line.startswith("BEGIN ")]
        ended = [line[4:] for line in rest if line.startswith("END ")]
        state = _state(path, projects)
        # every action the child saw commit is there (or superseded by a later one)
        interrupted = begun[-1] if begun and (not ended or ended[-1] != begun[-1]) else None
        for marker in ended:
            kind = marker.split("-")[1]
            if kind == "add":
                assert f"{marker}" in state["add"]
            elif kind == "xlsx":
                last = [m for m in ended if "-xlsx-" in m][-1]
                owners = {xlsx_owner(_order(last)[1])}
                if interrupted and "-xlsx-" in interrupted:
                    owners.add(xlsx_owner(_order(interrupted)[1]))
                assert state["xlsx"] in owners
            else:
                assert state[kind] is not None and _order(state[kind]) >= _order(marker)
        if interrupted is None:
            stats["between actions"] += 1
        elif "-xlsx-" in interrupted:  # the import's action is named by the importer
            committed = state["xlsx"] == xlsx_owner(_order(interrupted)[1])
            stats["Excel import interrupted: " + ("committed" if committed else "not applied")] += 1
        elif interrupted in state["actions"]:
            stats["committed, killed before it said so"] += 1
        else:
            kind = interrupted.split("-")[1]
            stats["rolled back"] += 1
            stats[f"rolled back: {kind}"] += 1
            assert state[kind] != interrupted and interrupted not in state["add"]
        saved, bad = _neighbour_saves(neighbour_progress)
        assert not bad, bad
        assert saved <= _saved_milestones(path), "a save of the live neighbour was lost"
        stats["kills"] += 1
        stats["actions committed"] += len(ended)
        stats["refused busy (nothing written)"] += sum(line.startswith("BUSY ") for line in rest)


@pytest.mark.slow
def test_sigkill_during_large_actions_never_damages_or_half_applies(tmp_path):
    base = tmp_path / "base.sqlite"
    make_demo(base, projects=300, years=1, seed=3)
    with Store.open(base) as s:
        projects = s.project_count()
    paths = {lane: tmp_path / lane / "ledger.sqlite" for lane in LANES}
    for path in paths.values():
        path.parent.mkdir()
        path.write_bytes(base.read_bytes())
        write_xlsx_files(path.parent)
    lane_stats = {lane: Counter() for lane in LANES}
    errors: list[BaseException] = []
    rng = random.Random(int(os.environ.get("KILL_SEED", "20220630")))
    seeds = {lane: rng.random() for lane in LANES}

    def run(lane: str) -> None:
        try:
            _lane(lane, paths[lane], projects, random.Random(seeds[lane]), lane_stats[lane])
        except BaseException as exc:  # re-raised in the test thread
            errors.append(exc)

    multiprocessing.set_forkserver_preload(["desktop_app.importers", "desktop_app.store"])
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
    assert stats["kills"] == KILLS_PER_LANE * len(LANES)
    assert stats["rolled back"] >= stats["kills"] // 4  # most kills land inside an action
    assert stats["neighbour saves"] >= stats["kills"]  # the live neighbour really was saving
    for path in paths.values():
        assert check_file(path, "full").ok
        with Store.open(path) as s:  # the app opens it without complaint
            assert s.project_count() >= projects
